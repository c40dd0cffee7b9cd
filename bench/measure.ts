// Small measuring helpers for the benchmarks: medians of wall time and counted Apps Script calls.
import { performance } from 'node:perf_hooks';

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export function timeMs(work: () => void): number {
  const start = performance.now();
  work();
  return performance.now() - start;
}

export function round(value: number, digits = 2): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** Sums counted calls whose name starts with a prefix (e.g. 'Calendar.'). */
export function sumCalls(calls: Record<string, number>, prefix: string): number {
  return Object.entries(calls)
    .filter(([name]) => name.startsWith(prefix))
    .reduce((sum, [, n]) => sum + n, 0);
}

export function sheetWrites(calls: Record<string, number>): number {
  return (
    (calls['Range.setValues'] ?? 0) +
    (calls['Sheet.appendRow'] ?? 0) +
    (calls['Range.setValue'] ?? 0) +
    (calls['Sheets.Spreadsheets.Values.batchUpdate'] ?? 0) +
    // The ledger's save: appended and updated rows in one spreadsheets.batchUpdate (src/gas/sheets.ts).
    (calls['Sheets.Spreadsheets.batchUpdate'] ?? 0) +
    (calls['Sheets.Spreadsheets.Values.append'] ?? 0)
  );
}

export function sheetCalls(calls: Record<string, number>): number {
  return (
    sumCalls(calls, 'Range.') +
    sumCalls(calls, 'Sheet.') +
    sumCalls(calls, 'Spreadsheet.') +
    sumCalls(calls, 'SpreadsheetApp.') +
    sumCalls(calls, 'Sheets.')
  );
}
