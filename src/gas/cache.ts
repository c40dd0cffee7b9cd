// The script cache: short-lived shared memory between executions (webhook dedupe, rate limits).
/** Apps Script keeps entries at most 6 hours. */
export const CACHE_MAX_SECONDS = 21_600;

function cache(): GoogleAppsScript.Cache.Cache {
  return CacheService.getScriptCache();
}

export function cacheGet(key: string): string | null {
  return cache().get(key);
}

export function cachePut(key: string, value: string, seconds: number): void {
  cache().put(key, value, Math.min(Math.max(1, Math.round(seconds)), CACHE_MAX_SECONDS));
}

export function cacheRemove(key: string): void {
  cache().remove(key);
}
