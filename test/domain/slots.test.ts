// Free slot finding: working hours in the host's zone, busy time, buffers, notice, horizon, DST, speed.
import { DEFAULT_SLOT_RULES, findFreeSlots, groupByDay, isSlotFree, type Interval, type SlotRules } from '../../src/domain/slots';
import { zonedParts, zonedToEpoch, addDaysInZone, startOfDayInZone } from '../../src/domain/time';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const iso = (text: string): number => Date.parse(text);
const at = (text: string): string => new Date(text).toISOString();
const show = (slots: Interval[]): string[] => slots.map((slot) => new Date(slot.start).toISOString());

function rules(overrides: Partial<SlotRules> = {}): SlotRules {
  return { ...DEFAULT_SLOT_RULES, timeZone: 'Europe/Berlin', ...overrides };
}

function seeded(seed: number): () => number {
  // mulberry32: reproducible randomness so a failure can be replayed.
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const minutesOf = (text: string): number => Number(text.slice(0, 2)) * 60 + Number(text.slice(3, 5));

/** The slow, obviously correct version: every aligned wall-clock candidate, checked against every busy interval. */
function referenceSlots(busy: Interval[], now: number, r: SlotRules, ignore?: Interval, from?: number): Interval[] {
  const earliest = Math.max(now + r.minNoticeMinutes * MINUTE, from ?? -Infinity);
  const horizonEnd = addDaysInZone(startOfDayInZone(now, r.timeZone), r.horizonDays, r.timeZone);
  const buffer = r.bufferMinutes * MINUTE;
  const blocking = busy.flatMap((b) => {
    if (!ignore || ignore.end <= b.start || ignore.start >= b.end) return [b];
    return [
      { start: b.start, end: Math.min(b.end, ignore.start) },
      { start: Math.max(b.start, ignore.end), end: b.end },
    ].filter((piece) => piece.end > piece.start);
  });
  const result: Interval[] = [];
  const first = zonedParts(startOfDayInZone(now, r.timeZone), r.timeZone);
  for (let i = 0; i <= r.horizonDays + 1; i++) {
    const date = new Date(Date.UTC(first.year, first.month - 1, first.day + i));
    const [year, month, day] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
    const found: Interval[] = [];
    for (const [from, to] of r.workingHours[date.getUTCDay()] ?? []) {
      const windowEnd = zonedToEpoch({ year, month, day, minute: minutesOf(to) }, r.timeZone);
      for (let minute = minutesOf(from); minute < minutesOf(to); minute += r.stepMinutes) {
        const start = zonedToEpoch({ year, month, day, minute }, r.timeZone);
        const local = zonedParts(start, r.timeZone);
        if (local.hour * 60 + local.minute !== minute) continue;
        const end = start + r.durationMinutes * MINUTE;
        if (end > windowEnd || end > horizonEnd || start < earliest || start <= now) continue;
        if (blocking.some((b) => b.start - buffer < end && b.end + buffer > start)) continue;
        found.push({ start, end });
      }
    }
    found.sort((a, b) => a.start - b.start);
    for (const slot of found) if (!result.length || result[result.length - 1].start !== slot.start) result.push(slot);
  }
  return result;
}

describe('findFreeSlots', () => {
  const monday = iso('2026-03-02T06:00:00Z'); // Monday 07:00 in Berlin

  it('offers the default working day from the first slot after the notice', () => {
    const slots = findFreeSlots({ busy: [], now: monday, rules: rules(), limit: 3 });
    expect(show(slots)).toEqual([at('2026-03-02T08:00:00Z'), at('2026-03-02T08:30:00Z'), at('2026-03-02T09:00:00Z')]);
    expect(slots[0].end - slots[0].start).toBe(30 * MINUTE);
  });

  it('respects minimum notice mid-day and skips weekends', () => {
    const fridayAfternoon = iso('2026-03-06T14:10:00Z'); // Friday 15:10 Berlin
    const slots = findFreeSlots({ busy: [], now: fridayAfternoon, rules: rules(), limit: 4 });
    // 15:10 + 2h = 17:10 -> nothing left on Friday, next is Monday 09:00.
    expect(show(slots)).toEqual([
      at('2026-03-09T08:00:00Z'),
      at('2026-03-09T08:30:00Z'),
      at('2026-03-09T09:00:00Z'),
      at('2026-03-09T09:30:00Z'),
    ]);
    const earlier = findFreeSlots({ busy: [], now: iso('2026-03-06T12:10:00Z'), rules: rules(), limit: 1 });
    expect(show(earlier)).toEqual([at('2026-03-06T14:30:00Z')]); // 13:10 + 2h = 15:10 -> 15:30
  });

  it('removes busy time and its buffer', () => {
    const busy = [{ start: iso('2026-03-02T09:00:00Z'), end: iso('2026-03-02T10:00:00Z') }]; // 10:00-11:00 Berlin
    const plain = findFreeSlots({ busy, now: monday, rules: rules(), limit: 6 });
    expect(show(plain)).toEqual([
      at('2026-03-02T08:00:00Z'),
      at('2026-03-02T08:30:00Z'),
      at('2026-03-02T10:00:00Z'),
      at('2026-03-02T10:30:00Z'),
      at('2026-03-02T11:00:00Z'),
      at('2026-03-02T11:30:00Z'),
    ]);
    const buffered = findFreeSlots({ busy, now: monday, rules: rules({ bufferMinutes: 15 }), limit: 3 });
    expect(show(buffered)).toEqual([at('2026-03-02T08:00:00Z'), at('2026-03-02T10:30:00Z'), at('2026-03-02T11:00:00Z')]);
  });

  it('does not count the attendee’s own appointment as busy when rescheduling, even inside merged busy time', () => {
    const own = { start: iso('2026-03-02T09:00:00Z'), end: iso('2026-03-02T09:30:00Z') };
    const mergedBusy = [{ start: own.start, end: iso('2026-03-02T10:00:00Z') }];
    const slots = findFreeSlots({ busy: mergedBusy, now: monday, rules: rules(), ignore: own, limit: 4 });
    expect(show(slots)).toEqual([
      at('2026-03-02T08:00:00Z'),
      at('2026-03-02T08:30:00Z'),
      at('2026-03-02T09:00:00Z'),
      at('2026-03-02T10:00:00Z'),
    ]);
    expect(isSlotFree(own, mergedBusy, 0)).toBe(false);
    expect(isSlotFree(own, mergedBusy, 0, own)).toBe(true);
  });

  it('honours from, limit and the horizon', () => {
    const from = iso('2026-03-10T12:00:00Z');
    expect(show(findFreeSlots({ busy: [], now: monday, from, rules: rules(), limit: 1 }))).toEqual([at('2026-03-10T12:00:00Z')]);
    expect(findFreeSlots({ busy: [], now: monday, rules: rules(), limit: 0 })).toEqual([]);
    const all = findFreeSlots({ busy: [], now: monday, rules: rules({ horizonDays: 2 }) });
    // Today and tomorrow (Monday, Tuesday), 16 slots each.
    expect(all).toHaveLength(32);
    expect(all[all.length - 1].end).toBe(iso('2026-03-03T16:00:00Z'));
    expect(findFreeSlots({ busy: [], now: monday, rules: rules({ horizonDays: 0 }) })).toEqual([]);
    expect(findFreeSlots({ busy: [], now: monday, from: iso('2027-01-01T00:00:00Z'), rules: rules() })).toEqual([]);
  });

  it('keeps local wall-clock starts across DST (Berlin, 29 March 2026) and in other zones', () => {
    const r = rules({ workingHours: { 0: [['09:00', '10:00']], 1: [['09:00', '10:00']], 6: [['09:00', '10:00']] }, minNoticeMinutes: 0 });
    const slots = findFreeSlots({ busy: [], now: iso('2026-03-28T00:00:00Z'), rules: r, limit: 6 });
    expect(show(slots)).toEqual([
      at('2026-03-28T08:00:00Z'),
      at('2026-03-28T08:30:00Z'),
      at('2026-03-29T07:00:00Z'),
      at('2026-03-29T07:30:00Z'),
      at('2026-03-30T07:00:00Z'),
      at('2026-03-30T07:30:00Z'),
    ]);
    const ny = findFreeSlots({ busy: [], now: iso('2026-10-31T00:00:00Z'), rules: { ...r, timeZone: 'America/New_York' }, limit: 4 });
    expect(show(ny)).toEqual([
      at('2026-10-31T13:00:00Z'),
      at('2026-10-31T13:30:00Z'),
      at('2026-11-01T14:00:00Z'),
      at('2026-11-01T14:30:00Z'),
    ]);
    const kathmandu = findFreeSlots({ busy: [], now: monday, rules: rules({ timeZone: 'Asia/Kathmandu' }), limit: 1 });
    expect(show(kathmandu)).toEqual([at('2026-03-02T08:15:00Z')]); // 14:00 local, after 13:45 + notice
  });

  it('handles working hours across the DST switch itself', () => {
    const r = rules({ workingHours: { 0: [['01:00', '04:00']] }, minNoticeMinutes: 0, durationMinutes: 60, stepMinutes: 30 });
    const spring = findFreeSlots({ busy: [], now: iso('2026-03-28T12:00:00Z'), rules: r, limit: 3 });
    // 01:00 01:30 CET exist, 02:00 and 02:30 do not, 03:00 CEST: 1h slots ending by 04:00 CEST.
    expect(
      spring.map((slot) => zonedParts(slot.start, 'Europe/Berlin').hour * 100 + zonedParts(slot.start, 'Europe/Berlin').minute),
    ).toEqual([100, 130, 300]);
    const autumn = findFreeSlots({ busy: [], now: iso('2026-10-24T12:00:00Z'), rules: r, limit: 10 });
    expect(show(autumn)).toEqual(show(referenceSlots([], iso('2026-10-24T12:00:00Z'), r)).slice(0, 10));
    expect(autumn.length).toBeGreaterThan(0);
  });

  describe('working hours that begin inside a DST gap keep the wall-clock grid', () => {
    const wall = (slots: Interval[], zone: string): string[] =>
      slots.map((slot) => {
        const p = zonedParts(slot.start, zone);
        return `${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`;
      });
    // [zone, the transition day (UTC noon), from, to, step, expected wall starts that day]
    const cases: Array<[string, string, string, string, number, string[]]> = [
      // Berlin, last Sunday of March: 02:00 -> 03:00.
      ['Europe/Berlin', '2026-03-29T12:00:00Z', '02:00', '05:00', 30, ['03:00', '03:30', '04:00', '04:30']],
      ['Europe/Berlin', '2026-03-29T12:00:00Z', '02:00', '06:00', 45, ['03:30', '04:15', '05:00']],
      ['Europe/Berlin', '2026-03-29T12:00:00Z', '02:30', '04:30', 40, ['03:10', '03:50']],
      // Midnight changes: Santiago (first Sunday of September), Havana (second Sunday of March), Beirut (last Sunday of March).
      ['America/Santiago', '2026-09-06T12:00:00Z', '00:00', '03:00', 30, ['01:00', '01:30', '02:00', '02:30']],
      ['America/Santiago', '2026-09-06T12:00:00Z', '00:00', '03:00', 45, ['01:30', '02:15']],
      ['America/Havana', '2026-03-08T12:00:00Z', '00:00', '02:00', 30, ['01:00', '01:30']],
      ['America/Havana', '2026-03-08T12:00:00Z', '00:00', '03:00', 50, ['01:40', '02:30']],
      ['Asia/Beirut', '2026-03-29T12:00:00Z', '00:00', '02:00', 30, ['01:00', '01:30']],
      ['Asia/Beirut', '2026-03-29T12:00:00Z', '00:00', '03:00', 40, ['01:20', '02:00']],
      // Lord Howe Island moves by 30 minutes: 02:00 -> 02:30.
      ['Australia/Lord_Howe', '2026-10-04T12:00:00Z', '02:00', '04:00', 30, ['02:30', '03:00', '03:30']],
      ['Australia/Lord_Howe', '2026-10-04T12:00:00Z', '02:00', '04:00', 20, ['02:40', '03:00', '03:20']],
    ];
    it.each(cases)('%s on %s, %s-%s every %i minutes', (zone, day, from, to, step, expected) => {
      const weekday = new Date(day).getUTCDay();
      const r = rules({
        timeZone: zone,
        workingHours: { [weekday]: [[from, to]] },
        minNoticeMinutes: 0,
        stepMinutes: step,
        horizonDays: 10,
      });
      const now = iso(day) - 3 * 24 * HOUR;
      const slots = findFreeSlots({ busy: [], now, rules: r, limit: expected.length });
      expect(wall(slots, zone)).toEqual(expected);
      const local = zonedParts(slots[0].start, zone);
      expect(`${local.year}-${local.month}-${local.day}`).toBe(day.slice(0, 10).replace(/-0/g, '-'));
      expect(show(slots)).toEqual(show(referenceSlots([], now, r)).slice(0, expected.length));
    });
  });

  it('supports split days, 24:00 ends and overlapping windows without duplicates', () => {
    const r = rules({
      workingHours: {
        1: [
          ['13:00', '14:00'],
          ['09:00', '10:00'],
          ['09:30', '10:30'],
          ['23:00', '24:00'],
        ],
      },
      minNoticeMinutes: 0,
    });
    const slots = findFreeSlots({ busy: [], now: monday, rules: r, limit: 10 });
    const local = slots.map((slot) => `${zonedParts(slot.start, 'Europe/Berlin').hour}:${zonedParts(slot.start, 'Europe/Berlin').minute}`);
    expect(local.slice(0, 8)).toEqual(['9:0', '9:30', '10:0', '13:0', '13:30', '23:0', '23:30', '9:0']);
  });

  it('rejects nonsensical rules', () => {
    expect(() => findFreeSlots({ busy: [], now: monday, rules: rules({ stepMinutes: 0 }) })).toThrow(RangeError);
    expect(() => findFreeSlots({ busy: [], now: monday, rules: rules({ durationMinutes: -5 }) })).toThrow(RangeError);
    expect(() => findFreeSlots({ busy: [], now: monday, rules: rules({ workingHours: { 1: [['9am', '5pm']] } }) })).toThrow(/9am/);
  });

  describe('property-style against a brute-force reference', () => {
    const zones = ['Europe/Berlin', 'America/New_York', 'Australia/Sydney', 'Asia/Kolkata', 'Asia/Kathmandu', 'America/Los_Angeles'];
    const steps = [15, 20, 30, 45, 60];
    const random = seeded(20260303);
    const cases = Array.from({ length: 40 }, (_, index) => index);

    it.each(cases)('random case %i', (index) => {
      const zone = zones[index % zones.length];
      // Start dates around both DST changes of the year.
      const now = iso(index % 2 ? '2026-03-20T05:17:00Z' : '2026-10-20T05:17:00Z') + Math.floor(random() * 10 * 24) * HOUR;
      const r: SlotRules = {
        timeZone: zone,
        workingHours: {},
        durationMinutes: [15, 30, 45, 60, 90][Math.floor(random() * 5)],
        stepMinutes: steps[Math.floor(random() * steps.length)],
        bufferMinutes: [0, 0, 5, 10, 15][Math.floor(random() * 5)],
        minNoticeMinutes: [0, 60, 120, 1440][Math.floor(random() * 4)],
        horizonDays: 1 + Math.floor(random() * 20),
      };
      for (let weekday = 0; weekday < 7; weekday++) {
        if (random() < 0.2) continue;
        const open = Math.floor(random() * 12) * 60 + [0, 15, 30][Math.floor(random() * 3)];
        const close = Math.min(24 * 60, open + 60 + Math.floor(random() * 10) * 60);
        const hhmm = (m: number): string => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
        r.workingHours[weekday] = [[hhmm(open), hhmm(close)]];
      }
      const busy: Interval[] = Array.from({ length: Math.floor(random() * 60) }, () => {
        const start = now + Math.floor(random() * r.horizonDays * 96) * 15 * MINUTE + Math.floor(random() * 4) * 7 * MINUTE;
        return { start, end: start + (5 + Math.floor(random() * 180)) * MINUTE };
      });
      const ignore = busy.length && random() < 0.5 ? busy[Math.floor(random() * busy.length)] : undefined;

      const slots = findFreeSlots({ busy, now, rules: r, ignore });
      expect(show(slots)).toEqual(show(referenceSlots(busy, now, r, ignore)));

      for (let i = 0; i < slots.length; i++) {
        const slot = slots[i];
        if (i > 0) expect(slot.start).toBeGreaterThan(slots[i - 1].start);
        expect(slot.end - slot.start).toBe(r.durationMinutes * MINUTE);
        expect(slot.start).toBeGreaterThanOrEqual(now + r.minNoticeMinutes * MINUTE);
        expect(isSlotFree(slot, busy, r.bufferMinutes, ignore)).toBe(true);
        const local = zonedParts(slot.start, zone);
        const [[open, close]] = r.workingHours[local.weekday];
        const localMinute = local.hour * 60 + local.minute;
        expect(localMinute).toBeGreaterThanOrEqual(minutesOf(open));
        expect((localMinute - minutesOf(open)) % r.stepMinutes).toBe(0);
        expect(slot.end).toBeLessThanOrEqual(
          zonedToEpoch({ year: local.year, month: local.month, day: local.day, minute: minutesOf(close) }, zone),
        );
      }
      const limited = findFreeSlots({ busy, now, rules: r, ignore, limit: 5 });
      expect(limited).toEqual(slots.slice(0, 5));
    });
  });

  it('is fast: 500 busy intervals over 30 days', () => {
    const random = seeded(7);
    const now = iso('2026-03-02T06:00:00Z');
    const busy = Array.from({ length: 500 }, () => {
      const start = now + Math.floor(random() * 30 * 24 * 4) * 15 * MINUTE;
      return { start, end: start + 30 * MINUTE };
    });
    const r = rules({ stepMinutes: 15, bufferMinutes: 10 });
    findFreeSlots({ busy, now, rules: r }); // warm the formatter caches
    const started = performance.now();
    for (let run = 0; run < 5; run++) findFreeSlots({ busy, now: now + run * MINUTE, rules: r });
    const perRun = (performance.now() - started) / 5;
    expect(perRun).toBeLessThan(50);
  });
});

describe('isSlotFree', () => {
  const slot = { start: 10 * HOUR, end: 11 * HOUR };
  it.each<[string, Interval[], number, boolean]>([
    ['no busy time', [], 0, true],
    ['touching before', [{ start: 9 * HOUR, end: 10 * HOUR }], 0, true],
    ['touching after', [{ start: 11 * HOUR, end: 12 * HOUR }], 0, true],
    ['touching before with a buffer', [{ start: 9 * HOUR, end: 10 * HOUR }], 1, false],
    ['overlapping', [{ start: 10.5 * HOUR, end: 12 * HOUR }], 0, false],
    ['containing', [{ start: 9 * HOUR, end: 12 * HOUR }], 0, false],
    ['contained', [{ start: 10.2 * HOUR, end: 10.3 * HOUR }], 0, false],
    ['empty busy interval', [{ start: 10.5 * HOUR, end: 10.5 * HOUR }], 0, true],
    [
      'unsorted',
      [
        { start: 15 * HOUR, end: 16 * HOUR },
        { start: 10.5 * HOUR, end: 12 * HOUR },
        { start: 1 * HOUR, end: 2 * HOUR },
      ],
      0,
      false,
    ],
  ])('%s', (_, busy, buffer, free) => {
    expect(isSlotFree(slot, busy, buffer)).toBe(free);
  });
});

describe('groupByDay', () => {
  it('groups by the local date of the zone, not UTC', () => {
    const slots = [
      { start: iso('2026-03-02T22:30:00Z'), end: iso('2026-03-02T23:00:00Z') }, // 23:30 Monday in Berlin
      { start: iso('2026-03-02T23:00:00Z'), end: iso('2026-03-02T23:30:00Z') }, // 00:00 Tuesday in Berlin
      { start: iso('2026-03-03T08:00:00Z'), end: iso('2026-03-03T08:30:00Z') },
    ];
    expect(groupByDay(slots, 'Europe/Berlin')).toEqual([
      { day: '2026-03-02', slots: [slots[0]] },
      { day: '2026-03-03', slots: [slots[1], slots[2]] },
    ]);
    expect(groupByDay(slots, 'UTC').map((group) => group.day)).toEqual(['2026-03-02', '2026-03-03']);
    expect(groupByDay(slots, 'America/Los_Angeles').map((group) => [group.day, group.slots.length])).toEqual([
      ['2026-03-02', 2],
      ['2026-03-03', 1],
    ]);
    expect(groupByDay(slots, 'Asia/Tokyo').map((group) => [group.day, group.slots.length])).toEqual([['2026-03-03', 3]]);
    expect(groupByDay([], 'UTC')).toEqual([]);
  });
});

describe('DEFAULT_SLOT_RULES', () => {
  it('is Monday to Friday, 09:00-17:00, 30 minutes, 2 hours notice, 30 days', () => {
    expect(DEFAULT_SLOT_RULES).toEqual({
      workingHours: {
        1: [['09:00', '17:00']],
        2: [['09:00', '17:00']],
        3: [['09:00', '17:00']],
        4: [['09:00', '17:00']],
        5: [['09:00', '17:00']],
      },
      durationMinutes: 30,
      stepMinutes: 30,
      bufferMinutes: 0,
      minNoticeMinutes: 120,
      horizonDays: 30,
    });
  });
});
