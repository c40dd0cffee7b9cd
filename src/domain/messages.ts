// What the attendee reads: message texts and WhatsApp template variables for each kind of announcement and reminder.
import { formatDateTime, formatRange } from './time';

export type MessageKind = 'scheduled' | 'rescheduled' | 'cancelled' | 'reminder';
export const MESSAGE_KINDS: readonly MessageKind[] = ['scheduled', 'rescheduled', 'cancelled', 'reminder'];

export interface AppointmentFacts {
  title: string;
  hostName: string;
  start: number;
  end: number;
  timeZone: string;
  locale: string;
  /** The attendee's page: cancel, reschedule, add to calendar. */
  link: string;
  /** Where to book a new time, offered after a cancel. */
  bookingLink: string;
  /** What the attendee was last told, for a move. */
  previousStart?: number;
  previousEnd?: number;
  /** Reminders: the link token the quick-reply buttons carry, and whether the attendee already confirmed. */
  buttonToken?: string;
  confirmed?: boolean;
}

const UNTITLED = 'Appointment';

function titleOf(facts: AppointmentFacts): string {
  const title = facts.title.trim();
  return title === '' ? UNTITLED : title;
}

/** Free text (Body) for text mode: Twilio's sandbox and open 24-hour sessions. */
export function messageText(kind: MessageKind, facts: AppointmentFacts): string {
  const title = titleOf(facts);
  const when = formatRange(facts.start, facts.end, facts.timeZone, facts.locale);
  switch (kind) {
    case 'scheduled':
      return [
        `Your appointment "${title}" with ${facts.hostName} is booked for ${when}.`,
        `To cancel, reschedule or add it to your calendar: ${facts.link}`,
      ].join('\n\n');
    case 'rescheduled': {
      const before = facts.previousStart === undefined ? '' : ` from ${formatDateTime(facts.previousStart, facts.timeZone, facts.locale)}`;
      return [
        `Your appointment "${title}" with ${facts.hostName} has moved${before} to ${when}.`,
        `To cancel, reschedule or add it to your calendar: ${facts.link}`,
      ].join('\n\n');
    }
    case 'cancelled':
      return [
        `Your appointment "${title}" with ${facts.hostName} on ${when} is cancelled.`,
        `To book a new time: ${facts.bookingLink}`,
      ].join('\n\n');
    case 'reminder':
      return [
        `Reminder: your appointment "${title}" with ${facts.hostName} is on ${when}.`,
        facts.confirmed
          ? `You have confirmed it. To cancel, reschedule or add it to your calendar: ${facts.link}`
          : `Reply 1 to confirm, 2 to cancel. To reschedule or add it to your calendar: ${facts.link}`,
      ].join('\n\n');
  }
}

/**
 * Variables for the approved WhatsApp templates, numbered as Twilio Content templates expect.
 * The same numbering for every kind keeps the host's template set simple (see README):
 * 1 title, 2 host, 3 when, 4 link (page, or booking page for a cancel), 5 previous time (moves only),
 * 6 and 7 the ids of the reminder's quick-reply buttons ("confirm:<token>", "cancel:<token>"; reminders only),
 * which Twilio returns as ButtonPayload when the attendee taps one.
 */
export function templateVariables(kind: MessageKind, facts: AppointmentFacts): Record<string, string> {
  const variables: Record<string, string> = {
    '1': titleOf(facts),
    '2': facts.hostName,
    '3': formatRange(facts.start, facts.end, facts.timeZone, facts.locale),
    '4': kind === 'cancelled' ? facts.bookingLink : facts.link,
  };
  if (kind === 'rescheduled' && facts.previousStart !== undefined) {
    variables['5'] = formatDateTime(facts.previousStart, facts.timeZone, facts.locale);
  }
  if (kind === 'reminder' && facts.buttonToken) {
    variables['6'] = `confirm:${facts.buttonToken}`;
    variables['7'] = `cancel:${facts.buttonToken}`;
  }
  return variables;
}
