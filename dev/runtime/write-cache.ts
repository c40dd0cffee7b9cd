// The spreadsheet's write cache: an execution's writes reach other executions only at flush() or when it ends.
//
// Google: "Spreadsheet operations are sometimes bundled together to improve performance … flush()
// applies all pending Spreadsheet changes" (https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app#flush),
// and Lock.releaseLock: "if you are using a lock around a spreadsheet, call SpreadsheetApp.flush() before
// releasing the lock" (https://developers.google.com/apps-script/reference/lock/lock#releaseLock()).
// Model: the writer reads its own writes; an execution interleaved while it is suspended sees the
// committed state. Sheet.appendRow is atomic ("This operation is atomic; it prevents issues where a
// user asks for the last row, and then writes to that row, and an intervening mutation occurs",
// https://developers.google.com/apps-script/reference/spreadsheet/sheet#appendRow(Object)): rows an
// interleaved execution appended land after the suspended writer's rows, never over them.
// Known simplification: sheets are created and deleted at once (no cache for insertSheet/deleteSheet).
import type { RuntimeCore } from './core';

export interface CacheCell {
  v: unknown;
  f?: string;
  s?: Record<string, unknown>;
}

/** What the write cache needs of a sheet: its cells and dimensions. */
export interface CachedSheet {
  rows: (CacheCell | undefined)[][];
  maxRows: number;
  maxColumns: number;
  frozenRows: number;
  frozenColumns: number;
  lastRow(): number;
}

interface SheetImage {
  rows: (CacheCell | undefined)[][];
  maxRows: number;
  maxColumns: number;
  frozenRows: number;
  frozenColumns: number;
}

interface Frame {
  /** Sheets written since the last commit, with their committed image from before the first write. */
  touched: Map<CachedSheet, SheetImage>;
  /** Rows this execution appended with appendRow, by position in its own view. */
  appended: Map<CachedSheet, number[]>;
  /** While suspended: its own view of the sheets it had written. */
  stash: Map<CachedSheet, SheetImage>;
  /** When it began on top of another execution: every sheet as committed then. */
  base: Map<CachedSheet, SheetImage> | null;
}

function cloneRows(rows: (CacheCell | undefined)[][]): (CacheCell | undefined)[][] {
  return rows.map((cells) =>
    cells ? cells.map((cell) => (cell ? { v: cell.v, f: cell.f, s: cell.s ? { ...cell.s } : undefined } : undefined)) : cells,
  );
}

function image(sheet: CachedSheet): SheetImage {
  return {
    rows: cloneRows(sheet.rows),
    maxRows: sheet.maxRows,
    maxColumns: sheet.maxColumns,
    frozenRows: sheet.frozenRows,
    frozenColumns: sheet.frozenColumns,
  };
}

function restore(sheet: CachedSheet, from: SheetImage): void {
  sheet.rows = cloneRows(from.rows);
  sheet.maxRows = from.maxRows;
  sheet.maxColumns = from.maxColumns;
  sheet.frozenRows = from.frozenRows;
  sheet.frozenColumns = from.frozenColumns;
}

function cellAt(rows: (CacheCell | undefined)[][], r: number, c: number): CacheCell | undefined {
  return rows[r]?.[c];
}

function valueKey(cell: CacheCell | undefined): string {
  if (!cell) return '';
  const v = cell.v;
  const text = Object.prototype.toString.call(v) === '[object Date]' ? `D${(v as Date).getTime()}` : `${typeof v}:${String(v)}`;
  return `${text}|${cell.f ?? ''}|${cell.s ? JSON.stringify(cell.s) : ''}`;
}

function lastRowOf(rows: (CacheCell | undefined)[][]): number {
  for (let i = rows.length - 1; i >= 0; i -= 1) {
    if (rows[i]?.some((cell) => cell !== undefined && cell.v !== '')) return i + 1;
  }
  return 0;
}

export class WriteCache {
  private readonly frames = new Map<number, Frame>();

  constructor(
    private readonly core: RuntimeCore,
    private readonly sheets: () => CachedSheet[],
  ) {
    core.executionListeners.push({
      begin: (execution, outer) => this.begin(execution, outer),
      end: (execution, outer) => this.end(execution, outer),
    });
  }

  private frame(execution: number): Frame {
    let frame = this.frames.get(execution);
    if (!frame) {
      frame = { touched: new Map(), appended: new Map(), stash: new Map(), base: null };
      this.frames.set(execution, frame);
    }
    return frame;
  }

  /** Code outside any execution the sandbox started (the sandbox's own setup) writes through at once. */
  private get inExecution(): boolean {
    return this.core.executions.length > 1;
  }

  /** Called before a script call writes `sheet`; `append` for appendRow. */
  beforeWrite(sheet: CachedSheet, append: boolean): void {
    if (!this.inExecution) return;
    const frame = this.frame(this.core.execution);
    if (!frame.touched.has(sheet)) frame.touched.set(sheet, image(sheet));
    if (append) {
      const rows = frame.appended.get(sheet) ?? [];
      rows.push(sheet.lastRow() + 1);
      frame.appended.set(sheet, rows);
    }
  }

  /** SpreadsheetApp.flush(): the current execution's writes become visible to the others. */
  flush(): void {
    if (!this.inExecution) return;
    const frame = this.frames.get(this.core.execution);
    frame?.touched.clear();
  }

  /** Writes pending in the current execution (for tests). */
  pendingSheets(): number {
    return this.frames.get(this.core.execution)?.touched.size ?? 0;
  }

  private begin(execution: number, outer: number | null): void {
    const frame = this.frame(execution);
    if (outer === null) return;
    const suspended = this.frame(outer);
    for (const [sheet, committed] of suspended.touched) {
      suspended.stash.set(sheet, image(sheet));
      restore(sheet, committed);
    }
    frame.base = new Map(this.sheets().map((sheet) => [sheet, image(sheet)]));
  }

  private end(execution: number, outer: number | null): void {
    const frame = this.frames.get(execution);
    this.frames.delete(execution);
    if (!frame || outer === null) return;
    const resumed = this.frames.get(outer);
    if (!resumed) return;
    for (const [sheet, ownView] of resumed.stash) {
      const committed = image(sheet);
      const before = frame.base?.get(sheet) ?? committed;
      const ownBase = resumed.touched.get(sheet) ?? before;
      const merged = { ...ownView, rows: cloneRows(ownView.rows) };
      const appendedRows = new Set((frame.appended.get(sheet) ?? []).map((row) => row - 1));
      // Cells the interleaved execution changed in place, where the resumed one did not write.
      const height = Math.max(before.rows.length, committed.rows.length);
      for (let r = 0; r < height; r++) {
        if (appendedRows.has(r)) continue;
        const width = Math.max(before.rows[r]?.length ?? 0, committed.rows[r]?.length ?? 0);
        for (let c = 0; c < width; c++) {
          if (valueKey(cellAt(before.rows, r, c)) === valueKey(cellAt(committed.rows, r, c))) continue;
          if (valueKey(cellAt(ownBase.rows, r, c)) !== valueKey(cellAt(ownView.rows, r, c))) continue;
          merged.rows[r] ??= [];
          const cells = merged.rows[r];
          const cell = cellAt(committed.rows, r, c);
          cells[c] = cell ? { ...cell } : undefined;
        }
      }
      // Rows it appended go after the resumed execution's own rows (appendRow is atomic).
      for (const r of [...appendedRows].sort((a, b) => a - b)) {
        const at = lastRowOf(merged.rows);
        merged.rows[at] = cloneRows([committed.rows[r] ?? []])[0];
      }
      merged.maxRows = Math.max(merged.maxRows, committed.maxRows, lastRowOf(merged.rows));
      merged.maxColumns = Math.max(merged.maxColumns, committed.maxColumns);
      restore(sheet, merged);
      resumed.touched.set(sheet, committed);
    }
    resumed.stash.clear();
  }
}
