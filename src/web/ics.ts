// The "add to calendar" file (&do=ics): one VEVENT published under the Google event's own iCalUID.
import { buildCalendar } from '../domain/ical';

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
}

export const ICS_FILE_NAME = 'appointment.ics';

export function appointmentIcs(appointment: IcsAppointment): string {
  const title = appointment.title.trim() || 'Appointment';
  return buildCalendar({
    method: 'PUBLISH',
    events: [
      {
        uid: appointment.uid,
        // A published copy never outranks the host's invitations, whose sequence starts at 0 and grows.
        sequence: 0,
        dtstamp: appointment.now,
        start: appointment.start,
        end: appointment.end,
        summary: `${title} with ${appointment.hostName}`,
        description: `Your appointment with ${appointment.hostName}. To cancel or reschedule: ${appointment.link}`,
        url: appointment.link,
        status: 'CONFIRMED',
        organizer: { email: appointment.organizerEmail, name: appointment.hostName },
      },
    ],
  });
}
