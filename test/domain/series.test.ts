// The series model without the sandbox: what a master, an exception and the horizon pass do to the ledger rows.
import type { Appointment } from '../../src/domain/appointments';
import { decodeSeriesRule, endOccurrences, reconcileHorizon, reconcileSeries, type SeriesSnapshot } from '../../src/domain/series';

const NOW = Date.UTC(2026, 0, 5, 8);
const HOUR = 3600_000;
const PHONES = { phones: ['+4915123456789'], invalid: [] };
const RULE = { zone: 'Europe/Berlin', start: NOW + 25 * HOUR, end: NOW + 26 * HOUR, lines: ['RRULE:FREQ=WEEKLY;BYDAY=TU'] };
const series = (patch: Partial<SeriesSnapshot> = {}): SeriesSnapshot => ({
  id: 's1',
  iCalUID: 's1@google.com',
  cancelled: false,
  summary: 'Therapy',
  rule: RULE,
  ...patch,
});
const next = { start: RULE.start, end: RULE.end };
const token = (key: string) => `t:${key}`;

function announcedRow(): Appointment {
  const [row] = reconcileSeries({ series: series(), rows: [], phones: PHONES, next, now: NOW, newToken: token });
  return { ...row, pending: '', announcedKind: 'scheduled', announcedStart: next.start, announcedEnd: next.end, delivery: 'delivered' };
}

describe('series rows', () => {
  test('a new series is one row to announce, its rule kept as JSON', () => {
    const [row] = reconcileSeries({ series: series(), rows: [], phones: PHONES, next, now: NOW, newToken: token });
    expect(row).toMatchObject({
      key: 's1|+4915123456789',
      eventId: 's1',
      pending: 'scheduled',
      seriesRole: 'series',
      seriesId: 's1',
      start: next.start,
    });
    expect(decodeSeriesRule(row.recurrence)).toEqual(RULE);
    expect(decodeSeriesRule('not json')).toBeNull();
  });

  test('a changed rule is a change of the series; the old half of a split changes quietly; its new half is a change', () => {
    const row = announcedRow();
    const changedRule = series({ rule: { ...RULE, lines: ['RRULE:FREQ=WEEKLY;BYDAY=WE'] } });
    expect(reconcileSeries({ series: changedRule, rows: [row], phones: PHONES, next, now: NOW, newToken: token })[0].pending).toBe(
      'rescheduled',
    );
    expect(
      reconcileSeries({ series: changedRule, rows: [row], phones: PHONES, next: null, now: NOW, quiet: true, newToken: token })[0],
    ).toMatchObject({
      state: 'cancelled',
      pending: '',
    });
    const [continued] = reconcileSeries({
      series: series({ id: 's2' }),
      rows: [],
      phones: PHONES,
      next,
      now: NOW,
      continues: true,
      newToken: token,
    });
    expect(continued).toMatchObject({ pending: 'rescheduled', announcedKind: 'scheduled', announcedStart: next.start });
  });

  test('a series that ran out ends quietly; one cut short ("delete this and following") is a cancel', () => {
    const row = announcedRow();
    expect(
      reconcileSeries({ series: series({ summary: 'Renamed' }), rows: [row], phones: PHONES, next: null, now: NOW, newToken: token })[0],
    ).toMatchObject({
      state: 'cancelled',
      pending: '',
    });
    const cut = series({ rule: { ...RULE, lines: ['RRULE:FREQ=WEEKLY;BYDAY=TU;UNTIL=20260105T000000Z'] } });
    expect(reconcileSeries({ series: cut, rows: [row], phones: PHONES, next: null, now: NOW, newToken: token })[0]).toMatchObject({
      state: 'cancelled',
      pending: 'cancelled',
    });
  });

  test('nothing changed writes nothing; a deleted series is one cancel and keeps the rule it announced', () => {
    const row = announcedRow();
    expect(reconcileSeries({ series: series(), rows: [row], phones: PHONES, next, now: NOW, newToken: token })).toEqual([]);
    const gone = series({ cancelled: true, rule: { zone: 'UTC', start: 0, end: 0, lines: [] } });
    const [cancelled] = reconcileSeries({ series: gone, rows: [row], phones: PHONES, next: null, now: NOW, newToken: token });
    expect(cancelled).toMatchObject({ state: 'cancelled', pending: 'cancelled', recurrence: row.recurrence });
  });
});

describe('the horizon pass', () => {
  const instance = (start: number) => ({
    id: `s1_${new Date(start).toISOString().replace(/[-:]|\.000/g, '')}`,
    seriesId: 's1',
    iCalUID: 's1@google.com',
    cancelled: false,
    allDay: false,
    summary: 'Therapy',
    location: '+49 151 23456789',
    start,
    end: start + HOUR,
    originalStart: start,
  });
  const phonesOf = () => PHONES;

  test('adds rows as already told, moves them silently, cancels silently what left the listing', () => {
    const seriesRow = announcedRow();
    const week = 7 * 24 * HOUR;
    const added = reconcileHorizon({
      seriesRows: [seriesRow],
      occurrenceRows: [],
      instances: [instance(RULE.start), instance(RULE.start + week)],
      phonesOf,
      now: NOW,
      windowEnd: NOW + 31 * 24 * HOUR,
      newToken: token,
    });
    expect(added.map((row) => [row.eventId, row.pending, row.announcedKind, row.seriesRole])).toEqual([
      ['s1_20260106T090000Z', '', 'scheduled', 'instance'],
      ['s1_20260113T090000Z', '', 'scheduled', 'instance'],
    ]);
    const moved = reconcileHorizon({
      seriesRows: [seriesRow],
      occurrenceRows: added,
      instances: [{ ...instance(RULE.start), start: RULE.start + 2 * HOUR, end: RULE.start + 3 * HOUR }],
      phonesOf,
      now: NOW,
      windowEnd: NOW + 31 * 24 * HOUR,
      newToken: token,
    });
    expect(moved.map((row) => [row.eventId, row.state, row.pending, row.announcedStart === row.start])).toEqual([
      ['s1_20260106T090000Z', 'active', '', true],
      ['s1_20260113T090000Z', 'cancelled', '', true],
      // The series row moves on to its next occurrence, silently.
      ['s1', 'active', '', false],
    ]);
    expect(moved[2].start).toBe(RULE.start + 2 * HOUR);
    expect(endOccurrences(added, NOW).every((row) => row.state === 'cancelled' && row.pending === '')).toBe(true);
  });
});
