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

describe('a series whose occurrence says a Language: of its own', () => {
  function weekly(sandbox: Sandbox): { id: string } {
    const [created] = sandbox.insertEvents([
      {
        summary: 'Therapie',
        location: US,
        description: 'Language: de',
        start: { dateTime: '2026-01-06T10:00:00+01:00', timeZone: 'Europe/Berlin' },
        end: { dateTime: '2026-01-06T10:50:00+01:00', timeZone: 'Europe/Berlin' },
        recurrence: ['RRULE:FREQ=WEEKLY;BYDAY=TU;COUNT=6'],
      },
    ]);
    return created as { id: string };
  }

  it('keeps the occurrence in its language when the series changes, for its reminder and its cancel', () => {
    const sandbox = newSandbox();
    const created = weekly(sandbox);
    const second = `${created.id}_20260113T090000Z`;
    sandbox.patchEvent(second, { description: 'Language: fr' });
    const rowOf = (eventId: string) => ledger(sandbox).find((row) => row.eventId === eventId);
    expect(rowOf(second)?.language).toBe('fr');
    // The series' own line changes: its other occurrences follow, the one with its own line does not.
    sandbox.patchEvent(created.id, { description: 'Language: es' });
    expect(rowOf(second)?.language).toBe('fr');
    expect(rowOf(`${created.id}_20260120T090000Z`)?.language).toBe('es');
    sandbox.setClock(Date.parse('2026-01-13T07:05:00Z'));
    expect(bodies(sandbox).at(-1)).toMatch(
      /^Rappel : votre rendez-vous « Therapie » avec Alex Morgan a lieu le mardi 13 janvier 2026, 10:00–10:50 CET \(UTC\+1\)\./,
    );
    sandbox.cancelEvent(second);
    expect(bodies(sandbox).at(-1)).toMatch(
      /^Votre rendez-vous « Therapie » avec Alex Morgan du mardi 13 janvier 2026, 10:00–10:50 CET \(UTC\+1\) est annulé\./,
    );
  });
});
