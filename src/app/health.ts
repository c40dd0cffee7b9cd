// The health check: gathers the facts (one fetchAll to Twilio and the web app, triggers, ledger, quota), shows and mails what failed.
import { errorMessage } from '../domain/errors';
import {
  credentialsCheck,
  failuresCheck,
  INVITED_HORIZON_MS,
  invitedCheck,
  healthDue,
  healthMail,
  lastSyncCheck,
  newlyFailing,
  notChecked,
  parseHealthState,
  parseLastSync,
  quotaCheck,
  report,
  senderCheck,
  spreadsheetCheck,
  STATUS_SHEET,
  statusRows,
  templatesCheck,
  triggersCheck,
  utcDay,
  webAppCheck,
  type Answer,
  type HealthCheck,
  type HealthReport,
  type InvitedEvent,
  type TemplateApproval,
} from '../domain/health';
import { isSandboxSender } from '../domain/message-mode';
import { phonesInLocation } from '../domain/phone';
import { PROP, parseSettings, parseTwilioCredentials, SettingsError, templateSidsJson, type Settings } from '../domain/settings';
import { parseApproval, parseTemplateStatus, promoteApproved, templateSidsIn, type ApprovalStatus } from '../domain/templates';
import { formatDateTime } from '../domain/time';
import { approvalFetchCall, fetchAccountCall, listWhatsAppSendersCall, type HttpCall, type TwilioCredentials } from '../domain/twilio';
import { isOrganizedElsewhere, listEventsBetween } from '../gas/calendar';
import { fetchAll } from '../gas/http';
import { remainingDailyQuota, sendMail } from '../gas/mail';
import { logWarning } from '../gas/log';
import { effectiveUserEmail, knownWebAppUrl, now, scriptTimeZone } from '../gas/platform';
import { readScriptProperties, writeScriptProperties } from '../gas/properties';
import { boundSpreadsheetId, SheetTable, spreadsheetUrl, thisScriptId } from '../gas/sheets';
import { projectTriggerHandlers } from '../gas/triggers';
import { html } from '../web/html';
import { Ledger } from './ledger';
import { CALENDAR_HANDLER, TICK_HANDLER } from './access';

const STATUS_COLUMNS = ['check', 'ok', 'detail', 'checked'] as const;

interface Gathered {
  checks: HealthCheck[];
  /** Approval states read from Twilio, to refresh TEMPLATE_STATUS. */
  approvals: Record<string, ApprovalStatus>;
  /** TEMPLATE_SIDS with the waiting templates WhatsApp approved in place of the old ones; absent when none was. */
  promotedTemplates?: string;
}

function settingsOf(props: Record<string, string>): { settings: Settings | null; problem: string } {
  try {
    const webAppUrl = (props[PROP.webAppUrl] ?? '').trim() === '' ? knownWebAppUrl() : '';
    return { settings: parseSettings(props, { webAppUrl, ownerEmail: props[PROP.ownerEmail] ?? '' }), problem: '' };
  } catch (error) {
    if (error instanceof SettingsError) return { settings: null, problem: error.message };
    throw error;
  }
}

function credentialsOf(props: Record<string, string>): TwilioCredentials | null {
  try {
    return parseTwilioCredentials(props);
  } catch {
    return null;
  }
}

function pingUrl(url: string): string | null {
  return /^https?:\/\/\S+$/.test(url) ? `${url.replace(/\?.*$/, '')}?p=ping` : null;
}

/** Runs every check; each names what is wrong in words the host can act on. */
export function gatherHealth(props: Record<string, string>, zone: string): Gathered {
  const at = now();
  const describe = (ms: number) => formatDateTime(ms, zone, 'en');
  const { settings, problem } = settingsOf(props);
  const credentials = credentialsOf(props);
  const webAppUrl = ((props[PROP.webAppUrl] ?? '').trim() || settings?.webAppUrl) ?? '';

  // One fetchAll: the account, the senders, each template's approval, and the web app itself.
  const calls: HttpCall[] = [];
  const slot = (call: HttpCall) => calls.push(call) - 1;
  const accountAt = credentials ? slot(fetchAccountCall(credentials)) : -1;
  const productionSender = settings !== null && settings.whatsappFrom !== '' && !isSandboxSender(settings);
  const sendersAt = credentials && productionSender ? slot(listWhatsAppSendersCall(credentials)) : -1;
  // Every template in use or waiting, all languages (44 at most with nothing waiting): one request each, in the same fetchAll.
  const templateSids = settings ? templateSidsIn(settings) : [];
  const approvalAt = new Map<string, number>();
  if (credentials && settings) for (const sid of templateSids) approvalAt.set(sid, slot(approvalFetchCall(credentials, sid)));
  const ping = pingUrl(webAppUrl);
  const pingAt = ping ? slot({ url: ping, method: 'get', headers: {} }) : -1;
  const answers: Answer[] = fetchAll(calls);

  const checks: HealthCheck[] = [{ id: 'settings', ok: problem === '', detail: problem || 'every setting is valid' }];
  const credentialCheck = credentials
    ? credentialsCheck(answers[accountAt])
    : notChecked('twilio-credentials', 'TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN (or an API key) must be set');
  checks.push(credentialCheck);
  const credentialsWork = credentialCheck.ok;
  const approvals: Record<string, ApprovalStatus> = {};
  let promotedTemplates: string | undefined;
  if (!settings) {
    checks.push(notChecked('sender', 'fix the settings first'), notChecked('templates', 'fix the settings first'));
  } else {
    checks.push(senderCheck(settings, sendersAt >= 0 && credentialsWork ? answers[sendersAt] : null));
    if (!credentialsWork && templateSids.length > 0) checks.push(notChecked('templates', 'the Twilio credentials do not work'));
    else {
      const bySid: Record<string, TemplateApproval> = {};
      // A template Twilio did not answer for keeps its approval as last read: messages keep using it
      // (the check still names the failure); only a template Twilio no longer has loses it.
      const previous = parseTemplateStatus(props[PROP.templateStatus]);
      const keepPrevious = (sid: string) => {
        if (previous[sid]) approvals[sid] = previous[sid];
      };
      for (const [sid, index] of approvalAt) {
        const answer = answers[index];
        if ('error' in answer) {
          bySid[sid] = { error: `could not reach Twilio: ${answer.error}` };
          keepPrevious(sid);
        } else if (answer.status === 404) bySid[sid] = { error: 'Twilio has no template with this SID (deleted?)' };
        else if (answer.status !== 200) {
          bySid[sid] = { error: `Twilio answered HTTP ${answer.status}` };
          keepPrevious(sid);
        } else {
          const approval = parseApproval(answer.body);
          bySid[sid] = approval;
          approvals[sid] = approval.status;
        }
      }
      // A waiting template WhatsApp approved now takes the place of the one it replaces.
      const promoted = promoteApproved(settings, approvals);
      if (promoted) promotedTemplates = templateSidsJson(promoted);
      checks.push(templatesCheck(promoted ? { ...settings, ...promoted } : settings, bySid));
    }
  }
  checks.push(triggersCheck(projectTriggerHandlers(), { calendar: CALENDAR_HANDLER, tick: TICK_HANDLER }));
  checks.push(webAppCheck(webAppUrl, pingAt >= 0 ? answers[pingAt] : null));
  const lastSync = parseLastSync(props[PROP.lastSync]);
  checks.push(lastSyncCheck(lastSync, at, describe));
  checks.push(failuresCheck(Ledger.load().all(), at));
  checks.push(settings ? invitedEventsCheck(settings, at, describe) : notChecked('invited', 'fix the settings first'));
  checks.push(spreadsheetCheck(props[PROP.spreadsheetId], thisScriptId(), boundSpreadsheetId()));
  checks.push(quotaCheck(remainingDailyQuota(), lastSync.day === utcDay(at) ? lastSync.fetches : 0));
  return { checks, approvals, ...(promotedTemplates ? { promotedTemplates } : {}) };
}

/** Upcoming events organised elsewhere with a number in the location (a series once), which the sync skips. */
function invitedEventsCheck(settings: Settings, at: number, describe: (ms: number) => string): HealthCheck {
  let events: ReturnType<typeof listEventsBetween>;
  try {
    events = listEventsBetween(settings.calendarId, at, at + INVITED_HORIZON_MS);
  } catch (error) {
    return notChecked('invited', `the calendar could not be read: ${errorMessage(error)}`);
  }
  const seen = new Set<string>();
  const invited: InvitedEvent[] = [];
  for (const event of events) {
    if (event.status === 'cancelled' || !isOrganizedElsewhere(event)) continue;
    const found = phonesInLocation(event.location ?? '', settings.defaultCountry || undefined);
    if (found.phones.length === 0 && found.invalid.length === 0) continue;
    const key = event.recurringEventId || event.id || '';
    if (seen.has(key)) continue;
    seen.add(key);
    const start = Date.parse(event.start?.dateTime ?? event.start?.date ?? '');
    invited.push({
      title: event.summary ?? '',
      start: Number.isNaN(start) ? at : start,
      organizer: event.organizer?.displayName || event.organizer?.email || 'someone else',
    });
  }
  return invitedCheck(invited, describe);
}

function writeStatusSheet(result: HealthReport, at: number, zone: string): void {
  const rows = statusRows(result, formatDateTime(at, zone, 'en'));
  const table = SheetTable.open(STATUS_SHEET, STATUS_COLUMNS);
  table.writeRows(rows.slice(1), rows.length - 1);
}

/**
 * Runs the checks, shows them in the Status sheet and records which failed. The daily run mails the
 * owner about checks that newly fail (once per problem); a run from the menu only shows them.
 */
export function runHealthCheck(options: { daily: boolean; props?: Record<string, string> }): HealthReport {
  const props = options.props ?? readScriptProperties();
  const at = now();
  const zone = scriptTimeZone();
  const { checks, approvals, promotedTemplates } = gatherHealth(props, zone);
  const result = report(checks);
  writeStatusSheet(result, at, zone);
  const previous = parseHealthState(props[PROP.healthState]);
  const fresh = newlyFailing(previous, checks);
  if (options.daily && fresh.length > 0) {
    const to = props[PROP.ownerEmail] || effectiveUserEmail();
    try {
      if (to) sendMail({ to, ...mailOf(fresh, result) });
    } catch (error) {
      logWarning(`health mail failed: ${errorMessage(error)}`);
    }
  }
  const state = { day: options.daily ? utcDay(at) : previous.day, failing: checks.filter((check) => !check.ok).map((check) => check.id) };
  const writes: Record<string, string> = { [PROP.healthState]: JSON.stringify(state) };
  if (Object.keys(approvals).length > 0) writes[PROP.templateStatus] = JSON.stringify(approvals);
  if (promotedTemplates) writes[PROP.templates] = promotedTemplates;
  writeScriptProperties(writes);
  return result;
}

function mailOf(fresh: HealthCheck[], result: HealthReport): { subject: string; text: string; html: string } {
  const mail = healthMail(fresh, result, spreadsheetUrl());
  return {
    subject: mail.subject,
    text: mail.text,
    html: html`<pre style="font-family:sans-serif;white-space:pre-wrap">${mail.text}</pre>`.value,
  };
}

/** From the tick: the daily run when it is due, nothing (not even a read) otherwise. */
export function runDailyHealthIfDue(props: Record<string, string>): HealthReport | null {
  if (!healthDue(parseHealthState(props[PROP.healthState]), now())) return null;
  // Read again: the sync that just ran recorded itself.
  return runHealthCheck({ daily: true });
}
