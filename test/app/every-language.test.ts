// Each of the 11 languages end to end through the bundle: messages, reminders (text and template), chat replies, every attendee page and the email invitations, none falling back to English.
import type { Sandbox } from '../../dev/sandbox';
import { en } from '../../src/domain/i18n/catalogues/en';
import { CATALOGUES, LANGUAGE_CODES } from '../../src/domain/i18n/languages';
import { HOUR, MINUTE, START, addEvent, eventResource, ledger, newSandbox, ok, outbound } from '../support/sandbox';

type Code = (typeof LANGUAGE_CODES)[number];
type Key = keyof typeof en;

const ADA = '+4915123456789';
const HOST = 'Alex Morgan';
const TITLE = 'Checkup';
const ZONE = 'Europe/Berlin';
const BASE = 'http://127.0.0.1:8787/exec';
const BOOKING_LINK = `${BASE}?p=book`;
const TOMORROW_11 = START + 26 * HOUR; // Tuesday 6 January 2026, 11:00 Berlin
const JANE = { email: 'jane@example.org', displayName: 'Jane Doe' };

/**
 * What each language's readers expect, written down here rather than taken from the product: the Intl
 * locale, whether it reads the clock in 12 hours, the separator between day and time (Arabic writes its
 * own comma), and the zone's name in January (German has its own abbreviation; the others read CET).
 */
const EXPECTED: Record<Code, { locale: string; twelveHour: boolean; separator: string; zone: string }> = {
  en: { locale: 'en-GB', twelveHour: false, separator: ', ', zone: 'CET (UTC+1)' },
  es: { locale: 'es-ES', twelveHour: false, separator: ', ', zone: 'CET (UTC+1)' },
  pt: { locale: 'pt-BR', twelveHour: false, separator: ', ', zone: 'CET (UTC+1)' },
  de: { locale: 'de-DE', twelveHour: false, separator: ', ', zone: 'MEZ (UTC+1)' },
  fr: { locale: 'fr-FR', twelveHour: false, separator: ', ', zone: 'CET (UTC+1)' },
  it: { locale: 'it-IT', twelveHour: false, separator: ', ', zone: 'CET (UTC+1)' },
  nl: { locale: 'nl-NL', twelveHour: false, separator: ', ', zone: 'CET (UTC+1)' },
  tr: { locale: 'tr-TR', twelveHour: false, separator: ', ', zone: 'CET (UTC+1)' },
  id: { locale: 'id-ID', twelveHour: false, separator: ', ', zone: 'CET (UTC+1)' },
  hi: { locale: 'hi-IN', twelveHour: true, separator: ', ', zone: 'CET (UTC+1)' },
  ar: { locale: 'ar', twelveHour: true, separator: '، ', zone: 'CET (UTC+1)' },
};
const CODES = Object.keys(EXPECTED) as Code[];

/** The messages keep plain spaces where ICU puts no-break and narrow spaces (they survive every channel). */
const plain = (text: string) => text.replace(/[\u00A0\u202F\u2009]/g, ' ');

/** The day and time range as Intl writes them in the language's locale, with the zone named. */
function when(code: Code, start: number, end: number): string {
  const { locale, separator, zone } = EXPECTED[code];
  const day = new Intl.DateTimeFormat(locale, { timeZone: ZONE, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
  const hour12 = new Intl.DateTimeFormat(locale, { timeZone: ZONE, hour: 'numeric', minute: '2-digit' }).resolvedOptions().hour12 === true;
  const time = new Intl.DateTimeFormat(locale, { timeZone: ZONE, hour: hour12 ? 'numeric' : '2-digit', minute: '2-digit' });
  return plain(`${day.format(start)}${separator}${time.format(start)}–${time.format(end)} ${zone}`);
}

/** One moment: the day, the time and the zone (a moved appointment's old time). */
function moment(code: Code, at: number): string {
  const { locale, separator, zone } = EXPECTED[code];
  const day = new Intl.DateTimeFormat(locale, { timeZone: ZONE, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
  const hour12 = new Intl.DateTimeFormat(locale, { timeZone: ZONE, hour: 'numeric', minute: '2-digit' }).resolvedOptions().hour12 === true;
  const time = new Intl.DateTimeFormat(locale, { timeZone: ZONE, hour: hour12 ? 'numeric' : '2-digit', minute: '2-digit' });
  return plain(`${day.format(at)}${separator}${time.format(at)} ${zone}`);
}

function names(code: Code, at: number): { weekday: string; month: string } {
  const { locale } = EXPECTED[code];
  return {
    weekday: new Intl.DateTimeFormat(locale, { timeZone: ZONE, weekday: 'long' }).format(at),
    month: new Intl.DateTimeFormat(locale, { timeZone: ZONE, month: 'long' }).format(at),
  };
}

type Values = Record<string, string | number>;

/** A catalogue text with its placeholders filled (written here, not the product's fill). */
function render(code: Code, key: Key, values: Values = {}): string {
  return CATALOGUES[code][key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A catalogue text as a pattern: the given placeholders filled, the others any text on one line. */
function pattern(code: Code, key: Key, values: Values = {}): RegExp {
  const parts = CATALOGUES[code][key].split(/(\{\w+\})/);
  const source = parts
    .map((part) => {
      const name = /^\{(\w+)\}$/.exec(part)?.[1];
      if (!name) return escapeRegExp(part);
      return name in values ? escapeRegExp(String(values[name])) : '(.+?)';
    })
    .join('');
  return new RegExp(`^${source}$`, 'u');
}

/**
 * Every sentence of the English catalogue of two words or more, cut at its placeholders and lines: a
 * text in another language that contains one of these has fallen back to English (or kept English).
 */
const ENGLISH_SENTENCES = Array.from(
  new Set(
    Object.values(en)
      .flatMap((text) => text.split(/\{\w+\}|\n/))
      .map((part) => part.replace(/^[\s\p{P}\d]+|[\s\p{P}\d]+$/gu, ''))
      .filter((part) => /\p{L}+\s+\p{L}+/u.test(part)),
  ),
);

function englishIn(text: string): string[] {
  return ENGLISH_SENTENCES.filter((sentence) => text.includes(sentence));
}

/** For every language but English: no English sentence in it, and not what English would have said with the same values. */
function expectNotEnglish(code: Code, actual: string, key?: Key, values: Values = {}): void {
  if (code === 'en') return;
  expect(englishIn(actual)).toEqual([]);
  if (key) expect(actual).not.toBe(en[key].replace(/\{(\w+)\}/g, (whole, name: string) => String(values[name] ?? whole)));
}

function bodiesTo(sandbox: Sandbox, phone: string): string[] {
  return outbound(sandbox)
    .filter((m) => m.to === `whatsapp:${phone}`)
    .map((m) => m.body);
}

function write(sandbox: Sandbox, phone: string, body: string, buttonPayload?: string): string {
  sandbox.inbound({ from: phone, body, buttonPayload });
  return bodiesTo(sandbox, phone).at(-1) ?? '';
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'", '#34': '"' };

/** What a reader sees of a page: no style or script, block elements on their own lines, entities decoded. */
function visibleLines(page: string): string[] {
  return page
    .replace(/<style>[\s\S]*?<\/style>/g, '')
    .replace(/<script>[\s\S]*?<\/script>/g, '')
    .replace(/<\/?(?:p|div|h1|h2|h3|li|ul|nav|main|body|button|label|form|span|strong|a)\b[^>]*>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&(amp|lt|gt|quot|#39|#x27|#34);/g, (_, name: string) => ENTITIES[name])
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '');
}

/** The data a page hands its browser script, and the script itself. */
function pageScript(page: string): { data: Record<string, unknown>; script: string } {
  const data = /<script>var PAGE = (\{[\s\S]*?\});<\/script>/.exec(page)?.[1];
  const script = /<script>var PAGE = [\s\S]*?<\/script><script>([\s\S]*?)<\/script>/.exec(page)?.[1];
  if (!data || script === undefined) throw new Error('no PAGE data or script in the page');
  return { data: JSON.parse(data), script };
}

/** What the page's script writes from its data: every text of it in the page's language, none in English. */
function expectBrowserTexts(code: Code, page: string): void {
  const { data, script } = pageScript(page);
  const texts = data.texts as Record<string, string>;
  const keys: Record<string, Key> = {
    sameLocalTime: 'page.sameLocalTime',
    yourTime: 'page.yourTime',
    zonesHost: 'page.zonesHost',
    zonesBoth: 'page.zonesBoth',
    lookingUp: 'page.lookingUp',
    yourSlot: 'page.yourSlot',
    moveQuestion: 'page.moveQuestion',
    cancelling: 'page.cancelling',
    cancelledStatus: 'page.cancelledStatus',
    moving: 'page.moving',
    somethingWrong: 'page.somethingWrong',
    booking: 'page.booking',
    bookedDone: 'page.bookedDone',
  };
  expect(texts).toEqual(Object.fromEntries(Object.entries(keys).map(([name, key]) => [name, render(code, key)])));
  expect(data.takenText).toBe(render(code, 'page.slotTaken'));
  expect(data.locale).toBe(EXPECTED[code].locale);
  expectNotEnglish(code, [...Object.values(texts), data.takenText, data.noSlotsText].join('\n'));
  // The script itself carries no English of its own.
  expect(englishIn(script)).toEqual([]);
}

function expectFrame(code: Code, page: string): void {
  expect(page).toContain(`<html lang="${code}" dir="${code === 'ar' ? 'rtl' : 'ltr'}">`);
  expectNotEnglish(code, visibleLines(page).join('\n'));
}

/** A sandbox whose host writes in `code`; the attendee has made no choice of their own, so they read the host's language. */
function sandboxIn(code: Code, settings: Record<string, string> = {}): Sandbox {
  return newSandbox({ settings: { LANGUAGE: code, ...settings } });
}

function linkOf(sandbox: Sandbox, index = 0): string {
  return `${BASE}?l=${ledger(sandbox)[index].token}`;
}

const values = (code: Code, extra: Values = {}): Values => ({
  title: TITLE,
  host: HOST,
  when: when(code, TOMORROW_11, TOMORROW_11 + 30 * MINUTE),
  ...extra,
});

test('the table covers exactly the product’s languages', () => {
  expect([...CODES].sort()).toEqual([...LANGUAGE_CODES].sort());
});

describe.each(CODES)('%s', (code) => {
  const slot = values(code);

  test('dates and times are written in the locale: weekday, month, its 12- or 24-hour clock, the zone', () => {
    const hour12 = new Intl.DateTimeFormat(EXPECTED[code].locale, { hour: 'numeric' }).resolvedOptions().hour12 === true;
    expect(hour12).toBe(EXPECTED[code].twelveHour);
    const { weekday, month } = names(code, TOMORROW_11);
    expect(slot.when).toContain(weekday);
    expect(slot.when).toContain(month);
    // A 12-hour clock names the half of the day ("am", "ص"); a 24-hour one has none, and reads 11:00 as 11.
    const dayPeriod = new Intl.DateTimeFormat(EXPECTED[code].locale, { timeZone: ZONE, hour: 'numeric', minute: '2-digit' })
      .formatToParts(TOMORROW_11)
      .find((part) => part.type === 'dayPeriod')?.value;
    if (EXPECTED[code].twelveHour) expect(slot.when).toContain(` ${dayPeriod}–`);
    else expect([dayPeriod, slot.when]).toEqual([undefined, expect.stringMatching(/11\D00–11\D30/)]);
    expect(String(slot.when).endsWith(` ${EXPECTED[code].zone}`)).toBe(true);
  });

  test('the announcement, both reminders with the reply instruction, and the reply "1"', () => {
    const sandbox = sandboxIn(code);
    addEvent(sandbox, { summary: TITLE, location: ADA, start: TOMORROW_11 });
    const link = linkOf(sandbox);
    sandbox.setClock(TOMORROW_11 - 2 * HOUR + 1);
    const [announcement, dayBefore, twoHours, ...rest] = bodiesTo(sandbox, ADA);
    expect(rest).toEqual([]);
    expect(announcement).toBe(render(code, 'message.scheduled', { ...slot, link }));
    expectNotEnglish(code, announcement, 'message.scheduled', { ...slot, link });
    for (const reminder of [dayBefore, twoHours]) {
      expect(reminder).toBe(render(code, 'message.reminder', { ...slot, link }));
      expectNotEnglish(code, reminder, 'message.reminder', { ...slot, link });
    }
    // The instruction names 1 and 2, in the language's own words.
    expect(CATALOGUES[code]['message.reminder']).toMatch(/1[\s\S]*2/);
    const confirmed = write(sandbox, ADA, '1');
    expect(confirmed).toBe(render(code, 'reply.confirmed', slot));
    expectNotEnglish(code, confirmed, 'reply.confirmed', slot);
    expect(ledger(sandbox)[0].confirmedAt).not.toBe('');
  });

  test('the template reminder: its body and quick-reply buttons in the language, and a tapped button confirms', () => {
    const sandbox = sandboxIn(code);
    const made = ok<{ ok: boolean; templates: Array<{ kind: string; language: string; sid: string }> }>(
      sandbox.run('createWhatsAppTemplates', [], { caller: 'owner' }),
    );
    expect(made.ok).toBe(true);
    for (const item of sandbox.twilio.content.all()) sandbox.twilio.content.setApproval(item.resource.sid, 'approved');
    sandbox.mergeSettings({ MESSAGE_MODE: 'template' });
    // Per kind, then language: this language's own template.
    const sid = (JSON.parse(sandbox.settings().TEMPLATE_SIDS) as Record<string, Record<string, string>>).reminder[code];
    addEvent(sandbox, { summary: TITLE, location: ADA, start: TOMORROW_11 });
    const link = linkOf(sandbox);
    sandbox.setClock(TOMORROW_11 - 2 * HOUR + 1);
    const reminder = outbound(sandbox).find((m) => m.request.ContentSid === sid);
    if (!reminder) throw new Error('no template reminder was sent');
    const closing = render(code, 'template.closing');
    expect(reminder.body).toBe(`${render(code, 'message.reminder', { ...slot, link })}\n\n${closing}`);
    expectNotEnglish(code, reminder.body);
    const template = sandbox.twilio.content.find(sid);
    const quickReply = template?.resource.types['twilio/quick-reply'] as { actions: Array<{ title: string; id: string }> };
    expect(quickReply.actions.map((action) => action.title)).toEqual([render(code, 'button.confirm'), render(code, 'button.cancel')]);
    expect(template?.resource.language).toBe(code === 'pt' ? 'pt_BR' : code);
    const variables = JSON.parse(reminder.request.ContentVariables) as Record<string, string>;
    const confirmed = write(sandbox, ADA, quickReply.actions[0].title, variables['6']);
    expect(confirmed).toBe(render(code, 'reply.confirmed', slot));
    expect(ledger(sandbox)[0].confirmedAt).not.toBe('');
  });

  test('chat replies: list, help, an error, stop, start, confirm and cancel', () => {
    const sandbox = sandboxIn(code);
    addEvent(sandbox, { summary: TITLE, location: ADA, start: TOMORROW_11 });
    const link = linkOf(sandbox);
    const list = write(sandbox, ADA, 'list');
    const [heading, , item, itemWhen, itemLink, , hint, ...more] = list.split('\n');
    expect(heading).toBe(render(code, 'reply.listHeadingOne', { host: HOST }));
    expect(item).toContain(TITLE);
    expect(itemWhen).toBe(slot.when);
    expect(itemLink).toBe(link);
    expect(hint).toBe(render(code, 'reply.listHintOne'));
    expect(more).toEqual([]);
    expectNotEnglish(code, list);

    const help = write(sandbox, ADA, 'help');
    const helpMatch = pattern(code, 'reply.help', { host: HOST, link: BOOKING_LINK }).exec(help);
    expect(helpMatch?.[1]).toBe('en, es, pt, de, fr, it, nl, tr, id, hi, ar');
    expectNotEnglish(code, help);

    // An item the list does not have: the error, then the list again.
    const error = write(sandbox, ADA, 'cancel 5');
    expect(error.split('\n')[0]).toBe(render(code, 'reply.noSuchItemOne', { item: 5 }));
    expectNotEnglish(code, error);

    const confirm = write(sandbox, ADA, 'confirm 1');
    expect(confirm).toBe(render(code, 'reply.confirmed', slot));

    const stop = write(sandbox, ADA, 'stop');
    expect(stop).toBe(render(code, 'reply.stop', { host: HOST }));
    expectNotEnglish(code, stop, 'reply.stop', { host: HOST });
    const start = write(sandbox, ADA, 'start');
    expect(start).toBe(render(code, 'reply.start', { host: HOST }));
    expectNotEnglish(code, start, 'reply.start', { host: HOST });

    write(sandbox, ADA, 'list');
    const cancelled = write(sandbox, ADA, 'cancel 1');
    expect(cancelled).toBe(render(code, 'message.cancelled', { ...slot, link: BOOKING_LINK }));
    expectNotEnglish(code, cancelled, 'message.cancelled', { ...slot, link: BOOKING_LINK });
    expect(ledger(sandbox)[0].state).toBe('cancelled');
  });

  test('the appointment page and its cancel and reschedule steps, the add-to-calendar file, and the bad link', () => {
    const sandbox = sandboxIn(code);
    addEvent(sandbox, { summary: TITLE, location: ADA, start: TOMORROW_11 });
    const token = ledger(sandbox)[0].token;
    const link = linkOf(sandbox);

    const view = sandbox.doGet({ l: [token] });
    expect(view.title).toBe(render(code, 'page.tabTitle', { title: TITLE, host: HOST }));
    expectFrame(code, view.body);
    const lines = visibleLines(view.body);
    expect(lines.slice(0, 5)).toEqual([HOST, render(code, 'page.booked'), TITLE, render(code, 'page.withHost', { host: HOST }), slot.when]);
    for (const key of ['page.reschedule', 'page.cancel', 'page.addToCalendar', 'page.bookNewTime'] as const)
      expect(lines).toContain(render(code, key));
    // The Latin title and the time are isolated, so they keep their order inside right-to-left Arabic.
    expect(view.body).toContain(`<h1><bdi>${TITLE}</bdi></h1>`);
    expect(view.body).toContain(`<bdi id="when-host">${slot.when}</bdi>`);
    expectBrowserTexts(code, view.body);

    const cancel = sandbox.doGet({ l: [token], do: ['cancel'] }).body;
    expectFrame(code, cancel);
    expect(pageScript(cancel).data.step).toBe('cancel');
    for (const text of [
      render(code, 'page.cancelQuestion'),
      render(code, 'page.cancelExplain', { host: HOST }),
      render(code, 'page.yesCancel'),
      render(code, 'page.keep'),
    ])
      expect(visibleLines(cancel)).toContain(text);

    const reschedule = sandbox.doGet({ l: [token], do: ['reschedule'] }).body;
    expectFrame(code, reschedule);
    const rescheduleData = pageScript(reschedule).data;
    expect(rescheduleData.step).toBe('reschedule');
    expect((rescheduleData.slots as unknown[]).length).toBeGreaterThan(0);
    expect(rescheduleData.noSlotsText).toBe(render(code, 'page.noSlotsAppointment', { host: HOST }));
    for (const key of ['page.pickNewTime', 'page.yesMove', 'page.back'] as const)
      expect(visibleLines(reschedule)).toContain(render(code, key));
    expectBrowserTexts(code, reschedule);

    const ics = sandbox.doGet({ l: [token], do: ['ics'] }).body.replace(/\r\n[ \t]/g, '');
    const property = (name: string) => (new RegExp(`^${name}:(.*)$`, 'm').exec(ics)?.[1] ?? '').replace(/\\([,;\\])/g, '$1');
    expect(property('SUMMARY')).toBe(render(code, 'mail.summary', { title: TITLE, host: HOST }));
    expect(property('DESCRIPTION')).toBe(render(code, 'calendar.description', { host: HOST, link }));
    expectNotEnglish(code, `${property('SUMMARY')}\n${property('DESCRIPTION')}`, 'calendar.description', { host: HOST, link });

    const bad = sandbox.doGet({ l: ['AAAAAAAAAAAAAAAA'] });
    expectFrame(code, bad.body);
    expect(bad.title).toBe(render(code, 'page.badLinkTitle'));
    expect(visibleLines(bad.body)).toEqual([
      HOST,
      render(code, 'page.badLinkTitle'),
      render(code, 'page.badLinkText', { host: HOST }),
      render(code, 'page.bookNewTime'),
    ]);

    const home = sandbox.doGet({});
    expectFrame(code, home.body);
    expect(visibleLines(home.body)).toEqual([
      HOST,
      render(code, 'page.homeTitle', { host: HOST }),
      render(code, 'page.homeText'),
      render(code, 'page.bookTitle'),
    ]);
  });

  test('the page shown when the settings cannot be read: in the catalogue of LANGUAGE', () => {
    const sandbox = sandboxIn(code);
    sandbox.mergeSettings({ TWILIO_ACCOUNT_SID: '' });
    const queries: Array<Record<string, string[]>> = [{}, { l: ['AAAAAAAAAAAAAAAA'] }, { p: ['book'] }];
    for (const query of queries) {
      const page = sandbox.doGet(query);
      expectFrame(code, page.body);
      expect(page.title).toBe(render(code, 'page.unavailableTitle'));
      // Without settings the host's name is unknown too.
      expect(visibleLines(page.body)).toEqual([render(code, 'page.unavailableTitle'), render(code, 'page.unavailableSetup')]);
    }
  });

  test('the done pages: moved, cancelled, over', () => {
    const sandbox = sandboxIn(code);
    addEvent(sandbox, { summary: TITLE, location: ADA, start: TOMORROW_11 });
    const token = ledger(sandbox)[0].token;
    const link = linkOf(sandbox);
    const slots = ok<Array<{ start: string; end: string }>>(sandbox.run('listSlots', [token]));
    const target = slots[slots.length - 1];
    const moved = ok<{ message: string }>(sandbox.run('rescheduleAppointment', [token, target.start]));
    const newWhen = when(code, Date.parse(target.start), Date.parse(target.end));
    expect(moved.message).toBe(render(code, 'page.movedResult', { when: newWhen }));
    expectNotEnglish(code, moved.message, 'page.movedResult', { when: newWhen });
    const movedMessage = bodiesTo(sandbox, ADA).at(-1) ?? '';
    expect(movedMessage).toBe(render(code, 'message.rescheduled', { ...slot, previous: moment(code, TOMORROW_11), when: newWhen, link }));
    expectNotEnglish(code, movedMessage);

    const cancelled = ok<{ message: string }>(sandbox.run('cancelAppointment', [token]));
    expect(cancelled.message).toBe(render(code, 'page.cancelResult', { host: HOST }));
    expectNotEnglish(code, cancelled.message, 'page.cancelResult', { host: HOST });
    const page = sandbox.doGet({ l: [token] }).body;
    expectFrame(code, page);
    expect(visibleLines(page).slice(1, 3)).toEqual([
      render(code, 'page.cancelledTitle'),
      render(code, 'page.cancelledText', { title: TITLE, host: HOST, when: newWhen }),
    ]);

    const other = newSandbox({ settings: { LANGUAGE: code } });
    addEvent(other, { summary: TITLE, location: ADA, start: TOMORROW_11 });
    const overToken = ledger(other)[0].token;
    other.setClock(TOMORROW_11 + HOUR);
    const over = other.doGet({ l: [overToken] }).body;
    expectFrame(code, over);
    expect(visibleLines(over).slice(1, 3)).toEqual([render(code, 'page.overTitle'), render(code, 'page.overText', slot)]);
  });

  test('the booking page, its done step, and the booking’s message in the page’s language', () => {
    const sandbox = sandboxIn(code);
    const page = sandbox.doGet({ p: ['book'] });
    expectFrame(code, page.body);
    expect(page.title).toBe(`${render(code, 'page.bookTitle')}: ${HOST}`);
    const lines = visibleLines(page.body);
    expect(lines.slice(0, 3)).toEqual([
      HOST,
      render(code, 'page.bookTitle'),
      expect.stringMatching(pattern(code, 'page.bookIntro', { host: HOST })),
    ]);
    for (const key of [
      'page.yourDetails',
      'page.yourName',
      'page.whatsappNumber',
      'page.email',
      'page.bookThisTime',
      'page.youAreBooked',
      'page.seeAppointment',
    ] as const)
      expect(lines).toContain(render(code, key));
    expectBrowserTexts(code, page.body);

    const slots = ok<Array<{ start: string; end: string }>>(sandbox.run('listBookingSlots', []));
    const phone = '+4915123456780';
    const booked = ok<{ ok: boolean }>(
      sandbox.run('bookAppointment', [{ name: 'Ana', phone, start: slots[0].start, language: code, website: '' }]),
    );
    expect(booked.ok).toBe(true);
    const [message] = bodiesTo(sandbox, phone);
    const bookedWhen = when(code, Date.parse(slots[0].start), Date.parse(slots[0].end));
    expect(message).toMatch(pattern(code, 'message.scheduled', { host: HOST, when: bookedWhen, link: linkOf(sandbox) }));
    expectNotEnglish(code, message);
    // A refusal of the form, in the page's language.
    const refused = sandbox.run('bookAppointment', [{ name: '', phone, start: slots[1].start, language: code, website: '' }]);
    expect(refused).toEqual({ error: render(code, 'form.name') });
  });

  test('the email invitation: subject, text and HTML body', () => {
    const sandbox = sandboxIn(code, { INVITATION_MODE: 'email' });
    sandbox.insertEvents([{ ...eventResource({ summary: TITLE, location: ADA, start: TOMORROW_11 }), attendees: [JANE] }]);
    const [mail, ...others] = sandbox.runtime.mail.sent;
    expect(others).toEqual([]);
    const link = linkOf(sandbox);
    expect(mail.subject).toBe(render(code, 'mail.subjectInvitation', slot));
    const lines = [
      render(code, 'mail.hello', { name: JANE.displayName }),
      render(code, 'mail.invited', slot),
      render(code, 'mail.rsvp'),
      render(code, 'mail.see', { link }),
      `— ${HOST}`,
    ];
    expect(mail.body).toBe(lines.join('\n\n'));
    expectNotEnglish(code, `${mail.subject}\n${mail.body}`, 'mail.invited', slot);
    expect(mail.htmlBody).toContain(`<div lang="${code}" dir="${code === 'ar' ? 'rtl' : 'ltr'}">`);
    expect(mail.htmlBody).toContain(`<a href="${link}">${link}</a>`);
    // The link is an anchor inside the action's sentence, wherever the language puts it.
    const action = render(code, 'mail.see', { link: '\u0000' })
      .split(/(\u0000)/)
      .map((part) => (part === '\u0000' ? link : part.trim()))
      .filter((part) => part !== '');
    const html = visibleLines(mail.htmlBody);
    expect(html).toEqual([lines[0], lines[1], lines[2], ...action, lines[4]]);
    expectNotEnglish(code, html.join('\n'));
  });

  test('the series invitation mail and the series announcement', () => {
    const sandbox = sandboxIn(code, { INVITATION_MODE: 'email' });
    sandbox.insertEvents([
      {
        ...eventResource({ summary: TITLE, location: ADA, start: TOMORROW_11 }),
        recurrence: ['RRULE:FREQ=WEEKLY;COUNT=6'],
        attendees: [JANE],
      },
    ]);
    const [mail] = sandbox.runtime.mail.sent;
    const [announcement] = bodiesTo(sandbox, ADA);
    const link = linkOf(sandbox);
    const series = pattern(code, 'message.seriesScheduled', { title: TITLE, host: HOST, link }).exec(announcement);
    if (!series) throw new Error(`the series announcement does not read as the catalogue's: ${announcement}`);
    const words = series[1];
    // The series in words names its weekday and first date in the language, and the zone.
    expect(words).toContain(names(code, TOMORROW_11).month);
    expect(words).toContain(EXPECTED[code].zone);
    expectNotEnglish(code, announcement);
    const headline = render(code, 'mail.seriesInvited', { title: TITLE, host: HOST, when: words });
    expect(mail.body.split('\n\n')[1]).toBe(headline);
    expect(visibleLines(mail.htmlBody)).toContain(headline);
    expectNotEnglish(code, `${mail.subject}\n${mail.body}`, 'mail.seriesInvited', { title: TITLE, host: HOST, when: words });

    // The series' own page: the rule in the same words, its next dates, each opening a page that names the series.
    const page = sandbox.doGet({ l: [link.slice(link.indexOf('?l=') + 3)] });
    expectFrame(code, page.body);
    expect(page.title).toBe(render(code, 'page.tabTitle', { title: TITLE, host: HOST }));
    expect(page.body).toContain(`<bdi id="series-rule">`);
    const lines = visibleLines(page.body);
    for (const text of [render(code, 'page.seriesNext'), render(code, 'page.seriesPick'), slot.when]) expect(lines).toContain(text);
    const first = /<ul id="occurrences"><li><a class="link" href="[^"]*\?l=([A-Za-z0-9_-]{16})"/.exec(page.body)?.[1];
    if (!first) throw new Error('the series page lists no occurrence');
    const occurrence = sandbox.doGet({ l: [first] }).body;
    expectFrame(code, occurrence);
    expect(visibleLines(occurrence)).toContain(render(code, 'page.seriesMember', { rule: words }));
  });
});
