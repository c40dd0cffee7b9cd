// Recurring appointments in the ledger: a row per series and attendee for its announcements, a row per occurrence within the horizon.
import { type Appointment, appointmentKey, type EventSnapshot, reconcileEvent } from './appointments';
import type { LocationPhones } from './phone';

/** Occurrences get rows this far ahead: reminders (at most 7 days before) and the 30-day list need no more. */
export const HORIZON_DAYS = 31;
export const HORIZON_MS = HORIZON_DAYS * 86_400_000;
/** The horizon pass runs at least this often (the tick), and whenever a series changed. */
export const HORIZON_EVERY_MS = 24 * 3600_000;

/** What a series row keeps of its master: the rule and the master's own first start and end, in its zone. */
export interface SeriesRule {
  zone: string;
  start: number;
  end: number;
  lines: string[];
}

export function encodeSeriesRule(rule: SeriesRule): string {
  return JSON.stringify(rule);
}

export function decodeSeriesRule(text: string | undefined): SeriesRule | null {
  try {
    // An empty or missing text throws into the catch, as a broken one does.
    const value = JSON.parse(text ?? '') as Partial<SeriesRule>;
    if (typeof value.zone !== 'string' || typeof value.start !== 'number' || typeof value.end !== 'number' || !Array.isArray(value.lines))
      return null;
    return { zone: value.zone, start: value.start, end: value.end, lines: value.lines.map(String) };
  } catch {
    return null;
  }
}

/** A series master as the sync sees it. */
export interface SeriesSnapshot {
  id: string;
  iCalUID: string;
  cancelled: boolean;
  summary: string;
  rule: SeriesRule;
}

/** One occurrence: an instance listed in the horizon, or an exception (moved, changed, cancelled) from the sync. */
export interface OccurrenceSnapshot extends EventSnapshot {
  seriesId: string;
  /** The start the series gave it (`originalStartTime`). */
  originalStart: number | null;
}

export interface Slot {
  start: number;
  end: number;
}

function wasAnnounced(row: Appointment): boolean {
  return (row.announcedKind !== '' && row.announcedKind !== 'cancelled') || row.delivery === 'uncertain';
}

function sameRule(a: SeriesRule | null, b: SeriesRule): boolean {
  return a !== null && a.start === b.start && a.end === b.end && a.zone === b.zone && JSON.stringify(a.lines) === JSON.stringify(b.lines);
}

function cleared(row: Appointment, now: number): Appointment {
  return { ...row, attempts: 0, retryAt: null, updatedAt: now };
}

/**
 * One master against its series rows. `next` is the occurrence the announcement starts from (null: the
 * series has none left). `quiet`: the old half of a "this and following" split, which the new half
 * announces. `continues`: that new half: its attendees knew the series, so it is a change, not news.
 */
export function reconcileSeries(input: {
  series: SeriesSnapshot;
  rows: readonly Appointment[];
  phones: LocationPhones;
  next: Slot | null;
  now: number;
  baseline?: boolean;
  quiet?: boolean;
  continues?: boolean;
  newToken: (key: string) => string;
}): Appointment[] {
  const { series, rows, next, now } = input;
  const changed: Appointment[] = [];
  const live = !series.cancelled && next !== null;
  const wanted = new Set(live ? input.phones.phones : []);
  const recurrence = JSON.stringify(series.rule);
  for (const row of rows) {
    if (!wanted.has(row.phone)) {
      if (row.state === 'cancelled') continue;
      // A series that simply ran out (its rule as announced, no occurrence left) needs no message;
      // deleted, the number taken out, or cut short ("delete this and following") does.
      const ranOut = !series.cancelled && next === null && sameRule(decodeSeriesRule(row.recurrence), series.rule);
      const pending = !input.quiet && !ranOut && wasAnnounced(row) ? 'cancelled' : '';
      // A deleted master carries no rule any more: the cancel names the series as announced.
      changed.push({ ...cleared(row, now), state: 'cancelled', pending, recurrence: series.cancelled ? row.recurrence : recurrence });
      continue;
    }
    const slot = next as Slot;
    const ruleChanged = !sameRule(decodeSeriesRule(row.recurrence), series.rule);
    if (row.state === 'cancelled') {
      changed.push({
        ...cleared(row, now),
        state: 'active',
        pending: 'scheduled',
        start: slot.start,
        end: slot.end,
        title: series.summary,
        recurrence,
      });
    } else if (ruleChanged) {
      const announced = row.announcedKind === 'scheduled' || row.announcedKind === 'rescheduled';
      const pending = input.quiet ? row.pending : announced ? 'rescheduled' : row.pending;
      changed.push({
        ...cleared(row, now),
        pending,
        start: slot.start,
        end: slot.end,
        title: series.summary,
        iCalUID: series.iCalUID,
        recurrence,
        confirmedAt: null,
      });
    } else if (row.title !== series.summary || row.iCalUID !== series.iCalUID) {
      changed.push({ ...row, title: series.summary, iCalUID: series.iCalUID, updatedAt: now });
    }
  }
  const known = new Set(rows.map((row) => row.phone));
  for (const phone of wanted) {
    if (known.has(phone)) continue;
    const slot = next as Slot;
    const key = appointmentKey(series.id, phone);
    const told = Boolean(input.baseline || input.continues);
    changed.push({
      ...newRow(key, series.id, series.iCalUID, phone, series.summary, slot, now, input.newToken(key)),
      pending: input.baseline ? '' : input.continues ? 'rescheduled' : 'scheduled',
      announcedKind: told ? 'scheduled' : '',
      announcedStart: told ? slot.start : null,
      announcedEnd: told ? slot.end : null,
      seriesId: series.id,
      seriesRole: 'series',
      recurrence,
    });
  }
  return changed;
}

function newRow(
  key: string,
  eventId: string,
  iCalUID: string,
  phone: string,
  title: string,
  slot: Slot,
  now: number,
  token: string,
): Appointment {
  return {
    key,
    eventId,
    iCalUID,
    phone,
    email: '',
    title,
    start: slot.start,
    end: slot.end,
    state: 'active',
    pending: '',
    announcedKind: 'scheduled',
    announcedStart: slot.start,
    announcedEnd: slot.end,
    announcedAt: null,
    messageSid: '',
    delivery: '',
    error: '',
    attempts: 0,
    retryAt: null,
    token,
    updatedAt: now,
    reminded: '',
    remindedAt: null,
    confirmedAt: null,
    attempt: '',
  };
}

/** An occurrence row the attendee knows of through the series announcement: nothing to send for it. */
function knownOccurrence(
  occurrence: OccurrenceSnapshot,
  phone: string,
  slot: Slot,
  title: string,
  now: number,
  newToken: (key: string) => string,
): Appointment {
  const key = appointmentKey(occurrence.id, phone);
  return {
    ...newRow(key, occurrence.id, occurrence.iCalUID, phone, title, slot, now, newToken(key)),
    seriesId: occurrence.seriesId,
    seriesRole: 'instance',
  };
}

/**
 * One exception from the sync (an occurrence moved, changed or cancelled on its own) against its rows.
 * An occurrence beyond the horizon has no row yet: it gets one as the attendee knows it from the series
 * (at its original time), so a move names the old time and a cancel the date, exactly once.
 */
export function reconcileException(input: {
  occurrence: OccurrenceSnapshot;
  rows: readonly Appointment[];
  seriesRows: readonly Appointment[];
  phones: LocationPhones;
  now: number;
  baseline?: boolean;
  newToken: (key: string) => string;
}): Appointment[] {
  const { occurrence, now } = input;
  const seriesRows = input.seriesRows.filter((row) => row.state === 'active');
  if (seriesRows.length === 0 || occurrence.originalStart === null) return [];
  const duration = seriesRows[0].end - seriesRows[0].start;
  const original: Slot = { start: occurrence.originalStart, end: occurrence.originalStart + duration };
  const rows = [...input.rows];
  const seeded = new Set<string>();
  for (const seriesRow of seriesRows) {
    if (original.end <= now || rows.some((row) => row.phone === seriesRow.phone)) continue;
    const row = knownOccurrence(occurrence, seriesRow.phone, original, seriesRow.title, now, input.newToken);
    rows.push(row);
    seeded.add(row.key);
  }
  // A cancelled instance carries little more than its id: it is the series' occurrence, at its original time.
  // Its location and phones are never read: a cancelled event wants no number.
  const event: EventSnapshot = occurrence.cancelled
    ? { ...occurrence, start: original.start, end: original.end, summary: seriesRows[0].title }
    : occurrence;
  const { changed } = reconcileEvent({
    event,
    rows,
    phones: input.phones,
    now,
    baseline: input.baseline,
    newToken: input.newToken,
  });
  return changed.map((row) => ({
    ...row,
    seriesId: occurrence.seriesId,
    seriesRole: occurrence.cancelled && seeded.has(row.key) ? 'instance' : 'exception',
  }));
}

/**
 * The horizon pass for one series: a row for each listed occurrence and attendee of the series, kept in step
 * silently (the series' own announcement told of them), rows of occurrences no longer listed cancelled
 * silently, and the series rows moved on to the next occurrence.
 */
export function reconcileHorizon(input: {
  seriesRows: readonly Appointment[];
  occurrenceRows: readonly Appointment[];
  /** The series' instances overlapping [now, windowEnd), as `singleEvents` lists them (no cancelled ones). */
  instances: readonly OccurrenceSnapshot[];
  phonesOf: (location: string) => LocationPhones;
  now: number;
  windowEnd: number;
  newToken: (key: string) => string;
}): Appointment[] {
  const { now, windowEnd } = input;
  const changed: Appointment[] = [];
  const activeSeries = input.seriesRows.filter((row) => row.state === 'active');
  const byKey = new Map(input.occurrenceRows.map((row) => [row.key, row]));
  const listed = new Set<string>();
  const upcoming = input.instances
    .filter((instance) => !instance.cancelled && !instance.allDay && instance.start !== null && (instance.end ?? now) > now)
    .sort((a, b) => (a.start as number) - (b.start as number));
  for (const instance of upcoming) {
    const slot: Slot = { start: instance.start as number, end: instance.end as number };
    const phones = new Set(input.phonesOf(instance.location).phones);
    for (const seriesRow of activeSeries) {
      if (!phones.has(seriesRow.phone)) continue;
      const key = appointmentKey(instance.id, seriesRow.phone);
      listed.add(key);
      const row = byKey.get(key);
      if (!row) {
        changed.push(knownOccurrence(instance, seriesRow.phone, slot, instance.summary, now, input.newToken));
      } else if (row.state === 'active' && row.pending === '' && (row.start !== slot.start || row.end !== slot.end)) {
        // The whole series moved: the series message tells it once; the confirmation was for the old time.
        changed.push({
          ...row,
          start: slot.start,
          end: slot.end,
          announcedStart: slot.start,
          announcedEnd: slot.end,
          title: instance.summary,
          confirmedAt: null,
          updatedAt: now,
        });
      } else if (row.state === 'active' && row.title !== instance.summary) {
        changed.push({ ...row, title: instance.summary, updatedAt: now });
      }
    }
  }
  for (const row of input.occurrenceRows) {
    if (listed.has(row.key) || row.state !== 'active' || row.pending !== '' || row.start < now || row.start >= windowEnd) continue;
    changed.push({ ...cleared(row, now), state: 'cancelled' });
  }
  const next = upcoming[0];
  if (next) {
    for (const seriesRow of activeSeries) {
      if (seriesRow.pending !== '' || (seriesRow.start === next.start && seriesRow.end === next.end)) continue;
      changed.push({ ...seriesRow, start: next.start as number, end: next.end as number, updatedAt: now });
    }
  }
  return changed;
}

/** When a whole series ends (deleted, or no attendee left), its occurrence rows end with it, silently: the series message says it. */
export function endOccurrences(rows: readonly Appointment[], now: number): Appointment[] {
  return rows
    .filter((row) => row.state === 'active' && row.end > now)
    .map((row) => ({ ...cleared(row, now), state: 'cancelled' as const, pending: '' as const }));
}
