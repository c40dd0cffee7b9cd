// Attacks on the ledger's language column (AA) through the bundle: an old sheet whose column AA the host had taken, series exceptions with a Language: of their own.
import type { Sandbox } from '../../dev/sandbox';
import { addEvent, HOUR, ledger, MINUTE, newSandbox, outbound, START } from '../support/sandbox';

/** A US number: by its country it would be written to in English, so German can only come from the event. */
const US = '+12125550123';
const TOMORROW_11 = START + 26 * HOUR; // Tuesday 6 January 2026, 11:00 Berlin

const bodies = (sandbox: Sandbox) => outbound(sandbox).map((message) => message.body);

function appointments(sandbox: Sandbox) {
  const sheet = sandbox.runtime.spreadsheet.spreadsheet.findSheet('Appointments');
  if (!sheet) throw new Error('setup makes the Appointments sheet');
  return sheet;
}

/**
 * The Appointments sheet as made before the language column (26 columns A–Z), where the host then
 * added a column of their own at AA ("Notes") and wrote in it.
 */
function asOldSheetWithHostColumn(sandbox: Sandbox): void {
  const sheet = appointments(sandbox);
  for (const cells of sheet.rows) if (cells) cells.length = Math.min(cells.length, 26);
  sheet.maxColumns = 27;
  sheet.write(1, 27, 'Notes');
  sheet.write(2, 27, 'call before');
}

describe('an old Appointments sheet whose column AA is the host’s own', () => {
  it('keeps the host’s column and its notes; the language gets a column of its own', () => {
    const sandbox = newSandbox();
    const event = addEvent(sandbox, { summary: 'Kontrolle', location: US, description: 'Language: de', start: TOMORROW_11 });
    asOldSheetWithHostColumn(sandbox);
    sandbox.patchEvent(event.id, {
      start: { dateTime: new Date(TOMORROW_11 + HOUR).toISOString() },
      end: { dateTime: new Date(TOMORROW_11 + HOUR + 30 * MINUTE).toISOString() },
    });
    expect(bodies(sandbox).at(-1)).toMatch(/^Ihr Termin „Kontrolle“ bei Alex Morgan wurde verschoben/);
    const values = sandbox.sheet('Appointments') as string[][];
    expect(values[0].slice(25)).toEqual(['series', 'language', 'Notes']);
    expect(values[1].slice(26)).toEqual(['de', 'call before']);
    expect(ledger(sandbox)[0].language).toBe('de');
  });
});
