// The Sheets advanced service (Sheets API v4 values): get, batchUpdate and append over the bound spreadsheet's cells.
import { type RuntimeCore, notEmulated } from './core';
import { columnToLetters, lettersToColumn, type Spreadsheet, type Sheet } from './spreadsheet';

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

/** The one field mask the project reads with: the grid's size plus each cell's shown text. */
export const GRID_AND_VALUES = 'sheets(properties(gridProperties(rowCount,columnCount)),data(rowData(values(formattedValue))))';

/** The same with each sheet's title and id, so the answer to several ranges says which sheet is which. */
export const TITLED_GRID_AND_VALUES =
  'sheets(properties(title,sheetId,gridProperties(rowCount,columnCount)),data(rowData(values(formattedValue))))';

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
   * A read may name columns past the grid (open-ended reads such as "B2:ZZZ" are common practice,
   * https://googlesheets4.tidyverse.org/articles/articles/range-specification.html): they read as empty.
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
   * spreadsheets.get with ranges and one of the field masks below: each sheet a range names, in the
   * spreadsheet's order (not the order of `ranges`), with its grid size and one GridData per range
   * on it (https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/get; empty
   * trailing rows are left out, an empty cell is {}). One unknown title fails the whole call.
   */
  private spreadsheetGet(spreadsheetId: string, optionalArgs?: Json): Json {
    const method = 'sheets.spreadsheets.get';
    this.checkId(method, spreadsheetId);
    if (optionalArgs?.fields === SHEET_TITLES && optionalArgs.ranges === undefined) {
      return { sheets: this.spreadsheet.sheets.map((sheet) => ({ properties: { title: sheet.name } })) };
    }
    const ranges = optionalArgs?.ranges;
    const titled = optionalArgs?.fields === TITLED_GRID_AND_VALUES;
    if (!(titled || optionalArgs?.fields === GRID_AND_VALUES) || !Array.isArray(ranges) || ranges.length === 0) {
      return notEmulated(`${method} other than ranges with fields "${TITLED_GRID_AND_VALUES}" or "${GRID_AND_VALUES}"`);
    }
    if (!titled && ranges.length !== 1) return notEmulated(`${method} of several ranges without the sheet titles`);
    const targets = ranges.map((range) => ({ range: String(range), sheet: this.target(method, range).sheet }));
    const sheets = this.spreadsheet.sheets
      .filter((sheet) => targets.some((target) => target.sheet === sheet))
      .map((sheet) => {
        const data = targets
          .filter((target) => target.sheet === sheet)
          .map((target) => {
            const rows = (this.get(spreadsheetId, target.range).values ?? []) as string[][];
            const rowData = rows.map((line) =>
              line.length === 0 ? {} : { values: line.map((text) => (text === '' ? {} : { formattedValue: text })) },
            );
            return rowData.length > 0 ? { rowData } : {};
          });
        const grid = { gridProperties: { rowCount: sheet.maxRows, columnCount: sheet.maxColumns } };
        return { properties: titled ? { title: sheet.name, sheetId: sheet.sheetId, ...grid } : grid, data };
      });
    return { sheets };
  }

  private sheetById(method: string, sheetId: unknown): Sheet {
    const sheet = this.spreadsheet.sheets.find((candidate) => candidate.sheetId === sheetId);
    if (!sheet) throw apiError(method, `Invalid requests: No grid with id: ${String(sheetId)}`);
    return sheet;
  }

  /** RowData of updateCells/appendCells with fields "userEnteredValue": a string value, or {} for an empty cell. */
  private rowTexts(method: string, rows: unknown, fields: unknown): string[][] {
    if (fields !== 'userEnteredValue') notEmulated(`${method} with fields ${String(fields)} (only userEnteredValue)`);
    if (!Array.isArray(rows)) return notEmulated(`${method} without rows`);
    return rows.map((row: { values?: Array<{ userEnteredValue?: Json }> }) =>
      (row.values ?? []).map((cell) => {
        const value = cell.userEnteredValue;
        if (value === undefined) return '';
        const keys = Object.keys(value);
        if (keys.length !== 1 || typeof value.stringValue !== 'string') notEmulated(`${method} with a value other than stringValue`);
        return value.stringValue as string;
      }),
    );
  }

  /**
   * spreadsheets.batchUpdate: the requests apply in order, each seeing the sheet as the one before left
   * it, all or nothing (https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/batchUpdate).
   * Emulated: updateCells (start + rows; a cell past the grid is refused), appendCells (after the last
   * row with content, inserting rows "if necessary": .../request#appendcellsrequest, never columns, so a
   * row wider than the grid is refused), appendDimension of ROWS or COLUMNS ("Appends rows or columns to
   * the end of a sheet": .../request#appenddimensionrequest), insertDimension of COLUMNS ("Inserts rows or
   * columns in a sheet at a particular index", the cells from startIndex on moving right; inheritFromBefore
   * cannot be true at index 0: .../request#insertdimensionrequest) and deleteDimension of ROWS.
   */
  private structuralBatchUpdate(resource: Json, spreadsheetId: string): Json {
    const method = 'sheets.spreadsheets.batchUpdate';
    this.checkId(method, spreadsheetId);
    const requests = (resource.requests ?? []) as Json[];
    if (!Array.isArray(requests) || requests.length === 0) return notEmulated(`${method} without requests`);
    // Checked against a copy first, so a refused request leaves every sheet as it was.
    const plan = requests.map((request) => {
      const kinds = Object.keys(request);
      if (kinds.length !== 1) return notEmulated(`${method} request with ${kinds.join(', ')}`);
      const kind = kinds[0];
      const body = request[kind] as Json;
      if (kind === 'updateCells') {
        const start = (body.start ?? {}) as Json;
        const sheet = this.sheetById(method, start.sheetId);
        return {
          kind,
          sheet,
          row: Number(start.rowIndex ?? 0) + 1,
          column: Number(start.columnIndex ?? 0) + 1,
          rows: this.rowTexts(method, body.rows, body.fields),
        };
      }
      if (kind === 'appendCells') {
        return {
          kind,
          sheet: this.sheetById(method, body.sheetId),
          row: 0,
          column: 1,
          rows: this.rowTexts(method, body.rows, body.fields),
        };
      }
      if (kind === 'appendDimension') {
        const length = Number(body.length);
        if (body.dimension !== 'COLUMNS' && body.dimension !== 'ROWS')
          return notEmulated(`${method} appendDimension of ${String(body.dimension)}`);
        if (!Number.isInteger(length) || length < 1) throw apiError(method, 'Invalid requests: appendDimension.length must be at least 1');
        return {
          kind,
          sheet: this.sheetById(method, body.sheetId),
          row: 0,
          column: length,
          rows: [],
          columns: body.dimension === 'COLUMNS',
        };
      }
      if (kind === 'insertDimension') {
        const range = (body.range ?? {}) as Json;
        if (range.dimension !== 'COLUMNS') return notEmulated(`${method} insertDimension of ${String(range.dimension)}`);
        const from = Number(range.startIndex);
        const to = Number(range.endIndex);
        if (!Number.isInteger(from) || !Number.isInteger(to) || from < 0 || to <= from)
          throw apiError(method, 'Invalid requests: insertDimension needs a range with startIndex < endIndex');
        if (from === 0 && body.inheritFromBefore === true)
          throw apiError(method, 'Invalid requests: Cannot inherit properties from before if inserting at the first row or column.');
        return { kind, sheet: this.sheetById(method, range.sheetId), row: 0, column: from, count: to - from, rows: [] };
      }
      if (kind === 'deleteDimension') {
        const range = (body.range ?? {}) as Json;
        if (range.dimension !== 'ROWS') return notEmulated(`${method} deleteDimension of ${String(range.dimension)}`);
        const from = Number(range.startIndex);
        const to = Number(range.endIndex);
        if (!Number.isInteger(from) || !Number.isInteger(to) || to <= from)
          return notEmulated(`${method} deleteDimension of ${from}…${to}`);
        return { kind, sheet: this.sheetById(method, range.sheetId), row: from + 1, column: to - from, rows: [] };
      }
      return notEmulated(`${method} request ${kind}`);
    });
    const rollback = new Map<Sheet, { rows: Sheet['rows']; maxRows: number; maxColumns: number }>();
    for (const step of plan) {
      if (!rollback.has(step.sheet))
        rollback.set(step.sheet, {
          rows: step.sheet.rows.map((cells) => cells?.map((cell) => (cell ? { ...cell } : cell))),
          maxRows: step.sheet.maxRows,
          maxColumns: step.sheet.maxColumns,
        });
    }
    try {
      for (const step of plan) {
        const { sheet } = step;
        if (step.kind === 'updateCells') {
          const last = step.row + step.rows.length - 1;
          const width = Math.max(0, ...step.rows.map((line) => line.length));
          if (last > sheet.maxRows || step.column + width - 1 > sheet.maxColumns) {
            throw apiError(method, `Invalid requests[0].updateCells: GridCoordinate exceeds grid limits. Max rows: ${sheet.maxRows}`);
          }
          this.writeRaw(sheet, step.row, step.column, step.rows);
        } else if (step.kind === 'appendCells') {
          const width = Math.max(0, ...step.rows.map((line) => line.length));
          if (width > sheet.maxColumns) {
            throw apiError(method, `Invalid requests[0].appendCells: GridCoordinate exceeds grid limits. Max columns: ${sheet.maxColumns}`);
          }
          const after = sheet.lastRow();
          const missing = after + step.rows.length - sheet.maxRows;
          if (missing > 0) sheet.maxRows += missing;
          this.writeRaw(sheet, after + 1, 1, step.rows);
        } else if (step.kind === 'insertDimension') {
          const count = Number('count' in step ? step.count : 0);
          if (step.column > sheet.maxColumns) throw apiError(method, 'Invalid requests: Range is out of bounds.');
          for (const cells of sheet.rows)
            if (cells && cells.length > step.column) cells.splice(step.column, 0, ...Array.from({ length: count }, () => undefined));
          sheet.maxColumns += count;
        } else if (step.kind === 'appendDimension') {
          if ('columns' in step && step.columns) sheet.maxColumns += step.column;
          else sheet.maxRows += step.column;
        } else {
          const count = step.column;
          if (step.row + count - 1 > sheet.maxRows) throw apiError(method, 'Invalid requests: Range is out of bounds.');
          if (sheet.maxRows - count <= sheet.frozenRows) {
            throw apiError(method, "Invalid requests: You can't delete all the rows on the sheet.");
          }
          sheet.rows.splice(step.row - 1, count);
          sheet.maxRows -= count;
        }
      }
    } catch (error) {
      for (const [sheet, saved] of rollback) {
        sheet.rows.length = 0;
        sheet.rows.push(...saved.rows);
        sheet.maxRows = saved.maxRows;
        sheet.maxColumns = saved.maxColumns;
      }
      throw error;
    }
    return { spreadsheetId, replies: requests.map(() => ({})) };
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
   * (https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets.values/append). INSERT_ROWS
   * is documented as "Rows are inserted for the new data" (…/append#InsertDataOption), not columns: a
   * row wider than the grid is refused with the API's "exceeds grid limits", so the script widens first.
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
    const width = Math.max(0, ...values.map((line) => line.length));
    if (target.column + width - 1 > sheet.maxColumns) {
      throw apiError(
        method,
        `Range (${quoted(sheet.name)}!${columnToLetters(target.column + width - 1)}${after + 1}) exceeds grid limits. Max rows: ${sheet.maxRows}, max columns: ${sheet.maxColumns}`,
      );
    }
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
      batchUpdate: count('Sheets.Spreadsheets.batchUpdate', (resource: Json, id: string) => this.structuralBatchUpdate(resource, id)),
      Values: strict('Sheets.Spreadsheets.Values', values),
    };
    return strict('Sheets', { Spreadsheets: strict('Sheets.Spreadsheets', spreadsheets) });
  }
}
