// The sync's part for recurring events: masters, exceptions and cancelled instances, and the rolling horizon of occurrence rows.
import { type Appointment, type EventSnapshot, snapshotLanguage } from '../domain/appointments';
import { phonesInLocation } from '../domain/phone';
import { eventKind, parseRecurrence, seriesIdOf } from '../domain/recurrence';
import {
  endOccurrences,
  HORIZON_EVERY_MS,
  HORIZON_MS,
  type OccurrenceSnapshot,
  reconcileException,
  reconcileHorizon,
  reconcileSeries,
  type SeriesRule,
  type SeriesSnapshot,
  type Slot,
} from '../domain/series';
import { eventTimes, firstInstances, getEvent, listEventsBetween, type CalendarEvent } from '../gas/calendar';
import { writeScriptProperties } from '../gas/properties';
import type { AppContext } from './context';
import type { Ledger } from './ledger';

/** When the horizon pass last ran (epoch ms), so the tick runs it about once a day. */
export const HORIZON_PROPERTY = 'SERIES_HORIZON_AT';

export interface SeriesSyncInput {
  /** Masters and instances the sync listed (incremental: changed ones; full or first run: every upcoming one). */
  events: readonly CalendarEvent[];
  mode: 'baseline' | 'incremental' | 'full';
  at: number;
}

export interface SeriesSyncResult {
  changes: number;
  /** Masters and exceptions to repaint (their rows changed). */
  touched: Map<string, CalendarEvent>;
  /** Run once the ledger is saved. */
  afterSave?: () => void;
}

export function isRecurring(event: CalendarEvent): boolean {
  return eventKind(event) !== 'single';
}

function snapshot(event: CalendarEvent): EventSnapshot {
  const { start, end } = eventTimes(event);
  const cancelled = event.status === 'cancelled';
  return {
    id: String(event.id),
    iCalUID: event.iCalUID ?? '',
    cancelled,
    allDay: Boolean(event.start?.date) && !event.start?.dateTime,
    summary: event.summary ?? '',
    location: event.location ?? '',
    start,
    end,
    language: snapshotLanguage(cancelled, event.description),
  };
}

function occurrenceOf(event: CalendarEvent): OccurrenceSnapshot {
  const original = event.originalStartTime?.dateTime ? Date.parse(event.originalStartTime.dateTime) : NaN;
  return {
    ...snapshot(event),
    seriesId: event.recurringEventId ?? seriesIdOf(String(event.id)),
    originalStart: Number.isNaN(original) ? null : original,
  };
}

function seriesOf(event: CalendarEvent, calendarZone: string): SeriesSnapshot | null {
  const { start, end } = eventTimes(event);
  if (start === null || end === null) return null;
  return {
    id: String(event.id),
    iCalUID: event.iCalUID ?? '',
    cancelled: event.status === 'cancelled',
    summary: event.summary ?? '',
    rule: { zone: event.start?.timeZone || calendarZone, start, end, lines: [...(event.recurrence ?? [])] },
  };
}

function untilOf(rule: SeriesRule | undefined): number | null {
  return rule ? (parseRecurrence(rule.lines).rule?.until ?? null) : null;
}

/** Series rows and occurrence rows of the ledger, by series id. */
function rowsBySeries(ledger: Ledger): { series: Map<string, Appointment[]>; occurrences: Map<string, Appointment[]> } {
  const series = new Map<string, Appointment[]>();
  const occurrences = new Map<string, Appointment[]>();
  for (const row of ledger.all()) {
    if (!row.seriesId) continue;
    const map = row.seriesRole === 'series' ? series : occurrences;
    const list = map.get(row.seriesId);
    if (list) list.push(row);
    else map.set(row.seriesId, [row]);
  }
  return { series, occurrences };
}

/**
 * Recurring events of one sync run. Rows per occurrence come from one `singleEvents` list over the
 * horizon (all series in one call), listed only when a series changed or the daily pass is due;
 * `Events.instances` is asked only for a new series with no occurrence in the horizon.
 */
export function syncSeries(context: AppContext, ledger: Ledger, input: SeriesSyncInput): SeriesSyncResult {
  const { at, mode } = input;
  const calendarId = context.settings.calendarId;
  const country = context.settings.defaultCountry || undefined;
  const phonesOf = (location: string) => phonesInLocation(location, country);
  const newToken = (key: string) => context.tokenFor(key);
  const baseline = mode === 'baseline';
  const result: SeriesSyncResult = { changes: 0, touched: new Map() };
  const put = (rows: Appointment[]): number => {
    for (const row of rows) ledger.put(row);
    result.changes += rows.length;
    return rows.length;
  };

  const masters = new Map<string, { event: CalendarEvent; series: SeriesSnapshot }>();
  const exceptions: CalendarEvent[] = [];
  for (const event of input.events) {
    if (!event.id) continue;
    const kind = eventKind(event);
    if (kind === 'occurrence') exceptions.push(event);
    else if (kind === 'series' || (event.status === 'cancelled' && ledger.forEvent(event.id).some((row) => row.seriesRole === 'series'))) {
      const series = seriesOf(event, context.timeZone) ?? {
        id: event.id,
        iCalUID: event.iCalUID ?? '',
        cancelled: true,
        summary: '',
        rule: { zone: context.timeZone, start: 0, end: 0, lines: [] },
      };
      if (event.status === 'cancelled') series.cancelled = true;
      masters.set(event.id, { event, series });
    }
  }

  let { series: seriesRows, occurrences: occurrenceRows } = rowsBySeries(ledger);
  // A full resync lists every series with an occurrence still to end (timeMin): one with rows that is
  // missing was deleted, or simply ran out (its last occurrence is over, or the old half of a "this and
  // following" split). Only the master itself tells which (events/get returns a deleted one as cancelled).
  if (mode === 'full') {
    for (const [id, rows] of seriesRows) {
      if (masters.has(id) || !rows.some((row) => row.state === 'active')) continue;
      const master = getEvent(calendarId, id);
      const ended = master && master.status !== 'cancelled' ? seriesOf(master, context.timeZone) : null;
      if (master && ended) {
        masters.set(id, { event: master, series: ended });
        continue;
      }
      const gone: SeriesSnapshot = {
        id,
        iCalUID: rows[0].iCalUID,
        cancelled: true,
        summary: rows[0].title,
        rule: { zone: context.timeZone, start: 0, end: 0, lines: [] },
      };
      masters.set(id, { event: { id, status: 'cancelled' }, series: gone });
    }
  }

  // A master whose rule, title and attendees are as recorded (the echo of our own colour write) needs nothing.
  const unchanged = (event: CalendarEvent, series: SeriesSnapshot, rows: readonly Appointment[]): boolean => {
    const active = rows.filter((row) => row.state === 'active');
    const phones = [...new Set(phonesOf(event.location ?? '').phones)].sort();
    return (
      !series.cancelled &&
      active.every((row) => row.recurrence === JSON.stringify(series.rule) && row.title === series.summary) &&
      JSON.stringify(active.map((row) => row.phone).sort()) === JSON.stringify(phones)
    );
  };
  const relevant = [...masters.values()].filter(({ event, series }) => {
    const rows = seriesRows.get(series.id) ?? [];
    if (rows.length > 0) return !unchanged(event, series, rows);
    return !series.cancelled && phonesOf(event.location ?? '').phones.length > 0;
  });

  const lastHorizon = Number(context.props[HORIZON_PROPERTY] ?? 0);
  const horizonDue = mode !== 'incremental' || !(at - lastHorizon < HORIZON_EVERY_MS);
  const anySeries = relevant.length > 0 || [...seriesRows.values()].some((rows) => rows.some((row) => row.state === 'active'));
  const listHorizon = anySeries && (relevant.some(({ series }) => !series.cancelled) || horizonDue);
  const windowEnd = at + HORIZON_MS;
  const instances = new Map<string, OccurrenceSnapshot[]>();
  if (listHorizon) {
    for (const event of listEventsBetween(calendarId, at, windowEnd)) {
      if (!event.recurringEventId || !event.id) continue;
      const list = instances.get(event.recurringEventId);
      const occurrence = occurrenceOf(event);
      if (list) list.push(occurrence);
      else instances.set(event.recurringEventId, [occurrence]);
    }
  }

  const nextOf = (series: SeriesSnapshot): Slot | null => {
    if (series.cancelled) return null;
    const listed = (instances.get(series.id) ?? []).filter((item) => item.start !== null && item.end !== null && (item.end as number) > at);
    listed.sort((a, b) => (a.start as number) - (b.start as number));
    if (listed[0]) return { start: listed[0].start as number, end: listed[0].end as number };
    const later = firstInstances(calendarId, series.id, at, 1)
      .map(occurrenceOf)
      .find((item) => item.start !== null && item.end !== null);
    return later ? { start: later.start as number, end: later.end as number } : null;
  };

  // "This and following": Google ends the old series (UNTIL) and starts a new one; the pair is one change.
  const endedHere = new Map<string, SeriesSnapshot>();
  for (const { series } of relevant) {
    const rows = seriesRows.get(series.id) ?? [];
    const until = untilOf(series.rule);
    if (
      !series.cancelled &&
      until !== null &&
      rows.some((row) => row.state === 'active' && row.recurrence !== JSON.stringify(series.rule))
    ) {
      endedHere.set(series.id, series);
    }
  }
  const continued = new Set<string>();
  const quiet = new Set<string>();
  for (const { event, series } of relevant) {
    if (series.cancelled || (seriesRows.get(series.id)?.length ?? 0) > 0) continue;
    const phones = new Set(phonesOf(event.location ?? '').phones);
    for (const old of endedHere.values()) {
      const until = untilOf(old.rule) as number;
      const shared = (seriesRows.get(old.id) ?? []).some((row) => row.state === 'active' && phones.has(row.phone));
      if (shared && until < series.rule.start && series.rule.start - until < 366 * 86_400_000) {
        continued.add(series.id);
        quiet.add(old.id);
      }
    }
  }

  for (const { event, series } of relevant) {
    const rows = seriesRows.get(series.id) ?? [];
    const changed = reconcileSeries({
      series,
      rows,
      phones: series.cancelled ? { phones: [], invalid: [] } : phonesOf(event.location ?? ''),
      next: nextOf(series),
      now: at,
      baseline,
      quiet: quiet.has(series.id),
      continues: continued.has(series.id),
      newToken,
    });
    if (put(changed) > 0 && !series.cancelled && !baseline) result.touched.set(series.id, event);
    for (const row of changed) {
      if (row.state === 'cancelled')
        put(
          endOccurrences(
            (occurrenceRows.get(series.id) ?? []).filter((other) => other.phone === row.phone),
            at,
          ),
        );
    }
  }
  ({ series: seriesRows, occurrences: occurrenceRows } = rowsBySeries(ledger));

  for (const event of exceptions) {
    const occurrence = occurrenceOf(event);
    if (masters.get(occurrence.seriesId)?.series.cancelled) continue;
    const changed = reconcileException({
      occurrence,
      rows: ledger.forEvent(occurrence.id),
      seriesRows: seriesRows.get(occurrence.seriesId) ?? [],
      phones: phonesOf(occurrence.location),
      now: at,
      baseline,
      newToken,
    });
    if (put(changed) > 0 && !occurrence.cancelled && !baseline) result.touched.set(occurrence.id, event);
  }

  if (listHorizon) {
    ({ series: seriesRows, occurrences: occurrenceRows } = rowsBySeries(ledger));
    for (const [seriesId, rows] of seriesRows) {
      put(
        reconcileHorizon({
          seriesRows: rows,
          occurrenceRows: occurrenceRows.get(seriesId) ?? [],
          instances: instances.get(seriesId) ?? [],
          phonesOf,
          now: at,
          windowEnd,
          newToken,
        }),
      );
    }
    result.afterSave = () => writeScriptProperties({ [HORIZON_PROPERTY]: String(at) });
  }
  stampLanguages(ledger, masters, exceptions, instances);
  return result;
}

/**
 * Every series and occurrence row keeps the language its event says (`Appointment.language`), so what
 * is sent without the event at hand (a deleted series' cancel, a retry, a reminder) is in it. An
 * occurrence listed in this run (an exception, or an instance of the horizon list) says its own; an
 * untouched instance follows its master; a row made without either (an occurrence cancelled on its
 * own beyond the horizon) takes its series row's. A deleted event says nothing: its rows keep theirs.
 */
function stampLanguages(
  ledger: Ledger,
  masters: ReadonlyMap<string, { event: CalendarEvent; series: SeriesSnapshot }>,
  exceptions: readonly CalendarEvent[],
  instances: ReadonlyMap<string, readonly OccurrenceSnapshot[]>,
): void {
  const ofMaster = new Map<string, string>();
  for (const { event, series } of masters.values()) {
    const language = series.cancelled ? undefined : snapshotLanguage(false, event.description);
    if (language !== undefined) ofMaster.set(series.id, language);
  }
  const ofOccurrence = new Map<string, string>();
  for (const list of instances.values()) for (const item of list) if (item.language !== undefined) ofOccurrence.set(item.id, item.language);
  for (const event of exceptions) {
    const language = snapshotLanguage(event.status === 'cancelled', event.description);
    if (language !== undefined && event.id) ofOccurrence.set(event.id, language);
  }
  const rows = ledger.all().filter((row) => row.seriesId);
  const ofSeriesRow = new Map<string, string | undefined>();
  for (const row of rows)
    if (row.seriesRole === 'series') ofSeriesRow.set(`${row.seriesId}|${row.phone}`, ofMaster.get(row.seriesId as string) ?? row.language);
  for (const row of rows) {
    const seriesId = row.seriesId as string;
    const language =
      row.seriesRole === 'series'
        ? ofMaster.get(seriesId)
        : (ofOccurrence.get(row.eventId) ??
          (row.seriesRole === 'instance' ? ofMaster.get(seriesId) : undefined) ??
          (row.language === undefined ? ofSeriesRow.get(`${seriesId}|${row.phone}`) : undefined));
    if (language !== undefined && language !== row.language) ledger.put({ ...row, language });
  }
}
