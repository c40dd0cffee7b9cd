// The numbered list an attendee was last shown on WhatsApp, remembered so that "cancel 2" means the row they saw.
import { CACHE_MAX_SECONDS, cacheGet, cachePut } from '../gas/cache';

function cacheKey(phone: string): string {
  return `shown:${phone}`;
}

/** Remembers the row keys in the order they were numbered (the full list, also past a cut-off in the text). */
export function rememberShownList(phone: string, rowKeys: readonly string[]): void {
  cachePut(cacheKey(phone), JSON.stringify(rowKeys), CACHE_MAX_SECONDS);
}

/** The row keys last shown to this number, or null when the cache no longer has them (expired or evicted). */
export function shownList(phone: string): string[] | null {
  const stored = cacheGet(cacheKey(phone));
  if (stored === null) return null;
  try {
    const keys: unknown = JSON.parse(stored);
    return Array.isArray(keys) && keys.every((key) => typeof key === 'string') ? keys : null;
  } catch {
    return null;
  }
}
