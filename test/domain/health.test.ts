// Table tests of the health check's verdicts, one guard at a time, with the exact wording the host reads.
import {
  credentialsCheck,
  failuresCheck,
  invitedCheck,
  healthDue,
  healthMail,
  lastSyncCheck,
  newlyFailing,
  notChecked,
  nextLastSync,
  parseHealthState,
  parseLastSync,
  PENDING_STUCK_MS,
  PING_ANSWER,
  quotaCheck,
  report,
  type RowFacts,
  STATUS_SHEET,
  SYNC_STALE_MS,
  senderCheck,
  statusRows,
  INVITED_HORIZON_MS,
  type TemplateApproval,
  templatesCheck,
  triggersCheck,
  URLFETCH_DAILY,
  utcDay,
  spreadsheetCheck,
  webAppCheck,
} from '../../src/domain/health';
import { TWILIO_SANDBOX_SENDER } from '../../src/domain/settings';

const MODE_PROBLEM = `Setting MESSAGE_MODE: "text" works only with Twilio's sandbox sender ${TWILIO_SANDBOX_SENDER}: WhatsApp refuses free text (error 63016) to anyone who has not written to you in the last 24 hours. Use "template" with your own sender.`;

describe('constants', () => {
  it('has the documented values', () => {
    expect([SYNC_STALE_MS, PENDING_STUCK_MS, URLFETCH_DAILY]).toEqual([30 * 60_000, 15 * 60_000, 20_000]);
    expect(PING_ANSWER).toBe('calendar-whatsapp ok');
    expect(STATUS_SHEET).toBe('Status');
  });
});

describe('notChecked', () => {
  it('is a failed check saying why', () => {
    expect(notChecked('web-app', 'no URL')).toEqual({ id: 'web-app', ok: false, detail: 'not checked: no URL' });
  });
});

describe('credentialsCheck', () => {
  const id = 'twilio-credentials';
  it.each([
    [{ error: 'DNS error' }, false, 'could not reach Twilio: DNS error'],
    [
      { status: 401, body: '{"code":20003,"message":"Authenticate"}' },
      false,
      'Twilio rejected the credentials: check the Account SID and auth token (or API key) (Twilio 20003)',
    ],
    [{ status: 500, body: 'oops' }, false, 'Twilio answered HTTP 500'],
    [{ status: 200, body: '{"friendly_name":"Clinic","status":"suspended"}' }, false, 'the Twilio account "Clinic" is suspended'],
    [{ status: 200, body: '{"status":"closed"}' }, false, 'the Twilio account is closed'],
    [{ status: 200, body: '{}' }, false, 'the Twilio account is not active'],
    [{ status: 200, body: 'not json' }, false, 'the Twilio account is not active'],
    [{ status: 200, body: 'null' }, false, 'the Twilio account is not active'],
    [{ status: 200, body: '42' }, false, 'the Twilio account is not active'],
    [{ status: 200, body: '{"friendly_name":"Clinic","status":"active","type":"Full"}' }, true, 'Twilio account "Clinic" is active'],
    [
      { status: 200, body: '{"friendly_name":"Clinic","status":"active","type":"Trial"}' },
      true,
      'Twilio account "Clinic" is active (trial: it can only message numbers verified in Twilio)',
    ],
    [{ status: 200, body: '{"status":"active"}' }, true, 'Twilio account "" is active'],
  ])('%j -> %s %s', (answer, ok, detail) => {
    expect(credentialsCheck(answer)).toEqual({ id, ok, detail });
  });
});

describe('senderCheck', () => {
  const id = 'sender';
  const own = 'whatsapp:+4930123456';
  const production = { whatsappFrom: own, messagingServiceSid: '', messageMode: 'template' as const };
  const senders = (list: unknown) => ({ status: 200, body: JSON.stringify({ senders: list }) });

  it('Twilio sandbox: fine whatever the senders answer', () => {
    expect(senderCheck({ whatsappFrom: TWILIO_SANDBOX_SENDER, messagingServiceSid: '', messageMode: 'text' }, null)).toEqual({
      id,
      ok: true,
      detail: `Twilio's WhatsApp sandbox (${TWILIO_SANDBOX_SENDER}): each attendee must first send "join <your code>" to it, and the sandbox is for trying out only`,
    });
  });

  it('the sandbox number behind a messaging service is not the sandbox', () => {
    const check = senderCheck({ whatsappFrom: TWILIO_SANDBOX_SENDER, messagingServiceSid: 'MG1', messageMode: 'template' }, null);
    expect(check).toEqual({ id, ok: false, detail: 'not checked: the Twilio credentials do not work' });
  });

  it.each([
    ['template', true, 'messaging service MG1 picks the sender'],
    ['text', false, MODE_PROBLEM],
  ] as const)('a messaging service without a number, mode %s', (messageMode, ok, detail) => {
    expect(senderCheck({ whatsappFrom: '', messagingServiceSid: 'MG1', messageMode }, null)).toEqual({ id, ok, detail });
  });

  it.each([
    ['no credentials', null, false, 'not checked: the Twilio credentials do not work'],
    ['unreachable', { error: 'timeout' }, false, 'could not reach Twilio: timeout'],
    [
      'HTTP error',
      { status: 403, body: '{"message":"Forbidden"}' },
      false,
      'listing your WhatsApp senders failed: Twilio answered HTTP 403: Forbidden',
    ],
    [
      'no list',
      { status: 200, body: '{}' },
      false,
      `${own} is not a WhatsApp sender of this Twilio account (Messaging → Senders → WhatsApp senders); check WHATSAPP_FROM`,
    ],
    [
      'another sender only',
      senders([null, { sender_id: 'whatsapp:+1999', status: 'ONLINE' }]),
      false,
      `${own} is not a WhatsApp sender of this Twilio account (Messaging → Senders → WhatsApp senders); check WHATSAPP_FROM`,
    ],
    ['offline', senders([{ sender_id: own, status: 'OFFLINE' }]), false, `the WhatsApp sender ${own} is OFFLINE, not ONLINE`],
    ['no status', senders([{ sender_id: own }]), false, `the WhatsApp sender ${own} is , not ONLINE`],
    ['online', senders([{ sender_id: own, status: 'ONLINE' }]), true, `${own} is an online WhatsApp sender of this account`],
    [
      'mine after another that is offline',
      senders([
        { sender_id: 'whatsapp:+1999', status: 'OFFLINE' },
        { sender_id: own, status: 'ONLINE' },
      ]),
      true,
      `${own} is an online WhatsApp sender of this account`,
    ],
    [
      'another online one only',
      senders([{ sender_id: 'whatsapp:+1999', status: 'ONLINE' }]),
      false,
      `${own} is not a WhatsApp sender of this Twilio account (Messaging → Senders → WhatsApp senders); check WHATSAPP_FROM`,
    ],
    ['updating', senders([{ sender_id: own, status: 'ONLINE:UPDATING' }]), true, `${own} is an online WhatsApp sender of this account`],
  ])('own number: %s', (_, answer, ok, detail) => {
    expect(senderCheck(production, answer)).toEqual({ id, ok, detail });
  });

  it('an online own sender in text mode is the mode problem', () => {
    const answer = senders([{ sender_id: own, status: 'ONLINE' }]);
    expect(senderCheck({ ...production, messageMode: 'text' }, answer)).toEqual({ id, ok: false, detail: MODE_PROBLEM });
  });
});

describe('templatesCheck', () => {
  const id = 'templates';
  const all = { scheduled: { en: 'HX1' }, rescheduled: { en: 'HX2' }, cancelled: { en: 'HX3' }, reminder: { en: 'HX4' } };
  const approved = { status: 'approved' as const, reason: '' };
  const allApproved = { HX1: approved, HX2: approved, HX3: approved, HX4: approved };
  const sandbox = { whatsappFrom: TWILIO_SANDBOX_SENDER, messagingServiceSid: '', pendingTemplates: {}, language: 'en' as const };
  const own = {
    whatsappFrom: 'whatsapp:+1',
    messagingServiceSid: '',
    messageMode: 'template' as const,
    pendingTemplates: {},
    language: 'en' as const,
  };
  const missingElsewhere = 'es, pt, de, fr, it, nl, tr, id, hi, ar missing → en';

  it('text mode on the sandbox needs none', () => {
    expect(templatesCheck({ ...sandbox, messageMode: 'text', templates: {} }, {})).toEqual({
      id,
      ok: true,
      detail: "none needed: text mode with Twilio's sandbox sender",
    });
  });

  it.each([
    ['template mode on the sandbox', { ...sandbox, messageMode: 'template' as const }],
    ['text mode on a service', { ...sandbox, messagingServiceSid: 'MG1', messageMode: 'text' as const }],
    ['text mode on an own number', { ...sandbox, whatsappFrom: 'whatsapp:+1', messageMode: 'text' as const }],
  ])('%s without templates lists every kind of the host language', (_, base) => {
    const run = ' no template in TEMPLATE_SIDS; run "Create WhatsApp templates"';
    expect(templatesCheck({ ...base, templates: {} }, {})).toEqual({
      id,
      ok: false,
      detail: `scheduled (en):${run}; rescheduled (en):${run}; cancelled (en):${run}; reminder (en):${run}. Per language: en 0/4 approved (scheduled missing, rescheduled missing, cancelled missing, reminder missing); ${missingElsewhere}`,
    });
  });

  it('text mode on the sandbox with some templates checks them', () => {
    expect(templatesCheck({ ...sandbox, messageMode: 'text', templates: all }, allApproved)).toEqual({
      id,
      ok: true,
      detail: `en 4/4 approved; ${missingElsewhere}`,
    });
  });

  it('each kind of trouble in the host language, one kind each', () => {
    const check = templatesCheck(
      { ...own, templates: all },
      { HX2: { error: 'HTTP 500' }, HX3: { status: 'pending', reason: '' }, HX4: approved },
    );
    expect(check).toEqual({
      id,
      ok: false,
      detail: `scheduled (en): not checked (HX1); rescheduled (en): HTTP 500 (HX2); cancelled (en): waiting for WhatsApp's approval (HX3). Per language: en 1/4 approved (scheduled not checked, rescheduled not checked, cancelled pending); ${missingElsewhere}`,
    });
  });

  it("another language waiting or missing falls back to the host's and passes; one WhatsApp rejected fails", () => {
    const templates = { ...all, scheduled: { en: 'HX1', de: 'HXd1' }, reminder: { en: 'HX4', de: 'HXd4' } };
    const pending = { HXd1: approved, HXd4: { status: 'received' as const, reason: '' } };
    expect(templatesCheck({ ...own, templates }, { ...allApproved, ...pending })).toEqual({
      id,
      ok: true,
      detail:
        'en 4/4 approved; de 1/4 approved (rescheduled missing, cancelled missing, reminder pending → en); es, pt, fr, it, nl, tr, id, hi, ar missing → en',
    });
    const rejected = { ...pending, HXd4: { status: 'rejected' as const, reason: 'INVALID_FORMAT' } };
    expect(templatesCheck({ ...own, templates }, { ...allApproved, ...rejected })).toEqual({
      id,
      ok: false,
      detail:
        'reminder (de): rejected by WhatsApp: INVALID_FORMAT (HXd4); delete it in Twilio\'s Content Template Builder and run "Create WhatsApp templates" again. Per language: en 4/4 approved; de 1/4 approved (rescheduled missing, cancelled missing, reminder rejected → en); es, pt, fr, it, nl, tr, id, hi, ar missing → en',
    });
  });

  it('a new wording waiting beside the approved one is named; approved, it counts in its place', () => {
    const pendingTemplates = { reminder: { en: 'HX5' } };
    expect(
      templatesCheck({ ...own, templates: all, pendingTemplates }, { ...allApproved, HX5: { status: 'received', reason: '' } }),
    ).toEqual({
      id,
      ok: true,
      detail: `en 4/4 approved (new wording of reminder waiting for approval, the approved one is used); ${missingElsewhere}`,
    });
    expect(
      templatesCheck({ ...own, templates: all, pendingTemplates }, { ...allApproved, HX5: { status: 'rejected', reason: 'no' } }).ok,
    ).toBe(false);
    expect(templatesCheck({ ...own, templates: all, pendingTemplates }, { ...allApproved, HX5: approved }).detail).toBe(
      `en 4/4 approved; ${missingElsewhere}`,
    );
  });
});

describe('templatesCheck: refused templates of another language, and new wordings', () => {
  const all = { scheduled: { en: 'HX1' }, rescheduled: { en: 'HX2' }, cancelled: { en: 'HX3' }, reminder: { en: 'HX4' } };
  const approved = { status: 'approved' as const, reason: '' };
  const allApproved = { HX1: approved, HX2: approved, HX3: approved, HX4: approved };
  const own = {
    whatsappFrom: 'whatsapp:+1',
    messagingServiceSid: '',
    messageMode: 'template' as const,
    pendingTemplates: {},
    language: 'en' as const,
  };
  const others = 'es, pt, fr, it, nl, tr, id, hi, ar missing → en';
  const german = (state: string) => `de 0/4 approved (scheduled missing, rescheduled missing, cancelled missing, reminder ${state} → en)`;
  const feedback = "usually after poor feedback; see Twilio's console";

  it.each<[string, TemplateApproval, string]>([
    [
      'a failed check',
      { error: 'HTTP 500' },
      `reminder (de): HTTP 500 (HXd4). Per language: en 4/4 approved; ${german('not checked')}; ${others}`,
    ],
    [
      'a paused template',
      { status: 'paused', reason: 'low quality' },
      `reminder (de): paused by WhatsApp (HXd4), ${feedback}. Per language: en 4/4 approved; ${german('paused')}; ${others}`,
    ],
    [
      'a disabled template',
      { status: 'disabled', reason: 'x' },
      `reminder (de): disabled by WhatsApp (HXd4), ${feedback}. Per language: en 4/4 approved; ${german('disabled')}; ${others}`,
    ],
  ])('a German reminder with %s fails, though English stands in', (_, approval, detail) => {
    const templates = { ...all, reminder: { en: 'HX4', de: 'HXd4' } };
    expect(templatesCheck({ ...own, templates }, { ...allApproved, HXd4: approval })).toEqual({ id: 'templates', ok: false, detail });
  });

  const pendingTemplates = { reminder: { en: 'HX5' } };
  const waiting = 'en 4/4 approved (new wording of reminder waiting for approval, the approved one is used)';
  const nowhere = 'es, pt, de, fr, it, nl, tr, id, hi, ar missing → en';

  it('a new wording not yet checked passes, noted as waiting', () => {
    expect(templatesCheck({ ...own, templates: all, pendingTemplates }, allApproved)).toEqual({
      id: 'templates',
      ok: true,
      detail: `${waiting}; ${nowhere}`,
    });
  });

  it('a new wording whose check failed is named', () => {
    expect(templatesCheck({ ...own, templates: all, pendingTemplates }, { ...allApproved, HX5: { error: 'HTTP 500' } })).toEqual({
      id: 'templates',
      ok: false,
      detail: `new wording of reminder (en): HTTP 500 (HX5). Per language: ${waiting}; ${nowhere}`,
    });
  });
});

describe('INVITED_HORIZON_MS', () => {
  it('looks 30 days ahead', () => {
    expect(INVITED_HORIZON_MS).toBe(2_592_000_000);
  });
});

describe('triggersCheck', () => {
  const wanted = { calendar: 'onCalendar', tick: 'tick' };
  it.each([
    [['onCalendar', 'tick'], true, 'calendar trigger and 10-minute tick installed once each'],
    [['tick', 'onCalendar', 'other'], true, 'calendar trigger and 10-minute tick installed once each'],
    [['tick'], false, 'the calendar trigger (onCalendar) is missing: run "Set up or repair"'],
    [['onCalendar'], false, 'the time trigger (tick) is missing: run "Set up or repair"'],
    [[], false, 'the calendar trigger (onCalendar) is missing; the time trigger (tick) is missing: run "Set up or repair"'],
    [['onCalendar', 'onCalendar', 'tick'], false, 'the calendar trigger (onCalendar) is installed 2 times: run "Set up or repair"'],
    [['onCalendar', 'tick', 'tick', 'tick'], false, 'the time trigger (tick) is installed 3 times: run "Set up or repair"'],
  ])('%j -> %s', (handlers, ok, detail) => {
    expect(triggersCheck(handlers, wanted)).toEqual({ id: 'triggers', ok, detail });
  });
});

describe('webAppCheck', () => {
  const url = 'https://script.google.com/macros/s/X/exec';
  it.each([
    ['', null, false, 'WEB_APP_URL is not set: run "Set up or repair" after deploying the web app'],
    ['', { status: 200, body: PING_ANSWER }, false, 'WEB_APP_URL is not set: run "Set up or repair" after deploying the web app'],
    [url, null, false, 'not checked: WEB_APP_URL is not an http(s) URL'],
    [url, { error: 'timeout' }, false, `${url} could not be reached: timeout`],
    [url, { status: 200, body: `  ${PING_ANSWER}\n` }, true, `${url} answers`],
    [
      url,
      { status: 200, body: '<html>Sign in</html>' },
      false,
      `${url} answers, but not as this web app (a Google sign-in page means the deployment is not open to "Anyone")`,
    ],
    [url, { status: 404, body: PING_ANSWER }, false, `${url} answered HTTP 404: deploy the web app (npm run setup) and check WEB_APP_URL`],
  ])('%s %j', (u, answer, ok, detail) => {
    expect(webAppCheck(u, answer)).toEqual({ id: 'web-app', ok, detail });
  });
});

describe('last sync record', () => {
  it.each([
    [undefined, { at: 0, error: '', okAt: 0, day: '', fetches: 0 }],
    ['garbage', { at: 0, error: '', okAt: 0, day: '', fetches: 0 }],
    ['{"at":"x","error":5,"okAt":null,"day":7,"fetches":"y"}', { at: 0, error: '', okAt: 0, day: '', fetches: 0 }],
    ['{"at":5,"error":"boom","okAt":3,"day":"2026-01-06","fetches":9}', { at: 5, error: 'boom', okAt: 3, day: '2026-01-06', fetches: 9 }],
  ])('parseLastSync(%s)', (raw, expected) => {
    expect(parseLastSync(raw)).toEqual(expected);
  });

  it('utcDay is the UTC date', () => {
    expect(utcDay(Date.UTC(2026, 0, 6, 23, 59))).toBe('2026-01-06');
    expect(utcDay(Date.UTC(2026, 0, 7, 0, 0))).toBe('2026-01-07');
  });

  const at = Date.UTC(2026, 0, 6, 12, 0);
  const previous = { at: at - 60_000, error: '', okAt: at - 60_000, day: '2026-01-06', fetches: 4 };

  it.each([
    ['a quiet good run soon after a good one', previous, '', 0, null],
    ['a run with fetches', previous, '', 2, { at, error: '', okAt: at, day: '2026-01-06', fetches: 6 }],
    ['a failed run', previous, 'boom', 0, { at, error: 'boom', okAt: at - 60_000, day: '2026-01-06', fetches: 4 }],
    ['a good run after a failed one', { ...previous, error: 'boom' }, '', 0, { at, error: '', okAt: at, day: '2026-01-06', fetches: 4 }],
    ['a new day', { ...previous, day: '2026-01-05' }, '', 0, { at, error: '', okAt: at, day: '2026-01-06', fetches: 0 }],
    ['a new day with fetches', { ...previous, day: '2026-01-05' }, '', 3, { at, error: '', okAt: at, day: '2026-01-06', fetches: 3 }],
    ['five minutes later', { ...previous, at: at - 5 * 60_000 }, '', 0, { at, error: '', okAt: at, day: '2026-01-06', fetches: 4 }],
    ['just under five minutes later', { ...previous, at: at - 5 * 60_000 + 1 }, '', 0, null],
  ])('nextLastSync: %s', (_, prev, error, fetches, expected) => {
    expect(nextLastSync(prev, at, error, fetches)).toEqual(expected);
  });

  const describe_ = (ms: number) => `@${ms}`;
  it.each([
    ['none yet', { at: 0, error: '', okAt: 0, day: '', fetches: 0 }, false, 'no sync has run yet: run "Set up or repair"'],
    ['failed, never good', { at: 100, error: 'boom', okAt: 0, day: '', fetches: 0 }, false, 'the last sync (@100) failed: boom'],
    [
      'failed after a good one',
      { at: 100, error: 'boom', okAt: 50, day: '', fetches: 0 },
      false,
      'the last sync (@100) failed: boom; last good run @50',
    ],
    [
      'stale',
      { at: 1000 - SYNC_STALE_MS - 1, error: '', okAt: 1, day: '', fetches: 0 },
      false,
      `the last sync ran @${1000 - SYNC_STALE_MS - 1}: the triggers may not be running`,
    ],
    [
      'exactly at the limit',
      { at: 1000 - SYNC_STALE_MS, error: '', okAt: 1, day: '', fetches: 0 },
      true,
      `last sync @${1000 - SYNC_STALE_MS}, without errors`,
    ],
    ['recent', { at: 900, error: '', okAt: 900, day: '', fetches: 0 }, true, 'last sync @900, without errors'],
  ])('lastSyncCheck: %s', (_, last, ok, detail) => {
    expect(lastSyncCheck(last, 1000, describe_)).toEqual({ id: 'last-sync', ok, detail });
  });
});

describe('failuresCheck', () => {
  const DAY = 24 * 3600_000;
  const at = Date.UTC(2026, 0, 6, 12, 0);
  const row = (overrides: Partial<RowFacts> = {}): RowFacts => ({
    title: 'Checkup',
    phone: '+4915123456789',
    start: at + DAY,
    delivery: 'delivered',
    error: '',
    pending: '',
    updatedAt: at,
    state: 'active',
    ...overrides,
  });
  const fine = { id: 'failures', ok: true, detail: 'no failed or stuck messages' };

  it.each([
    ['delivered', [row()]],
    ['delivered long ago, nothing pending', [row({ updatedAt: 0 })]],
    ['failed, more than a day past', [row({ delivery: 'failed', start: at - DAY })]],
    ['failed but pending again', [row({ delivery: 'failed', pending: 'scheduled', updatedAt: at })]],
    ['pending exactly to the limit', [row({ pending: 'scheduled', updatedAt: at - PENDING_STUCK_MS })]],
    ['stuck, but a day past', [row({ pending: 'scheduled', updatedAt: 0, start: at - DAY })]],
  ])('fine: %s', (_, rows) => {
    expect(failuresCheck(rows, at)).toEqual(fine);
  });

  it.each(['failed', 'undelivered', 'error', 'opted-out'])('red delivery %s, started less than a day ago', (delivery) => {
    expect(failuresCheck([row({ delivery, start: at - DAY + 1 })], at)).toEqual({
      id: 'failures',
      ok: false,
      detail: `1 failed: "Checkup" to +4915123456789: ${delivery}`,
    });
  });

  it('names the error, or Appointment for an untitled one, and a stuck send', () => {
    const rows = [
      row({ delivery: 'failed', error: 'the number is not valid (Twilio 21211)', title: '' }),
      row({ pending: 'rescheduled', updatedAt: at - PENDING_STUCK_MS - 1 }),
      row({ pending: 'cancelled', updatedAt: at - PENDING_STUCK_MS - 1, error: 'timeout', title: '' }),
    ];
    expect(failuresCheck(rows, at)).toEqual({
      id: 'failures',
      ok: false,
      detail:
        '1 failed, 2 pending: "Appointment" to +4915123456789: the number is not valid (Twilio 21211); "Checkup" to +4915123456789: rescheduled still pending; "Appointment" to +4915123456789: cancelled still pending (timeout)',
    });
  });

  it('shows at most five of each', () => {
    const rows = [
      ...Array.from({ length: 7 }, (_, i) => row({ delivery: 'failed', title: `F${i}` })),
      ...Array.from({ length: 6 }, (_, i) => row({ pending: 'scheduled', updatedAt: 0, title: `P${i}` })),
    ];
    const detail = failuresCheck(rows, at).detail;
    expect(detail.startsWith('7 failed, 6 pending: ')).toBe(true);
    expect(detail.match(/"F\d"/g)).toEqual(['"F0"', '"F1"', '"F2"', '"F3"', '"F4"']);
    expect(detail.match(/"P\d"/g)).toEqual(['"P0"', '"P1"', '"P2"', '"P3"', '"P4"']);
  });

  it('only stuck ones', () => {
    expect(failuresCheck([row({ pending: 'scheduled', updatedAt: 0 })], at).detail).toBe(
      '1 pending: "Checkup" to +4915123456789: scheduled still pending',
    );
  });
});

describe('quotaCheck', () => {
  it.each([
    [100, 0, true, 20000, 0],
    [10, 16000, true, 4000, 16000],
    [9, 0, false, 20000, 0],
    [100, 16001, false, 3999, 16001],
    [100, 25000, false, 0, 25000],
  ])('mail %i, fetches %i', (mail, fetches, ok, left, used) => {
    expect(quotaCheck(mail, fetches)).toEqual({
      id: 'quota',
      ok,
      detail: `mail: ${mail} recipients left today; UrlFetch: about ${left} of ${URLFETCH_DAILY} calls left (sync runs used ${used})`,
    });
  });
});

describe('report, daily state, Status sheet and mail', () => {
  const good = { id: 'settings' as const, ok: true, detail: 'fine' };
  const bad = { id: 'quota' as const, ok: false, detail: 'low' };
  const worse = { id: 'triggers' as const, ok: false, detail: 'missing' };

  it('report is ok only when every check is', () => {
    expect(report([good])).toEqual({ ok: true, checks: [good] });
    expect(report([good, bad])).toEqual({ ok: false, checks: [good, bad] });
    expect(report([])).toEqual({ ok: true, checks: [] });
  });

  it.each([
    [undefined, { day: '', failing: [] }],
    ['nope', { day: '', failing: [] }],
    ['{"day":3,"failing":"quota"}', { day: '', failing: [] }],
    ['{"day":"2026-01-06","failing":["quota",4,"sender"]}', { day: '2026-01-06', failing: ['quota', 'sender'] }],
  ])('parseHealthState(%s)', (raw, expected) => {
    expect(parseHealthState(raw)).toEqual(expected);
  });

  it('is due once per UTC day', () => {
    const at = Date.UTC(2026, 0, 6, 0, 5);
    expect(healthDue({ day: '2026-01-06', failing: [] }, at)).toBe(false);
    expect(healthDue({ day: '2026-01-05', failing: [] }, at)).toBe(true);
    expect(healthDue({ day: '', failing: [] }, at)).toBe(true);
  });

  it('newly failing: failed now and not before', () => {
    expect(newlyFailing({ day: '', failing: ['quota'] }, [good, bad, worse])).toEqual([worse]);
    expect(newlyFailing({ day: '', failing: [] }, [good, bad])).toEqual([bad]);
  });

  it('Status rows', () => {
    expect(statusRows(report([good, bad]), '6 Jan 12:00')).toEqual([
      ['check', 'ok', 'detail', 'checked'],
      ['settings', 'OK', 'fine', '6 Jan 12:00'],
      ['quota', 'PROBLEM', 'low', '6 Jan 12:00'],
    ]);
  });

  const tail = 'You get this mail once per problem; it comes again only if the problem returns after being fixed.';
  it('mail for one problem, with the spreadsheet link', () => {
    expect(healthMail([bad], report([good, bad]), 'https://docs.google.com/s')).toEqual({
      subject: 'WhatsApp appointments: quota needs attention',
      text: [
        'The daily health check of your WhatsApp appointments found a new problem:',
        '',
        '- quota: low',
        '',
        'All checks:',
        '- settings: OK',
        '- quota: PROBLEM',
        '',
        'The Status sheet of https://docs.google.com/s shows the details.',
        tail,
      ].join('\n'),
    });
  });

  it('mail for two problems, without a link', () => {
    const mail = healthMail([bad, worse], report([bad, worse]), '');
    expect(mail.subject).toBe('WhatsApp appointments: 2 checks need attention');
    expect(mail.text).toBe(
      [
        'The daily health check of your WhatsApp appointments found a new problem:',
        '',
        '- quota: low',
        '- triggers: missing',
        '',
        'All checks:',
        '- quota: PROBLEM',
        '- triggers: PROBLEM',
        '',
        'The Status sheet of your spreadsheet shows the details.',
        tail,
      ].join('\n'),
    );
  });
});

describe('invitedCheck', () => {
  const describeAt = (ms: number) => `t${ms}`;
  const event = (n: number) => ({ title: n === 0 ? '' : `Call ${n}`, start: n, organizer: `org${n}` });
  it('passes and names each of up to five invited events with a number, then counts the rest', () => {
    const six = invitedCheck([0, 1, 2, 3, 4, 5].map(event), describeAt);
    expect(six.ok).toBe(true);
    expect(six.detail).toBe(
      'not announced: 6 events you were invited to (someone else organises them) with a phone number in the location: "Appointment" (t0, organised by org0); "Call 1" (t1, organised by org1); "Call 2" (t2, organised by org2); "Call 3" (t3, organised by org3); "Call 4" (t4, organised by org4); and 1 more. Only events organised on this calendar are announced; to announce one, create it on this calendar yourself.',
    );
    expect(invitedCheck([event(1)], describeAt).detail).toMatch(
      /^not announced: 1 event you were invited to \(someone else organises it\) with .*"Call 1" \(t1, organised by org1\)\. Only/,
    );
    expect(invitedCheck([0, 1, 2, 3, 4].map(event), describeAt).detail).not.toContain('more');
    expect(invitedCheck([], describeAt)).toEqual({
      id: 'invited',
      ok: true,
      detail: 'no event you were invited to in the next 30 days has a phone number in its location',
    });
  });
});

describe('spreadsheetCheck', () => {
  it.each([
    [undefined, true, 'rows go to this spreadsheet (B1); the next sync stores its id'],
    ['', true, 'rows go to this spreadsheet (B1); the next sync stores its id'],
    ['S1', true, 'rows go to this spreadsheet (B1); the next sync stores its id'],
    ['S0 A1', true, 'rows go to this spreadsheet (B1); the stored SPREADSHEET_ID came from another script (a copy?) and is not used'],
    [
      'S1 A1',
      false,
      'SPREADSHEET_ID names spreadsheet A1, not the one this script is bound to (B1): delete the SPREADSHEET_ID script property (Project Settings → Script properties) and run "Sync now"',
    ],
    ['S1 B1', true, 'rows go to this spreadsheet (B1)'],
    [' S1 B1\n', true, 'rows go to this spreadsheet (B1)'],
  ])('record %j', (record, ok, detail) => {
    expect(spreadsheetCheck(record, 'S1', 'B1')).toEqual({ id: 'spreadsheet', ok, detail });
  });
});
