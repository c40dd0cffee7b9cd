// The attendee's link in the real bundle: page, cancel, free slots, reschedule, races, the .ics file and bad links.
import ICAL from 'ical.js';
import type { Sandbox } from '../../dev/sandbox';
import { HOUR, MINUTE, START, addEvent, calendarEvent, ledger, newSandbox, outbound, ok, errorOf } from '../support/sandbox';

const PHONE = '+49 151 23456789';
const PHONE_E164 = '+4915123456789';
const OTHER_PHONE = '+4915123456780';
/** Tuesday 6 January 2026, 10:00 in Berlin. */
const TUESDAY_10 = START + 25 * HOUR;
const TAKEN = 'That time was just taken. Please pick another.';

type Slot = { start: string; end: string };

function tokenOf(sandbox: Sandbox, phone = PHONE_E164, eventId?: string): string {
  const row = ledger(sandbox).find((r) => r.phone === phone && (eventId === undefined || r.eventId === eventId));
  if (!row) throw new Error(`no ledger row for ${phone}`);
  return row.token;
}

function slots(sandbox: Sandbox, token: string): Slot[] {
  return ok<Slot[]>(sandbox.run('listSlots', [token]));
}

function state(sandbox: Sandbox): string {
  return JSON.stringify({
    events: sandbox.events(),
    messages: sandbox.twilio.messages(),
    sheets: sandbox.sheetNames().map((n) => sandbox.sheet(n)),
    props: sandbox.settings(),
  });
}

function berlin(ms: number): { weekday: number; minutes: number } {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: 'Europe/Berlin',
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(ms);
  const get = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
  return {
    weekday: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(get('weekday')),
    minutes: Number(get('hour')) * 60 + Number(get('minute')),
  };
}

describe('the appointment page', () => {
  test('shows title, host, time in the host zone, and the three actions', () => {
    const sandbox = newSandbox();
    addEvent(sandbox, { summary: 'Haircut', start: TUESDAY_10, location: PHONE });
    const page = sandbox.doGet({ l: [tokenOf(sandbox)] });
    expect(page.status).toBe(200);
    expect(page.body).toContain('Haircut');
    expect(page.body).toContain('Alex Morgan');
    expect(page.body).toContain('Tuesday, 6 January 2026, 10:00–10:30 CET (UTC+1)');
    expect(page.body).toMatch(/id="start-cancel"/);
    expect(page.body).toMatch(/id="start-reschedule"/);
    expect(page.body).toContain(`href="http://127.0.0.1:8787/exec?l=${tokenOf(sandbox)}&amp;do=ics" target="_top"`);
    expect(page.body).toContain('resolvedOptions().timeZone');
  });

  test('GET with &do=cancel or &do=reschedule only opens a step and changes nothing', () => {
    const sandbox = newSandbox();
    addEvent(sandbox, { start: TUESDAY_10, location: PHONE });
    const token = tokenOf(sandbox);
    const before = state(sandbox);
    const calls = sandbox.runtime.core.calls;
    sandbox.runtime.core.resetCalls();
    const cancel = sandbox.doGet({ l: [token], do: ['cancel'] });
    const reschedule = sandbox.doGet({ l: [token], do: ['reschedule'] });
    expect(cancel.body).toContain('"step":"cancel"');
    expect(reschedule.body).toContain('"step":"reschedule"');
    expect(state(sandbox)).toBe(before);
    expect(Object.keys(calls).length).toBeGreaterThan(0);
    for (const name of Object.keys(calls))
      expect(name).not.toMatch(/insert|patch|remove|update|setValues|setProperty|setProperties|delete/i);
  });

  test('the reschedule step embeds the free slots, so it opens without another round trip', () => {
    const sandbox = newSandbox();
    addEvent(sandbox, { start: TUESDAY_10, location: PHONE });
    const page = sandbox.doGet({ l: [tokenOf(sandbox)], do: ['reschedule'] });
    expect(page.body).toContain('"slots":[{"start":"2026-01-05T10:00:00.000Z"');
  });

  test("an event with two attendees cannot be changed from one attendee's link", () => {
    const sandbox = newSandbox();
    addEvent(sandbox, { start: TUESDAY_10, location: `${PHONE}, ${OTHER_PHONE}` });
    const token = tokenOf(sandbox);
    const page = sandbox.doGet({ l: [token] });
    expect(page.body).toContain('includes other people');
    expect(page.body).not.toMatch(/id="start-cancel"/);
    const before = state(sandbox);
    expect(errorOf(sandbox.run('cancelAppointment', [token]))).toContain('includes other people');
    expect(state(sandbox)).toBe(before);
  });
});

describe('cancel', () => {
  test('cancels the event and sends exactly one cancellation; a second cancel says it already is', () => {
    const sandbox = newSandbox();
    const event = addEvent(sandbox, { start: TUESDAY_10, location: PHONE });
    const token = tokenOf(sandbox);
    expect(outbound(sandbox)).toHaveLength(1);

    const result = ok<{ status: string; message: string }>(sandbox.run('cancelAppointment', [token]));
    expect(result.status).toBe('cancelled');
    expect(result.message).toMatch(/cancelled/);
    expect(calendarEvent(sandbox, event.id).status).toBe('cancelled');
    const sent = outbound(sandbox);
    expect(sent).toHaveLength(2);
    expect(sent[1].to).toBe(`whatsapp:${PHONE_E164}`);
    expect(sent[1].body).toContain('is cancelled');
    expect(ledger(sandbox)[0].state).toBe('cancelled');

    const again = ok<{ status: string; message: string }>(sandbox.run('cancelAppointment', [token]));
    expect(again.status).toBe('already-cancelled');
    expect(again.message).toMatch(/already cancelled/);
    sandbox.advance(30 * MINUTE); // the tick runs too: still nothing new
    expect(outbound(sandbox)).toHaveLength(2);

    const page = sandbox.doGet({ l: [token] });
    expect(page.body).toContain('This appointment is cancelled');
    expect(page.body).toContain('?p=book');
  });

  test('an appointment the host already cancelled answers "already cancelled" without a second message', () => {
    const sandbox = newSandbox();
    const event = addEvent(sandbox, { start: TUESDAY_10, location: PHONE });
    const token = tokenOf(sandbox);
    sandbox.cancelEvent(event.id);
    expect(outbound(sandbox)).toHaveLength(2);
    expect(ok<{ status: string }>(sandbox.run('cancelAppointment', [token])).status).toBe('already-cancelled');
    expect(outbound(sandbox)).toHaveLength(2);
  });

  test('an appointment that already started cannot be cancelled from the page', () => {
    const sandbox = newSandbox();
    addEvent(sandbox, { start: TUESDAY_10, location: PHONE, minutes: 60 });
    const token = tokenOf(sandbox);
    sandbox.setClock(TUESDAY_10 + 10 * MINUTE);
    const before = state(sandbox);
    expect(errorOf(sandbox.run('cancelAppointment', [token]))).toContain('already started');
    expect(state(sandbox)).toBe(before);
    expect(sandbox.doGet({ l: [token] }).body).toContain('already started');
  });
});

describe('free slots for rescheduling', () => {
  test('respect working hours, notice, horizon and busy time, with one Freebusy query', () => {
    const sandbox = newSandbox();
    addEvent(sandbox, { start: TUESDAY_10, location: PHONE });
    // A private event without a phone number: busy, but nobody to tell.
    addEvent(sandbox, { summary: 'Dentist', start: TUESDAY_10 + 2 * HOUR, minutes: 60 });
    sandbox.runtime.core.resetCalls();
    const list = slots(sandbox, tokenOf(sandbox));
    expect(sandbox.runtime.core.calls['Calendar.Freebusy.query']).toBe(1);
    const starts = list.map((s) => Date.parse(s.start));
    expect(starts.length).toBeGreaterThan(100);
    // Notice: two hours from Monday 09:00.
    expect(starts[0]).toBe(START + 2 * HOUR);
    for (const slot of list) {
      const start = Date.parse(slot.start);
      expect(Date.parse(slot.end) - start).toBe(30 * MINUTE);
      const local = berlin(start);
      expect(local.weekday).toBeGreaterThanOrEqual(1);
      expect(local.weekday).toBeLessThanOrEqual(5);
      expect(local.minutes).toBeGreaterThanOrEqual(9 * 60);
      expect(local.minutes + 30).toBeLessThanOrEqual(17 * 60);
    }
    // The appointment's own time is not offered; the dentist's hour is busy; the horizon is 30 days.
    expect(starts).not.toContain(TUESDAY_10);
    expect(starts).not.toContain(TUESDAY_10 + 2 * HOUR);
    expect(starts).not.toContain(TUESDAY_10 + 2.5 * HOUR);
    expect(starts).toContain(TUESDAY_10 + 3 * HOUR);
    expect(Math.max(...starts)).toBeLessThan(START + 30 * 24 * HOUR);
    expect(Math.max(...starts)).toBeGreaterThan(START + 25 * 24 * HOUR);
  });

  test('settings change the rules: working hours, step, buffer, notice, horizon, extra calendars', () => {
    const sandbox = newSandbox({
      settings: {
        WORKING_HOURS: '{"tue":[["10:00","12:00"]],"sat":[["09:00","10:00"]]}',
        SLOT_STEP_MINUTES: '15',
        BUFFER_MINUTES: '15',
        MIN_NOTICE_MINUTES: '0',
        HORIZON_DAYS: '7',
        EXTRA_CALENDARS: 'team@example.com',
      },
    });
    sandbox.runtime.calendar.addCalendar('team@example.com', 'Europe/Berlin');
    sandbox.runtime.calendar.insertEvent('team@example.com', {
      summary: 'Team meeting',
      start: { dateTime: new Date(TUESDAY_10 + HOUR).toISOString() },
      end: { dateTime: new Date(TUESDAY_10 + HOUR + 15 * MINUTE).toISOString() },
    });
    addEvent(sandbox, { start: START + 4 * HOUR, location: PHONE });
    const list = slots(sandbox, tokenOf(sandbox)).map((s) => new Date(s.start).toISOString());
    expect(list).toEqual([
      // Tuesday 10:00–12:00 Berlin; the team meeting 11:00–11:15 with 15 minutes of buffer each side blocks 10:45–11:30.
      '2026-01-06T09:00:00.000Z',
      '2026-01-06T09:15:00.000Z',
      '2026-01-06T10:30:00.000Z',
      // Saturday 09:00–10:00 Berlin; the next Tuesday is past the 7-day horizon.
      '2026-01-10T08:00:00.000Z',
      '2026-01-10T08:15:00.000Z',
      '2026-01-10T08:30:00.000Z',
    ]);
  });

  test('a bad setting is a readable error, not a stack trace', () => {
    const sandbox = newSandbox({ settings: { WORKING_HOURS: '{"mon":[["17:00","09:00"]]}' } });
    addEvent(sandbox, { start: TUESDAY_10, location: PHONE });
    const error = errorOf(sandbox.run('listSlots', [tokenOf(sandbox)]));
    expect(error).toMatch(/Something went wrong on our side/);
    expect(error).not.toMatch(/\bat \w|\.js:\d/);
    expect(sandbox.runtime.logs.join('\n')).toContain('WORKING_HOURS');
    // The owner's log keeps the whole story at ERROR severity: what failed, the reason, the stack.
    const logged = sandbox.runtime.logger.entries.filter((entry) => entry.message.startsWith('listSlots failed: '));
    expect(logged.map((entry) => entry.level)).toEqual(['error']);
    expect(logged[0].message.split('\n')[0]).toBe(
      'listSlots failed: SettingsError: Setting WORKING_HOURS: mon: "17:00" to "09:00" ends before it starts',
    );
    expect(logged[0].message.split('\n')[1]).toMatch(/^\s+at parseWorkingHours /);
  });
});

describe('reschedule', () => {
  test('moves the event, keeps duration and zone field, and sends exactly one rescheduled message', () => {
    const sandbox = newSandbox();
    const event = addEvent(sandbox, { start: TUESDAY_10, location: PHONE, minutes: 45 });
    const token = tokenOf(sandbox);
    const target = slots(sandbox, token).find((s) => Date.parse(s.start) === TUESDAY_10 + 24 * HOUR) as Slot;
    expect(Date.parse(target.end) - Date.parse(target.start)).toBe(45 * MINUTE);
    sandbox.runtime.core.resetCalls();

    const result = ok<{ status: string; start: string; end: string }>(sandbox.run('rescheduleAppointment', [token, target.start]));
    expect(result).toMatchObject({ status: 'rescheduled', start: target.start, end: target.end });
    const moved = calendarEvent(sandbox, event.id);
    expect(Date.parse(moved.start.dateTime)).toBe(TUESDAY_10 + 24 * HOUR);
    expect(Date.parse(moved.end.dateTime)).toBe(TUESDAY_10 + 24 * HOUR + 45 * MINUTE);
    expect(moved.start.timeZone).toBe('Europe/Berlin');
    const sent = outbound(sandbox);
    expect(sent).toHaveLength(2);
    expect(sent[1].body).toContain('has moved from Tuesday, 6 January 2026, 10:00 CET');
    expect(sent[1].body).toContain('to Wednesday, 7 January 2026, 10:00–10:45 CET');
    expect(ledger(sandbox)[0]).toMatchObject({ state: 'active', pending: '', announcedKind: 'rescheduled' });
    sandbox.advance(30 * MINUTE);
    expect(outbound(sandbox)).toHaveLength(2);
    // The old time is free again, the new one is now the appointment's own.
    const after = slots(sandbox, token).map((s) => Date.parse(s.start));
    expect(after).toContain(TUESDAY_10);
    expect(after).not.toContain(TUESDAY_10 + 24 * HOUR);
  });

  test('two attendees race for one slot: one wins, the other is told it was just taken', () => {
    const sandbox = newSandbox();
    const first = addEvent(sandbox, { start: TUESDAY_10, location: PHONE });
    const second = addEvent(sandbox, { start: TUESDAY_10 + HOUR, location: OTHER_PHONE });
    const firstToken = tokenOf(sandbox, PHONE_E164);
    const secondToken = tokenOf(sandbox, OTHER_PHONE);
    const wanted = TUESDAY_10 + 48 * HOUR;
    const iso = new Date(wanted).toISOString();
    expect(slots(sandbox, firstToken).map((s) => s.start)).toContain(iso);
    expect(slots(sandbox, secondToken).map((s) => s.start)).toContain(iso);

    ok(sandbox.run('rescheduleAppointment', [firstToken, iso]));
    const before = state(sandbox);
    expect(errorOf(sandbox.run('rescheduleAppointment', [secondToken, iso]))).toBe(TAKEN);
    expect(state(sandbox)).toBe(before);
    expect(Date.parse(calendarEvent(sandbox, first.id).start.dateTime)).toBe(wanted);
    expect(Date.parse(calendarEvent(sandbox, second.id).start.dateTime)).toBe(TUESDAY_10 + HOUR);
    expect(slots(sandbox, secondToken).map((s) => s.start)).not.toContain(iso);
    expect(outbound(sandbox).filter((m) => m.body.includes('has moved'))).toHaveLength(1);
  });

  test('times that are not offered are refused and change nothing', () => {
    const sandbox = newSandbox();
    addEvent(sandbox, { start: TUESDAY_10, location: PHONE });
    const token = tokenOf(sandbox);
    const before = state(sandbox);
    const at = (ms: number): string => new Date(ms).toISOString();
    expect(errorOf(sandbox.run('rescheduleAppointment', [token, at(START + 5 * 24 * HOUR + 2 * HOUR)]))).toBe(TAKEN); // Saturday
    expect(errorOf(sandbox.run('rescheduleAppointment', [token, at(TUESDAY_10 + 24 * HOUR + 10 * MINUTE)]))).toBe(TAKEN); // off the step
    expect(errorOf(sandbox.run('rescheduleAppointment', [token, at(START + 30 * MINUTE)]))).toBe(TAKEN); // inside the notice
    expect(errorOf(sandbox.run('rescheduleAppointment', [token, at(START + 35 * 24 * HOUR + HOUR)]))).toBe(TAKEN); // past the horizon
    expect(errorOf(sandbox.run('rescheduleAppointment', [token, at(TUESDAY_10)]))).toMatch(/already at that time/);
    expect(errorOf(sandbox.run('rescheduleAppointment', [token, 'next tuesday']))).toMatch(/choose a new time/);
    expect(errorOf(sandbox.run('rescheduleAppointment', [token, { start: 1 }]))).toMatch(/choose a new time/);
    expect(state(sandbox)).toBe(before);
  });
});

describe('add to calendar (&do=ics)', () => {
  test('is an RFC 5545 PUBLISH file with the event iCalUID, UTC times and the page link', () => {
    const sandbox = newSandbox();
    const event = addEvent(sandbox, { summary: 'Consultation; with, commas', start: TUESDAY_10, location: PHONE });
    const token = tokenOf(sandbox);
    const file = sandbox.doGet({ l: [token], do: ['ics'] });
    expect(file.contentType).toMatch(/text\/calendar/);
    expect(file.fileName).toBe('appointment.ics');
    expect(file.body.endsWith('\r\n')).toBe(true);
    for (const line of file.body.slice(0, -2).split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(file.body).toMatch(/^DTSTART:20260106T090000Z\r$/m);

    const calendar = new ICAL.Component(ICAL.parse(file.body));
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    const vevent = new ICAL.Event(calendar.getFirstSubcomponent('vevent') as ICAL.Component);
    expect(vevent.uid).toBe(calendarEvent(sandbox, event.id).iCalUID);
    expect(vevent.summary).toBe('Consultation; with, commas with Alex Morgan');
    expect(vevent.startDate.toJSDate().getTime()).toBe(TUESDAY_10);
    expect(vevent.endDate.toJSDate().getTime()).toBe(TUESDAY_10 + 30 * MINUTE);
    expect(vevent.description).toContain(`http://127.0.0.1:8787/exec?l=${token}`);
    // RFC 5546 3.2.1: a PUBLISH carries exactly one ORGANIZER.
    const component = calendar.getFirstSubcomponent('vevent') as ICAL.Component;
    expect(component.getAllProperties('organizer')).toHaveLength(1);
    expect(component.getFirstPropertyValue('organizer')).toBe('mailto:host@example.com');
    expect(component.getFirstProperty('organizer')?.getParameter('cn')).toBe('Alex Morgan');
  });
});

describe('bad links', () => {
  function expectFriendly(sandbox: Sandbox, query: Record<string, string[]>, heading: RegExp): void {
    const before = state(sandbox);
    const page = sandbox.doGet(query);
    expect(page.status).toBe(200);
    expect(page.contentType).toMatch(/text\/html/);
    expect(page.body).toMatch(heading);
    expect(page.body).toContain('Alex Morgan');
    expect(page.body).toContain('?p=book');
    expect(page.body).not.toMatch(/Error|\bat \w+ \(|\.js:\d|stack/);
    expect(state(sandbox)).toBe(before);
  }

  test('garbage, tampered, unknown, expired and host-cancelled links get a friendly page and change nothing', () => {
    const sandbox = newSandbox();
    const event = addEvent(sandbox, { start: TUESDAY_10, location: PHONE });
    addEvent(sandbox, { start: TUESDAY_10 + 2 * HOUR, location: OTHER_PHONE });
    const token = tokenOf(sandbox);
    const tampered = (token[0] === 'A' ? 'B' : 'A') + token.slice(1);
    expectFriendly(sandbox, { l: ['garbage<script>'] }, /This link does not work/);
    expectFriendly(sandbox, { l: [''] }, /This link does not work/);
    expectFriendly(sandbox, { l: [tampered] }, /This link does not work/);
    expectFriendly(sandbox, { l: [tampered], do: ['ics'] }, /This link does not work/);
    expectFriendly(sandbox, { l: ['AAAAAAAAAAAAAAAA'], do: ['cancel'] }, /This link does not work/);
    expectFriendly(sandbox, { l: ['x'.repeat(5000)] }, /This link does not work/);

    const before = state(sandbox);
    for (const bad of [tampered, 'AAAAAAAAAAAAAAAA', '', null, 42, {}]) {
      expect(errorOf(sandbox.run('cancelAppointment', [bad]))).toMatch(/link does not work/);
      expect(errorOf(sandbox.run('listSlots', [bad]))).toMatch(/link does not work/);
      expect(errorOf(sandbox.run('rescheduleAppointment', [bad, new Date(TUESDAY_10 + 24 * HOUR).toISOString()]))).toMatch(
        /link does not work/,
      );
    }
    expect(state(sandbox)).toBe(before);

    sandbox.cancelEvent(event.id);
    expectFriendly(sandbox, { l: [token] }, /This appointment is cancelled/);
    const other = tokenOf(sandbox, OTHER_PHONE);
    sandbox.setClock(TUESDAY_10 + 3 * HOUR);
    expectFriendly(sandbox, { l: [other] }, /This appointment is over/);
    expect(errorOf(sandbox.run('listSlots', [other]))).toMatch(/over/);
  });

  test('a token signed with another key is refused even for a real appointment', () => {
    const sandbox = newSandbox();
    addEvent(sandbox, { start: TUESDAY_10, location: PHONE });
    const token = tokenOf(sandbox);
    sandbox.mergeSettings({ LINK_SECRET: 'a-different-secret-than-the-one-that-signed' });
    expect(sandbox.doGet({ l: [token] }).body).toContain('This link does not work');
    expect(errorOf(sandbox.run('cancelAppointment', [token]))).toMatch(/link does not work/);
    expect(outbound(sandbox)).toHaveLength(1);
  });
});
