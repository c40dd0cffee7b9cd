// Attacks on the WhatsApp templates per kind and language through the bundle: a Twilio hiccup in the health check, a host language change, a rejected new wording.
import { SANDBOX_PRODUCTION_SENDER, type Sandbox } from '../../dev/sandbox';
import { addEvent, HOUR, newSandbox, ok, outbound, START } from '../support/sandbox';

const ADA = '+4915123456789';
const TOMORROW_11 = START + 26 * HOUR; // Tuesday 6 January 2026, 11:00 Berlin

type Check = { id: string; ok: boolean; detail: string };

function sids(sandbox: Sandbox): Record<string, Record<string, string>> {
  return JSON.parse(sandbox.settings().TEMPLATE_SIDS);
}

function healthCheck(sandbox: Sandbox): Check[] {
  return ok<{ checks: Check[] }>(sandbox.run('checkHealth', [], { caller: 'owner' })).checks;
}

/** A production sender in template mode, every template made and approved, the health check run once. Attendees are German by their number. */
function live(): Sandbox {
  const sandbox = newSandbox({ settings: { WHATSAPP_FROM: SANDBOX_PRODUCTION_SENDER, LANGUAGE_BY_COUNTRY: 'on' } });
  ok(sandbox.run('createWhatsAppTemplates', [], { caller: 'owner' }));
  for (const item of sandbox.twilio.content.all()) sandbox.twilio.content.setApproval(item.resource.sid, 'approved');
  sandbox.mergeSettings({ MESSAGE_MODE: 'template' });
  healthCheck(sandbox);
  return sandbox;
}

/** Twilio answers 503 to the approval fetch of these SIDs (a passing outage), everything else as usual. */
function approvalFetchFails(sandbox: Sandbox, failing: readonly string[]): void {
  const content = sandbox.twilio.content;
  const handle = content.handle.bind(content);
  content.handle = (request, url, respond, fail) => {
    const sid = /^\/v1\/Content\/([^/]+)\/ApprovalRequests$/.exec(url.pathname)?.[1];
    if (sid && failing.includes(sid) && request.method.toUpperCase() === 'GET') return fail(503, 20500, 'Service unavailable');
    return handle(request, url, respond, fail);
  };
}

describe('the health check when Twilio fails to answer for one template', () => {
  test('keeps its approval as last read, so the German attendee still gets the German template', () => {
    const sandbox = live();
    const german = sids(sandbox).scheduled.de;
    expect(JSON.parse(sandbox.settings().TEMPLATE_STATUS)[german]).toBe('approved');
    approvalFetchFails(sandbox, [german]);
    const check = healthCheck(sandbox).find((item) => item.id === 'templates');
    expect(check?.ok).toBe(false);
    expect(check?.detail).toContain(`scheduled (de): Twilio answered HTTP 503 (${german})`);
    expect(JSON.parse(sandbox.settings().TEMPLATE_STATUS)[german]).toBe('approved');
    addEvent(sandbox, { summary: 'Checkup', location: ADA, start: TOMORROW_11 });
    const [message] = outbound(sandbox);
    expect(message.request.ContentSid).toBe(german);
    expect(JSON.parse(message.request.ContentVariables ?? '{}')['3']).toBe('Dienstag, 6. Januar 2026, 11:00–11:30 MEZ (UTC+1)');
  });
});

describe('a new wording WhatsApp rejects', () => {
  const wording = 'Guten Tag! Ihr Termin „{title}“ bei {host} ist am {when}. Alles zu Ihrem Termin: {link}';

  test('leaves the approved template in use, and the sidebar and the health check say it was rejected, not that it waits', () => {
    const sandbox = live();
    const before = sids(sandbox).scheduled.de;
    ok(sandbox.run('saveTexts', [[{ key: 'message.scheduled', language: 'de', text: wording }]], { caller: 'owner' }));
    ok(sandbox.run('createWhatsAppTemplates', [], { caller: 'owner' }));
    const fresh = (sids(sandbox).pending as unknown as Record<string, Record<string, string>>).scheduled.de;
    sandbox.twilio.content.setApproval(fresh, 'rejected', 'The template was flagged as promotional');
    const check = healthCheck(sandbox).find((item) => item.id === 'templates');
    expect(check?.ok).toBe(false);
    expect(check?.detail).toContain(
      `new wording of scheduled (de): rejected by WhatsApp: The template was flagged as promotional (${fresh})`,
    );
    // A second run changes nothing: the rejected one still stands beside the approved one.
    ok(sandbox.run('createWhatsAppTemplates', [], { caller: 'owner' }));
    expect(sids(sandbox).scheduled.de).toBe(before);
    addEvent(sandbox, { summary: 'Checkup', location: ADA, start: TOMORROW_11 });
    expect(outbound(sandbox).at(-1)?.request.ContentSid).toBe(before);
    ok(sandbox.run('showSettings', [], { caller: 'owner' }));
    const page = sandbox.dialogs().at(-1)?.content ?? '';
    expect(page).toContain('de 4/4 approved (new wording of scheduled rejected by WhatsApp, the approved one is used)');
    expect(page).not.toContain('waiting for approval');
  });
});

describe('a wording changed again before the health check saw the last one approved', () => {
  const first = 'Guten Tag! Ihr Termin „{title}“ bei {host} ist am {when}. Alles zu Ihrem Termin: {link}';
  const second = 'Hallo! Ihr Termin „{title}“ bei {host} ist am {when}. Alles zu Ihrem Termin: {link}';

  test('keeps the approved newer one in use, not the one before it', () => {
    const sandbox = live();
    const oldest = sids(sandbox).scheduled.de;
    const save = (text: string) =>
      ok(sandbox.run('saveTexts', [[{ key: 'message.scheduled', language: 'de', text }]], { caller: 'owner' }));
    save(first);
    ok(sandbox.run('createWhatsAppTemplates', [], { caller: 'owner' }));
    const approvedNewer = (sids(sandbox).pending as unknown as Record<string, Record<string, string>>).scheduled.de;
    // WhatsApp approves it; sending uses it at once, though no health check put it in TEMPLATE_SIDS' place yet.
    sandbox.twilio.content.setApproval(approvedNewer, 'approved');
    save(second);
    ok(sandbox.run('createWhatsAppTemplates', [], { caller: 'owner' }));
    const stored = sids(sandbox);
    const waiting = (stored.pending as unknown as Record<string, Record<string, string>>).scheduled.de;
    expect(stored.scheduled.de).toBe(approvedNewer);
    expect(waiting).not.toBe(approvedNewer);
    expect(waiting).not.toBe(oldest);
    expect(sandbox.twilio.content.find(waiting)?.approval.status).toBe('received');
    addEvent(sandbox, { summary: 'Checkup', location: ADA, start: TOMORROW_11 });
    const [message] = outbound(sandbox);
    expect(message.request.ContentSid).toBe(approvedNewer);
    expect(message.body).toMatch(/^Guten Tag! Ihr Termin „Checkup“ bei Alex Morgan ist am Dienstag, 6\. Januar 2026, 11:00–11:30 MEZ/);
  });
});
