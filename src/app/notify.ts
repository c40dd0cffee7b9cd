// Sends due announcements through Twilio in batches and records every outcome in the ledger.
import { isDue, isStale, type Appointment } from '../domain/appointments';
import {
  deliveryAccepted,
  deliveryAdopted,
  deliveryDropped,
  deliveryLookupFailed,
  deliveryNotFound,
  deliveryOptedOut,
  deliveryRejected,
  deliveryRetry,
  deliveryUncertain,
  OPTED_OUT_ERROR,
} from '../domain/delivery';
import { messageText, templateVariables, type AppointmentFacts, type MessageKind } from '../domain/messages';
import { parseRecurrence } from '../domain/recurrence';
import { decodeSeriesRule } from '../domain/series';
import { decodeAttempt, encodeAttempt, textFingerprint, type SentAttempt } from '../domain/sent-attempt';
import { createMessageCall, listMessagesToCall, sendOutcome, type HttpCall, type SendOutcome } from '../domain/twilio';
import { fetchInBatches, type HttpResult } from '../gas/http';
import { now, sleep } from '../gas/platform';
import type { LanguageCode } from '../domain/i18n/languages';
import type { AppContext } from './context';
import { attendeeLanguage, textsIn } from './languages';
import { loggedOutboundSids, type Ledger } from './ledger';
import { OptOuts } from './optout';
import { templateMessage } from './templates';

/** Throttling and outages are retried inside the run this many times before the tick takes over. */
const IN_RUN_RETRIES = 2;

/** A series row's rule, for the messages about the whole series. */
function seriesFacts(row: Appointment): AppointmentFacts['series'] {
  const rule = row.seriesRole === 'series' ? decodeSeriesRule(row.recurrence) : null;
  return rule ? { recurrence: parseRecurrence(rule.lines), seriesZone: rule.zone, seriesStart: rule.start } : undefined;
}

export function appointmentFacts(context: AppContext, row: Appointment): AppointmentFacts {
  return {
    title: row.title,
    hostName: context.settings.hostName,
    start: row.start,
    end: row.end,
    timeZone: context.timeZone,
    link: context.appointmentLink(row.token),
    bookingLink: context.bookingLink,
    previousStart: row.announcedStart ?? undefined,
    previousEnd: row.announcedEnd ?? undefined,
    series: seriesFacts(row),
  };
}

/** A cancel names the time the attendee was last told, not a move that never reached them. */
function announcementFacts(context: AppContext, row: Appointment, kind: MessageKind): AppointmentFacts {
  const facts = appointmentFacts(context, row);
  if (kind !== 'cancelled' || row.announcedStart === null || row.announcedEnd === null) return facts;
  return { ...facts, start: row.announcedStart, end: row.announcedEnd };
}

/**
 * The language of a row's messages (announcements, retries, reminders, the cancel of a deleted event):
 * the attendee's choice, then the event's as its row keeps it (no calendar call: the event may be gone),
 * then the number's country and the host's language.
 */
export function rowLanguage(context: AppContext, row: Appointment): LanguageCode {
  return attendeeLanguage(context, row.phone, row.language || null).language;
}

export function messageCall(context: AppContext, row: Appointment, kind: MessageKind): HttpCall {
  return announcement(context, row, kind, 0).call;
}

/** The create request for a row's announcement and the fingerprint of what it announces. */
function announcement(context: AppContext, row: Appointment, kind: MessageKind, at: number): { call: HttpCall; attempt: SentAttempt } {
  const { settings } = context;
  const facts = announcementFacts(context, row, kind);
  const texts = textsIn(context, rowLanguage(context, row));
  const { contentSid, texts: variableTexts } = templateMessage(context, kind, row.phone, texts);
  const body = contentSid ? undefined : messageText(kind, facts, texts);
  const call = createMessageCall(settings.twilio, {
    to: row.phone,
    from: settings.whatsappFrom || undefined,
    messagingServiceSid: settings.messagingServiceSid || undefined,
    body,
    contentSid,
    contentVariables: contentSid ? templateVariables(kind, facts, variableTexts) : undefined,
    statusCallback: context.statusCallbackUrl,
  });
  return { call, attempt: { kind, start: facts.start, end: facts.end, at, text: body === undefined ? '' : textFingerprint(body) } };
}

/** A network error or a failed batch may have sent the message, like a 500: it is looked up before it is sent again. */
function outcomeOf(result: HttpResult): SendOutcome {
  if ('error' in result) {
    const reason = `could not reach Twilio: ${result.error}`;
    return result.maybeSent ? { kind: 'uncertain', reason } : { kind: 'retry', reason };
  }
  return sendOutcome(result.status, result.body);
}

/**
 * Sends each call, retrying only throttled or unreachable ones, with a short backoff between rounds.
 * `sent`: the first round's answers when the caller already sent the calls together with others.
 */
export function sendWithRetries(calls: HttpCall[], sent?: HttpResult[]): SendOutcome[] {
  const outcomes: SendOutcome[] = new Array(calls.length);
  let waiting = calls.map((_, index) => index);
  for (let round = 0; round <= IN_RUN_RETRIES && waiting.length > 0; round++) {
    if (round > 0) sleep(1000 * 2 ** (round - 1));
    const results = round === 0 && sent ? sent : fetchInBatches(waiting.map((index) => calls[index]));
    const stillWaiting: number[] = [];
    waiting.forEach((index, position) => {
      outcomes[index] = outcomeOf(results[position]);
      if (outcomes[index].kind === 'retry') stillWaiting.push(index);
    });
    waiting = stillWaiting;
  }
  return outcomes;
}

/** What Twilio's list of messages to the number says about an uncertain create. */
type Lookup = { found: { sid: string; status: string; errorCode: number | null } } | { found: null } | { unknown: string };

function parseMessages(result: HttpResult): Array<Record<string, unknown>> | null {
  if ('error' in result || result.status !== 200) return null;
  try {
    return (JSON.parse(result.body).messages ?? []) as Array<Record<string, unknown>>;
  } catch {
    return null;
  }
}

/**
 * The message an uncertain create may have made is matched by what was sent (number, time of the
 * attempt, and in text mode the text's fingerprint), never by the row's current title or time. A
 * message another row owns is not it (the same attendee may have several appointments).
 */
function matchUncertain(messages: Array<Record<string, unknown>>, attempt: SentAttempt, knownSids: ReadonlySet<string>): Lookup {
  const since = attempt.at - 60_000;
  const match = messages.find(
    (message) =>
      message.direction === 'outbound-api' &&
      Date.parse(String(message.date_created)) >= since &&
      !knownSids.has(String(message.sid)) &&
      (attempt.text === '' || textFingerprint(String(message.body ?? '')) === attempt.text),
  );
  return {
    found: match ? { sid: String(match.sid), status: String(match.status ?? 'queued'), errorCode: Number(match.error_code) || null } : null,
  };
}

/** One list call per uncertain row, all in fetchAll batches. */
function lookUpUncertain(context: AppContext, rows: Appointment[], knownSids: Set<string>): Lookup[] {
  const results = fetchInBatches(rows.map((row) => listMessagesToCall(context.settings.twilio, row.phone)));
  return rows.map((row, index) => {
    const attempt = decodeAttempt(row.attempt);
    const messages = parseMessages(results[index]);
    if (messages === null) return { unknown: 'Twilio could not be asked whether the message went out' };
    if (attempt === null) return { found: null };
    const lookup = matchUncertain(messages, attempt, knownSids);
    if ('found' in lookup && lookup.found) knownSids.add(lookup.found.sid);
    return lookup;
  });
}

/**
 * Uncertain creates: a message Twilio shows is adopted (and what is still owed stays pending); one it
 * does not show is sent again as the row now stands; when Twilio cannot be asked, the row waits.
 * Returns the rows to send now; adds to `repaint` the events whose rows settled (an adopted message
 * may already be delivered or failed, and its callbacks are not coming again).
 */
function settleUncertain(context: AppContext, ledger: Ledger, rows: Appointment[], at: number, repaint: Set<string>): Appointment[] {
  if (rows.length === 0) return [];
  // In template mode the text is Twilio's to render, so a chat reply or a reminder to the same number
  // would look like the create: every message the log shows was sent is ruled out.
  const knownSids = loggedOutboundSids(new Set(rows.map((row) => row.phone)));
  for (const other of ledger.all()) if (other.messageSid !== '') knownSids.add(other.messageSid);
  const lookups = lookUpUncertain(context, rows, knownSids);
  const again: Appointment[] = [];
  rows.forEach((row, index) => {
    const lookup = lookups[index];
    const attempt = decodeAttempt(row.attempt);
    if ('unknown' in lookup) {
      ledger.put(deliveryLookupFailed(row, lookup.unknown, at));
      return;
    }
    if (lookup.found && attempt) {
      const adopted = deliveryAdopted(row, attempt, lookup.found, at);
      ledger.put(adopted);
      ledger.record({
        time: at,
        direction: 'out',
        eventId: row.eventId,
        phone: row.phone,
        kind: attempt.kind,
        messageSid: lookup.found.sid,
        status: lookup.found.status,
        detail: 'found after an uncertain send',
      });
      repaint.add(row.eventId);
      if (adopted.pending !== '') again.push(adopted);
      return;
    }
    // Never arrived: what is owed now (a cancel of a booking that never reached them is owed nothing).
    const next = deliveryNotFound(row, at);
    if (next.pending === '') {
      ledger.put(next);
      repaint.add(row.eventId);
      return;
    }
    again.push(next);
  });
  return again;
}

/**
 * Sends every due announcement in the ledger. Returns the event ids whose appearance may need to
 * change (a send was refused for good, so the event turns red).
 */
export function sendDueAnnouncements(context: AppContext, ledger: Ledger): Set<string> {
  const at = now();
  const repaint = new Set<string>();
  const toSend: Appointment[] = [];
  // Read only when something is due, so a quiet tick costs no extra sheet read.
  let optOuts: OptOuts | null = null;
  const uncertain: Appointment[] = [];

  for (const row of ledger.all()) {
    if (!isDue(row, at)) continue;
    const kind = row.pending as MessageKind;
    optOuts ??= OptOuts.load();
    if (optOuts.has(row.phone)) {
      ledger.put(deliveryOptedOut(row, at));
      ledger.record({
        time: at,
        direction: 'note',
        eventId: row.eventId,
        phone: row.phone,
        kind,
        messageSid: '',
        status: 'opted-out',
        detail: `${kind} message not sent: ${OPTED_OUT_ERROR}`,
      });
      repaint.add(row.eventId);
      continue;
    }
    if (isStale(row, at)) {
      ledger.put(deliveryDropped(row, kind, at));
      ledger.record({
        time: at,
        direction: 'note',
        eventId: row.eventId,
        phone: row.phone,
        kind,
        messageSid: '',
        status: 'dropped',
        detail: 'appointment already began',
      });
      repaint.add(row.eventId);
      continue;
    }
    if (row.delivery === 'uncertain') {
      uncertain.push(row);
      continue;
    }
    toSend.push(row);
  }
  toSend.push(...settleUncertain(context, ledger, uncertain, at, repaint));
  if (toSend.length === 0) return repaint;

  const planned = toSend.map((row) => announcement(context, row, row.pending as MessageKind, at));
  const outcomes = sendWithRetries(planned.map((item) => item.call));
  toSend.forEach((sending, index) => {
    const kind = sending.pending as MessageKind;
    const attempt = planned[index].attempt;
    const row = { ...sending, attempt: encodeAttempt(attempt) };
    const outcome = outcomes[index];
    const base = { time: at, eventId: row.eventId, phone: row.phone, kind };
    switch (outcome.kind) {
      case 'accepted':
        ledger.put(deliveryAccepted(row, attempt, outcome.sid, outcome.status, at));
        ledger.record({ ...base, direction: 'out', messageSid: outcome.sid, status: outcome.status, detail: '' });
        return;
      case 'rejected':
        ledger.put(deliveryRejected(row, outcome.reason, at));
        ledger.record({ ...base, direction: 'out', messageSid: '', status: 'failed', detail: outcome.reason });
        repaint.add(row.eventId);
        return;
      case 'uncertain':
        ledger.put(deliveryUncertain(row, outcome.reason, at));
        ledger.record({ ...base, direction: 'out', messageSid: '', status: 'uncertain', detail: outcome.reason });
        return;
      case 'retry': {
        const next = deliveryRetry(row, outcome.reason, at);
        ledger.put(next);
        if (next.pending === '') repaint.add(row.eventId);
        ledger.record({ ...base, direction: 'out', messageSid: '', status: 'retrying', detail: outcome.reason });
      }
    }
  });
  return repaint;
}
