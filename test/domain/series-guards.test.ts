// Table tests that trip one guard of the series model at a time: the stored rule, series rows, exceptions, the horizon pass and ending occurrences.
import type { Appointment } from '../../src/domain/appointments';
import {
  decodeSeriesRule,
  encodeSeriesRule,
  endOccurrences,
  HORIZON_DAYS,
  HORIZON_EVERY_MS,
  HORIZON_MS,
  type OccurrenceSnapshot,
  reconcileException,
  reconcileHorizon,
  reconcileSeries,
  type SeriesRule,
  type SeriesSnapshot,
} from '../../src/domain/series';

const NOW = Date.UTC(2026, 0, 5, 8);
const HOUR = 3600_000;
const DAY = 24 * HOUR;
const PHONE = '+4915123456789';
const OTHER = '+4915199999999';
const PHONES = { phones: [PHONE], invalid: [] };
const RULE: SeriesRule = { zone: 'Europe/Berlin', start: NOW + 25 * HOUR, end: NOW + 26 * HOUR, lines: ['RRULE:FREQ=WEEKLY;BYDAY=TU'] };
const NEXT = { start: RULE.start, end: RULE.end };
const token = (key: string) => `t:${key}`;

const series = (patch: Partial<SeriesSnapshot> = {}): SeriesSnapshot => ({
  id: 's1',
  iCalUID: 's1@google.com',
  cancelled: false,
  summary: 'Therapy',
  rule: RULE,
  ...patch,
});

/** The series row as announced and delivered. */
function row(patch: Partial<Appointment> = {}): Appointment {
  return {
    key: `s1|${PHONE}`,
    eventId: 's1',
    iCalUID: 's1@google.com',
    phone: PHONE,
    email: '',
    title: 'Therapy',
    start: NEXT.start,
    end: NEXT.end,
    state: 'active',
    pending: '',
    announcedKind: 'scheduled',
    announcedStart: NEXT.start,
    announcedEnd: NEXT.end,
    announcedAt: NOW - HOUR,
    messageSid: 'SM1',
    delivery: 'delivered',
    error: '',
    attempts: 2,
    retryAt: NOW + HOUR,
    token: 'tok',
    updatedAt: NOW - HOUR,
    reminded: '',
    remindedAt: null,
    confirmedAt: NOW - HOUR,
    attempt: '',
    seriesId: 's1',
    seriesRole: 'series',
    recurrence: encodeSeriesRule(RULE),
    ...patch,
  };
}

type SeriesInput = Parameters<typeof reconcileSeries>[0];
const reconcile = (patch: Partial<SeriesInput>) =>
  reconcileSeries({ series: series(), rows: [row()], phones: PHONES, next: NEXT, now: NOW, newToken: token, ...patch });

describe('decodeSeriesRule', () => {
  it.each<[string, string | undefined, SeriesRule | null]>([
    ['the encoded rule', encodeSeriesRule(RULE), RULE],
    [
      'lines made text, other fields dropped',
      '{"zone":"UTC","start":1,"end":2,"lines":[7,"X"],"more":true}',
      { zone: 'UTC', start: 1, end: 2, lines: ['7', 'X'] },
    ],
    ['undefined', undefined, null],
    ['empty', '', null],
    ['not JSON', '{zone', null],
    ['JSON null', 'null', null],
    ['a zone that is no text', '{"zone":1,"start":1,"end":2,"lines":[]}', null],
    ['a start that is no number', '{"zone":"UTC","start":"1","end":2,"lines":[]}', null],
    ['an end that is no number', '{"zone":"UTC","start":1,"lines":[]}', null],
    ['lines that are no list', '{"zone":"UTC","start":1,"end":2,"lines":"RRULE:FREQ=DAILY"}', null],
  ])('%s', (_, text, expected) => {
    expect(decodeSeriesRule(text)).toEqual(expected);
  });
});

describe('reconcileSeries: a number no longer wanted', () => {
  const cancelled = (pending: '' | 'cancelled', recurrence = encodeSeriesRule(RULE)) =>
    row({ state: 'cancelled', pending, attempts: 0, retryAt: null, updatedAt: NOW, recurrence });

  it.each<[string, Partial<SeriesInput>, Partial<Appointment>, Appointment[]]>([
    [
      'an announced series deleted: a cancel, naming the rule announced',
      { series: series({ cancelled: true, rule: { ...RULE, lines: [] } }) },
      {},
      [cancelled('cancelled')],
    ],
    ['the number taken out: a cancel', { phones: { phones: [OTHER], invalid: [] } }, {}, [cancelled('cancelled')]],
    ['a series that ran out with its rule as announced: quiet', { next: null }, {}, [cancelled('')]],
    [
      'cut short (another rule, none left): a cancel',
      { next: null, series: series({ rule: { ...RULE, lines: ['RRULE:FREQ=WEEKLY;COUNT=2'] } }) },
      {},
      [cancelled('cancelled', encodeSeriesRule({ ...RULE, lines: ['RRULE:FREQ=WEEKLY;COUNT=2'] }))],
    ],
    ['the old half of a split: quiet', { next: null, quiet: true, series: series({ cancelled: true }) }, {}, [cancelled('')]],
    [
      'a row never announced: nothing to cancel',
      { series: series({ cancelled: true }) },
      { announcedKind: '', delivery: '' },
      [cancelled('')],
    ],
    [
      'a row whose cancel went out: quiet',
      { series: series({ cancelled: true }) },
      { announcedKind: 'cancelled', delivery: 'delivered' },
      [cancelled('')],
    ],
    [
      'a row whose last send is uncertain: a cancel',
      { series: series({ cancelled: true }) },
      { announcedKind: '', delivery: 'uncertain' },
      [cancelled('cancelled')],
    ],
    ['a row already cancelled: nothing', { series: series({ cancelled: true }) }, { state: 'cancelled' }, []],
  ])('%s', (_, input, rowPatch, expected) => {
    const changed = reconcile({ ...input, rows: [row(rowPatch)] });
    const expectedRows = expected.map((r) => ({
      ...r,
      ...rowPatch,
      state: r.state,
      pending: r.pending,
      attempts: 0,
      retryAt: null,
      updatedAt: NOW,
    }));
    expect(changed.filter((r) => r.phone === PHONE)).toEqual(expectedRows);
  });
});

describe('reconcileSeries: a number still wanted', () => {
  const moved = { start: NEXT.start + 7 * DAY, end: NEXT.end + 7 * DAY };

  it('a cancelled row comes back: a new announcement from the next occurrence', () => {
    expect(reconcile({ rows: [row({ state: 'cancelled', title: 'Old' })], next: moved, series: series({ summary: 'New' }) })).toEqual([
      row({
        state: 'active',
        pending: 'scheduled',
        start: moved.start,
        end: moved.end,
        title: 'New',
        attempts: 0,
        retryAt: null,
        updatedAt: NOW,
      }),
    ]);
  });

  it.each<[string, Partial<SeriesRule>]>([
    ['another start', { start: RULE.start + HOUR }],
    ['another end', { end: RULE.end + HOUR }],
    ['another zone', { zone: 'Europe/Paris' }],
    ['other lines', { lines: ['RRULE:FREQ=DAILY'] }],
  ])('%s is a changed rule: a change of the series, confirmation cleared', (_, patch) => {
    const rule = { ...RULE, ...patch };
    expect(reconcile({ series: series({ rule, iCalUID: 'new@google.com' }), next: moved })).toEqual([
      row({
        pending: 'rescheduled',
        start: moved.start,
        end: moved.end,
        iCalUID: 'new@google.com',
        recurrence: encodeSeriesRule(rule),
        confirmedAt: null,
        attempts: 0,
        retryAt: null,
        updatedAt: NOW,
      }),
    ]);
  });

  it.each<[string, Partial<Appointment>, boolean | undefined, string]>([
    ['announced as rescheduled', { announcedKind: 'rescheduled' }, undefined, 'rescheduled'],
    ['announced as cancelled: what was pending stays', { announcedKind: 'cancelled', pending: 'scheduled' }, undefined, 'scheduled'],
    ['never announced: what was pending stays', { announcedKind: '', pending: 'scheduled' }, undefined, 'scheduled'],
    ['quiet: what was pending stays', { pending: '' }, true, ''],
  ])('a changed rule, %s', (_, patch, quiet, pending) => {
    const rule = { ...RULE, lines: ['RRULE:FREQ=DAILY'] };
    const [changed] = reconcile({ rows: [row(patch)], series: series({ rule }), quiet });
    expect(changed.pending).toBe(pending);
  });

  it('a row whose stored rule cannot be read counts as a changed rule', () => {
    expect(reconcile({ rows: [row({ recurrence: 'broken' })] })[0]).toMatchObject({
      pending: 'rescheduled',
      recurrence: encodeSeriesRule(RULE),
    });
  });

  it.each<[string, Partial<SeriesSnapshot>, Appointment[]]>([
    ['nothing changed', {}, []],
    ['a new title: recorded silently', { summary: 'Group therapy' }, [row({ title: 'Group therapy', updatedAt: NOW })]],
    ['a new iCalUID: recorded silently', { iCalUID: 'x@google.com' }, [row({ iCalUID: 'x@google.com', updatedAt: NOW })]],
  ])('%s', (_, patch, expected) => {
    expect(reconcile({ series: series(patch) })).toEqual(expected);
  });
});

describe('reconcileSeries: a new number', () => {
  const fresh = (patch: Partial<Appointment>): Appointment => ({
    key: `s1|${OTHER}`,
    eventId: 's1',
    iCalUID: 's1@google.com',
    phone: OTHER,
    email: '',
    title: 'Therapy',
    start: NEXT.start,
    end: NEXT.end,
    state: 'active',
    pending: 'scheduled',
    announcedKind: '',
    announcedStart: null,
    announcedEnd: null,
    announcedAt: null,
    messageSid: '',
    delivery: '',
    error: '',
    attempts: 0,
    retryAt: null,
    token: `t:s1|${OTHER}`,
    updatedAt: NOW,
    reminded: '',
    remindedAt: null,
    confirmedAt: null,
    attempt: '',
    seriesId: 's1',
    seriesRole: 'series',
    recurrence: encodeSeriesRule(RULE),
    ...patch,
  });
  const told = { announcedKind: 'scheduled' as const, announcedStart: NEXT.start, announcedEnd: NEXT.end };

  it.each<[string, Partial<SeriesInput>, Appointment[]]>([
    ['news: an announcement', {}, [fresh({})]],
    ['the baseline: known already, nothing to send', { baseline: true }, [fresh({ pending: '', ...told })]],
    ['the new half of a split: a change', { continues: true }, [fresh({ pending: 'rescheduled', ...told })]],
    ['a cancelled series adds nobody', { series: series({ cancelled: true }) }, []],
    ['a series without a next occurrence adds nobody', { next: null }, []],
  ])('%s', (_, input, expected) => {
    expect(reconcile({ rows: [], phones: { phones: [OTHER], invalid: [] }, ...input })).toEqual(expected);
  });
});

describe('reconcileException', () => {
  const ORIGINAL = NEXT.start + 7 * DAY;
  const occurrence = (patch: Partial<OccurrenceSnapshot> = {}): OccurrenceSnapshot => ({
    id: 's1_20260113T090000Z',
    seriesId: 's1',
    iCalUID: 's1@google.com',
    cancelled: false,
    allDay: false,
    summary: 'Therapy',
    location: PHONE,
    start: ORIGINAL + 2 * HOUR,
    end: ORIGINAL + 3 * HOUR,
    originalStart: ORIGINAL,
    ...patch,
  });
  const run = (patch: Partial<Parameters<typeof reconcileException>[0]> = {}) =>
    reconcileException({ occurrence: occurrence(), rows: [], seriesRows: [row()], phones: PHONES, now: NOW, newToken: token, ...patch });

  it.each<[string, Partial<Parameters<typeof reconcileException>[0]>]>([
    ['no series row', { seriesRows: [] }],
    ['only a cancelled series row', { seriesRows: [row({ state: 'cancelled' })] }],
    ['no original start', { occurrence: occurrence({ originalStart: null }) }],
  ])('%s: nothing', (_, patch) => {
    expect(run(patch)).toEqual([]);
  });

  it('a moved occurrence beyond the horizon: a move from its original time, as an exception', () => {
    const [changed] = run();
    expect(changed).toMatchObject({
      key: `s1_20260113T090000Z|${PHONE}`,
      pending: 'rescheduled',
      start: ORIGINAL + 2 * HOUR,
      end: ORIGINAL + 3 * HOUR,
      announcedStart: ORIGINAL,
      announcedEnd: ORIGINAL + HOUR,
      seriesId: 's1',
      seriesRole: 'exception',
    });
  });

  it('a cancelled occurrence beyond the horizon: a cancel of that date, the row seeded as an instance', () => {
    const [changed] = run({ occurrence: occurrence({ cancelled: true, start: null, end: null, summary: '' }) });
    expect(changed).toMatchObject({
      state: 'cancelled',
      pending: 'cancelled',
      start: ORIGINAL,
      end: ORIGINAL + HOUR,
      title: 'Therapy',
      seriesRole: 'instance',
    });
  });

  it('an occurrence that already ended gets no seeded row, so nothing is sent', () => {
    expect(run({ occurrence: occurrence({ originalStart: NOW - HOUR, start: NOW - HOUR, end: NOW }) })).toEqual([]);
    expect(run({ occurrence: occurrence({ originalStart: NOW - HOUR + 1, start: NOW + HOUR, end: NOW + 2 * HOUR }) })[0]?.pending).toBe(
      'rescheduled',
    );
  });

  it('an occurrence whose original time ended exactly now, moved ahead: no seeded row, so it is booked, not moved', () => {
    const moved = occurrence({ originalStart: NOW - HOUR, start: NOW + HOUR, end: NOW + 2 * HOUR });
    expect(run({ occurrence: moved }).map((r) => [r.key, r.pending, r.announcedStart, r.seriesRole])).toEqual([
      [`s1_20260113T090000Z|${PHONE}`, 'scheduled', null, 'exception'],
    ]);
  });

  it("another number's occurrence row does not stop this number's row being seeded", () => {
    const others = row({ key: `s1_20260113T090000Z|${OTHER}`, eventId: 's1_20260113T090000Z', phone: OTHER, seriesRole: 'instance' });
    const changed = run({
      rows: [others],
      seriesRows: [row(), row({ key: `s1|${OTHER}`, phone: OTHER })],
      phones: { phones: [PHONE, OTHER], invalid: [] },
    });
    expect(changed.map((r) => [r.phone, r.pending, r.announcedStart])).toEqual([
      [OTHER, 'rescheduled', NEXT.start],
      [PHONE, 'rescheduled', ORIGINAL],
    ]);
  });

  it('an existing occurrence row is used, not seeded again: the exception is marked so even when cancelled', () => {
    const existing = row({
      key: `s1_20260113T090000Z|${PHONE}`,
      eventId: 's1_20260113T090000Z',
      start: ORIGINAL,
      end: ORIGINAL + HOUR,
      announcedStart: ORIGINAL,
      announcedEnd: ORIGINAL + HOUR,
      seriesRole: 'instance',
      recurrence: undefined,
    });
    const changed = run({ rows: [existing], occurrence: occurrence({ cancelled: true, start: null, end: null }) });
    expect(changed.map((r) => [r.key, r.state, r.pending, r.seriesRole])).toEqual([[existing.key, 'cancelled', 'cancelled', 'exception']]);
  });
});

describe('reconcileHorizon', () => {
  const WINDOW_END = NOW + 31 * DAY;
  const instance = (start: number, patch: Partial<OccurrenceSnapshot> = {}): OccurrenceSnapshot => ({
    id: `s1_${new Date(start).toISOString().replace(/[-:]|\.000/g, '')}`,
    seriesId: 's1',
    iCalUID: 's1@google.com',
    cancelled: false,
    allDay: false,
    summary: 'Therapy',
    location: PHONE,
    start,
    end: start + HOUR,
    originalStart: start,
    ...patch,
  });
  const occurrenceRow = (start: number, patch: Partial<Appointment> = {}): Appointment =>
    row({
      key: `${instance(start).id}|${PHONE}`,
      eventId: instance(start).id,
      start,
      end: start + HOUR,
      announcedStart: start,
      announcedEnd: start + HOUR,
      seriesRole: 'instance',
      recurrence: undefined,
      ...patch,
    });
  const run = (patch: Partial<Parameters<typeof reconcileHorizon>[0]>) =>
    reconcileHorizon({
      seriesRows: [row()],
      occurrenceRows: [],
      instances: [],
      phonesOf: () => PHONES,
      now: NOW,
      windowEnd: WINDOW_END,
      newToken: token,
      ...patch,
    });

  it.each<[string, Partial<OccurrenceSnapshot>]>([
    ['cancelled', { cancelled: true }],
    ['all day', { allDay: true }],
    ['without a start', { start: null }],
    ['without an end', { end: null }],
    ['ended exactly now', { start: NOW - HOUR, end: NOW }],
  ])('an instance %s gets no row', (_, patch) => {
    expect(run({ instances: [instance(NEXT.start, patch)] }).filter((r) => r.seriesRole === 'instance')).toEqual([]);
  });

  it('an instance still running gets a row, and the series row moves to it', () => {
    const running = instance(NOW - HOUR / 2, { end: NOW + 1 });
    expect(run({ instances: [running] }).map((r) => [r.eventId, r.start, r.end])).toEqual([
      [running.id, running.start, NOW + 1],
      ['s1', running.start, NOW + 1],
    ]);
  });

  it('a number the instance does not list, or a cancelled series row, gets no row', () => {
    expect(run({ instances: [instance(NEXT.start)], phonesOf: () => ({ phones: [OTHER], invalid: [] }) })).toEqual([]);
    expect(run({ instances: [instance(NEXT.start)], seriesRows: [row({ state: 'cancelled' })] })).toEqual([]);
  });

  it('instances come in start order, and the series row moves to the first', () => {
    const later = instance(NEXT.start + 7 * DAY);
    const sooner = instance(NEXT.start + 2 * HOUR);
    const changed = run({ instances: [later, sooner] });
    expect(changed.map((r) => [r.eventId, r.start])).toEqual([
      [sooner.id, sooner.start],
      [later.id, later.start],
      ['s1', sooner.start],
    ]);
  });

  it.each<[string, Partial<OccurrenceSnapshot>, Partial<Appointment>, Appointment[]]>([
    ['unchanged', {}, {}, []],
    [
      'moved: silently, confirmation cleared',
      { start: NEXT.start + HOUR, end: NEXT.start + 2 * HOUR },
      {},
      [
        occurrenceRow(NEXT.start, {
          start: NEXT.start + HOUR,
          end: NEXT.start + 2 * HOUR,
          announcedStart: NEXT.start + HOUR,
          announcedEnd: NEXT.start + 2 * HOUR,
          confirmedAt: null,
          updatedAt: NOW,
        }),
      ],
    ],
    [
      'only the end moved',
      { end: NEXT.start + 2 * HOUR },
      {},
      [occurrenceRow(NEXT.start, { end: NEXT.start + 2 * HOUR, announcedEnd: NEXT.start + 2 * HOUR, confirmedAt: null, updatedAt: NOW })],
    ],
    [
      'only the start moved',
      { start: NEXT.start - HOUR / 2 },
      {},
      [
        occurrenceRow(NEXT.start, {
          start: NEXT.start - HOUR / 2,
          announcedStart: NEXT.start - HOUR / 2,
          confirmedAt: null,
          updatedAt: NOW,
        }),
      ],
    ],
    [
      'moved, but a message is pending: left to it',
      { start: NEXT.start + HOUR, end: NEXT.start + 2 * HOUR },
      { pending: 'rescheduled' },
      [],
    ],
    ['moved, but the row is cancelled', { start: NEXT.start + HOUR, end: NEXT.start + 2 * HOUR }, { state: 'cancelled' }, []],
    ['renamed: silently', { summary: 'Group' }, {}, [occurrenceRow(NEXT.start, { title: 'Group', updatedAt: NOW })]],
    ['renamed, but the row is cancelled', { summary: 'Group' }, { state: 'cancelled' }, []],
  ])('a listed occurrence %s', (_, patch, rowPatch, expected) => {
    const changed = run({ instances: [instance(NEXT.start, patch)], occurrenceRows: [occurrenceRow(NEXT.start, rowPatch)] });
    expect(changed.filter((r) => r.seriesRole === 'instance')).toEqual(expected);
  });

  it.each<[string, Partial<Appointment>, number, boolean]>([
    ['an active row no longer listed: cancelled silently', {}, NEXT.start + DAY, true],
    ['a row with a message pending', { pending: 'rescheduled' }, NEXT.start + DAY, false],
    ['a cancelled row', { state: 'cancelled' }, NEXT.start + DAY, false],
    ['a row that started before now', {}, NOW - 1, false],
    ['a row starting exactly now', {}, NOW, true],
    ['a row at the window end', {}, WINDOW_END, false],
    ['a row just inside the window', {}, WINDOW_END - 1, true],
  ])('%s', (_, patch, start, cancels) => {
    const changed = run({ occurrenceRows: [occurrenceRow(start, patch)] });
    const expected = occurrenceRow(start, { ...patch, state: 'cancelled', attempts: 0, retryAt: null, updatedAt: NOW });
    expect(changed).toEqual(cancels ? [expected] : []);
  });

  it.each<[string, Partial<Appointment>, number, number, boolean]>([
    ['at the next occurrence already', {}, NEXT.start, NEXT.end, false],
    ['at another start', {}, NEXT.start + HOUR, NEXT.end, true],
    ['at another end', {}, NEXT.start, NEXT.end + HOUR, true],
    ['with a message pending', { pending: 'rescheduled' }, NEXT.start + HOUR, NEXT.end, false],
  ])('the series row %s', (_, patch, start, end, moves) => {
    const changed = run({ instances: [instance(start, { end })], seriesRows: [row(patch)] }).filter((r) => r.seriesRole === 'series');
    expect(changed).toEqual(moves ? [row({ ...patch, start, end, updatedAt: NOW })] : []);
  });
});

describe('endOccurrences', () => {
  it.each<[string, Partial<Appointment>, boolean]>([
    ['an active row still to end', { end: NOW + 1 }, true],
    ['an active row ending exactly now', { end: NOW }, false],
    ['a cancelled row', { state: 'cancelled', end: NOW + HOUR }, false],
  ])('%s', (_, patch, ends) => {
    const r = row({ ...patch, pending: 'rescheduled' });
    expect(endOccurrences([r], NOW)).toEqual(
      ends ? [{ ...r, state: 'cancelled', pending: '', attempts: 0, retryAt: null, updatedAt: NOW }] : [],
    );
  });
});

describe('the horizon', () => {
  it('reaches 31 days ahead and is renewed daily', () => {
    expect([HORIZON_DAYS, HORIZON_MS, HORIZON_EVERY_MS]).toEqual([31, 2_678_400_000, 86_400_000]);
  });
});
