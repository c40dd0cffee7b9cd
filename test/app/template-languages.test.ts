// WhatsApp templates per language through the real bundle: the attendee's language's approved template, the host's as fallback (with its variables in the host's words), red when none is approved, and a changed wording waiting for approval.
import { SANDBOX_PRODUCTION_SENDER, type Sandbox } from '../../dev/sandbox';
import { addEvent, calendarEvent, HOUR, ledger, newSandbox, ok, outbound, START } from '../support/sandbox';

const ADA = '+4915123456789';
const TOMORROW_11 = START + 26 * HOUR; // Tuesday 6 January 2026, 11:00 Berlin

interface Templates {
  ok: boolean;
  templates: Array<{ kind: string; language: string; sid: string; status: string; inUse?: string }>;
}

function createTemplates(sandbox: Sandbox): Templates {
  return ok<Templates>(sandbox.run('createWhatsAppTemplates', [], { caller: 'owner' }));
}

function sids(sandbox: Sandbox): Record<string, Record<string, Record<string, string>>> & Record<string, Record<string, string>> {
  return JSON.parse(sandbox.settings().TEMPLATE_SIDS);
}

function approve(sandbox: Sandbox, keep: (name: string) => boolean = () => true): void {
  for (const item of sandbox.twilio.content.all())
    if (keep(item.resource.friendly_name)) sandbox.twilio.content.setApproval(item.resource.sid, 'approved');
}

function healthCheck(sandbox: Sandbox): { checks: Array<{ id: string; ok: boolean; detail: string }> } {
  return ok(sandbox.run('checkHealth', [], { caller: 'owner' }));
}

/** A production sender in template mode, every template made; `approved` picks which WhatsApp approved. Attendees are German by their number. */
function live(approved: (name: string) => boolean): Sandbox {
  const sandbox = newSandbox({ settings: { WHATSAPP_FROM: SANDBOX_PRODUCTION_SENDER, LANGUAGE_BY_COUNTRY: 'on' } });
  createTemplates(sandbox);
  approve(sandbox, approved);
  sandbox.mergeSettings({ MESSAGE_MODE: 'template' });
  healthCheck(sandbox);
  return sandbox;
}

describe('the template of the attendee language, else the host language', () => {
  test('a German attendee gets the German template, its variables in German', () => {
    const sandbox = live(() => true);
    addEvent(sandbox, { summary: 'Checkup', location: ADA, start: TOMORROW_11 });
    const [message] = outbound(sandbox);
    expect(message.request.ContentSid).toBe(sids(sandbox).scheduled.de);
    expect(JSON.parse(message.request.ContentVariables ?? '{}')['3']).toBe('Dienstag, 6. Januar 2026, 11:00–11:30 MEZ (UTC+1)');
    expect(message.body).toMatch(
      /^Ihr Termin „Checkup“ bei Alex Morgan ist gebucht für Dienstag, 6\. Januar 2026, 11:00–11:30 MEZ \(UTC\+1\)\./,
    );
    expect(ledger(sandbox)[0].delivery).toBe('queued');
  });

  test('the German template still waiting: the English one, with the variables in English', () => {
    const sandbox = live((name) => !name.endsWith('_de'));
    addEvent(sandbox, { summary: 'Checkup', location: ADA, start: TOMORROW_11 });
    const [message] = outbound(sandbox);
    expect(message.request.ContentSid).toBe(sids(sandbox).scheduled.en);
    expect(JSON.parse(message.request.ContentVariables ?? '{}')['3']).toBe('Tuesday, 6 January 2026, 11:00–11:30 CET (UTC+1)');
    expect(message.body).toMatch(
      /^Your appointment "Checkup" with Alex Morgan is booked for Tuesday, 6 January 2026, 11:00–11:30 CET \(UTC\+1\)\./,
    );
    expect(sandbox.twilio.pendingFailures()).toEqual({});
    const templates = healthCheck(sandbox).checks.find((check) => check.id === 'templates');
    expect(templates?.ok).toBe(true);
    expect(templates?.detail).toContain(
      'de 0/4 approved (scheduled pending, rescheduled pending, cancelled pending, reminder pending → en)',
    );
  });

  test('none approved: the host template goes out, WhatsApp refuses it (63016), the event turns red with the reason', () => {
    const sandbox = live(() => false);
    addEvent(sandbox, { summary: 'Checkup', location: ADA, start: TOMORROW_11 });
    const [message] = outbound(sandbox);
    expect(message.request.ContentSid).toBe(sids(sandbox).scheduled.en);
    expect(sandbox.twilio.get(message.sid)?.error_code).toBe(63016);
    const [row] = ledger(sandbox);
    expect(row.delivery).toBe('failed');
    expect(row.error).toBe('WhatsApp needs an approved template outside the 24-hour window (Twilio 63016)');
    expect(calendarEvent(sandbox, row.eventId).colorId).toBe('11');
  });
});

describe("the host's own wording in template mode", () => {
  test('a changed text is a new template submitted for approval; the approved one is used until WhatsApp approves it', () => {
    const sandbox = live(() => true);
    const before = sids(sandbox).scheduled.de;
    ok(
      sandbox.run(
        'saveTexts',
        [
          [
            {
              key: 'message.scheduled',
              language: 'de',
              text: 'Guten Tag! Ihr Termin „{title}“ bei {host} ist am {when}. Alles zu Ihrem Termin: {link}',
            },
          ],
        ],
        { caller: 'owner' },
      ),
    );
    const made = createTemplates(sandbox);
    const changed = made.templates.find((item) => item.kind === 'scheduled' && item.language === 'de');
    expect(changed).toEqual({ kind: 'scheduled', language: 'de', sid: expect.stringMatching(/^HX/), status: 'received', inUse: before });
    expect(changed?.sid).not.toBe(before);
    const fresh = sandbox.twilio.content.find(changed?.sid ?? '');
    expect(fresh?.resource.friendly_name).toMatch(/^appointments_scheduled_de_[0-9a-f]{8}$/);
    expect(fresh?.approval).toEqual(expect.objectContaining({ status: 'received', category: 'UTILITY' }));
    expect(sandbox.twilio.content.all()).toHaveLength(45);
    expect(sids(sandbox).scheduled.de).toBe(before);
    expect(sids(sandbox).pending).toEqual({ scheduled: { de: changed?.sid } });

    addEvent(sandbox, { summary: 'Checkup', location: ADA, start: TOMORROW_11 });
    expect(outbound(sandbox).at(-1)?.request.ContentSid).toBe(before);

    sandbox.twilio.content.setApproval(changed?.sid ?? '', 'approved');
    // The health check reads the approval and puts the new template in the old one's place.
    const templates = healthCheck(sandbox).checks.find((check) => check.id === 'templates');
    expect(templates?.ok).toBe(true);
    expect(sids(sandbox).scheduled.de).toBe(changed?.sid);
    expect(sids(sandbox).pending).toBeUndefined();
    addEvent(sandbox, { summary: 'Second', location: ADA, start: TOMORROW_11 + 2 * HOUR });
    const last = outbound(sandbox).at(-1);
    expect(last?.request.ContentSid).toBe(changed?.sid);
    expect(last?.body).toMatch(/^Guten Tag! Ihr Termin „Second“ bei Alex Morgan ist am Dienstag, 6\. Januar 2026, 13:00–13:30 MEZ/);
  });

  test('the settings sidebar summarises the templates per language', () => {
    const sandbox = live((name) => !name.startsWith('appointments_reminder_de'));
    ok(sandbox.run('showSettings', [], { caller: 'owner' }));
    const page = sandbox.dialogs().at(-1)?.content ?? '';
    expect(page).toContain(
      'WhatsApp templates: en 4/4 approved; es 4/4 approved; pt 4/4 approved; de 3/4 approved (reminder pending → en); fr 4/4 approved',
    );
  });
});
