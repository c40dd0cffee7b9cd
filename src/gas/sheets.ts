// The bound spreadsheet as tables: one Sheets API call to read a sheet, one to rewrite it, one to append to it.

/**
 * Why the Sheets advanced service and not SpreadsheetApp for rows: a SpreadsheetApp read is
 * getActiveSpreadsheet, getSheetByName, getLastRow, getRange, getValues (five calls) and a write four
 * more, each a round trip; values.get, values.batchUpdate and values.append are one call each. RAW
 * input stores every value as the text given, so "+4915…" stays text and "=HYPERLINK(…)" is never a
 * formula, with no number format to set first. SpreadsheetApp remains for creating a sheet (rare).
 */

/** Cached for one execution: every entry point's stub forgets them first (src/index.ts executionScope). */
let bookCache: GoogleAppsScript.Spreadsheet.Spreadsheet | null = null;
let idCache: string | null = null;
/** SPREADSHEET_ID as this execution read it from the script properties (knowSpreadsheetRecord). */
let storedRecord: string | null = null;
/** Set when this execution had to ask SpreadsheetApp for the id (the record was missing or not this script's). */
let askedForId = false;
let titlesCache: Set<string> | null = null;
/** What one read tells of a sheet: its rows and its grid's size. */
interface SheetRead {
  rows: string[][];
  gridRows: number | null;
  /** How much of the table the sheet has (see tableWidth). */
  width: TableWidth | null;
}

/** Where a table's columns end on a sheet and what follows them there. */
interface TableWidth {
  /** The table's columns the sheet has, from A. */
  columns: number;
  /** Columns of the sheet's grid after them (the host's own, which the table must not write over). */
  after: number;
}

/** Rows of sheets read together and not yet asked for by their table (a second read goes to the API). */
let readAhead = new Map<string, SheetRead>();
/** Sheets whose group was read since the execution began or the lock was taken. */
let readAheadDone = new Set<string>();
/** Sheet ids learnt from reads: what a spreadsheets.batchUpdate names its sheets by. */
let sheetIds = new Map<string, number>();
/** How much of each table its sheet has, learnt from the same reads: a table wider than that widens the sheet first. */
let tableWidths = new Map<string, TableWidth>();

/** SpreadsheetApp caches writes inside an execution (the Sheets API does not): set when this one made any. */
let cachedWrites = false;

export function forgetSpreadsheet(): void {
  cachedWrites = false;
  bookCache = null;
  idCache = null;
  storedRecord = null;
  askedForId = false;
  titlesCache = null;
  readAhead = new Map();
  readAheadDone = new Set();
  sheetIds = new Map();
  tableWidths = new Map();
}

/**
 * Forgets rows read ahead: a run that takes the script lock reads again what it will write back,
 * so nothing read before another run's save is trusted after it.
 */
export function forgetReadAhead(): void {
  readAhead = new Map();
  readAheadDone = new Set();
}

/** The sheets' titles, asked once per execution for sheets that may not exist (and then cost no read). */
function titles(): Set<string> {
  titlesCache ??= new Set(
    (spreadsheets().get(spreadsheetId(), { fields: SHEET_TITLES }).sheets ?? []).map((sheet) => sheet.properties?.title ?? ''),
  );
  return titlesCache;
}

/**
 * Makes this execution's SpreadsheetApp writes visible to other executions, before a lock is
 * released (https://developers.google.com/apps-script/reference/lock/lock#releaseLock()); free when
 * there are none (rows go through the Sheets API, which writes at once).
 */
export function flushSpreadsheetWrites(): void {
  if (!cachedWrites) return;
  SpreadsheetApp.flush();
  cachedWrites = false;
}

function book(): GoogleAppsScript.Spreadsheet.Spreadsheet {
  bookCache ??= SpreadsheetApp.getActiveSpreadsheet();
  return bookCache;
}

/**
 * The bound spreadsheet's id as the script properties remember it: "<script id> <spreadsheet id>".
 * A copy of the spreadsheet copies its bound script into a new project with a new script id
 * (https://developers.google.com/apps-script/reference/script/script-app#getScriptId()), so a record
 * that came along with copied properties names another script and is not used.
 */
export function knowSpreadsheetRecord(raw: string | undefined): void {
  if (idCache === null) storedRecord = raw ?? null;
}

function spreadsheetId(): string {
  if (idCache !== null) return idCache;
  const [scriptId, id] = (storedRecord ?? '').split(' ');
  if (id && scriptId === ScriptApp.getScriptId()) idCache = id;
  else {
    idCache = book().getId();
    askedForId = true;
  }
  return idCache;
}

/** The id of the spreadsheet this script is bound to, as SpreadsheetApp names it (not the stored record). */
export function boundSpreadsheetId(): string {
  return book().getId();
}

/** This script's id, which the stored record must name to be used. */
export function thisScriptId(): string {
  return ScriptApp.getScriptId();
}

/** The record to store when this execution had to ask for the id (null when the stored one served). */
export function spreadsheetRecordToStore(): string | null {
  return askedForId && idCache !== null ? `${ScriptApp.getScriptId()} ${idCache}` : null;
}

function spreadsheets(): GoogleAppsScript.Sheets.Collection.SpreadsheetsCollection {
  return (Sheets as GoogleAppsScript.Sheets).Spreadsheets;
}

function values(): GoogleAppsScript.Sheets.Collection.Spreadsheets.ValuesCollection {
  return spreadsheets().Values;
}

/**
 * One read: the grid's size and each cell's shown text (values.get does not tell the grid's size). A
 * read may name columns past the grid (they read as empty); a write may not ("exceeds grid limits").
 */
const GRID_AND_VALUES = 'sheets(properties(title,sheetId,gridProperties(rowCount,columnCount)),data(rowData(values(formattedValue))))';
const SHEET_TITLES = 'sheets(properties(title))';

/** "A", "B" … "Z", "AA" …: the last column of a table in A1 notation. */
export function columnLetters(column: number): string {
  let n = column;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** Cells written by older versions behind an apostrophe ("'=…") read back as the text itself. */
function fromText(cell: unknown): string {
  const text = String(cell ?? '');
  return text.startsWith("'=") ? text.slice(1) : text;
}

/** A sheet's name and columns: what a read of several sheets at once needs to know of each. */
export interface TableSpec {
  name: string;
  headers: readonly string[];
  /** Only the sheet's id is wanted (a log the run may append to): its first cell is read, not its rows. */
  idOnly?: boolean;
}

function rangeOf(spec: TableSpec, fromRow: number, toRow?: number): string {
  const title = `'${spec.name.replace(/'/g, "''")}'`;
  return `${title}!A${fromRow}:${columnLetters(spec.headers.length)}${toRow ?? ''}`;
}

/** A table is read with its header row (row 1), so the columns a sheet made before a column was added lack are known. */
function groupRange(spec: TableSpec): string {
  return spec.idOnly ? `'${spec.name.replace(/'/g, "''")}'!A1:A1` : rangeOf(spec, 1);
}

/**
 * How many of the table's columns the sheet has: a header row that is the table's up to some column,
 * with none of the later headers anywhere in it, is a sheet made before those columns were added;
 * what the grid has after that column is the host's (a column of notes), read as nothing and moved
 * right by the widening, never written over. Otherwise the grid's width (a renamed header proves nothing).
 */
function tableWidth(headers: readonly string[], header: readonly string[], gridColumns: number): TableWidth {
  let same = 0;
  while (same < headers.length && header[same] === headers[same]) same++;
  const later = headers.slice(same);
  const columns = same > 0 && !later.some((name) => header.includes(name)) ? same : Math.min(gridColumns, headers.length);
  return { columns: Math.min(columns, gridColumns), after: Math.max(0, gridColumns - columns) };
}

/** Remembers a sheet's id and how much of the table it has from a read's answer (header row first); its rows and grid size for the table. */
function learn(spec: TableSpec, sheet: GoogleAppsScript.Sheets.Schema.Sheet | undefined): SheetRead {
  const id = sheet?.properties?.sheetId;
  if (typeof id === 'number') sheetIds.set(spec.name, id);
  const gridColumns = sheet?.properties?.gridProperties?.columnCount;
  const [headerRow, ...rowData] = sheet?.data?.[0]?.rowData ?? [];
  const header = spec.headers.map((_, i) => fromText(headerRow?.values?.[i]?.formattedValue));
  // A sheet read for its id alone has no header to go by: its table is taken to fit the grid.
  const width =
    typeof gridColumns !== 'number'
      ? null
      : spec.idOnly
        ? { columns: Math.min(gridColumns, spec.headers.length), after: 0 }
        : tableWidth(spec.headers, header, gridColumns);
  if (width) tableWidths.set(spec.name, width);
  const known = width?.columns ?? spec.headers.length;
  return {
    rows: spec.idOnly ? [] : rowData.map((row) => spec.headers.map((_, i) => (i < known ? fromText(row.values?.[i]?.formattedValue) : ''))),
    gridRows: sheet?.properties?.gridProperties?.rowCount ?? null,
    width,
  };
}

/**
 * The requests that give a sheet the columns of a wider table (a column added to the project's
 * headers): appendDimension of the missing columns, then their header cells in row 1; none when the
 * grid is wide enough. A sheet made before keeps every cell, since columns are added at its end
 * (https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/request#appenddimensionrequest).
 */
function widening(sheetId: number, width: TableWidth, headers: readonly string[]): GoogleAppsScript.Sheets.Schema.Request[] {
  const { columns } = width;
  if (columns >= headers.length) return [];
  // Columns of the host's after the table's move right: insertDimension at the table's end
  // (https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/request#insertdimensionrequest).
  const added: GoogleAppsScript.Sheets.Schema.Request =
    width.after > 0
      ? {
          insertDimension: {
            range: { sheetId, dimension: 'COLUMNS', startIndex: columns, endIndex: headers.length },
            inheritFromBefore: true,
          },
        }
      : { appendDimension: { sheetId, dimension: 'COLUMNS', length: headers.length - columns } };
  return [
    added,
    {
      updateCells: {
        start: { sheetId, rowIndex: 0, columnIndex: columns },
        rows: [rowData(headers.slice(columns))],
        fields: 'userEnteredValue',
      },
    },
  ];
}

/**
 * Reads several sheets in one spreadsheets.get (the answer names each sheet by title) and keeps
 * their rows for this execution's first read of each. A missing sheet fails the whole call: then
 * the titles are asked once and the sheets that exist are read (a missing one reads as no rows).
 */
function readTogether(specs: readonly TableSpec[]): void {
  let wanted = specs;
  let answer: GoogleAppsScript.Sheets.Schema.Spreadsheet;
  try {
    answer = spreadsheets().get(spreadsheetId(), { ranges: wanted.map(groupRange), fields: GRID_AND_VALUES });
  } catch (error) {
    titlesCache = null;
    const present = titles();
    if (specs.every((spec) => present.has(spec.name))) throw error;
    sheetIds = new Map();
    tableWidths = new Map();
    for (const spec of specs)
      if (!present.has(spec.name) && !spec.idOnly) readAhead.set(spec.name, { rows: [], gridRows: null, width: null });
    wanted = specs.filter((spec) => present.has(spec.name));
    if (wanted.length === 0) return;
    answer = spreadsheets().get(spreadsheetId(), { ranges: wanted.map(groupRange), fields: GRID_AND_VALUES });
  }
  for (const spec of wanted) {
    const read = learn(
      spec,
      answer.sheets?.find((candidate) => candidate.properties?.title === spec.name),
    );
    if (!spec.idOnly) readAhead.set(spec.name, read);
  }
}

export class SheetTable {
  /** Rows of the sheet's grid, learnt by readRows: a rewrite that fits needs no append. */
  private gridRows: number | null = null;
  /** How much of the table the sheet has, learnt by readRows: a sheet narrower than the headers is widened before a rewrite. */
  private width: TableWidth | null = null;

  private constructor(
    readonly name: string,
    readonly headers: readonly string[],
    /** Sheets read in the same call as this one, the first time any of them is read in an execution. */
    private readonly group: () => readonly TableSpec[] = () => [],
  ) {}

  /** A table read together with others (see readTogether): its first read in an execution costs no call of its own. */
  static inGroup(name: string, headers: readonly string[], group: () => readonly TableSpec[]): SheetTable {
    return new SheetTable(name, headers, group);
  }

  /**
   * The table of a sheet, with no call yet: a missing sheet reads as no rows and is created (bold,
   * frozen header row) by the first write, so a run pays no existence check.
   */
  static open(name: string, headers: readonly string[]): SheetTable {
    return new SheetTable(name, headers);
  }

  /** An optional sheet (the host adds it when wanted): null when missing, known from one titles call per execution. */
  static find(name: string, headers: readonly string[]): SheetTable | null {
    return titles().has(name) ? new SheetTable(name, headers) : null;
  }

  /** Creates the sheet now when it does not exist (setup). */
  static ensure(name: string, headers: readonly string[]): SheetTable {
    const table = new SheetTable(name, headers);
    if (table.missing()) table.create();
    return table;
  }

  private missing(): boolean {
    return book().getSheetByName(this.name) === null;
  }

  private create(): void {
    cachedWrites = true;
    const sheet = book().insertSheet(this.name);
    titlesCache?.add(this.name);
    // A new sheet has 26 columns (A–Z); a wider table needs its columns before its header.
    const columns = sheet.getMaxColumns();
    if (columns < this.headers.length) sheet.insertColumnsAfter(columns, this.headers.length - columns);
    const header = sheet.getRange(1, 1, 1, this.headers.length);
    header.setValues([this.headers.slice()]);
    header.setFontWeight('bold');
    sheet.setFrozenRows(1);
  }

  /**
   * A failed call on a sheet that turns out to be missing is retried once after creating it, and on a
   * sheet narrower than the headers (made before a column was added) once after widening it; other
   * failures stand.
   */
  private write(call: () => void): void {
    readAhead.delete(this.name);
    try {
      call();
    } catch (error) {
      if (this.missing()) this.create();
      else if (!this.widenAfterRefusal()) throw error;
      call();
    }
  }

  /** Adds the columns the headers have and the grid lacks, with their header cells, in one call; false when none lack. */
  private widen(sheetId: number, width: TableWidth): boolean {
    const requests = widening(sheetId, width, this.headers);
    if (requests.length === 0) return false;
    spreadsheets().batchUpdate({ requests }, spreadsheetId());
    const widened = { columns: this.headers.length, after: width.after };
    tableWidths.set(this.name, widened);
    this.width = widened;
    return true;
  }

  /** After a refused write: the grid's size and the header row are asked once (a write past the grid's columns is refused, a read is not). */
  private widenAfterRefusal(): boolean {
    try {
      const read = learn(this, spreadsheets().get(spreadsheetId(), { ranges: [this.range(1, 1)], fields: GRID_AND_VALUES }).sheets?.[0]);
      const id = sheetIds.get(this.name);
      return id !== undefined && read.width !== null && this.widen(id, read.width);
    } catch {
      return false;
    }
  }

  private range(fromRow: number, toRow?: number): string {
    return rangeOf(this, fromRow, toRow);
  }

  /** The last read found fewer of the table's columns than the headers: made before a column was added to the table. */
  narrowerThanHeaders(): boolean {
    return this.width !== null && this.width.columns < this.headers.length;
  }

  /**
   * Rows 2…, each padded to the headers' width (trailing empty cells and rows are left out by the API),
   * read with the header row and the grid's size in the same call.
   */
  readRows(): string[][] {
    const ahead = this.takeReadAhead();
    if (ahead) {
      this.gridRows = ahead.gridRows;
      this.width = ahead.width;
      return ahead.rows;
    }
    let answer: GoogleAppsScript.Sheets.Schema.Spreadsheet;
    try {
      answer = spreadsheets().get(spreadsheetId(), { ranges: [this.range(1)], fields: GRID_AND_VALUES });
    } catch (error) {
      // Only a missing sheet means "no rows"; any other failure is the caller's to see.
      if (this.missing()) return [];
      throw error;
    }
    const read = learn(this, answer.sheets?.[0]);
    this.gridRows = read.gridRows;
    this.width = read.width;
    return read.rows;
  }

  /** The rows read ahead for this sheet, once; the group is read on the first read of any of its sheets. */
  private takeReadAhead(): SheetRead | undefined {
    const group = this.group();
    if (!readAhead.has(this.name) && group.some((spec) => spec.name === this.name && !spec.idOnly) && !readAheadDone.has(this.name)) {
      readTogether(group);
      for (const spec of group) readAheadDone.add(spec.name);
    }
    const ahead = readAhead.get(this.name);
    readAhead.delete(this.name);
    return ahead;
  }

  /**
   * Rewrites rows 2…n+1 (blanking rows that were there before) in one call when the grid holds them;
   * otherwise the rows past the previous ones are appended, which grows the grid.
   */
  writeRows(rows: string[][], previousCount: number): void {
    const blank = Array.from({ length: Math.max(0, previousCount - rows.length) }, () => this.headers.map(() => ''));
    const fits = this.gridRows !== null && 1 + rows.length <= this.gridRows;
    const inPlace = fits ? rows : rows.slice(0, previousCount);
    const update = [...inPlace, ...blank];
    const id = sheetIds.get(this.name);
    if (rows.length > 0 && this.width !== null && id !== undefined) this.widen(id, this.width);
    if (update.length > 0) {
      const data = [{ range: this.range(2, 1 + update.length), values: update }];
      this.write(() => values().batchUpdate({ valueInputOption: 'RAW', data }, spreadsheetId()));
    }
    this.appendRows(rows.slice(inPlace.length));
  }

  /**
   * Appends one row with SpreadsheetApp's Sheet.appendRow, which is atomic ("This operation is atomic;
   * it prevents issues where a user asks for the last row, and then writes to that row, and an
   * intervening mutation occurs"): executions that do not hold the lock append side by side. False
   * when the sheet does not exist.
   */
  appendRowAtomically(row: string[]): boolean {
    const sheet = book().getSheetByName(this.name);
    if (!sheet) return false;
    readAhead.delete(this.name);
    cachedWrites = true;
    sheet.appendRow(row.map((cell) => (cell.startsWith('=') ? `'${cell}` : cell)));
    return true;
  }

  /** Deletes the first `count` data rows (those a reader took: appends only ever land below them). */
  deleteFirstRows(count: number): void {
    if (count <= 0) return;
    const sheet = book().getSheetByName(this.name);
    if (!sheet) return;
    readAhead.delete(this.name);
    cachedWrites = true;
    const max = sheet.getMaxRows();
    // A sheet keeps at least one row below its frozen header.
    if (max - count <= 1) sheet.insertRowsAfter(max, 1);
    sheet.deleteRows(2, count);
  }

  /** Appends after the last row with content, inserting rows, so the sheet grows as needed. */
  appendRows(rows: string[][]): void {
    if (rows.length === 0) return;
    const options = { valueInputOption: 'RAW', insertDataOption: 'INSERT_ROWS' };
    this.write(() => values().append({ values: rows }, spreadsheetId(), this.range(1), options));
  }
}

/**
 * One sheet's part of a batched write: rows rewritten in place (sheet row numbers), rows added, rows
 * deleted; with its headers, a grid narrower than they are is widened in the same call.
 */
export interface SheetChanges {
  name: string;
  headers?: readonly string[];
  updates: Array<{ row: number; cells: string[] }>;
  appends: string[][];
  deletes: number[];
}

function rowData(cells: readonly string[]): GoogleAppsScript.Sheets.Schema.RowData {
  // An empty cell is a value left out: with fields "userEnteredValue" that clears it; stringValue is never a formula.
  return { values: cells.map((cell) => (cell === '' ? {} : { userEnteredValue: { stringValue: cell } })) };
}

/**
 * Every change of a run in one spreadsheets.batchUpdate (all or nothing): updateCells per changed
 * row, appendCells for new rows (after the last row with content, growing the grid), deleteDimension
 * bottom-up so earlier row numbers hold. False, writing nothing, when a sheet's id was never read
 * or the call was refused (a sheet deleted meanwhile): the caller writes the way that creates sheets.
 */
export function writeSheetChanges(changes: readonly SheetChanges[]): boolean {
  const requests: GoogleAppsScript.Sheets.Schema.Request[] = [];
  const widened = new Map<string, TableWidth>();
  for (const change of changes) {
    const sheetId = sheetIds.get(change.name);
    if (sheetId === undefined) return false;
    const columns = tableWidths.get(change.name);
    const writes = change.updates.length > 0 || change.appends.length > 0;
    const widen = change.headers && writes && columns !== undefined ? widening(sheetId, columns, change.headers) : [];
    if (widen.length > 0 && change.headers && columns) widened.set(change.name, { columns: change.headers.length, after: columns.after });
    requests.push(...widen);
    for (const { row, cells } of change.updates) {
      requests.push({
        updateCells: { start: { sheetId, rowIndex: row - 1, columnIndex: 0 }, rows: [rowData(cells)], fields: 'userEnteredValue' },
      });
    }
    if (change.appends.length > 0)
      requests.push({ appendCells: { sheetId, rows: change.appends.map(rowData), fields: 'userEnteredValue' } });
    for (const row of [...change.deletes].sort((a, b) => b - a)) {
      requests.push({ deleteDimension: { range: { sheetId, dimension: 'ROWS', startIndex: row - 1, endIndex: row } } });
    }
  }
  if (requests.length === 0) return true;
  for (const change of changes) readAhead.delete(change.name);
  try {
    spreadsheets().batchUpdate({ requests }, spreadsheetId());
  } catch {
    sheetIds = new Map();
    tableWidths = new Map();
    return false;
  }
  for (const [name, columns] of widened) tableWidths.set(name, columns);
  return true;
}

/** The bound spreadsheet's URL, for mail that points the host to it. */
export function spreadsheetUrl(): string {
  try {
    return book().getUrl();
  } catch {
    return '';
  }
}
