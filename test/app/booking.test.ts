// Booking from ?p=book in the real bundle: the event it creates, the one scheduled message, validation and abuse limits.
import type { Sandbox } from '../../dev/sandbox';
import { HOUR, MINUTE, START, addEvent, calendarEvent, ledger, newSandbox, outbound, ok, errorOf } from '../support/sandbox';

type Slot = { start: string; end: string };
const TAKEN = 'That time was just taken. Please pick another.';
const TUESDAY_10 = START + 25 * HOUR;

function state(sandbox: Sandbox): string {
  return JSON.stringify({
    events: sandbox.events(),
    messages: sandbox.twilio.messages(),
    sheets: sandbox.sheetNames().map((n) => sandbox.sheet(n)),
    props: sandbox.settings(),
  });
}

function bookingSlots(sandbox: Sandbox): Slot[] {
  return ok<Slot[]>(sandbox.run('listBookingSlots', []));
}

const iso = (ms: number): string => new Date(ms).toISOString();

describe('the booking page', () => {
  test('GET ?p=book shows the form and the free slots of the booking length', () => {
    const sandbox = newSandbox({ settings: { BOOKING_MINUTES: '45' } });
    addEvent(sandbox, { summary: 'Busy', start: TUESDAY_10, minutes: 60 });
    const page = sandbox.doGet({ p: ['book'] });
    expect(page.status).toBe(200);
    expect(page.body).toContain('Book an appointment');
    expect(page.body).toContain('45 minutes');
    expect(page.body).toMatch(/<input id="phone" name="phone" type="tel"/);
    expect(page.body).toMatch(/class="trap" aria-hidden="true"/);
    expect(page.body).toContain('"slots":[{"start":"2026-01-05T10:00:00.000Z","end":"2026-01-05T10:45:00.000Z"}');
    const slots = bookingSlots(sandbox);
    expect(slots.every((s) => Date.parse(s.end) - Date.parse(s.start) === 45 * MINUTE)).toBe(true);
    expect(slots.some((s) => Date.parse(s.start) < TUESDAY_10 + HOUR && Date.parse(s.end) > TUESDAY_10)).toBe(false);
    const later = ok<Slot[]>(sandbox.run('listBookingSlots', [iso(TUESDAY_10)]));
    expect(Date.parse(later[0].start)).toBeGreaterThanOrEqual(TUESDAY_10);
  });
});

describe('bookAppointment', () => {
  test('creates the event (number in the location, email as guest) and sends one scheduled message', () => {
    const sandbox = newSandbox();
    const slot = bookingSlots(sandbox)[3];
    sandbox.runtime.core.resetCalls();
    const result = ok<{ ok: boolean; link: string }>(
      sandbox.run('bookAppointment', [
        { name: '  Jane \u0007 Doe ', phone: '0151 23456789', email: 'jane@example.com', start: slot.start, website: '' },
      ]),
    );
    expect(result.ok).toBe(true);
    const events = sandbox.events() as Array<Record<string, any>>;
    expect(events).toHaveLength(1);
    const event = calendarEvent(sandbox, events[0].id);
    expect(event.location).toBe('+4915123456789');
    expect(event.summary).toBe('Jane Doe – booked online');
    expect(event.description).toContain('Email: jane@example.com');
    expect(event.attendees).toEqual([expect.objectContaining({ email: 'jane@example.com', displayName: 'Jane Doe' })]);
    expect(Date.parse(event.start.dateTime)).toBe(Date.parse(slot.start));
    expect(Date.parse(event.end.dateTime)).toBe(Date.parse(slot.end));
    expect(event.start.timeZone).toBe('Europe/Berlin');

    const sent = outbound(sandbox);
    expect(sent).toHaveLength(1);
    expect(sent[0].to).toBe('whatsapp:+4915123456789');
    expect(sent[0].body).toContain('is booked for Monday, 5 January 2026');
    const row = ledger(sandbox)[0];
    expect(sent[0].body).toContain(`http://127.0.0.1:8787/exec?l=${row.token}`);
    // The page's answer never depends on what the number holds: the link reaches only the number, on WhatsApp.
    expect(result).toEqual({ ok: true, link: '' });
    expect(sandbox.doGet({ l: [row.token] }).body).toContain('Jane Doe – booked online');
    sandbox.advance(30 * MINUTE);
    expect(outbound(sandbox)).toHaveLength(1);
    expect(sandbox.runtime.mail.sent).toHaveLength(0);
  });

  test('readable errors for a bad name, number, email or time, and nothing is created', () => {
    const sandbox = newSandbox();
    const slot = bookingSlots(sandbox)[0];
    const good = { name: 'Jane', phone: '+4915123456789', start: slot.start };
    const before = state(sandbox);
    const cases: Array<[unknown, RegExp]> = [
      [{ ...good, name: '' }, /enter your name/],
      [{ ...good, name: '\u0000\u0001 ' }, /enter your name/],
      [{ ...good, name: 'x'.repeat(101) }, /up to 100 characters/],
      [{ ...good, name: { first: 'Jane' } }, /enter your name/],
      [{ ...good, name: 'Jane, claim your prize at https://evil.example/x' }, /without links/],
      [{ ...good, name: 'Jane www.evil.example' }, /without links/],
      [{ ...good, name: 'Visit prize.com now' }, /without links/],
      [{ ...good, name: 'evil.ru' }, /without links/],
      [{ ...good, name: 'Jane x.store' }, /without links/],
      [{ ...good, phone: '' }, /WhatsApp number/],
      [{ ...good, phone: '12' }, /check your WhatsApp number: "12"/],
      [{ ...good, phone: 'call me' }, /check your WhatsApp number/],
      [{ ...good, phone: '+1 555' }, /check your WhatsApp number/],
      [{ ...good, phone: 12345678 }, /WhatsApp number/],
      [{ ...good, phone: '9'.repeat(10000) }, /WhatsApp number/],
      [{ ...good, email: 'not-an-email' }, /email address does not look right/],
      [{ ...good, email: 'a@b' }, /email address does not look right/],
      [{ ...good, email: 'a b@example.com' }, /email address does not look right/],
      [{ ...good, start: 'tomorrow' }, /choose a time/],
      [{ ...good, start: undefined }, /choose a time/],
      [{ ...good, start: iso(START + 6 * 24 * HOUR + 10 * HOUR) }, new RegExp(TAKEN)], // Sunday
      [{ ...good, start: iso(Date.parse(slot.start) + 7 * MINUTE) }, new RegExp(TAKEN)],
      [{ ...good, start: iso(START - 24 * HOUR) }, new RegExp(TAKEN)],
      [{ ...good, start: iso(START + 40 * 24 * HOUR) }, new RegExp(TAKEN)],
      [null, /fill in the booking form/],
      ['x'.repeat(10000), /fill in the booking form/],
      [[good], /fill in the booking form/],
      [42, /fill in the booking form/],
    ];
    for (const [input, expected] of cases) {
      const error = errorOf(sandbox.run('bookAppointment', [input]));
      expect(error).toMatch(expected);
      expect(error).not.toMatch(/\bat \w|\.js:\d|TypeError|undefined/);
    }
    expect(errorOf(sandbox.run('listBookingSlots', ['soon']))).toMatch(/choose a start date/);
    expect(state(sandbox)).toBe(before);
  });

  test('a filled honeypot pretends success and creates nothing', () => {
    const sandbox = newSandbox();
    const slot = bookingSlots(sandbox)[0];
    const before = state(sandbox);
    const result = ok<{ ok: boolean }>(
      sandbox.run('bookAppointment', [{ name: 'Bot', phone: '+4915123456789', start: slot.start, website: 'http://spam.example' }]),
    );
    expect(result.ok).toBe(true);
    expect(state(sandbox)).toBe(before);
    // A refusal that worked as designed is INFO in Cloud Logging, not an error.
    expect(sandbox.runtime.logger.entries.map(({ level, message }) => ({ level, message }))).toContainEqual({
      level: 'info',
      message: 'booking refused: honeypot field filled',
    });
  });

  test('open bookings per number are capped', () => {
    const sandbox = newSandbox({ settings: { MAX_OPEN_BOOKINGS_PER_NUMBER: '2' } });
    const slots = bookingSlots(sandbox);
    const request = (index: number, phone = '+4915123456789') => ({ name: 'Jane', phone, start: slots[index].start });
    ok(sandbox.run('bookAppointment', [request(0)]));
    ok(sandbox.run('bookAppointment', [request(2)]));
    const before = state(sandbox);
    // A stranger typing this number learns nothing: the answer is the one a booking gets, and nothing is made or sent.
    expect(ok(sandbox.run('bookAppointment', [request(4)]))).toEqual({ ok: true, link: '' });
    expect(state(sandbox)).toBe(before);
    expect(sandbox.runtime.logs.join('\n')).toContain('booking not made: +4915123456789 already has 2 upcoming bookings');
    // Another number is not affected; a cancelled booking frees a place.
    ok(sandbox.run('bookAppointment', [request(4, '+4915123456780')]));
    const token = ledger(sandbox).find((row) => row.phone === '+4915123456789')?.token;
    ok(sandbox.run('cancelAppointment', [token]));
    ok(sandbox.run('bookAppointment', [request(6)]));
    expect(outbound(sandbox).map((m) => m.body.match(/is (booked|cancelled)/)?.[1])).toEqual([
      'booked',
      'booked',
      'booked',
      'cancelled',
      'booked',
    ]);
  });

  test('a slot that starts now is refused even without notice', () => {
    const sandbox = newSandbox({ settings: { MIN_NOTICE_MINUTES: '0' } });
    const before = state(sandbox);
    const error = errorOf(sandbox.run('bookAppointment', [{ name: 'Jane', phone: '+4915123456789', start: iso(START) }]));
    expect(error).toBe(TAKEN);
    expect(state(sandbox)).toBe(before);
    expect(bookingSlots(sandbox)[0].start).toBe(iso(START + 30 * MINUTE));
  });

  test('a slot booked by someone else is refused with the "just taken" message', () => {
    const sandbox = newSandbox();
    const slot = bookingSlots(sandbox)[1];
    ok(sandbox.run('bookAppointment', [{ name: 'First', phone: '+4915123456789', start: slot.start }]));
    expect(errorOf(sandbox.run('bookAppointment', [{ name: 'Second', phone: '+4915123456780', start: slot.start }]))).toBe(TAKEN);
    expect(sandbox.events()).toHaveLength(1);
    expect(bookingSlots(sandbox).map((s) => s.start)).not.toContain(slot.start);
  });

  test('calendar and spreadsheet work per booking stays small', () => {
    const sandbox = newSandbox();
    const slot = bookingSlots(sandbox)[0];
    sandbox.runtime.core.resetCalls();
    ok(sandbox.run('bookAppointment', [{ name: 'Jane', phone: '+4915123456789', start: slot.start }]));
    const calls = sandbox.runtime.core.calls;
    expect(calls['Calendar.Freebusy.query']).toBe(1);
    expect(calls['Calendar.Events.insert']).toBe(1);
  });
});
