// The latency model prices each counted call by its kind, and refuses a call it has no figure for.
import { COST_MS, costOfCall, executionMs } from '../../bench/latency-model';

describe('latency model', () => {
  it.each([
    ['Calendar.Events.list', 340],
    ['Sheets.Spreadsheets.get', 340],
    ['SpreadsheetApp.getActiveSpreadsheet', 50],
    ['Properties.getProperties', 30],
    ['Properties.setProperties', 62],
    ['Cache.get', 3],
    ['Cache.put', 93],
    ['Lock.tryLock', 93],
    ['UrlFetchApp.fetchAll', 300],
    ['ScriptApp.getScriptId', 30],
    ['ScriptApp.getProjectTriggers', 30],
    ['Session.getScriptTimeZone', 30],
    ['MailApp.getRemainingDailyQuota', 30],
    ['PropertiesService.getScriptProperties', 0],
    ['Utilities.computeHmacSha256Signature', 0],
  ])('%s costs %i ms', (name, ms) => {
    expect(costOfCall(name)).toBe(ms);
  });

  it.each(['MailApp.sendEmail', 'DriveApp.getFiles', 'ScriptApp.newTrigger'])('has no silent price for %s', (name) => {
    expect(() => costOfCall(name)).toThrow(`the latency model has no cost for ${name}`);
  });

  it('adds the execution start to the calls', () => {
    expect(executionMs({ 'Calendar.Events.list': 1, 'UrlFetchApp.fetch': 2 })).toBe(COST_MS.executionStart + 340 + 600);
  });
});
