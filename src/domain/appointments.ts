// The ledger's model of an appointment (one calendar event and one attendee number) and how calendar changes update it.
import { descriptionLanguage } from './description';
import { languageOfTag } from './i18n/languages';
import type { MessageKind } from './messages';
import type { LocationPhones } from './phone';

export type AppointmentState = 'active' | 'cancelled';

export interface Appointment {
  /** `${eventId}|${phone}`: one row per attendee number, so each gets its own link and delivery status. */
  key: string;
  eventId: string;
  iCalUID: string;
  phone: string;
  email: string;
  title: string;
  start: number;
  end: number;
  state: AppointmentState;
  /** An announcement decided but not yet accepted by Twilio. */
  pending: '' | MessageKind;
  announcedKind: '' | MessageKind;
  announcedStart: number | null;
  announcedEnd: number | null;
  announcedAt: number | null;
  messageSid: string;
  /** Twilio's status of the last message, or 'retrying' / 'uncertain' / 'error' before Twilio accepted it. */
  delivery: string;
  error: string;
  attempts: number;
  retryAt: number | null;
  token: string;
  updatedAt: number;
  /** Reminders sent for the current start, "offsetMinutes@startIso" separated by spaces (src/domain/reminders.ts). */
  reminded: string;
  /** When the last reminder went out: a bare "1" or "2" from this number answers the latest one. */
  remindedAt: number | null;
  /** When the attendee confirmed the current start; cleared when the appointment moves. */
  confirmedAt: number | null;
  /** The fingerprint of the last create sent, as JSON (src/domain/sent-attempt.ts); '' before the first. */
  attempt: string;
  /** Recurring events (src/domain/series.ts): the series this row belongs to; '' or absent for a single event. */
  seriesId?: string;
  /** 'series': the row of the whole series (its announcements); 'instance' / 'exception': one occurrence. */
  seriesRole?: SeriesRole;
  /** Series rows: the rule as JSON `{zone, start, lines}` (src/domain/series.ts). */
  recurrence?: string;
  /**
   * The language the host set on the event (its `Language:` line, a code such as "de"), as the sync last
   * saw it: kept when the event is deleted, so what is sent without the event at hand (a cancel, a
   * retry, a reminder) is still in it. '' when the event has none; absent on a row not yet stamped.
   */
  language?: string;
}

export type SeriesRole = '' | 'series' | 'instance' | 'exception';

/** A row of one occurrence of a series (untouched, or an exception the host changed). */
export function isOccurrenceRow(row: Pick<Appointment, 'seriesRole'>): boolean {
  return row.seriesRole === 'instance' || row.seriesRole === 'exception';
}

/** A row of a whole series: announced, coloured on the master, never reminded or listed (its occurrences are). */
export function isSeriesRow(row: Pick<Appointment, 'seriesRole'>): boolean {
  return row.seriesRole === 'series';
}

/** The fields of a calendar event that matter for announcements; everything else is noise. */
export interface EventSnapshot {
  id: string;
  iCalUID: string;
  cancelled: boolean;
  allDay: boolean;
  summary: string;
  location: string;
  start: number | null;
  end: number | null;
  /** The event's `Language:` code ('' for none); absent when the event did not say (a deleted event's bare id). */
  language?: string;
}

/**
 * An event's language for its snapshot: the code of its `Language:` line ('' when it has none or an
 * unknown one); undefined for a cancelled event, which comes back without its description.
 */
export function snapshotLanguage(cancelled: boolean, description: string | undefined): string | undefined {
  if (cancelled) return undefined;
  return languageOfTag(descriptionLanguage(description)) ?? '';
}

export function appointmentKey(eventId: string, phone: string): string {
  return `${eventId}|${phone}`;
}

export interface Reconciliation {
  /** Rows created or changed; unchanged rows are not listed, so noise writes nothing. */
  changed: Appointment[];
  /** Why the event's location could not be used, for the red colour and the description. */
  problem: string | null;
}

function isLive(event: EventSnapshot, now: number): boolean {
  return !event.cancelled && !event.allDay && event.start !== null && (event.end ?? now) > now;
}

function wasAnnounced(row: Appointment): boolean {
  return (row.announcedKind !== '' && row.announcedKind !== 'cancelled') || row.delivery === 'uncertain';
}

/**
 * Compares one changed event with its ledger rows. In baseline mode (the first sync after setup)
 * new rows are recorded as already announced, so nothing old is sent.
 */
export function reconcileEvent(input: {
  event: EventSnapshot;
  rows: readonly Appointment[];
  phones: LocationPhones;
  now: number;
  baseline?: boolean;
  newToken: (key: string) => string;
}): Reconciliation {
  const { event, rows, phones, now } = input;
  const changed: Appointment[] = [];
  const live = isLive(event, now);
  const endedOrAllDay = !event.cancelled && !live;
  if (endedOrAllDay) return { changed, problem: null };

  const wanted = new Set(live ? phones.phones : []);
  const byPhone = new Map(rows.map((row) => [row.phone, row]));

  for (const row of rows) {
    const next = { ...row };
    if (!wanted.has(row.phone)) {
      if (row.state === 'cancelled') continue;
      next.state = 'cancelled';
      next.pending = wasAnnounced(row) ? 'cancelled' : '';
      next.attempts = 0;
      next.retryAt = null;
    } else {
      const start = event.start as number;
      const end = event.end as number;
      const timeChanged = start !== row.start || end !== row.end;
      if (row.state === 'cancelled') {
        next.state = 'active';
        next.pending = 'scheduled';
        next.confirmedAt = null;
      } else if (timeChanged) {
        // A confirmation is for a time: the attendee has not confirmed the new one.
        next.confirmedAt = null;
        const backToAnnounced = start === row.announcedStart && end === row.announcedEnd;
        if (row.announcedKind === 'scheduled' || row.announcedKind === 'rescheduled') {
          next.pending = backToAnnounced ? '' : 'rescheduled';
        }
      } else if (
        row.title === event.summary &&
        row.iCalUID === event.iCalUID &&
        (event.language === undefined || row.language === event.language)
      ) {
        continue;
      }
      next.start = start;
      next.end = end;
      next.title = event.summary;
      next.iCalUID = event.iCalUID;
      // Like the title, the event's language changes the row silently: it is for what is sent next.
      if (event.language !== undefined) next.language = event.language;
      if (next.pending !== row.pending) {
        next.attempts = 0;
        next.retryAt = null;
      }
    }
    next.updatedAt = now;
    changed.push(next);
  }

  for (const phone of wanted) {
    if (byPhone.has(phone)) continue;
    const key = appointmentKey(event.id, phone);
    const start = event.start as number;
    const end = event.end as number;
    changed.push({
      key,
      eventId: event.id,
      iCalUID: event.iCalUID,
      phone,
      email: '',
      title: event.summary,
      start,
      end,
      state: 'active',
      pending: input.baseline ? '' : 'scheduled',
      announcedKind: input.baseline ? 'scheduled' : '',
      announcedStart: input.baseline ? start : null,
      announcedEnd: input.baseline ? end : null,
      announcedAt: null,
      messageSid: '',
      delivery: '',
      error: '',
      attempts: 0,
      retryAt: null,
      token: input.newToken(key),
      updatedAt: now,
      reminded: '',
      remindedAt: null,
      confirmedAt: null,
      attempt: '',
      ...(event.language === undefined ? {} : { language: event.language }),
    });
  }

  const problem = live && phones.invalid.length > 0 ? phones.invalid.map((item) => `${item.reason}`).join('; ') : null;
  return { changed, problem };
}

/** Rows whose announcement is due now. */
export function isDue(row: Appointment, now: number): boolean {
  return row.pending !== '' && (row.retryAt ?? now) <= now;
}

/** A move or booking that could not go out before the appointment began is no longer worth sending. */
export function isStale(row: Appointment, now: number): boolean {
  return row.pending !== 'cancelled' && row.start <= now;
}

/** Backoff for the next attempt after a retryable failure: 1, 2, 4 … minutes, at most an hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(60, 2 ** Math.max(0, attempts - 1)) * 60_000;
}

/** After this many failed attempts the change is given up on, red with the last reason. */
export const MAX_SEND_ATTEMPTS = 8;
