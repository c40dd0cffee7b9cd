// One sync run: read calendar changes with the sync token, update the ledger, announce, repaint, save.
import { reconcileEvent, snapshotLanguage, type EventSnapshot } from '../domain/appointments';
import { phonesInLocation } from '../domain/phone';
import { PROP } from '../domain/settings';
import {
  eventTimes,
  isOrganizedElsewhere,
  listChangedEvents,
  listUpcomingEvents,
  type CalendarEvent,
  type EventPage,
} from '../gas/calendar';
import { withScriptLock, type Locked } from '../gas/lock';
import { spreadsheetRecordToStore } from '../gas/sheets';
import { now } from '../gas/platform';
import { readScriptProperties, readScriptProperty, writeScriptProperties } from '../gas/properties';
import { repaintEvent } from './appearance';
import { AppContext } from './context';
import { runInvitationPass } from './invitations';
import { Ledger, archiveRows } from './ledger';
import { sendDueAnnouncements } from './notify';
import { isRecurring, syncSeries } from './series-sync';
import { nextOwnWrites, onlyOwnWrites, parseOwnWrites, takeOwnWrites } from './own-writes';
import { QUEUE_WAITING_PROP } from './status-queue';
import { errorText, recordSyncRun, syncRunRecord } from './sync-record';
import { QUEUED_CALLBACK_PREFIX, applyQueuedCallbacks } from './webhooks';

/** A calendar trigger waits this long for a run in progress; then it leaves the work to that run. */
const LOCK_WAIT_MS = 20_000;
/** A run repeats itself at most this often for triggers that fired while it held the lock. */
const MAX_REPEATS = 3;
/** Rows of appointments that ended this long ago move to the Archive sheet. */
const ARCHIVE_AFTER_MS = 14 * 24 * 3600_000;

export interface SyncReport {
  ran: boolean;
  mode: 'baseline' | 'incremental' | 'full' | 'skipped';
  changes: number;
  sent: number;
}

export function snapshotOf(event: CalendarEvent): EventSnapshot {
  const allDay = Boolean(event.start?.date) && !event.start?.dateTime;
  const { start, end } = eventTimes(event);
  const cancelled = event.status === 'cancelled';
  return {
    id: String(event.id),
    iCalUID: event.iCalUID ?? '',
    cancelled,
    allDay,
    summary: event.summary ?? '',
    location: event.location ?? '',
    start,
    end,
    language: snapshotLanguage(cancelled, event.description),
  };
}

/**
 * Work the tick adds to a sync run: the same lock, settings and ledger, saved with the sync's own
 * changes. It may name events to repaint (after the save) and work to do once the ledger is saved.
 */
export type RunExtra = (context: AppContext, ledger: Ledger) => ExtraResult | undefined;
export interface ExtraResult {
  repaint?: Iterable<string>;
  afterSave?: () => void;
}

/** A run's report and the script properties it leaves to write (token, zone), in one call with the run's record. */
interface SyncOutcome {
  report: SyncReport;
  writes: Record<string, string>;
  /** When the run's changes were listed (the start of that call). */
  listedAt: number;
}

/** Changes listed before the lock was taken, still good when the stored token is the one they were listed from. */
interface Prelisted {
  token: string;
  page: EventPage;
  listedAt: number;
}

function syncOnce(context: AppContext, extra?: RunExtra, prelisted?: Prelisted): SyncOutcome {
  const at = now();
  const calendarId = context.settings.calendarId;
  const storedToken = context.props[PROP.syncToken] ?? '';
  let mode: SyncReport['mode'] = storedToken === '' ? 'baseline' : 'incremental';
  const listedAt = prelisted && prelisted.token === storedToken ? prelisted.listedAt : at;
  let page =
    storedToken === ''
      ? listUpcomingEvents(calendarId, at)
      : prelisted && prelisted.token === storedToken
        ? prelisted.page
        : listChangedEvents(calendarId, storedToken);
  if (page === 'expired') {
    mode = 'full';
    page = listUpcomingEvents(calendarId, at);
  }
  const ledger = Ledger.load();
  // A ledger from before the language column: every upcoming event is listed once, so each row learns its Language: line.
  if (mode === 'incremental' && ledger.predatesItsColumns()) {
    mode = 'full';
    page = listUpcomingEvents(calendarId, at);
  }
  const writes: Record<string, string> = {};
  if (page.timeZone !== '' && page.timeZone !== context.props[PROP.calendarTimeZone]) writes[PROP.calendarTimeZone] = page.timeZone;
  context.learnTimeZone(page.timeZone);

  const touchedEvents = new Map<string, CalendarEvent>();
  let changes = 0;
  const seen = new Set<string>();
  const recurring: CalendarEvent[] = [];
  for (const event of page.items) {
    if (!event.id) continue;
    seen.add(event.id);
    // A colleague's meeting in the host's calendar (a dial-in number in its location) is not the host's appointment.
    if (isOrganizedElsewhere(event)) continue;
    // Series, their exceptions and cancelled instances (a deleted series comes back as a bare cancelled id).
    if (isRecurring(event) || (event.status === 'cancelled' && ledger.forEvent(event.id).some((row) => row.seriesRole === 'series'))) {
      recurring.push(event);
      continue;
    }
    const snapshot = snapshotOf(event);
    const phones = phonesInLocation(snapshot.location, context.settings.defaultCountry || undefined);
    const { changed, problem } = reconcileEvent({
      event: snapshot,
      rows: ledger.forEvent(snapshot.id),
      phones,
      now: at,
      baseline: mode === 'baseline',
      newToken: (key) => context.tokenFor(key),
    });
    for (const row of changed) ledger.put(row);
    changes += changed.length;
    if (mode !== 'baseline' && (changed.length > 0 || problem !== null)) touchedEvents.set(snapshot.id, event);
  }

  const series = syncSeries(context, ledger, { events: recurring, mode, at });
  changes += series.changes;
  for (const [eventId, event] of series.touched) touchedEvents.set(eventId, event);

  // A full resync only lists events that still exist: an upcoming appointment missing from it was deleted.
  if (mode === 'full') {
    for (const row of ledger.all()) {
      // Series and occurrence rows: syncSeries above.
      if (row.state !== 'active' || row.end <= at || seen.has(row.eventId) || row.seriesId) continue;
      const gone: EventSnapshot = {
        id: row.eventId,
        iCalUID: row.iCalUID,
        cancelled: true,
        allDay: false,
        summary: row.title,
        location: '',
        start: row.start,
        end: row.end,
      };
      const { changed } = reconcileEvent({
        event: gone,
        rows: ledger.forEvent(row.eventId),
        phones: { phones: [], invalid: [] },
        now: at,
        newToken: (key) => context.tokenFor(key),
      });
      for (const next of changed) ledger.put(next);
      changes += changed.length;
    }
  }

  const before = ledger.all().filter((row) => row.pending !== '').length;
  const failedEvents = sendDueAnnouncements(context, ledger);
  const sent = before - ledger.all().filter((row) => row.pending !== '').length;
  const added = extra?.(context, ledger) ?? applyQueuedCallbacks(context, ledger);
  for (const eventId of added?.repaint ?? []) failedEvents.add(eventId);

  // Saved before any colour write: what Twilio accepted is on record even if a write below throws.
  archiveRows(
    ledger,
    ledger.all().filter((row) => row.end < at - ARCHIVE_AFTER_MS && row.pending === ''),
  );
  ledger.save();
  series.afterSave?.();
  added?.afterSave?.();

  for (const [eventId, event] of touchedEvents) {
    repaintEvent(context, eventId, ledger.forEvent(eventId), event);
    failedEvents.delete(eventId);
  }
  for (const eventId of failedEvents) repaintEvent(context, eventId, ledger.forEvent(eventId));
  // Email invitations are independent of WhatsApp; before the token moves, so a failed pass sees these changes again.
  runInvitationPass(context, ledger, { events: page.items, mode });
  if (page.nextSyncToken && page.nextSyncToken !== storedToken) writes[PROP.syncToken] = page.nextSyncToken;
  // Learnt once (or again in a copy of the spreadsheet), with this run's other properties.
  const record = spreadsheetRecordToStore();
  if (record !== null && record !== context.props[PROP.spreadsheetId]) writes[PROP.spreadsheetId] = record;
  // Own writes of this run are remembered; those the list just passed (the token moves beyond them) are forgotten.
  const storedOwn = context.props[PROP.ownWrites] ?? '{}';
  const ownWrites = nextOwnWrites(parseOwnWrites(storedOwn), takeOwnWrites(context), seen, at);
  if (ownWrites !== storedOwn) writes[PROP.ownWrites] = ownWrites;
  return { report: { ran: true, mode, changes, sent }, writes, listedAt };
}

/**
 * Runs the sync under the script lock. A run that cannot get the lock records that a sync was
 * asked for; the run holding the lock sees it and syncs again, and the tick is the last safety net.
 */
export function runSync(extra?: RunExtra, prelisted?: Prelisted): SyncReport {
  const requestedAt = now();
  let lastSync: string | undefined;
  let result: Locked<SyncReport>;
  try {
    result = withScriptLock(LOCK_WAIT_MS, () => {
      const outcome = lockedSync(requestedAt, extra, prelisted, (raw) => (lastSync = raw));
      // The new token (under the lock, after the save), the zone and the run's record: one write.
      const writes = { ...outcome.writes, ...syncRunRecord(lastSync, '') };
      if (Object.keys(writes).length > 0) writeScriptProperties(writes);
      return outcome.report;
    });
  } catch (error) {
    // Recorded for the health check, so a failing trigger (a bad setting, say) is seen, not only logged.
    recordSyncRun(lastSync ?? readScriptProperties()[PROP.lastSync], errorText(error));
    throw error;
  }
  if (result.ran) return result.value;
  writeScriptProperties({ [PROP.syncRequested]: String(now()) });
  return { ran: false, mode: 'skipped', changes: 0, sent: 0 };
}

function lockedSync(
  requestedAt: number,
  extra: RunExtra | undefined,
  prelisted: Prelisted | undefined,
  seenLastSync: (raw: string) => void,
): SyncOutcome {
  const context = AppContext.load();
  seenLastSync(context.props[PROP.lastSync] ?? '');
  let outcome = syncOnce(context, extra, prelisted);
  // A sync asked for before this run began is this run: cleared, so the next echo may end early again.
  const askedBefore = Number(context.props[PROP.syncRequested] ?? 0);
  if (askedBefore > 0 && askedBefore < requestedAt) outcome.writes[PROP.syncRequested] = '0';
  for (let repeat = 0; repeat < MAX_REPEATS; repeat++) {
    const asked =
      repeat === 0 && listedJustNow(outcome, askedBefore, requestedAt) ? 0 : Number(readScriptProperty(PROP.syncRequested) ?? 0);
    if (!(asked >= requestedAt)) break;
    // The token first: the repeat lists from where this run ended.
    writeScriptProperties({ ...outcome.writes, [PROP.syncRequested]: '0' });
    outcome = syncOnce(AppContext.load());
  }
  return outcome;
}

/**
 * True when no run can have asked for a sync that this run's list does not already cover, so the
 * property need not be read again. A run asks only after waiting LOCK_WAIT_MS for the lock in vain,
 * and the change it was fired for came before it began to wait. If this run releases the lock less
 * than LOCK_WAIT_MS after its list began, a run that gave up while this one held the lock began to
 * wait before that list, so its change is in it; a run that began to wait later gets the lock after
 * this one and syncs itself. Half the wait is kept as margin (the release follows this check). The
 * other writer, an opt-in (inbound.ts), asks while it holds the lock, so before this run took it:
 * such a request is on record in the properties read under the lock and is honoured as before.
 */
function listedJustNow(outcome: SyncOutcome, askedBefore: number, requestedAt: number): boolean {
  return !(askedBefore >= requestedAt) && now() - outcome.listedAt < LOCK_WAIT_MS / 2;
}

/**
 * The calendar trigger. Most of its runs in a busy practice are echoes of the script's own colour
 * writes: when some are on record (OWN_WRITES), the changes are listed first, without the lock or a
 * sheet, and a run that finds only those writes, as they left the events, ends there (the token
 * stays; the next sync lists them again and forgets them). Anything else syncs with that list.
 */
export function runCalendarChange(props?: Record<string, string>): SyncReport {
  const context = AppContext.load(props);
  const token = context.props[PROP.syncToken] ?? '';
  const own = parseOwnWrites(context.props[PROP.ownWrites]);
  // Work another run left for the next one holding the lock: a sync asked for, queued status callbacks.
  const leftOver =
    Number(context.props[PROP.syncRequested] ?? 0) > 0 ||
    Boolean(context.props[QUEUE_WAITING_PROP]) ||
    Object.keys(context.props).some((name) => name.startsWith(QUEUED_CALLBACK_PREFIX));
  if (token === '' || own.size === 0 || leftOver) return runSync();
  const listedAt = now();
  const page = listChangedEvents(context.settings.calendarId, token);
  if (page === 'expired') return runSync();
  if (onlyOwnWrites(page.items, own)) return { ran: false, mode: 'skipped', changes: 0, sent: 0 };
  return runSync(undefined, { token, page, listedAt });
}
