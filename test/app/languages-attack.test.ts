// Sandbox attacks on languages: greetings that look like codes, the Languages sheet as hosts type it, event lines.
import { addEvent, bodiesTo, chat, HOUR, ledger, newSandbox, ok, outbound, sheetRows, START } from '../support/sandbox';
import type { Sandbox } from '../../dev/sandbox';

const ADA = '+4915123456789';
const TOMORROW_11 = START + 26 * HOUR; // Tuesday 6 January 2026, 11:00 Berlin

describe('greetings', () => {
  it('"Hi" gets the list and stores no choice of Hindi', () => {
    const sandbox = newSandbox();
    addEvent(sandbox, { summary: 'Checkup', location: ADA, start: TOMORROW_11 });
    expect(chat(sandbox, ADA, 'Hi')).toMatch(/^Your appointment with Alex Morgan in the next 30 days:/);
    expect(sheetRows(sandbox, 'Languages')).toEqual([]);
    expect(ledger(sandbox)[0].state).toBe('active');
  });
});

describe('the Languages sheet as hosts type it', () => {
  function typeRow(sandbox: Sandbox, phone: string, language: string): void {
    const sheet = sandbox.runtime.spreadsheet.service().getActiveSpreadsheet().getSheetByName('Languages');
    if (!sheet) throw new Error('setup makes the Languages sheet');
    sheet.appendRow([phone, language, 'host', '']);
  }

  it.each([
    ['0049 151 23456789', 'nl'],
    ['+49 151 2345 6789', 'nl'],
    ['whatsapp:+4915123456789', 'nl'],
    ['+49 (151) 23456789', 'NL'],
    ['4915123456789', 'nl-BE'],
    ['+4915123456789', 'Nederlands'],
    ['+4915123456789', 'Dutch'],
    ['+4915123456789', ' nl '],
  ])('%j with %j writes in Dutch', (phone, language) => {
    const sandbox = newSandbox();
    typeRow(sandbox, phone, language);
    addEvent(sandbox, { summary: 'Controle', location: ADA, start: TOMORROW_11 });
    expect(bodiesTo(sandbox, ADA)[0]).toMatch(/^Uw afspraak "Controle" met Alex Morgan staat gepland op dinsdag 6 januari 2026/);
  });

  it.each(['', 'klingon', 'xx-YY'])('a language cell %j leaves the next level in force', (language) => {
    const sandbox = newSandbox({ settings: { LANGUAGE: 'fr' } });
    typeRow(sandbox, ADA, language);
    addEvent(sandbox, { summary: 'A', location: ADA, start: TOMORROW_11 });
    expect(bodiesTo(sandbox, ADA)[0]).toMatch(/^Votre rendez-vous « A » avec Alex Morgan/);
  });

  it('a chat choice replaces the row the host typed in another form of the same number', () => {
    const sandbox = newSandbox();
    typeRow(sandbox, '0049 151 23456789', 'nl');
    chat(sandbox, ADA, 'idioma español');
    expect(sheetRows(sandbox, 'Languages').map((row) => row.slice(0, 3))).toEqual([[ADA, 'es', 'WhatsApp']]);
  });
});

describe("the event's Language: line", () => {
  it("is read in a description written in Google Calendar's editor (HTML)", () => {
    const US = '+12125550123';
    const sandbox = newSandbox({ settings: { LANGUAGE_BY_COUNTRY: 'on', LANGUAGE: 'fr' } });
    addEvent(sandbox, { summary: 'Kontrolle', location: US, description: 'Bring card<br><b>Language:</b> de<br>', start: TOMORROW_11 });
    expect(bodiesTo(sandbox, US)[0]).toMatch(/^Ihr Termin „Kontrolle“ bei Alex Morgan ist gebucht für Dienstag, 6\. Januar 2026/);
  });
});

describe('an own wording too long for a WhatsApp message', () => {
  const long = `Booked {when} "{title}". ${'Please read this carefully. '.repeat(68)}Manage: {link}`;

  it('is refused by saveTexts with the reason, and nothing is saved', () => {
    const sandbox = newSandbox();
    const result = ok(sandbox.run('saveTexts', [[{ key: 'message.scheduled', language: 'en', text: long }]], { caller: 'owner' }));
    expect(result).toEqual({
      ok: false,
      errors: [
        {
          key: 'message.scheduled',
          language: 'en',
          error: 'longer than 1000 characters: a WhatsApp message holds 1600 with the date, the names and the link',
        },
      ],
    });
    expect(sandbox.sheet('Texts')).toEqual([['key', 'language', 'text', 'updatedAt']]);
  });

  it('typed into the Texts sheet leaves the default in force, so the link is never cut off', () => {
    const sandbox = newSandbox();
    const sheet = sandbox.runtime.spreadsheet.service().getActiveSpreadsheet().getSheetByName('Texts');
    if (!sheet) throw new Error('setup makes the Texts sheet');
    sheet.appendRow(['message.scheduled', 'en', long, '']);
    addEvent(sandbox, { summary: 'Checkup', location: ADA, start: TOMORROW_11 });
    const body = outbound(sandbox)[0].body;
    expect(body).toMatch(/^Your appointment "Checkup" with Alex Morgan is booked for Tuesday/);
    expect(body.endsWith(`http://127.0.0.1:8787/exec?l=${ledger(sandbox)[0].token}`)).toBe(true);
  });

  it('of 1000 characters still ends with its link, with a long title cut to fit', () => {
    const sandbox = newSandbox();
    const fits = `Booked {when} "{title}". ${'x'.repeat(1000 - 'Booked {when} "{title}". Manage: {link}'.length)}Manage: {link}`;
    expect(ok(sandbox.run('saveTexts', [[{ key: 'message.scheduled', language: 'en', text: fits }]], { caller: 'owner' }))).toEqual({
      ok: true,
    });
    addEvent(sandbox, { summary: 'T'.repeat(900), location: ADA, start: TOMORROW_11 });
    const body = outbound(sandbox)[0].body;
    expect(body.length).toBeLessThanOrEqual(1600);
    expect(body.endsWith(`Manage: http://127.0.0.1:8787/exec?l=${ledger(sandbox)[0].token}`)).toBe(true);
  });
});
