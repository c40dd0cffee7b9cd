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
let titlesCache: Set<string> | null = null;

/** SpreadsheetApp caches writes inside an execution (the Sheets API does not): set when this one made any. */
let cachedWrites = false;

export function forgetSpreadsheet(): void {
  cachedWrites = false;
  bookCache = null;
  idCache = null;
  titlesCache = null;
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

function spreadsheetId(): string {
  idCache ??= book().getId();
  return idCache;
}

function spreadsheets(): GoogleAppsScript.Sheets.Collection.SpreadsheetsCollection {
  return (Sheets as GoogleAppsScript.Sheets).Spreadsheets;
}

function values(): GoogleAppsScript.Sheets.Collection.Spreadsheets.ValuesCollection {
  return spreadsheets().Values;
}

/** One read: the grid's row count and each cell's shown text (values.get does not tell the grid's size). */
const GRID_AND_VALUES = 'sheets(properties(gridProperties(rowCount)),data(rowData(values(formattedValue))))';
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

export class SheetTable {
  /** Rows of the sheet's grid, learnt by readRows: a rewrite that fits needs no append. */
  private gridRows: number | null = null;

  private constructor(
    readonly name: string,
    readonly headers: readonly string[],
  ) {}

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
    const header = sheet.getRange(1, 1, 1, this.headers.length);
    header.setValues([this.headers.slice()]);
    header.setFontWeight('bold');
    sheet.setFrozenRows(1);
  }

  /** A failed call on a sheet that turns out to be missing is retried once after creating it; other failures stand. */
  private write(call: () => void): void {
    try {
      call();
    } catch (error) {
      if (!this.missing()) throw error;
      this.create();
      call();
    }
  }

  private range(fromRow: number, toRow?: number): string {
    const title = `'${this.name.replace(/'/g, "''")}'`;
    return `${title}!A${fromRow}:${columnLetters(this.headers.length)}${toRow ?? ''}`;
  }

  /**
   * Rows 2…, each padded to the headers' width (trailing empty cells and rows are left out by the API),
   * read with the grid's size in the same call.
   */
  readRows(): string[][] {
    let answer: GoogleAppsScript.Sheets.Schema.Spreadsheet;
    try {
      answer = spreadsheets().get(spreadsheetId(), { ranges: [this.range(2)], fields: GRID_AND_VALUES });
    } catch (error) {
      // Only a missing sheet means "no rows"; any other failure is the caller's to see.
      if (this.missing()) return [];
      throw error;
    }
    const sheet = answer.sheets?.[0];
    this.gridRows = sheet?.properties?.gridProperties?.rowCount ?? null;
    const rowData = sheet?.data?.[0]?.rowData ?? [];
    return rowData.map((row) => this.headers.map((_, i) => fromText(row.values?.[i]?.formattedValue)));
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
    cachedWrites = true;
    sheet.appendRow(row.map((cell) => (cell.startsWith('=') ? `'${cell}` : cell)));
    return true;
  }

  /** Deletes the first `count` data rows (those a reader took: appends only ever land below them). */
  deleteFirstRows(count: number): void {
    if (count <= 0) return;
    const sheet = book().getSheetByName(this.name);
    if (!sheet) return;
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

/** The bound spreadsheet's URL, for mail that points the host to it. */
export function spreadsheetUrl(): string {
  try {
    return book().getUrl();
  } catch {
    return '';
  }
}
