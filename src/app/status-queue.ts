// The StatusQueue sheet: status callbacks that changed something, appended without the lock and applied in batches by one run.
import { deleteScriptProperty, writeScriptProperties } from '../gas/properties';
import { SheetTable } from '../gas/sheets';
import { applyStatusUpdates, type StatusUpdate } from './delivery-status';
import type { Ledger } from './ledger';

/**
 * A sheet, not script properties: properties share a 500 KB store with the settings and a burst of
 * 3,000 callbacks would fill it; a sheet has no practical limit, takes concurrent appends atomically,
 * and is read in one call. The tick's status poll is the net for anything that never arrives.
 */
export const STATUS_QUEUE_SHEET = 'StatusQueue';
export const STATUS_QUEUE_COLUMNS = ['time', 'messageSid', 'status', 'errorCode'] as const;
/**
 * A script property set by a callback that queued and found the lock taken: the next run holding the
 * lock drains the queue. A flag in the properties every run has already read, so a run with nothing
 * queued pays no sheet read; one write per burst (it is set only when not set).
 */
export const QUEUE_WAITING_PROP = 'STATUS_QUEUE_WAITING';
/** How many times one run re-reads the queue for callbacks that came while it applied the last batch. */
const MAX_ROUNDS = 5;

export function ensureStatusQueue(): void {
  SheetTable.ensure(STATUS_QUEUE_SHEET, STATUS_QUEUE_COLUMNS);
}

/** Queues one callback; false when the sheet does not exist yet (the caller applies it under the lock). */
export function queueStatus(update: StatusUpdate, at: number): boolean {
  return SheetTable.open(STATUS_QUEUE_SHEET, STATUS_QUEUE_COLUMNS).appendRowAtomically([
    new Date(at).toISOString(),
    update.sid,
    update.status,
    update.errorCode,
  ]);
}

export function markQueueWaiting(props: Record<string, string>): void {
  if (!props[QUEUE_WAITING_PROP]) writeScriptProperties({ [QUEUE_WAITING_PROP]: '1' });
}

export function queueMayBeWaiting(props: Record<string, string>): boolean {
  return Boolean(props[QUEUE_WAITING_PROP]);
}

/**
 * Applies everything queued, under the caller's lock, into `ledger` (saved by the caller before it
 * deletes what it read: a run that dies in between applies the same statuses again, which changes
 * nothing). Returns the events to repaint and a function that removes the rows that were applied.
 */
export function drainStatusQueue(
  ledger: Ledger,
  props: Record<string, string>,
): { repaint: Set<string>; applied: number; acknowledge: () => void } {
  // Cleared before reading: a callback that queues after this sets it again, so nothing is left behind.
  if (props[QUEUE_WAITING_PROP]) deleteScriptProperty(QUEUE_WAITING_PROP);
  const table = SheetTable.open(STATUS_QUEUE_SHEET, STATUS_QUEUE_COLUMNS);
  const repaint = new Set<string>();
  let taken = 0;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const rows = table.readRows().slice(taken);
    if (rows.length === 0) break;
    const updates: StatusUpdate[] = rows.map((row) => ({ sid: row[1] ?? '', status: row[2] ?? '', errorCode: row[3] ?? '' }));
    for (const eventId of applyStatusUpdates(ledger, updates)) repaint.add(eventId);
    taken += rows.length;
  }
  return {
    repaint,
    applied: taken,
    acknowledge: () => table.deleteFirstRows(taken),
  };
}
