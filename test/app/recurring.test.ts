// Recurring appointments through the real bundle: a series announced once, each occurrence reminded, listed, moved and cancelled on its own.
import { ledger, newSandbox, ok, outbound } from '../support/sandbox';
import type { Sandbox } from '../../dev/sandbox';

const PHONE = '+49 151 23456789';
const E164 = '+4915123456789';

/** A series whose first occurrence is Tuesday 6 January 2026, 10:00 Berlin (CET, UTC+1); the sandbox starts the day before. */
function series(sandbox: Sandbox, recurrence: string[], extra: Record<string, unknown> = {}): { id: string } & Record<string, unknown> {
  const [created] = sandbox.insertEvents([
    {
      summary: 'Therapy',
      location: PHONE,
      start: { dateTime: '2026-01-06T10:00:00+01:00', timeZone: 'Europe/Berlin' },
      end: { dateTime: '2026-01-06T10:50:00+01:00', timeZone: 'Europe/Berlin' },
      recurrence,
      ...extra,
    },
  ]);
  return created as { id: string } & Record<string, unknown>;
}

const bodies = (sandbox: Sandbox) => outbound(sandbox).map((message) => message.body);
const roleOf = (row: Record<string, string>) => row.series.split(' ')[0];
const seriesRows = (sandbox: Sandbox) => ledger(sandbox).filter((row) => roleOf(row) === 'series');
const occurrenceRows = (sandbox: Sandbox) =>
  ledger(sandbox)
    .filter((row) => roleOf(row) === 'instance' || roleOf(row) === 'exception')
    .sort((a, b) => a.start.localeCompare(b.start));

describe('a new series', () => {
  it('is announced once, naming the rule and the first occurrence; its occurrences get rows within the horizon', () => {
    const sandbox = newSandbox();
    const created = series(sandbox, ['RRULE:FREQ=WEEKLY;BYDAY=TU;COUNT=6']);
    const sent = bodies(sandbox);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatch(
      /^Your appointments "Therapy" with Alex Morgan are booked: every Tuesday, 10:00–10:50 CET \(UTC\+1\), from Tuesday, 6 January 2026, 6 times\.\n\nTo see the next ones, or to cancel or reschedule one: http\S+$/,
    );
    expect(seriesRows(sandbox)).toEqual([
      expect.objectContaining({ key: `${created.id}|${E164}`, pending: '', announcedKind: 'scheduled' }),
    ]);
    expect(occurrenceRows(sandbox).map((row) => row.eventId)).toEqual([
      `${created.id}_20260106T090000Z`,
      `${created.id}_20260113T090000Z`,
      `${created.id}_20260120T090000Z`,
      `${created.id}_20260127T090000Z`,
      `${created.id}_20260203T090000Z`,
    ]);
  });
});

const at = (iso: string) => ({ dateTime: iso, timeZone: 'Europe/Berlin' });
const reminders = (sandbox: Sandbox) => outbound(sandbox).filter((message) => message.body.startsWith('Reminder'));

describe('editing one occurrence', () => {
  it('a moved occurrence is one "moved" message naming that date\'s old and new time; the exception is coloured', () => {
    const sandbox = newSandbox();
    const created = series(sandbox, ['RRULE:FREQ=WEEKLY;BYDAY=TU']);
    const third = `${created.id}_20260120T090000Z`;
    sandbox.patchEvent(third, { start: at('2026-01-21T15:00:00+01:00'), end: at('2026-01-21T15:50:00+01:00') });
    const sent = bodies(sandbox);
    expect(sent).toHaveLength(2);
    expect(sent[1]).toMatch(
      /^Your appointment "Therapy" with Alex Morgan has moved from Tuesday, 20 January 2026, 10:00 CET \(UTC\+1\) to Wednesday, 21 January 2026, 15:00–15:50 CET \(UTC\+1\)\./,
    );
    const row = occurrenceRows(sandbox).find((item) => item.eventId === third);
    expect(row).toMatchObject({ series: `exception ${created.id}`, pending: '', announcedKind: 'rescheduled' });
    // The exception is an event of its own: coloured as delivered once Twilio says so; the other occurrences are not written.
    sandbox.messageStatus(outbound(sandbox)[0].sid, 'delivered');
    sandbox.messageStatus(outbound(sandbox)[1].sid, 'delivered');
    expect((sandbox.event(third) as { colorId?: string }).colorId).toBe('10');
    expect((sandbox.event(created.id) as { colorId?: string }).colorId).toBe('10');
    // Untouched occurrences show the series' colour and stay instances (no exception written for them).
    expect(sandbox.runtime.calendar.listAll('primary').map((event) => event.id)).toEqual([created.id, third]);
    sandbox.fireCalendarTrigger();
    expect(bodies(sandbox)).toHaveLength(2);
  });

  it('a cancelled occurrence is one message naming that date; the series goes on', () => {
    const sandbox = newSandbox();
    const created = series(sandbox, ['RRULE:FREQ=WEEKLY;BYDAY=TU']);
    sandbox.cancelEvent(`${created.id}_20260113T090000Z`);
    sandbox.fireCalendarTrigger();
    const sent = bodies(sandbox);
    expect(sent).toHaveLength(2);
    expect(sent[1]).toMatch(
      /^Your appointment "Therapy" with Alex Morgan on Tuesday, 13 January 2026, 10:00–10:50 CET \(UTC\+1\) is cancelled\./,
    );
    expect(
      occurrenceRows(sandbox)
        .filter((row) => row.state === 'active')
        .map((row) => row.start),
    ).toEqual(['2026-01-06T09:00:00.000Z', '2026-01-20T09:00:00.000Z', '2026-01-27T09:00:00.000Z', '2026-02-03T09:00:00.000Z']);
  });

  it('an occurrence beyond the horizon moved or cancelled still reaches the attendee once', () => {
    const sandbox = newSandbox();
    const created = series(sandbox, ['RRULE:FREQ=WEEKLY;BYDAY=TU']);
    sandbox.cancelEvent(`${created.id}_20260317T090000Z`);
    sandbox.patchEvent(`${created.id}_20260324T090000Z`, { start: at('2026-03-24T12:00:00+01:00'), end: at('2026-03-24T12:50:00+01:00') });
    sandbox.fireCalendarTrigger();
    const sent = bodies(sandbox);
    expect(sent).toHaveLength(3);
    expect(sent[1]).toContain('on Tuesday, 17 March 2026, 10:00–10:50 CET (UTC+1) is cancelled');
    expect(sent[2]).toContain(
      'has moved from Tuesday, 24 March 2026, 10:00 CET (UTC+1) to Tuesday, 24 March 2026, 12:00–12:50 CET (UTC+1)',
    );
  });
});

describe('editing the whole series', () => {
  it('moving all events is one message about the series from then on, and the occurrences follow silently', () => {
    const sandbox = newSandbox();
    const created = series(sandbox, ['RRULE:FREQ=WEEKLY;BYDAY=TU']);
    sandbox.patchEvent(created.id, {
      start: at('2026-01-08T16:00:00+01:00'),
      end: at('2026-01-08T16:50:00+01:00'),
      recurrence: ['RRULE:FREQ=WEEKLY;BYDAY=TH'],
    });
    sandbox.fireCalendarTrigger();
    const sent = bodies(sandbox);
    expect(sent).toHaveLength(2);
    expect(sent[1]).toMatch(
      /^Your appointments "Therapy" with Alex Morgan have changed\. From now on: every Thursday, 16:00–16:50 CET \(UTC\+1\), from Thursday, 8 January 2026\./,
    );
    const active = occurrenceRows(sandbox).filter((row) => row.state === 'active');
    expect(active.map((row) => row.start)).toEqual([
      '2026-01-08T15:00:00.000Z',
      '2026-01-15T15:00:00.000Z',
      '2026-01-22T15:00:00.000Z',
      '2026-01-29T15:00:00.000Z',
    ]);
    expect(active.every((row) => row.pending === '')).toBe(true);
  });

  it('"this and following" (old series ends with UNTIL, a new one starts) is one message about the series from then on', () => {
    const sandbox = newSandbox();
    const created = series(sandbox, ['RRULE:FREQ=WEEKLY;BYDAY=TU;COUNT=10']);
    sandbox.splitSeries(`${created.id}_20260120T090000Z`, { start: at('2026-01-20T11:00:00+01:00'), end: at('2026-01-20T11:50:00+01:00') });
    sandbox.fireCalendarTrigger();
    const sent = bodies(sandbox);
    expect(sent).toHaveLength(2);
    expect(sent[1]).toMatch(
      /^Your appointments "Therapy" with Alex Morgan have changed\. From now on: every Tuesday, 11:00–11:50 CET \(UTC\+1\), from Tuesday, 20 January 2026, 8 times\./,
    );
    const active = occurrenceRows(sandbox).filter((row) => row.state === 'active');
    expect(active.map((row) => row.start)).toEqual([
      '2026-01-06T09:00:00.000Z',
      '2026-01-13T09:00:00.000Z',
      '2026-01-20T10:00:00.000Z',
      '2026-01-27T10:00:00.000Z',
      '2026-02-03T10:00:00.000Z',
    ]);
  });

  it('deleting the series is one message; its occurrences end with it', () => {
    const sandbox = newSandbox();
    const created = series(sandbox, ['RRULE:FREQ=WEEKLY;BYDAY=TU;UNTIL=20260331T215959Z']);
    expect(bodies(sandbox)[0]).toContain(
      'every Tuesday, 10:00–10:50 CET (UTC+1), from Tuesday, 6 January 2026, until Tuesday, 31 March 2026.',
    );
    sandbox.cancelEvent(created.id);
    sandbox.fireCalendarTrigger();
    const sent = bodies(sandbox);
    expect(sent).toHaveLength(2);
    expect(sent[1]).toMatch(
      /^Your appointments "Therapy" with Alex Morgan \(every Tuesday, 10:00–10:50 CET \(UTC\+1\), from Tuesday, 6 January 2026, until Tuesday, 31 March 2026\) are cancelled\./,
    );
    expect(occurrenceRows(sandbox).filter((row) => row.state === 'active')).toEqual([]);
  });

  it('after a 410 the full resync finds the same state and announces nothing again', () => {
    const sandbox = newSandbox();
    const created = series(sandbox, ['RRULE:FREQ=WEEKLY;BYDAY=TU']);
    sandbox.cancelEvent(`${created.id}_20260113T090000Z`);
    sandbox.patchEvent(`${created.id}_20260120T090000Z`, { start: at('2026-01-20T12:00:00+01:00'), end: at('2026-01-20T12:50:00+01:00') });
    expect(bodies(sandbox)).toHaveLength(3);
    const before = ledger(sandbox);
    sandbox.runtime.calendar.invalidateSyncTokens();
    sandbox.fireCalendarTrigger();
    sandbox.fireCalendarTrigger();
    expect(bodies(sandbox)).toHaveLength(3);
    const pick = (rows: Array<Record<string, string>>) =>
      rows.map(({ key, state, start, pending, announcedKind }) => ({ key, state, start, pending, announcedKind }));
    expect(pick(ledger(sandbox))).toEqual(pick(before));
  });
});

describe('series gone while the sync token expired, or a number taken out', () => {
  it('a series deleted before a 410 is one cancel message after the full resync', () => {
    const sandbox = newSandbox();
    const created = series(sandbox, ['RRULE:FREQ=WEEKLY;BYDAY=TU']);
    sandbox.runtime.calendar.invalidateSyncTokens();
    sandbox.runtime.calendar.cancelEvent('primary', created.id);
    sandbox.fireCalendarTrigger();
    sandbox.fireCalendarTrigger();
    const sent = bodies(sandbox);
    expect(sent).toHaveLength(2);
    expect(sent[1]).toMatch(
      /^Your appointments "Therapy" with Alex Morgan \(every Tuesday, 10:00–10:50 CET \(UTC\+1\), from Tuesday, 6 January 2026\) are cancelled\./,
    );
    expect(occurrenceRows(sandbox).filter((row) => row.state === 'active')).toEqual([]);
  });

  it('a number removed from the series location gets one cancel; the other number keeps the series', () => {
    const sandbox = newSandbox();
    const created = series(sandbox, ['RRULE:FREQ=WEEKLY;BYDAY=TU'], { location: `${PHONE}, +1 415 555 2671` });
    expect(bodies(sandbox)).toHaveLength(2);
    sandbox.patchEvent(created.id, { location: '+1 415 555 2671' });
    sandbox.fireCalendarTrigger();
    const later = outbound(sandbox).slice(2);
    expect(later.map((message) => [message.to, message.body.split('\n')[0].slice(0, 40)])).toEqual([
      [`whatsapp:${E164}`, 'Your appointments "Therapy" with Alex Mo'],
    ]);
    expect(later[0].body).toContain('are cancelled');
    const active = occurrenceRows(sandbox).filter((row) => row.state === 'active');
    expect(new Set(active.map((row) => row.phone))).toEqual(new Set(['+14155552671']));
  });
});

describe('occurrences in the conversation', () => {
  it('each occurrence is reminded at its own time, across DST, and "1" confirms that occurrence only', () => {
    const sandbox = newSandbox({ now: Date.UTC(2026, 2, 16, 8, 0, 0) });
    sandbox.insertEvents([
      {
        summary: 'Therapy',
        location: PHONE,
        start: at('2026-03-24T10:00:00+01:00'),
        end: at('2026-03-24T10:50:00+01:00'),
        recurrence: ['RRULE:FREQ=WEEKLY;BYDAY=TU;COUNT=3'],
      },
    ]);
    // Summer time begins on 29 March: the second occurrence is 10:00 CEST, 08:00 UTC.
    sandbox.setClock(Date.UTC(2026, 2, 30, 8, 30, 0));
    const sent = reminders(sandbox);
    expect(sent.map((message) => message.body.split('\n')[0])).toEqual([
      'Reminder: your appointment "Therapy" with Alex Morgan is on Tuesday, 24 March 2026, 10:00–10:50 CET (UTC+1).',
      'Reminder: your appointment "Therapy" with Alex Morgan is on Tuesday, 24 March 2026, 10:00–10:50 CET (UTC+1).',
      'Reminder: your appointment "Therapy" with Alex Morgan is on Tuesday, 31 March 2026, 10:00–10:50 CEST (UTC+2).',
    ]);
    sandbox.inbound({ from: E164, body: '1' });
    const confirmed = occurrenceRows(sandbox).filter((row) => row.confirmedAt !== '');
    expect(confirmed.map((row) => row.start)).toEqual(['2026-03-31T08:00:00.000Z']);
  });

  it('"list" shows each upcoming occurrence as its own line, and "cancel 2" cancels that occurrence only', () => {
    const sandbox = newSandbox();
    const created = series(sandbox, ['RRULE:FREQ=WEEKLY;BYDAY=TU']);
    sandbox.inbound({ from: E164, body: 'list' });
    const list = bodies(sandbox).at(-1) as string;
    expect(list.match(/^\d+\. /gm)).toHaveLength(5);
    expect(list).toContain('Tuesday, 13 January 2026');
    expect(list).toContain('Tuesday, 3 February 2026');
    sandbox.inbound({ from: E164, body: 'cancel 2' });
    expect((sandbox.event(`${created.id}_20260113T090000Z`) as { status: string }).status).toBe('cancelled');
    expect((sandbox.event(created.id) as { status: string }).status).toBe('confirmed');
    expect(bodies(sandbox).filter((body) => body.includes('13 January 2026, 10:00–10:50 CET (UTC+1) is cancelled'))).toHaveLength(1);
  });
});

describe('series over time', () => {
  it('an endless series that started in the past: announced from its next occurrence, rows only within the horizon, the tick adds more', () => {
    const sandbox = newSandbox({ skipSetup: false, now: Date.UTC(2026, 0, 5, 8, 0, 0) });
    sandbox.insertEvents([
      {
        summary: 'Coaching',
        location: PHONE,
        start: at('2025-11-03T18:00:00+01:00'),
        end: at('2025-11-03T19:00:00+01:00'),
        recurrence: ['RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=MO'],
      },
    ]);
    const sent = bodies(sandbox);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toContain('every 2 weeks on Monday, 18:00–19:00 CET (UTC+1), from Monday, 12 January 2026.');
    expect(occurrenceRows(sandbox).map((row) => row.start)).toEqual(['2026-01-12T17:00:00.000Z', '2026-01-26T17:00:00.000Z']);
    sandbox.setClock(Date.UTC(2026, 0, 20, 8, 0, 0));
    expect(occurrenceRows(sandbox).map((row) => row.start)).toEqual([
      '2026-01-12T17:00:00.000Z',
      '2026-01-26T17:00:00.000Z',
      '2026-02-09T17:00:00.000Z',
    ]);
    expect(bodies(sandbox).filter((body) => !body.startsWith('Reminder'))).toHaveLength(1);
  });

  it('an attendee in another zone than the series reads the days and times of the calendar zone', () => {
    const sandbox = newSandbox();
    sandbox.insertEvents([
      {
        summary: 'Tutoring',
        location: PHONE,
        start: { dateTime: '2026-01-06T18:30:00-05:00', timeZone: 'America/New_York' },
        end: { dateTime: '2026-01-06T19:30:00-05:00', timeZone: 'America/New_York' },
        recurrence: ['RRULE:FREQ=WEEKLY;BYDAY=TU,TH;COUNT=4'],
      },
    ]);
    // 18:30 in New York is 00:30 the next day in Berlin: Tuesdays and Thursdays there are Wednesdays and Fridays here.
    expect(bodies(sandbox)[0]).toContain('every Wednesday and Friday, 00:30–01:30 CET (UTC+1), from Wednesday, 7 January 2026, 4 times.');
  });
});

describe('series messages in other forms', () => {
  const HX = (n: number) => `HX${String(n).padStart(32, '0')}`;

  it('template mode: the series announcement fills {{3}} with the rule in words', () => {
    const templates = JSON.stringify({ scheduled: HX(1), rescheduled: HX(2), cancelled: HX(3), reminder: HX(4) });
    const sandbox = newSandbox({ settings: { MESSAGE_MODE: 'template', TEMPLATE_SIDS: templates } });
    series(sandbox, ['RRULE:FREQ=WEEKLY;BYDAY=TU;COUNT=6']);
    const [message] = outbound(sandbox);
    expect(message.request.ContentSid).toBe(HX(1));
    expect(JSON.parse(message.request.ContentVariables)['3']).toBe(
      'every Tuesday, 10:00–10:50 CET (UTC+1), from Tuesday, 6 January 2026, 6 times',
    );
  });

  it("the attendee's language: a series announced in German", () => {
    const sandbox = newSandbox({ settings: { LANGUAGE: 'de' } });
    series(sandbox, ['RRULE:FREQ=WEEKLY;BYDAY=TU;COUNT=6']);
    expect(bodies(sandbox)[0]).toMatch(/jeden Dienstag, 10:00–10:50 MEZ \(UTC\+1\), ab Dienstag, 6\. Januar 2026, 6-mal/);
  });
});

describe('series and the rest of the product', () => {
  it('a long title is cut, and the rule still goes out within 1,600 characters', () => {
    const sandbox = newSandbox();
    series(sandbox, ['RRULE:FREQ=WEEKLY;BYDAY=TU;COUNT=6'], { summary: 'Therapy '.repeat(300) });
    const [body] = bodies(sandbox);
    expect(Array.from(body).length).toBeLessThanOrEqual(1600);
    expect(body).toContain('…"');
    expect(body).toContain('every Tuesday, 10:00–10:50 CET (UTC+1), from Tuesday, 6 January 2026, 6 times.');
  });

  it('a series counts as one open booking of its number, not one per occurrence', () => {
    const sandbox = newSandbox({ settings: { MAX_OPEN_BOOKINGS_PER_NUMBER: '2' } });
    series(sandbox, ['RRULE:FREQ=WEEKLY;BYDAY=TU']);
    const slots = ok<Array<{ start: string }>>(sandbox.run('listBookingSlots', []));
    expect(ok(sandbox.run('bookAppointment', [{ name: 'Jane', phone: E164, start: slots[0].start }]))).toMatchObject({ ok: true });
    sandbox.fireCalendarTrigger();
    expect(bodies(sandbox).filter((body) => body.includes('is booked for'))).toHaveLength(1);
  });
});

describe('a 410 after a series ended or was split', () => {
  it('a series that ran out, then a 410: the full resync does not list it, and no cancel goes out', () => {
    const sandbox = newSandbox();
    series(sandbox, ['RRULE:FREQ=WEEKLY;BYDAY=TU;COUNT=2']);
    sandbox.setClock(Date.UTC(2026, 0, 14, 12, 0, 0));
    const before = bodies(sandbox).length;
    sandbox.runtime.calendar.invalidateSyncTokens();
    sandbox.fireCalendarTrigger();
    sandbox.fireCalendarTrigger();
    expect(
      bodies(sandbox)
        .slice(before)
        .filter((body) => !body.startsWith('Reminder')),
    ).toEqual([]);
  });

  it('"this and following", the old half over, then a 410: nothing more goes out', () => {
    const sandbox = newSandbox();
    const created = series(sandbox, ['RRULE:FREQ=WEEKLY;BYDAY=TU;COUNT=10']);
    sandbox.splitSeries(`${created.id}_20260120T090000Z`, { start: at('2026-01-20T11:00:00+01:00'), end: at('2026-01-20T11:50:00+01:00') });
    sandbox.fireCalendarTrigger();
    expect(bodies(sandbox)).toHaveLength(2);
    sandbox.setClock(Date.UTC(2026, 0, 14, 12, 0, 0));
    const before = bodies(sandbox).length;
    sandbox.runtime.calendar.invalidateSyncTokens();
    sandbox.fireCalendarTrigger();
    sandbox.fireCalendarTrigger();
    expect(
      bodies(sandbox)
        .slice(before)
        .filter((body) => !body.startsWith('Reminder')),
    ).toEqual([]);
  });
});

describe('a host editing a weekly series again and again', () => {
  it('one occurrence moved twice, then cancelled: one message each, each naming the time before', () => {
    const sandbox = newSandbox();
    const created = series(sandbox, ['RRULE:FREQ=WEEKLY;BYDAY=TU']);
    const third = `${created.id}_20260120T090000Z`;
    sandbox.patchEvent(third, { start: at('2026-01-21T15:00:00+01:00'), end: at('2026-01-21T15:50:00+01:00') });
    sandbox.patchEvent(third, { start: at('2026-01-22T09:00:00+01:00'), end: at('2026-01-22T09:50:00+01:00') });
    sandbox.cancelEvent(third);
    sandbox.fireCalendarTrigger();
    const sent = bodies(sandbox);
    expect(sent).toHaveLength(4);
    expect(sent[2]).toContain(
      'has moved from Wednesday, 21 January 2026, 15:00 CET (UTC+1) to Thursday, 22 January 2026, 09:00–09:50 CET (UTC+1)',
    );
    expect(sent[3]).toContain('on Thursday, 22 January 2026, 09:00–09:50 CET (UTC+1) is cancelled');
  });

  it('two numbers on a series split "this and following": one message to each, no more', () => {
    const sandbox = newSandbox();
    const created = series(sandbox, ['RRULE:FREQ=WEEKLY;BYDAY=TU'], { location: `${PHONE}, +1 415 555 2671` });
    expect(bodies(sandbox)).toHaveLength(2);
    sandbox.splitSeries(`${created.id}_20260120T090000Z`, { start: at('2026-01-20T11:00:00+01:00'), end: at('2026-01-20T11:50:00+01:00') });
    sandbox.fireCalendarTrigger();
    const later = outbound(sandbox).slice(2);
    expect(later.map((message) => message.to).sort()).toEqual(['whatsapp:+14155552671', `whatsapp:${E164}`]);
    expect(later.every((message) => message.body.includes('From now on: every Tuesday, 11:00–11:50'))).toBe(true);
  });

  it('the rule changed from weekly to every 2 weeks: one message naming the new rule', () => {
    const sandbox = newSandbox();
    const created = series(sandbox, ['RRULE:FREQ=WEEKLY;BYDAY=TU']);
    sandbox.patchEvent(created.id, { recurrence: ['RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=TU'] });
    sandbox.fireCalendarTrigger();
    const sent = bodies(sandbox);
    expect(sent).toHaveLength(2);
    expect(sent[1]).toContain('From now on: every 2 weeks on Tuesday');
    expect(
      occurrenceRows(sandbox)
        .filter((row) => row.state === 'active')
        .map((row) => row.start),
    ).toEqual(['2026-01-06T09:00:00.000Z', '2026-01-20T09:00:00.000Z', '2026-02-03T09:00:00.000Z']);
  });

  it('"2" to an occurrence reminder cancels that occurrence only', () => {
    const sandbox = newSandbox();
    const created = series(sandbox, ['RRULE:FREQ=WEEKLY;BYDAY=TU']);
    sandbox.setClock(Date.UTC(2026, 0, 12, 10, 0, 0));
    expect(reminders(sandbox).length).toBeGreaterThan(0);
    sandbox.inbound({ from: E164, body: '2' });
    sandbox.fireCalendarTrigger();
    expect((sandbox.event(created.id) as { status: string }).status).toBe('confirmed');
    expect((sandbox.event(`${created.id}_20260113T090000Z`) as { status: string }).status).toBe('cancelled');
    expect(bodies(sandbox).filter((body) => body.includes('are cancelled'))).toEqual([]);
  });
});

describe('a single appointment made to repeat', () => {
  it('an announced appointment that starts to repeat: one message with the rule; its old link shows the series', () => {
    const sandbox = newSandbox();
    const [created] = sandbox.insertEvents([
      { summary: 'Therapy', location: PHONE, start: at('2026-01-06T10:00:00+01:00'), end: at('2026-01-06T10:50:00+01:00') },
    ]) as Array<{ id: string }>;
    const token = ledger(sandbox).find((row) => row.eventId === created.id)?.token as string;
    sandbox.patchEvent(created.id, { recurrence: ['RRULE:FREQ=WEEKLY;BYDAY=TU'] });
    sandbox.fireCalendarTrigger();
    const sent = bodies(sandbox);
    expect(sent).toHaveLength(2);
    expect(sent[1]).toContain('every Tuesday, 10:00–10:50 CET (UTC+1), from Tuesday, 6 January 2026');
    const result = sandbox.run('cancelAppointment', [token]);
    expect((sandbox.event(created.id) as { status: string }).status).toBe('confirmed');
    expect(JSON.stringify(result)).not.toContain('"status":"cancelled"');
  });
});

describe('a series with a COUNT, met halfway', () => {
  it('a COUNT series that started in the past is announced with the occurrences left, not as endless', () => {
    const sandbox = newSandbox({ now: Date.UTC(2026, 0, 14, 8, 0, 0) });
    series(sandbox, ['RRULE:FREQ=WEEKLY;BYDAY=TU;COUNT=6']);
    expect(bodies(sandbox)[0]).toContain('every Tuesday, 10:00–10:50 CET (UTC+1), from Tuesday, 20 January 2026, 4 times.');
  });
});

describe('a split or a cut, then a 410', () => {
  it('"this and following", then a 410 before the split date: the full resync sends nothing more', () => {
    const sandbox = newSandbox();
    const created = series(sandbox, ['RRULE:FREQ=WEEKLY;BYDAY=TU']);
    sandbox.splitSeries(`${created.id}_20260120T090000Z`, { start: at('2026-01-20T11:00:00+01:00'), end: at('2026-01-20T11:50:00+01:00') });
    sandbox.fireCalendarTrigger();
    expect(bodies(sandbox)).toHaveLength(2);
    const pick = (rows: Array<Record<string, string>>) =>
      rows.map(({ key, state, start, pending, announcedKind }) => ({ key, state, start, pending, announcedKind }));
    const before = pick(ledger(sandbox));
    sandbox.runtime.calendar.invalidateSyncTokens();
    sandbox.fireCalendarTrigger();
    sandbox.fireCalendarTrigger();
    expect(bodies(sandbox)).toHaveLength(2);
    expect(pick(ledger(sandbox))).toEqual(before);
  });

  it('"delete this and following" (the series cut short with UNTIL): one message naming the new end', () => {
    const sandbox = newSandbox();
    const created = series(sandbox, ['RRULE:FREQ=WEEKLY;BYDAY=TU']);
    sandbox.patchEvent(created.id, { recurrence: ['RRULE:FREQ=WEEKLY;BYDAY=TU;UNTIL=20260119T225959Z'] });
    sandbox.fireCalendarTrigger();
    sandbox.fireCalendarTrigger();
    const sent = bodies(sandbox);
    expect(sent).toHaveLength(2);
    expect(sent[1]).toContain('until Monday, 19 January 2026');
    expect(
      occurrenceRows(sandbox)
        .filter((row) => row.state === 'active')
        .map((row) => row.start),
    ).toEqual(['2026-01-06T09:00:00.000Z', '2026-01-13T09:00:00.000Z']);
  });
});

describe('occurrences changed while the sync token expired', () => {
  it('an occurrence cancelled and another moved during the gap: one message each after the full resync', () => {
    const sandbox = newSandbox();
    const created = series(sandbox, ['RRULE:FREQ=WEEKLY;BYDAY=TU']);
    sandbox.runtime.calendar.invalidateSyncTokens();
    sandbox.runtime.calendar.cancelEvent('primary', `${created.id}_20260113T090000Z`);
    sandbox.runtime.calendar.patchEvent('primary', `${created.id}_20260120T090000Z`, {
      start: at('2026-01-20T12:00:00+01:00'),
      end: at('2026-01-20T12:50:00+01:00'),
    });
    sandbox.fireCalendarTrigger();
    sandbox.fireCalendarTrigger();
    const sent = bodies(sandbox);
    expect(sent).toHaveLength(3);
    expect(sent.filter((body) => body.includes('13 January 2026, 10:00–10:50 CET (UTC+1) is cancelled'))).toHaveLength(1);
    expect(sent.filter((body) => body.includes('moved from Tuesday, 20 January 2026, 10:00'))).toHaveLength(1);
  });
});
