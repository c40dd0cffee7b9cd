// Table tests of slot finding's guards and boundaries: each row trips one of them, with the exact result.
import { DEFAULT_SLOT_RULES, findFreeSlots, groupByDay, type Interval, parseLocalTime, type SlotRules } from '../../src/domain/slots';

const MINUTE = 60_000;
const iso = (text: string): number => Date.parse(text);
const show = (slots: Interval[]): string[] => slots.map((slot) => new Date(slot.start).toISOString());
const monday = iso('2026-03-02T06:00:00Z'); // Monday 07:00 in Berlin

function rules(overrides: Partial<SlotRules> = {}): SlotRules {
  return { ...DEFAULT_SLOT_RULES, timeZone: 'Europe/Berlin', ...overrides };
}

describe('parseLocalTime', () => {
  it.each([
    ['9:00', 540],
    [' 09:30 ', 570],
    ['00:00', 0],
    ['24:00', 1440],
  ])('%j -> %i', (text, minutes) => {
    expect(parseLocalTime(text)).toBe(minutes);
  });

  it.each(['24:30', '09:000', '9am', '09:00 17:00', '25:00'])('%j is refused', (text) => {
    expect(() => parseLocalTime(text)).toThrow(new RangeError(`"${text}" is not a time of day like 09:00`));
  });
});

describe('findFreeSlots refuses rules out of range, naming the setting', () => {
  it.each<[Partial<SlotRules>, string]>([
    [{ durationMinutes: 0 }, 'durationMinutes must be a positive number'],
    [{ durationMinutes: Number.POSITIVE_INFINITY }, 'durationMinutes must be a positive number'],
    [{ stepMinutes: Number.NaN }, 'stepMinutes must be a positive number'],
    [{ bufferMinutes: -1 }, 'bufferMinutes must be zero or more'],
    [{ minNoticeMinutes: -5 }, 'minNoticeMinutes must be zero or more'],
    [{ horizonDays: Number.POSITIVE_INFINITY }, 'horizonDays must be zero or more'],
    [{ horizonDays: Number.NaN }, 'horizonDays must be zero or more'],
  ])('%j', (overrides, message) => {
    expect(() => findFreeSlots({ busy: [], now: monday, rules: rules(overrides) })).toThrow(new RangeError(message));
  });

  it('takes zero buffer, notice and horizon', () => {
    const r = rules({ bufferMinutes: 0, minNoticeMinutes: 0, horizonDays: 1 });
    expect(show(findFreeSlots({ busy: [], now: monday, rules: r, limit: 1 }))).toEqual(['2026-03-02T08:00:00.000Z']);
    expect(findFreeSlots({ busy: [], now: monday, rules: rules({ horizonDays: 0 }) })).toEqual([]);
  });
});

describe('findFreeSlots at the edges of now, notice and busy time (Berlin, Monday 2 March 2026)', () => {
  const busy = [{ start: iso('2026-03-02T09:00:00Z'), end: iso('2026-03-02T10:00:00Z') }]; // 10:00-11:00 local
  it.each<[string, { now: number; busy?: Interval[]; overrides?: Partial<SlotRules>; ignore?: Interval; limit?: number }, string[]]>([
    // A slot starting at the very instant of now has begun: not offered, even without notice.
    [
      'starting now, no notice',
      { now: iso('2026-03-02T08:00:00Z'), overrides: { minNoticeMinutes: 0 }, limit: 2 },
      ['2026-03-02T08:30:00.000Z', '2026-03-02T09:00:00.000Z'],
    ],
    // Notice ending exactly at a slot's start keeps that slot.
    ['notice ends at 09:00', { now: iso('2026-03-02T06:00:00Z'), limit: 1 }, ['2026-03-02T08:00:00.000Z']],
    ['notice ends at 09:01', { now: iso('2026-03-02T06:01:00Z'), limit: 1 }, ['2026-03-02T08:30:00.000Z']],
    // 09:30-10:00 ends where the busy block starts, 11:00 starts where it ends.
    [
      'busy 10:00-11:00',
      { now: monday, busy, limit: 4 },
      ['2026-03-02T08:00:00.000Z', '2026-03-02T08:30:00.000Z', '2026-03-02T10:00:00.000Z', '2026-03-02T10:30:00.000Z'],
    ],
    [
      'busy 10:00-11:00, one minute of buffer',
      { now: monday, busy, overrides: { bufferMinutes: 1 }, limit: 3 },
      ['2026-03-02T08:00:00.000Z', '2026-03-02T10:30:00.000Z', '2026-03-02T11:00:00.000Z'],
    ],
    // Busy blocks that touch or nest merge into one; an ignored block outside them changes nothing.
    [
      'touching and nested busy blocks',
      {
        now: monday,
        busy: [
          { start: iso('2026-03-02T09:00:00Z'), end: iso('2026-03-02T10:00:00Z') },
          { start: iso('2026-03-02T08:00:00Z'), end: iso('2026-03-02T09:00:00Z') },
          { start: iso('2026-03-02T08:15:00Z'), end: iso('2026-03-02T08:45:00Z') },
        ],
        ignore: { start: iso('2026-03-02T12:00:00Z'), end: iso('2026-03-02T12:30:00Z') },
        limit: 2,
      },
      ['2026-03-02T10:00:00.000Z', '2026-03-02T10:30:00.000Z'],
    ],
    // A long block with a short one inside it: the long one's end counts.
    [
      'short block inside a long one',
      {
        now: monday,
        busy: [
          { start: iso('2026-03-02T08:00:00Z'), end: iso('2026-03-02T11:00:00Z') },
          { start: iso('2026-03-02T08:30:00Z'), end: iso('2026-03-02T09:00:00Z') },
        ],
        limit: 1,
      },
      ['2026-03-02T11:00:00.000Z'],
    ],
    // Ignoring an empty interval, or one that only touches the block, keeps the whole block busy.
    [
      'ignore empty',
      { now: monday, busy, ignore: { start: iso('2026-03-02T09:30:00Z'), end: iso('2026-03-02T09:30:00Z') }, limit: 3 },
      ['2026-03-02T08:00:00.000Z', '2026-03-02T08:30:00.000Z', '2026-03-02T10:00:00.000Z'],
    ],
    [
      'ignore touching before',
      { now: monday, busy, ignore: { start: iso('2026-03-02T08:30:00Z'), end: iso('2026-03-02T09:00:00Z') }, limit: 3 },
      ['2026-03-02T08:00:00.000Z', '2026-03-02T08:30:00.000Z', '2026-03-02T10:00:00.000Z'],
    ],
    [
      'ignore touching after',
      { now: monday, busy, ignore: { start: iso('2026-03-02T10:00:00Z'), end: iso('2026-03-02T10:30:00Z') }, limit: 3 },
      ['2026-03-02T08:00:00.000Z', '2026-03-02T08:30:00.000Z', '2026-03-02T10:00:00.000Z'],
    ],
    // Ignoring more than the block frees it all.
    [
      'ignore around',
      { now: monday, busy, ignore: { start: iso('2026-03-02T08:30:00Z'), end: iso('2026-03-02T10:30:00Z') }, limit: 4 },
      ['2026-03-02T08:00:00.000Z', '2026-03-02T08:30:00.000Z', '2026-03-02T09:00:00.000Z', '2026-03-02T09:30:00.000Z'],
    ],
    ['limit 0', { now: monday, limit: 0 }, []],
    ['limit -1', { now: monday, limit: -1 }, []],
  ])('%s', (_, { now, busy: blocks = [], overrides = {}, ignore, limit }, expected) => {
    expect(show(findFreeSlots({ busy: blocks, now, rules: rules(overrides), ignore, limit }))).toEqual(expected);
  });
});

describe('findFreeSlots across DST, midnight and overlapping windows', () => {
  it.each<[string, string, string, SlotRules['workingHours'], Partial<SlotRules>, number, string[]]>([
    // Adelaide (+9:30) springs to +10:30 at 02:00 on Sunday 4 October 2026: 02:00 and 02:30 do not exist.
    [
      'Adelaide spring',
      'Australia/Adelaide',
      '2026-10-02T00:00:00Z',
      { 0: [['01:00', '04:00']] },
      {},
      4,
      ['2026-10-03T15:30:00.000Z', '2026-10-03T16:00:00.000Z', '2026-10-03T16:30:00.000Z', '2026-10-03T17:00:00.000Z'],
    ],
    // Adelaide falls back at 03:00 on Sunday 5 April 2026: 02:00 and 02:30 are the earlier ones; the repeated hour is not offered twice.
    [
      'Adelaide autumn',
      'Australia/Adelaide',
      '2026-04-03T00:00:00Z',
      { 0: [['01:00', '04:00']] },
      {},
      6,
      [
        '2026-04-04T14:30:00.000Z',
        '2026-04-04T15:00:00.000Z',
        '2026-04-04T15:30:00.000Z',
        '2026-04-04T16:00:00.000Z',
        '2026-04-04T17:30:00.000Z',
        '2026-04-04T18:00:00.000Z',
      ],
    ],
    [
      'New York spring',
      'America/New_York',
      '2026-03-06T00:00:00Z',
      { 0: [['01:00', '04:00']] },
      {},
      4,
      ['2026-03-08T06:00:00.000Z', '2026-03-08T06:30:00.000Z', '2026-03-08T07:00:00.000Z', '2026-03-08T07:30:00.000Z'],
    ],
    // Kolkata has no DST: the same Sunday is a plain day.
    [
      'Kolkata, no DST',
      'Asia/Kolkata',
      '2026-03-06T00:00:00Z',
      { 0: [['01:00', '03:00']] },
      {},
      4,
      ['2026-03-07T19:30:00.000Z', '2026-03-07T20:00:00.000Z', '2026-03-07T20:30:00.000Z', '2026-03-07T21:00:00.000Z'],
    ],
    // An hour-long slot may end at midnight (24:00) but not after it.
    [
      'up to midnight',
      'Europe/Berlin',
      '2026-03-02T06:00:00Z',
      { 1: [['22:00', '24:00']] },
      { durationMinutes: 60 },
      4,
      ['2026-03-02T21:00:00.000Z', '2026-03-02T21:30:00.000Z', '2026-03-02T22:00:00.000Z', '2026-03-09T21:00:00.000Z'],
    ],
    // Windows that interleave, given in any order, come out sorted.
    [
      'interleaving windows',
      'Europe/Berlin',
      '2026-03-02T06:00:00Z',
      {
        1: [
          ['09:15', '10:15'],
          ['09:00', '11:00'],
        ],
      },
      {},
      7,
      [
        '2026-03-02T08:00:00.000Z',
        '2026-03-02T08:15:00.000Z',
        '2026-03-02T08:30:00.000Z',
        '2026-03-02T08:45:00.000Z',
        '2026-03-02T09:00:00.000Z',
        '2026-03-02T09:30:00.000Z',
        '2026-03-09T08:00:00.000Z',
      ],
    ],
  ])('%s', (_, timeZone, now, workingHours, overrides, limit, expected) => {
    const r = rules({ timeZone, workingHours, minNoticeMinutes: 0, ...overrides });
    expect(show(findFreeSlots({ busy: [], now: iso(now), rules: r, limit }))).toEqual(expected);
  });
});

describe('findFreeSlots steps plain days without asking Intl for each slot', () => {
  afterEach(() => jest.restoreAllMocks());

  // The same week of windows, every 5 or every 60 minutes: on days without a transition the cost must not grow.
  it.each([
    ['Europe/Berlin', '2026-03-02T06:00:00Z', '09:00', '17:00'],
    ['Asia/Kolkata', '2026-03-02T06:00:00Z', '08:30', '12:30'],
    ['America/New_York', '2026-07-06T06:00:00Z', '13:45', '23:00'],
  ])('%s from %s, %s-%s', (timeZone, now, from, to) => {
    const calls = (stepMinutes: number): number => {
      const parts = jest.spyOn(Intl.DateTimeFormat.prototype, 'formatToParts');
      const slots = findFreeSlots({
        busy: [],
        now: iso(now),
        rules: rules({ timeZone, workingHours: { 2: [[from, to]] }, stepMinutes, horizonDays: 7 }),
      });
      expect(slots.length).toBeGreaterThan(0);
      const count = parts.mock.calls.length;
      parts.mockRestore();
      return count;
    };
    expect(calls(5)).toBe(calls(60));
  });
});

describe('groupByDay in the attendee’s zone', () => {
  const late = findFreeSlots({
    busy: [],
    now: monday,
    rules: rules({ minNoticeMinutes: 0, durationMinutes: 60, workingHours: { 1: [['22:00', '24:00']] } }),
    limit: 3,
  });

  it.each([
    // 22:00-24:00 in Berlin is the next morning in Kolkata and the same afternoon in New York.
    ['Asia/Kolkata', [['2026-03-03', 3]]],
    ['America/New_York', [['2026-03-02', 3]]],
    ['Europe/Berlin', [['2026-03-02', 3]]],
  ])('%s', (zone, expected) => {
    expect(groupByDay(late, zone).map((group) => [group.day, group.slots.length])).toEqual(expected);
  });

  it.each([
    // Two-digit months and days are not padded again; years before 1000 are.
    ['2026-10-10T10:00:00Z', '2026-10-10'],
    ['2026-12-31T10:00:00Z', '2026-12-31'],
    ['0999-01-05T10:00:00Z', '0999-01-05'],
  ])('%s -> %s', (start, day) => {
    expect(groupByDay([{ start: iso(start), end: iso(start) + 30 * MINUTE }], 'UTC')).toEqual([
      { day, slots: [{ start: iso(start), end: iso(start) + 30 * MINUTE }] },
    ]);
  });
});
