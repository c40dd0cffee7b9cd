// The Sheets advanced service (Sheets API v4 values): get, batchUpdate and append over the bound spreadsheet's cells.
import { type RuntimeCore, notEmulated } from './core';
import { lettersToColumn, type Spreadsheet, type Sheet } from './spreadsheet';

type Json = Record<string, unknown>;

interface ValueRange {
  range?: string;
  majorDimension?: string;
  values?: unknown[][];
}

/** A range the script names: sheet title plus a box; open ends stop at the grid (rows) or the box's columns. */
interface Target {
  sheet: Sheet;
  row: number;
  column: number;
  /** Last row, inclusive; undefined when the notation leaves it open ("A2:X"). */
  endRow?: number;
  endColumn: number;
}

/** The error an advanced service throws for an HTTP error: the message is all a script can inspect. */
function apiError(method: string, message: string): Error {
  const error = new Error(`API call to ${method} failed with error: ${message}`);
  error.name = 'GoogleJsonResponseException';
  return error;
}

/** The one field mask the project reads with: grid rows plus each cell's shown text. */
export const GRID_AND_VALUES = 'sheets(properties(gridProperties(rowCount)),data(rowData(values(formattedValue))))';

/** The titles of every sheet, the other mask the project asks for. */
export const SHEET_TITLES = 'sheets(properties(title))';

function quoted(title: string): string {
  return `'${title.replace(/'/g, "''")}'`;
}

export class SheetsApiService {
  constructor(
    private readonly core: RuntimeCore,
    private readonly spreadsheet: Spreadsheet,
  ) {}

  /**
   * A1 notation with a sheet title, "'Title'!A2:X" or "Title!A1:H" (https://developers.google.com/sheets/api/guides/concepts#cell).
   * An unknown title is "Unable to parse range", as the API answers.
   */
  private target(method: string, range: unknown): Target {
    const text = String(range);
    const m = /^(?:'((?:[^']|'')+)'|([^'!]+))!([A-Z]+)(\d+)(?::([A-Z]+)(\d+)?)?$/.exec(text);
    if (!m) return notEmulated(`${method} with range "${text}" (only 'Title'!A1 or 'Title'!A1:B[n])`);
    const title = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
    const sheet = this.spreadsheet.findSheet(title);
    if (!sheet) throw apiError(method, `Unable to parse range: ${text}`);
    const column = lettersToColumn(m[3]);
    const row = Number(m[4]);
    const endColumn = m[5] ? lettersToColumn(m[5]) : column;
    const endRow = m[5] ? (m[6] ? Number(m[6]) : undefined) : row;
    if (row < 1 || endColumn < column || (endRow !== undefined && endRow < row)) {
      return notEmulated(`${method} with a reversed range "${text}"`);
    }
    return { sheet, row, column, endRow, endColumn };
  }

  /** Ranges past the grid are refused, as the API does ("exceeds grid limits"); append is what adds rows. */
  private checkGrid(method: string, target: Target, lastRow: number): void {
    const { sheet } = target;
    if (lastRow > sheet.maxRows || target.endColumn > sheet.maxColumns) {
      throw apiError(
        method,
        `Range (${quoted(sheet.name)}!A${target.row}) exceeds grid limits. Max rows: ${sheet.maxRows}, max columns: ${sheet.maxColumns}`,
      );
    }
  }

  /** Only RAW is emulated: values are stored as given, so "+4915…" stays text and "=…" is never a formula. */
  private checkRaw(method: string, option: unknown): void {
    if (option !== 'RAW') notEmulated(`${method} with valueInputOption ${String(option)} (only RAW)`);
  }

  private writeRaw(sheet: Sheet, row: number, column: number, values: unknown[][]): number {
    let cells = 0;
    values.forEach((line, i) => {
      line.forEach((value, j) => {
        if (typeof value !== 'string') notEmulated('Sheets values other than strings');
        const cell = sheet.ensureCell(row + i, column + j);
        cell.v = value;
        cells += 1;
      });
    });
    return cells;
  }

  /**
   * values.get, FORMATTED_VALUE: every cell as the text it shows; trailing empty rows and cells are
   * left out (https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets.values#ValueRange).
   */
  private get(spreadsheetId: string, range: string, optionalArgs?: Json): ValueRange {
    const method = 'sheets.spreadsheets.values.get';
    this.checkId(method, spreadsheetId);
    if (optionalArgs && Object.keys(optionalArgs).length > 0) notEmulated(`${method} with options`);
    const target = this.target(method, range);
    const { sheet } = target;
    const lastRow = Math.min(target.endRow ?? sheet.maxRows, sheet.lastRow());
    const values: string[][] = [];
    for (let r = target.row; r <= lastRow; r += 1) {
      const line: string[] = [];
      for (let c = target.column; c <= target.endColumn; c += 1) line.push(sheet.displayText(r, c));
      while (line.length > 0 && line[line.length - 1] === '') line.pop();
      values.push(line);
    }
    while (values.length > 0 && values[values.length - 1].length === 0) values.pop();
    return { range: String(range), majorDimension: 'ROWS', ...(values.length > 0 ? { values } : {}) };
  }

  /**
   * spreadsheets.get with one range and the field mask below: the sheet's grid size and the range's
   * cells in one call (https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/get;
   * empty trailing rows are left out, an empty cell is {}).
   */
  private spreadsheetGet(spreadsheetId: string, optionalArgs?: Json): Json {
    const method = 'sheets.spreadsheets.get';
    this.checkId(method, spreadsheetId);
    if (optionalArgs?.fields === SHEET_TITLES && optionalArgs.ranges === undefined) {
      return { sheets: this.spreadsheet.sheets.map((sheet) => ({ properties: { title: sheet.name } })) };
    }
    const ranges = optionalArgs?.ranges;
    if (optionalArgs?.fields !== GRID_AND_VALUES || !Array.isArray(ranges) || ranges.length !== 1) {
      return notEmulated(`${method} other than one range with fields "${GRID_AND_VALUES}"`);
    }
    const rows = (this.get(spreadsheetId, String(ranges[0])).values ?? []) as string[][];
    const target = this.target(method, ranges[0]);
    const rowData = rows.map((line) =>
      line.length === 0 ? {} : { values: line.map((text) => (text === '' ? {} : { formattedValue: text })) },
    );
    return {
      sheets: [{ properties: { gridProperties: { rowCount: target.sheet.maxRows } }, data: [rowData.length > 0 ? { rowData } : {}] }],
    };
  }

  /** values.batchUpdate: every range written in one call, all or nothing. */
  private batchUpdate(resource: Json, spreadsheetId: string): Json {
    const method = 'sheets.spreadsheets.values.batchUpdate';
    this.checkId(method, spreadsheetId);
    this.checkRaw(method, resource.valueInputOption);
    const data = (resource.data ?? []) as ValueRange[];
    const targets = data.map((entry) => {
      const target = this.target(method, entry.range);
      const values = entry.values ?? [];
      this.checkGrid(method, target, target.row + values.length - 1);
      return { target, values };
    });
    let totalUpdatedCells = 0;
    for (const { target, values } of targets) totalUpdatedCells += this.writeRaw(target.sheet, target.row, target.column, values);
    return { spreadsheetId, totalUpdatedCells };
  }

  /**
   * values.append, INSERT_ROWS: new rows are inserted after the table the range starts (here: after the
   * last row with content), so the grid grows and nothing below is overwritten
   * (https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets.values/append).
   */
  private append(resource: ValueRange, spreadsheetId: string, range: string, optionalArgs?: Json): Json {
    const method = 'sheets.spreadsheets.values.append';
    this.checkId(method, spreadsheetId);
    this.checkRaw(method, optionalArgs?.valueInputOption);
    if (optionalArgs?.insertDataOption !== 'INSERT_ROWS') notEmulated(`${method} without insertDataOption INSERT_ROWS`);
    const target = this.target(method, range);
    const values = resource.values ?? [];
    const { sheet } = target;
    const after = Math.max(sheet.lastRow(), target.row - 1);
    if (values.length > 0) {
      if (after >= 1) sheet.insertRowsAfter(after, values.length);
      else sheet.maxRows += values.length;
    }
    const updatedCells = this.writeRaw(sheet, after + 1, target.column, values);
    return { spreadsheetId, updates: { updatedRows: values.length, updatedCells } };
  }

  private checkId(method: string, spreadsheetId: string): void {
    if (spreadsheetId !== this.spreadsheet.id) throw apiError(method, 'Requested entity was not found.');
  }

  advanced(): unknown {
    const count = <A extends unknown[], R>(name: string, fn: (...args: A) => R) => {
      return (...args: A): R => {
        this.core.count(name);
        return fn(...args);
      };
    };
    const values = {
      get: count('Sheets.Spreadsheets.Values.get', (id: string, range: string, options?: Json) => this.get(id, range, options)),
      batchUpdate: count('Sheets.Spreadsheets.Values.batchUpdate', (resource: Json, id: string) => this.batchUpdate(resource, id)),
      append: count('Sheets.Spreadsheets.Values.append', (resource: ValueRange, id: string, range: string, options?: Json) =>
        this.append(resource, id, range, options),
      ),
    };
    const strict = (path: string, impl: Json): unknown =>
      new Proxy(impl, {
        get(target, prop, receiver) {
          if (typeof prop === 'symbol' || prop in target) return Reflect.get(target, prop, receiver) as unknown;
          if (['then', 'toJSON', 'asymmetricMatch', 'nodeType', 'tagName'].includes(prop)) return undefined;
          return (..._args: unknown[]) => notEmulated(`${path}.${prop}`);
        },
      });
    const spreadsheets = {
      get: count('Sheets.Spreadsheets.get', (id: string, options?: Json) => this.spreadsheetGet(id, options)),
      Values: strict('Sheets.Spreadsheets.Values', values),
    };
    return strict('Sheets', { Spreadsheets: strict('Sheets.Spreadsheets', spreadsheets) });
  }
}
