// The runtime as the sandbox uses it: globals inside a bare node:vm context, with the script's own Date and arrays.
import vm from 'node:vm';
import { AppsScriptRuntime } from '../../dev/runtime/index';

describe('runtime in a node:vm context', () => {
  it("accepts the script realm's Dates and arrays and hands Dates back in that realm", () => {
    const runtime = new AppsScriptRuntime({ http: () => ({ status: 200, body: 'pong' }) });
    const context = vm.createContext({ ...runtime.globals() });
    runtime.setScriptDate(vm.runInContext('Date', context) as DateConstructor);
    const result = vm.runInContext(
      `(() => {
        const sheet = SpreadsheetApp.getActiveSpreadsheet().insertSheet('Log');
        const when = new Date(Date.UTC(2026, 0, 5, 9, 0));
        sheet.appendRow([when, '+4915123456789', 'ok']);
        const row = sheet.getDataRange().getValues()[0];
        const lock = LockService.getScriptLock();
        let error = '';
        try { lock.waitLock(10); lock.releaseLock(); UrlFetchApp.fetch('ftp://x'); } catch (e) { error = e.message; }
        return {
          isDate: row[0] instanceof Date,
          time: row[0].getTime(),
          phone: row[1],
          formatted: Utilities.formatDate(when, 'Europe/Berlin', 'yyyy-MM-dd HH:mm'),
          body: UrlFetchApp.fetch('https://example.com').getContentText(),
          error,
        };
      })()`,
      context,
    );
    expect(result).toEqual({
      isDate: true,
      time: Date.UTC(2026, 0, 5, 9, 0),
      phone: 4915123456789,
      formatted: '2026-01-05 10:00',
      body: 'pong',
      error: 'Invalid argument: ftp://x',
    });
    expect(runtime.spreadsheet.sheetValues('Log')?.[0][2]).toBe('ok');
  });
});
