// CacheService: script, user and document caches with expiry on the runtime clock and Apps Script's limits.
import type { RuntimeCore } from './core';
import { expose } from './expose';

export const CACHE_VALUE_LIMIT_BYTES = 100 * 1024;
export const CACHE_KEY_LIMIT_CHARS = 250;
export const CACHE_DEFAULT_SECONDS = 600;
export const CACHE_MAX_SECONDS = 21600;
/**
 * "The cap for cached items is 1,000. If more than 1,000 items are written, the cache stores the 900
 * items farthest from expiration." (https://developers.google.com/apps-script/reference/cache/cache#putkey,-value,-expirationinseconds)
 */
export const CACHE_ITEM_CAP = 1000;
export const CACHE_ITEMS_KEPT = 900;

interface Entry {
  value: string;
  expiresAt: number;
}

/** One cache's entries; `entries` is visible to tests. */
export class CacheStore {
  readonly entries = new Map<string, Entry>();

  constructor(private readonly core: RuntimeCore) {}

  read(key: string): string | null {
    const entry = this.entries.get(key);
    if (!entry) return null;
    if (entry.expiresAt <= this.core.now) {
      this.entries.delete(key);
      return null;
    }
    return entry.value;
  }

  write(key: string, value: string, seconds: number): void {
    this.entries.set(key, { value, expiresAt: this.core.now + seconds * 1000 });
    if (this.entries.size > CACHE_ITEM_CAP) this.evict();
  }

  /** Past the cap, only the items farthest from expiry stay. */
  private evict(): void {
    for (const [key, entry] of this.entries) if (entry.expiresAt <= this.core.now) this.entries.delete(key);
    if (this.entries.size <= CACHE_ITEM_CAP) return;
    const kept = [...this.entries.entries()].sort((a, b) => b[1].expiresAt - a[1].expiresAt).slice(0, CACHE_ITEMS_KEPT);
    this.entries.clear();
    for (const [key, entry] of kept) this.entries.set(key, entry);
  }
}

function checkKey(key: unknown): string {
  if (key === null || key === undefined) throw new Error('Invalid argument: key');
  const text = String(key);
  if (text.length > CACHE_KEY_LIMIT_CHARS) throw new Error('Argument too large: key');
  return text;
}

function checkValue(value: unknown): string {
  if (value === null || value === undefined) throw new Error('Invalid argument: value');
  const text = String(value);
  if (Buffer.byteLength(text, 'utf8') > CACHE_VALUE_LIMIT_BYTES) throw new Error('Argument too large: value');
  return text;
}

/** Expiry in seconds, within Apps Script's documented 1..21600 (longer requests live at most 6 hours). */
function checkSeconds(seconds: unknown): number {
  if (seconds === undefined) return CACHE_DEFAULT_SECONDS;
  const n = Number(seconds);
  if (!Number.isFinite(n)) throw new Error('Invalid argument: expirationInSeconds');
  return Math.min(Math.max(n, 1), CACHE_MAX_SECONDS);
}

export class Cache implements GoogleAppsScript.Cache.Cache {
  constructor(private readonly store: CacheStore) {}

  get(key: string): string | null {
    return this.store.read(checkKey(key));
  }

  getAll(keys: string[]): { [key: string]: string } {
    const result: Record<string, string> = {};
    for (const key of keys) {
      const value = this.store.read(checkKey(key));
      if (value !== null) result[key] = value;
    }
    return result;
  }

  put(key: string, value: string, expirationInSeconds?: number): void {
    this.store.write(checkKey(key), checkValue(value), checkSeconds(expirationInSeconds));
  }

  putAll(values: { [key: string]: string }, expirationInSeconds?: number): void {
    const seconds = checkSeconds(expirationInSeconds);
    const checked = Object.entries(values).map(([k, v]) => [checkKey(k), checkValue(v)] as const);
    for (const [key, value] of checked) this.store.write(key, value, seconds);
  }

  remove(key: string): void {
    this.store.entries.delete(checkKey(key));
  }

  removeAll(keys: string[]): void {
    for (const key of keys) this.store.entries.delete(checkKey(key));
  }
}

export class CacheServiceEmulation {
  readonly script: CacheStore;
  readonly user: CacheStore;
  readonly document: CacheStore;

  constructor(private readonly core: RuntimeCore) {
    this.script = new CacheStore(core);
    this.user = new CacheStore(core);
    this.document = new CacheStore(core);
  }

  service(): GoogleAppsScript.Cache.CacheService {
    const core = this.core;
    const service = {
      getScriptCache: () => expose(core, new Cache(this.script), 'Cache'),
      getUserCache: () => expose(core, new Cache(this.user), 'Cache'),
      getDocumentCache: () => expose(core, new Cache(this.document), 'Cache'),
    };
    return expose(core, service, 'CacheService');
  }
}
