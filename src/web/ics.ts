// The "add to calendar" file (&do=ics): the appointment, the series (RRULE) or one occurrence of it, under the Google event's own iCalUID.
import { buildCalendar, type IcsEvent } from '../domain/ical';
import type { Texts } from '../domain/i18n/texts';

export interface IcsAppointment {
  /** The Google event's iCalUID, so a calendar that also got an invitation sees one appointment, not two. */
  uid: string;
  title: string;
  hostName: string;
  /** RFC 5546 3.2.1: a PUBLISH names its organizer (the host's address). */
  organizerEmail: string;
  start: number;
  end: number;
  /** The attendee's page, to cancel or reschedule. */
  link: string;
  now: number;
  /** The attendee's language: the event's name and description in their calendar. */
  texts: Texts;
  /** A series: its first start and end (above) in `zone`, its rule lines, and its moved occurrences. */
  series?: { zone: string; lines: readonly string[]; moved: ReadonlyArray<{ originalStart: number; start: number; end: number }> };
  /** One occurrence of a series: its original start, so a calendar that holds the series sees this date of it. */
  recurrenceId?: number;
}

export const ICS_FILE_NAME = 'appointment.ics';

export function appointmentIcs(appointment: IcsAppointment): string {
  const { texts, hostName, link } = appointment;
  const title = appointment.title.trim() || texts.t('untitled');
  const event: IcsEvent = {
    uid: appointment.uid,
    // A published copy never outranks the host's invitations, whose sequence starts at 0 and grows.
    sequence: 0,
    dtstamp: appointment.now,
    start: appointment.start,
    end: appointment.end,
    summary: texts.t('mail.summary', { title, host: hostName }),
    description: texts.t('calendar.description', { host: hostName, link }),
    url: appointment.link,
    status: 'CONFIRMED',
    organizer: { email: appointment.organizerEmail, name: appointment.hostName },
    recurrenceId: appointment.recurrenceId,
  };
  const series = appointment.series;
  if (!series) return buildCalendar({ method: 'PUBLISH', events: [event] });
  // The series in its own zone (its rule repeats wall-clock times), each moved date as its own VEVENT (RFC 5545 3.8.4.4).
  const moved = series.moved.map((occurrence) => ({
    ...event,
    start: occurrence.start,
    end: occurrence.end,
    zone: series.zone,
    recurrenceId: occurrence.originalStart,
  }));
  return buildCalendar({ method: 'PUBLISH', events: [{ ...event, zone: series.zone, recurrence: series.lines }, ...moved] });
}
