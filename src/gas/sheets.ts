// The bound spreadsheet as tables: read a sheet once, write changed rows back in one call, append in one call.
function spreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet {
  return SpreadsheetApp.getActiveSpreadsheet();
}

/**
 * Text that Sheets would run as a formula ("=HYPERLINK(…)" in an attendee's message) is written behind
 * an apostrophe; reading strips it again, whether Sheets kept it (plain-text cells) or consumed it.
 */
function asText(rows: string[][]): string[][] {
  return rows.map((row) => row.map((cell) => (cell.startsWith('=') ? `'${cell}` : cell)));
}

function fromText(cell: string): string {
  return cell.startsWith("'=") ? cell.slice(1) : cell;
}

export class SheetTable {
  private constructor(
    private readonly sheet: GoogleAppsScript.Spreadsheet.Sheet,
    readonly headers: readonly string[],
  ) {}

  /** Opens the sheet, creating it with a bold frozen header row when it does not exist yet. */
  static open(name: string, headers: readonly string[]): SheetTable {
    const book = spreadsheet();
    let sheet = book.getSheetByName(name);
    if (!sheet) {
      sheet = book.insertSheet(name);
      const header = sheet.getRange(1, 1, 1, headers.length);
      header.setValues([headers.slice()]);
      header.setFontWeight('bold');
      sheet.setFrozenRows(1);
    }
    return new SheetTable(sheet, headers);
  }

  /** Only for reads where a missing sheet simply means no rows. */
  static find(name: string, headers: readonly string[]): SheetTable | null {
    const sheet = spreadsheet().getSheetByName(name);
    return sheet ? new SheetTable(sheet, headers) : null;
  }

  readRows(): string[][] {
    const last = this.sheet.getLastRow();
    if (last < 2) return [];
    return this.sheet
      .getRange(2, 1, last - 1, this.headers.length)
      .getValues()
      .map((row) => row.map((cell) => (cell instanceof Date ? cell.toISOString() : fromText(String(cell ?? '')))));
  }

  /** A new sheet has 1,000 rows and ranges past the end throw, so grow it before writing there. */
  private ensureRows(lastRow: number): void {
    const max = this.sheet.getMaxRows();
    if (lastRow > max) this.sheet.insertRowsAfter(max, lastRow - max);
  }

  /** Rewrites rows 2…n+1 in one call; plain-text format keeps "+49…" a string (Sheets would make it a number). */
  writeRows(rows: string[][], previousCount: number): void {
    if (rows.length > 0) {
      this.ensureRows(rows.length + 1);
      const range = this.sheet.getRange(2, 1, rows.length, this.headers.length);
      range.setNumberFormat('@');
      range.setValues(asText(rows));
    }
    if (previousCount > rows.length) {
      this.sheet.getRange(2 + rows.length, 1, previousCount - rows.length, this.headers.length).clearContent();
    }
  }

  appendRows(rows: string[][]): void {
    if (rows.length === 0) return;
    const first = this.sheet.getLastRow() + 1;
    this.ensureRows(first + rows.length - 1);
    const range = this.sheet.getRange(first, 1, rows.length, this.headers.length);
    range.setNumberFormat('@');
    range.setValues(asText(rows));
  }
}
