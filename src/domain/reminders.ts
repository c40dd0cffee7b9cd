// Which appointment reminders are due: offsets from settings, once per appointment, offset and start time.
import { type Appointment, isSeriesRow } from './appointments';

/** Reminders go out this many minutes before the start unless the host's REMINDER_OFFSETS says otherwise. */
export const DEFAULT_REMINDER_OFFSETS = '24h,2h';
/** A reminder more than a week ahead is not a reminder; the calendar window of the tick stays small. */
export const MAX_REMINDER_OFFSET_MINUTES = 7 * 24 * 60;

const UNIT_MINUTES: Record<string, number> = { m: 1, h: 60, d: 24 * 60 };

/**
 * "24h,2h" → [1440, 120] (minutes, largest first, no duplicates); "off" or "" → []. Throws with a
 * readable reason for anything else, so the settings error can name the property.
 */
export function parseReminderOffsets(text: string): number[] {
  const value = text.trim().toLowerCase();
  if (value === 'off' || value === 'none') return [];
  const minutes = new Set<number>();
  for (const part of value.match(/[^\s,;]+/g) ?? []) {
    const match = /^(\d{1,4})(m|h|d)$/.exec(part);
    if (!match) throw new Error(`"${part}" is not an offset such as 24h, 2h, 30m or 1d`);
    const amount = Number(match[1]) * UNIT_MINUTES[match[2]];
    if (amount < 5 || amount > MAX_REMINDER_OFFSET_MINUTES) throw new Error(`"${part}" must be between 5m and 7d`);
    minutes.add(amount);
  }
  return [...minutes].sort((a, b) => b - a);
}

/** One sent reminder, as stored in the row's `reminded` column: "120@2026-01-06T10:00:00.000Z". */
export function reminderMark(offsetMinutes: number, start: number): string {
  return `${offsetMinutes}@${new Date(start).toISOString()}`;
}

function marksOf(reminded: string): string[] {
  // Stryker disable next-line Regex: splitting on single spaces only adds empty pieces, which never equal nor end like a mark.
  return reminded.split(/\s+/);
}

export function wasReminded(row: Pick<Appointment, 'reminded'>, offsetMinutes: number, start: number): boolean {
  return marksOf(row.reminded).includes(reminderMark(offsetMinutes, start));
}

/**
 * The row's `reminded` after sending one more: marks of earlier start times are dropped, which is
 * what re-arms every offset when the appointment moves, and keeps the cell a few dozen characters.
 */
export function withReminderMark(reminded: string, offsetMinutes: number, start: number): string {
  const suffix = `@${new Date(start).toISOString()}`;
  const kept = marksOf(reminded).filter((mark) => mark.endsWith(suffix));
  const mark = reminderMark(offsetMinutes, start);
  if (!kept.includes(mark)) kept.push(mark);
  return kept.join(' ');
}

export interface DueReminder {
  row: Appointment;
  offsetMinutes: number;
}

function wasAnnouncedAsBooked(row: Appointment): boolean {
  return row.announcedKind === 'scheduled' || row.announcedKind === 'rescheduled';
}

/**
 * The reminders to send now. Per row, only the latest offset whose moment has passed counts: a
 * tick that runs a few minutes (or hours) late still sends it, and a 24-hour reminder that would
 * arrive after the 2-hour one is due is skipped rather than sent as a pair. Nothing is sent once
 * the appointment has begun, for cancelled rows, rows whose announcement did not go out (or is
 * still pending, e.g. a move), opted-out numbers, or when the announcement itself went out after
 * the reminder moment (it already told the attendee the time).
 */
export function dueReminders(
  rows: readonly Appointment[],
  input: { offsetsMinutes: readonly number[]; now: number; optedOut: ReadonlySet<string> },
): DueReminder[] {
  const { offsetsMinutes, now, optedOut } = input;
  const due: DueReminder[] = [];
  for (const row of rows) {
    // A series row is reminded through its occurrences' rows.
    if (row.state !== 'active' || row.pending !== '' || !wasAnnouncedAsBooked(row) || isSeriesRow(row)) continue;
    if (row.start <= now || optedOut.has(row.phone) || row.delivery === 'opted-out') continue;
    const passed = offsetsMinutes.filter((offset) => row.start - offset * 60_000 <= now);
    // Stryker disable next-line ConditionalExpression: without it the moment is -Infinity and the announcement check skips the row, less plainly.
    if (passed.length === 0) continue;
    const latest = Math.min(...passed);
    const moment = row.start - latest * 60_000;
    if (wasReminded(row, latest, row.start)) continue;
    if ((row.announcedAt ?? Number.NEGATIVE_INFINITY) >= moment) continue;
    due.push({ row, offsetMinutes: latest });
  }
  return due.sort((a, b) => a.row.start - b.row.start || a.row.key.localeCompare(b.row.key));
}
