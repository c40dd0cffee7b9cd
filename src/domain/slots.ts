// Free appointment slots: working hours in the host's zone minus busy intervals, DST-correct and fast.
import { zonedParts, zonedToEpoch, zoneOffsetMs, addDaysInZone, startOfDayInZone } from './time';

/** Half-open [start, end) in epoch milliseconds. */
export interface Interval {
  start: number;
  end: number;
}

/** Weekday (0=Sunday..6) -> local working windows like ['09:00', '17:00']; '24:00' ends at midnight. */
export type WorkingHours = Record<number, Array<[string, string]>>;

export interface SlotRules {
  timeZone: string;
  workingHours: WorkingHours;
  durationMinutes: number;
  stepMinutes: number;
  bufferMinutes: number;
  minNoticeMinutes: number;
  horizonDays: number;
}

export const DEFAULT_SLOT_RULES: Omit<SlotRules, 'timeZone'> = {
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
};

const MINUTE_MS = 60_000;
const LOCAL_TIME = /^([01]?\d|2[0-4]):([0-5]\d)$/;

/** Minutes after local midnight; throws on malformed settings because silently offering no slots hides the mistake. */
export function parseLocalTime(text: string): number {
  const match = LOCAL_TIME.exec(text.trim());
  const minutes = match ? Number(match[1]) * 60 + Number(match[2]) : NaN;
  if (!match || minutes > 24 * 60) throw new RangeError(`"${text}" is not a time of day like 09:00`);
  return minutes;
}

/** Busy intervals with the ignored one cut out, widened by the buffer, sorted and merged (so ends are sorted too). */
function prepareBusy(busy: Interval[], bufferMinutes: number, ignore?: Interval): Interval[] {
  const buffer = Math.max(0, bufferMinutes) * MINUTE_MS;
  const pieces: Interval[] = [];
  for (const interval of busy) {
    // Cutting rather than dropping an exact match also works when busy times come merged (free/busy API).
    for (const piece of ignore ? subtract(interval, ignore) : [interval]) {
      if (piece.end > piece.start) pieces.push({ start: piece.start - buffer, end: piece.end + buffer });
    }
  }
  pieces.sort((a, b) => a.start - b.start);
  const merged: Interval[] = [];
  for (const piece of pieces) {
    const last = merged[merged.length - 1];
    // Stryker disable next-line EqualityOperator: touching intervals kept apart still have sorted ends, which is all the search needs.
    if (last && piece.start <= last.end) {
      last.end = Math.max(last.end, piece.end);
    } else {
      merged.push({ start: piece.start, end: piece.end });
    }
  }
  return merged;
}

/** The parts of interval before and after cut; either may be empty, and a cut that misses leaves them covering it. */
function subtract(interval: Interval, cut: Interval): Interval[] {
  return [
    { start: interval.start, end: Math.min(interval.end, cut.start) },
    { start: Math.max(interval.start, cut.end), end: interval.end },
  ];
}

/** Whether the slot avoids every prepared (sorted, merged) busy interval; binary search, so O(log n). */
function freeInPrepared(slot: Interval, prepared: Interval[]): boolean {
  let low = 0;
  let high = prepared.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (prepared[mid].end <= slot.start) low = mid + 1;
    else high = mid;
  }
  return low === prepared.length || prepared[low].start >= slot.end;
}

export function isSlotFree(slot: Interval, busy: Interval[], bufferMinutes: number, ignore?: Interval): boolean {
  return freeInPrepared(slot, prepareBusy(busy, bufferMinutes, ignore));
}

function validateRules(rules: SlotRules): void {
  for (const key of ['durationMinutes', 'stepMinutes'] as const) {
    if (!(rules[key] > 0) || !Number.isFinite(rules[key])) throw new RangeError(`${key} must be a positive number`);
  }
  for (const key of ['bufferMinutes', 'minNoticeMinutes', 'horizonDays'] as const) {
    if (!(rules[key] >= 0) || !Number.isFinite(rules[key])) throw new RangeError(`${key} must be zero or more`);
  }
}

/**
 * Free slots, sorted by start. Slots start at each working window's start + k*step in local wall time,
 * lie inside the window, keep bufferMinutes away from busy time, start after now, no earlier than
 * now + notice (and `from`), and end by the start of the day horizonDays after today, all in rules.timeZone.
 */
export function findFreeSlots(input: {
  busy: Interval[];
  now: number;
  from?: number;
  rules: SlotRules;
  limit?: number;
  ignore?: Interval;
}): Interval[] {
  const { rules, now } = input;
  validateRules(rules);
  const zone = rules.timeZone;
  const limit = input.limit ?? Infinity;
  const durationMs = rules.durationMinutes * MINUTE_MS;
  const earliest = Math.max(now + rules.minNoticeMinutes * MINUTE_MS, input.from ?? -Infinity);
  const horizonEnd = addDaysInZone(startOfDayInZone(now, zone), rules.horizonDays, zone);
  const busy = prepareBusy(input.busy, rules.bufferMinutes, input.ignore);
  // In any order: each window is walked on its own and the day's slots are sorted afterwards.
  const windowsByWeekday = Array.from({ length: 7 }, (_, weekday) =>
    (rules.workingHours[weekday] ?? []).map(([from, to]) => [parseLocalTime(from), parseLocalTime(to)] as [number, number]),
  );

  const slots: Interval[] = [];
  // Walk calendar dates (not 24-hour steps) so DST days and skipped midnights need no special case.
  const first = zonedParts(earliest, zone);
  for (let dayIndex = 0; slots.length < limit; dayIndex++) {
    const date = new Date(Date.UTC(first.year, first.month - 1, first.day + dayIndex));
    const year = date.getUTCFullYear();
    const month = date.getUTCMonth() + 1;
    const day = date.getUTCDate();
    // Stryker disable next-line EqualityOperator: a day that starts at the horizon has no slot ending by it, so > only walks one empty day more.
    if (zonedToEpoch({ year, month, day }, zone) >= horizonEnd) break;
    const daySlots: Interval[] = [];
    for (const [fromMinute, toMinute] of windowsByWeekday[date.getUTCDay()]) {
      const windowStart = zonedToEpoch({ year, month, day, minute: fromMinute }, zone);
      const windowEnd = zonedToEpoch({ year, month, day, minute: toMinute }, zone);
      const lastEnd = Math.min(windowEnd, horizonEnd);
      // Without a transition inside the window, local steps are plain millisecond steps: no Intl calls.
      // A window that opens inside a gap (02:00 on a spring-forward day) resolved to a later wall time,
      // so stepping from it would leave the grid: that day goes through the wall-clock path.
      const startOffset = zoneOffsetMs(windowStart, zone);
      const opensOnTime = windowStart + startOffset === Date.UTC(year, month - 1, day) + fromMinute * MINUTE_MS;
      const steady = opensOnTime && startOffset === zoneOffsetMs(windowEnd, zone);
      // Stryker disable next-line EqualityOperator: a start at toMinute is the window's end, so its slot breaks on end > lastEnd.
      for (let minute = fromMinute; minute < toMinute; minute += rules.stepMinutes) {
        let start = windowStart + (minute - fromMinute) * MINUTE_MS;
        if (!steady) {
          start = zonedToEpoch({ year, month, day, minute }, zone);
          // A wall time inside the spring-forward gap does not exist that day: no slot starts there.
          const local = zonedParts(start, zone);
          if (local.hour * 60 + local.minute !== minute) continue;
        }
        const end = start + durationMs;
        // Later wall times are never earlier instants (gap times are skipped, repeated ones resolve early).
        if (end > lastEnd) break;
        // A slot that starts now has begun by the time anyone books it, whatever the notice.
        if (start < earliest || start <= now) continue;
        const slot = { start, end };
        if (freeInPrepared(slot, busy)) daySlots.push(slot);
      }
    }
    // Overlapping windows in the settings could interleave or repeat starts.
    daySlots.sort((a, b) => a.start - b.start);
    for (const slot of daySlots) {
      const previous = slots[slots.length - 1];
      if (previous && previous.start === slot.start) continue;
      slots.push(slot);
      if (slots.length >= limit) break;
    }
  }
  return slots;
}

/** Slots grouped by their local date, in order of first appearance. */
export function groupByDay(slots: Interval[], timeZone: string): Array<{ day: string; slots: Interval[] }> {
  const groups = new Map<string, Interval[]>();
  for (const slot of slots) {
    const p = zonedParts(slot.start, timeZone);
    const day = `${String(p.year).padStart(4, '0')}-${pad2(p.month)}-${pad2(p.day)}`;
    const group = groups.get(day);
    if (group) group.push(slot);
    else groups.set(day, [slot]);
  }
  return Array.from(groups, ([day, daySlots]) => ({ day, slots: daySlots }));
}

function pad2(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}
