// The script's own calendar writes (colour, delivery block), remembered by etag so the trigger they fire can tell its echo from a host's edit.
import { PROP } from '../domain/settings';
import { readScriptProperty, writeScriptProperties } from '../gas/properties';
import type { AppContext } from './context';

/** Echoes come seconds after the write; an entry older than this is dropped (its event then simply syncs). */
const KEEP_MS = 3600_000;
/** A property value holds 9 KB; 40 entries of id, etag and time stay well below it. */
const MAX_ENTRIES = 40;

type OwnWrites = Map<string, { etag: string; at: number }>;

/** OWN_WRITES: {"<eventId>": ["<etag>", <ms>]}; anything unreadable is no entry. */
export function parseOwnWrites(raw: string | undefined | null): OwnWrites {
  const writes: OwnWrites = new Map();
  try {
    const value: unknown = JSON.parse(raw ?? '{}');
    if (value === null || typeof value !== 'object') return writes;
    for (const [id, entry] of Object.entries(value)) {
      if (Array.isArray(entry) && typeof entry[0] === 'string' && typeof entry[1] === 'number')
        writes.set(id, { etag: entry[0], at: entry[1] });
    }
  } catch {
    // An unreadable value only costs echoes a full sync.
  }
  return writes;
}

/** The property's next value: the stored entries, minus those listed since (`seen`) and old ones, plus this run's. */
export function nextOwnWrites(stored: OwnWrites, added: OwnWrites, seen: ReadonlySet<string>, at: number): string {
  const merged: OwnWrites = new Map();
  for (const [id, entry] of stored) if (!seen.has(id) && entry.at > at - KEEP_MS) merged.set(id, entry);
  for (const [id, entry] of added) merged.set(id, entry);
  const kept = [...merged].sort((a, b) => b[1].at - a[1].at).slice(0, MAX_ENTRIES);
  return JSON.stringify(Object.fromEntries(kept.map(([id, entry]) => [id, [entry.etag, entry.at]])));
}

/** True when every changed event is exactly as the script's own last write left it (an empty list too). */
export function onlyOwnWrites(items: ReadonlyArray<{ id?: string; etag?: string }>, stored: OwnWrites): boolean {
  return items.every((item) => item.id !== undefined && item.etag !== undefined && stored.get(item.id)?.etag === item.etag);
}

// One execution is one AppContext (see languages.ts): the writes of this execution, not yet stored.
const pending = new WeakMap<AppContext, OwnWrites>();

export function noteOwnWrite(context: AppContext, eventId: string, etag: string | undefined, at: number): void {
  if (!etag) return;
  let writes = pending.get(context);
  if (!writes) {
    writes = new Map();
    pending.set(context, writes);
  }
  writes.set(eventId, { etag, at });
}

/** This execution's own writes, taken (the sync stores them with its token in one write). */
export function takeOwnWrites(context: AppContext): OwnWrites {
  const writes = pending.get(context) ?? new Map();
  pending.delete(context);
  return writes;
}

/** For runs other than the sync (status callbacks, replies): under the lock, one read and one write when they painted. */
export function storeOwnWrites(context: AppContext, at: number): void {
  const writes = takeOwnWrites(context);
  if (writes.size === 0) return;
  const stored = parseOwnWrites(readScriptProperty(PROP.ownWrites));
  writeScriptProperties({ [PROP.ownWrites]: nextOwnWrites(stored, writes, new Set(), at) });
}
