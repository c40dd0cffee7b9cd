// SpreadsheetApp emulation: Sheets' cell semantics, dimension errors, rows, sheets and the sandbox view.
import { NotEmulatedError } from '../../dev/runtime/index';
import { setup } from './helpers';

function fresh() {
  const { runtime, g } = setup({ spreadsheetName: 'Ledger' });
  const ss = g.SpreadsheetApp.getActiveSpreadsheet();
  return { runtime, g, ss, sheet: ss.insertSheet('Appointments') };
}

describe('SpreadsheetApp', () => {
  it('opens the bound spreadsheet by id and refuses others', () => {
    const { g, ss } = fresh();
    expect(ss.getId()).toBe('sandbox-spreadsheet');
    expect(ss.getName()).toBe('Ledger');
    expect(g.SpreadsheetApp.openById('sandbox-spreadsheet').getId()).toBe('sandbox-spreadsheet');
    expect(() => g.SpreadsheetApp.openById('other')).toThrow();
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Sheet1', 'Appointments']);
    expect(ss.getSheetByName('Nope')).toBeNull();
    expect(ss.getSheetByName('Appointments')).toBe(ss.getSheetByName('Appointments'));
  });

  it("refuses a duplicate sheet name with Sheets' message", () => {
    const { ss } = fresh();
    expect(() => ss.insertSheet('Appointments')).toThrow('A sheet with the name "Appointments" already exists. Please enter another name.');
    const extra = ss.insertSheet('Archive', 0);
    expect(ss.getSheets()[0].getName()).toBe('Archive');
    ss.deleteSheet(extra);
    expect(ss.getSheetByName('Archive')).toBeNull();
  });

  it('reads empty cells as "" and keeps numbers, booleans and dates typed', () => {
    const { sheet } = fresh();
    const when = new Date(Date.UTC(2026, 0, 5, 9, 30));
    sheet.getRange(2, 1, 1, 4).setValues([[12, true, when, null]]);
    const values = sheet.getRange('A1:E2').getValues();
    expect(values[0]).toEqual(['', '', '', '', '']);
    expect(values[1][0]).toBe(12);
    expect(values[1][1]).toBe(true);
    expect(values[1][2]).toBeInstanceOf(Date);
    expect((values[1][2] as Date).getTime()).toBe(when.getTime());
    expect(values[1][2]).not.toBe(when);
    expect(values[1][3]).toBe('');
  });

  it('turns number-like strings into numbers unless the cell is plain text (@)', () => {
    const { sheet } = fresh();
    sheet.getRange('A1:E1').setValues([['+4915123456789', '0049151', '12', '1e3', 'TRUE']]);
    expect(sheet.getRange('A1:E1').getValues()).toEqual([[4915123456789, 49151, 12, 1000, true]]);
    sheet
      .getRange('A2:E2')
      .setNumberFormat('@')
      .setValues([['+4915123456789', '0049151', '12', '1e3', 'TRUE']]);
    expect(sheet.getRange('A2:E2').getValues()).toEqual([['+4915123456789', '0049151', '12', '1e3', 'TRUE']]);
    sheet.getRange('A3').setValue("'0049151");
    expect(sheet.getRange('A3').getValue()).toBe('0049151');
    sheet.getRange('B3').setValue('+49 151 2345');
    expect(sheet.getRange('B3').getValue()).toBe('+49 151 2345');
  });

  it('parses date-like strings in the spreadsheet time zone', () => {
    const { sheet } = fresh();
    sheet.getRange('A1').setValue('2026-01-05 09:30');
    expect((sheet.getRange('A1').getValue() as Date).toISOString()).toBe('2026-01-05T08:30:00.000Z');
    sheet.getRange('A2').setValue('2026-01-05T09:30:00Z');
    expect(sheet.getRange('A2').getValue()).toBe('2026-01-05T09:30:00Z');
  });

  it('refuses formulas as not emulated', () => {
    const { sheet } = fresh();
    expect(() => sheet.getRange('A1').setValue('=1+1')).toThrow(NotEmulatedError);
    sheet.getRange('A2').setNumberFormat('@').setValue('=1+1');
    expect(sheet.getRange('A2').getValue()).toBe('=1+1');
  });

  it("throws Sheets' messages when the data does not fit the range", () => {
    const { sheet } = fresh();
    expect(() => sheet.getRange(1, 1, 2, 2).setValues([[1, 2]])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
    expect(() => sheet.getRange(1, 1, 1, 2).setValues([[1, 2, 3]])).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 3 but the range has 2.',
    );
    expect(() => sheet.getRange(0, 1)).toThrow('The starting row of the range is too small.');
    expect(() => sheet.getRange(1001, 1)).toThrow('The coordinates of the range are outside the dimensions of the sheet.');
    expect(sheet.getRange(1, 1).getValue()).toBe('');
  });

  it('appends rows after the last row with content and deletes rows', () => {
    const { runtime, sheet } = fresh();
    expect(sheet.getLastRow()).toBe(0);
    sheet.appendRow(['id', 'phone', 'state']);
    sheet.appendRow(['e1', '+4915123456789', 'sent']);
    sheet.appendRow(['e2', '+4917000000000', 'pending']);
    expect(sheet.getLastRow()).toBe(3);
    expect(sheet.getLastColumn()).toBe(3);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1:C3');
    sheet.deleteRow(2);
    expect(runtime.spreadsheet.sheetValues('Appointments')).toEqual([
      ['id', 'phone', 'state'],
      ['e2', 4917000000000, 'pending'],
    ]);
    expect(sheet.getMaxRows()).toBe(999);
    sheet.insertRowsAfter(1, 2);
    expect(sheet.getRange('A4').getValue()).toBe('e2');
    sheet.deleteRows(2, 2);
    expect(sheet.getLastRow()).toBe(2);
    expect(runtime.spreadsheet.sheetValues('Missing')).toBeUndefined();
    expect(runtime.core.calls['Sheet.appendRow']).toBe(3);
  });

  it('has 26 columns in a new sheet: a range past them fails until insertColumnsAfter adds some, moving cells right', () => {
    const { sheet } = fresh();
    expect(sheet.getMaxColumns()).toBe(26);
    expect(() => sheet.getRange(1, 1, 1, 27)).toThrow('The coordinates of the range are outside the dimensions of the sheet.');
    sheet.getRange('A1:C1').setValues([['a', 'b', 'c']]);
    sheet.insertColumnsAfter(1, 2);
    expect(sheet.getMaxColumns()).toBe(28);
    expect(sheet.getRange('A1:E1').getValues()).toEqual([['a', '', '', 'b', 'c']]);
    sheet.getRange(1, 28).setValue('last');
    expect(sheet.getRange(1, 28).getValue()).toBe('last');
    expect(() => sheet.insertColumnsAfter(29, 1)).toThrow('Those columns are out of bounds.');
    expect(() => sheet.insertColumnsAfter(1, 0)).toThrow('Invalid argument: howMany');
  });

  it('supports A1 notation, display values, formatting and frozen rows', () => {
    const { g, sheet } = fresh();
    sheet.getRange('B2:C3').setValues([
      [1.5, false],
      [new Date(Date.UTC(2026, 0, 5, 8, 0)), 'x'],
    ]);
    const range = sheet.getRange('B2:C3');
    expect([range.getRow(), range.getColumn(), range.getNumRows(), range.getNumColumns()]).toEqual([2, 2, 2, 2]);
    expect(range.getDisplayValues()).toEqual([
      ['1.5', 'FALSE'],
      ['1/5/2026 9:00:00', 'x'],
    ]);
    range.setFontWeight('bold').setBackground('#eeeeee').setFontColor('#333333').setWrap(true);
    sheet.setFrozenRows(1);
    expect(sheet.getFrozenRows()).toBe(1);
    sheet.hideSheet().setTabColor('#00ff00').autoResizeColumns(1, 3).setColumnWidth(1, 200);
    expect(g.SpreadsheetApp.getActiveSpreadsheet().getRange('Appointments!C3').getValue()).toBe('x');
    expect(sheet.getRange('B:B').getNumRows()).toBe(1000);
    sheet.clearContents();
    expect(sheet.getLastRow()).toBe(0);
  });

  it('counts Range.getValues, Range.setValues and SpreadsheetApp.getActiveSpreadsheet', () => {
    const { runtime, g } = setup();
    const sheet = g.SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
    sheet.getRange(1, 1, 1, 2).setValues([[1, 2]]);
    sheet.getDataRange().getValues();
    expect(runtime.core.calls).toMatchObject({
      'SpreadsheetApp.getActiveSpreadsheet': 1,
      'Spreadsheet.getSheets': 1,
      'Sheet.getRange': 1,
      'Sheet.getDataRange': 1,
      'Range.setValues': 1,
      'Range.getValues': 1,
    });
  });

  it('records toasts and menus', () => {
    const { runtime, g, ss } = fresh();
    ss.toast('Saved', 'Settings');
    g.SpreadsheetApp.getUi().createMenu('WhatsApp').addItem('Settings', 'showSettings_').addSeparator().addToUi();
    expect(runtime.spreadsheet.toasts[0]).toMatchObject({ message: 'Saved', title: 'Settings' });
    expect(runtime.spreadsheet.menus).toEqual([
      { caption: 'WhatsApp', items: [{ caption: 'Settings', functionName: 'showSettings_' }, { separator: true }] },
    ]);
  });
});
