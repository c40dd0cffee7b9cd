// The net under lost status callbacks: the tick asks Twilio for messages still queued or sent after a while.
import type { Appointment } from '../domain/appointments';
import { decodeAttempt, withAttempt } from '../domain/sent-attempt';
import { fetchMessageCall } from '../domain/twilio';
import { fetchAll } from '../gas/http';
import { now } from '../gas/platform';
import type { AppContext } from './context';
import { applyStatusUpdates, type StatusUpdate } from './delivery-status';
import type { Ledger } from './ledger';

/** A callback normally comes within seconds; after this long without one, Twilio is asked. */
export const POLL_AFTER_MS = 10 * 60_000;
/** Asked again at most this often per message while it stays queued or sent (a phone that is off). */
export const POLL_EVERY_MS = 30 * 60_000;
/** After this long Twilio's status is final; a message still "sent" then stays so. */
export const POLL_FOR_MS = 3 * 24 * 3600_000;
/** Per tick, so a backlog never fills a run: the oldest first. */
export const POLL_LIMIT = 100;
const BATCH_SIZE = 20;
const UNSETTLED = new Set(['accepted', 'scheduled', 'queued', 'sending', 'sent']);

function isUnsettled(row: Appointment, at: number): boolean {
  if (row.messageSid === '' || row.announcedAt === null || !UNSETTLED.has(row.delivery)) return false;
  const age = at - row.announcedAt;
  if (age < POLL_AFTER_MS || age > POLL_FOR_MS) return false;
  const polledAt = decodeAttempt(row.attempt)?.polledAt;
  return polledAt === undefined || at - polledAt >= POLL_EVERY_MS;
}

/** Fetches the status of unsettled messages (fetchAll batches) and applies it; returns the events to repaint. */
export function pollUnsettledStatuses(context: AppContext, ledger: Ledger): Set<string> {
  const at = now();
  const rows = ledger
    .all()
    .filter((row) => isUnsettled(row, at))
    .sort((a, b) => (a.announcedAt ?? 0) - (b.announcedAt ?? 0))
    .slice(0, POLL_LIMIT);
  if (rows.length === 0) return new Set();
  const updates: StatusUpdate[] = [];
  for (let i = 0; i < rows.length; i += BATCH_SIZE) {
    const batch = rows.slice(i, i + BATCH_SIZE);
    const results = fetchAll(batch.map((row) => fetchMessageCall(context.settings.twilio, row.messageSid)));
    results.forEach((result) => {
      if ('error' in result || result.status !== 200) return;
      try {
        const message = JSON.parse(result.body) as { sid?: string; status?: string; error_code?: number | null };
        if (message.sid && message.status) {
          updates.push({ sid: message.sid, status: message.status, errorCode: message.error_code ? String(message.error_code) : '' });
        }
      } catch {
        /* an unreadable answer: asked again next time */
      }
    });
  }
  const repaint = applyStatusUpdates(ledger, updates);
  for (const polled of rows) {
    const row = ledger.get(polled.key);
    if (row) ledger.put(withAttempt(row, { polledAt: at }));
  }
  return repaint;
}
