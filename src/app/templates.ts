// Creates the WhatsApp templates through Twilio's Content API, submits them for approval, and stores their SIDs and status.
import { errorMessage } from '../domain/errors';
import type { LanguageCode } from '../domain/i18n/languages';
import { Texts } from '../domain/i18n/texts';
import { templateFor } from '../domain/message-mode';
import type { MessageKind } from '../domain/messages';
import { PROP, parseTemplateSids, parseTwilioCredentials, SettingsError, templateSidsJson, type TemplateSids } from '../domain/settings';
import {
  approvalRequest,
  nextTemplate,
  parseApproval,
  parseContentList,
  parseCreatedSid,
  parseTemplateStatus,
  promoteApproved,
  sidsByName,
  templateLanguage,
  templateRequest,
  templateSidsIn,
  templateSpecs,
  templateSummary,
  withTemplate,
  type ApprovalStatus,
  type ContentSummary,
  type TemplateSpec,
} from '../domain/templates';
import {
  approvalCreateCall,
  approvalFetchCall,
  createContentCall,
  listContentCall,
  twilioProblem,
  type HttpCall,
  type TwilioCredentials,
} from '../domain/twilio';
import { fetchAll, type HttpResult } from '../gas/http';
import { now } from '../gas/platform';
import { readScriptProperties, writeScriptProperties } from '../gas/properties';
import type { AppContext } from './context';
import { overridesOf, readTextRows, textsIn } from './languages';

export interface TemplateReport {
  kind: MessageKind;
  language: string;
  sid: string;
  status: ApprovalStatus | 'missing';
  /** The approved template still in use while this one (a changed wording) waits for WhatsApp's approval. */
  inUse?: string;
  /** Why a step failed, in plain words. */
  error?: string;
}

export interface TemplatesResult {
  ok: boolean;
  templates: TemplateReport[];
  error?: string;
}

/** The Content API lists at most this many pages (1000 templates each) before we stop looking. */
const MAX_LIST_PAGES = 5;

function problemOf(result: HttpResult): string {
  return 'error' in result ? `could not reach Twilio: ${result.error}` : twilioProblem(result.status, result.body);
}

function isOk(result: HttpResult, ...statuses: number[]): result is { status: number; body: string } {
  return !('error' in result) && statuses.includes(result.status);
}

/** Every template of the account, by page; throws a plain reason when Twilio refuses. */
export function listAllContent(credentials: TwilioCredentials): ContentSummary[] {
  const items: ContentSummary[] = [];
  let call: HttpCall | null = listContentCall(credentials);
  for (let page = 0; call && page < MAX_LIST_PAGES; page++) {
    const [result] = fetchAll([call]);
    if (!isOk(result, 200)) throw new Error(problemOf(result));
    const parsed = parseContentList(result.body);
    if (!parsed) throw new Error('Twilio answered the template list with something that is not a list');
    items.push(...parsed.items);
    call = parsed.nextPageUrl ? listContentCall(credentials, parsed.nextPageUrl) : null;
  }
  return items;
}

/** Approval status of each SID, in one fetchAll. */
export function fetchApprovals(
  credentials: TwilioCredentials,
  sids: string[],
): Array<{ status: ApprovalStatus; reason: string } | { error: string }> {
  const results = fetchAll(sids.map((sid) => approvalFetchCall(credentials, sid)));
  return results.map((result) => (isOk(result, 200) ? parseApproval(result.body) : { error: problemOf(result) }));
}

/** The stored TEMPLATE_SIDS; one that does not parse is replaced (the settings check names it until then). */
function storedSids(props: Record<string, string>, language: LanguageCode): TemplateSids {
  try {
    return parseTemplateSids(props[PROP.templates] ?? '', language);
  } catch (error) {
    if (error instanceof SettingsError) return { templates: {}, pendingTemplates: {} };
    throw error;
  }
}

/** The host's wording from the Texts sheet, or none when it cannot be read (the catalogue's is used). */
function hostOverrides(): Map<string, string> {
  try {
    return overridesOf(readTextRows());
  } catch {
    return new Map();
  }
}

/**
 * One template per message kind and language (4 × 11), each with WhatsApp's language code and the
 * host's own wording where it can be a template: reuses those that exist (by friendly name), creates
 * the rest in one fetchAll, reads every approval in one, submits the unsubmitted ones for WhatsApp
 * approval (UTILITY) in one, then stores TEMPLATE_SIDS and TEMPLATE_STATUS in one write. A changed
 * wording is a new template (its name carries a fingerprint); while WhatsApp reviews it, the approved
 * one it replaces stays in use ("pending" in TEMPLATE_SIDS). Running it again creates nothing new.
 */
export function createTemplates(): TemplatesResult {
  const props = readScriptProperties();
  let credentials: TwilioCredentials;
  try {
    credentials = parseTwilioCredentials(props);
  } catch (error) {
    if (error instanceof SettingsError) return { ok: false, templates: [], error: error.message };
    throw error;
  }
  const host = templateLanguage(props[PROP.language]);
  let existing: ContentSummary[];
  try {
    existing = listAllContent(credentials);
  } catch (error) {
    return { ok: false, templates: [], error: `Listing your Twilio templates failed: ${errorMessage(error)}` };
  }
  const overrides = hostOverrides();
  const specs = templateSpecs((language) => new Texts(language, overrides));
  const stored = storedSids(props, host);
  const named = sidsByName(existing);
  const wanted = new Map<TemplateSpec, string>();
  const reports = new Map<TemplateSpec, TemplateReport>();
  const report = (spec: TemplateSpec, rest: Omit<TemplateReport, 'kind' | 'language'>) =>
    reports.set(spec, { kind: spec.kind, language: spec.language, ...rest });
  for (const spec of specs) {
    const sid = named.get(spec.name);
    if (sid) wanted.set(spec, sid);
  }

  const missing = specs.filter((spec) => !wanted.has(spec));
  const created = fetchAll(missing.map((spec) => createContentCall(credentials, templateRequest(spec))));
  missing.forEach((spec, index) => {
    const result = created[index];
    const sid = isOk(result, 201, 200) ? parseCreatedSid(result.body) : null;
    if (sid) wanted.set(spec, sid);
    else report(spec, { sid: '', status: 'missing', error: `creating it failed: ${problemOf(result)}` });
  });

  // One read of every approval: the templates of today's wording and the ones in use beside them.
  const present = specs.filter((spec) => wanted.has(spec));
  const sids = [...new Set([...present.map((spec) => wanted.get(spec) as string), ...templateSidsIn(stored)])];
  const approvals = fetchApprovals(credentials, sids);
  const previous = parseTemplateStatus(props[PROP.templateStatus]);
  const status = new Map<string, ApprovalStatus>();
  sids.forEach((sid, index) => {
    const approval = approvals[index];
    const known = 'error' in approval ? previous[sid] : approval.status;
    if (known) status.set(sid, known);
  });
  const toSubmit: TemplateSpec[] = [];
  for (const spec of present) {
    const sid = wanted.get(spec) as string;
    const approval = approvals[sids.indexOf(sid)];
    if ('error' in approval) report(spec, { sid, status: 'unknown', error: `reading its approval failed: ${approval.error}` });
    else if (approval.status === 'unsubmitted') toSubmit.push(spec);
    else report(spec, { sid, status: approval.status, ...(approval.reason ? { error: approval.reason } : {}) });
  }
  const submitted = fetchAll(toSubmit.map((spec) => approvalCreateCall(credentials, wanted.get(spec) as string, approvalRequest(spec))));
  toSubmit.forEach((spec, index) => {
    const result = submitted[index];
    const sid = wanted.get(spec) as string;
    if (isOk(result, 201, 200)) {
      const submittedStatus = parseApproval(result.body).status;
      status.set(sid, submittedStatus);
      report(spec, { sid, status: submittedStatus });
    } else report(spec, { sid, status: 'unsubmitted', error: `submitting it for approval failed: ${problemOf(result)}` });
  });

  // A waiting template WhatsApp approved since is the one in use (sending already prefers it): a newer
  // wording waits beside it, not beside the one before it.
  const approvedNow: Record<string, ApprovalStatus> = Object.fromEntries(status);
  const current = promoteApproved(stored, approvedNow) ?? stored;
  let next = current;
  for (const spec of specs) {
    const chosen = nextTemplate(current.templates[spec.kind]?.[spec.language], wanted.get(spec), (sid) => status.get(sid));
    next = withTemplate(next, spec.kind, spec.language, chosen);
    const made = reports.get(spec) as TemplateReport;
    if (chosen.pending && chosen.sid) reports.set(spec, { ...made, inUse: chosen.sid });
  }
  const stateOf: Record<string, string> = {};
  for (const sid of templateSidsIn(next)) stateOf[sid] = status.get(sid) ?? 'unknown';
  writeScriptProperties({ [PROP.templates]: templateSidsJson(next), [PROP.templateStatus]: JSON.stringify(stateOf) });
  const templates = specs.map((spec) => reports.get(spec) as TemplateReport);
  const failed = templates.filter((item) => item.status === 'missing' || item.status === 'unknown' || item.status === 'unsubmitted');
  return {
    ok: failed.length === 0,
    templates,
    ...(failed.length > 0
      ? { error: failed.map((item) => `${item.kind} (${item.language}): ${item.error ?? item.status}`).join('; ') }
      : {}),
  };
}

/** The sidebar's line on the templates, from what TEMPLATE_SIDS and TEMPLATE_STATUS hold (no Twilio request). */
export function storedTemplateSummary(props: Record<string, string>): string {
  const host = templateLanguage(props[PROP.language]);
  let sids: TemplateSids;
  try {
    sids = parseTemplateSids(props[PROP.templates] ?? '', host);
  } catch (error) {
    if (error instanceof SettingsError) return error.message;
    throw error;
  }
  if (templateSidsIn(sids).length === 0) return 'none yet: "Create WhatsApp templates" makes them (needed with your own WhatsApp sender)';
  return `${templateSummary(sids, parseTemplateStatus(props[PROP.templateStatus]), host)} (as last read from Twilio; the health check reads it again)`;
}

/**
 * The template a message goes out as (none for free text), with the texts its variables are written
 * in: the template's language, which is the host's when the attendee's language has no approved one.
 */
export function templateMessage(
  context: AppContext,
  kind: MessageKind,
  phone: string,
  texts: Texts,
): { contentSid?: string; texts: Texts } {
  const choice = templateFor(context.settings, kind, {
    phone,
    at: now(),
    lastInbound: context.lastInbound,
    approval: context.templateApproval,
    language: texts.language,
  });
  if (!choice) return { texts };
  return { contentSid: choice.sid, texts: choice.language === texts.language ? texts : textsIn(context, choice.language) };
}
