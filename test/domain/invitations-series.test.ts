// Table tests of the invitations of a series: liveness by UNTIL, occurrence rows, stale requests, and the series mail's VEVENTs word for word.
import { textsFor } from '../../src/domain/i18n/texts';
import {
  type Invitation,
  type InvitationEventFacts,
  type InvitationMailInput,
  invitationMail,
  isStaleInvitation,
  occurrenceRowsFromSeries,
  reconcileInvitations,
} from '../../src/domain/invitations';

const HOUR = 3600_000;
const WEEK = 7 * 24 * HOUR;
const NOW = Date.parse('2026-01-05T08:00:00Z');
const START = Date.parse('2026-01-06T10:00:00Z');
const END = START + HOUR / 2;
const SERIES = { zone: 'Europe/Berlin', lines: ['RRULE:FREQ=WEEKLY;BYDAY=TU;COUNT=6'] };
const until = (ms: number) => ({
  zone: 'Europe/Berlin',
  lines: [`RRULE:FREQ=WEEKLY;BYDAY=TU;UNTIL=${new Date(ms).toISOString().replace(/[-:]|\.\d{3}/g, '')}`],
});

function facts(overrides: Partial<InvitationEventFacts> = {}): InvitationEventFacts {
  return {
    eventId: 'evt1',
    iCalUID: 'evt1@google.com',
    cancelled: false,
    allDay: false,
    summary: 'Checkup',
    start: START,
    end: END,
    sequence: 0,
    guests: [{ email: 'Jane@Example.org', name: 'Jane Doe' }],
    series: SERIES,
    ...overrides,
  };
}

/** A series row that was sent a REQUEST of SERIES. */
function sent(overrides: Partial<Invitation> = {}): Invitation {
  return {
    key: 'evt1|jane@example.org',
    eventId: 'evt1',
    email: 'Jane@Example.org',
    name: 'Jane Doe',
    title: 'Checkup',
    start: START,
    end: END,
    uid: 'evt1@google.com',
    eventSequence: 0,
    sequence: 0,
    lastMethod: 'REQUEST',
    lastStart: START,
    lastEnd: END,
    state: 'active',
    pending: '',
    error: '',
    attempts: 0,
    sentAt: NOW - HOUR,
    updatedAt: NOW - HOUR,
    series: SERIES,
    ...overrides,
  };
}

const reconcile = (event: InvitationEventFacts, rows: Invitation[]) => reconcileInvitations({ event, rows, now: NOW });

describe('a series is live until its UNTIL, whatever its first occurrence', () => {
  const past = { start: NOW - WEEK, end: NOW - WEEK + HOUR };
  it.each<[string, InvitationEventFacts, number]>([
    ['an endless series that began last week', facts({ ...past, series: { zone: 'UTC', lines: ['RRULE:FREQ=WEEKLY'] } }), 1],
    [
      'dates without a rule (RDATE only): no UNTIL, so live',
      facts({ ...past, series: { zone: 'UTC', lines: ['RDATE:20260112T100000Z'] } }),
      1,
    ],
    ['a COUNT series that began last week', facts(past), 1],
    ['UNTIL a second from now', facts({ ...past, series: until(NOW + 1000) }), 1],
    ['UNTIL exactly now', facts({ ...past, series: until(NOW) }), 0],
    ['UNTIL yesterday', facts({ ...past, series: until(NOW - 24 * HOUR) }), 0],
    ['a series without an end time', facts({ end: null }), 0],
    ['a series without a start time', facts({ start: null }), 0],
    ['an all-day series', facts({ allDay: true }), 0],
  ])('%s', (_, event, count) => {
    expect(reconcile(event, [])).toHaveLength(count);
  });
});

describe('reconcileInvitations of a series', () => {
  it('a new guest of a series gets the rule in the row', () => {
    const [row] = reconcile(facts(), []);
    expect(row.series).toEqual(SERIES);
    expect(row.recurrenceId).toBeUndefined();
    expect(row.pending).toBe('REQUEST');
  });

  it('a new guest of an occurrence gets its original start as RECURRENCE-ID', () => {
    const event = facts({ series: undefined, occurrenceOf: { seriesId: 'evt0', originalStart: START - HOUR } });
    const [row] = reconcile(event, []);
    expect([row.series, row.recurrenceId]).toEqual([undefined, START - HOUR]);
  });

  it.each<[string, InvitationEventFacts, '' | 'REQUEST' | null]>([
    ['the same rule', facts(), null],
    [
      'a new rule at the same times',
      facts({ series: { zone: 'Europe/Berlin', lines: ['RRULE:FREQ=WEEKLY;BYDAY=TU;COUNT=8'] } }),
      'REQUEST',
    ],
    ['a new zone at the same times', facts({ series: { zone: 'Europe/Paris', lines: SERIES.lines } }), 'REQUEST'],
    ['no rule any more (a single event now)', facts({ series: undefined }), 'REQUEST'],
  ])('%s', (_, event, pending) => {
    const changed = reconcile(event, [sent()]);
    if (pending === null) expect(changed).toEqual([]);
    else expect(changed).toEqual([sent({ pending, series: event.series, updatedAt: NOW })]);
  });

  it('back to the times last sent but with another rule is still a REQUEST', () => {
    const row = sent({ start: START + HOUR, end: END + HOUR, pending: 'REQUEST' });
    const event = facts({ series: { zone: 'Europe/Berlin', lines: ['RRULE:FREQ=DAILY'] } });
    expect(reconcile(event, [row])[0].pending).toBe('REQUEST');
    expect(reconcile(facts(), [row])[0].pending).toBe('');
  });
});

describe('occurrenceRowsFromSeries', () => {
  const ORIGINAL = START + 2 * WEEK;
  const rows = (seriesRows: Invitation[]) =>
    occurrenceRowsFromSeries({ eventId: 'evt1_20260120T100000Z', originalStart: ORIGINAL, seriesRows, now: NOW });

  it('each guest sent the series holds the occurrence at its original time, under the series uid and SEQUENCE', () => {
    const row = sent({ sequence: 3, eventSequence: 2, pending: 'CANCEL', error: 'quota', attempts: 2, end: START + HOUR });
    expect(rows([row])).toEqual([
      {
        ...row,
        key: 'evt1_20260120T100000Z|jane@example.org',
        eventId: 'evt1_20260120T100000Z',
        start: ORIGINAL,
        end: ORIGINAL + HOUR,
        lastStart: ORIGINAL,
        lastEnd: ORIGINAL + HOUR,
        pending: '',
        error: '',
        attempts: 0,
        series: undefined,
        recurrenceId: ORIGINAL,
        updatedAt: NOW,
      },
    ]);
  });

  it.each<[string, Partial<Invitation>]>([
    ['a cancelled guest', { state: 'cancelled' }],
    ['a guest whose last mail was a CANCEL', { lastMethod: 'CANCEL' }],
    ['a guest never sent anything', { lastMethod: '' }],
    ['a row without a rule', { series: undefined }],
  ])('%s holds nothing', (_, fields) => {
    expect(rows([sent(fields)])).toEqual([]);
  });
});

describe('isStaleInvitation of a series', () => {
  it.each<[string, Invitation, boolean]>([
    ['a REQUEST of a live series that began last week', sent({ pending: 'REQUEST', start: NOW - WEEK, end: NOW - WEEK + HOUR }), false],
    ['a REQUEST of a series whose UNTIL passed', sent({ pending: 'REQUEST', series: until(NOW - HOUR) }), true],
    ['a CANCEL of a series whose UNTIL passed', sent({ pending: 'CANCEL', series: until(NOW - HOUR) }), false],
    ['a REQUEST of a single event that began', sent({ pending: 'REQUEST', series: undefined, start: NOW }), true],
    ['a REQUEST of a single event still to come', sent({ pending: 'REQUEST', series: undefined, start: NOW + 1 }), false],
    ['a CANCEL of a single event that began', sent({ pending: 'CANCEL', series: undefined, start: NOW }), false],
  ])('%s', (_, row, stale) => {
    expect(isStaleInvitation(row, NOW)).toBe(stale);
  });
});

describe('the mail of a series', () => {
  const input = (row: Invitation, more: Partial<InvitationMailInput> = {}): InvitationMailInput => ({
    row,
    sequence: 2,
    organizer: { email: 'host@example.com', name: 'Alex Morgan' },
    hostName: 'Alex Morgan',
    timeZone: 'Europe/Berlin',
    texts: textsFor('en'),
    link: 'https://x/page',
    now: NOW,
    seriesWhen: 'every Tuesday',
    ...more,
  });
  const occurrence = (original: number, fields: Partial<Invitation> = {}) =>
    sent({ series: undefined, recurrenceId: original, start: original, end: original + HOUR / 2, ...fields });
  /** The VEVENTs of the attachment, unfolded, one array of lines each in their order, without the lines every VEVENT shares. */
  const vevents = (content: string): string[][] =>
    content
      .replace(/\r\n[ \t]/g, '')
      .split('BEGIN:VEVENT\r\n')
      .slice(1)
      .map((block) => block.split('\r\n').filter((line) => /^(DTSTART|DTEND|RECURRENCE-ID|RRULE|EXDATE|STATUS)[;:]/.test(line)));

  it.each<[string, Invitation, string, string]>([
    [
      'a first invitation',
      sent({ lastMethod: '', pending: 'REQUEST' }),
      'Invitation: Checkup with Alex Morgan – every Tuesday',
      'You are invited to "Checkup" with Alex Morgan: every Tuesday.',
    ],
    [
      'an update',
      sent({ pending: 'REQUEST' }),
      'Updated invitation: Checkup with Alex Morgan – every Tuesday',
      'Your appointments "Checkup" with Alex Morgan have changed. From now on: every Tuesday.',
    ],
    [
      'a cancel',
      sent({ pending: 'CANCEL' }),
      'Cancelled: Checkup with Alex Morgan – every Tuesday',
      'Your appointments "Checkup" with Alex Morgan (every Tuesday) are cancelled.',
    ],
  ])('%s: the subject and headline name the rule in words', (_, row, subject, headline) => {
    const mail = invitationMail(input(row));
    expect(mail.subject).toBe(subject);
    expect(mail.text.split('\n\n')[1]).toBe(headline);
  });

  it('without the rule in words, the first occurrence is named', () => {
    const mail = invitationMail(input(sent({ pending: 'REQUEST' }), { seriesWhen: undefined }));
    expect(mail.subject).toBe('Updated invitation: Checkup with Alex Morgan – Tuesday, 6 January 2026, 11:00–11:30 CET (UTC+1)');
  });

  it('the rule in words is for series only: a single event names its time', () => {
    const mail = invitationMail(input(sent({ pending: 'REQUEST', series: undefined })));
    expect(mail.subject).toBe('Updated invitation: Checkup with Alex Morgan – Tuesday, 6 January 2026, 11:00–11:30 CET (UTC+1)');
  });

  it('a REQUEST without occurrence rows: one VEVENT with the rule in its zone', () => {
    expect(vevents(invitationMail(input(sent({ pending: 'REQUEST' }))).attachment.content)).toEqual([
      [
        'DTSTART;TZID=Europe/Berlin:20260106T110000',
        'DTEND;TZID=Europe/Berlin:20260106T113000',
        'RRULE:FREQ=WEEKLY;BYDAY=TU;COUNT=6',
        'STATUS:CONFIRMED',
      ],
    ]);
  });

  it('a REQUEST carries each cancelled date as EXDATE (in order) and each moved or resized date as its own VEVENT', () => {
    const occurrences = [
      occurrence(START + 3 * WEEK, { state: 'cancelled', start: START + 3 * WEEK + HOUR, end: START + 3 * WEEK + 2 * HOUR }),
      occurrence(START + WEEK, { state: 'cancelled' }),
      occurrence(START + 2 * WEEK),
      occurrence(START + 4 * WEEK, { start: START + 4 * WEEK + HOUR, end: START + 4 * WEEK + HOUR + HOUR / 2 }),
      occurrence(START + 5 * WEEK, { end: START + 5 * WEEK + HOUR }),
      sent({ series: undefined, start: START + 6 * WEEK, end: START + 6 * WEEK + HOUR, state: 'cancelled' }),
    ];
    expect(vevents(invitationMail(input(sent({ pending: 'REQUEST' }), { occurrences })).attachment.content)).toEqual([
      [
        'DTSTART;TZID=Europe/Berlin:20260106T110000',
        'DTEND;TZID=Europe/Berlin:20260106T113000',
        'RRULE:FREQ=WEEKLY;BYDAY=TU;COUNT=6',
        'EXDATE:20260113T100000Z',
        'EXDATE:20260127T100000Z',
        'STATUS:CONFIRMED',
      ],
      [
        'DTSTART;TZID=Europe/Berlin:20260203T120000',
        'DTEND;TZID=Europe/Berlin:20260203T123000',
        'RECURRENCE-ID;TZID=Europe/Berlin:20260203T110000',
        'STATUS:CONFIRMED',
      ],
      [
        'DTSTART;TZID=Europe/Berlin:20260210T110000',
        'DTEND;TZID=Europe/Berlin:20260210T120000',
        'RECURRENCE-ID;TZID=Europe/Berlin:20260210T110000',
        'STATUS:CONFIRMED',
      ],
    ]);
  });

  it('a CANCEL of the series is one VEVENT without RECURRENCE-ID or EXDATE: every date goes', () => {
    const occurrences = [
      occurrence(START + WEEK, { state: 'cancelled' }),
      occurrence(START + 2 * WEEK, { start: START + 2 * WEEK + HOUR }),
    ];
    expect(vevents(invitationMail(input(sent({ pending: 'CANCEL' }), { occurrences })).attachment.content)).toEqual([
      [
        'DTSTART;TZID=Europe/Berlin:20260106T110000',
        'DTEND;TZID=Europe/Berlin:20260106T113000',
        'RRULE:FREQ=WEEKLY;BYDAY=TU;COUNT=6',
        'STATUS:CANCELLED',
      ],
    ]);
  });

  it('an occurrence row is sent as its own VEVENT under the series uid, with its RECURRENCE-ID in UTC', () => {
    const row = occurrence(START + WEEK, { start: START + WEEK + HOUR, end: START + WEEK + 2 * HOUR, pending: 'REQUEST' });
    expect(vevents(invitationMail(input(row)).attachment.content)).toEqual([
      ['DTSTART:20260113T110000Z', 'DTEND:20260113T120000Z', 'RECURRENCE-ID:20260113T100000Z', 'STATUS:CONFIRMED'],
    ]);
  });
});
