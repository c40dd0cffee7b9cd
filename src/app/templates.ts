// Creates the WhatsApp templates through Twilio's Content API, submits them for approval, and stores their SIDs and status.
import { errorMessage } from '../domain/errors';
import { MESSAGE_KINDS, type MessageKind } from '../domain/messages';
import { PROP, parseTwilioCredentials, SettingsError } from '../domain/settings';
import { Texts } from '../domain/i18n/texts';
import {
  approvalRequest,
  parseApproval,
  parseContentList,
  parseCreatedSid,
  sidsByName,
  templateLanguage,
  templateRequest,
  templateSpec,
  type ApprovalStatus,
  type ContentSummary,
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
import { readScriptProperties, writeScriptProperties } from '../gas/properties';

export interface TemplateReport {
  kind: MessageKind;
  language: string;
  sid: string;
  status: ApprovalStatus | 'missing';
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

function storedTemplates(props: Record<string, string>): Record<string, unknown> {
  try {
    const parsed = JSON.parse(props[PROP.templates] ?? '') as unknown;
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/**
 * One template per message kind in the host's language: reuses those that exist (by friendly name),
 * creates the rest, submits each unsubmitted one for WhatsApp approval (UTILITY), then stores
 * TEMPLATE_SIDS and TEMPLATE_STATUS in one write. Running it again creates nothing new.
 */
export function createTemplates(languageOverride?: string): TemplatesResult {
  const props = readScriptProperties();
  let credentials: TwilioCredentials;
  try {
    credentials = parseTwilioCredentials(props);
  } catch (error) {
    if (error instanceof SettingsError) return { ok: false, templates: [], error: error.message };
    throw error;
  }
  // The host's language when template texts exist for it, else English.
  const language = templateLanguage(languageOverride ?? props[PROP.language]);
  let existing: ContentSummary[];
  try {
    existing = listAllContent(credentials);
  } catch (error) {
    return { ok: false, templates: [], error: `Listing your Twilio templates failed: ${errorMessage(error)}` };
  }
  const texts = new Texts(language);
  const specs = new Map(MESSAGE_KINDS.map((kind) => [kind, templateSpec(kind, texts)]));
  const named = sidsByName(existing);
  const sids: Partial<Record<MessageKind, string>> = {};
  for (const [kind, spec] of specs) {
    const sid = named.get(spec.name);
    if (sid) sids[kind] = sid;
  }
  const reports = new Map<MessageKind, TemplateReport>();

  const missing = MESSAGE_KINDS.filter((kind) => !sids[kind]);
  const created = fetchAll(missing.map((kind) => createContentCall(credentials, templateRequest(specs.get(kind)!))));
  missing.forEach((kind, index) => {
    const result = created[index];
    const sid = isOk(result, 201, 200) ? parseCreatedSid(result.body) : null;
    if (sid) sids[kind] = sid;
    else reports.set(kind, { kind, language, sid: '', status: 'missing', error: `creating it failed: ${problemOf(result)}` });
  });

  const present = MESSAGE_KINDS.filter((kind) => sids[kind]);
  const approvals = fetchApprovals(
    credentials,
    present.map((kind) => sids[kind] as string),
  );
  const toSubmit: MessageKind[] = [];
  present.forEach((kind, index) => {
    const approval = approvals[index];
    const sid = sids[kind] as string;
    if ('error' in approval)
      reports.set(kind, { kind, language, sid, status: 'unknown', error: `reading its approval failed: ${approval.error}` });
    else if (approval.status === 'unsubmitted') toSubmit.push(kind);
    else reports.set(kind, { kind, language, sid, status: approval.status, ...(approval.reason ? { error: approval.reason } : {}) });
  });
  const submitted = fetchAll(
    toSubmit.map((kind) => approvalCreateCall(credentials, sids[kind] as string, approvalRequest(specs.get(kind)!))),
  );
  toSubmit.forEach((kind, index) => {
    const result = submitted[index];
    const sid = sids[kind] as string;
    if (isOk(result, 201, 200)) reports.set(kind, { kind, language, sid, status: parseApproval(result.body).status });
    else
      reports.set(kind, { kind, language, sid, status: 'unsubmitted', error: `submitting it for approval failed: ${problemOf(result)}` });
  });

  const templates = MESSAGE_KINDS.map((kind) => reports.get(kind) as TemplateReport);
  const stored = { ...storedTemplates(props) };
  const status: Record<string, string> = {};
  for (const report of templates) {
    if (report.sid === '') continue;
    stored[report.kind] = report.sid;
    status[report.sid] = report.status;
  }
  writeScriptProperties({ [PROP.templates]: JSON.stringify(stored), [PROP.templateStatus]: JSON.stringify(status) });
  const failed = templates.filter(
    (report) => report.status === 'missing' || report.status === 'unknown' || report.status === 'unsubmitted',
  );
  return {
    ok: failed.length === 0,
    templates,
    ...(failed.length > 0 ? { error: failed.map((report) => `${report.kind}: ${report.error ?? report.status}`).join('; ') } : {}),
  };
}
