// The health check's verdicts: each check from plain facts, the daily schedule, what newly failed, the Status sheet and the mail.
import { isSandboxSender, messageModeSettingProblem, TWILIO_SANDBOX_SENDER } from './message-mode';
import { PROP, type Settings } from './settings';
import { describeApproval, templateSidsIn, templateStates, templateSummary, type ApprovalStatus } from './templates';
import { twilioProblem } from './twilio';

export type HealthId =
  | 'settings'
  | 'twilio-credentials'
  | 'sender'
  | 'templates'
  | 'triggers'
  | 'web-app'
  | 'last-sync'
  | 'failures'
  | 'invited'
  | 'spreadsheet'
  | 'quota';

export interface HealthCheck {
  id: HealthId;
  ok: boolean;
  detail: string;
}

export interface HealthReport {
  ok: boolean;
  checks: HealthCheck[];
}

/** An HTTP answer as the adapters return it. */
export type Answer = { status: number; body: string } | { error: string };

const DAY_MS = 24 * 3600_000;
/** The tick runs every 10 minutes: a sync older than three ticks means the triggers are not running. */
export const SYNC_STALE_MS = 30 * 60_000;
/** A row pending longer than this is stuck, not merely on its way. */
export const PENDING_STUCK_MS = 15 * 60_000;
/** Below this many mail recipients left today, invitations and notices may not go out. */
const MAIL_LOW = 10;
/** Consumer accounts get 20,000 UrlFetch calls a day (https://developers.google.com/apps-script/guides/services/quotas). */
export const URLFETCH_DAILY = 20_000;

function json(body: string): Record<string, unknown> {
  try {
    const value = JSON.parse(body) as unknown;
    // Stryker disable next-line ConditionalExpression: a number or string taken as a record has none of the fields read, like {}
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function unreachable(answer: Answer): string | null {
  return 'error' in answer ? `could not reach Twilio: ${answer.error}` : null;
}

export function notChecked(id: HealthId, why: string): HealthCheck {
  return { id, ok: false, detail: `not checked: ${why}` };
}

/** FetchAccount's answer: the credentials work and the account is active. */
export function credentialsCheck(answer: Answer): HealthCheck {
  const id = 'twilio-credentials';
  const down = unreachable(answer);
  if (down) return { id, ok: false, detail: down };
  const { status, body } = answer as { status: number; body: string };
  if (status !== 200) return { id, ok: false, detail: twilioProblem(status, body) };
  const account = json(body);
  const name = String(account.friendly_name ?? '');
  const state = String(account.status ?? '');
  if (state !== 'active') return { id, ok: false, detail: `the Twilio account ${name ? `"${name}" ` : ''}is ${state || 'not active'}` };
  const trial = account.type === 'Trial' ? ' (trial: it can only message numbers verified in Twilio)' : '';
  return { id, ok: true, detail: `Twilio account "${name}" is active${trial}` };
}

/** The sender: Twilio's sandbox, or a WhatsApp sender of this account that is online; and a mode that suits it. */
export function senderCheck(
  settings: Pick<Settings, 'whatsappFrom' | 'messagingServiceSid' | 'messageMode'>,
  senders: Answer | null,
): HealthCheck {
  const id = 'sender';
  const modeProblem = messageModeSettingProblem(settings);
  if (isSandboxSender(settings)) {
    return {
      id,
      ok: true,
      detail: `Twilio's WhatsApp sandbox (${TWILIO_SANDBOX_SENDER}): each attendee must first send "join <your code>" to it, and the sandbox is for trying out only`,
    };
  }
  if (settings.whatsappFrom === '') {
    return modeProblem
      ? { id, ok: false, detail: modeProblem }
      : { id, ok: true, detail: `messaging service ${settings.messagingServiceSid} picks the sender` };
  }
  if (senders === null) return notChecked(id, 'the Twilio credentials do not work');
  const down = unreachable(senders);
  if (down) return { id, ok: false, detail: down };
  const { status, body } = senders as { status: number; body: string };
  if (status !== 200) return { id, ok: false, detail: `listing your WhatsApp senders failed: ${twilioProblem(status, body)}` };
  const list = (json(body).senders ?? []) as Array<Record<string, unknown>>;
  const mine = list.find((sender) => sender?.sender_id === settings.whatsappFrom);
  if (!mine) {
    return {
      id,
      ok: false,
      detail: `${settings.whatsappFrom} is not a WhatsApp sender of this Twilio account (Messaging → Senders → WhatsApp senders); check WHATSAPP_FROM`,
    };
  }
  const state = String(mine.status ?? '');
  if (state !== 'ONLINE' && state !== 'ONLINE:UPDATING')
    return { id, ok: false, detail: `the WhatsApp sender ${settings.whatsappFrom} is ${state}, not ONLINE` };
  if (modeProblem) return { id, ok: false, detail: modeProblem };
  return { id, ok: true, detail: `${settings.whatsappFrom} is an online WhatsApp sender of this account` };
}

export type TemplateApproval = { status: ApprovalStatus; reason: string } | { error: string };

/**
 * The host's language has every kind approved (every other language falls back to it), and no template
 * in any language was refused by WhatsApp or could not be read. Another language that is missing or
 * waiting is no failure: its attendees get the host's language meanwhile, which the summary says.
 * In text mode with Twilio's sandbox no template is needed; with a production sender they are what
 * reaches attendees outside their 24-hour session. `approvals`: each SID of TEMPLATE_SIDS as read now.
 */
export function templatesCheck(
  settings: Pick<Settings, 'whatsappFrom' | 'messagingServiceSid' | 'messageMode' | 'templates' | 'pendingTemplates' | 'language'>,
  approvals: Record<string, TemplateApproval>,
): HealthCheck {
  const id = 'templates';
  const sids = { templates: settings.templates, pendingTemplates: settings.pendingTemplates };
  const sandboxText = settings.messageMode === 'text' && isSandboxSender(settings);
  if (sandboxText && templateSidsIn(sids).length === 0)
    return { id, ok: true, detail: "none needed: text mode with Twilio's sandbox sender" };
  const status: Record<string, ApprovalStatus> = {};
  for (const [sid, approval] of Object.entries(approvals)) status[sid] = 'error' in approval ? 'unknown' : approval.status;
  const host = settings.language;
  const problems: string[] = [];
  const describe = (what: string, sid: string) => {
    const approval = approvals[sid];
    if (!approval) return `${what}: not checked (${sid})`;
    if ('error' in approval) return `${what}: ${approval.error} (${sid})`;
    return describeApproval(what, sid, approval.status, approval.reason);
  };
  for (const item of templateStates(sids, status)) {
    const what = `${item.kind} (${item.language})`;
    const approval = approvals[item.sid];
    const refused = approval !== undefined && ('error' in approval || ['rejected', 'paused', 'disabled'].includes(approval.status));
    if (item.language === host && item.state === 'missing')
      problems.push(`${what}: no template in ${PROP.templates}; run "Create WhatsApp templates"`);
    else if ((item.language === host && item.state !== 'approved') || (item.sid !== '' && item.state !== 'approved' && refused))
      problems.push(describe(what, item.sid));
    const waiting = item.waiting ? approvals[item.waiting] : undefined;
    if (item.waiting && waiting && ('error' in waiting || waiting.status === 'rejected'))
      problems.push(describe(`new wording of ${what}`, item.waiting));
  }
  const summary = templateSummary(sids, status, host);
  if (problems.length === 0) return { id, ok: true, detail: summary };
  return { id, ok: false, detail: `${problems.join('; ')}. Per language: ${summary}` };
}

/** Installable triggers of this user in this project: the calendar trigger and the tick, once each. */
export function triggersCheck(handlers: string[], wanted: { calendar: string; tick: string }): HealthCheck {
  const id = 'triggers';
  const count = (name: string) => handlers.filter((handler) => handler === name).length;
  const problems: string[] = [];
  for (const [what, name] of [
    ['calendar trigger', wanted.calendar],
    ['time trigger', wanted.tick],
  ] as const) {
    const n = count(name);
    if (n === 0) problems.push(`the ${what} (${name}) is missing`);
    else if (n > 1) problems.push(`the ${what} (${name}) is installed ${n} times`);
  }
  if (problems.length > 0) return { id, ok: false, detail: `${problems.join('; ')}: run "Set up or repair"` };
  return { id, ok: true, detail: 'calendar trigger and 10-minute tick installed once each' };
}

/** The marker the web app answers to ?p=ping, so a login page or another app is not taken for ours. */
export const PING_ANSWER = 'calendar-whatsapp ok';

export function webAppCheck(url: string, answer: Answer | null): HealthCheck {
  const id = 'web-app';
  if (url === '') return { id, ok: false, detail: 'WEB_APP_URL is not set: run "Set up or repair" after deploying the web app' };
  if (answer === null) return notChecked(id, 'WEB_APP_URL is not an http(s) URL');
  if ('error' in answer) return { id, ok: false, detail: `${url} could not be reached: ${answer.error}` };
  if (answer.status === 200 && answer.body.trim() === PING_ANSWER) return { id, ok: true, detail: `${url} answers` };
  if (answer.status === 200) {
    return {
      id,
      ok: false,
      detail: `${url} answers, but not as this web app (a Google sign-in page means the deployment is not open to "Anyone")`,
    };
  }
  return { id, ok: false, detail: `${url} answered HTTP ${answer.status}: deploy the web app (npm run setup) and check WEB_APP_URL` };
}

// ---- last sync, recorded by the sync itself ----

export interface LastSync {
  /** When the last sync run ended (or failed), epoch ms; 0 when none is recorded. */
  at: number;
  /** Its error, '' when it went well. */
  error: string;
  /** When it last went well. */
  okAt: number;
  /** UrlFetch calls made by sync runs on `day` (UTC date), an estimate of the day's use. */
  day: string;
  fetches: number;
}

export function parseLastSync(raw: string | undefined): LastSync {
  // Stryker disable next-line StringLiteral: any text that is not JSON parses to {} as '' does
  const value = json(raw ?? '');
  return {
    at: Number(value.at) || 0,
    error: typeof value.error === 'string' ? value.error : '',
    okAt: Number(value.okAt) || 0,
    day: typeof value.day === 'string' ? value.day : '',
    fetches: Number(value.fetches) || 0,
  };
}

export function utcDay(at: number): string {
  return new Date(at).toISOString().slice(0, 10);
}

/** The record after a run; null when nothing worth a property write changed (a good run soon after another). */
export function nextLastSync(previous: LastSync, at: number, error: string, fetches: number): LastSync | null {
  const day = utcDay(at);
  const counted = previous.day === day ? previous.fetches + fetches : fetches;
  const next: LastSync = { at, error, okAt: error === '' ? at : previous.okAt, day, fetches: counted };
  const quiet = error === '' && previous.error === '' && fetches === 0 && previous.day === day && at - previous.at < 5 * 60_000;
  return quiet ? null : next;
}

export function lastSyncCheck(last: LastSync, at: number, describe: (ms: number) => string): HealthCheck {
  const id = 'last-sync';
  if (last.at === 0) return { id, ok: false, detail: 'no sync has run yet: run "Set up or repair"' };
  if (last.error !== '') {
    const since = last.okAt ? `; last good run ${describe(last.okAt)}` : '';
    return { id, ok: false, detail: `the last sync (${describe(last.at)}) failed: ${last.error}${since}` };
  }
  if (at - last.at > SYNC_STALE_MS)
    return { id, ok: false, detail: `the last sync ran ${describe(last.at)}: the triggers may not be running` };
  return { id, ok: true, detail: `last sync ${describe(last.at)}, without errors` };
}

/**
 * Whether the stored SPREADSHEET_ID ("<script id> <spreadsheet id>") points rows at the spreadsheet this
 * script is bound to. A copy of the spreadsheet copies its script into a new project
 * (https://developers.google.com/apps-script/guides/bound), whose new script id makes a record that came
 * along unused; a record of this very script naming another spreadsheet would send rows there.
 */
export function spreadsheetCheck(record: string | undefined, scriptId: string, boundId: string): HealthCheck {
  const id = 'spreadsheet';
  const [recordScript = '', recordSheet = ''] = (record ?? '').trim().split(' ');
  if (recordSheet === '') return { id, ok: true, detail: `rows go to this spreadsheet (${boundId}); the next sync stores its id` };
  if (recordScript !== scriptId)
    return {
      id,
      ok: true,
      detail: `rows go to this spreadsheet (${boundId}); the stored SPREADSHEET_ID came from another script (a copy?) and is not used`,
    };
  if (recordSheet !== boundId)
    return {
      id,
      ok: false,
      detail: `SPREADSHEET_ID names spreadsheet ${recordSheet}, not the one this script is bound to (${boundId}): delete the SPREADSHEET_ID script property (Project Settings → Script properties) and run "Sync now"`,
    };
  return { id, ok: true, detail: `rows go to this spreadsheet (${boundId})` };
}

/** Ledger rows as the failures check sees them. */
export interface RowFacts {
  title: string;
  phone: string;
  start: number;
  delivery: string;
  error: string;
  pending: string;
  updatedAt: number;
  state: string;
}

const RED = new Set(['failed', 'undelivered', 'error', 'opted-out']);

export function failuresCheck(rows: RowFacts[], at: number): HealthCheck {
  const id = 'failures';
  const upcoming = rows.filter((row) => row.start + DAY_MS > at);
  const red = upcoming.filter((row) => RED.has(row.delivery) && row.pending === '');
  const stuck = upcoming.filter((row) => row.pending !== '' && at - row.updatedAt > PENDING_STUCK_MS);
  if (red.length === 0 && stuck.length === 0) return { id, ok: true, detail: 'no failed or stuck messages' };
  const lines = [
    ...red.slice(0, 5).map((row) => `"${row.title || 'Appointment'}" to ${row.phone}: ${row.error || row.delivery}`),
    ...stuck
      .slice(0, 5)
      .map((row) => `"${row.title || 'Appointment'}" to ${row.phone}: ${row.pending} still pending${row.error ? ` (${row.error})` : ''}`),
  ];
  const counts = [red.length ? `${red.length} failed` : '', stuck.length ? `${stuck.length} pending` : ''].filter(Boolean).join(', ');
  return { id, ok: false, detail: `${counts}: ${lines.join('; ')}` };
}

/** An upcoming event someone else organised, whose location holds a phone number: the sync leaves it alone. */
export interface InvitedEvent {
  title: string;
  start: number;
  organizer: string;
}

/** How far ahead the health check looks for invited events the host may expect to be announced. */
export const INVITED_HORIZON_MS = 30 * DAY_MS;

/**
 * Events the host was invited to are never announced (a colleague's dial-in number is not an
 * attendee), but a host who put a client's number into such an event would otherwise see nothing:
 * the check names them. It passes: not announcing them is the rule, not a fault.
 */
export function invitedCheck(events: InvitedEvent[], describe: (ms: number) => string): HealthCheck {
  const id = 'invited';
  if (events.length === 0)
    return { id, ok: true, detail: 'no event you were invited to in the next 30 days has a phone number in its location' };
  const shown = events
    .slice(0, 5)
    .map((event) => `"${event.title || 'Appointment'}" (${describe(event.start)}, organised by ${event.organizer})`);
  const more = events.length > 5 ? `; and ${events.length - 5} more` : '';
  const count = events.length === 1 ? '1 event' : `${events.length} events`;
  return {
    id,
    ok: true,
    detail: `not announced: ${count} you were invited to (someone else organises ${events.length === 1 ? 'it' : 'them'}) with a phone number in the location: ${shown.join('; ')}${more}. Only events organised on this calendar are announced; to announce one, create it on this calendar yourself.`,
  };
}

export function quotaCheck(mailRemaining: number, fetchesToday: number): HealthCheck {
  const id = 'quota';
  const fetchLeft = Math.max(0, URLFETCH_DAILY - fetchesToday);
  const detail = `mail: ${mailRemaining} recipients left today; UrlFetch: about ${fetchLeft} of ${URLFETCH_DAILY} calls left (sync runs used ${fetchesToday})`;
  const ok = mailRemaining >= MAIL_LOW && fetchLeft >= URLFETCH_DAILY * 0.2;
  return { id, ok, detail };
}

export function report(checks: HealthCheck[]): HealthReport {
  return { ok: checks.every((check) => check.ok), checks };
}

// ---- daily run, what changed, and how it is shown ----

export interface HealthState {
  /** UTC day of the last daily run. */
  day: string;
  /** Ids that failed at the last run (daily or from the menu). */
  failing: HealthId[];
}

export function parseHealthState(raw: string | undefined): HealthState {
  // Stryker disable next-line StringLiteral: any text that is not JSON parses to {} as '' does
  const value = json(raw ?? '');
  return {
    day: typeof value.day === 'string' ? value.day : '',
    failing: Array.isArray(value.failing) ? (value.failing.filter((id) => typeof id === 'string') as HealthId[]) : [],
  };
}

/** Once a day: the first tick of each UTC day runs the health check. */
export function healthDue(state: HealthState, at: number): boolean {
  return state.day !== utcDay(at);
}

export function newlyFailing(previous: HealthState, checks: HealthCheck[]): HealthCheck[] {
  return checks.filter((check) => !check.ok && !previous.failing.includes(check.id));
}

export const STATUS_SHEET = 'Status';

/** The Status sheet's values: a header line, then one row per check. */
export function statusRows(result: HealthReport, atText: string): string[][] {
  return [
    ['check', 'ok', 'detail', 'checked'],
    ...result.checks.map((check) => [check.id, check.ok ? 'OK' : 'PROBLEM', check.detail, atText]),
  ];
}

export function healthMail(failed: HealthCheck[], result: HealthReport, spreadsheetUrl: string): { subject: string; text: string } {
  const subject =
    failed.length === 1
      ? `WhatsApp appointments: ${failed[0].id} needs attention`
      : `WhatsApp appointments: ${failed.length} checks need attention`;
  const lines = [
    'The daily health check of your WhatsApp appointments found a new problem:',
    '',
    ...failed.map((check) => `- ${check.id}: ${check.detail}`),
    '',
    'All checks:',
    ...result.checks.map((check) => `- ${check.id}: ${check.ok ? 'OK' : 'PROBLEM'}`),
    '',
    spreadsheetUrl ? `The Status sheet of ${spreadsheetUrl} shows the details.` : 'The Status sheet of your spreadsheet shows the details.',
    'You get this mail once per problem; it comes again only if the problem returns after being fixed.',
  ];
  return { subject, text: lines.join('\n') };
}
