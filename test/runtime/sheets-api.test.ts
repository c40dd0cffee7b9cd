// The Sheets advanced service fake: RAW writes keep text as text, reads leave out trailing blanks, the grid limits hold.
import { AppsScriptRuntime } from '../../dev/runtime/index';
import { GRID_AND_VALUES, SHEET_TITLES } from '../../dev/runtime/sheets-api';

function fresh() {
  const runtime = new AppsScriptRuntime({ webAppUrl: 'http://127.0.0.1:8787/exec' });
  const sheets = runtime.globals().Sheets as GoogleAppsScript.Sheets;
  const id = 'sandbox-spreadsheet';
  runtime.spreadsheet.writeSheet('Log', [['time', 'phone', 'text']]);
  return { runtime, values: sheets.Spreadsheets.Values, spreadsheets: sheets.Spreadsheets, id };
}

describe('Sheets.Spreadsheets.Values', () => {
  it('stores RAW strings as given: a phone number stays text, a formula stays text', () => {
    const { runtime, values, id } = fresh();
    values.append({ values: [['t1', '+4915123456789', '=HYPERLINK("x")']] }, id, "'Log'!A1:C", {
      valueInputOption: 'RAW',
      insertDataOption: 'INSERT_ROWS',
    });
    expect(runtime.spreadsheet.sheetValues('Log')).toEqual([
      ['time', 'phone', 'text'],
      ['t1', '+4915123456789', '=HYPERLINK("x")'],
    ]);
    expect(runtime.core.calls['Sheets.Spreadsheets.Values.append']).toBe(1);
  });

  it('appends after the last row with content and grows the grid by the rows appended', () => {
    const { runtime, values, id } = fresh();
    const options = { valueInputOption: 'RAW', insertDataOption: 'INSERT_ROWS' };
    values.append({ values: [['a'], ['b']] }, id, "'Log'!A1:C", options);
    values.append({ values: [['c']] }, id, "'Log'!A1:C", options);
    expect(runtime.spreadsheet.sheetValues('Log')?.map((row) => row[0])).toEqual(['time', 'a', 'b', 'c']);
    expect(runtime.spreadsheet.spreadsheet.findSheet('Log')?.maxRows).toBe(1003);
  });

  it('reads a range without trailing empty cells or rows, and omits values when there are none', () => {
    const { values, id } = fresh();
    expect(values.get(id, "'Log'!A2:C")).toEqual({ range: "'Log'!A2:C", majorDimension: 'ROWS' });
    values.batchUpdate(
      {
        valueInputOption: 'RAW',
        data: [
          {
            range: "'Log'!A2:C3",
            values: [
              ['x', '', ''],
              ['y', 'z', ''],
            ],
          },
        ],
      },
      id,
    );
    expect(values.get(id, "'Log'!A2:C").values).toEqual([['x'], ['y', 'z']]);
  });

  it('refuses an unknown sheet, a write past the grid and input options other than RAW', () => {
    const { values, id } = fresh();
    expect(() => values.get(id, "'Nope'!A2:C")).toThrow(
      "API call to sheets.spreadsheets.values.get failed with error: Unable to parse range: 'Nope'!A2:C",
    );
    expect(() =>
      values.batchUpdate({ valueInputOption: 'RAW', data: [{ range: "'Log'!A1000:A1001", values: [['a'], ['b']] }] }, id),
    ).toThrow('exceeds grid limits. Max rows: 1000');
    expect(() => values.batchUpdate({ valueInputOption: 'USER_ENTERED', data: [] }, id)).toThrow('not emulated');
    expect(() => values.get('other', "'Log'!A1")).toThrow('Requested entity was not found.');
  });
});

describe('Sheets.Spreadsheets.get', () => {
  it('answers the grid rows and the cells of one range with the project field mask', () => {
    const { spreadsheets, values, id } = fresh();
    values.batchUpdate(
      {
        valueInputOption: 'RAW',
        data: [
          {
            range: "'Log'!A2:C3",
            values: [
              ['x', '', 'q'],
              ['', '', ''],
            ],
          },
        ],
      },
      id,
    );
    expect(spreadsheets.get(id, { ranges: ["'Log'!A2:C"], fields: GRID_AND_VALUES })).toEqual({
      sheets: [
        {
          properties: { gridProperties: { rowCount: 1000 } },
          data: [{ rowData: [{ values: [{ formattedValue: 'x' }, {}, { formattedValue: 'q' }] }] }],
        },
      ],
    });
    expect(() => spreadsheets.get(id)).toThrow('not emulated');
  });
});

describe('Sheets.Spreadsheets.get titles', () => {
  it('lists every sheet title with the titles mask', () => {
    const { spreadsheets, id } = fresh();
    expect(spreadsheets.get(id, { fields: SHEET_TITLES })).toEqual({
      sheets: [{ properties: { title: 'Sheet1' } }, { properties: { title: 'Log' } }],
    });
  });
});
