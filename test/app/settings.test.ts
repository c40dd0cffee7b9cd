// The settings form through the real bundle: owner only, secrets never returned, all-or-nothing saves in one write, the runtime reads what was saved.
import { SANDBOX_AUTH_TOKEN } from '../../dev/sandbox';
import { SETTING_FIELDS } from '../../src/domain/settings-form';
import { HOUR, START, addEvent, errorOf, newSandbox, ok, outbound } from '../support/sandbox';

interface FormField {
  name: string;
  label: string;
  group: string;
  value: string;
  secret: boolean;
  set: boolean;
  help: string;
}
type SaveResult = { ok: true; saved: string[] } | { ok: false; errors: Record<string, string> };

function form(sandbox: ReturnType<typeof newSandbox>): { fields: FormField[]; timeZone: string } {
  return ok(sandbox.run('getSettingsForm', [], { caller: 'owner' }));
}

function save(sandbox: ReturnType<typeof newSandbox>, values: unknown): SaveResult {
  return ok(sandbox.run('saveSettings', [values], { caller: 'owner' }));
}

function propertyWrites(sandbox: ReturnType<typeof newSandbox>): number {
  const calls = sandbox.runtime.core.calls;
  return (calls['Properties.setProperties'] ?? 0) + (calls['Properties.setProperty'] ?? 0) + (calls['Properties.deleteProperty'] ?? 0);
}

describe('getSettingsForm', () => {
  test('lists every field with its stored value and never a secret', () => {
    const sandbox = newSandbox({ settings: { TWILIO_API_KEY_SECRET: 'api-key-secret-value' } });
    const stored = sandbox.settings();
    const answer = form(sandbox);
    expect(answer.fields.map((field) => field.name)).toEqual(SETTING_FIELDS.map((field) => field.name));
    expect(answer.timeZone).toBe('Europe/Berlin');
    const byName = Object.fromEntries(answer.fields.map((field) => [field.name, field]));
    expect(byName.TWILIO_AUTH_TOKEN).toEqual(expect.objectContaining({ value: '', secret: true, set: true, group: 'twilio' }));
    expect(byName.TWILIO_API_KEY_SECRET).toEqual(expect.objectContaining({ value: '', secret: true, set: true }));
    expect(byName.LINK_SECRET).toEqual(expect.objectContaining({ value: '', secret: true, set: true }));
    expect(byName.WEBHOOK_KEY).toEqual(expect.objectContaining({ value: '', set: true }));
    expect(byName.BOOKING_API_KEY).toEqual(expect.objectContaining({ value: '', set: true }));
    expect(byName.HOST_NAME).toEqual(expect.objectContaining({ value: 'Alex Morgan', secret: false, set: true, group: 'you' }));
    expect(byName.WORKING_HOURS).toEqual(expect.objectContaining({ value: '', set: false, group: 'pages' }));
    const text = JSON.stringify(answer);
    for (const secret of [SANDBOX_AUTH_TOKEN, 'api-key-secret-value', stored.LINK_SECRET, stored.WEBHOOK_KEY, stored.BOOKING_API_KEY]) {
      expect(text).not.toContain(secret);
    }
    expect(text).not.toContain(stored.SYNC_TOKEN);
  });

  test('refuses anonymous callers', () => {
    const sandbox = newSandbox();
    expect(errorOf(sandbox.run('getSettingsForm', []))).toContain('can only be run by the owner');
  });
});

describe('saveSettings', () => {
  test('saves good values in one Properties write, and the runtime uses them', () => {
    const sandbox = newSandbox();
    sandbox.runtime.core.resetCalls();
    expect(save(sandbox, { HOST_NAME: 'Dr. Jo Park', REMINDER_OFFSETS: '2h', DEFAULT_COUNTRY: 'DE', TWILIO_AUTH_TOKEN: '' })).toEqual({
      ok: true,
      saved: ['HOST_NAME', 'REMINDER_OFFSETS'],
    });
    expect(sandbox.runtime.core.calls['Properties.setProperties']).toBe(1);
    expect(propertyWrites(sandbox)).toBe(1);
    expect(sandbox.settings()).toEqual(
      expect.objectContaining({ HOST_NAME: 'Dr. Jo Park', REMINDER_OFFSETS: '2h', TWILIO_AUTH_TOKEN: SANDBOX_AUTH_TOKEN }),
    );
    addEvent(sandbox, { start: START + 26 * HOUR, location: '+49 151 23456789' });
    expect(outbound(sandbox)[0].body).toContain('Dr. Jo Park');
  });

  test('a blank secret keeps the stored one; a new one replaces it', () => {
    const sandbox = newSandbox();
    const before = sandbox.settings();
    expect(save(sandbox, { TWILIO_AUTH_TOKEN: '', LINK_SECRET: '   ', WEBHOOK_KEY: '' })).toEqual({ ok: true, saved: [] });
    expect(sandbox.settings()).toEqual(before);
    const key = 'n'.repeat(40);
    expect(save(sandbox, { BOOKING_API_KEY: key })).toEqual({ ok: true, saved: ['BOOKING_API_KEY'] });
    expect(sandbox.settings().BOOKING_API_KEY).toBe(key);
    expect(JSON.stringify(form(sandbox))).not.toContain(key);
  });

  test('a cleared setting goes back to its default', () => {
    const sandbox = newSandbox({ settings: { HORIZON_DAYS: '10' } });
    expect(save(sandbox, { HORIZON_DAYS: '' })).toEqual({ ok: true, saved: ['HORIZON_DAYS'] });
    expect(sandbox.settings()).not.toHaveProperty('HORIZON_DAYS');
  });

  test('one refused value writes nothing; every error is keyed by its property', () => {
    const sandbox = newSandbox();
    const before = sandbox.settings();
    sandbox.runtime.core.resetCalls();
    const answer = save(sandbox, { HOST_NAME: 'New Name', DEFAULT_COUNTRY: 'Germany', HORIZON_DAYS: '90', WORKING_HOURS: '{"funday":[]}' });
    expect(answer).toEqual({
      ok: false,
      errors: {
        DEFAULT_COUNTRY: '"GERMANY" must be a two-letter country code such as DE or US',
        HORIZON_DAYS: '90 must be from 1 to 60',
        WORKING_HOURS: '"funday" is not a weekday; use mon, tue, wed, thu, fri, sat or sun',
      },
    });
    expect(propertyWrites(sandbox)).toBe(0);
    expect(sandbox.settings()).toEqual(before);
  });

  test('refuses text mode with a production sender, with the reason', () => {
    const sandbox = newSandbox();
    const answer = save(sandbox, { WHATSAPP_FROM: 'whatsapp:+4930123456789' });
    expect(answer).toEqual({ ok: false, errors: { MESSAGE_MODE: expect.stringContaining('error 63016') } });
    expect(sandbox.settings().WHATSAPP_FROM).toBe('whatsapp:+14155238886');
    const templates = JSON.stringify({
      scheduled: `HX${'a'.repeat(32)}`,
      rescheduled: `HX${'b'.repeat(32)}`,
      cancelled: `HX${'c'.repeat(32)}`,
    });
    expect(save(sandbox, { WHATSAPP_FROM: 'whatsapp:+4930123456789', MESSAGE_MODE: 'template', TEMPLATE_SIDS: templates })).toEqual({
      ok: true,
      saved: ['WHATSAPP_FROM', 'MESSAGE_MODE', 'TEMPLATE_SIDS'],
    });
  });

  test('refuses what is not a setting, and anything but an object', () => {
    const sandbox = newSandbox();
    expect(save(sandbox, { SYNC_TOKEN: 'x', OWNER_EMAIL: 'eve@example.com' })).toEqual({
      ok: false,
      errors: { SYNC_TOKEN: 'is not a setting this form can change', OWNER_EMAIL: 'is not a setting this form can change' },
    });
    for (const junk of [null, 'HOST_NAME=x', ['HOST_NAME'], 5]) {
      expect(errorOf(sandbox.run('saveSettings', [junk], { caller: 'owner' }))).toContain('saveSettings takes an object');
    }
  });

  test('refuses anonymous callers and changes nothing', () => {
    const sandbox = newSandbox();
    const before = sandbox.settings();
    expect(errorOf(sandbox.run('saveSettings', [{ HOST_NAME: 'Eve' }]))).toContain('can only be run by the owner');
    expect(sandbox.settings()).toEqual(before);
  });

  test('the form and the runtime agree: what the form refuses, the runtime refuses too', () => {
    const sandbox = newSandbox();
    const answer = save(sandbox, { COLOR_DELIVERED: '12' });
    expect(answer).toEqual({ ok: false, errors: { COLOR_DELIVERED: '"12" is not a Google Calendar event colour id (1 to 11)' } });
    sandbox.mergeSettings({ COLOR_DELIVERED: '12' });
    expect(errorOf(sandbox.run('syncNow', [], { caller: 'owner' }))).toBe(
      'Setting COLOR_DELIVERED: "12" is not a Google Calendar event colour id (1 to 11)',
    );
  });
});

describe('the settings sidebar', () => {
  const PAYLOAD = '</textarea><script>window.__xss=1</script>"><img src=x onerror="window.__xss=2">';

  test('the menu opens it as a 300 px sidebar with every field, grouped, labelled and described', () => {
    const sandbox = newSandbox();
    sandbox.openSpreadsheet();
    expect(sandbox.chooseMenuItem('showSettings')).toEqual({ result: undefined, dialog: 0 });
    const [sidebar] = sandbox.dialogs();
    expect(sidebar).toEqual(expect.objectContaining({ kind: 'sidebar', title: 'Settings', width: 300 }));
    for (const field of SETTING_FIELDS) {
      expect(sidebar.content).toContain(`<label for="field-${field.name}">`);
      expect(sidebar.content).toContain(`aria-describedby="error-${field.name} help-${field.name}"`);
    }
    expect(sidebar.content.match(/<fieldset /g)).toHaveLength(7);
    expect(sidebar.content).toContain('<legend>Twilio and sender</legend>');
    expect(sidebar.content).toContain('Time zone: <b>Europe/Berlin</b>');
    expect(sidebar.content).not.toContain(SANDBOX_AUTH_TOKEN);
    expect(sidebar.content).not.toContain(sandbox.settings().LINK_SECRET);
  });

  test('opens even when the stored settings are broken, and escapes every stored value it shows', () => {
    const sandbox = newSandbox();
    sandbox.mergeSettings({ HOST_NAME: PAYLOAD, WORKING_HOURS: PAYLOAD, MESSAGE_MODE: PAYLOAD });
    expect(sandbox.run('showSettings', [], { caller: 'owner' })).toEqual({ result: undefined });
    const content = sandbox.dialogs().at(-1)?.content ?? '';
    expect(content).not.toContain('<script>window.__xss');
    expect(content).not.toContain('<img src=x');
    expect(content).not.toContain('</textarea><script>');
    expect(content).toContain('value="&lt;/textarea&gt;&lt;script&gt;window.__xss=1&lt;/script&gt;&quot;&gt;&lt;img src=x');
    // The unknown stored mode is shown as a choice, so the host sees it and can change it.
    expect(content).toContain(
      '<option value="&lt;/textarea&gt;&lt;script&gt;window.__xss=1&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=&quot;window.__xss=2&quot;&gt;" selected>',
    );
  });

  test('only the owner opens it, and only what a menu offers can be chosen', () => {
    const sandbox = newSandbox();
    expect(errorOf(sandbox.run('showSettings', []))).toContain('can only be run by the owner');
    expect(sandbox.chooseMenuItem('showSettings')).toEqual({ error: 'No menu item runs showSettings' });
    sandbox.openSpreadsheet();
    expect(sandbox.chooseMenuItem('teardown')).toEqual({ error: 'No menu item runs teardown' });
    expect(sandbox.dialogs()).toHaveLength(0);
  });
});

describe('the menu dialogs', () => {
  test('templates, test message and health check open as dialogs of their own size', () => {
    const sandbox = newSandbox({ settings: { HOST_WHATSAPP: '+4915100000001' } });
    sandbox.openSpreadsheet();
    const captions = sandbox.menus()[0].items.map((item) => ('caption' in item ? item.caption : ''));
    expect(captions).toEqual([
      'Settings',
      'Create WhatsApp templates',
      'Send a test message',
      'Health check',
      'Sync now',
      'Set up or repair',
    ]);
    for (const name of ['showTemplates', 'showTestMessage', 'showHealthCheck'])
      expect(sandbox.chooseMenuItem(name)).toHaveProperty('dialog');
    expect(sandbox.dialogs().map(({ kind, title, width, height }) => ({ kind, title, width, height }))).toEqual([
      { kind: 'modal', title: 'Create WhatsApp templates', width: 560, height: 440 },
      { kind: 'modal', title: 'Send a test message', width: 420, height: 320 },
      { kind: 'modal', title: 'Health check', width: 480, height: 600 },
    ]);
    expect(sandbox.dialogs()[1].content).toContain('value="+4915100000001"');
    expect(sandbox.dialogs()[2].content).toContain('<body data-panel="health">');
  });
});
