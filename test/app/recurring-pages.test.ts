// Recurring appointments on the attendee's pages: an occurrence's link changes that occurrence only, the series' link shows the series.
import ICAL from 'ical.js';
import type { Sandbox } from '../../dev/sandbox';
import { errorOf, ledger, newSandbox, ok, outbound } from '../support/sandbox';

const PHONE = '+49 151 23456789';
const E164 = '+4915123456789';
const at = (iso: string) => ({ dateTime: iso, timeZone: 'Europe/Berlin' });

/** A weekly series from Tuesday 6 January 2026, 10:00 Berlin; the sandbox clock is Monday 5 January, 09:00. */
function weekly(sandbox: Sandbox, rule = 'RRULE:FREQ=WEEKLY;BYDAY=TU'): string {
  const [created] = sandbox.insertEvents([
    {
      summary: 'Therapy',
      location: PHONE,
      start: at('2026-01-06T10:00:00+01:00'),
      end: at('2026-01-06T10:50:00+01:00'),
      recurrence: [rule],
    },
  ]);
  return (created as { id: string }).id;
}

const tokenOf = (sandbox: Sandbox, eventId: string): string => {
  const row = ledger(sandbox).find((r) => r.eventId === eventId && r.phone === E164);
  if (!row) throw new Error(`no row for ${eventId}`);
  return row.token;
};
const bodies = (sandbox: Sandbox) => outbound(sandbox).map((message) => message.body);
const status = (sandbox: Sandbox, id: string) => (sandbox.event(id) as { status: string }).status;

describe("an occurrence's link", () => {
  it('shows that the appointment belongs to the series, and cancels that occurrence only', () => {
    const sandbox = newSandbox();
    const id = weekly(sandbox);
    const second = `${id}_20260113T090000Z`;
    const page = sandbox.doGet({ l: [tokenOf(sandbox, second)] });
    expect(page.body).toContain('Tuesday, 13 January 2026, 10:00–10:50 CET (UTC+1)');
    expect(page.body).toContain('One of a series: every Tuesday, 10:00–10:50 CET (UTC+1)');
    expect(page.body).toMatch(/id="start-cancel"/);
    expect(page.body).toMatch(/id="start-reschedule"/);
    const result = ok<{ status: string }>(sandbox.run('cancelAppointment', [tokenOf(sandbox, second)]));
    expect(result.status).toBe('cancelled');
    expect(status(sandbox, second)).toBe('cancelled');
    expect(status(sandbox, id)).toBe('confirmed');
    expect(status(sandbox, `${id}_20260120T090000Z`)).toBe('confirmed');
    const sent = bodies(sandbox);
    expect(sent).toHaveLength(2);
    expect(sent[1]).toMatch(
      /^Your appointment "Therapy" with Alex Morgan on Tuesday, 13 January 2026, 10:00–10:50 CET \(UTC\+1\) is cancelled\./,
    );
  });

  it('moves that one instance, announced once with its old and new time; the rest of the series stays', () => {
    const sandbox = newSandbox();
    const id = weekly(sandbox);
    const third = `${id}_20260120T090000Z`;
    const token = tokenOf(sandbox, third);
    const slots = ok<Array<{ start: string }>>(sandbox.run('listSlots', [token]));
    const target = slots.find((slot) => slot.start.startsWith('2026-01-21T'));
    if (!target) throw new Error('no slot on 21 January');
    ok(sandbox.run('rescheduleAppointment', [token, target.start]));
    const moved = sandbox.event(third) as {
      recurringEventId: string;
      start: { dateTime: string };
      originalStartTime: { dateTime: string };
    };
    expect(moved.recurringEventId).toBe(id);
    expect(Date.parse(moved.start.dateTime)).toBe(Date.parse(target.start));
    expect(Date.parse(moved.originalStartTime.dateTime)).toBe(Date.UTC(2026, 0, 20, 9));
    const series = sandbox.event(id) as { start: { dateTime: string }; recurrence: string[] };
    expect(series.recurrence).toEqual(['RRULE:FREQ=WEEKLY;BYDAY=TU']);
    expect(Date.parse(series.start.dateTime)).toBe(Date.UTC(2026, 0, 6, 9));
    const sent = bodies(sandbox);
    expect(sent).toHaveLength(2);
    expect(sent[1]).toMatch(
      /^Your appointment "Therapy" with Alex Morgan has moved from Tuesday, 20 January 2026, 10:00 CET \(UTC\+1\) to Wednesday, 21 January 2026/,
    );
    expect(status(sandbox, `${id}_20260127T090000Z`)).toBe('confirmed');
  });
});

describe("the series' link", () => {
  it('shows the series in words and its next occurrences, each with its own link; it cancels nothing itself', () => {
    const sandbox = newSandbox();
    const id = weekly(sandbox, 'RRULE:FREQ=WEEKLY;BYDAY=TU;COUNT=6');
    const token = tokenOf(sandbox, id);
    const page = sandbox.doGet({ l: [token] });
    expect(page.status).toBe(200);
    expect(page.body).toContain('every Tuesday, 10:00–10:50 CET (UTC+1), from Tuesday, 6 January 2026, 6 times');
    for (const day of ['6', '13', '20', '27']) expect(page.body).toContain(`Tuesday, ${day} January 2026, 10:00–10:50 CET (UTC+1)`);
    const second = tokenOf(sandbox, `${id}_20260113T090000Z`);
    expect(page.body).toContain(`href="http://127.0.0.1:8787/exec?l=${second}"`);
    expect(page.body).not.toMatch(/id="start-cancel"/);
    expect(page.body).not.toMatch(/id="start-reschedule"/);
    expect(errorOf(sandbox.run('cancelAppointment', [token]))).toContain('open one of its appointments');
    expect(errorOf(sandbox.run('rescheduleAppointment', [token, '2026-01-07T10:00:00.000Z']))).toContain('open one of its appointments');
    expect(errorOf(sandbox.run('listSlots', [token]))).toContain('open one of its appointments');
    expect(status(sandbox, id)).toBe('confirmed');
    expect(bodies(sandbox)).toHaveLength(1);
  });

  it('still shows the series once an occurrence has ended, before the daily pass moves the series on', () => {
    const sandbox = newSandbox();
    const id = weekly(sandbox);
    sandbox.setClock(Date.UTC(2026, 0, 6, 11, 0, 0));
    const page = sandbox.doGet({ l: [tokenOf(sandbox, id)] });
    expect(page.body).toContain('id="series-rule"');
    expect(page.body).not.toContain('Tuesday, 6 January 2026, 10:00–10:50');
    expect(page.body).toContain('Tuesday, 13 January 2026, 10:00–10:50 CET (UTC+1)');
  });

  it('a cancelled occurrence is left out of the series page', () => {
    const sandbox = newSandbox();
    const id = weekly(sandbox);
    sandbox.cancelEvent(`${id}_20260113T090000Z`);
    const page = sandbox.doGet({ l: [tokenOf(sandbox, id)] });
    expect(page.body).toContain('Tuesday, 20 January 2026');
    expect(page.body).not.toContain('Tuesday, 13 January 2026');
  });
});

describe('add to calendar', () => {
  const events = (text: string) => {
    const component = new ICAL.Component(ICAL.parse(text));
    return component.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent));
  };

  it("of the series is the series (RRULE, EXDATE, moved dates), expanding across DST to Google's occurrences", () => {
    const sandbox = newSandbox();
    const id = weekly(sandbox, 'RRULE:FREQ=WEEKLY;BYDAY=TU;COUNT=14');
    sandbox.patchEvent(id, { recurrence: ['RRULE:FREQ=WEEKLY;BYDAY=TU;COUNT=14', 'EXDATE;TZID=Europe/Berlin:20260120T100000'] });
    sandbox.cancelEvent(`${id}_20260127T090000Z`);
    sandbox.patchEvent(`${id}_20260203T090000Z`, { start: at('2026-02-04T15:00:00+01:00'), end: at('2026-02-04T15:50:00+01:00') });
    const file = sandbox.doGet({ l: [tokenOf(sandbox, id)], do: ['ics'] });
    const all = events(file.body);
    const master = all.find((event) => !event.isRecurrenceException()) as ICAL.Event;
    for (const exception of all.filter((event) => event.isRecurrenceException())) master.relateException(exception);
    expect(master.uid).toBe(`${id}@google.com`);
    const iterator = master.iterator();
    const starts: string[] = [];
    for (let next = iterator.next(); next; next = iterator.next())
      starts.push(master.getOccurrenceDetails(next).startDate.toJSDate().toISOString());
    const google = sandbox
      .instances(id)
      .filter((instance) => (instance as { status: string }).status !== 'cancelled')
      .map((instance) => new Date((instance as { start: { dateTime: string } }).start.dateTime).toISOString());
    expect(starts).toEqual(google);
    expect(starts).toHaveLength(12);
    // Summer time from 29 March: still 10:00 in Berlin, 08:00 UTC.
    expect(starts.at(-1)).toBe('2026-04-07T08:00:00.000Z');
    expect(starts).toContain('2026-02-04T14:00:00.000Z');
  });

  it('of an occurrence is that one event, as a RECURRENCE-ID of the series', () => {
    const sandbox = newSandbox();
    const id = weekly(sandbox);
    const file = sandbox.doGet({ l: [tokenOf(sandbox, `${id}_20260113T090000Z`)], do: ['ics'] });
    const [event] = events(file.body);
    expect(event.isRecurring()).toBe(false);
    expect(event.uid).toBe(`${id}@google.com`);
    expect(event.startDate.toJSDate().toISOString()).toBe('2026-01-13T09:00:00.000Z');
    expect(event.recurrenceId.toJSDate().toISOString()).toBe('2026-01-13T09:00:00.000Z');
  });
});
