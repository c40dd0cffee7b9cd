// The event's language in its ledger row: a deleted event's cancel, a retry, a reminder and a series keep the `Language:` line (an occurrence's own line too), and an old 26-column sheet gains the column without taking one the host added.
import { SANDBOX_PRODUCTION_SENDER, type Sandbox } from '../../dev/sandbox';
import { addEvent, bodies, HOUR, ledger, MINUTE, newSandbox, ok, outbound, START } from '../support/sandbox';

/** A US number: by its country it would be written to in English, so German can only come from the event. */
const US = '+12125550123';
const TOMORROW_11 = START + 26 * HOUR; // Tuesday 6 January 2026, 11:00 Berlin

/** The Appointments sheet as a sheet made before the language column: 26 columns, header A–Z, rows without AA. */
function asOldSheet(sandbox: Sandbox): void {
  const sheet = sandbox.runtime.spreadsheet.spreadsheet.findSheet('Appointments');
  if (!sheet) throw new Error('setup makes the Appointments sheet');
  for (const cells of sheet.rows) if (cells) cells.length = Math.min(cells.length, 26);
  sheet.maxColumns = 26;
}

/** A weekly series of six with `Language: de` on its description. */
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

describe("the event's language kept in its row", () => {
  it('is stored in column AA when the sync sees the event, and changes with its Language: line', () => {
    const sandbox = newSandbox();
    const event = addEvent(sandbox, { summary: 'Kontrolle', location: US, description: 'Bring card\nLanguage: DE', start: TOMORROW_11 });
    const header = (sandbox.sheet('Appointments') as string[][])[0];
    expect(header.length).toBe(27);
    expect(header[26]).toBe('language');
    expect(ledger(sandbox)[0].language).toBe('de');
    expect(bodies(sandbox)[0]).toMatch(
      /^Ihr Termin „Kontrolle“ bei Alex Morgan ist gebucht für Dienstag, 6\. Januar 2026, 11:00–11:30 MEZ/,
    );
    // The line edited alone sends nothing and updates the row.
    sandbox.patchEvent(event.id, { description: 'Bring card\nLanguage: pt-BR' });
    expect(ledger(sandbox)[0].language).toBe('pt');
    sandbox.patchEvent(event.id, { description: 'Bring card' });
    expect(ledger(sandbox)[0].language).toBe('');
    expect(bodies(sandbox)).toHaveLength(1);
  });

  it('a deleted event with Language: de is cancelled in German, although the deleted event comes back without its description', () => {
    const sandbox = newSandbox();
    const event = addEvent(sandbox, { summary: 'Kontrolle', location: US, description: 'Language: de', start: TOMORROW_11 });
    sandbox.cancelEvent(event.id);
    expect(bodies(sandbox)).toHaveLength(2);
    expect(bodies(sandbox)[1]).toMatch(
      /^Ihr Termin „Kontrolle“ bei Alex Morgan am Dienstag, 6\. Januar 2026, 11:00–11:30 MEZ \(UTC\+1\) ist abgesagt\./,
    );
    expect(ledger(sandbox)[0]).toMatchObject({ state: 'cancelled', language: 'de', pending: '' });
  });

  it('a send that failed is retried by the tick in German, with no calendar call for the language', () => {
    const sandbox = newSandbox();
    sandbox.twilio.injectFault({ httpStatus: 503, count: 3 });
    addEvent(sandbox, { summary: 'Kontrolle', location: US, description: 'Language: de', start: TOMORROW_11 });
    expect(bodies(sandbox)).toHaveLength(0);
    expect(ledger(sandbox)[0]).toMatchObject({ delivery: 'retrying', pending: 'scheduled', language: 'de' });
    sandbox.runtime.core.resetCalls();
    sandbox.advance(10 * MINUTE);
    expect(bodies(sandbox)).toHaveLength(1);
    expect(bodies(sandbox)[0]).toMatch(/^Ihr Termin „Kontrolle“ bei Alex Morgan ist gebucht für Dienstag, 6\. Januar 2026/);
    // The tick's own sync list only: the event did not change, so no execution of this run read it.
    expect(sandbox.runtime.core.calls['Calendar.Events.list']).toBe(1);
    expect(sandbox.runtime.core.calls['Calendar.Events.get'] ?? 0).toBe(0);
  });

  it('a reminder from the tick is in German, without a calendar list of its own', () => {
    const sandbox = newSandbox();
    addEvent(sandbox, { summary: 'Kontrolle', location: US, description: 'Language: de', start: TOMORROW_11 });
    for (const message of sandbox.twilio.messages()) sandbox.messageStatus(message.sid, 'delivered');
    sandbox.setClock(TOMORROW_11 - 24 * HOUR - 5 * MINUTE);
    sandbox.runtime.core.resetCalls();
    sandbox.advance(10 * MINUTE);
    expect(bodies(sandbox).at(-1)).toMatch(
      /^Erinnerung: Ihr Termin „Kontrolle“ bei Alex Morgan ist am Dienstag, 6\. Januar 2026, 11:00–11:30 MEZ/,
    );
    expect(sandbox.runtime.core.calls['Calendar.Events.list']).toBe(1);
    expect(sandbox.runtime.core.calls['Calendar.Events.get'] ?? 0).toBe(0);
    // One request, the reminder (a lone request goes out with fetch).
    expect(sandbox.runtime.core.calls['UrlFetchApp.fetch']).toBe(1);
  });

  it("the attendee's own choice still comes first", () => {
    const sandbox = newSandbox();
    sandbox.inbound({ from: US, body: 'idioma español' });
    const event = addEvent(sandbox, { summary: 'Revisión', location: US, description: 'Language: de', start: TOMORROW_11 });
    sandbox.cancelEvent(event.id);
    expect(bodies(sandbox).at(-1)).toMatch(/^Su cita "Revisión" con Alex Morgan/);
    expect(ledger(sandbox)[0].language).toBe('de');
  });
});

describe('a series with a Language: line', () => {
  it('is announced, reminded per occurrence and cancelled when deleted, all in German', () => {
    const sandbox = newSandbox();
    const created = weekly(sandbox);
    expect(bodies(sandbox)[0]).toMatch(/^Ihre Termine „Therapie“ bei Alex Morgan sind gebucht: /);
    expect(ledger(sandbox).map((row) => row.language)).toEqual(Array(ledger(sandbox).length).fill('de'));
    expect(ledger(sandbox).length).toBe(6);
    sandbox.setClock(Date.parse('2026-01-06T07:05:00Z'));
    expect(bodies(sandbox).at(-1)).toMatch(
      /^Erinnerung: Ihr Termin „Therapie“ bei Alex Morgan ist am Dienstag, 6\. Januar 2026, 10:00–10:50 MEZ/,
    );
    // An occurrence cancelled on its own beyond the horizon keeps the series' language too.
    sandbox.cancelEvent(`${created.id}_20260210T090000Z`);
    expect(bodies(sandbox).at(-1)).toMatch(
      /^Ihr Termin „Therapie“ bei Alex Morgan am Dienstag, 10\. Februar 2026, 10:00–10:50 MEZ \(UTC\+1\) ist abgesagt\./,
    );
    sandbox.cancelEvent(created.id);
    expect(bodies(sandbox).at(-1)).toMatch(/^Ihre Termine „Therapie“ bei Alex Morgan \(.*\) sind abgesagt\./);
  });
});

describe('an Appointments sheet made before the language column', () => {
  it('reads its 26 columns and gains column AA, header included, in the sync write itself', () => {
    const sandbox = newSandbox();
    const event = addEvent(sandbox, { summary: 'Kontrolle', location: US, description: 'Language: de', start: TOMORROW_11 });
    addEvent(sandbox, { summary: 'Other', location: '+4915123456789', start: TOMORROW_11 + 3 * HOUR });
    asOldSheet(sandbox);
    const before = ledger(sandbox);
    expect(Object.keys(before[0])).toHaveLength(26);
    sandbox.runtime.core.resetCalls();
    sandbox.patchEvent(event.id, {
      start: { dateTime: new Date(TOMORROW_11 + HOUR).toISOString() },
      end: { dateTime: new Date(TOMORROW_11 + HOUR + 30 * MINUTE).toISOString() },
    });
    expect(bodies(sandbox).at(-1)).toMatch(/^Ihr Termin „Kontrolle“ bei Alex Morgan wurde verschoben/);
    const sheet = sandbox.runtime.spreadsheet.spreadsheet.findSheet('Appointments');
    expect(sheet?.maxColumns).toBe(27);
    const after = ledger(sandbox);
    expect(Object.keys(after[0])).toHaveLength(27);
    expect(after[0].language).toBe('de');
    // The other row is as it was, every cell kept.
    expect(after[1]).toEqual({ ...before[1], language: '' });
    expect(after[0]).toMatchObject({ key: before[0].key, token: before[0].token, phone: US, announcedKind: 'rescheduled' });
    // The widening went into the sync's one write (the calendar trigger, then its echo of the colour write).
    expect(sandbox.runtime.core.calls['Sheets.Spreadsheets.batchUpdate']).toBe(1);
    expect(sandbox.runtime.core.calls['Sheets.Spreadsheets.Values.batchUpdate'] ?? 0).toBe(0);
  });

  it('lists every upcoming event once after the upgrade, so an event unchanged since then has its reminder in its language', () => {
    const sandbox = newSandbox();
    addEvent(sandbox, { summary: 'Kontrolle', location: US, description: 'Language: de', start: TOMORROW_11 });
    for (const message of sandbox.twilio.messages()) sandbox.messageStatus(message.sid, 'delivered');
    // A tick takes in the green and its echo: nothing has changed in the calendar since.
    sandbox.advance(10 * MINUTE);
    asOldSheet(sandbox);
    expect(ledger(sandbox)[0].language).toBeUndefined();
    sandbox.runtime.core.resetCalls();
    // The first sync after the upgrade (the tick): the event did not change, yet its row learns German.
    sandbox.advance(10 * MINUTE);
    expect(ledger(sandbox)[0].language).toBe('de');
    expect(bodies(sandbox)).toHaveLength(1);
    sandbox.setClock(TOMORROW_11 - 24 * HOUR - 5 * MINUTE);
    sandbox.advance(10 * MINUTE);
    expect(bodies(sandbox).at(-1)).toMatch(/^Erinnerung: Ihr Termin „Kontrolle“ bei Alex Morgan ist am Dienstag, 6\. Januar 2026/);
  });

  it('an Archive sheet of 26 columns is widened when rows are archived to it', () => {
    const sandbox = newSandbox();
    addEvent(sandbox, { summary: 'Kontrolle', location: US, description: 'Language: de', start: TOMORROW_11 });
    const header = (sandbox.sheet('Appointments') as string[][])[0];
    sandbox.runtime.spreadsheet.writeSheet('Archive', [header.slice(0, 26), ['old-row', 'e0']]);
    sandbox.setClock(TOMORROW_11 + 15 * 24 * HOUR);
    const archive = sandbox.sheet('Archive') as string[][];
    expect(archive[0]).toEqual(header);
    expect(archive[1].slice(0, 2)).toEqual(['old-row', 'e0']);
    expect(archive[2][26]).toBe('de');
    expect(ledger(sandbox)).toHaveLength(0);
  });
});

describe('template mode', () => {
  /** A production sender in template mode with every template approved; the number's country would pick English. */
  function live(): Sandbox {
    const sandbox = newSandbox({ settings: { WHATSAPP_FROM: SANDBOX_PRODUCTION_SENDER, LANGUAGE_BY_COUNTRY: 'on' } });
    ok(sandbox.run('createWhatsAppTemplates', [], { caller: 'owner' }));
    for (const item of sandbox.twilio.content.all()) sandbox.twilio.content.setApproval(item.resource.sid, 'approved');
    sandbox.mergeSettings({ MESSAGE_MODE: 'template' });
    ok(sandbox.run('checkHealth', [], { caller: 'owner' }));
    return sandbox;
  }
  const sids = (sandbox: Sandbox): Record<string, Record<string, string>> => JSON.parse(sandbox.settings().TEMPLATE_SIDS);
  const variables = (message: { request: Record<string, string> }) => JSON.parse(message.request.ContentVariables ?? '{}');

  it("uses the event's language, kept in its row, for the reminder from the tick and the cancel of the deleted event", () => {
    const sandbox = live();
    const event = addEvent(sandbox, { summary: 'Kontrolle', location: US, description: 'Language: de', start: TOMORROW_11 });
    expect(outbound(sandbox)[0].request.ContentSid).toBe(sids(sandbox).scheduled.de);
    sandbox.setClock(TOMORROW_11 - 24 * HOUR + 5 * MINUTE);
    const reminder = outbound(sandbox).at(-1) as { request: Record<string, string> };
    expect(reminder.request.ContentSid).toBe(sids(sandbox).reminder.de);
    expect(variables(reminder)['3']).toBe('Dienstag, 6. Januar 2026, 11:00–11:30 MEZ (UTC+1)');
    sandbox.cancelEvent(event.id);
    const cancel = outbound(sandbox).at(-1) as { request: Record<string, string> };
    expect(cancel.request.ContentSid).toBe(sids(sandbox).cancelled.de);
    expect(variables(cancel)['3']).toBe('Dienstag, 6. Januar 2026, 11:00–11:30 MEZ (UTC+1)');
  });
});

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
