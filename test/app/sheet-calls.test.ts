// Spreadsheet calls per use case, through the real bundle: each sheet read once and written once per execution.
import type { Sandbox } from '../../dev/sandbox';
import { addEvent, HOUR, ledger, newSandbox, ok, START } from '../support/sandbox';

const PHONE = '+4915123456789';
const TOMORROW_11 = START + 26 * HOUR;

/** Every SpreadsheetApp and Sheets API call since the last reset. */
function sheetCalls(sandbox: Sandbox): Record<string, number> {
  return Object.fromEntries(
    Object.entries(sandbox.runtime.core.calls).filter(([name]) => /^(Sheets|SpreadsheetApp|Spreadsheet|Sheet|Range)\./.test(name)),
  );
}

/** Each execution's own calls from now on (sheet calls plus Twilio requests), with who ran it. */
function perExecution(sandbox: Sandbox): Array<{ caller: string; calls: Record<string, number> }> {
  const runs: Array<{ caller: string; calls: Record<string, number> }> = [];
  const runtime = sandbox.runtime;
  runtime.core.resetCalls();
  const end = runtime.endExecution.bind(runtime);
  runtime.endExecution = () => {
    const calls = sheetCalls(sandbox);
    if (runtime.core.calls['UrlFetchApp.fetch']) calls['UrlFetchApp.fetch'] = runtime.core.calls['UrlFetchApp.fetch'];
    runs.push({ caller: String(runtime.core.caller), calls });
    runtime.core.resetCalls();
    end();
  };
  return runs;
}

function total(calls: Record<string, number>): number {
  return Object.entries(calls).reduce((sum, [name, n]) => (name.startsWith('UrlFetchApp.') ? sum : sum + n), 0);
}

describe('spreadsheet calls', () => {
  it('a sync that announces one new appointment: 2 calls (one read of five sheets, one write of ledger and log)', () => {
    const sandbox = newSandbox();
    addEvent(sandbox, { location: '+4915123456700', start: TOMORROW_11 + 5 * HOUR });
    sandbox.runtime.core.resetCalls();
    addEvent(sandbox, { location: PHONE, start: TOMORROW_11 });
    expect(ledger(sandbox)).toHaveLength(2);
    // The spreadsheet's id comes from the script properties (stored by setup's sync), checked against the script's id.
    expect(sandbox.runtime.core.calls['ScriptApp.getScriptId']).toBe(1);
    expect(sheetCalls(sandbox)).toEqual({
      // Appointments, OptOuts, Languages and Texts, and the Messages sheet's id, in one call.
      'Sheets.Spreadsheets.get': 1,
      // The new row appended and the log line appended, in one call.
      'Sheets.Spreadsheets.batchUpdate': 1,
    });
  });

  it('a page booking answers without the sync (1 call); the calendar trigger it fires syncs and announces (2 calls)', () => {
    const sandbox = newSandbox();
    const slots = ok<Array<{ start: string }>>(sandbox.run('listBookingSlots', []));
    const runs = perExecution(sandbox);
    ok(sandbox.run('bookAppointment', [{ name: 'Ada', phone: PHONE, start: slots[0].start }]));
    // The page: one read of the open bookings of the number (ledger) with the wording (Texts).
    expect(runs.map((run) => [run.caller, total(run.calls)])).toEqual([
      ['anonymous', 1],
      ['owner', 2],
    ]);
    expect(runs[0].calls['Sheets.Spreadsheets.batchUpdate']).toBeUndefined();
    expect(sandbox.twilio.messages()).toHaveLength(1);
  });

  it('a reschedule and a cancel from the link answer without the sync (1 call each: the attendee language comes with the ledger); the calendar trigger announces (2)', () => {
    const sandbox = newSandbox();
    addEvent(sandbox, { location: PHONE, start: TOMORROW_11 });
    const token = ledger(sandbox)[0].token;
    const slots = ok<Array<{ start: string }>>(sandbox.run('listSlots', [token]));
    let runs = perExecution(sandbox);
    ok(sandbox.run('rescheduleAppointment', [token, slots[3].start]));
    expect(runs.map((run) => [run.caller, total(run.calls)])).toEqual([
      ['anonymous', 1],
      ['owner', 2],
    ]);
    runs = perExecution(sandbox);
    ok(sandbox.run('cancelAppointment', [token]));
    expect(runs.map((run) => [run.caller, total(run.calls)])).toEqual([
      ['anonymous', 1],
      ['owner', 2],
    ]);
    // The first announcement, the move and the cancellation.
    expect(sandbox.twilio.messages()).toHaveLength(3);
  });

  it('a page with no calendar trigger on record syncs itself, so the booking is announced all the same', () => {
    const sandbox = newSandbox();
    sandbox.mergeSettings({ TRIGGER_IDS: '' });
    const slots = ok<Array<{ start: string }>>(sandbox.run('listBookingSlots', []));
    const runs = perExecution(sandbox);
    ok(sandbox.run('bookAppointment', [{ name: 'Ada', phone: PHONE, start: slots[0].start }]));
    expect(runs[0].caller).toBe('anonymous');
    expect(runs[0].calls['Sheets.Spreadsheets.batchUpdate']).toBe(1);
    expect(runs[0].calls['UrlFetchApp.fetch']).toBe(1);
    expect(sandbox.twilio.messages()).toHaveLength(1);
  });

  it('a host who deleted the Texts and Messages sheets: the read asks the titles and reads the rest; the log sheet is made again', () => {
    const sandbox = newSandbox();
    const book = sandbox.runtime.spreadsheet.spreadsheet;
    for (const name of ['Texts', 'Messages']) book.deleteSheet(book.findSheet(name));
    sandbox.runtime.core.resetCalls();
    addEvent(sandbox, { location: PHONE, start: TOMORROW_11 });
    expect(sandbox.twilio.messages()).toHaveLength(1);
    expect(ledger(sandbox)).toHaveLength(1);
    const calls = sheetCalls(sandbox);
    // The read that failed, the titles, the read of the sheets that exist, the ledger again for the merge.
    expect(calls['Sheets.Spreadsheets.get']).toBe(4);
    expect(sandbox.sheet('Messages')?.length).toBeGreaterThan(1);
  });

  it('rows the run did not change are not written: a hand edit in another row stays', () => {
    const sandbox = newSandbox();
    addEvent(sandbox, { location: '+4915123456700', start: TOMORROW_11 + 5 * HOUR });
    const book = sandbox.runtime.spreadsheet.spreadsheet;
    const sheet = book.findSheet('Appointments');
    const titleColumn = (sandbox.sheet('Appointments') as string[][])[0].indexOf('title') + 1;
    sheet?.write(2, titleColumn, 'typed by the host');
    addEvent(sandbox, { location: PHONE, start: TOMORROW_11 });
    const rows = ledger(sandbox);
    expect(rows.map((row) => row.title)).toEqual(['typed by the host', 'Consultation']);
  });

  it('a quiet tick reads the ledger once and writes nothing', () => {
    const sandbox = newSandbox();
    addEvent(sandbox, { location: PHONE, start: TOMORROW_11 + 48 * HOUR });
    // Delivered, so the tick has no status to ask Twilio for.
    sandbox.messageStatus(sandbox.twilio.messages()[0].sid, 'delivered');
    sandbox.runtime.core.resetCalls();
    sandbox.advance(10 * 60_000);
    expect(sheetCalls(sandbox)).toEqual({ 'Sheets.Spreadsheets.get': 1 });
  });

  it("a spreadsheet id stored by another script (a copy's properties) is not used: the id is asked for and stored again", () => {
    const sandbox = newSandbox();
    const ownRecord = sandbox.settings().SPREADSHEET_ID;
    const spreadsheetId = sandbox.runtime.spreadsheet.spreadsheet.getId();
    expect(ownRecord).toBe(`sandbox-script-id ${spreadsheetId}`);
    sandbox.mergeSettings({ SPREADSHEET_ID: 'the-original-script the-original-spreadsheet' });
    sandbox.runtime.core.resetCalls();
    addEvent(sandbox, { location: PHONE, start: TOMORROW_11 });
    expect(ledger(sandbox)).toHaveLength(1);
    expect(sheetCalls(sandbox)).toMatchObject({ 'SpreadsheetApp.getActiveSpreadsheet': 1, 'Spreadsheet.getId': 1 });
    expect(sandbox.settings().SPREADSHEET_ID).toBe(ownRecord);
    sandbox.runtime.core.resetCalls();
    addEvent(sandbox, { location: '+4915123456700', start: TOMORROW_11 + HOUR });
    expect(sheetCalls(sandbox)['SpreadsheetApp.getActiveSpreadsheet']).toBeUndefined();
  });
});
