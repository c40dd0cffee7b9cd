// SpreadsheetApp: one bound spreadsheet of in-memory sheets with Sheets' cell semantics (number parsing, '@' text, dates).
import { type RuntimeCore, notEmulated } from './core';
import { expose, isDate, scriptDate, unwrap } from './expose';
import { describeHtmlOutput } from './html';
import { formatDate } from './utilities';
import { WriteCache, type CachedSheet } from './write-cache';
import { zonedTimeToEpoch } from './zones';

/** Script calls that change a sheet (they go through the write cache). */
const WRITING_METHOD = /^(set|append|delete|insert|clear|hide|show|auto)/;

export const SPREADSHEET_ID = 'sandbox-spreadsheet';
export const DEFAULT_MAX_ROWS = 1000;
export const DEFAULT_MAX_COLUMNS = 26;
export const MAX_CELL_CHARS = 50000;

export type CellValue = string | number | boolean | Date;

interface Cell {
  v: CellValue;
  /** Number format; undefined is Sheets' automatic format. */
  f?: string;
  /** Other formatting (font weight, background, ...), recorded but not interpreted. */
  s?: Record<string, unknown>;
}

const OUTSIDE = 'The coordinates of the range are outside the dimensions of the sheet.';

// ------------------------------------------------------------------ value semantics

function copyValue(core: RuntimeCore, value: CellValue): CellValue {
  return isDate(value) ? scriptDate(core, value.getTime()) : value;
}

/**
 * How Sheets stores a string typed or written with setValues into a cell with automatic format:
 * numbers (also '+49151…', '0049', '1e3', '1,234', '12%'), TRUE/FALSE, and dates become typed values.
 */
export function parseLikeSheets(text: string, timeZone: string): CellValue {
  const t = text.trim();
  if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t)) return Number(t);
  if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) return Number(t.replace(/,/g, ''));
  if (/^[+-]?(\d+\.?\d*|\.\d+)%$/.test(t)) return Number(t.slice(0, -1)) / 100;
  if (/^(true|false)$/i.test(t)) return t.toLowerCase() === 'true';
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(t);
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(t);
  const parts = iso ? [iso[1], iso[2], iso[3], iso[4], iso[5], iso[6]] : us ? [us[3], us[1], us[2], us[4], us[5], us[6]] : null;
  if (parts) {
    const [y, mo, d, h, mi, s] = parts.map((p) => Number(p ?? 0));
    const probe = new Date(Date.UTC(y, mo - 1, d));
    if (mo >= 1 && mo <= 12 && probe.getUTCDate() === d && h < 24 && mi < 60 && s < 60) {
      return new Date(zonedTimeToEpoch(timeZone, y, mo, d, h, mi) + s * 1000);
    }
  }
  return text;
}

/** A script value as a cell stores it, given the cell's number format. */
function toCellValue(value: unknown, numberFormat: string | undefined, timeZone: string): CellValue {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return notEmulated(`SpreadsheetApp: writing ${value}`);
    return value;
  }
  if (typeof value === 'boolean') return value;
  if (isDate(value)) {
    if (Number.isNaN(value.getTime())) return notEmulated('SpreadsheetApp: writing an invalid Date');
    return new Date(value.getTime());
  }
  if (typeof value === 'string') {
    if (value.length > MAX_CELL_CHARS) {
      throw new Error(`Your input contains more than the maximum of ${MAX_CELL_CHARS} characters in a single cell.`);
    }
    if (numberFormat === '@') return value;
    if (value.startsWith("'")) return value.slice(1);
    if (value.startsWith('=') && value.length > 1) return notEmulated('SpreadsheetApp formulas');
    if (value === '') return '';
    return parseLikeSheets(value, timeZone);
  }
  return notEmulated(`SpreadsheetApp: writing a value of type ${Array.isArray(value) ? 'array' : typeof value}`);
}

function displayValue(cell: Cell | undefined, timeZone: string): string {
  if (!cell) return '';
  const { v, f } = cell;
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (isDate(v)) {
    if (f === undefined) return formatDate(v, timeZone, 'M/d/yyyy H:mm:ss');
    return notEmulated(`Range.getDisplayValues with number format "${f}"`);
  }
  if (f === undefined || f === '@') return String(v);
  const decimals = /^0(?:\.(0+))?$/.exec(f);
  if (decimals) return v.toFixed(decimals[1]?.length ?? 0);
  return notEmulated(`Range.getDisplayValues with number format "${f}"`);
}

// ------------------------------------------------------------------ A1 notation

export function columnToLetters(column: number): string {
  let n = column;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

export function lettersToColumn(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

interface Box {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

function parseA1(a1: string, maxRows: number, maxColumns: number): Box {
  const m = /^\$?([A-Za-z]+)?\$?(\d+)?(?::\$?([A-Za-z]+)?\$?(\d+)?)?$/.exec(a1.trim());
  if (!m || (!m[1] && !m[2])) throw new Error('Range not found');
  const [, c1, r1, c2, r2] = m;
  const hasEnd = a1.includes(':');
  if (!hasEnd && (!c1 || !r1)) throw new Error('Range not found');
  const startColumn = c1 ? lettersToColumn(c1) : 1;
  const startRow = r1 ? Number(r1) : 1;
  const endColumn = hasEnd ? (c2 ? lettersToColumn(c2) : c1 ? maxColumns : maxColumns) : startColumn;
  const endRow = hasEnd ? (r2 ? Number(r2) : maxRows) : startRow;
  if (hasEnd && !c1 && c2) throw new Error('Range not found');
  const row = Math.min(startRow, endRow);
  const column = Math.min(startColumn, endColumn);
  return { row, column, numRows: Math.abs(endRow - startRow) + 1, numColumns: Math.abs(endColumn - startColumn) + 1 };
}

// ------------------------------------------------------------------ sheets and ranges

export class Sheet {
  readonly proxy: Sheet;
  rows: (Cell | undefined)[][] = [];
  maxRows = DEFAULT_MAX_ROWS;
  maxColumns = DEFAULT_MAX_COLUMNS;
  frozenRows = 0;
  frozenColumns = 0;
  hidden = false;
  tabColor: string | null = null;
  readonly columnWidths = new Map<number, number>();

  constructor(
    readonly core: RuntimeCore,
    readonly parent: Spreadsheet,
    public name: string,
    readonly sheetId: number,
  ) {
    this.proxy = expose(core, this, 'Sheet');
  }

  // internal helpers (not script-facing: they take or return raw data)

  cell(row: number, column: number): Cell | undefined {
    return this.rows[row - 1]?.[column - 1];
  }

  ensureCell(row: number, column: number): Cell {
    this.rows[row - 1] ??= [];
    const cells = this.rows[row - 1];
    const cell = cells[column - 1] ?? { v: '' };
    cells[column - 1] = cell;
    return cell;
  }

  lastRow(): number {
    for (let i = this.rows.length - 1; i >= 0; i -= 1) {
      if (this.rows[i]?.some((c) => c !== undefined && c.v !== '')) return i + 1;
    }
    return 0;
  }

  lastColumn(): number {
    let last = 0;
    for (const cells of this.rows) {
      if (!cells) continue;
      for (let j = cells.length - 1; j >= last; j -= 1) {
        if (cells[j] !== undefined && (cells[j] as Cell).v !== '') {
          last = j + 1;
          break;
        }
      }
    }
    return last;
  }

  /** Values of the data range, [] when the sheet is empty (uncounted, for the sandbox). */
  values(): CellValue[][] {
    const rows = this.lastRow();
    const columns = this.lastColumn();
    const result: CellValue[][] = [];
    for (let r = 1; r <= rows; r += 1) {
      const line: CellValue[] = [];
      for (let c = 1; c <= columns; c += 1) line.push(copyValue(this.core, this.cell(r, c)?.v ?? ''));
      result.push(line);
    }
    return result;
  }

  range(box: Box): GoogleAppsScript.Spreadsheet.Range {
    const { row, column, numRows, numColumns } = box;
    if (![row, column, numRows, numColumns].every((n) => Number.isInteger(n)))
      throw new Error('Invalid argument: range coordinates must be integers');
    if (row < 1) throw new Error('The starting row of the range is too small.');
    if (column < 1) throw new Error('The starting column of the range is too small.');
    if (numRows < 1) throw new Error('The number of rows in the range must be at least 1.');
    if (numColumns < 1) throw new Error('The number of columns in the range must be at least 1.');
    if (row + numRows - 1 > this.maxRows || column + numColumns - 1 > this.maxColumns) throw new Error(OUTSIDE);
    return expose(this.core, new Range(this, box), 'Range') as unknown as GoogleAppsScript.Spreadsheet.Range;
  }

  write(row: number, column: number, value: unknown): void {
    const cell = this.ensureCell(row, column);
    cell.v = toCellValue(value, cell.f, this.parent.timeZone);
  }

  /** The text a cell shows (Sheets API FORMATTED_VALUE), uncounted. */
  displayText(row: number, column: number): string {
    return displayValue(this.cell(row, column), this.parent.timeZone);
  }

  // script-facing methods

  getName(): string {
    return this.name;
  }

  setName(name: string): Sheet {
    this.parent.checkNewName(String(name), this);
    this.name = String(name);
    return this;
  }

  getSheetId(): number {
    return this.sheetId;
  }

  getIndex(): number {
    return this.parent.sheets.indexOf(this) + 1;
  }

  getParent(): unknown {
    return this.parent.proxy;
  }

  getRange(a: number | string, column?: number, numRows?: number, numColumns?: number): GoogleAppsScript.Spreadsheet.Range {
    if (typeof a === 'string') return this.range(parseA1(a, this.maxRows, this.maxColumns));
    return this.range({
      row: Number(a),
      column: Number(column),
      numRows: numRows === undefined ? 1 : Number(numRows),
      numColumns: numColumns === undefined ? 1 : Number(numColumns),
    });
  }

  getDataRange(): GoogleAppsScript.Spreadsheet.Range {
    return this.range({ row: 1, column: 1, numRows: Math.max(1, this.lastRow()), numColumns: Math.max(1, this.lastColumn()) });
  }

  getLastRow(): number {
    return this.lastRow();
  }

  getLastColumn(): number {
    return this.lastColumn();
  }

  getMaxRows(): number {
    return this.maxRows;
  }

  getMaxColumns(): number {
    return this.maxColumns;
  }

  appendRow(rowContents: unknown[]): Sheet {
    if (!Array.isArray(rowContents)) throw new Error('Invalid argument: rowContents');
    const row = this.lastRow() + 1;
    const cells = rowContents.map((value, j) => toCellValue(value, this.cell(row, j + 1)?.f, this.parent.timeZone));
    if (row > this.maxRows) this.maxRows = row;
    if (cells.length > this.maxColumns) this.maxColumns = cells.length;
    cells.forEach((value, j) => {
      this.ensureCell(row, j + 1).v = value;
    });
    return this;
  }

  deleteRows(rowPosition: number, howMany: number): void {
    const start = Number(rowPosition);
    const count = Number(howMany);
    if (!Number.isInteger(start) || !Number.isInteger(count) || start < 1 || count < 1 || start + count - 1 > this.maxRows) {
      throw new Error('Those rows are out of bounds.');
    }
    if (this.maxRows - count <= this.frozenRows) throw new Error('Sorry, it is not possible to delete all non-frozen rows.');
    this.rows.splice(start - 1, count);
    this.maxRows -= count;
  }

  deleteRow(rowPosition: number): Sheet {
    this.deleteRows(rowPosition, 1);
    return this;
  }

  insertRowsAfter(afterPosition: number, howMany: number): Sheet {
    const after = Number(afterPosition);
    const count = Number(howMany);
    if (!Number.isInteger(after) || after < 1 || after > this.maxRows) throw new Error('Those rows are out of bounds.');
    if (!Number.isInteger(count) || count < 1) throw new Error('Invalid argument: howMany');
    if (this.rows.length > after) this.rows.splice(after, 0, ...Array.from({ length: count }, () => []));
    this.maxRows += count;
    return this;
  }

  insertRowAfter(afterPosition: number): Sheet {
    return this.insertRowsAfter(afterPosition, 1);
  }

  /**
   * Columns after a position, the rows' cells moving right
   * (https://developers.google.com/apps-script/reference/spreadsheet/sheet#insertColumnsAfter(Integer,Integer)):
   * the only way a sheet made by insertSheet (26 columns) holds a wider header.
   */
  insertColumnsAfter(afterPosition: number, howMany: number): Sheet {
    const after = Number(afterPosition);
    const count = Number(howMany);
    if (!Number.isInteger(after) || after < 1 || after > this.maxColumns) throw new Error('Those columns are out of bounds.');
    if (!Number.isInteger(count) || count < 1) throw new Error('Invalid argument: howMany');
    for (const cells of this.rows) {
      if (cells && cells.length > after) cells.splice(after, 0, ...Array.from({ length: count }, () => undefined));
    }
    this.maxColumns += count;
    return this;
  }

  insertRowsBefore(beforePosition: number, howMany: number): Sheet {
    const before = Number(beforePosition);
    const count = Number(howMany);
    if (!Number.isInteger(before) || before < 1 || before > this.maxRows) throw new Error('Those rows are out of bounds.');
    if (!Number.isInteger(count) || count < 1) throw new Error('Invalid argument: howMany');
    if (this.rows.length >= before) this.rows.splice(before - 1, 0, ...Array.from({ length: count }, () => []));
    this.maxRows += count;
    return this;
  }

  insertRowBefore(beforePosition: number): Sheet {
    return this.insertRowsBefore(beforePosition, 1);
  }

  setFrozenRows(rows: number): void {
    const n = Number(rows);
    if (!Number.isInteger(n) || n < 0 || n >= this.maxRows) throw new Error('Invalid argument: rows');
    this.frozenRows = n;
  }

  getFrozenRows(): number {
    return this.frozenRows;
  }

  setFrozenColumns(columns: number): void {
    const n = Number(columns);
    if (!Number.isInteger(n) || n < 0 || n >= this.maxColumns) throw new Error('Invalid argument: columns');
    this.frozenColumns = n;
  }

  getFrozenColumns(): number {
    return this.frozenColumns;
  }

  clear(): Sheet {
    this.rows = [];
    return this;
  }

  clearContents(): Sheet {
    for (const cells of this.rows) for (const cell of cells ?? []) if (cell) cell.v = '';
    return this;
  }

  clearFormats(): Sheet {
    for (const cells of this.rows) {
      for (const cell of cells ?? []) {
        if (cell) {
          delete cell.f;
          delete cell.s;
        }
      }
    }
    return this;
  }

  hideSheet(): Sheet {
    if (this.parent.sheets.filter((s) => !s.hidden && s !== this).length === 0) {
      throw new Error("You can't hide all the sheets in a document.");
    }
    this.hidden = true;
    return this;
  }

  showSheet(): Sheet {
    this.hidden = false;
    return this;
  }

  isSheetHidden(): boolean {
    return this.hidden;
  }

  setTabColor(color: string | null): Sheet {
    this.tabColor = color === null ? null : String(color);
    return this;
  }

  getTabColor(): string | null {
    return this.tabColor;
  }

  autoResizeColumns(startColumn: number, numColumns: number): Sheet {
    if (startColumn < 1 || numColumns < 1 || startColumn + numColumns - 1 > this.maxColumns) throw new Error(OUTSIDE);
    return this;
  }

  autoResizeColumn(columnPosition: number): Sheet {
    return this.autoResizeColumns(columnPosition, 1);
  }

  setColumnWidth(columnPosition: number, width: number): Sheet {
    if (columnPosition < 1 || columnPosition > this.maxColumns) throw new Error(OUTSIDE);
    this.columnWidths.set(Number(columnPosition), Number(width));
    return this;
  }

  setColumnWidths(startColumn: number, numColumns: number, width: number): Sheet {
    for (let c = startColumn; c < startColumn + numColumns; c += 1) this.setColumnWidth(c, width);
    return this;
  }

  getColumnWidth(columnPosition: number): number {
    return this.columnWidths.get(Number(columnPosition)) ?? 100;
  }

  activate(): Sheet {
    this.parent.active = this;
    return this;
  }
}

export class Range {
  constructor(
    private readonly sheet: Sheet,
    private readonly box: Box,
  ) {}

  /** The sheet this range is on (for the runtime's write cache; not script-facing). */
  get _owner(): Sheet {
    return this.sheet;
  }

  private forEach(fn: (row: number, column: number, i: number, j: number) => void): void {
    for (let i = 0; i < this.box.numRows; i += 1) {
      for (let j = 0; j < this.box.numColumns; j += 1) fn(this.box.row + i, this.box.column + j, i, j);
    }
  }

  private grid<T>(fn: (row: number, column: number) => T): T[][] {
    const result: T[][] = [];
    for (let i = 0; i < this.box.numRows; i += 1) {
      const line: T[] = [];
      for (let j = 0; j < this.box.numColumns; j += 1) line.push(fn(this.box.row + i, this.box.column + j));
      result.push(line);
    }
    return result;
  }

  /** Throws Sheets' messages when a 2D array does not fit this range exactly. */
  private checkDimensions(data: unknown): unknown[][] {
    if (!Array.isArray(data)) throw new Error('Invalid argument: expected a two-dimensional array');
    if (data.length !== this.box.numRows) {
      throw new Error(
        `The number of rows in the data does not match the number of rows in the range. The data has ${data.length} but the range has ${this.box.numRows}.`,
      );
    }
    for (const line of data) {
      if (!Array.isArray(line)) throw new Error('Invalid argument: expected a two-dimensional array');
      if (line.length !== this.box.numColumns) {
        throw new Error(
          `The number of columns in the data does not match the number of columns in the range. The data has ${line.length} but the range has ${this.box.numColumns}.`,
        );
      }
    }
    return data as unknown[][];
  }

  private style(key: string, value: unknown): Range {
    this.forEach((r, c) => {
      const cell = this.sheet.ensureCell(r, c);
      cell.s ??= {};
      cell.s[key] = value;
    });
    return this;
  }

  private styles(key: string, values: unknown): Range {
    const data = this.checkDimensions(values);
    this.forEach((r, c, i, j) => {
      const cell = this.sheet.ensureCell(r, c);
      cell.s ??= {};
      cell.s[key] = data[i][j];
    });
    return this;
  }

  getValues(): CellValue[][] {
    return this.grid((r, c) => copyValue(this.sheet.core, this.sheet.cell(r, c)?.v ?? ''));
  }

  getValue(): CellValue {
    return copyValue(this.sheet.core, this.sheet.cell(this.box.row, this.box.column)?.v ?? '');
  }

  getDisplayValues(): string[][] {
    return this.grid((r, c) => displayValue(this.sheet.cell(r, c), this.sheet.parent.timeZone));
  }

  getDisplayValue(): string {
    return displayValue(this.sheet.cell(this.box.row, this.box.column), this.sheet.parent.timeZone);
  }

  setValues(values: unknown[][]): Range {
    const data = this.checkDimensions(values);
    const tz = this.sheet.parent.timeZone;
    const converted = data.map((line, i) =>
      line.map((v, j) => toCellValue(v, this.sheet.cell(this.box.row + i, this.box.column + j)?.f, tz)),
    );
    this.forEach((r, c, i, j) => {
      this.sheet.ensureCell(r, c).v = converted[i][j];
    });
    return this;
  }

  setValue(value: unknown): Range {
    const tz = this.sheet.parent.timeZone;
    const converted = this.grid((r, c) => toCellValue(value, this.sheet.cell(r, c)?.f, tz));
    this.forEach((r, c, i, j) => {
      this.sheet.ensureCell(r, c).v = converted[i][j];
    });
    return this;
  }

  clearContent(): Range {
    this.forEach((r, c) => {
      const cell = this.sheet.cell(r, c);
      if (cell) cell.v = '';
    });
    return this;
  }

  clear(): Range {
    this.forEach((r, c) => {
      const cells = this.sheet.rows[r - 1];
      if (cells) cells[c - 1] = undefined;
    });
    return this;
  }

  clearFormat(): Range {
    this.forEach((r, c) => {
      const cell = this.sheet.cell(r, c);
      if (cell) {
        delete cell.f;
        delete cell.s;
      }
    });
    return this;
  }

  setNumberFormat(numberFormat: string): Range {
    this.forEach((r, c) => {
      this.sheet.ensureCell(r, c).f = String(numberFormat);
    });
    return this;
  }

  setNumberFormats(numberFormats: string[][]): Range {
    const data = this.checkDimensions(numberFormats);
    this.forEach((r, c, i, j) => {
      this.sheet.ensureCell(r, c).f = String(data[i][j]);
    });
    return this;
  }

  setFontWeight(fontWeight: string | null): Range {
    return this.style('fontWeight', fontWeight);
  }

  setFontWeights(fontWeights: unknown[][]): Range {
    return this.styles('fontWeight', fontWeights);
  }

  setBackground(color: string | null): Range {
    return this.style('background', color);
  }

  setBackgrounds(colors: unknown[][]): Range {
    return this.styles('background', colors);
  }

  setFontColor(color: string | null): Range {
    return this.style('fontColor', color);
  }

  setFontColors(colors: unknown[][]): Range {
    return this.styles('fontColor', colors);
  }

  setWrap(isWrapEnabled: boolean): Range {
    return this.style('wrap', Boolean(isWrapEnabled));
  }

  setWraps(isWrapEnabled: unknown[][]): Range {
    return this.styles('wrap', isWrapEnabled);
  }

  setHorizontalAlignment(alignment: string | null): Range {
    return this.style('horizontalAlignment', alignment);
  }

  setVerticalAlignment(alignment: string | null): Range {
    return this.style('verticalAlignment', alignment);
  }

  setFontStyle(fontStyle: string | null): Range {
    return this.style('fontStyle', fontStyle);
  }

  setFontSize(size: number): Range {
    return this.style('fontSize', size);
  }

  setFontFamily(fontFamily: string | null): Range {
    return this.style('fontFamily', fontFamily);
  }

  getRow(): number {
    return this.box.row;
  }

  getColumn(): number {
    return this.box.column;
  }

  getNumRows(): number {
    return this.box.numRows;
  }

  getNumColumns(): number {
    return this.box.numColumns;
  }

  getLastRow(): number {
    return this.box.row + this.box.numRows - 1;
  }

  getLastColumn(): number {
    return this.box.column + this.box.numColumns - 1;
  }

  getA1Notation(): string {
    const start = `${columnToLetters(this.box.column)}${this.box.row}`;
    if (this.box.numRows === 1 && this.box.numColumns === 1) return start;
    return `${start}:${columnToLetters(this.getLastColumn())}${this.getLastRow()}`;
  }

  getSheet(): unknown {
    return this.sheet.proxy;
  }

  getCell(row: number, column: number): GoogleAppsScript.Spreadsheet.Range {
    if (row < 1 || column < 1 || row > this.box.numRows || column > this.box.numColumns) throw new Error(OUTSIDE);
    return this.sheet.range({ row: this.box.row + row - 1, column: this.box.column + column - 1, numRows: 1, numColumns: 1 });
  }

  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): GoogleAppsScript.Spreadsheet.Range {
    return this.sheet.range({
      row: this.box.row + Number(rowOffset),
      column: this.box.column + Number(columnOffset),
      numRows: numRows === undefined ? this.box.numRows : Number(numRows),
      numColumns: numColumns === undefined ? this.box.numColumns : Number(numColumns),
    });
  }

  isBlank(): boolean {
    let blank = true;
    this.forEach((r, c) => {
      if ((this.sheet.cell(r, c)?.v ?? '') !== '') blank = false;
    });
    return blank;
  }
}

// ------------------------------------------------------------------ spreadsheet, UI

export interface Toast {
  message: string;
  title: string;
  timeoutSeconds: number;
  at: number;
}

export interface MenuRecord {
  caption: string;
  items: ({ caption: string; functionName: string } | { separator: true } | { subMenu: MenuRecord })[];
}

export interface DialogRecord {
  kind: 'sidebar' | 'modal' | 'modeless';
  title: string;
  content: string;
  /** In pixels as shown: a sidebar is always 300 wide (its output's width is ignored); a dialog takes the output's size. */
  width: number;
  height: number;
  at: number;
}

/** "The sidebar displays at a fixed width of 300 pixels" (https://developers.google.com/apps-script/guides/dialogs#custom_sidebars). */
export const SIDEBAR_WIDTH = 300;

export class Spreadsheet {
  readonly proxy: Spreadsheet;
  readonly sheets: Sheet[] = [];
  active: Sheet;
  timeZone: string;

  constructor(
    readonly core: RuntimeCore,
    readonly id: string,
    public name: string,
    private readonly emulation: SpreadsheetEmulation,
  ) {
    this.timeZone = core.timeZone;
    this.proxy = expose(core, this, 'Spreadsheet');
    this.active = this.addSheet('Sheet1');
  }

  checkNewName(name: string, except?: Sheet): void {
    if (!name) throw new Error('Invalid argument: sheetName');
    if (this.sheets.some((s) => s !== except && s.name.toLowerCase() === name.toLowerCase())) {
      throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    }
  }

  addSheet(name: string, index?: number): Sheet {
    this.checkNewName(name);
    const sheetId = this.sheets.length === 0 ? 0 : 100000 + this.core.nextId();
    const sheet = new Sheet(this.core, this, name, sheetId);
    if (index === undefined) this.sheets.push(sheet);
    else this.sheets.splice(Math.max(0, Math.min(index, this.sheets.length)), 0, sheet);
    return sheet;
  }

  findSheet(name: string): Sheet | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  getId(): string {
    return this.id;
  }

  getName(): string {
    return this.name;
  }

  rename(newName: string): void {
    this.name = String(newName);
  }

  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this.id}/edit`;
  }

  getSheetByName(name: string): Sheet | null {
    return this.findSheet(String(name))?.proxy ?? null;
  }

  getSheetById(id: number): Sheet | null {
    return this.sheets.find((s) => s.sheetId === Number(id))?.proxy ?? null;
  }

  getSheets(): Sheet[] {
    return this.sheets.map((s) => s.proxy);
  }

  getNumSheets(): number {
    return this.sheets.length;
  }

  getActiveSheet(): Sheet {
    return this.active.proxy;
  }

  setActiveSheet(sheet: unknown): Sheet {
    const raw = unwrap(sheet);
    if (!(raw instanceof Sheet) || !this.sheets.includes(raw)) throw new Error('Invalid argument: sheet');
    this.active = raw;
    return raw.proxy;
  }

  /** insertSheet(), insertSheet(name), insertSheet(index), insertSheet(name, index). */
  insertSheet(a?: string | number, b?: unknown): Sheet {
    if (typeof b === 'object' && b !== null) return notEmulated('Spreadsheet.insertSheet with options');
    let name: string | undefined;
    let index: number | undefined;
    if (typeof a === 'number') index = a;
    else if (a !== undefined) name = String(a);
    if (typeof b === 'number') index = b;
    if (name === undefined) {
      let n = this.sheets.length + 1;
      while (this.sheets.some((s) => s.name === `Sheet${n}`)) n += 1;
      name = `Sheet${n}`;
    }
    const sheet = this.addSheet(name, index);
    this.active = sheet;
    return sheet.proxy;
  }

  deleteSheet(sheet: unknown): void {
    const raw = unwrap(sheet);
    if (!(raw instanceof Sheet) || !this.sheets.includes(raw)) throw new Error('Invalid argument: sheet');
    if (this.sheets.length === 1) throw new Error("You can't remove all the sheets in a document.");
    this.sheets.splice(this.sheets.indexOf(raw), 1);
    if (this.active === raw) this.active = this.sheets[0];
  }

  getRange(a1Notation: string): GoogleAppsScript.Spreadsheet.Range {
    const text = String(a1Notation);
    const bang = text.lastIndexOf('!');
    const sheet =
      bang < 0
        ? this.active
        : this.findSheet(
            text
              .slice(0, bang)
              .replace(/^'(.*)'$/, '$1')
              .replace(/''/g, "'"),
          );
    if (!sheet) throw new Error('Range not found');
    return sheet.getRange(bang < 0 ? text : text.slice(bang + 1));
  }

  getSpreadsheetTimeZone(): string {
    return this.timeZone;
  }

  setSpreadsheetTimeZone(timezone: string): void {
    this.timeZone = String(timezone);
  }

  getSpreadsheetLocale(): string {
    return 'en_US';
  }

  toast(msg: string, title?: string, timeoutSeconds?: number): void {
    this.emulation.toasts.push({
      message: String(msg),
      title: title === undefined ? '' : String(title),
      timeoutSeconds: timeoutSeconds ?? 5,
      at: this.core.now,
    });
  }
}

class Menu {
  readonly record: MenuRecord;

  constructor(
    private readonly emulation: SpreadsheetEmulation,
    caption: string,
  ) {
    this.record = { caption, items: [] };
  }

  addItem(caption: string, functionName: string): Menu {
    this.record.items.push({ caption: String(caption), functionName: String(functionName) });
    return this;
  }

  addSeparator(): Menu {
    this.record.items.push({ separator: true });
    return this;
  }

  addSubMenu(menu: unknown): Menu {
    const raw = unwrap(menu);
    if (!(raw instanceof Menu)) throw new Error('Invalid argument: menu');
    this.record.items.push({ subMenu: raw.record });
    return this;
  }

  addToUi(): void {
    const menus = this.emulation.menus;
    const existing = menus.findIndex((m) => m.caption === this.record.caption);
    if (existing >= 0) menus.splice(existing, 1, this.record);
    else menus.push(this.record);
  }
}

export class SpreadsheetEmulation {
  readonly spreadsheet: Spreadsheet;
  readonly toasts: Toast[] = [];
  readonly menus: MenuRecord[] = [];
  readonly dialogs: DialogRecord[] = [];
  readonly writeCache: WriteCache;

  constructor(
    private readonly core: RuntimeCore,
    options: { name?: string } = {},
  ) {
    this.spreadsheet = new Spreadsheet(core, SPREADSHEET_ID, options.name ?? 'Appointments (sandbox)', this);
    this.writeCache = new WriteCache(core, () => this.spreadsheet.sheets as unknown as CachedSheet[]);
    core.beforeCall = (_className, method, target) => {
      if (!WRITING_METHOD.test(method)) return;
      const sheet = target instanceof Sheet ? target : target instanceof Range ? target._owner : null;
      if (sheet) this.writeCache.beforeWrite(sheet as unknown as CachedSheet, method === 'appendRow');
    };
  }

  /** A sheet's data-range values ([] when empty), or undefined when there is no such sheet (uncounted). */
  sheetValues(name: string): unknown[][] | undefined {
    return this.spreadsheet.findSheet(name)?.values();
  }

  sheetNames(): string[] {
    return this.spreadsheet.sheets.map((s) => s.name);
  }

  /** Test setup: writes rows from A1 (creating the sheet), with the same coercion as setValues. */
  writeSheet(name: string, rows: unknown[][]): void {
    const sheet = this.spreadsheet.findSheet(name) ?? this.spreadsheet.addSheet(name);
    rows.forEach((line, i) => {
      if (i + 1 > sheet.maxRows) sheet.maxRows = i + 1;
      if (line.length > sheet.maxColumns) sheet.maxColumns = line.length;
      line.forEach((value, j) => {
        sheet.write(i + 1, j + 1, value);
      });
    });
  }

  private ui(): unknown {
    const dialog = (kind: DialogRecord['kind']) => (output: unknown, title?: string) => {
      const html = describeHtmlOutput(output);
      if (!html) throw new Error('Invalid argument: userInterface');
      // showSidebar takes the title from the output; the dialogs take it as their second argument.
      // https://developers.google.com/apps-script/reference/base/ui#showsidebaruserinterface
      // https://developers.google.com/apps-script/reference/base/ui#showmodaldialoguserinterface,-title
      const sidebar = kind === 'sidebar';
      this.dialogs.push({
        kind,
        title: sidebar || title === undefined ? html.title : String(title),
        content: html.content,
        width: sidebar ? SIDEBAR_WIDTH : html.width,
        height: html.height,
        at: this.core.now,
      });
    };
    const ui = {
      createMenu: (caption: string) => expose(this.core, new Menu(this, String(caption)), 'Menu'),
      createAddonMenu: (): never => notEmulated('Ui.createAddonMenu'),
      showSidebar: dialog('sidebar'),
      showModalDialog: dialog('modal'),
      showModelessDialog: dialog('modeless'),
      alert: (): never => notEmulated('Ui.alert (it waits for a person to click)'),
      prompt: (): never => notEmulated('Ui.prompt (it waits for a person to type)'),
    };
    return expose(this.core, ui, 'Ui');
  }

  service(): GoogleAppsScript.Spreadsheet.SpreadsheetApp {
    const ss = this.spreadsheet;
    const open = (id: string) => {
      if (id !== ss.id) throw new Error(`Unexpected error while getting the method or property openById on object SpreadsheetApp.`);
      return ss.proxy;
    };
    const service = {
      getActiveSpreadsheet: () => ss.proxy,
      getActive: () => ss.proxy,
      getActiveSheet: () => ss.active.proxy,
      openById: (id: string) => open(String(id)),
      openByUrl: (url: string) => {
        const m = /\/spreadsheets\/d\/([^/]+)/.exec(String(url));
        if (!m || m[1] !== ss.id)
          throw new Error('Unexpected error while getting the method or property openByUrl on object SpreadsheetApp.');
        return ss.proxy;
      },
      flush: () => this.writeCache.flush(),
      getUi: () => this.ui(),
    };
    return expose(this.core, service, 'SpreadsheetApp') as unknown as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  }
}
