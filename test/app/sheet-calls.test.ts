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

function total(calls: Record<string, number>): number {
  return Object.values(calls).reduce((sum, n) => sum + n, 0);
}

describe('spreadsheet calls', () => {
  it('a sync that announces one new appointment: 9 calls (id, sheet titles, ledger, opt-outs, languages, ledger re-read and write, log append)', () => {
    const sandbox = newSandbox();
    addEvent(sandbox, { location: '+4915123456700', start: TOMORROW_11 + 5 * HOUR });
    sandbox.runtime.core.resetCalls();
    addEvent(sandbox, { location: PHONE, start: TOMORROW_11 });
    expect(ledger(sandbox)).toHaveLength(2);
    expect(sheetCalls(sandbox)).toEqual({
      'SpreadsheetApp.getActiveSpreadsheet': 1,
      'Spreadsheet.getId': 1,
      // Titles, Appointments, OptOuts, the attendee's own language choice (Languages), and the ledger
      // again at the save, which merges by key so a row changed meanwhile is never written back stale.
      'Sheets.Spreadsheets.get': 5,
      'Sheets.Spreadsheets.Values.batchUpdate': 1,
      'Sheets.Spreadsheets.Values.append': 1,
    });
  });

  it('a page booking, its sync and the trigger echo: 14 calls in all (the answer reads the host wording)', () => {
    const sandbox = newSandbox();
    const slots = ok<Array<{ start: string }>>(sandbox.run('listBookingSlots', []));
    sandbox.runtime.core.resetCalls();
    ok(sandbox.run('bookAppointment', [{ name: 'Ada', phone: PHONE, start: slots[0].start }]));
    expect(total(sheetCalls(sandbox))).toBe(14);
    expect(sheetCalls(sandbox)['Sheets.Spreadsheets.get']).toBe(8);
  });

  it('a reschedule and a cancel from the link: 15 calls each, including the sync, the echo and the answer in the attendee language', () => {
    const sandbox = newSandbox();
    addEvent(sandbox, { location: PHONE, start: TOMORROW_11 });
    const token = ledger(sandbox)[0].token;
    const slots = ok<Array<{ start: string }>>(sandbox.run('listSlots', [token]));
    sandbox.runtime.core.resetCalls();
    ok(sandbox.run('rescheduleAppointment', [token, slots[3].start]));
    expect(total(sheetCalls(sandbox))).toBe(15);
    sandbox.runtime.core.resetCalls();
    ok(sandbox.run('cancelAppointment', [token]));
    expect(total(sheetCalls(sandbox))).toBe(15);
  });

  it('a quiet tick reads the ledger once and writes nothing', () => {
    const sandbox = newSandbox();
    addEvent(sandbox, { location: PHONE, start: TOMORROW_11 + 48 * HOUR });
    // Delivered, so the tick has no status to ask Twilio for.
    sandbox.messageStatus(sandbox.twilio.messages()[0].sid, 'delivered');
    sandbox.runtime.core.resetCalls();
    sandbox.advance(10 * 60_000);
    expect(sheetCalls(sandbox)).toEqual({ 'SpreadsheetApp.getActiveSpreadsheet': 1, 'Spreadsheet.getId': 1, 'Sheets.Spreadsheets.get': 1 });
  });
});
