// The fakes as strict as Google: fetchAll all-or-nothing, the spreadsheet's write cache, interleaved executions, the cache's item cap.
import { setup } from './helpers';

describe('UrlFetchApp.fetchAll', () => {
  it('sends every request, then throws without any response when one fails at the network level', () => {
    const seen: string[] = [];
    const { g } = setup({
      http: (request) => {
        seen.push(request.url);
        if (request.url.endsWith('/2')) throw new Error(`Timeout: ${request.url}`);
        return { status: 201, body: '{}' };
      },
    });
    expect(() => g.UrlFetchApp.fetchAll(['https://example.com/1', 'https://example.com/2', 'https://example.com/3'])).toThrow(
      'Timeout: https://example.com/2',
    );
    expect(seen).toEqual(['https://example.com/1', 'https://example.com/2', 'https://example.com/3']);
  });

  it('sends the requests before the quota ran out, then throws the quota error', () => {
    const seen: string[] = [];
    const { runtime, g } = setup({
      quotas: { urlFetchCalls: 2 },
      http: (request) => {
        seen.push(request.url);
        return { status: 200, body: '' };
      },
    });
    expect(() => g.UrlFetchApp.fetchAll(['https://example.com/1', 'https://example.com/2', 'https://example.com/3'])).toThrow(
      'Service invoked too many times for one day: urlfetch.',
    );
    expect(seen).toEqual(['https://example.com/1', 'https://example.com/2']);
    expect(runtime.core.quotaUsed.urlFetchCalls).toBe(2);
  });
});

describe('interleaved executions and the write cache', () => {
  function sheetWithRow(g: ReturnType<typeof setup>['g']) {
    const sheet = g.SpreadsheetApp.getActiveSpreadsheet().insertSheet('Ledger');
    sheet.getRange(1, 1, 1, 2).setValues([['key', 'state']]);
    return sheet;
  }

  it('hides an execution’s writes from an interleaved one until flush()', () => {
    const { runtime, g } = setup();
    runtime.beginExecution();
    const sheet = sheetWithRow(g);
    sheet.getRange(2, 1, 1, 2).setValues([['a', 'old']]);
    g.SpreadsheetApp.flush();
    sheet.getRange(2, 2).setValue('new');
    expect(sheet.getRange(2, 2).getValue()).toBe('new'); // the writer reads its own write
    let seen: unknown = null;
    runtime.beginExecution();
    seen = g.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Ledger')?.getRange(2, 2).getValue();
    runtime.endExecution();
    expect(seen).toBe('old');
    g.SpreadsheetApp.flush();
    runtime.beginExecution();
    seen = g.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Ledger')?.getRange(2, 2).getValue();
    runtime.endExecution();
    expect(seen).toBe('new');
    runtime.endExecution();
  });

  it('commits at the end of an execution, and keeps both sides of an interleaved appendRow', () => {
    const { runtime, g } = setup();
    runtime.beginExecution();
    const sheet = sheetWithRow(g);
    g.SpreadsheetApp.flush();
    sheet.appendRow(['mine', '1']);
    runtime.beginExecution();
    g.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Ledger')?.appendRow(['theirs', '2']);
    runtime.endExecution();
    expect(sheet.getRange(1, 1, sheet.getLastRow(), 1).getValues().flat()).toEqual(['key', 'mine', 'theirs']);
    runtime.endExecution();
    expect(runtime.spreadsheet.sheetValues('Ledger')?.map((row) => row[0])).toEqual(['key', 'mine', 'theirs']);
  });

  it('keeps a suspended execution’s lock from an interleaved one', () => {
    const { runtime, g } = setup();
    runtime.beginExecution();
    expect(g.LockService.getScriptLock().tryLock(1000)).toBe(true);
    runtime.beginExecution();
    const before = runtime.core.now;
    expect(g.LockService.getScriptLock().tryLock(8000)).toBe(false);
    expect(runtime.core.now).toBe(before + 8000);
    runtime.endExecution();
    runtime.endExecution();
    runtime.beginExecution();
    expect(g.LockService.getScriptLock().tryLock(0)).toBe(true);
  });

  it('runs an interleaved action right after the named call returns', () => {
    const { runtime, g } = setup();
    const order: string[] = [];
    runtime.core.interleave('CacheService.getScriptCache', () => order.push('interleaved'));
    g.CacheService.getScriptCache();
    order.push('after');
    g.CacheService.getScriptCache();
    expect(order).toEqual(['interleaved', 'after']);
  });
});

describe('CacheService item cap', () => {
  it('keeps the 900 items farthest from expiry once more than 1,000 are written', () => {
    const { g } = setup();
    const cache = g.CacheService.getScriptCache();
    for (let i = 0; i < 1001; i++) cache.put(`k${i}`, 'v', 60 + i);
    expect(cache.get('k0')).toBeNull();
    expect(cache.get('k100')).toBeNull();
    expect(cache.get('k101')).toBe('v');
    expect(cache.get('k1000')).toBe('v');
    expect(Object.keys(cache.getAll(Array.from({ length: 1001 }, (_, i) => `k${i}`)))).toHaveLength(900);
  });
});
