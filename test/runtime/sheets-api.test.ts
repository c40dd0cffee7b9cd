// The Sheets advanced service fake: RAW writes keep text as text, reads leave out trailing blanks, the grid limits hold.
import { AppsScriptRuntime } from '../../dev/runtime/index';
import { GRID_AND_VALUES, SHEET_TITLES, TITLED_GRID_AND_VALUES } from '../../dev/runtime/sheets-api';

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

  it('refuses to append a row wider than the grid (INSERT_ROWS adds rows, not columns); reads past it are empty', () => {
    const { runtime, values, id } = fresh();
    const options = { valueInputOption: 'RAW', insertDataOption: 'INSERT_ROWS' };
    const wide = Array.from({ length: 27 }, (_, i) => `c${i + 1}`);
    expect(() => values.append({ values: [wide] }, id, "'Log'!A1:AA", options)).toThrow(
      "API call to sheets.spreadsheets.values.append failed with error: Range ('Log'!AA2) exceeds grid limits. Max rows: 1000, max columns: 26",
    );
    expect(runtime.spreadsheet.spreadsheet.findSheet('Log')?.maxRows).toBe(1000);
    values.append({ values: [wide.slice(0, 26)] }, id, "'Log'!A1:AA", options);
    expect(values.get(id, "'Log'!A2:AA").values).toEqual([wide.slice(0, 26)]);
    expect(() => values.batchUpdate({ valueInputOption: 'RAW', data: [{ range: "'Log'!A2:AA2", values: [wide] }] }, id)).toThrow(
      'exceeds grid limits. Max rows: 1001, max columns: 26',
    );
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
          properties: { gridProperties: { rowCount: 1000, columnCount: 26 } },
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

describe('Sheets.Spreadsheets.get of several ranges', () => {
  it('answers each named sheet once, in the spreadsheet order, with its title, id, grid and one GridData per range', () => {
    const { runtime, spreadsheets, id } = fresh();
    runtime.spreadsheet.writeSheet('Other', [['h'], ['o1']]);
    const logId = runtime.spreadsheet.spreadsheet.findSheet('Log')?.sheetId;
    const otherId = runtime.spreadsheet.spreadsheet.findSheet('Other')?.sheetId;
    const answer = spreadsheets.get(id, { ranges: ["'Other'!A2:A", "'Log'!A1:A1"], fields: TITLED_GRID_AND_VALUES });
    expect(answer).toEqual({
      sheets: [
        {
          properties: { title: 'Log', sheetId: logId, gridProperties: { rowCount: 1000, columnCount: 26 } },
          data: [{ rowData: [{ values: [{ formattedValue: 'time' }] }] }],
        },
        {
          properties: { title: 'Other', sheetId: otherId, gridProperties: { rowCount: 1000, columnCount: 26 } },
          data: [{ rowData: [{ values: [{ formattedValue: 'o1' }] }] }],
        },
      ],
    });
    expect(runtime.core.calls['Sheets.Spreadsheets.get']).toBe(1);
  });

  it('fails the whole call when one range names a missing sheet, as the API does', () => {
    const { spreadsheets, id } = fresh();
    expect(() => spreadsheets.get(id, { ranges: ["'Log'!A2:C", "'Gone'!A2:C"], fields: TITLED_GRID_AND_VALUES })).toThrow(
      "Unable to parse range: 'Gone'!A2:C",
    );
    expect(() => spreadsheets.get(id, { ranges: ["'Log'!A2:C", "'Log'!A1:A1"], fields: GRID_AND_VALUES })).toThrow('not emulated');
  });
});

describe('Sheets.Spreadsheets.batchUpdate', () => {
  function withRows() {
    const context = fresh();
    context.runtime.spreadsheet.writeSheet('Log', [
      ['time', 'phone', 'text'],
      ['r2', 'a', 'x'],
      ['r3', 'b', 'y'],
      ['r4', 'c', 'z'],
    ]);
    const sheet = context.runtime.spreadsheet.spreadsheet.findSheet('Log');
    return { ...context, sheetId: sheet?.sheetId as number, sheet };
  }
  const cells = (...texts: string[]) => ({ values: texts.map((text) => (text === '' ? {} : { userEnteredValue: { stringValue: text } })) });

  it('applies updateCells, appendCells and deleteDimension in order, in one call', () => {
    const { runtime, spreadsheets, id, sheetId, sheet } = withRows();
    const rowsBefore = sheet?.maxRows as number;
    spreadsheets.batchUpdate(
      {
        requests: [
          {
            updateCells: {
              start: { sheetId, rowIndex: 2, columnIndex: 0 },
              rows: [cells('r3', '+4915123456789', '')],
              fields: 'userEnteredValue',
            },
          },
          { appendCells: { sheetId, rows: [cells('r5', 'd', '=SUM(1)')], fields: 'userEnteredValue' } },
          { deleteDimension: { range: { sheetId, dimension: 'ROWS', startIndex: 1, endIndex: 2 } } },
        ],
      },
      id,
    );
    expect(runtime.spreadsheet.sheetValues('Log')).toEqual([
      ['time', 'phone', 'text'],
      ['r3', '+4915123456789', ''],
      ['r4', 'c', 'z'],
      ['r5', 'd', '=SUM(1)'],
    ]);
    expect(sheet?.maxRows).toBe(rowsBefore - 1);
    expect(runtime.core.calls['Sheets.Spreadsheets.batchUpdate']).toBe(1);
  });

  it('appendDimension adds columns at the end, keeping every cell; appendCells and updateCells past the columns are refused', () => {
    const { runtime, spreadsheets, id, sheetId, sheet } = withRows();
    const wide = Array.from({ length: 27 }, (_, i) => `w${i + 1}`);
    expect(() =>
      spreadsheets.batchUpdate({ requests: [{ appendCells: { sheetId, rows: [cells(...wide)], fields: 'userEnteredValue' } }] }, id),
    ).toThrow('exceeds grid limits. Max columns: 26');
    expect(() =>
      spreadsheets.batchUpdate(
        {
          requests: [
            { appendDimension: { sheetId, dimension: 'COLUMNS', length: 1 } },
            { updateCells: { start: { sheetId, rowIndex: 0, columnIndex: 27 }, rows: [cells('far')], fields: 'userEnteredValue' } },
          ],
        },
        id,
      ),
    ).toThrow('exceeds grid limits');
    // The refused call changed nothing, not even the grid's width.
    expect(sheet?.maxColumns).toBe(26);
    spreadsheets.batchUpdate(
      {
        requests: [
          { appendDimension: { sheetId, dimension: 'COLUMNS', length: 1 } },
          { updateCells: { start: { sheetId, rowIndex: 0, columnIndex: 26 }, rows: [cells('extra')], fields: 'userEnteredValue' } },
          { appendCells: { sheetId, rows: [cells(...wide)], fields: 'userEnteredValue' } },
        ],
      },
      id,
    );
    expect(sheet?.maxColumns).toBe(27);
    const values = runtime.spreadsheet.sheetValues('Log') as string[][];
    expect(values[0].slice(0, 3)).toEqual(['time', 'phone', 'text']);
    expect(values[0][26]).toBe('extra');
    expect(values[1].slice(0, 3)).toEqual(['r2', 'a', 'x']);
    expect(values[4]).toEqual(wide);
    expect(
      spreadsheets.get(id, { ranges: ["'Log'!A1:A1"], fields: TITLED_GRID_AND_VALUES }).sheets?.[0].properties?.gridProperties,
    ).toEqual({
      rowCount: 1000,
      columnCount: 27,
    });
    expect(() => spreadsheets.batchUpdate({ requests: [{ appendDimension: { sheetId, dimension: 'COLUMNS', length: 0 } }] }, id)).toThrow(
      'appendDimension.length must be at least 1',
    );
  });

  it('appendCells grows a full grid; a refused request leaves every sheet as it was', () => {
    const { runtime, spreadsheets, id, sheetId, sheet } = withRows();
    if (sheet) sheet.maxRows = 4;
    spreadsheets.batchUpdate({ requests: [{ appendCells: { sheetId, rows: [cells('r5')], fields: 'userEnteredValue' } }] }, id);
    expect(sheet?.maxRows).toBe(5);
    const before = runtime.spreadsheet.sheetValues('Log');
    expect(() =>
      spreadsheets.batchUpdate(
        {
          requests: [
            { appendCells: { sheetId, rows: [cells('r6')], fields: 'userEnteredValue' } },
            { updateCells: { start: { sheetId, rowIndex: 10, columnIndex: 0 }, rows: [cells('far')], fields: 'userEnteredValue' } },
          ],
        },
        id,
      ),
    ).toThrow('exceeds grid limits');
    expect(runtime.spreadsheet.sheetValues('Log')).toEqual(before);
    expect(sheet?.maxRows).toBe(5);
    expect(() =>
      spreadsheets.batchUpdate({ requests: [{ appendCells: { sheetId: 4242, rows: [], fields: 'userEnteredValue' } }] }, id),
    ).toThrow('No grid with id: 4242');
    expect(() => spreadsheets.batchUpdate({ requests: [{ repeatCell: {} }] }, id)).toThrow('not emulated');
  });
});
