// Email invitations of a series through the real bundle: the series as one VEVENT with RRULE/EXDATE, a date changed or cancelled as a RECURRENCE-ID object, checked with ical.js against the Calendar's instances.
import ICAL from 'ical.js';
import type { Sandbox } from '../../dev/sandbox';
import type { SentMail } from '../../dev/runtime/mail';
import { newSandbox } from '../support/sandbox';

const JANE = { email: 'jane@example.org', displayName: 'Jane Doe' };
const at = (iso: string) => ({ dateTime: iso, timeZone: 'Europe/Berlin' });

function emailSandbox(): Sandbox {
  return newSandbox({ settings: { INVITATION_MODE: 'email' } });
}

/** A weekly series from Tuesday 6 January 2026, 10:00 Berlin, with Jane as a guest; the clock is Monday 5 January. */
function weekly(sandbox: Sandbox, recurrence: string[]): string {
  const [created] = sandbox.insertEvents([
    {
      summary: 'Therapy',
      location: '+49 151 23456789',
      start: at('2026-01-06T10:00:00+01:00'),
      end: at('2026-01-06T10:50:00+01:00'),
      recurrence,
      attendees: [JANE],
    },
  ]);
  return (created as { id: string }).id;
}

const mails = (sandbox: Sandbox): SentMail[] => sandbox.runtime.mail.sent;

interface Invite {
  method: string;
  mimeMethod: string;
  events: ICAL.Event[];
  calendar: ICAL.Component;
}

function invite(mail: SentMail): Invite {
  const [file] = mail.attachments;
  for (const line of file.text.slice(0, -2).split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
  const calendar = new ICAL.Component(ICAL.parse(file.text));
  return {
    method: String(calendar.getFirstPropertyValue('method')),
    mimeMethod: /method=([A-Z]+)/.exec(file.contentType ?? '')?.[1] ?? '',
    events: calendar.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent)),
    calendar,
  };
}

/**
 * What a calendar holding these objects shows, the way a client applies iTIP (RFC 5546): the series
 * object replaces the series, a RECURRENCE-ID object replaces (REQUEST) or removes (CANCEL) that date.
 */
function attendeeCalendar(invites: Invite[]): string[] {
  let master: ICAL.Event | null = null;
  const overrides = new Map<string, ICAL.Event | 'cancelled'>();
  for (const { method, events } of invites) {
    for (const event of events) {
      if (!event.isRecurrenceException()) {
        if (method === 'CANCEL') return [];
        master = event;
        overrides.clear();
      } else {
        overrides.set(event.recurrenceId.toJSDate().toISOString(), method === 'CANCEL' ? 'cancelled' : event);
      }
    }
  }
  if (!master) return [];
  const iterator = master.iterator();
  const starts: string[] = [];
  for (let next = iterator.next(); next; next = iterator.next()) {
    const original = next.toJSDate().toISOString();
    const override = overrides.get(original);
    if (override === 'cancelled') continue;
    starts.push(override ? override.startDate.toJSDate().toISOString() : original);
    if (starts.length > 60) break;
  }
  return starts.sort();
}

/** The occurrences the Calendar shows (Events.instances, cancelled ones left out), in start order. */
function googleShows(sandbox: Sandbox, id: string): string[] {
  return sandbox
    .instances(id)
    .filter((instance) => (instance as { status: string }).status !== 'cancelled')
    .map((instance) => new Date((instance as { start: { dateTime: string } }).start.dateTime).toISOString())
    .sort();
}

const sequenceOf = (event: ICAL.Event) => Number(event.component.getFirstPropertyValue('sequence'));

describe('email invitations of a series', () => {
  it('a new series is one REQUEST: one VEVENT with RRULE and EXDATE in its zone, expanding across DST to what the Calendar shows', () => {
    const sandbox = emailSandbox();
    const id = weekly(sandbox, ['RRULE:FREQ=WEEKLY;BYDAY=TU;COUNT=14', 'EXDATE;TZID=Europe/Berlin:20260120T100000']);
    expect(mails(sandbox)).toHaveLength(1);
    const first = invite(mails(sandbox)[0]);
    expect([first.method, first.mimeMethod]).toEqual(['REQUEST', 'REQUEST']);
    expect(first.events).toHaveLength(1);
    const [series] = first.events;
    expect(series.uid).toBe(`${id}@google.com`);
    expect(series.isRecurring()).toBe(true);
    expect(series.component.getFirstProperty('dtstart')?.getParameter('tzid')).toBe('Europe/Berlin');
    expect(first.calendar.getFirstSubcomponent('vtimezone')?.getFirstPropertyValue('tzid')).toBe('Europe/Berlin');
    const shown = attendeeCalendar([first]);
    expect(shown).toEqual(googleShows(sandbox, id));
    expect(shown).toHaveLength(13);
    expect(shown.at(-1)).toBe('2026-04-07T08:00:00.000Z');
    expect(mails(sandbox)[0].subject).toContain('every Tuesday, 10:00–10:50 CET (UTC+1), from Tuesday, 6 January 2026, 14 times');
  });

  it('one date moved is one REQUEST with RECURRENCE-ID, same UID, higher SEQUENCE; one date cancelled is one CANCEL of that date', () => {
    const sandbox = emailSandbox();
    const id = weekly(sandbox, ['RRULE:FREQ=WEEKLY;BYDAY=TU;COUNT=8']);
    sandbox.patchEvent(`${id}_20260120T090000Z`, { start: at('2026-01-21T15:00:00+01:00'), end: at('2026-01-21T15:50:00+01:00') });
    sandbox.cancelEvent(`${id}_20260127T090000Z`);
    sandbox.fireCalendarTrigger();
    const sent = mails(sandbox).map(invite);
    expect(sent.map((item) => item.method)).toEqual(['REQUEST', 'REQUEST', 'CANCEL']);
    const [series, moved, cancelled] = sent.map((item) => item.events);
    expect(moved).toHaveLength(1);
    expect(cancelled).toHaveLength(1);
    for (const event of [moved[0], cancelled[0]]) expect(event.uid).toBe(series[0].uid);
    expect(moved[0].recurrenceId.toJSDate().toISOString()).toBe('2026-01-20T09:00:00.000Z');
    expect(moved[0].startDate.toJSDate().toISOString()).toBe('2026-01-21T14:00:00.000Z');
    expect(cancelled[0].recurrenceId.toJSDate().toISOString()).toBe('2026-01-27T09:00:00.000Z');
    expect(String(cancelled[0].component.getFirstPropertyValue('status'))).toBe('CANCELLED');
    expect(sent[2].mimeMethod).toBe('CANCEL');
    expect(sequenceOf(moved[0])).toBeGreaterThan(sequenceOf(series[0]));
    expect(sequenceOf(cancelled[0])).toBeGreaterThan(sequenceOf(moved[0]));
    expect(mails(sandbox)[1].body).toContain('has moved to Wednesday, 21 January 2026, 15:00–15:50 CET (UTC+1)');
    expect(mails(sandbox)[2].body).toContain('on Tuesday, 27 January 2026, 10:00–10:50 CET (UTC+1) is cancelled');
    expect(attendeeCalendar(sent)).toEqual(googleShows(sandbox, id));
    // Nothing again on the next sync.
    sandbox.fireCalendarTrigger();
    expect(mails(sandbox)).toHaveLength(3);
  });

  it('the series changed after a date was moved and one cancelled: one REQUEST carrying the new rule, the moved date and the EXDATE', () => {
    const sandbox = emailSandbox();
    const id = weekly(sandbox, ['RRULE:FREQ=WEEKLY;BYDAY=TU;COUNT=8']);
    sandbox.patchEvent(`${id}_20260120T090000Z`, { start: at('2026-01-21T15:00:00+01:00'), end: at('2026-01-21T15:50:00+01:00') });
    sandbox.cancelEvent(`${id}_20260127T090000Z`);
    sandbox.patchEvent(id, { recurrence: ['RRULE:FREQ=WEEKLY;BYDAY=TU;COUNT=10'] });
    sandbox.fireCalendarTrigger();
    const sent = mails(sandbox).map(invite);
    expect(sent.map((item) => item.method)).toEqual(['REQUEST', 'REQUEST', 'CANCEL', 'REQUEST']);
    const last = sent[3];
    expect(last.events.map((event) => event.isRecurrenceException())).toEqual([false, true]);
    expect(sequenceOf(last.events[0])).toBeGreaterThan(sequenceOf(sent[2].events[0]));
    expect(attendeeCalendar(sent)).toEqual(googleShows(sandbox, id));
    expect(attendeeCalendar([last])).toEqual(googleShows(sandbox, id));
    expect(googleShows(sandbox, id)).toHaveLength(9);
  });

  it('the series deleted is one CANCEL of the whole series, not one per date', () => {
    const sandbox = emailSandbox();
    const id = weekly(sandbox, ['RRULE:FREQ=WEEKLY;BYDAY=TU']);
    sandbox.patchEvent(`${id}_20260120T090000Z`, { start: at('2026-01-21T15:00:00+01:00'), end: at('2026-01-21T15:50:00+01:00') });
    sandbox.cancelEvent(id);
    sandbox.fireCalendarTrigger();
    sandbox.fireCalendarTrigger();
    const sent = mails(sandbox).map(invite);
    expect(sent.map((item) => item.method)).toEqual(['REQUEST', 'REQUEST', 'CANCEL']);
    const [cancel] = sent[2].events;
    expect(cancel.isRecurrenceException()).toBe(false);
    expect(cancel.uid).toBe(`${id}@google.com`);
    expect(String(cancel.component.getFirstPropertyValue('status'))).toBe('CANCELLED');
    expect(mails(sandbox)[2].body).toContain('are cancelled');
    expect(attendeeCalendar(sent)).toEqual([]);
  });

  it('a series that started in the past is still invited, and a date far ahead moved on its own reaches the guest', () => {
    const sandbox = emailSandbox();
    const [created] = sandbox.insertEvents([
      {
        summary: 'Coaching',
        start: at('2025-11-04T18:00:00+01:00'),
        end: at('2025-11-04T19:00:00+01:00'),
        recurrence: ['RRULE:FREQ=WEEKLY;BYDAY=TU'],
        attendees: [JANE],
      },
    ]);
    const id = (created as { id: string }).id;
    expect(mails(sandbox).map((mail) => invite(mail).method)).toEqual(['REQUEST']);
    sandbox.patchEvent(`${id}_20260602T160000Z`, { start: at('2026-06-03T18:00:00+02:00'), end: at('2026-06-03T19:00:00+02:00') });
    sandbox.fireCalendarTrigger();
    const sent = mails(sandbox).map(invite);
    expect(sent.map((item) => item.method)).toEqual(['REQUEST', 'REQUEST']);
    expect(sent[1].events[0].recurrenceId.toJSDate().toISOString()).toBe('2026-06-02T16:00:00.000Z');
  });

  it('"this and following" is the old series cut short with UNTIL and the new one invited, together what the Calendar shows', () => {
    const sandbox = emailSandbox();
    const id = weekly(sandbox, ['RRULE:FREQ=WEEKLY;BYDAY=TU;COUNT=8']);
    const [, next] = sandbox.splitSeries(`${id}_20260120T090000Z`, {
      start: at('2026-01-20T11:00:00+01:00'),
      end: at('2026-01-20T11:50:00+01:00'),
    }) as Array<{ id: string }>;
    sandbox.fireCalendarTrigger();
    const sent = mails(sandbox).map(invite);
    expect(sent.map((item) => item.method)).toEqual(['REQUEST', 'REQUEST', 'REQUEST']);
    const byUid = new Map<string, Invite[]>();
    for (const item of sent) byUid.set(item.events[0].uid, [...(byUid.get(item.events[0].uid) ?? []), item]);
    expect([...byUid.keys()].sort()).toEqual([`${id}@google.com`, `${next.id}@google.com`].sort());
    const shown = [...byUid.values()].flatMap((invites) => attendeeCalendar(invites)).sort();
    expect(shown).toEqual([...googleShows(sandbox, id), ...googleShows(sandbox, next.id)].sort());
    expect(shown).toHaveLength(8);
  });
});
