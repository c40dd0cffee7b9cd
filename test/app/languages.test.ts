import { addEvent, bodiesTo, calendarEvent, chat, HOUR, ledger, newSandbox, sheetRows, START } from '../support/sandbox';

const ADA = '+4915123456789';
const TOMORROW_11 = START + 26 * HOUR; // Tuesday 6 January 2026, 11:00 Berlin

/** First lines of: the announcement, the 2-hour reminder, the help reply, for one attendee in the host's language. */
const FIRST_LINES: Record<string, [string, string, string]> = {
  en: [
    'Your appointment "Checkup" with Alex Morgan is booked for Tuesday, 6 January 2026, 11:00–11:30 CET (UTC+1).',
    'Reminder: your appointment "Checkup" with Alex Morgan is on Tuesday, 6 January 2026, 11:00–11:30 CET (UTC+1).',
    "This is Alex Morgan's appointment number. You can reply:",
  ],
  es: [
    'Su cita "Checkup" con Alex Morgan está reservada para el martes, 6 de enero de 2026, 11:00–11:30 CET (UTC+1).',
    'Recordatorio: su cita "Checkup" con Alex Morgan es el martes, 6 de enero de 2026, 11:00–11:30 CET (UTC+1).',
    'Este es el número de citas de Alex Morgan. Puede responder:',
  ],
  pt: [
    'Seu agendamento "Checkup" com Alex Morgan está marcado para terça-feira, 6 de janeiro de 2026, 11:00–11:30 CET (UTC+1).',
    'Lembrete: seu agendamento "Checkup" com Alex Morgan está marcado para terça-feira, 6 de janeiro de 2026, 11:00–11:30 CET (UTC+1).',
    'Este é o número de agendamentos de Alex Morgan. Você pode responder:',
  ],
  de: [
    'Ihr Termin „Checkup“ bei Alex Morgan ist gebucht für Dienstag, 6. Januar 2026, 11:00–11:30 MEZ (UTC+1).',
    'Erinnerung: Ihr Termin „Checkup“ bei Alex Morgan ist am Dienstag, 6. Januar 2026, 11:00–11:30 MEZ (UTC+1).',
    'Dies ist die Terminnummer von Alex Morgan. Sie können antworten:',
  ],
  fr: [
    'Votre rendez-vous « Checkup » avec Alex Morgan est réservé pour le mardi 6 janvier 2026, 11:00–11:30 CET (UTC+1).',
    'Rappel : votre rendez-vous « Checkup » avec Alex Morgan a lieu le mardi 6 janvier 2026, 11:00–11:30 CET (UTC+1).',
    'Ce numéro gère les rendez-vous avec Alex Morgan. Vous pouvez répondre :',
  ],
  it: [
    'Il Suo appuntamento «Checkup» con Alex Morgan è fissato per martedì 6 gennaio 2026, 11:00–11:30 CET (UTC+1).',
    'Promemoria: il Suo appuntamento «Checkup» con Alex Morgan è martedì 6 gennaio 2026, 11:00–11:30 CET (UTC+1).',
    'Questo è il numero per gli appuntamenti di Alex Morgan. Può rispondere:',
  ],
  nl: [
    'Uw afspraak "Checkup" met Alex Morgan staat gepland op dinsdag 6 januari 2026, 11:00–11:30 CET (UTC+1).',
    'Herinnering: uw afspraak "Checkup" met Alex Morgan is op dinsdag 6 januari 2026, 11:00–11:30 CET (UTC+1).',
    'Dit is het afsprakennummer van Alex Morgan. U kunt antwoorden:',
  ],
  tr: [
    'Randevu onayı: Alex Morgan ile "Checkup" randevunuz 6 Ocak 2026 Salı, 11:00–11:30 CET (UTC+1) için ayrıldı.',
    'Hatırlatma: Alex Morgan ile "Checkup" randevunuz 6 Ocak 2026 Salı, 11:00–11:30 CET (UTC+1) tarihinde.',
    'Bu, Alex Morgan için randevu numarasıdır. Şunları yazabilirsiniz:',
  ],
  id: [
    'Janji temu Anda "Checkup" dengan Alex Morgan sudah dipesan untuk Selasa, 6 Januari 2026, 11.00–11.30 CET (UTC+1).',
    'Pengingat: janji temu Anda "Checkup" dengan Alex Morgan pada Selasa, 6 Januari 2026, 11.00–11.30 CET (UTC+1).',
    'Ini nomor janji temu Alex Morgan. Anda dapat membalas:',
  ],
  hi: [
    'अपॉइंटमेंट की पुष्टि: Alex Morgan के साथ आपका अपॉइंटमेंट "Checkup" मंगलवार, 6 जनवरी 2026, 11:00 am–11:30 am CET (UTC+1) के लिए बुक हो गया है।',
    'रिमाइंडर: Alex Morgan के साथ आपका अपॉइंटमेंट "Checkup" मंगलवार, 6 जनवरी 2026, 11:00 am–11:30 am CET (UTC+1) को है।',
    'यह Alex Morgan का अपॉइंटमेंट नंबर है। आप ये भेज सकते हैं:',
  ],
  ar: [
    'تم حجز موعدك «Checkup» مع Alex Morgan يوم الثلاثاء، 6 يناير 2026، 11:00 ص–11:30 ص CET (UTC+1).',
    'تذكير: موعدك «Checkup» مع Alex Morgan يوم الثلاثاء، 6 يناير 2026، 11:00 ص–11:30 ص CET (UTC+1).',
    'هذا رقم المواعيد الخاص بـ Alex Morgan. يمكنك الرد بما يلي:',
  ],
};

describe('every language through the bundle', () => {
  it.each(Object.keys(FIRST_LINES))('%s: announcement, reminder and help reply', (language) => {
    const sandbox = newSandbox({ settings: { LANGUAGE: language } });
    addEvent(sandbox, { summary: 'Checkup', location: ADA, start: TOMORROW_11 });
    const link = `http://127.0.0.1:8787/exec?l=${ledger(sandbox)[0].token}`;
    sandbox.setClock(TOMORROW_11 - 2 * HOUR + 1);
    const help = chat(sandbox, ADA, 'help');
    const [announcement, , reminder] = bodiesTo(sandbox, ADA);
    const [scheduled, reminded, helped] = FIRST_LINES[language];
    expect(announcement.split('\n')[0]).toBe(scheduled);
    expect(announcement.endsWith(link)).toBe(true);
    expect(reminder.split('\n')[0]).toBe(reminded);
    expect(reminder.endsWith(link)).toBe(true);
    expect(help.split('\n')[0]).toBe(helped);
    expect(help.endsWith('http://127.0.0.1:8787/exec?p=book')).toBe(true);
  });
});

describe('which language', () => {
  it("guesses from the number's country when LANGUAGE_BY_COUNTRY is on, else uses the host's LANGUAGE", () => {
    const on = newSandbox({ settings: { LANGUAGE_BY_COUNTRY: 'on', LANGUAGE: 'fr' } });
    addEvent(on, { summary: 'A', location: '+34612345678', start: TOMORROW_11 });
    addEvent(on, { summary: 'B', location: '+5511987654321', start: TOMORROW_11 + HOUR });
    addEvent(on, { summary: 'C', location: '+966501234567', start: TOMORROW_11 + 2 * HOUR });
    addEvent(on, { summary: 'D', location: '+81312345678', start: TOMORROW_11 + 3 * HOUR });
    expect(bodiesTo(on, '+34612345678')[0]).toMatch(/^Su cita "A" con Alex Morgan está reservada para el martes, 6 de enero/);
    expect(bodiesTo(on, '+5511987654321')[0]).toMatch(/^Seu agendamento "B" com Alex Morgan está marcado para terça-feira/);
    expect(bodiesTo(on, '+966501234567')[0]).toMatch(/^تم حجز موعدك «C» مع Alex Morgan يوم الثلاثاء/);
    // Japan has no catalogue: the host's language.
    expect(bodiesTo(on, '+81312345678')[0]).toMatch(/^Votre rendez-vous « D » avec Alex Morgan/);

    const off = newSandbox({ settings: { LANGUAGE_BY_COUNTRY: 'off', LANGUAGE: 'fr' } });
    addEvent(off, { summary: 'A', location: '+34612345678', start: TOMORROW_11 });
    expect(bodiesTo(off, '+34612345678')[0]).toMatch(/^Votre rendez-vous « A »/);
  });

  it('is on by default', () => {
    const sandbox = newSandbox();
    sandbox.mergeSettings({ LANGUAGE_BY_COUNTRY: '' });
    addEvent(sandbox, { summary: 'Kontrolle', location: ADA, start: TOMORROW_11 });
    expect(bodiesTo(sandbox, ADA)[0]).toMatch(/^Ihr Termin „Kontrolle“ bei Alex Morgan ist gebucht für Dienstag, 6\. Januar 2026/);
  });

  it.each([
    ['language es', 'es', 'A partir de ahora le escribiré en español.'],
    ['idioma español', 'es', 'A partir de ahora le escribiré en español.'],
    ['Sprache Deutsch', 'de', 'Ab jetzt schreibe ich Ihnen auf Deutsch.'],
    ['langue française', 'fr', 'Désormais, je vous écrirai en français.'],
    ['Langue français', 'fr', 'Désormais, je vous écrirai en français.'],
    ['lingua italiano', 'it', 'D’ora in poi Le scriverò in italiano.'],
    ['taal nederlands', 'nl', 'Vanaf nu schrijf ik u in het Nederlands.'],
    ['DİL TÜRKÇE', 'tr', 'Bundan sonra size Türkçe yazacağım.'],
    ['bahasa indonesia', 'id', 'Mulai sekarang saya akan menulis kepada Anda dalam Bahasa Indonesia.'],
    ['भाषा हिंदी', 'hi', 'अब से मैं आपको हिन्दी में लिखूँगा।'],
    ['اللغة العربية', 'ar', 'من الآن فصاعدًا سأكتب إليك بالعربية.'],
    ['language pt-BR', 'pt', 'A partir de agora vou escrever para você em português.'],
    ['English', 'en', 'From now on I will write to you in English.'],
    ['language klingon', null, 'I cannot write in that language yet.'],
  ])('"%s" sets %s', (text, language, reply) => {
    const sandbox = newSandbox();
    expect(chat(sandbox, ADA, text)).toMatch(new RegExp(`^${reply.replace(/[.()]/g, '\\$&')}`));
    expect(sheetRows(sandbox, 'Languages').map((row) => row.slice(0, 3))).toEqual(language ? [[ADA, language, 'WhatsApp']] : []);
  });

  it("puts the attendee's own choice above the country and the host, for everything the number receives", () => {
    const sandbox = newSandbox({ settings: { LANGUAGE_BY_COUNTRY: 'on', LANGUAGE: 'fr' } });
    chat(sandbox, ADA, 'idioma español');
    addEvent(sandbox, { summary: 'Revisión', location: ADA, start: TOMORROW_11 });
    expect(bodiesTo(sandbox, ADA).at(-1)).toMatch(/^Su cita "Revisión" con Alex Morgan está reservada/);
    expect(chat(sandbox, ADA, 'lista')).toMatch(/^Su cita con Alex Morgan en los próximos 30 días:/);
    // One row per number: a second choice replaces the first.
    chat(sandbox, ADA, 'Sprache Deutsch');
    expect(sheetRows(sandbox, 'Languages').map((row) => row.slice(0, 2))).toEqual([[ADA, 'de']]);
    sandbox.setClock(TOMORROW_11 - 2 * HOUR + 1);
    expect(bodiesTo(sandbox, ADA).at(-1)).toMatch(/^Erinnerung: Ihr Termin „Revisión“ bei Alex Morgan ist am Dienstag/);
  });

  it("takes the event's `Language:` line below the attendee's choice and above the country and the host", () => {
    const US = '+12125550123';
    const sandbox = newSandbox({ settings: { LANGUAGE_BY_COUNTRY: 'on', LANGUAGE: 'fr' } });
    // Our delivery block is written into the description first (a bad number): the host's line must survive it.
    const event = addEvent(sandbox, {
      summary: 'Kontrolle',
      location: '+49 123',
      description: 'Bring card\nlanguage: DE',
      start: TOMORROW_11,
    });
    expect(calendarEvent(sandbox, event.id).description).toMatch(/^Bring card\nlanguage: DE\n\n--- WhatsApp delivery ---/);
    sandbox.patchEvent(event.id, { location: US });
    expect(bodiesTo(sandbox, US)[0]).toMatch(/^Ihr Termin „Kontrolle“ bei Alex Morgan ist gebucht für Dienstag, 6\. Januar 2026/);
    sandbox.setClock(TOMORROW_11 - 2 * HOUR + 1);
    expect(bodiesTo(sandbox, US).at(-1)).toMatch(/^Erinnerung: Ihr Termin „Kontrolle“/);
    const page = sandbox.doGet({ l: [ledger(sandbox)[0].token] }).body;
    expect(page).toContain('<html lang="de" dir="ltr">');
    expect(page).toContain('id="start-reschedule">Verschieben</button>');

    const chosen = newSandbox();
    chat(chosen, US, 'idioma español');
    addEvent(chosen, { summary: 'Revisión', location: US, description: 'Language: de', start: TOMORROW_11 });
    expect(bodiesTo(chosen, US).at(-1)).toMatch(/^Su cita "Revisión" con Alex Morgan está reservada/);

    const unknown = newSandbox({ settings: { LANGUAGE_BY_COUNTRY: 'on', LANGUAGE: 'fr' } });
    addEvent(unknown, { summary: 'A', location: '+34612345678', description: 'Language: xx', start: TOMORROW_11 });
    expect(bodiesTo(unknown, '+34612345678')[0]).toMatch(/^Su cita "A" con Alex Morgan/);
  });

  it('reads a choice the host typed into the Languages sheet, even where Sheets dropped the plus', () => {
    const sandbox = newSandbox();
    const book = sandbox.runtime.spreadsheet.service().getActiveSpreadsheet();
    const sheet = book.getSheetByName('Languages');
    if (!sheet) throw new Error('setup makes the Languages sheet');
    sheet.appendRow(['+4915123456789', 'nl', 'host', '']);
    addEvent(sandbox, { summary: 'Controle', location: ADA, start: TOMORROW_11 });
    expect(bodiesTo(sandbox, ADA)[0]).toMatch(/^Uw afspraak "Controle" met Alex Morgan staat gepland op dinsdag 6 januari 2026/);
  });
});

describe('commands in every language', () => {
  it.each([
    ['lista', 'es'],
    ['appuntamenti', 'it'],
    ['afspraken', 'nl'],
    ['randevularım', 'tr'],
    ['daftar', 'id'],
    ['सूची', 'hi'],
    ['مواعيدي', 'ar'],
  ])('"%s" lists', (word) => {
    const sandbox = newSandbox();
    addEvent(sandbox, { summary: 'Checkup', location: ADA, start: TOMORROW_11 });
    expect(chat(sandbox, ADA, word)).toMatch(/^Your appointment with Alex Morgan in the next 30 days:/);
  });

  it.each([
    ['annulla 1', 'it'],
    ['annuleren 1', 'nl'],
    ['İPTAL 1', 'tr'],
    ['batal 1', 'id'],
    ['रद्द १', 'hi'],
    ['إلغاء ١', 'ar'],
  ])('"%s" cancels', (text) => {
    const sandbox = newSandbox();
    addEvent(sandbox, { summary: 'Checkup', location: ADA, start: TOMORROW_11 });
    // A number names a row of the list the sender was shown.
    chat(sandbox, ADA, 'list');
    chat(sandbox, ADA, text);
    expect(ledger(sandbox)[0].state).toBe('cancelled');
    expect(bodiesTo(sandbox, ADA).at(-1)).toMatch(
      /^Your appointment "Checkup" with Alex Morgan on Tuesday, 6 January 2026, 11:00–11:30 CET \(UTC\+1\) is cancelled/,
    );
  });

  it.each(['conferma 1', 'bevestig 1', 'onayla 1', 'konfirmasi 1', 'पुष्टि 1', 'تأكيد 1'])('"%s" confirms', (text) => {
    const sandbox = newSandbox();
    addEvent(sandbox, { summary: 'Checkup', location: ADA, start: TOMORROW_11 });
    chat(sandbox, ADA, 'list');
    expect(chat(sandbox, ADA, text)).toMatch(/^Thank you, "Checkup" on Tuesday, 6 January 2026, 11:00–11:30 CET \(UTC\+1\) is confirmed/);
  });

  it('answers "cancel 1" without a shown list in the language of the number', () => {
    const sandbox = newSandbox();
    chat(sandbox, ADA, 'idioma español');
    addEvent(sandbox, { summary: 'Checkup', location: ADA, start: TOMORROW_11 });
    expect(chat(sandbox, ADA, 'cancelar 1')).toMatch(
      /^Ya no sé a qué lista se refiere, así que no se ha cambiado nada\. Esta es su lista actual: responda de nuevo "cancelar 1"/,
    );
    expect(ledger(sandbox)[0].state).toBe('active');
  });

  it('forwards an Arabic question rather than listing', () => {
    const sandbox = newSandbox();
    expect(chat(sandbox, ADA, 'متى موعدي؟')).toMatch(/^Thank you, I have passed your message on to Alex Morgan/);
  });
});

/** The page's Reschedule button in each language, and how the page names the appointment's day. */
const PAGE_WORDS: Record<string, [string, string]> = {
  en: ['Reschedule', 'Tuesday, 6 January 2026'],
  es: ['Cambiar hora', 'martes, 6 de enero de 2026'],
  pt: ['Remarcar', 'terça-feira, 6 de janeiro de 2026'],
  de: ['Verschieben', 'Dienstag, 6. Januar 2026'],
  fr: ['Déplacer', 'mardi 6 janvier 2026'],
  it: ['Sposta', 'martedì 6 gennaio 2026'],
  nl: ['Verzetten', 'dinsdag 6 januari 2026'],
  tr: ['Ertele', '6 Ocak 2026 Salı'],
  id: ['Jadwalkan ulang', 'Selasa, 6 Januari 2026'],
  hi: ['समय बदलें', 'मंगलवार, 6 जनवरी 2026'],
  ar: ['تغيير الوقت', 'الثلاثاء، 6 يناير 2026'],
};

describe('attendee pages in every language', () => {
  it.each(Object.keys(PAGE_WORDS))('%s: the appointment page, its lang and direction, and the bad-link page', (language) => {
    const sandbox = newSandbox({ settings: { LANGUAGE: language } });
    addEvent(sandbox, { summary: 'Checkup', location: ADA, start: TOMORROW_11 });
    const page = sandbox.doGet({ l: [ledger(sandbox)[0].token] }).body;
    const [reschedule, day] = PAGE_WORDS[language];
    expect(page).toContain(`<html lang="${language}" dir="${language === 'ar' ? 'rtl' : 'ltr'}">`);
    expect(page).toContain(`id="start-reschedule">${reschedule}</button>`);
    expect(page).toContain(`<bdi id="when-host">${day}`);
    // The picker offers every language by its own name.
    const other = language === 'ar' ? 'hi' : 'ar';
    expect(page).toContain(`lang="${other}" dir="auto" hreflang="${other}"`);
    expect(page).toContain(`<strong lang="${language}" dir="auto" aria-current="true">`);
    const bad = sandbox.doGet({ l: ['AAAAAAAAAAAAAAAA'] }).body;
    expect(bad).toContain(`<html lang="${language}"`);
  });

  it('shows the page in a picked language, which the page remembers for the number', () => {
    const sandbox = newSandbox();
    addEvent(sandbox, { summary: 'Checkup', location: ADA, start: TOMORROW_11 });
    const token = ledger(sandbox)[0].token;
    const page = sandbox.doGet({ l: [token], lang: ['tr'] }).body;
    expect(page).toContain('<html lang="tr" dir="ltr">');
    expect(page).toContain('"rememberLanguage":"tr"');
    expect(sandbox.run('chooseLanguage', [token, 'tr'])).toEqual({ result: { ok: true } });
    expect(sheetRows(sandbox, 'Languages').map((row) => row.slice(0, 3))).toEqual([[ADA, 'tr', 'page']]);
    expect(sandbox.run('chooseLanguage', ['AAAAAAAAAAAAAAAA', 'tr'])).toHaveProperty('error');
    // Cancelling now answers in Turkish, and the message that confirms it is Turkish too.
    const result = sandbox.run('cancelAppointment', [token]) as { result: { message: string } };
    expect(result.result.message).toBe('Randevunuz iptal edildi. Alex Morgan bilgilendirildi ve bir WhatsApp mesajı bunu onaylıyor.');
    expect(bodiesTo(sandbox, ADA).at(-1)).toMatch(
      /^Randevu iptali: Alex Morgan ile 6 Ocak 2026 Salı, 11:00–11:30 CET \(UTC\+1\) tarihindeki "Checkup" randevunuz iptal edildi\./,
    );
  });

  it('stores the booking page language with the booking, below a choice the number already made', () => {
    const sandbox = newSandbox();
    const booking = sandbox.doGet({ p: ['book'], lang: ['es'] }).body;
    expect(booking).toContain('<h1>Reservar una cita</h1>');
    expect(booking).toContain('"chosenLanguage":"es"');
    const slots = (sandbox.run('listBookingSlots', []) as { result: Array<{ start: string }> }).result;
    sandbox.run('bookAppointment', [{ name: 'Ana', phone: '+4915123456780', start: slots[0].start, language: 'es-MX' }]);
    expect(sheetRows(sandbox, 'Languages').map((row) => row.slice(0, 3))).toEqual([['+4915123456780', 'es', 'booking page']]);
    expect(bodiesTo(sandbox, '+4915123456780')[0]).toMatch(/^Su cita "Ana – booked online" con Alex Morgan está reservada/);
  });
});
