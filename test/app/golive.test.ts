// Going live through the real bundle: WhatsApp templates via the Content API, the health check, the test message, and WhatsApp's 24-hour rule.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SANDBOX_PRODUCTION_SENDER, type Sandbox } from '../../dev/sandbox';
import { HOUR, MINUTE, START, addEvent, ledger, newSandbox, ok, outbound } from '../support/sandbox';

const PHONE = '+49 151 23456789';
const E164 = '+4915123456789';
const TOMORROW_11 = START + 27 * HOUR;

interface Check {
  id: string;
  ok: boolean;
  detail: string;
}
interface Health {
  ok: boolean;
  checks: Check[];
}
interface Templates {
  ok: boolean;
  templates: Array<{ kind: string; language: string; sid: string; status: string }>;
  error?: string;
}

function health(sandbox: Sandbox): Health {
  return ok<Health>(sandbox.run('checkHealth', [], { caller: 'owner' }));
}

function check(result: Health, id: string): Check {
  const found = result.checks.find((c) => c.id === id);
  if (!found) throw new Error(`no check ${id}`);
  return found;
}

function createTemplates(sandbox: Sandbox): Templates {
  return ok<Templates>(sandbox.run('createWhatsAppTemplates', [], { caller: 'owner' }));
}

/** The SID TEMPLATE_SIDS holds for a kind in a language. */
function sidOf(sandbox: Sandbox, kind: string, language = 'en'): string {
  return JSON.parse(sandbox.settings().TEMPLATE_SIDS)[kind][language];
}

const KINDS = ['scheduled', 'rescheduled', 'cancelled', 'reminder'];
const LANGUAGE_ORDER = ['en', 'es', 'pt', 'de', 'fr', 'it', 'nl', 'tr', 'id', 'hi', 'ar'];
const WHATSAPP_CODES: Record<string, string> = { pt: 'pt_BR' };

function approveAll(sandbox: Sandbox): void {
  for (const item of sandbox.twilio.content.all()) sandbox.twilio.content.setApproval(item.resource.sid, 'approved');
}

/** Production sender in template mode with approved templates: the configuration a live host ends with. */
function liveSandbox(): Sandbox {
  const sandbox = newSandbox({ settings: { WHATSAPP_FROM: SANDBOX_PRODUCTION_SENDER } });
  createTemplates(sandbox);
  approveAll(sandbox);
  sandbox.mergeSettings({ MESSAGE_MODE: 'template' });
  // The health check reads the approvals back into TEMPLATE_STATUS (the daily run does the same).
  health(sandbox);
  return sandbox;
}

describe('createWhatsAppTemplates', () => {
  test('creates one template per kind and language with its WhatsApp language code, submits each as UTILITY and stores their SIDs', () => {
    const sandbox = newSandbox();
    const result = createTemplates(sandbox);
    const stored = sandbox.twilio.content.all();
    const names = LANGUAGE_ORDER.flatMap((language) => KINDS.map((kind) => `appointments_${kind}_${language}`));
    expect(stored.map((item) => item.resource.friendly_name)).toEqual(names);
    expect(stored.map((item) => item.resource.language)).toEqual(
      LANGUAGE_ORDER.flatMap((language) => KINDS.map(() => WHATSAPP_CODES[language] ?? language)),
    );
    expect(result).toEqual({
      ok: true,
      templates: stored.map((item, i) => ({
        kind: KINDS[i % 4],
        language: LANGUAGE_ORDER[Math.floor(i / 4)],
        sid: item.resource.sid,
        status: 'received',
      })),
    });
    for (const item of stored) {
      expect(item.approval).toEqual(
        expect.objectContaining({ name: item.resource.friendly_name, category: 'UTILITY', status: 'received' }),
      );
    }
    // The listing (one fetch), then the 44 creates, the 44 approvals and the 44 submissions, one fetchAll each.
    expect(sandbox.runtime.core.calls['UrlFetchApp.fetch']).toBe(1);
    expect(sandbox.runtime.core.calls['UrlFetchApp.fetchAll']).toBe(3);
    const reminder = stored[3].resource.types['twilio/quick-reply'] as { body: string; actions: Array<Record<string, string>> };
    expect(reminder.actions).toEqual([
      { type: 'QUICK_REPLY', title: 'Confirm', id: '{{6}}' },
      { type: 'QUICK_REPLY', title: 'Cancel', id: '{{7}}' },
    ]);
    expect(stored[1].resource.types['twilio/text']).toEqual({
      body: 'Your appointment "{{1}}" with {{2}} has moved from {{5}} to {{3}}.\n\nTo cancel, reschedule or add it to your calendar: {{4}}\n\nThank you.',
    });
    expect(stored[1].resource.variables).toEqual(
      expect.objectContaining({ '1': expect.any(String), '5': expect.any(String), '4': expect.stringMatching(/^https:/) }),
    );
    const props = sandbox.settings();
    const sids = JSON.parse(props.TEMPLATE_SIDS);
    expect(Object.keys(sids)).toEqual(KINDS);
    for (const [i, item] of stored.entries()) expect(sids[KINDS[i % 4]][LANGUAGE_ORDER[Math.floor(i / 4)]]).toBe(item.resource.sid);
    expect(Object.values(JSON.parse(props.TEMPLATE_STATUS))).toEqual(stored.map(() => 'received'));
  });

  test('running it again reuses the templates by friendly name and creates nothing', () => {
    const sandbox = newSandbox();
    const first = createTemplates(sandbox);
    sandbox.twilio.content.setApproval(first.templates[0].sid, 'approved');
    const second = createTemplates(sandbox);
    expect(sandbox.twilio.content.all()).toHaveLength(44);
    expect(second.templates.map((t) => t.sid)).toEqual(first.templates.map((t) => t.sid));
    expect(second.templates.map((t) => t.status)).toEqual(first.templates.map((_t, i) => (i === 0 ? 'approved' : 'received')));
  });

  test('a template deleted at Twilio is made again, the others are kept', () => {
    const sandbox = newSandbox();
    const first = createTemplates(sandbox);
    const gone = first.templates[2].sid;
    const response = sandbox.twilio.handle({
      url: `https://content.twilio.com/v1/Content/${gone}`,
      method: 'DELETE',
      headers: {
        Authorization: `Basic ${Buffer.from(`${sandbox.settings().TWILIO_ACCOUNT_SID}:${sandbox.settings().TWILIO_AUTH_TOKEN}`).toString('base64')}`,
      },
      payload: '',
    });
    expect(response.status).toBe(204);
    const second = createTemplates(sandbox);
    expect(second.templates[2].sid).not.toBe(gone);
    expect(second.templates.filter((_t, i) => i !== 2).map((t) => t.sid)).toEqual(
      first.templates.filter((_t, i) => i !== 2).map((t) => t.sid),
    );
    expect(sidOf(sandbox, 'cancelled')).toBe(second.templates[2].sid);
  });

  test('a TEMPLATE_SIDS of the first shape ({kind: SID}) still reads, as the host language', () => {
    const sandbox = liveSandbox();
    const sids = JSON.parse(sandbox.settings().TEMPLATE_SIDS);
    const old = Object.fromEntries(KINDS.map((kind) => [kind, sids[kind].en]));
    sandbox.mergeSettings({ TEMPLATE_SIDS: JSON.stringify(old) });
    addEvent(sandbox, { location: PHONE, start: TOMORROW_11 });
    expect(outbound(sandbox)[0].request.ContentSid).toBe(old.scheduled);
  });

  test('bad credentials: nothing is stored and the answer says why in plain words', () => {
    const sandbox = newSandbox({ settings: { TWILIO_AUTH_TOKEN: 'wrong' } });
    const result = createTemplates(sandbox);
    expect(result).toEqual({
      ok: false,
      templates: [],
      error:
        'Listing your Twilio templates failed: Twilio rejected the credentials: check the Account SID and auth token (or API key) (Twilio 20003)',
    });
    expect(sandbox.settings().TEMPLATE_SIDS).toBeUndefined();
  });
});

describe('checkHealth', () => {
  test('a fresh sandbox install passes every check, and the Status sheet shows them', () => {
    const sandbox = newSandbox();
    const result = health(sandbox);
    expect(result.checks.map((c) => c.id)).toEqual([
      'settings',
      'twilio-credentials',
      'sender',
      'templates',
      'triggers',
      'web-app',
      'last-sync',
      'failures',
      'invited',
      'spreadsheet',
      'quota',
    ]);
    expect(result.checks.filter((c) => !c.ok)).toEqual([]);
    expect(result.ok).toBe(true);
    expect(check(result, 'twilio-credentials').detail).toBe('Twilio account "My first Twilio account" is active');
    expect(check(result, 'web-app').detail).toBe('http://127.0.0.1:8787/exec answers');
    expect(check(result, 'templates').detail).toBe("none needed: text mode with Twilio's sandbox sender");
    expect(check(result, 'quota').detail).toMatch(/^mail: 100 recipients left today; UrlFetch: about \d+ of 20000 calls left/);
    const status = sandbox.sheet('Status') as string[][];
    expect(status[0]).toEqual(['check', 'ok', 'detail', 'checked']);
    expect(status.slice(1).map((row) => [row[0], row[1]])).toEqual(result.checks.map((c) => [c.id, 'OK']));
  });

  test("a SPREADSHEET_ID of this script naming another spreadsheet fails the spreadsheet check; another script's is ignored", () => {
    const sandbox = newSandbox();
    sandbox.advance(10 * MINUTE);
    const stored = sandbox.settings().SPREADSHEET_ID as string;
    const [scriptId, sheetId] = stored.split(' ');
    expect(check(health(sandbox), 'spreadsheet')).toEqual({
      id: 'spreadsheet',
      ok: true,
      detail: `rows go to this spreadsheet (${sheetId})`,
    });
    sandbox.mergeSettings({ SPREADSHEET_ID: `${scriptId} 1otherSpreadsheet` });
    const wrong = check(health(sandbox), 'spreadsheet');
    expect(wrong.ok).toBe(false);
    expect(wrong.detail).toContain(`SPREADSHEET_ID names spreadsheet 1otherSpreadsheet, not the one this script is bound to (${sheetId})`);
    sandbox.mergeSettings({ SPREADSHEET_ID: `otherScript ${sheetId}x` });
    expect(check(health(sandbox), 'spreadsheet').ok).toBe(true);
  });

  test('bad credentials fail twilio-credentials with a plain reason', () => {
    const sandbox = newSandbox();
    sandbox.mergeSettings({ TWILIO_AUTH_TOKEN: 'not-the-token' });
    const result = health(sandbox);
    expect(check(result, 'twilio-credentials')).toEqual({
      id: 'twilio-credentials',
      ok: false,
      detail: 'Twilio rejected the credentials: check the Account SID and auth token (or API key) (Twilio 20003)',
    });
    expect(result.ok).toBe(false);
    expect((sandbox.sheet('Status') as string[][])[2]).toEqual([
      'twilio-credentials',
      'PROBLEM',
      check(result, 'twilio-credentials').detail,
      expect.any(String),
    ]);
  });

  test('a bad setting is named in the settings check, and the failing sync is in last-sync', () => {
    const sandbox = newSandbox();
    sandbox.mergeSettings({ WHATSAPP_FROM: '+14155238886' });
    sandbox.advance(10 * MINUTE);
    const result = health(sandbox);
    const problem = 'Setting WHATSAPP_FROM: "+14155238886" must look like whatsapp:+14155238886';
    expect(check(result, 'settings')).toEqual({ id: 'settings', ok: false, detail: problem });
    expect(check(result, 'last-sync').ok).toBe(false);
    expect(check(result, 'last-sync').detail).toContain(`failed: ${problem}`);
  });

  test('text mode with a production sender is flagged by the sender check, naming MESSAGE_MODE', () => {
    const sandbox = newSandbox({ settings: { WHATSAPP_FROM: SANDBOX_PRODUCTION_SENDER } });
    const sender = check(health(sandbox), 'sender');
    expect(sender.ok).toBe(false);
    expect(sender.detail).toMatch(/^Setting MESSAGE_MODE: "text" works only with Twilio's sandbox sender/);
    expect(sender.detail).toContain('63016');
  });

  test('a sender the account does not own is named', () => {
    const sandbox = newSandbox({ settings: { WHATSAPP_FROM: 'whatsapp:+4930111111', MESSAGE_MODE: 'text' } });
    expect(check(health(sandbox), 'sender')).toEqual({
      id: 'sender',
      ok: false,
      detail:
        'whatsapp:+4930111111 is not a WhatsApp sender of this Twilio account (Messaging → Senders → WhatsApp senders); check WHATSAPP_FROM',
    });
  });

  test('templates: a summary per language; a rejected one is named with its reason; a missing kind is named', () => {
    const sandbox = liveSandbox();
    let result = health(sandbox);
    expect(check(result, 'templates')).toEqual({
      id: 'templates',
      ok: true,
      detail:
        'en 4/4 approved; es 4/4 approved; pt 4/4 approved; de 4/4 approved; fr 4/4 approved; it 4/4 approved; nl 4/4 approved; tr 4/4 approved; id 4/4 approved; hi 4/4 approved; ar 4/4 approved',
    });
    expect(check(result, 'sender')).toEqual({
      id: 'sender',
      ok: true,
      detail: `${SANDBOX_PRODUCTION_SENDER} is an online WhatsApp sender of this account`,
    });
    expect(result.ok).toBe(true);

    const reminder = sidOf(sandbox, 'reminder');
    sandbox.twilio.content.setApproval(reminder, 'rejected', 'The button text is too long');
    result = health(sandbox);
    expect(check(result, 'templates').ok).toBe(false);
    expect(check(result, 'templates').detail).toBe(
      `reminder (en): rejected by WhatsApp: The button text is too long (${reminder}); delete it in Twilio's Content Template Builder and run "Create WhatsApp templates" again. Per language: en 3/4 approved (reminder rejected); es 4/4 approved; pt 4/4 approved; de 4/4 approved; fr 4/4 approved; it 4/4 approved; nl 4/4 approved; tr 4/4 approved; id 4/4 approved; hi 4/4 approved; ar 4/4 approved`,
    );
    expect(JSON.parse(sandbox.settings().TEMPLATE_STATUS)[reminder]).toBe('rejected');

    const sids = JSON.parse(sandbox.settings().TEMPLATE_SIDS);
    delete sids.reminder.en;
    sandbox.mergeSettings({ TEMPLATE_SIDS: JSON.stringify(sids) });
    expect(check(health(sandbox), 'templates').detail).toMatch(
      /^reminder \(en\): no template in TEMPLATE_SIDS; run "Create WhatsApp templates"\. Per language: en 3\/4 approved \(reminder missing\); /,
    );
  });

  test('triggers: a missing or doubled trigger is named', () => {
    const sandbox = newSandbox();
    ok(sandbox.run('teardown', [], { caller: 'owner' }));
    expect(check(health(sandbox), 'triggers')).toEqual({
      id: 'triggers',
      ok: false,
      detail: 'the calendar trigger (onCalendarChange) is missing; the time trigger (tick) is missing: run "Set up or repair"',
    });
  });

  test('failures: red rows are listed with their reason', () => {
    const sandbox = newSandbox();
    sandbox.twilio.injectFault({ errorCode: 63024, count: 1 });
    addEvent(sandbox, { summary: 'Check-up', location: PHONE, start: TOMORROW_11 });
    expect(ledger(sandbox)[0].delivery).toBe('failed');
    const failures = check(health(sandbox), 'failures');
    expect(failures.ok).toBe(false);
    expect(failures.detail).toBe(
      `1 failed: "Check-up" to ${E164}: the attendee must first accept WhatsApp messages from this business (invalid message recipient) (Twilio 63024)`,
    );
  });

  test('runs daily from the tick; a newly failing check mails the owner once, again only after it recovered', () => {
    const sandbox = newSandbox();
    const mails = () => sandbox.runtime.mail.sent.filter((m) => /needs attention/.test(String(m.subject)));
    sandbox.advance(10 * MINUTE);
    expect(sandbox.sheet('Status')).toBeUndefined(); // setup counts as today's run
    sandbox.mergeSettings({ TWILIO_AUTH_TOKEN: 'revoked' });
    sandbox.setClock(Date.UTC(2026, 0, 6, 0, 5));
    sandbox.advance(10 * MINUTE);
    expect(mails()).toHaveLength(1);
    expect(mails()[0]).toEqual(
      expect.objectContaining({ to: 'host@example.com', subject: 'WhatsApp appointments: twilio-credentials needs attention' }),
    );
    expect(String(mails()[0].body)).toContain('- twilio-credentials: Twilio rejected the credentials');
    expect((sandbox.sheet('Status') as string[][])[2][1]).toBe('PROBLEM');
    sandbox.advance(24 * HOUR);
    expect(mails()).toHaveLength(1);
    sandbox.mergeSettings({
      TWILIO_AUTH_TOKEN: sandbox.settings().TWILIO_AUTH_TOKEN === 'revoked' ? 'sandbox-auth-token-0000000000000001' : '',
    });
    sandbox.advance(24 * HOUR);
    expect(mails()).toHaveLength(1);
    sandbox.mergeSettings({ TWILIO_AUTH_TOKEN: 'revoked again' });
    sandbox.advance(24 * HOUR);
    expect(mails()).toHaveLength(2);
  });

  test('a quiet tick on a day the check already ran costs no extra fetch or sheet write', () => {
    const sandbox = newSandbox();
    sandbox.advance(10 * MINUTE);
    sandbox.runtime.core.resetCalls();
    sandbox.advance(10 * MINUTE);
    expect(sandbox.runtime.core.calls['UrlFetchApp.fetchAll'] ?? 0).toBe(0);
    expect(sandbox.runtime.core.calls['UrlFetchApp.fetch'] ?? 0).toBe(0);
    expect(sandbox.runtime.core.calls['Range.setValues'] ?? 0).toBe(0);
  });
});

describe("WhatsApp's 24-hour rule", () => {
  test('free text from a production sender to someone who has not written fails with 63016, red with the reason', () => {
    const sandbox = newSandbox({ settings: { WHATSAPP_FROM: SANDBOX_PRODUCTION_SENDER } });
    addEvent(sandbox, { location: PHONE, start: TOMORROW_11 });
    const [message] = outbound(sandbox);
    expect(message.request.Body).toContain('is booked for');
    expect(sandbox.twilio.get(message.sid)?.status).toBe('failed');
    expect(sandbox.twilio.get(message.sid)?.error_code).toBe(63016);
    const row = ledger(sandbox)[0];
    expect(row.delivery).toBe('failed');
    expect(row.error).toBe('WhatsApp needs an approved template outside the 24-hour window (Twilio 63016)');
  });

  test("inside the attendee's 24-hour session free text goes out and is delivered", () => {
    const sandbox = newSandbox({ settings: { WHATSAPP_FROM: SANDBOX_PRODUCTION_SENDER, VERIFY_INBOUND: 'off' } });
    sandbox.inbound({ from: E164, body: 'hello' });
    expect(JSON.parse(sandbox.settings().LAST_INBOUND)).toEqual({ [E164]: START });
    addEvent(sandbox, { location: PHONE, start: TOMORROW_11 });
    const announcement = outbound(sandbox).find((m) => /is booked for/.test(m.request.Body ?? ''));
    expect(announcement).toBeDefined();
    expect(sandbox.twilio.pendingFailures()).toEqual({});
    expect(ledger(sandbox)[0].delivery).not.toBe('failed');
  });

  test('text mode with a production sender sends an approved template to someone outside the session', () => {
    const sandbox = liveSandbox();
    sandbox.mergeSettings({ MESSAGE_MODE: 'text' });
    addEvent(sandbox, { location: PHONE, start: TOMORROW_11 });
    const [message] = outbound(sandbox);
    expect(message.request.ContentSid).toBe(sidOf(sandbox, 'scheduled'));
    expect(message.request.Body).toBeUndefined();
    expect(ledger(sandbox)[0].delivery).toBe('queued');
  });

  test('an approved template is rendered on the phone; a rejected one fails with 63040, red with the reason', () => {
    const sandbox = liveSandbox();
    addEvent(sandbox, { summary: 'Check-up', location: PHONE, start: TOMORROW_11 });
    const [first] = outbound(sandbox);
    expect(first.body).toMatch(
      /^Your appointment "Check-up" with Alex Morgan is booked for .+\.\n\nTo cancel, reschedule or add it to your calendar: http:\/\/127\.0\.0\.1:8787\/exec\?l=\S+\n\nThank you\.$/,
    );
    const cancelled = sidOf(sandbox, 'cancelled');
    sandbox.twilio.content.setApproval(cancelled, 'rejected', 'INVALID_FORMAT');
    sandbox.cancelEvent(ledger(sandbox)[0].eventId);
    const last = outbound(sandbox).at(-1) as { sid: string };
    expect(sandbox.twilio.get(last.sid)?.error_code).toBe(63040);
    expect(ledger(sandbox)[0].error).toBe(
      'WhatsApp rejected this template (the health check shows why): delete it in Twilio and run Create WhatsApp templates again (Twilio 63040)',
    );
  });

  test("Twilio's sandbox sender keeps today's meaning: every attendee counts as joined", () => {
    const sandbox = newSandbox();
    addEvent(sandbox, { location: PHONE, start: TOMORROW_11 });
    expect(outbound(sandbox)[0].request.Body).toContain('is booked for');
    expect(ledger(sandbox)[0].delivery).toBe('queued');
  });
});

describe('sendTestMessage', () => {
  test("with Twilio's sandbox sender: free text, accepted, with its SID", () => {
    const sandbox = newSandbox();
    const result = ok<Record<string, unknown>>(sandbox.run('sendTestMessage', ['0151 23456789'], { caller: 'owner' }));
    const [message] = outbound(sandbox);
    expect(result).toEqual({ ok: true, to: E164, sid: message.sid });
    expect(message.request.ContentSid).toBeUndefined();
    expect(message.request.Body).toContain('"Test message" with Alex Morgan');
  });

  test('template mode sends the scheduled template', () => {
    const sandbox = liveSandbox();
    const result = ok<Record<string, unknown>>(sandbox.run('sendTestMessage', [E164], { caller: 'owner' }));
    const [message] = outbound(sandbox);
    expect(result).toEqual({ ok: true, to: E164, sid: message.sid });
    expect(message.request.ContentSid).toBe(sidOf(sandbox, 'scheduled'));
  });

  test("free text from a production sender outside the session: Twilio's 63016 in plain words", () => {
    const sandbox = newSandbox({ settings: { WHATSAPP_FROM: SANDBOX_PRODUCTION_SENDER } });
    const result = ok<Record<string, unknown>>(sandbox.run('sendTestMessage', [E164], { caller: 'owner' }));
    expect(result).toEqual({
      ok: false,
      to: E164,
      sid: outbound(sandbox)[0].sid,
      error: 'WhatsApp needs an approved template outside the 24-hour window (Twilio 63016)',
    });
  });

  test('a bad number or refused credentials are answered in words, nothing is sent', () => {
    const sandbox = newSandbox();
    expect(ok(sandbox.run('sendTestMessage', ['12'], { caller: 'owner' }))).toEqual({
      ok: false,
      to: '12',
      error: '"12" is not a valid phone number for Germany (too short)',
    });
    sandbox.mergeSettings({ TWILIO_AUTH_TOKEN: 'wrong' });
    expect(ok(sandbox.run('sendTestMessage', [E164], { caller: 'owner' }))).toEqual({
      ok: false,
      to: E164,
      error: 'Twilio rejected the credentials: check the Account SID and auth token (or API key) (Twilio 20003)',
    });
    expect(outbound(sandbox)).toHaveLength(0);
  });
});

describe('WEB_APP_URL without typing it', () => {
  test('a bundle built by npm run setup knows its /exec URL, and "Set up or repair" stores it', () => {
    const outDir = mkdtempSync(path.join(tmpdir(), 'bundle-'));
    const url = 'https://script.google.com/macros/s/AKfycbxDeploymentIdOfTheWebApp0123456789/exec';
    const script = `import { buildBundle } from './esbuild.config.mjs'; await buildBundle(${JSON.stringify({ outDir, webAppUrl: url })});`;
    execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: path.resolve(__dirname, '../..') });
    const sandbox = newSandbox({ bundlePath: path.join(outDir, 'Code.js'), settings: { WEB_APP_URL: '' } });
    expect(sandbox.settings().WEB_APP_URL).toBe(url);
    rmSync(outDir, { recursive: true, force: true });
  });
});
