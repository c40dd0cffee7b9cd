// A ledger row's delivery state changes, one named function each: what Twilio's answer or the attendee's choice does to the row.
import { MAX_SEND_ATTEMPTS, retryDelayMs, type Appointment } from './appointments';
import type { MessageKind } from './messages';
import { encodeAttempt, owedAnnouncement, withAttempt, decodeAttempt, type SentAttempt } from './sent-attempt';
import { explainTwilioError, isFailureStatus, statusRank } from './twilio';

/** How long an uncertain send waits for Twilio to show the message before we look it up. */
export const UNCERTAIN_WAIT_MS = 5 * 60_000;

/** What the ledger row and the event say when nothing was sent because of an opt-out. */
export const OPTED_OUT_ERROR = 'the attendee opted out of WhatsApp messages (replied STOP); nothing is sent to this number';

/**
 * Twilio accepted the message `attempt` describes as `sid`: what it announced is what the attendee
 * was told (a cancel keeps the time last announced, so a later re-booking compares with it). A move
 * or cancel made while it was on its way is still owed, so it stays pending. An old failure's reason
 * stays until the new message succeeds.
 */
export function deliveryAccepted(row: Appointment, attempt: SentAttempt, sid: string, status: string, at: number): Appointment {
  const told = attempt.kind !== 'cancelled';
  const next: Appointment = {
    ...row,
    announcedKind: attempt.kind,
    announcedStart: told ? attempt.start : row.announcedStart,
    announcedEnd: told ? attempt.end : row.announcedEnd,
    announcedAt: at,
    messageSid: sid,
    delivery: status,
    error: isFailureStatus(row.delivery) ? row.error : '',
    attempts: 0,
    retryAt: null,
    updatedAt: at,
    attempt: encodeAttempt(attempt),
  };
  return { ...next, pending: owedAnnouncement(next) };
}

/**
 * A message an uncertain send did create, found at Twilio: its acceptance, at the status Twilio shows
 * now (its callbacks may be lost), with the reason when that status is a failure.
 */
export function deliveryAdopted(
  row: Appointment,
  attempt: SentAttempt,
  found: { sid: string; status: string; errorCode?: number | null },
  at: number,
): Appointment {
  const adopted = deliveryAccepted(row, attempt, found.sid, found.status, at);
  if (!isFailureStatus(found.status)) return adopted;
  return { ...adopted, error: found.errorCode ? explainTwilioError(found.errorCode) : `Twilio reported the message as ${found.status}` };
}

/**
 * Twilio refused for good (bad number, bad template …): nothing is pending, the row shows why. The
 * refused message has no SID, so the earlier message's late statuses no longer reach the row.
 */
export function deliveryRejected(row: Appointment, reason: string, at: number): Appointment {
  return {
    ...row,
    pending: '',
    messageSid: '',
    delivery: 'failed',
    error: reason,
    attempts: row.attempts + 1,
    retryAt: null,
    updatedAt: at,
  };
}

/** The send may have gone out (a 5xx after the request left): still pending, looked up before any resend. */
export function deliveryUncertain(row: Appointment, reason: string, at: number): Appointment {
  return {
    ...row,
    delivery: 'uncertain',
    error: `${reason}; checking whether it was sent before trying again`,
    attempts: row.attempts + 1,
    retryAt: at + UNCERTAIN_WAIT_MS,
    updatedAt: at,
  };
}

/** Twilio could not be asked whether an uncertain send went out: the row waits and asks again later. */
export function deliveryLookupFailed(row: Appointment, reason: string, at: number): Appointment {
  return { ...row, retryAt: at + UNCERTAIN_WAIT_MS, error: `${reason}; asking again later`, updatedAt: at };
}

/**
 * Twilio does not show the uncertain send: it never arrived, so what is owed now is pending (sent
 * again, still uncertain until it is). When nothing is owed (a cancel of a booking that never reached
 * them), the row is settled: nothing pending, no delivery, no error.
 */
export function deliveryNotFound(row: Appointment, at: number): Appointment {
  const owed = owedAnnouncement(row);
  if (owed === '') return { ...row, pending: '', delivery: '', error: '', retryAt: null, updatedAt: at };
  return { ...row, pending: owed, retryAt: null, updatedAt: at };
}

/** Throttled or unreachable: retried with backoff, given up (failed, nothing pending) after MAX_SEND_ATTEMPTS. */
export function deliveryRetry(row: Appointment, reason: string, at: number): Appointment {
  const attempts = row.attempts + 1;
  if (attempts >= MAX_SEND_ATTEMPTS) {
    return {
      ...row,
      pending: '',
      messageSid: '',
      delivery: 'failed',
      error: `gave up after ${attempts} attempts: ${reason}`,
      attempts,
      retryAt: null,
      updatedAt: at,
    };
  }
  return { ...row, delivery: 'retrying', error: reason, attempts, retryAt: at + retryDelayMs(attempts), updatedAt: at };
}

/** The attendee replied STOP: nothing is sent to the number, and the row says so; Twilio's status is kept aside for START. */
export function deliveryOptedOut(row: Appointment, at: number): Appointment {
  const kept = statusRank(row.delivery) >= 0 ? withAttempt(row, { status: row.delivery }) : row;
  return { ...kept, pending: '', delivery: 'opted-out', error: OPTED_OUT_ERROR, attempts: 0, retryAt: null, updatedAt: at };
}

/**
 * The attendee opted back in: what the opt-out held back is pending again. A live appointment never
 * announced is announced as booked; one announced at another time, as moved; anything else needs nothing.
 */
export function deliveryOptedIn(row: Appointment, at: number): Appointment {
  const booked = row.announcedKind === 'scheduled' || row.announcedKind === 'rescheduled';
  const moved = row.start !== row.announcedStart || row.end !== row.announcedEnd;
  const live = row.state === 'active' && row.start > at;
  const pending = !live ? '' : !booked ? 'scheduled' : moved ? 'rescheduled' : '';
  // The status Twilio reported while the number was opted out shows again (green when it was delivered).
  const delivery = decodeAttempt(row.attempt)?.status ?? '';
  return { ...row, pending, delivery, error: '', attempts: 0, retryAt: null, updatedAt: at };
}

/** The appointment began before its `kind` message could go out: dropped, with the reason on the row. */
export function deliveryDropped(row: Appointment, kind: MessageKind, at: number): Appointment {
  return {
    ...row,
    pending: '',
    delivery: 'error',
    error: `not sent: the appointment began before the ${kind} message could go out`,
    updatedAt: at,
  };
}

/**
 * Whether Twilio's statuses of the row's `messageSid` still describe the row. Not while a later
 * message is uncertain or retrying, nor once it was dropped: that later message's outcome is what
 * the row (and the event's colour) shows, and a late "read" of the earlier one must not paint over
 * it. A refused or given-up message clears `messageSid` for the same reason.
 */
export function reportsLastMessage(row: Appointment): boolean {
  return row.delivery !== 'uncertain' && row.delivery !== 'retrying' && row.delivery !== 'error';
}

/** A newer status of the row's message while the attendee is opted out: kept aside for START, the row stays opted out. */
export function deliveryStatusKeptAside(row: Appointment, status: string, at: number): Appointment {
  return { ...withAttempt(row, { status }), updatedAt: at };
}

/** Twilio's status callback for the row's message (already known to be newer); a failure carries its explanation. */
export function deliveryStatusReported(row: Appointment, status: string, error: string, at: number): Appointment {
  return { ...row, delivery: status, error, updatedAt: at };
}
