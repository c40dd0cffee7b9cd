// What the host's number answers an attendee on WhatsApp: the list, help, opt-out, confirm and cancel replies, in English.
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
  locale: string;
  bookingLink: string;
}

const UNTITLED = 'Appointment';
const LIST_BUDGET_CHARS = 1200;

export function titleOrDefault(title: string): string {
  return title.trim() === '' ? UNTITLED : title.trim();
}

export function whenText(item: { start: number; end: number }, context: ReplyContext): string {
  return formatRange(item.start, item.end, context.timeZone, context.locale);
}

/** The numbered list: the numbers are what "cancel 2" refers to. */
export function listReply(items: readonly ListedAppointment[], context: ReplyContext, note = ''): string {
  const lead = note === '' ? '' : `${note}\n\n`;
  if (items.length === 0) {
    return `${lead}You have no appointments with ${context.hostName} in the next 30 days. To book one: ${context.bookingLink}`;
  }
  const lines: string[] = [];
  let length = 0;
  for (const [index, item] of items.entries()) {
    const mark = item.confirmed ? ' (confirmed)' : '';
    const line = `${index + 1}. "${titleOrDefault(item.title)}"${mark}\n${whenText(item, context)}\n${item.link}`;
    // WhatsApp messages through Twilio stop at 1,600 characters; numbers stay those of the full list.
    if (length + line.length > LIST_BUDGET_CHARS) {
      lines.push(`… and ${items.length - index} more.`);
      break;
    }
    lines.push(line);
    length += line.length + 2;
  }
  const heading =
    items.length === 1
      ? `Your appointment with ${context.hostName} in the next 30 days:`
      : `Your ${items.length} appointments with ${context.hostName} in the next 30 days:`;
  const hint =
    items.length === 1
      ? 'Reply "cancel 1" to cancel it, or open the link to reschedule.'
      : 'Reply "cancel 2" to cancel the second one, or open a link to reschedule.';
  return `${lead}${heading}\n\n${lines.join('\n\n')}\n\n${hint} HELP shows everything I understand.`;
}

export function helpReply(context: ReplyContext): string {
  return [
    `This is ${context.hostName}'s appointment number. You can reply:`,
    'LIST: your appointments in the next 30 days',
    'CANCEL 2: cancel appointment 2 of the list',
    'CONFIRM 2: confirm appointment 2 of the list (or 1 after a reminder)',
    'STOP: no more WhatsApp messages from us; START: receive them again',
    `Anything else you write is passed on to ${context.hostName}.`,
    `To book a new time: ${context.bookingLink}`,
  ].join('\n');
}

export function stopReply(context: ReplyContext): string {
  return `You will no longer receive WhatsApp messages about appointments with ${context.hostName}. Reply START to receive them again.`;
}

export function startReply(context: ReplyContext): string {
  return `Welcome back: you will receive WhatsApp messages about your appointments with ${context.hostName} again. Reply LIST to see them.`;
}

export function confirmedReply(item: { title: string; start: number; end: number }, context: ReplyContext): string {
  return `Thank you, "${titleOrDefault(item.title)}" on ${whenText(item, context)} is confirmed. ${context.hostName} will see it in the calendar.`;
}

export function noSuchItemReply(item: number, count: number): string {
  return count === 0
    ? 'You have no upcoming appointments to choose from.'
    : `There is no appointment ${item} in your list; it has ${count === 1 ? '1 appointment' : `${count} appointments`}.`;
}

export function listForgottenNote(action: 'cancel' | 'confirm', item: number): string {
  return `I no longer know which list you mean, so nothing was changed. Here is your current list: reply "${action} ${item}" again if it is the one you mean.`;
}

export function notCurrentNote(item: number): string {
  return `Appointment ${item} of the list you were shown is no longer upcoming, so nothing was changed.`;
}

export function whichOneNote(action: 'cancel' | 'confirm'): string {
  return `Which one? Reply "${action} 1", "${action} 2" … with the number from this list.`;
}

export function forwardedReply(context: ReplyContext): string {
  return `Thank you, I have passed your message on to ${context.hostName}. Reply LIST to see your appointments.`;
}

export function mediaReply(context: ReplyContext): string {
  return `Thank you, I have passed it on to ${context.hostName}. I can only read text myself: reply LIST to see your appointments or HELP for more.`;
}

export function emptyReply(): string {
  return 'Your message was empty. Reply LIST to see your appointments or HELP for more.';
}

export function slowDownReply(): string {
  return 'You are sending messages very quickly, so I will not answer for a few minutes. Your messages are kept for the host.';
}

export function busyReply(): string {
  return 'Sorry, I am busy for a moment. Please send your message again in a minute.';
}

export function notYoursReply(): string {
  return 'That button belongs to an appointment that is no longer current. Reply LIST to see your appointments.';
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
      : input.appointments.map((item) => `- "${titleOrDefault(item.title)}", ${whenText(item, input.context)}`).join('\n');
  return {
    subject: `WhatsApp message from ${who}`,
    body: `${who} wrote on WhatsApp:\n\n${input.text === '' ? '(no text)' : input.text}${media}\n\nTheir appointments:\n${upcoming}\n\nTo answer, write to ${input.phone} on WhatsApp.`,
  };
}
