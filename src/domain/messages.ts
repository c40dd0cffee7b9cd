// What the attendee reads: message texts and WhatsApp template variables for each kind of announcement and reminder, in their language.
import type { TextKey, Texts } from './i18n/texts';
import { fitTitle, templateVariableValue } from './message-limits';
import { type SeriesPhraseInput, seriesWords } from './recurrence-words';
import { formatDateTime, formatRange } from './time';

export type MessageKind = 'scheduled' | 'rescheduled' | 'cancelled' | 'reminder';
export const MESSAGE_KINDS: readonly MessageKind[] = ['scheduled', 'rescheduled', 'cancelled', 'reminder'];

export interface AppointmentFacts {
  title: string;
  hostName: string;
  start: number;
  end: number;
  timeZone: string;
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
  /** A whole series: {when} is its rule in words from `start` on (src/domain/recurrence-words.ts). */
  series?: Omit<SeriesPhraseInput, 'first' | 'timeZone'>;
}

function titleOf(facts: AppointmentFacts, texts: Texts): string {
  const title = facts.title.trim();
  return title === '' ? texts.t('untitled') : title;
}

const SERIES_KEYS: Record<Exclude<MessageKind, 'reminder'>, TextKey> = {
  scheduled: 'message.seriesScheduled',
  rescheduled: 'message.seriesChanged',
  cancelled: 'message.seriesCancelled',
};

/** The catalogue text of a kind; a move without a known previous time, and a confirmed reminder, read differently. */
export function messageKey(kind: MessageKind, facts: Pick<AppointmentFacts, 'previousStart' | 'confirmed' | 'series'>): TextKey {
  if (facts.series && kind !== 'reminder') return SERIES_KEYS[kind];
  switch (kind) {
    case 'scheduled':
      return 'message.scheduled';
    case 'rescheduled':
      return facts.previousStart === undefined ? 'message.rescheduledPlain' : 'message.rescheduled';
    case 'cancelled':
      return 'message.cancelled';
    case 'reminder':
      return facts.confirmed ? 'message.reminderConfirmed' : 'message.reminder';
  }
}

/** The placeholder values of a message: {title}, {host}, {when}, {previous}, {link} (the booking page for a cancel). */
export function messageValues(kind: MessageKind, facts: AppointmentFacts, texts: Texts): Record<string, string> {
  const values: Record<string, string> = {
    title: titleOf(facts, texts),
    host: facts.hostName,
    when: facts.series
      ? seriesWords({ ...facts.series, first: { start: facts.start, end: facts.end }, timeZone: facts.timeZone }, texts)
      : formatRange(facts.start, facts.end, facts.timeZone, texts.locale),
    link: kind === 'cancelled' ? facts.bookingLink : facts.link,
  };
  if (facts.previousStart !== undefined) values.previous = formatDateTime(facts.previousStart, facts.timeZone, texts.locale);
  return values;
}

/** Free text (Body) for text mode: Twilio's sandbox and open 24-hour sessions. */
export function messageText(kind: MessageKind, facts: AppointmentFacts, texts: Texts): string {
  const values = messageValues(kind, facts, texts);
  // Within Twilio's 1,600 characters: a long title is cut, the appointment is still announced.
  return fitTitle(values.title, (title) => texts.t(messageKey(kind, facts), { ...values, title }));
}

/**
 * Variables for the approved WhatsApp templates, numbered as Twilio Content templates expect.
 * The same numbering for every kind keeps the host's template set simple (see README):
 * 1 title, 2 host, 3 when, 4 link (page, or booking page for a cancel), 5 previous time (moves only),
 * 6 and 7 the ids of the reminder's quick-reply buttons ("confirm:<token>", "cancel:<token>"; reminders only),
 * which Twilio returns as ButtonPayload when the attendee taps one. Dates are written in the template's language.
 */
export function templateVariables(kind: MessageKind, facts: AppointmentFacts, texts: Texts): Record<string, string> {
  const values = messageValues(kind, facts, texts);
  const variables: Record<string, string> = { '1': values.title, '2': values.host, '3': values.when, '4': values.link };
  if (kind === 'rescheduled' && values.previous !== undefined) variables['5'] = values.previous;
  if (kind === 'reminder' && facts.buttonToken) {
    variables['6'] = `confirm:${facts.buttonToken}`;
    variables['7'] = `cancel:${facts.buttonToken}`;
  }
  // As WhatsApp takes them: one line, no runs of spaces, at most 250 characters each.
  for (const key of Object.keys(variables)) variables[key] = templateVariableValue(variables[key]);
  return variables;
}

/** A catalogue text as a Content API template body: the placeholders become Twilio's numbered variables. */
export const TEMPLATE_VARIABLE_NUMBERS: Readonly<Record<string, string>> = { title: '1', host: '2', when: '3', link: '4', previous: '5' };

export function templateBody(text: string): string {
  return text.replace(/\{(title|host|when|link|previous)\}/g, (_, name: string) => `{{${TEMPLATE_VARIABLE_NUMBERS[name]}}}`);
}
