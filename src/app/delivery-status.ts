// Twilio's delivery statuses applied to the ledger: from callbacks (one by one or queued) and from the tick's status poll.
import type { Appointment } from '../domain/appointments';
import { deliveryStatusKeptAside, deliveryStatusReported, reportsLastMessage } from '../domain/delivery';
import { decodeAttempt } from '../domain/sent-attempt';
import { explainTwilioError, isFailureStatus, isNewerStatus, isSuccessStatus, statusRank } from '../domain/twilio';
import { now } from '../gas/platform';
import type { Ledger } from './ledger';

export interface StatusUpdate {
  sid: string;
  status: string;
  errorCode: string;
}

/** Lower ranks first, so a batch holding "sent" and "delivered" of one message ends at "delivered". */
export function inStatusOrder(updates: StatusUpdate[]): StatusUpdate[] {
  return [...updates].sort((a, b) => statusRank(a.status) - statusRank(b.status));
}

function errorFor(row: Appointment, update: StatusUpdate): string {
  if (isFailureStatus(update.status)) {
    const code = Number(update.errorCode);
    return code ? explainTwilioError(code) : `Twilio reported the message as ${update.status}`;
  }
  // An old failure stays on the event until the new message succeeds.
  return isSuccessStatus(update.status) ? '' : row.error;
}

/**
 * Applies statuses to the rows that sent those messages; late, repeated or unknown ones change
 * nothing. A row the attendee opted out on stays opted out (red, with that reason): Twilio's status
 * is kept aside for when they write START. A row whose next message is uncertain, retrying, refused
 * or dropped keeps that state (an uncertain one would otherwise be sent again without its lookup).
 * Returns the events whose colour may have changed.
 */
export function applyStatusUpdates(ledger: Ledger, updates: StatusUpdate[]): Set<string> {
  const repaint = new Set<string>();
  if (updates.length === 0) return repaint;
  const bySid = new Map<string, string>();
  for (const row of ledger.all()) if (row.messageSid !== '') bySid.set(row.messageSid, row.key);
  const at = now();
  for (const update of inStatusOrder(updates)) {
    const key = bySid.get(update.sid);
    const row = key === undefined ? undefined : ledger.get(key);
    if (!row) continue;
    const base = { time: at, direction: 'status' as const, eventId: row.eventId, phone: row.phone, kind: row.announcedKind };
    if (row.delivery === 'opted-out') {
      const kept = decodeAttempt(row.attempt)?.status ?? '';
      if (!isNewerStatus(kept, update.status)) continue;
      ledger.put(deliveryStatusKeptAside(row, update.status, at));
      ledger.record({ ...base, messageSid: update.sid, status: update.status, detail: 'kept aside: the attendee opted out' });
      continue;
    }
    if (!reportsLastMessage(row)) {
      ledger.record({ ...base, messageSid: update.sid, status: update.status, detail: 'kept aside: a later message decides this row' });
      continue;
    }
    if (!isNewerStatus(row.delivery, update.status)) continue;
    const error = errorFor(row, update);
    ledger.put(deliveryStatusReported(row, update.status, error, at));
    ledger.record({ ...base, messageSid: update.sid, status: update.status, detail: isFailureStatus(update.status) ? error : '' });
    if (row.state === 'active') repaint.add(row.eventId);
  }
  return repaint;
}
