// Every top-level function of the bundle called anonymously or by another editor, with no and with junk arguments, changes nothing; pages escape everything.
import { readFileSync } from 'node:fs';
import type { Sandbox } from '../../dev/sandbox';
import { defaultBundlePath } from '../../dev/sandbox';
import { HOUR, START, addEvent, ledger, newSandbox } from '../support/sandbox';

const TUESDAY_10 = START + 25 * HOUR;

function entryPoints(): string[] {
  const code = readFileSync(defaultBundlePath(), 'utf8');
  // The build's forwarding declarations, not functions inside page scripts embedded as strings.
  return Array.from(
    code.matchAll(/^function (\w+)\(\) \{\n {2}__app\.executionScope\.begin\(\);\n {2}return __app\.\1\.apply/gm),
    (match) => match[1],
  );
}

/** Everything a caller could change: settings, triggers, every calendar's events, sheets, messages, mail. */
function snapshot(sandbox: Sandbox): string {
  const calendars = ['primary', 'team@example.com'].map((id) => sandbox.runtime.calendar.listAll(id));
  return JSON.stringify({
    props: sandbox.settings(),
    triggers: sandbox.runtime.triggers.list(),
    calendars,
    sheets: sandbox.sheetNames().map((name) => [name, sandbox.sheet(name)]),
    messages: sandbox.twilio.messages(),
    templates: sandbox.twilio.content.all(),
    mail: sandbox.runtime.mail.sent,
  });
}

const WRONG_TOKEN = 'AAAAAAAAAAAAAAAA';
const SOME_TIME = new Date(TUESDAY_10 + 24 * HOUR).toISOString();
const JUNK: unknown[] = [
  null,
  {},
  [],
  'x'.repeat(10000),
  '',
  0,
  -1,
  1e308,
  true,
  WRONG_TOKEN,
  { triggerUid: 'made-up' },
  { triggerUid: WRONG_TOKEN, authMode: 'FULL', calendarId: 'primary' },
  { parameter: { l: WRONG_TOKEN, do: 'cancel' } },
  { parameter: { p: 'book' } },
  { parameter: { hook: 'twilio', k: 'wrong', MessageSid: 'SM00000000000000000000000000000000', MessageStatus: 'delivered' } },
  { name: 'Jane', phone: 'x'.repeat(10000), start: SOME_TIME },
  { name: { toString: 'boom' }, phone: ['+4915123456789'], start: { iso: SOME_TIME } },
  { __proto__: { polluted: true }, constructor: { prototype: { polluted: true } } },
];

const ARGUMENT_LISTS: unknown[][] = [
  [],
  ...JUNK.map((value) => [value]),
  [WRONG_TOKEN, SOME_TIME],
  [WRONG_TOKEN, 'x'.repeat(10000)],
  [null, null, null],
  [{}, {}],
];

const CALLERS = ['anonymous', 'editor'] as const;

describe('every top-level function, called anonymously or by another editor of the spreadsheet', () => {
  const names = entryPoints();

  test('the bundle exposes the page functions next to the other entry points', () => {
    expect(names).toEqual(
      expect.arrayContaining([
        'cancelAppointment',
        'listSlots',
        'rescheduleAppointment',
        'listBookingSlots',
        'bookAppointment',
        'chooseLanguage',
        'doGet',
        'doPost',
        'setup',
        'teardown',
        'tick',
        'onCalendarChange',
        'onOpen',
        'syncNow',
        'getSettingsForm',
        'saveSettings',
        'createWhatsAppTemplates',
        'sendTestMessage',
        'checkHealth',
        'getTexts',
        'saveTexts',
        'showSettings',
        'showTemplates',
        'showTestMessage',
        'showHealthCheck',
      ]),
    );
    expect(names).not.toContain('fmt');
    // The webhook URL lives in the Settings sidebar, not behind a seventh menu item.
    expect(names).not.toContain('showTwilioSetup');
  });

  test.each(CALLERS)(
    'called by %s with no and with junk arguments changes no setting, trigger, event, sheet, message or mail',
    (caller) => {
      const sandbox = newSandbox();
      sandbox.runtime.calendar.addCalendar('team@example.com', 'Europe/Berlin');
      addEvent(sandbox, { start: TUESDAY_10, location: '+49 151 23456789' });
      addEvent(sandbox, { start: TUESDAY_10 + 2 * HOUR, location: '+49 151 23456780' });
      addEvent(sandbox, { summary: 'Private', start: TUESDAY_10 + 4 * HOUR });
      expect(ledger(sandbox)).toHaveLength(2);
      const before = snapshot(sandbox);
      let calls = 0;
      for (const name of names) {
        for (const args of ARGUMENT_LISTS) {
          const outcome = sandbox.run(name, args, { caller });
          calls++;
          if ('error' in outcome) {
            expect(outcome.error).not.toMatch(/\n\s+at |\.js:\d+|\.ts:\d+/);
            expect(outcome.error.length).toBeLessThan(400);
          }
          const after = snapshot(sandbox);
          if (after !== before) throw new Error(`${name}(${JSON.stringify(args).slice(0, 200)}) changed the state`);
        }
      }
      expect(calls).toBe(names.length * ARGUMENT_LISTS.length);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      // The snapshot does see a change: a real token cancels.
      expect(sandbox.run('cancelAppointment', [ledger(sandbox)[0].token])).toHaveProperty('result');
      expect(snapshot(sandbox)).not.toBe(before);
    },
  );

  test.each(CALLERS)('owner-only functions refuse %s callers by name', (caller) => {
    const sandbox = newSandbox();
    for (const name of [
      'setup',
      'teardown',
      'syncNow',
      'getSettingsForm',
      'saveSettings',
      'createWhatsAppTemplates',
      'sendTestMessage',
      'checkHealth',
      'getTexts',
      'saveTexts',
      'showSettings',
      'showTemplates',
      'showTestMessage',
      'showHealthCheck',
    ]) {
      const outcome = sandbox.run(name, [], { caller });
      expect(outcome).toEqual({ error: expect.stringContaining('can only be run by the owner') });
    }
  });
});

describe('the owner is the one setup stored, not whoever opens the menu', () => {
  test('a fresh project records the first setup caller; another editor is refused afterwards and changes nothing', () => {
    const sandbox = newSandbox({ skipSetup: true });
    sandbox.runtime.calendar.addCalendar('team@example.com', 'Europe/Berlin');
    expect(sandbox.settings().OWNER_EMAIL).toBeUndefined();
    // Before setup nobody is the owner yet: the sidebar's functions wait for it.
    expect(sandbox.run('getSettingsForm', [], { caller: 'owner' })).toEqual({
      error: expect.stringContaining('can only be run by the owner'),
    });
    expect(sandbox.run('setup', [], { caller: 'anonymous' })).toEqual({ error: expect.stringContaining('can only be run by the owner') });
    expect(sandbox.run('setup', [], { caller: 'owner' })).toHaveProperty('result');
    expect(sandbox.settings().OWNER_EMAIL).toBe('host@example.com');
    expect(sandbox.run('getSettingsForm', [], { caller: 'owner' })).toHaveProperty('result');
    const before = snapshot(sandbox);
    for (const name of ['setup', 'getSettingsForm', 'checkHealth', 'syncNow', 'showSettings']) {
      expect(sandbox.run(name, [], { caller: 'editor' })).toEqual({ error: expect.stringContaining('can only be run by the owner') });
    }
    expect(sandbox.run('saveSettings', [{ HOST_NAME: 'Eve' }], { caller: 'editor' })).toEqual({
      error: expect.stringContaining('can only be run by the owner'),
    });
    expect(snapshot(sandbox)).toBe(before);
    expect(sandbox.settings().OWNER_EMAIL).toBe('host@example.com');
  });

  test('setup run again by the owner keeps the stored owner', () => {
    const sandbox = newSandbox({ settings: { OWNER_EMAIL: 'Host@Example.com' } });
    expect(sandbox.run('setup', [], { caller: 'owner' })).toHaveProperty('result');
    expect(sandbox.settings().OWNER_EMAIL).toBe('Host@Example.com');
  });
});

describe('script injection is escaped everywhere it is shown', () => {
  const SCRIPT = '<script>window.__xss=1</script>';
  const IMG = '"><img src=x onerror="window.__xss=2">';
  const PAYLOAD = `${SCRIPT}${IMG}`;

  function expectEscaped(html: string): void {
    expect(html).not.toContain('<script>window.__xss');
    expect(html).not.toContain('<img src=x');
    expect(html).not.toMatch(/onerror="window/);
  }

  test('in the event title, description, host name and booking name', () => {
    const sandbox = newSandbox({ settings: { HOST_NAME: `Alex ${PAYLOAD}` } });
    addEvent(sandbox, { summary: `Talk ${PAYLOAD}`, description: PAYLOAD, start: TUESDAY_10, location: '+49 151 23456789' });
    const token = ledger(sandbox)[0].token;
    const pages = [
      sandbox.doGet({ l: [token] }),
      sandbox.doGet({ l: [token], do: ['cancel'] }),
      sandbox.doGet({ l: [token], do: ['reschedule'] }),
      sandbox.doGet({ p: ['book'] }),
      sandbox.doGet({ l: [WRONG_TOKEN] }),
      sandbox.doGet({ l: [`${PAYLOAD}`] }),
      sandbox.doGet({}),
    ];
    for (const page of pages) {
      expect(page.status).toBe(200);
      expectEscaped(page.body);
    }
    expect(pages[0].body).toContain(
      'Talk &lt;script&gt;window.__xss=1&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=&quot;window.__xss=2&quot;&gt;',
    );
    expect(pages[0].body).toContain('Alex &lt;script&gt;');

    const slot = (sandbox.run('listBookingSlots', []) as { result: Array<{ start: string }> }).result[0];
    sandbox.run('bookAppointment', [{ name: `Eve ${PAYLOAD}`, phone: '+4915123456780', start: slot.start }]);
    const bookedToken = ledger(sandbox).find((row) => row.phone === '+4915123456780')?.token as string;
    const page = sandbox.doGet({ l: [bookedToken] });
    expectEscaped(page.body);
    expect(page.body).toContain('Eve &lt;script&gt;');

    sandbox.cancelEvent(ledger(sandbox)[0].eventId);
    expectEscaped(sandbox.doGet({ l: [token] }).body);
    // The iCalendar file is text, not HTML, but must still be one well-formed property per line.
    const ics = sandbox.doGet({ l: [bookedToken], do: ['ics'] }).body;
    expect(ics).toMatch(/^SUMMARY:Eve <script>/m);
  });
});

describe('a change that was made is answered as made, even when the sync after it fails', () => {
  /** The next sync's Events.list (the one with a sync token) fails once, as a Calendar backend error would. */
  function failNextSync(sandbox: Sandbox): void {
    const calendar = sandbox.runtime.calendar as unknown as { list: (calendarId: string, args: Record<string, unknown>) => unknown };
    const original = calendar.list.bind(calendar);
    let failed = false;
    jest.spyOn(calendar, 'list').mockImplementation((calendarId, args) => {
      if (!failed && args.syncToken !== undefined) {
        failed = true;
        throw new Error('API call to calendar.events.list failed with error: Backend Error');
      }
      return original(calendarId, args);
    });
  }

  test('a booking from the page answers as booked, and the next sync announces it', () => {
    const sandbox = newSandbox();
    const slot = (sandbox.run('listBookingSlots', []) as { result: Array<{ start: string }> }).result[0];
    failNextSync(sandbox);
    const outcome = sandbox.run('bookAppointment', [{ name: 'Jane Doe', phone: '+4915123456789', start: slot.start }]);
    expect(outcome).toEqual({ result: { ok: true, link: '' } });
    expect(sandbox.events()).toHaveLength(1);
    // The calendar trigger (and at the latest the tick) announces it once.
    sandbox.advance(10 * 60_000);
    expect(sandbox.twilio.messages().filter((m) => m.direction === 'outbound-api')).toHaveLength(1);
  });

  test('a cancel from the page answers "cancelled"', () => {
    const sandbox = newSandbox();
    addEvent(sandbox, { start: TUESDAY_10, location: '+49 151 23456789' });
    failNextSync(sandbox);
    const outcome = sandbox.run('cancelAppointment', [ledger(sandbox)[0].token]);
    expect(outcome).toEqual({ result: expect.objectContaining({ status: 'cancelled' }) });
  });

  test('a booking through the webhook answers ok with the event, not "nothing was booked"', () => {
    const sandbox = newSandbox();
    failNextSync(sandbox);
    const response = sandbox.doPost(
      { hook: ['booking'], key: [sandbox.settings().BOOKING_API_KEY] },
      {
        contents: JSON.stringify({ name: 'Jane Doe', phone: '+49 151 23456789', start: new Date(TUESDAY_10).toISOString() }),
        type: 'application/json',
      },
    );
    const answer = JSON.parse(response.body) as { ok: boolean; id?: string };
    expect(answer).toEqual(expect.objectContaining({ ok: true, id: expect.any(String) }));
    expect(sandbox.events()).toHaveLength(1);
  });
});
