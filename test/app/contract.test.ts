// The owner's functions answer in the shapes issue 9 states, through the real bundle: the keys, their types, nothing more.
import { SANDBOX_PRODUCTION_SENDER, type Sandbox } from '../../dev/sandbox';
import { newSandbox, ok } from '../support/sandbox';

function call<T>(sandbox: Sandbox, name: string, args: unknown[] = []): T {
  return ok<T>(sandbox.run(name, args, { caller: 'owner' }));
}

/** Each object's own keys, sorted: the contract's keys and no others. */
function keys(value: object): string[] {
  return Object.keys(value).sort();
}

const SECRETS = ['BOOKING_API_KEY', 'LINK_SECRET', 'TWILIO_API_KEY_SECRET', 'TWILIO_AUTH_TOKEN', 'WEBHOOK_KEY'];

describe('the contract of the settings sidebar and the menu', () => {
  test('getSettingsForm: fields of { name, label, group, value, secret, set, help }; a secret is blank, `set` says whether one is stored', () => {
    const sandbox = newSandbox();
    const form = call<{ fields: Array<Record<string, unknown>> }>(sandbox, 'getSettingsForm');
    expect(form.fields.length).toBeGreaterThan(20);
    for (const field of form.fields) {
      expect(field).toEqual(
        expect.objectContaining({
          name: expect.stringMatching(/^[A-Z][A-Z_]+$/),
          label: expect.any(String),
          group: expect.any(String),
          value: expect.any(String),
          secret: expect.any(Boolean),
          set: expect.any(Boolean),
          help: expect.stringMatching(/\S/),
        }),
      );
    }
    const secrets = form.fields.filter((field) => field.secret);
    expect(secrets.map((field) => field.name).sort()).toEqual(SECRETS);
    for (const field of secrets) expect(field.value).toBe('');
    const set = Object.fromEntries(secrets.map((field) => [field.name, field.set]));
    expect(set).toEqual({
      BOOKING_API_KEY: true,
      LINK_SECRET: true,
      TWILIO_API_KEY_SECRET: false,
      TWILIO_AUTH_TOKEN: true,
      WEBHOOK_KEY: true,
    });
  });

  test('saveSettings: { ok: true, saved } or { ok: false, errors }, and nothing else', () => {
    const sandbox = newSandbox();
    expect(keys(call(sandbox, 'saveSettings', [{ HOST_NAME: 'Dr. Jo Park' }]))).toEqual(['ok', 'saved']);
    expect(keys(call(sandbox, 'saveSettings', [{ HORIZON_DAYS: '90' }]))).toEqual(['errors', 'ok']);
  });

  test('sendTestMessage: { ok, to, sid?, error? } when sent, refused by Twilio, or refused before sending', () => {
    const sent = call<Record<string, unknown>>(newSandbox(), 'sendTestMessage', ['+4915123456789']);
    expect(keys(sent)).toEqual(['ok', 'sid', 'to']);
    expect(sent).toEqual({ ok: true, to: '+4915123456789', sid: expect.stringMatching(/^SM[0-9a-f]{32}$/) });
    const outside = call<Record<string, unknown>>(
      newSandbox({ settings: { WHATSAPP_FROM: SANDBOX_PRODUCTION_SENDER } }),
      'sendTestMessage',
      ['+4915123456789'],
    );
    expect(keys(outside)).toEqual(['error', 'ok', 'sid', 'to']);
    expect(keys(call(newSandbox(), 'sendTestMessage', ['12']))).toEqual(['error', 'ok', 'to']);
  });

  test('checkHealth: { ok, checks: [{ id, ok, detail }] } with at least the eight ids', () => {
    const report = call<{ ok: boolean; checks: Array<Record<string, unknown>> }>(newSandbox(), 'checkHealth');
    expect(keys(report)).toEqual(['checks', 'ok']);
    for (const check of report.checks) {
      expect(keys(check)).toEqual(['detail', 'id', 'ok']);
      expect(check).toEqual({ id: expect.any(String), ok: expect.any(Boolean), detail: expect.any(String) });
    }
    expect(report.checks.map((check) => check.id)).toEqual(
      expect.arrayContaining(['twilio-credentials', 'sender', 'templates', 'triggers', 'web-app', 'last-sync', 'failures', 'quota']),
    );
  });

  test('createWhatsAppTemplates: { ok, templates: [{ kind, language, sid, status }] }', () => {
    const result = call<{ ok: boolean; templates: Array<Record<string, unknown>> }>(newSandbox(), 'createWhatsAppTemplates');
    expect(keys(result)).toEqual(['ok', 'templates']);
    // One per kind in each of the 11 languages.
    expect(result.templates).toHaveLength(44);
    expect(result.templates.slice(0, 5).map((template) => `${template.kind}:${template.language}`)).toEqual([
      'scheduled:en',
      'rescheduled:en',
      'cancelled:en',
      'reminder:en',
      'scheduled:es',
    ]);
    for (const template of result.templates) {
      expect(keys(template)).toEqual(['kind', 'language', 'sid', 'status']);
      expect(template).toEqual({
        kind: expect.any(String),
        language: expect.stringMatching(/^(en|es|pt|de|fr|it|nl|tr|id|hi|ar)$/),
        sid: expect.stringMatching(/^HX[0-9a-f]{32}$/),
        status: 'received',
      });
    }
  });
});
