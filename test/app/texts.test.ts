// Sandbox tests of the host's own wording: getTexts/saveTexts (owner only), the Texts sheet, validation, and overrides in what attendees read.
import { CATALOGUES } from '../../src/domain/i18n/languages';
import { addEvent, errorOf, HOUR, ledger, newSandbox, ok, outbound, START } from '../support/sandbox';

const ADA = '+4915123456789';
const TOMORROW_11 = START + 26 * HOUR;

interface Listing {
  languages: string[];
  texts: Array<{ key: string; language: string; text: string; default: string; overridden: boolean; problem?: string }>;
}

function entry(listing: Listing, key: string, language: string) {
  return listing.texts.find((item) => item.key === key && item.language === language);
}

describe('getTexts and saveTexts', () => {
  it('lists one entry per key and language with its default, for the owner only', () => {
    const sandbox = newSandbox();
    const listing = ok<Listing>(sandbox.run('getTexts', [], { caller: 'owner' }));
    expect(listing.languages).toEqual(['en', 'es', 'pt', 'de', 'fr', 'it', 'nl', 'tr', 'id', 'hi', 'ar']);
    expect(listing.texts).toHaveLength(11 * Object.keys(CATALOGUES.en).length);
    expect(entry(listing, 'message.scheduled', 'de')).toEqual({
      key: 'message.scheduled',
      language: 'de',
      text: CATALOGUES.de['message.scheduled'],
      default: CATALOGUES.de['message.scheduled'],
      overridden: false,
    });
    expect(errorOf(sandbox.run('getTexts', [], { caller: 'anonymous' }))).toContain('can only be run by the owner');
    expect(errorOf(sandbox.run('saveTexts', [[]], { caller: 'anonymous' }))).toContain('can only be run by the owner');
  });

  it('saves an override into the Texts sheet and attendees read it; an empty text removes it', () => {
    const sandbox = newSandbox({ settings: { LANGUAGE: 'es' } });
    const saved = sandbox.run(
      'saveTexts',
      [[{ key: 'message.scheduled', language: 'es', text: '¡Hola! Le esperamos el {when} para "{title}". Todo sobre su cita: {link}' }]],
      { caller: 'owner' },
    );
    expect(ok(saved)).toEqual({ ok: true });
    const sheet = (sandbox.sheet('Texts') as string[][]).map((row) => row.slice(0, 3));
    expect(sheet).toEqual([
      ['key', 'language', 'text'],
      ['message.scheduled', 'es', '¡Hola! Le esperamos el {when} para "{title}". Todo sobre su cita: {link}'],
    ]);
    addEvent(sandbox, { summary: 'Revisión', location: ADA, start: TOMORROW_11 });
    const token = ledger(sandbox)[0].token;
    expect(outbound(sandbox)[0].body).toBe(
      `¡Hola! Le esperamos el martes, 6 de enero de 2026, 11:00–11:30 CET (UTC+1) para "Revisión". Todo sobre su cita: http://127.0.0.1:8787/exec?l=${token}`,
    );
    const listing = ok<Listing>(sandbox.run('getTexts', [], { caller: 'owner' }));
    expect(entry(listing, 'message.scheduled', 'es')?.overridden).toBe(true);
    expect(entry(listing, 'message.scheduled', 'en')?.overridden).toBe(false);

    expect(ok(sandbox.run('saveTexts', [[{ key: 'message.scheduled', language: 'es', text: '' }]], { caller: 'owner' }))).toEqual({
      ok: true,
    });
    expect(sandbox.sheet('Texts')).toEqual([['key', 'language', 'text', 'updatedAt']]);
    addEvent(sandbox, { summary: 'Otra', location: ADA, start: TOMORROW_11 + 24 * HOUR });
    expect(outbound(sandbox)[1].body).toMatch(/^Su cita "Otra" con Alex Morgan está reservada para el miércoles, 7 de enero de 2026/);
  });

  it('refuses an unknown placeholder, a missing {link}, an unknown key or language, and then saves nothing', () => {
    const sandbox = newSandbox();
    const result = ok(
      sandbox.run(
        'saveTexts',
        [
          [
            { key: 'reply.busy', language: 'de', text: 'Moment bitte.' },
            { key: 'message.reminder', language: 'en', text: 'See you {when}, {name}! {link}' },
            { key: 'message.cancelled', language: 'fr', text: 'Annulé : {title}.' },
            { key: 'message.nope', language: 'en', text: 'x' },
            { key: 'reply.busy', language: 'ja', text: 'x' },
          ],
        ],
        { caller: 'owner' },
      ),
    );
    expect(result).toEqual({
      ok: false,
      errors: [
        { key: 'message.reminder', language: 'en', error: 'unknown placeholder {name}; this text can use {title}, {host}, {when}, {link}' },
        { key: 'message.cancelled', language: 'fr', error: 'it must keep {link}: without it the attendee cannot cancel, move or book' },
        { key: 'message.nope', language: 'en', error: 'unknown text "message.nope"' },
        { key: 'reply.busy', language: 'ja', error: 'unknown language "ja"; use one of en, es, pt, de, fr, it, nl, tr, id, hi, ar' },
      ],
    });
    expect(sandbox.sheet('Texts')).toEqual([['key', 'language', 'text', 'updatedAt']]);
  });

  it('keeps rows typed by hand that name no known text or language when saving from the sidebar', () => {
    const sandbox = newSandbox();
    const sheet = sandbox.runtime.spreadsheet.service().getActiveSpreadsheet().getSheetByName('Texts');
    if (!sheet) throw new Error('setup makes the Texts sheet');
    sheet.appendRow(['message.scheduled', 'Klingon', 'Qapla {when} {link}', '2026-01-01']);
    sheet.appendRow(['message.welcome', 'de', 'Willkommen {link}', '']);
    expect(
      ok(
        sandbox.run('saveTexts', [[{ key: 'message.cancelled', language: 'en', text: 'Gone: {title}, {when}. {link}' }]], {
          caller: 'owner',
        }),
      ),
    ).toEqual({ ok: true });
    expect((sandbox.sheet('Texts') as string[][]).map((row) => row.slice(0, 3))).toEqual([
      ['key', 'language', 'text'],
      ['message.cancelled', 'en', 'Gone: {title}, {when}. {link}'],
      ['message.scheduled', 'Klingon', 'Qapla {when} {link}'],
      ['message.welcome', 'de', 'Willkommen {link}'],
    ]);
  });

  it('ignores a bad override typed into the sheet by hand: the default stays in force, and getTexts says why', () => {
    const sandbox = newSandbox();
    const sheet = sandbox.runtime.spreadsheet.service().getActiveSpreadsheet().getSheetByName('Texts');
    if (!sheet) throw new Error('setup makes the Texts sheet');
    sheet.appendRow(['message.scheduled', 'en', 'Booked {when} {price}', '']);
    sheet.appendRow(['message.cancelled', 'en', 'Cancelled: "{title}", {when}. New time: {link}', '']);
    const event = addEvent(sandbox, { summary: 'Checkup', location: ADA, start: TOMORROW_11 });
    expect(outbound(sandbox)[0].body).toMatch(/^Your appointment "Checkup" with Alex Morgan is booked for Tuesday/);
    sandbox.cancelEvent(event.id);
    expect(outbound(sandbox)[1].body).toBe(
      'Cancelled: "Checkup", Tuesday, 6 January 2026, 11:00–11:30 CET (UTC+1). New time: http://127.0.0.1:8787/exec?p=book',
    );
    const listing = ok<Listing>(sandbox.run('getTexts', [], { caller: 'owner' }));
    expect(entry(listing, 'message.scheduled', 'en')).toMatchObject({
      overridden: false,
      problem: 'unknown placeholder {price}; this text can use {title}, {host}, {when}, {link}',
    });
  });
});
