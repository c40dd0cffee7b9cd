// What the host's number answers an attendee on WhatsApp: the list, help, opt-out, confirm and cancel replies, in the attendee's language.
import { LANGUAGE_CODES } from './i18n/languages';
import type { Texts } from './i18n/texts';
import { cutWithEllipsis } from './message-limits';
import { formatRange } from './time';

export interface ListedAppointment {
  title: string;
  start: number;
  end: number;
  link: string;
  confirmed: boolean;
}

export interface ReplyContext {
  hostName: string;
  timeZone: string;
  /** The attendee's language (the host's, for what the host reads). */
  texts: Texts;
  bookingLink: string;
}

const LIST_BUDGET_CHARS = 1200;
/** A title in the list: long enough to recognise, short enough that one appointment always fits the budget. */
const LIST_TITLE_MAX_CHARS = 120;

export function titleOrDefault(title: string, texts: Texts): string {
  return title.trim() === '' ? texts.t('untitled') : title.trim();
}

export function whenText(item: { start: number; end: number }, context: ReplyContext): string {
  return formatRange(item.start, item.end, context.timeZone, context.texts.locale);
}

/** The numbered list: the numbers are what "cancel 2" refers to. */
export function listReply(items: readonly ListedAppointment[], context: ReplyContext, note = ''): string {
  const { texts } = context;
  const host = context.hostName;
  const lead = note === '' ? '' : `${note}\n\n`;
  if (items.length === 0) return `${lead}${texts.t('reply.listEmpty', { host, link: context.bookingLink })}`;
  const lines: string[] = [];
  let length = 0;
  for (const [index, item] of items.entries()) {
    const mark = item.confirmed ? ` (${texts.t('reply.confirmedMark')})` : '';
    const title = cutWithEllipsis(titleOrDefault(item.title, texts), LIST_TITLE_MAX_CHARS);
    const line = `${index + 1}. "${title}"${mark}\n${whenText(item, context)}\n${item.link}`;
    // WhatsApp messages through Twilio stop at 1,600 characters; numbers stay those of the full list.
    if (length + line.length > LIST_BUDGET_CHARS) {
      lines.push(texts.t('reply.listMore', { count: items.length - index }));
      break;
    }
    lines.push(line);
    length += line.length + 2;
  }
  const heading =
    items.length === 1 ? texts.t('reply.listHeadingOne', { host }) : texts.t('reply.listHeadingMany', { host, count: items.length });
  const hint = items.length === 1 ? texts.t('reply.listHintOne') : texts.t('reply.listHintMany');
  return `${lead}${heading}\n\n${lines.join('\n\n')}\n\n${hint}`;
}

export function helpReply(context: ReplyContext): string {
  return context.texts.t('reply.help', { host: context.hostName, link: context.bookingLink, languages: LANGUAGE_CODES.join(', ') });
}

export function stopReply(context: ReplyContext): string {
  return context.texts.t('reply.stop', { host: context.hostName });
}

export function startReply(context: ReplyContext): string {
  return context.texts.t('reply.start', { host: context.hostName });
}

export function confirmedReply(item: { title: string; start: number; end: number }, context: ReplyContext): string {
  return context.texts.t('reply.confirmed', {
    title: titleOrDefault(item.title, context.texts),
    when: whenText(item, context),
    host: context.hostName,
  });
}

export function noSuchItemReply(item: number, count: number, texts: Texts): string {
  if (count === 0) return texts.t('reply.noItems');
  return count === 1 ? texts.t('reply.noSuchItemOne', { item }) : texts.t('reply.noSuchItemMany', { item, count });
}

export function listForgottenNote(action: 'cancel' | 'confirm', item: number, texts: Texts): string {
  return texts.t(action === 'cancel' ? 'reply.listForgottenCancel' : 'reply.listForgottenConfirm', { item });
}

export function notCurrentNote(item: number, texts: Texts): string {
  return texts.t('reply.notCurrent', { item });
}

export function whichOneNote(action: 'cancel' | 'confirm', texts: Texts): string {
  return texts.t(action === 'cancel' ? 'reply.whichCancel' : 'reply.whichConfirm');
}

export function forwardedReply(context: ReplyContext): string {
  return context.texts.t('reply.forwarded', { host: context.hostName });
}

export function mediaReply(context: ReplyContext): string {
  return context.texts.t('reply.media', { host: context.hostName });
}

export function emptyReply(texts: Texts): string {
  return texts.t('reply.empty');
}

export function slowDownReply(texts: Texts): string {
  return texts.t('reply.slowDown');
}

export function busyReply(texts: Texts): string {
  return texts.t('reply.busy');
}

export function notYoursReply(texts: Texts): string {
  return texts.t('reply.notYours');
}

export function cancelFailedReply(texts: Texts): string {
  return texts.t('reply.cancelFailed');
}

export function languageSetReply(texts: Texts): string {
  return texts.t('reply.languageSet');
}

export function languageUnknownReply(texts: Texts): string {
  return texts.t('reply.languageUnknown', { languages: LANGUAGE_CODES.join(', ') });
}

/** What the host reads: who wrote, the words, and their upcoming appointments for context. */
export function hostForward(input: {
  phone: string;
  profileName: string;
  text: string;
  mediaCount: number;
  messageSid: string;
  appointments: readonly ListedAppointment[];
  context: ReplyContext;
}): { subject: string; body: string } {
  const who = input.profileName.trim() === '' ? input.phone : `${input.profileName.trim()} (${input.phone})`;
  const media =
    input.mediaCount > 0
      ? `\n\n(${input.mediaCount} attachment${input.mediaCount === 1 ? '' : 's'}: open message ${input.messageSid} in the Twilio console.)`
      : '';
  const upcoming =
    input.appointments.length === 0
      ? 'No upcoming appointments in the next 30 days.'
      : input.appointments
          .map((item) => `- "${titleOrDefault(item.title, input.context.texts)}", ${whenText(item, input.context)}`)
          .join('\n');
  return {
    subject: `WhatsApp message from ${who}`,
    body: `${who} wrote on WhatsApp:\n\n${input.text === '' ? '(no text)' : input.text}${media}\n\nTheir appointments:\n${upcoming}\n\nTo answer, write to ${input.phone} on WhatsApp.`,
  };
}
