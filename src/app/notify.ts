// Sends due announcements through Twilio in batches and records every outcome in the ledger.
import { isDue, isStale, type Appointment } from '../domain/appointments';
import {
  deliveryAccepted,
  deliveryAdopted,
  deliveryDropped,
  deliveryOptedOut,
  deliveryRejected,
  deliveryRetry,
  deliveryUncertain,
  OPTED_OUT_ERROR,
} from '../domain/delivery';
import { templateFor } from '../domain/message-mode';
import { messageText, templateVariables, type AppointmentFacts, type MessageKind } from '../domain/messages';
import { createMessageCall, listMessagesToCall, sendOutcome, type HttpCall, type SendOutcome } from '../domain/twilio';
import { fetchAll, type HttpResult } from '../gas/http';
import { now, sleep } from '../gas/platform';
import type { AppContext } from './context';
import { attendeeTexts } from './languages';
import type { Ledger } from './ledger';
import { OptOuts } from './optout';

/** Twilio accepts many parallel creates; 20 per fetchAll keeps one batch well inside a web request. */
const BATCH_SIZE = 20;
/** Throttling and outages are retried inside the run this many times before the tick takes over. */
const IN_RUN_RETRIES = 2;

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
  };
}

/** A cancel names the time the attendee was last told, not a move that never reached them. */
function announcementFacts(context: AppContext, row: Appointment, kind: MessageKind): AppointmentFacts {
  const facts = appointmentFacts(context, row);
  if (kind !== 'cancelled' || row.announcedStart === null || row.announcedEnd === null) return facts;
  return { ...facts, start: row.announcedStart, end: row.announcedEnd };
}

export function messageCall(context: AppContext, row: Appointment, kind: MessageKind): HttpCall {
  const { settings } = context;
  const facts = announcementFacts(context, row, kind);
  const texts = attendeeTexts(context, row.phone);
  const contentSid = templateFor(settings, kind, {
    phone: row.phone,
    at: now(),
    lastInbound: context.lastInbound,
    approval: context.templateApproval,
  });
  return createMessageCall(settings.twilio, {
    to: row.phone,
    from: settings.whatsappFrom || undefined,
    messagingServiceSid: settings.messagingServiceSid || undefined,
    body: contentSid ? undefined : messageText(kind, facts, texts),
    contentSid,
    contentVariables: contentSid ? templateVariables(kind, facts, texts) : undefined,
    statusCallback: context.statusCallbackUrl,
  });
}

function outcomeOf(result: HttpResult): SendOutcome {
  if ('error' in result) return { kind: 'retry', reason: `could not reach Twilio: ${result.error}` };
  return sendOutcome(result.status, result.body);
}

/** Sends each call, retrying only throttled or unreachable ones, with a short backoff between rounds. */
export function sendWithRetries(calls: HttpCall[]): SendOutcome[] {
  const outcomes: SendOutcome[] = new Array(calls.length);
  let waiting = calls.map((_, index) => index);
  for (let round = 0; round <= IN_RUN_RETRIES && waiting.length > 0; round++) {
    if (round > 0) sleep(1000 * 2 ** (round - 1));
    const results: HttpResult[] = [];
    for (let i = 0; i < waiting.length; i += BATCH_SIZE) {
      results.push(...fetchAll(waiting.slice(i, i + BATCH_SIZE).map((index) => calls[index])));
    }
    const stillWaiting: number[] = [];
    waiting.forEach((index, position) => {
      outcomes[index] = outcomeOf(results[position]);
      if (outcomes[index].kind === 'retry') stillWaiting.push(index);
    });
    waiting = stillWaiting;
  }
  return outcomes;
}

function oneSpaced(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * The message a 500 may or may not have created: Twilio's list of messages to that number says. A
 * message another row already owns is not it (the same attendee may have several appointments), and
 * in text mode its text must be exactly the one this row would send.
 */
function findUncertainMessage(
  context: AppContext,
  row: Appointment,
  kind: MessageKind,
  knownSids: ReadonlySet<string>,
): { sid: string; status: string } | null {
  const call = listMessagesToCall(context.settings.twilio, row.phone);
  const [result] = fetchAll([call]);
  if ('error' in result || result.status !== 200) return null;
  let messages: Array<Record<string, unknown>> = [];
  try {
    messages = (JSON.parse(result.body).messages ?? []) as Array<Record<string, unknown>>;
  } catch {
    return null;
  }
  const since = (row.updatedAt || 0) - 60_000;
  const body =
    context.settings.messageMode === 'template'
      ? null
      : messageText(kind, announcementFacts(context, row, kind), attendeeTexts(context, row.phone));
  const match = messages.find(
    (message) =>
      message.direction === 'outbound-api' &&
      Date.parse(String(message.date_created)) >= since &&
      !knownSids.has(String(message.sid)) &&
      (body === null || oneSpaced(String(message.body ?? '')) === oneSpaced(body)),
  );
  return match ? { sid: String(match.sid), status: String(match.status ?? 'queued') } : null;
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
  let knownSids: Set<string> | null = null;

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
      knownSids ??= new Set(
        ledger
          .all()
          .map((other) => other.messageSid)
          .filter((sid) => sid !== ''),
      );
      const found = findUncertainMessage(context, row, kind, knownSids);
      if (found) {
        ledger.put(deliveryAdopted(row, kind, found, at));
        knownSids.add(found.sid);
        ledger.record({
          time: at,
          direction: 'out',
          eventId: row.eventId,
          phone: row.phone,
          kind,
          messageSid: found.sid,
          status: found.status,
          detail: 'found after an uncertain send',
        });
        continue;
      }
    }
    toSend.push(row);
  }
  if (toSend.length === 0) return repaint;

  const outcomes = sendWithRetries(toSend.map((row) => messageCall(context, row, row.pending as MessageKind)));
  toSend.forEach((row, index) => {
    const kind = row.pending as MessageKind;
    const outcome = outcomes[index];
    const base = { time: at, eventId: row.eventId, phone: row.phone, kind };
    switch (outcome.kind) {
      case 'accepted':
        ledger.put(deliveryAccepted(row, kind, outcome.sid, outcome.status, at));
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
