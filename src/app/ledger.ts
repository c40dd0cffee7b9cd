// The Appointments ledger and the Messages log in the bound spreadsheet, read once per run and written in batches.
import type { Appointment, SeriesRole } from '../domain/appointments';
import type { MessageKind } from '../domain/messages';
import { type SheetChanges, SheetTable, writeSheetChanges } from '../gas/sheets';
import { sheetsReadTogether } from './read-group';

export const APPOINTMENTS_SHEET = 'Appointments';
export const MESSAGES_SHEET = 'Messages';
export const ARCHIVE_SHEET = 'Archive';

export const APPOINTMENT_COLUMNS = [
  'key',
  'eventId',
  'iCalUID',
  'phone',
  'email',
  'title',
  'start',
  'end',
  'state',
  'pending',
  'announcedKind',
  'announcedStart',
  'announcedEnd',
  'announcedAt',
  'messageSid',
  'delivery',
  'error',
  'attempts',
  'retryAt',
  'token',
  'updatedAt',
  'reminded',
  'remindedAt',
  'confirmedAt',
  'attempt',
  // One column for recurring events: "<role> <seriesId>[ <rule as JSON>]".
  'series',
  // Column AA, past a new sheet's 26 (A–Z): the grid is widened by the first write (src/gas/sheets.ts).
  // The event's own language (its `Language:` line) as the sync last saw it; '' when it has none.
  'language',
] as const;

export const MESSAGE_COLUMNS = ['time', 'direction', 'eventId', 'phone', 'kind', 'messageSid', 'status', 'detail'] as const;

type Column = (typeof APPOINTMENT_COLUMNS)[number];
const TIME_COLUMNS = new Set<Column>([
  'start',
  'end',
  'announcedStart',
  'announcedEnd',
  'announcedAt',
  'retryAt',
  'updatedAt',
  'remindedAt',
  'confirmedAt',
]);

/** Times are kept in cells as ISO text (the sheet is plain text), read back as epoch ms. */
export function timeToCell(value: number | null): string {
  return value === null ? '' : new Date(value).toISOString();
}

export function cellToTime(value: string): number | null {
  if (value === '') return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
}

export function appointmentToRow(appointment: Appointment): string[] {
  return APPOINTMENT_COLUMNS.map((column) => {
    if (column === 'series') return seriesToCell(appointment);
    const value = appointment[column];
    if (TIME_COLUMNS.has(column)) return timeToCell(value as number | null);
    return String(value ?? '');
  });
}

export function rowToAppointment(row: readonly string[]): Appointment {
  const cell = (column: Column): string => row[APPOINTMENT_COLUMNS.indexOf(column)] ?? '';
  return {
    key: cell('key'),
    eventId: cell('eventId'),
    iCalUID: cell('iCalUID'),
    phone: cell('phone'),
    email: cell('email'),
    title: cell('title'),
    start: cellToTime(cell('start')) ?? 0,
    end: cellToTime(cell('end')) ?? 0,
    state: cell('state') === 'cancelled' ? 'cancelled' : 'active',
    pending: cell('pending') as '' | MessageKind,
    announcedKind: cell('announcedKind') as '' | MessageKind,
    announcedStart: cellToTime(cell('announcedStart')),
    announcedEnd: cellToTime(cell('announcedEnd')),
    announcedAt: cellToTime(cell('announcedAt')),
    messageSid: cell('messageSid'),
    delivery: cell('delivery'),
    error: cell('error'),
    attempts: Number(cell('attempts')) || 0,
    retryAt: cellToTime(cell('retryAt')),
    token: cell('token'),
    updatedAt: cellToTime(cell('updatedAt')) ?? 0,
    reminded: cell('reminded'),
    remindedAt: cellToTime(cell('remindedAt')),
    confirmedAt: cellToTime(cell('confirmedAt')),
    attempt: cell('attempt'),
    ...seriesFromCell(cell('series')),
    language: cell('language'),
  };
}

/** The `series` cell: '' for a single event, "instance <seriesId>", "exception <seriesId>", "series <seriesId> <rule JSON>". */
export function seriesToCell(appointment: Pick<Appointment, 'seriesId' | 'seriesRole' | 'recurrence'>): string {
  if (!appointment.seriesRole || !appointment.seriesId) return '';
  const rule = appointment.seriesRole === 'series' && appointment.recurrence ? ` ${appointment.recurrence}` : '';
  return `${appointment.seriesRole} ${appointment.seriesId}${rule}`;
}

export function seriesFromCell(cell: string): Pick<Appointment, 'seriesId' | 'seriesRole' | 'recurrence'> {
  const match = /^(series|instance|exception) (\S+)(?: (.*))?$/s.exec(cell);
  if (!match) return { seriesId: '', seriesRole: '', recurrence: '' };
  return { seriesId: match[2], seriesRole: match[1] as SeriesRole, recurrence: match[3] ?? '' };
}

export interface LogEntry {
  time: number;
  direction: 'out' | 'status' | 'in' | 'note';
  eventId: string;
  phone: string;
  kind: string;
  messageSid: string;
  status: string;
  detail: string;
}

/**
 * The ledger of one run: every row in memory, changes remembered, written back once. The save
 * merges by key with the sheet as it is then, so a row this run did not change is never written
 * back from a stale read (the host's hand edit, another execution's write).
 */
export class Ledger {
  private readonly rows = new Map<string, Appointment>();
  private readonly order: string[] = [];
  /** Keys per event id: a sync asks for one event's rows once per changed event. */
  private readonly byEvent = new Map<string, string[]>();
  private readonly changedKeys = new Set<string>();
  private readonly removedKeys = new Set<string>();
  private readonly log: LogEntry[] = [];
  /** Each row's sheet row as read; cleared after a write that moved rows (the next save reads again). */
  private positions: Map<string, number> | null = new Map();

  private constructor(
    private readonly table: SheetTable,
    rows: string[][],
  ) {
    rows.forEach((row, index) => {
      const appointment = rowToAppointment(row);
      if (appointment.key === '' || this.rows.has(appointment.key)) return;
      this.add(appointment);
      this.positions?.set(appointment.key, index + 2);
    });
  }

  static load(): Ledger {
    const table = SheetTable.inGroup(APPOINTMENTS_SHEET, APPOINTMENT_COLUMNS, sheetsReadTogether);
    return new Ledger(table, table.readRows());
  }

  /** The sheet was made before the ledger's last column (language): its rows know nothing of their events' Language: lines. */
  predatesItsColumns(): boolean {
    return this.table.narrowerThanHeaders();
  }

  all(): Appointment[] {
    return this.order.map((key) => this.rows.get(key) as Appointment);
  }

  get(key: string): Appointment | undefined {
    return this.rows.get(key);
  }

  forEvent(eventId: string): Appointment[] {
    return (this.byEvent.get(eventId) ?? []).map((key) => this.rows.get(key) as Appointment);
  }

  private add(appointment: Appointment): void {
    this.rows.set(appointment.key, appointment);
    this.order.push(appointment.key);
    const keys = this.byEvent.get(appointment.eventId);
    if (keys) keys.push(appointment.key);
    else this.byEvent.set(appointment.eventId, [appointment.key]);
  }

  findBy(predicate: (row: Appointment) => boolean): Appointment | undefined {
    return this.all().find(predicate);
  }

  /** A row's key names its event, so a row never moves between events. */
  put(appointment: Appointment): void {
    if (this.rows.has(appointment.key)) this.rows.set(appointment.key, appointment);
    else this.add(appointment);
    this.changedKeys.add(appointment.key);
    this.removedKeys.delete(appointment.key);
  }

  remove(keys: Set<string>): void {
    if (keys.size === 0) return;
    for (const key of keys) {
      const row = this.rows.get(key);
      if (!row) continue;
      this.rows.delete(key);
      this.changedKeys.delete(key);
      this.removedKeys.add(key);
      const siblings = (this.byEvent.get(row.eventId) ?? []).filter((other) => other !== key);
      if (siblings.length > 0) this.byEvent.set(row.eventId, siblings);
      else this.byEvent.delete(row.eventId);
    }
    const kept = this.order.filter((key) => !keys.has(key));
    this.order.length = 0;
    this.order.push(...kept);
  }

  /** The in-place write (see save); false when it could not be made and nothing was written. */
  private saveInPlace(): boolean {
    const positions = this.positions;
    if (positions === null) return false;
    if (!this.changed) return true;
    const updates: Array<{ row: number; cells: string[] }> = [];
    const appends: string[][] = [];
    for (const key of this.order) {
      if (!this.changedKeys.has(key)) continue;
      const cells = appointmentToRow(this.rows.get(key) as Appointment);
      const row = positions.get(key);
      if (row === undefined) appends.push(cells);
      else updates.push({ row, cells });
    }
    const deletes = [...this.removedKeys].flatMap((key) => positions.get(key) ?? []);
    const changes: SheetChanges[] = [{ name: APPOINTMENTS_SHEET, headers: APPOINTMENT_COLUMNS, updates, appends, deletes }];
    if (this.log.length > 0) changes.push({ name: MESSAGES_SHEET, updates: [], appends: logRows(this.log), deletes: [] });
    if (!writeSheetChanges(changes)) return false;
    this.changedKeys.clear();
    this.removedKeys.clear();
    this.log.length = 0;
    // Appends and deletes moved rows: a second save in this run reads the sheet again.
    if (appends.length > 0 || deletes.length > 0) this.positions = null;
    return true;
  }

  record(entry: LogEntry): void {
    this.log.push(entry);
  }

  get changed(): boolean {
    return this.changedKeys.size > 0 || this.removedKeys.size > 0 || this.log.length > 0;
  }

  /**
   * One write for the ledger and the log together, only when something changed: the rows this run
   * changed are rewritten where the read found them, new rows appended, removed rows deleted, and
   * every other row is left exactly as the sheet has it (a hand edit, another run). When that write
   * is not possible (positions or sheet ids unknown, a sheet deleted meanwhile) the sheet is read
   * again and merged by key: one read, one rewrite, one append.
   */
  save(): void {
    if (this.saveInPlace()) return;
    if (this.changedKeys.size > 0 || this.removedKeys.size > 0) {
      const current = this.table.readRows();
      const written = new Set<string>();
      const merged: string[][] = [];
      for (const cells of current) {
        const key = cells[0] ?? '';
        if (this.removedKeys.has(key) || written.has(key)) continue;
        const ours = this.changedKeys.has(key) ? this.rows.get(key) : undefined;
        merged.push(ours ? appointmentToRow(ours) : cells);
        if (key !== '') written.add(key);
      }
      for (const key of this.order) {
        if (this.changedKeys.has(key) && !written.has(key)) merged.push(appointmentToRow(this.rows.get(key) as Appointment));
      }
      this.table.writeRows(merged, current.length);
      this.changedKeys.clear();
      this.removedKeys.clear();
      this.positions = null;
    }
    if (this.log.length > 0) {
      appendToLog(this.log);
      this.log.length = 0;
    }
  }
}

/** The log's lines as cells. */
function logRows(entries: readonly LogEntry[]): string[][] {
  return entries.map((entry) => [
    new Date(entry.time).toISOString(),
    entry.direction,
    entry.eventId,
    entry.phone,
    entry.kind,
    entry.messageSid,
    entry.status,
    entry.detail,
  ]);
}

/** Appends entries to the Messages log in one call, for runs that change no ledger row (a chat reply). */
export function appendToLog(entries: readonly LogEntry[]): void {
  if (entries.length === 0) return;
  SheetTable.open(MESSAGES_SHEET, MESSAGE_COLUMNS).appendRows(logRows(entries));
}

/**
 * Every message the Messages log shows this project sent to these numbers (replies, reminders,
 * announcements), read only when an uncertain create is looked up: none of them is the create.
 */
export function loggedOutboundSids(phones: ReadonlySet<string>): Set<string> {
  const sids = new Set<string>();
  const direction = MESSAGE_COLUMNS.indexOf('direction');
  const phone = MESSAGE_COLUMNS.indexOf('phone');
  const sid = MESSAGE_COLUMNS.indexOf('messageSid');
  for (const row of SheetTable.open(MESSAGES_SHEET, MESSAGE_COLUMNS).readRows())
    if (row[direction] === 'out' && phones.has(row[phone] ?? '') && row[sid]) sids.add(row[sid]);
  return sids;
}

/** Moves rows of appointments that ended long ago to the Archive sheet, so each run reads only current rows. */
export function archiveRows(ledger: Ledger, rows: Appointment[]): void {
  if (rows.length === 0) return;
  SheetTable.open(ARCHIVE_SHEET, APPOINTMENT_COLUMNS).appendRows(rows.map(appointmentToRow));
  ledger.remove(new Set(rows.map((row) => row.key)));
}
