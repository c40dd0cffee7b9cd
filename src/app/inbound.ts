// The conversation on the host's number: an attendee's WhatsApp message verified, understood, acted on and answered.
import { type Appointment, isSeriesRow } from '../domain/appointments';
import { cleanInboundText, parseCommand, type Command } from '../domain/commands';
import { deliveryOptedIn, deliveryOptedOut } from '../domain/delivery';
import { errorMessage } from '../domain/errors';
import * as replies from '../domain/replies';
import { recordInbound } from '../domain/message-mode';
import { PROP } from '../domain/settings';
import { addDaysInZone } from '../domain/time';
import { createMessageCall, fetchMessageCall, sendOutcome } from '../domain/twilio';
import { cacheGet, cachePut, cacheRemove } from '../gas/cache';
import { fetchAll } from '../gas/http';
import { withScriptLock } from '../gas/lock';
import { sendMail } from '../gas/mail';
import { logError, logWarning } from '../gas/log';
import { now } from '../gas/platform';
import { writeScriptProperties } from '../gas/properties';
import { escapeHtml } from '../web/html';
import { repaintEvent } from './appearance';
import { storeOwnWrites } from './own-writes';
import { cancelByToken, rowForToken } from './attendee';
import type { AppContext } from './context';
import { Ledger, appendToLog, type LogEntry } from './ledger';
import { OptOuts } from './optout';
import { RequestError } from './requests';
import { rememberShownList, shownList } from './shown-list';
import type { Params } from './webhooks';
import { attendeeTexts, choicesOf, hostTexts, textsIn } from './languages';
import type { Texts } from '../domain/i18n/texts';

/** Twilio retries a webhook within minutes; the cache keeps a MessageSid for its maximum, 6 hours. */
const DEDUPE_SECONDS = 21_600;
const RATE_WINDOW_MS = 10 * 60_000;
/** Inbound messages per sender per window; the next one gets one "slow down", the rest only the log. */
const RATE_LIMIT = 10;
/** Twilio gives up on a webhook after 15 s. */
const LOCK_WAIT_MS = 8_000;
const LIST_DAYS = 30;
const MESSAGE_SID = /^(SM|MM)[0-9a-f]{32}$/i;
const WHATSAPP_ADDRESS = /^whatsapp:(\+[1-9]\d{6,14})$/;
/** Forwards to the host's WhatsApp stay under Twilio's 1,600 characters. */
const HOST_WHATSAPP_CHARS = 1500;

interface Sender {
  phone: string;
  address: string;
  profileName: string;
  messageSid: string;
  text: string;
  mediaCount: number;
}

/** What a command decided inside the lock; a cancel runs afterwards, because the cancel path takes the lock itself. */
interface Decision {
  reply: string | null;
  cancelToken?: string;
  forward?: boolean;
  optedOut: boolean;
}

export function isInboundMessage(params: Params): boolean {
  return !params.MessageStatus && MESSAGE_SID.test(params.MessageSid ?? '') && WHATSAPP_ADDRESS.test(params.From ?? '');
}

function replyContext(context: AppContext, texts: Texts): replies.ReplyContext {
  return {
    hostName: context.settings.hostName,
    timeZone: context.timeZone,
    texts,
    bookingLink: context.bookingLink,
  };
}

// ---- before anything is revealed ----

/** Counts the sender's messages in the cache: 'warn' once when over the limit, then 'silent' until the window passes. */
function rateCheck(phone: string, at: number): 'ok' | 'warn' | 'silent' {
  const key = `rate:${phone}`;
  let state: { times: number[]; warned: boolean } = { times: [], warned: false };
  try {
    state = { ...state, ...(JSON.parse(cacheGet(key) ?? '{}') as Partial<typeof state>) };
  } catch {
    // A damaged entry starts the count afresh.
  }
  const times = state.times.filter((time) => typeof time === 'number' && time > at - RATE_WINDOW_MS);
  times.push(at);
  const over = times.length > RATE_LIMIT;
  const verdict = !over ? 'ok' : state.warned ? 'silent' : 'warn';
  cachePut(key, JSON.stringify({ times: times.slice(-RATE_LIMIT - 1), warned: over }), RATE_WINDOW_MS / 1000);
  return verdict;
}

/**
 * The message must exist in our account as an inbound one from the same number: the key alone may have
 * leaked. It must also be younger than the dedupe window, so an old SID (forgotten by the cache) cannot
 * be posted again, as it was or with another body, to repeat a "cancel 1".
 */
function confirmedByTwilio(context: AppContext, sender: Sender, at: number): boolean {
  const [result] = fetchAll([fetchMessageCall(context.settings.twilio, sender.messageSid)]);
  if ('error' in result || result.status !== 200) return false;
  try {
    const message = JSON.parse(result.body) as Record<string, unknown>;
    const created = Date.parse(String(message.date_created ?? ''));
    const recent = !Number.isFinite(created) || at - created < DEDUPE_SECONDS * 1000;
    return (
      message.direction === 'inbound' &&
      message.from === sender.address &&
      message.account_sid === context.settings.twilio.accountSid &&
      recent
    );
  } catch {
    return false;
  }
}

// ---- the sender's own appointments ----

/** The sender's active appointments in the next 30 days, in start order: the numbering "cancel 2" refers to. */
export function ownAppointments(context: AppContext, ledger: Ledger, phone: string, at: number): Appointment[] {
  const until = addDaysInZone(at, LIST_DAYS, context.timeZone);
  return (
    ledger
      .all()
      // A series is listed as its occurrences, each on its own line.
      .filter((row) => row.phone === phone && row.state === 'active' && row.end > at && row.start < until && !isSeriesRow(row))
      .sort((a, b) => a.start - b.start || a.key.localeCompare(b.key))
  );
}

function listed(context: AppContext, rows: readonly Appointment[]): replies.ListedAppointment[] {
  return rows.map((row) => ({
    title: row.title,
    start: row.start,
    end: row.end,
    link: context.appointmentLink(row.token),
    confirmed: row.confirmedAt !== null,
  }));
}

/** The appointment of the sender's latest reminder that has not begun: what a bare "1" or "2" answers. */
function remindedRow(ledger: Ledger, phone: string, at: number): Appointment | undefined {
  return ledger
    .all()
    .filter((row) => row.phone === phone && row.state === 'active' && row.start > at && row.remindedAt !== null)
    .sort((a, b) => (b.remindedAt as number) - (a.remindedAt as number))[0];
}

// ---- acting on a command (inside the lock) ----

function confirm(context: AppContext, ledger: Ledger, row: Appointment, at: number, texts: Texts): string {
  if (row.confirmedAt === null) {
    ledger.put({ ...row, confirmedAt: at, updatedAt: at });
    repaintEvent(context, row.eventId, ledger.forEvent(row.eventId));
  }
  return replies.confirmedReply(row, replyContext(context, texts));
}

function optOut(context: AppContext, ledger: Ledger, optOuts: OptOuts, phone: string, at: number): void {
  optOuts.add(phone, at, 'WhatsApp STOP');
  const events = new Set<string>();
  for (const row of ledger.all()) {
    if (row.phone !== phone || row.state !== 'active' || row.end <= at) continue;
    ledger.put(deliveryOptedOut(row, at));
    events.add(row.eventId);
  }
  for (const eventId of events) repaintEvent(context, eventId, ledger.forEvent(eventId));
}

/** Opting back in re-arms what the opt-out held back; the next sync run announces it. */
function optIn(context: AppContext, ledger: Ledger, optOuts: OptOuts, phone: string, at: number): void {
  optOuts.remove(phone);
  const events = new Set<string>();
  for (const row of ledger.all()) {
    if (row.phone !== phone || row.delivery !== 'opted-out') continue;
    ledger.put(deliveryOptedIn(row, at));
    if (row.state === 'active') events.add(row.eventId);
  }
  for (const eventId of events) repaintEvent(context, eventId, ledger.forEvent(eventId));
  // The re-armed messages are the next sync's: asked for, so the echo of the repaint syncs in full.
  if (events.size > 0) writeScriptProperties({ [PROP.syncRequested]: String(at) });
}

/**
 * The row a command names: a bare word answers the latest reminder; a number is read in the list the sender
 * was shown, so a repeated "cancel 1" names the same (now cancelled) row, never the next one. Without a
 * remembered list the answer is a note to show with the current list, never a guess.
 */
function targetRow(
  ledger: Ledger,
  own: Appointment[],
  command: { kind: 'cancel' | 'confirm'; item: number | null },
  phone: string,
  at: number,
  texts: Texts,
): Appointment | 'which' | { note: string } {
  const { item } = command;
  if (item === null) return remindedRow(ledger, phone, at) ?? 'which';
  const shown = shownList(phone);
  if (shown === null) return { note: replies.listForgottenNote(command.kind, item, texts) };
  if (item < 1 || item > shown.length) return { note: replies.noSuchItemReply(item, own.length, texts) };
  const row = ledger.get(shown[item - 1]);
  if (!row || row.phone !== phone) return { note: replies.listForgottenNote(command.kind, item, texts) };
  return row;
}

function decide(context: AppContext, ledger: Ledger, command: Command, sender: Sender, at: number): Decision {
  const texts = attendeeTexts(context, sender.phone);
  const words = replyContext(context, texts);
  const optOuts = OptOuts.load();
  const optedOut = optOuts.has(sender.phone);
  const own = (): Appointment[] => ownAppointments(context, ledger, sender.phone, at);
  const list = (note = ''): string => {
    const rows = own();
    rememberShownList(
      sender.phone,
      rows.map((row) => row.key),
    );
    return replies.listReply(listed(context, rows), words, note);
  };
  switch (command.kind) {
    case 'list':
      return { reply: list(), optedOut };
    case 'help':
      return { reply: replies.helpReply(words), optedOut };
    case 'stop':
      optOut(context, ledger, optOuts, sender.phone, at);
      return { reply: replies.stopReply(words), optedOut: true };
    case 'start':
      optIn(context, ledger, optOuts, sender.phone, at);
      return { reply: replies.startReply(words), optedOut: false };
    case 'empty':
      return { reply: replies.emptyReply(texts), optedOut };
    case 'language': {
      if (command.language === null) return { reply: replies.languageUnknownReply(texts), optedOut };
      choicesOf(context).set(sender.phone, command.language, 'WhatsApp', at);
      return { reply: replies.languageSetReply(textsIn(context, command.language)), optedOut };
    }
    case 'media':
      return { reply: replies.mediaReply(words), forward: true, optedOut };
    case 'forward':
      return { reply: replies.forwardedReply(words), forward: true, optedOut };
    case 'button': {
      const row = rowForToken(context, ledger, command.token);
      // A button from someone else's reminder, or of an appointment that is over, reveals and changes nothing.
      if (!row || row.phone !== sender.phone || row.state !== 'active' || row.end <= at)
        return { reply: replies.notYoursReply(texts), optedOut };
      if (command.action === 'cancel') return { reply: null, cancelToken: row.token, optedOut };
      return { reply: confirm(context, ledger, row, at, texts), optedOut };
    }
    case 'cancel':
    case 'confirm': {
      const target = targetRow(ledger, own(), command, sender.phone, at, texts);
      if (target === 'which') return { reply: list(own().length > 0 ? replies.whichOneNote(command.kind, texts) : ''), optedOut };
      if ('note' in target) return { reply: list(target.note), optedOut };
      // The cancel path answers a cancelled or started appointment itself ("already cancelled", "has begun").
      if (command.kind === 'cancel') return { reply: null, cancelToken: target.token, optedOut };
      if (target.state !== 'active' || target.end <= at) return { reply: list(replies.notCurrentNote(command.item ?? 0, texts)), optedOut };
      return { reply: confirm(context, ledger, target, at, texts), optedOut };
    }
  }
}

// ---- talking back ----

function sendText(context: AppContext, to: string, body: string): { sid: string; status: string } | { error: string } {
  const { settings } = context;
  const call = createMessageCall(context.settings.twilio, {
    to,
    from: settings.whatsappFrom || undefined,
    messagingServiceSid: settings.messagingServiceSid || undefined,
    body,
  });
  const [result] = fetchAll([call]);
  if ('error' in result) return { error: `could not reach Twilio: ${result.error}` };
  const outcome = sendOutcome(result.status, result.body);
  return outcome.kind === 'accepted' ? { sid: outcome.sid, status: outcome.status } : { error: outcome.reason };
}

function replyEntry(sender: Sender, kind: string, sent: ReturnType<typeof sendText>, at: number): LogEntry {
  return {
    time: at,
    direction: 'out',
    eventId: '',
    phone: sender.phone,
    kind,
    messageSid: 'sid' in sent ? sent.sid : '',
    status: 'sid' in sent ? sent.status : 'failed',
    detail: 'error' in sent ? sent.error : '',
  };
}

/** WhatsApp to HOST_WHATSAPP when set, otherwise mail to the owner; the Messages log has the words either way. */
function forwardToHost(context: AppContext, ledger: Ledger, sender: Sender, at: number): LogEntry {
  const message = replies.hostForward({
    phone: sender.phone,
    profileName: sender.profileName,
    text: sender.text,
    mediaCount: sender.mediaCount,
    messageSid: sender.messageSid,
    appointments: listed(context, ownAppointments(context, ledger, sender.phone, at)),
    // What the host reads is in the host's language.
    context: replyContext(context, hostTexts(context)),
  });
  const base = { time: at, direction: 'note' as const, eventId: '', phone: sender.phone, kind: 'forward', messageSid: sender.messageSid };
  const hostNumber = context.settings.hostWhatsapp;
  if (hostNumber !== '') {
    const sent = sendText(context, hostNumber, `${message.subject}\n\n${message.body}`.slice(0, HOST_WHATSAPP_CHARS));
    if ('sid' in sent) return { ...base, status: 'forwarded', detail: `to ${hostNumber} on WhatsApp (${sent.sid})` };
    logWarning(`forward to HOST_WHATSAPP failed: ${sent.error}; mailing the owner instead`);
  }
  const owner = context.props[PROP.ownerEmail] ?? '';
  if (owner === '') return { ...base, status: 'not forwarded', detail: 'no OWNER_EMAIL or HOST_WHATSAPP; the text is in this log' };
  try {
    sendMail({
      to: owner,
      subject: message.subject,
      text: message.body,
      html: `<pre style="white-space:pre-wrap;font-family:inherit">${escapeHtml(message.body)}</pre>`,
    });
    return { ...base, status: 'forwarded', detail: `to ${owner} by email` };
  } catch (error) {
    return {
      ...base,
      status: 'not forwarded',
      detail: `mail failed: ${errorMessage(error)}; the text is in this log`,
    };
  }
}

function inboundEntry(sender: Sender, command: Command, status: string, at: number): LogEntry {
  const what =
    command.kind === 'button'
      ? `[button ${command.action}]`
      : sender.text || (sender.mediaCount > 0 ? `[${sender.mediaCount} attachment(s)]` : '[empty]');
  return {
    time: at,
    direction: 'in',
    eventId: '',
    phone: sender.phone,
    kind: command.kind,
    messageSid: sender.messageSid,
    status,
    detail: what,
  };
}

function logWithLock(entries: LogEntry[]): void {
  const result = withScriptLock(LOCK_WAIT_MS, () => appendToLog(entries));
  if (!result.ran) logWarning(`inbound log entries not written (lock busy): ${JSON.stringify(entries)}`);
}

function converse(context: AppContext, sender: Sender, command: Command, at: number): void {
  const locked = withScriptLock(LOCK_WAIT_MS, (): Decision => {
    const ledger = Ledger.load();
    const decision = decide(context, ledger, command, sender, at);
    const eventId = command.kind === 'button' ? (rowForToken(context, ledger, command.token)?.eventId ?? '') : '';
    ledger.record({ ...inboundEntry(sender, command, 'received', at), eventId });
    if (decision.forward) ledger.record(forwardToHost(context, ledger, sender, at));
    if (decision.reply !== null) ledger.record(replyEntry(sender, command.kind, sendText(context, sender.phone, decision.reply), at));
    ledger.save();
    storeOwnWrites(context, at);
    return decision;
  });
  if (!locked.ran) {
    // Let Twilio's retry (or the attendee's resend) be handled as new.
    cacheRemove(`in:${sender.messageSid}`);
    sendText(context, sender.phone, replies.busyReply(attendeeTexts(context, sender.phone)));
    logWarning(`inbound ${sender.messageSid} not handled: the script lock was busy`);
    return;
  }
  const { cancelToken, optedOut } = locked.value;
  if (cancelToken === undefined) return;
  // The web app's cancel path: it removes the event and runs the sync, which sends the one cancellation message.
  let reply: string | null;
  try {
    const result = cancelByToken(cancelToken);
    reply = result.status === 'cancelled' && !optedOut ? null : result.message;
  } catch (error) {
    if (!(error instanceof RequestError)) logError('cancel from WhatsApp failed', error);
    reply = error instanceof RequestError ? error.message : replies.cancelFailedReply(attendeeTexts(context, sender.phone));
  }
  if (reply !== null) logWithLock([replyEntry(sender, 'cancel', sendText(context, sender.phone, reply), now())]);
}

/** Handles one inbound message; the caller has checked the webhook key and AccountSid and answers Twilio with an empty response. */
export function handleInbound(context: AppContext, params: Params): void {
  if (!isInboundMessage(params)) return;
  const address = params.From as string;
  const sender: Sender = {
    phone: (WHATSAPP_ADDRESS.exec(address) as RegExpExecArray)[1],
    address,
    profileName: cleanInboundText(params.ProfileName ?? '').slice(0, 100),
    messageSid: params.MessageSid as string,
    text: cleanInboundText(params.Body ?? ''),
    mediaCount: Math.max(0, Math.min(10, Number(params.NumMedia) || 0)),
  };
  const dedupeKey = `in:${sender.messageSid}`;
  if (cacheGet(dedupeKey) !== null) return;
  cachePut(dedupeKey, '1', DEDUPE_SECONDS);

  const at = now();
  const command = parseCommand({ body: sender.text, buttonPayload: params.ButtonPayload, mediaCount: sender.mediaCount });
  // Verified first: a post that Twilio does not know must not count against the number it names.
  if (context.settings.verifyInbound && !confirmedByTwilio(context, sender, at)) {
    logWithLock([
      { ...inboundEntry(sender, command, 'rejected', at), detail: 'not found at Twilio as a recent inbound message from this number' },
    ]);
    return;
  }
  const rate = rateCheck(sender.phone, at);
  if (rate !== 'ok') {
    const entries = [inboundEntry(sender, command, 'rate-limited', at)];
    if (rate === 'warn')
      entries.push(
        replyEntry(sender, 'slow-down', sendText(context, sender.phone, replies.slowDownReply(attendeeTexts(context, sender.phone))), at),
      );
    logWithLock(entries);
    return;
  }
  // The attendee's message opens WhatsApp's 24-hour session: free text may reach them until it ends.
  writeScriptProperties({ [PROP.lastInbound]: JSON.stringify(recordInbound(context.lastInbound, sender.phone, at)) });
  converse(context, sender, command, at);
}
