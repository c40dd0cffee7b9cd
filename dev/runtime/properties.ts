// PropertiesService: script, user and document key-value stores with Apps Script's size limits.
import type { RuntimeCore } from './core';
import { expose } from './expose';

/** "Properties value size: 9 KB / val" (key and value together) and "total storage: 500 KB / property store". */
export const PROPERTY_VALUE_LIMIT_BYTES = 9 * 1024;
export const PROPERTY_STORE_LIMIT_BYTES = 500 * 1024;

const VALUE_TOO_LARGE = 'Argument too large: value';
const STORE_FULL = 'You have exceeded the property storage quota. Please remove some properties and try again.';

function bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** One property store; the sandbox reads and merges it directly (uncounted, limits still apply). */
export class PropertyStore {
  readonly data = new Map<string, string>();

  constructor(readonly kind: 'script' | 'user' | 'document') {}

  get(key: string): string | null {
    return this.data.has(key) ? (this.data.get(key) as string) : null;
  }

  toObject(): Record<string, string> {
    return Object.fromEntries(this.data);
  }

  /** A copy of every property, for the sandbox. */
  snapshot(): Record<string, string> {
    return this.toObject();
  }

  totalBytes(data: Map<string, string> = this.data): number {
    let total = 0;
    for (const [key, value] of data) total += bytes(key) + bytes(value);
    return total;
  }

  /** Sets several values at once, all or nothing, enforcing the limits. */
  merge(values: Record<string, unknown>, deleteAllOthers = false): void {
    const next = deleteAllOthers ? new Map<string, string>() : new Map(this.data);
    for (const [key, raw] of Object.entries(values)) {
      const value = String(raw);
      if (bytes(key) + bytes(value) > PROPERTY_VALUE_LIMIT_BYTES) throw new Error(VALUE_TOO_LARGE);
      next.set(key, value);
    }
    if (this.totalBytes(next) > PROPERTY_STORE_LIMIT_BYTES) throw new Error(STORE_FULL);
    this.data.clear();
    for (const [key, value] of next) this.data.set(key, value);
  }

  delete(key: string): void {
    this.data.delete(key);
  }

  clear(): void {
    this.data.clear();
  }
}

function requireKey(key: unknown): string {
  if (key === null || key === undefined) throw new Error('Invalid argument: key');
  return String(key);
}

/** The script-facing Properties object over one store. */
export class Properties implements GoogleAppsScript.Properties.Properties {
  constructor(private readonly store: PropertyStore) {}

  getProperty(key: string): string | null {
    return this.store.get(requireKey(key));
  }

  setProperty(key: string, value: string): GoogleAppsScript.Properties.Properties {
    this.store.merge({ [requireKey(key)]: value });
    return this;
  }

  setProperties(properties: { [key: string]: string }, deleteAllOthers?: boolean): GoogleAppsScript.Properties.Properties {
    if (properties === null || typeof properties !== 'object') throw new Error('Invalid argument: properties');
    this.store.merge(properties, Boolean(deleteAllOthers));
    return this;
  }

  getProperties(): { [key: string]: string } {
    return this.store.toObject();
  }

  getKeys(): string[] {
    return [...this.store.data.keys()];
  }

  deleteProperty(key: string): GoogleAppsScript.Properties.Properties {
    this.store.delete(requireKey(key));
    return this;
  }

  deleteAllProperties(): GoogleAppsScript.Properties.Properties {
    this.store.clear();
    return this;
  }
}

/** PropertiesService for a script bound to a spreadsheet (so document properties exist). */
export class PropertiesServiceEmulation {
  readonly script = new PropertyStore('script');
  readonly user = new PropertyStore('user');
  readonly document = new PropertyStore('document');

  /** Alias of `script`. */
  get scriptStore(): PropertyStore {
    return this.script;
  }

  constructor(private readonly core: RuntimeCore) {}

  service(): GoogleAppsScript.Properties.PropertiesService {
    const core = this.core;
    const stores = { script: this.script, user: this.user, document: this.document };
    const service = {
      getScriptProperties: () => expose(core, new Properties(stores.script), 'Properties'),
      getUserProperties: () => expose(core, new Properties(stores.user), 'Properties'),
      getDocumentProperties: () => expose(core, new Properties(stores.document), 'Properties'),
    };
    return expose(core, service, 'PropertiesService');
  }
}
