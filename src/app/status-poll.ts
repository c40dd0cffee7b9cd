// The net under lost status callbacks: the tick asks Twilio for messages still queued or sent after a while.
import type { Appointment } from '../domain/appointments';
import { decodeAttempt, withAttempt } from '../domain/sent-attempt';
import { fetchMessageCall, type HttpCall } from '../domain/twilio';
import type { HttpResult } from '../gas/http';
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
const UNSETTLED = new Set(['accepted', 'scheduled', 'queued', 'sending', 'sent']);

function isUnsettled(row: Appointment, at: number): boolean {
  if (row.messageSid === '' || row.announcedAt === null || !UNSETTLED.has(row.delivery)) return false;
  const age = at - row.announcedAt;
  if (age < POLL_AFTER_MS || age > POLL_FOR_MS) return false;
  const polledAt = decodeAttempt(row.attempt)?.polledAt;
  return polledAt === undefined || at - polledAt >= POLL_EVERY_MS;
}

/** The messages the tick asks Twilio about, and the requests that ask. */
export interface StatusPoll {
  rows: Appointment[];
  calls: HttpCall[];
  at: number;
}

/** Unsettled messages, oldest first, at most POLL_LIMIT; the tick sends their requests with its reminders. */
export function planStatusPoll(context: AppContext, ledger: Ledger): StatusPoll {
  const at = now();
  const rows = ledger
    .all()
    .filter((row) => isUnsettled(row, at))
    .sort((a, b) => (a.announcedAt ?? 0) - (b.announcedAt ?? 0))
    .slice(0, POLL_LIMIT);
  return { rows, calls: rows.map((row) => fetchMessageCall(context.settings.twilio, row.messageSid)), at };
}

/** Applies Twilio's answers (in the order of `poll.calls`); returns the events to repaint. */
export function applyStatusPoll(ledger: Ledger, poll: StatusPoll, results: HttpResult[]): Set<string> {
  if (poll.rows.length === 0) return new Set();
  const updates: StatusUpdate[] = [];
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
  const repaint = applyStatusUpdates(ledger, updates);
  for (const polled of poll.rows) {
    const row = ledger.get(polled.key);
    if (row) ledger.put(withAttempt(row, { polledAt: poll.at }));
  }
  return repaint;
}
