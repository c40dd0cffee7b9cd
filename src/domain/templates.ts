// WhatsApp templates for Twilio's Content API: one per message kind and language, built from the catalogues, their names, and the API's answers read back.
import { LANGUAGE_CODES, LANGUAGES, type LanguageCode, languageOfTag } from './i18n/languages';
import { type TextKey, Texts } from './i18n/texts';
import { MESSAGE_KINDS, type MessageKind, templateBody as numberedBody } from './messages';
import type { TemplateSids, TemplateTable } from './settings';
import { formatDateTime, formatRange } from './time';

/**
 * Twilio's Content API template categories: announcements and reminders of an appointment the
 * attendee made are UTILITY ("transaction updates"), https://www.twilio.com/docs/whatsapp/tutorial/message-template-approvals-statuses
 */
export const TEMPLATE_CATEGORY = 'UTILITY';
export const DEFAULT_TEMPLATE_LANGUAGE: LanguageCode = 'en';
const NAME_PREFIX = 'appointments';

/** WhatsApp's approval states as the Content API reports them; 'missing' when there is no template. */
export type ApprovalStatus = 'unsubmitted' | 'received' | 'pending' | 'approved' | 'rejected' | 'paused' | 'disabled' | 'unknown';

/** The catalogue text each template is made of; the variables are those of templateVariables() in messages.ts. */
const KIND_TEXT: Readonly<Record<MessageKind, TextKey>> = {
  scheduled: 'message.scheduled',
  rescheduled: 'message.rescheduled',
  cancelled: 'message.cancelled',
  reminder: 'message.reminder',
};

/** Quick-reply buttons of the reminder: their titles and the variables that carry the payload Twilio returns. */
const REMINDER_BUTTONS: ReadonlyArray<{ key: TextKey; id: string }> = [
  { key: 'button.confirm', id: '{{6}}' },
  { key: 'button.cancel', id: '{{7}}' },
];

/**
 * WhatsApp's limit on a template body: 1,024 characters (Twilio's content type docs). A quick-reply title's 20
 * (BUTTON_TEXT_MAX_CHARS) is kept where an override comes in: Texts uses none longer, nor an empty one.
 */
const MAX_BODY = 1024;

const SAMPLE_ZONE = 'Europe/Berlin';
const SAMPLE_START = Date.UTC(2026, 0, 12, 9, 0);
const SAMPLE_PREVIOUS = Date.UTC(2026, 0, 9, 14, 0);
const SAMPLE_TOKEN = 'Czdqzzr_fnUwrnL8';

export interface TemplateSpec {
  kind: MessageKind;
  language: LanguageCode;
  /** Friendly name and WhatsApp name: the default wording's is appointments_<kind>_<language>, the host's own adds a fingerprint. */
  name: string;
  body: string;
  buttons?: Array<{ title: string; id: string }>;
  /** The host's wording is in this template (not the catalogue's). */
  own: boolean;
  /** Why the host's wording cannot be a WhatsApp template (the default is used instead); absent when it can. */
  problem?: string;
}

/** The language a request names: one of the catalogue's codes, else English. */
export function templateLanguage(requested: string | undefined): LanguageCode {
  return languageOfTag(requested) ?? DEFAULT_TEMPLATE_LANGUAGE;
}

/** The default wording's name, also the WhatsApp template name (lower-case letters, digits, underscores): appointments_reminder_en. */
export function templateName(kind: MessageKind, language: string): string {
  return `${NAME_PREFIX}_${kind}_${templateLanguage(language)}`;
}

function built(kind: MessageKind, texts: Texts): Pick<TemplateSpec, 'body' | 'buttons'> {
  // WhatsApp refuses a body that ends with a variable, and every message ends with its link: a closing line follows it.
  const body = `${numberedBody(texts.template(KIND_TEXT[kind]))}\n\n${texts.template('template.closing')}`;
  if (kind !== 'reminder') return { body };
  return { body, buttons: REMINDER_BUTTONS.map((button) => ({ title: texts.template(button.key).trim(), id: button.id })) };
}

const VARIABLE = /\{\{(\d+)\}\}/g;

/**
 * Why WhatsApp would reject this body at review, or null. The rules of
 * https://www.twilio.com/docs/content/using-variables-with-content-api and https://www.twilio.com/docs/api/errors/63040:
 * no variable at the start or the end (punctuation after it does not count), none right next to
 * another, numbered without gaps, at least 2x+1 words for x variables, and at most 1,024 characters.
 */
export function templateBodyProblem(body: string): string | null {
  const text = body.replace(/^(?:\s|(?![{}])\p{P})+|(?:\s|(?![{}])\p{P})+$/gu, '');
  if (/^\{\{\d+\}\}/.test(text)) return 'it would start with a placeholder, which WhatsApp does not accept in a template';
  if (/\{\{\d+\}\}$/.test(text)) return 'it would end with a placeholder, which WhatsApp does not accept in a template';
  if (/\}\}\s*\{\{/.test(body)) return 'two placeholders are next to each other, which WhatsApp does not accept in a template';
  const numbers = Array.from(body.matchAll(VARIABLE), (match) => Number(match[1]));
  const distinct = [...new Set(numbers)].sort((a, b) => a - b);
  if (distinct.some((n, index) => n !== index + 1))
    return 'WhatsApp needs the placeholders of a template without gaps: keep {title}, {host} and {when} when you use {link}';
  const words = body
    .replace(VARIABLE, ' ')
    .split(/\s/)
    .filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
  if (words < 2 * numbers.length + 1) return 'too short for its placeholders: WhatsApp needs more words around them';
  if (Array.from(body).length > MAX_BODY) return `longer than WhatsApp's ${MAX_BODY} characters for a template`;
  return null;
}

/** A short fingerprint of a wording, so each wording the host submits has a name of its own (WhatsApp names are unique per language). */
function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/**
 * The template of one kind in the language of `texts`, with the host's wording when it has some and it
 * can be a WhatsApp template (otherwise the catalogue's, with the reason).
 */
export function templateSpec(kind: MessageKind, texts: Texts): TemplateSpec {
  const language = texts.language;
  const standard = built(kind, new Texts(language));
  const wanted = built(kind, texts);
  const problem = templateBodyProblem(wanted.body);
  const form = problem === null ? wanted : standard;
  const signature = JSON.stringify(form);
  const own = signature !== JSON.stringify(standard);
  const name = own ? `${templateName(kind, language)}_${fingerprint(signature)}` : templateName(kind, language);
  return { kind, language, name, ...form, own, ...(problem === null ? {} : { problem }) };
}

/** Every kind in every language, each with the host's wording where it has some. */
export function templateSpecs(textsIn: (language: LanguageCode) => Texts): TemplateSpec[] {
  return LANGUAGE_CODES.flatMap((language) => MESSAGE_KINDS.map((kind) => templateSpec(kind, textsIn(language))));
}

/** Sample values WhatsApp reviewers see for each variable (the Content API's `variables`), in the template's language. */
function samples(language: LanguageCode): Record<string, string> {
  const texts = new Texts(language);
  return {
    '1': texts.t('untitled'),
    '2': 'Dr. Alex Morgan',
    '3': formatRange(SAMPLE_START, SAMPLE_START + 30 * 60_000, SAMPLE_ZONE, texts.locale),
    '4': `https://script.google.com/macros/s/AKfycb/exec?l=${SAMPLE_TOKEN}`,
    '5': formatDateTime(SAMPLE_PREVIOUS, SAMPLE_ZONE, texts.locale),
    '6': `confirm:${SAMPLE_TOKEN}`,
    '7': `cancel:${SAMPLE_TOKEN}`,
  };
}

/** The Content API's ContentCreateRequest: `language` is WhatsApp's code for the catalogue's language (pt → pt_BR). */
export function templateRequest(spec: TemplateSpec): Record<string, unknown> {
  const sample = samples(spec.language);
  const types: Record<string, unknown> = spec.buttons
    ? { 'twilio/quick-reply': { body: spec.body, actions: spec.buttons.map((button) => ({ type: 'QUICK_REPLY', ...button })) } }
    : { 'twilio/text': { body: spec.body } };
  // A sample for each variable the content uses, in the body or a button's id (a title holds no braces, overrideProblem);
  // the names are integer keys, which an object keeps in numeric order.
  const variables = Object.fromEntries(Array.from(JSON.stringify(types).matchAll(VARIABLE), ([, name]) => [name, sample[name]]));
  return { friendly_name: spec.name, language: LANGUAGES[spec.language].templateLanguage, variables, types };
}

export function approvalRequest(spec: Pick<TemplateSpec, 'name'>): { name: string; category: string } {
  return { name: spec.name, category: TEMPLATE_CATEGORY };
}

export interface ContentSummary {
  sid: string;
  friendlyName: string;
  language: string;
}

function parseObject(body: string): Record<string, unknown> | null {
  let value: unknown = null;
  try {
    value = JSON.parse(body);
  } catch {
    // Not JSON: no object.
  }
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

/** ListContent's `contents`, or null when the answer is not a list. */
export function parseContentList(body: string): { items: ContentSummary[]; nextPageUrl: string | null } | null {
  const json = parseObject(body);
  if (!json || !Array.isArray(json.contents)) return null;
  const items = (json.contents as Array<Record<string, unknown>>).map((item) => ({
    sid: String(item?.sid ?? ''),
    friendlyName: String(item?.friendly_name ?? ''),
    language: String(item?.language ?? ''),
  }));
  const meta = (json.meta ?? {}) as Record<string, unknown>;
  return { items, nextPageUrl: typeof meta.next_page_url === 'string' && meta.next_page_url !== '' ? meta.next_page_url : null };
}

/** The created Content's SID (CreateContent's 201), or null. */
export function parseCreatedSid(body: string): string | null {
  const sid = parseObject(body)?.sid;
  return typeof sid === 'string' && /^HX[0-9a-fA-F]{32}$/.test(sid) ? sid : null;
}

/** FetchApprovalFetch (`whatsapp.status`, `whatsapp.rejection_reason`) or CreateApprovalCreate (`status`). */
export function parseApproval(body: string): { status: ApprovalStatus; reason: string } {
  const json = parseObject(body);
  const whatsapp = (json?.whatsapp ?? json) as Record<string, unknown> | null | undefined;
  const raw = String(whatsapp?.status ?? '').toLowerCase();
  const known: ApprovalStatus[] = ['unsubmitted', 'received', 'pending', 'approved', 'rejected', 'paused', 'disabled'];
  // An empty whatsapp object is what Twilio shows for content never submitted.
  const status = raw === '' ? 'unsubmitted' : known.includes(raw as ApprovalStatus) ? (raw as ApprovalStatus) : 'unknown';
  return { status, reason: String(whatsapp?.rejection_reason ?? '') };
}

/** The SID of each name in a listing (the newest when several carry it). */
export function sidsByName(items: ContentSummary[]): Map<string, string> {
  const found = new Map<string, string>();
  for (const item of items) if (item.sid !== '' && item.friendlyName !== '') found.set(item.friendlyName, item.sid);
  return found;
}

/** Stored approval states (TEMPLATE_STATUS): Content SID → status, as last read from Twilio. */
export function parseTemplateStatus(raw: string | undefined): Record<string, ApprovalStatus> {
  // Stryker disable next-line StringLiteral: any text that is not JSON parses to null as '' does
  const json = parseObject(raw ?? '');
  if (!json) return {};
  const out: Record<string, ApprovalStatus> = {};
  for (const [sid, status] of Object.entries(json)) if (typeof status === 'string') out[sid] = status as ApprovalStatus;
  return out;
}

/** Words for a status, for the host; `what` names the template ("reminder", "reminder (de)"). */
export function describeApproval(what: string, sid: string, status: ApprovalStatus, reason = ''): string {
  switch (status) {
    case 'approved':
      return `${what}: approved (${sid})`;
    case 'rejected':
      return `${what}: rejected by WhatsApp${reason ? `: ${reason}` : ''} (${sid}); delete it in Twilio's Content Template Builder and run "Create WhatsApp templates" again`;
    case 'unsubmitted':
      return `${what}: not submitted for WhatsApp approval (${sid}); run "Create WhatsApp templates"`;
    case 'received':
    case 'pending':
      return `${what}: waiting for WhatsApp's approval (${sid})`;
    case 'paused':
    case 'disabled':
      return `${what}: ${status} by WhatsApp (${sid}), usually after poor feedback; see Twilio's console`;
    default:
      return `${what}: approval status unknown (${sid})`;
  }
}

/** Every SID TEMPLATE_SIDS names, in use and waiting, each once. */
export function templateSidsIn(sids: TemplateSids): string[] {
  const all = [sids.templates, sids.pendingTemplates].flatMap((table) =>
    MESSAGE_KINDS.flatMap((kind) => LANGUAGE_CODES.map((language) => table[kind]?.[language] ?? '')),
  );
  return [...new Set(all.filter((sid) => sid !== ''))];
}

function withSid(table: TemplateTable, kind: MessageKind, language: LanguageCode, sid: string | undefined): TemplateTable {
  const languages = { ...(table[kind] ?? {}) };
  if (sid === undefined) delete languages[language];
  else languages[language] = sid;
  return { ...table, [kind]: languages };
}

/**
 * A waiting template WhatsApp approved takes the place of the one in use (the send-time choice already
 * prefers it; this makes TEMPLATE_SIDS say so). Null when nothing changes.
 */
export function promoteApproved(sids: TemplateSids, approval: Record<string, ApprovalStatus>): TemplateSids | null {
  let { templates, pendingTemplates } = sids;
  let changed = false;
  for (const kind of MESSAGE_KINDS)
    for (const language of LANGUAGE_CODES) {
      const sid = pendingTemplates[kind]?.[language];
      if (!sid || approval[sid] !== 'approved') continue;
      templates = withSid(templates, kind, language, sid);
      pendingTemplates = withSid(pendingTemplates, kind, language, undefined);
      changed = true;
    }
  return changed ? { templates, pendingTemplates } : null;
}

/**
 * What TEMPLATE_SIDS holds for one kind and language after "Create WhatsApp templates": the template of
 * today's wording (`wanted`) is used at once unless an approved one is in use and it is not approved
 * yet; then it waits beside it (WhatsApp reviews a changed wording again, the old one is used until then).
 */
export function nextTemplate(
  inUse: string | undefined,
  wanted: string | undefined,
  statusOf: (sid: string) => ApprovalStatus | undefined,
): { sid?: string; pending?: string } {
  if (wanted === undefined) return inUse === undefined ? {} : { sid: inUse };
  // The same SID in use and wanted needs no look: it is approved (the last test) or not (the one before).
  if (inUse === undefined || statusOf(inUse) !== 'approved' || statusOf(wanted) === 'approved') return { sid: wanted };
  return { sid: inUse, pending: wanted };
}

/** The stored TEMPLATE_SIDS after one kind and language changed. */
export function withTemplate(
  sids: TemplateSids,
  kind: MessageKind,
  language: LanguageCode,
  next: { sid?: string; pending?: string },
): TemplateSids {
  return {
    templates: withSid(sids.templates, kind, language, next.sid),
    pendingTemplates: withSid(sids.pendingTemplates, kind, language, next.pending),
  };
}

/** One kind in one language as the host reads it: approved, or what keeps it from being used. */
export type TemplateState = { kind: MessageKind; language: LanguageCode; state: ApprovalStatus | 'missing'; sid: string; waiting?: string };

export function templateStates(sids: TemplateSids, approval: Record<string, ApprovalStatus>): TemplateState[] {
  return LANGUAGE_CODES.flatMap((language) =>
    MESSAGE_KINDS.map((kind): TemplateState => {
      const inUse = sids.templates[kind]?.[language];
      const pending = sids.pendingTemplates[kind]?.[language];
      if (pending && approval[pending] === 'approved') return { kind, language, state: 'approved', sid: pending };
      if (!inUse) return { kind, language, state: pending ? (approval[pending] ?? 'unknown') : 'missing', sid: pending ?? '' };
      return { kind, language, state: approval[inUse] ?? 'unknown', sid: inUse, ...(pending ? { waiting: pending } : {}) };
    }),
  );
}

function stateWord(state: ApprovalStatus | 'missing'): string {
  if (state === 'received') return 'pending';
  if (state === 'unsubmitted') return 'not submitted';
  if (state === 'unknown') return 'not checked';
  return state;
}

/**
 * A compact line per language for the host (the health check and the settings sidebar):
 * "en 4/4 approved; de 3/4 approved (reminder pending → en); es, pt … missing → en".
 */
export function templateSummary(sids: TemplateSids, approval: Record<string, ApprovalStatus>, host: LanguageCode): string {
  const states = templateStates(sids, approval);
  const parts: string[] = [];
  const missing: LanguageCode[] = [];
  for (const language of [host, ...LANGUAGE_CODES.filter((code) => code !== host)]) {
    const mine = states.filter((item) => item.language === language);
    if (language !== host && mine.every((item) => item.state === 'missing')) {
      missing.push(language);
      continue;
    }
    const approved = mine.filter((item) => item.state === 'approved').length;
    const failing = mine.filter((item) => item.state !== 'approved').map((item) => `${item.kind} ${stateWord(item.state)}`);
    const notes = failing.length > 0 ? [`${failing.join(', ')}${language === host ? '' : ` → ${host}`}`] : [];
    // A new wording WhatsApp refused waits for nothing: it says so, or the host would wait for it forever.
    const refused = (item: TemplateState) => item.waiting !== undefined && approval[item.waiting] === 'rejected';
    const waiting = mine.filter((item) => item.waiting && !refused(item)).map((item) => item.kind);
    const rejected = mine.filter(refused).map((item) => item.kind);
    if (waiting.length > 0) notes.push(`new wording of ${waiting.join(', ')} waiting for approval, the approved one is used`);
    if (rejected.length > 0) notes.push(`new wording of ${rejected.join(', ')} rejected by WhatsApp, the approved one is used`);
    parts.push(`${language} ${approved}/${mine.length} approved${notes.length > 0 ? ` (${notes.join(', ')})` : ''}`);
  }
  if (missing.length > 0) parts.push(`${missing.join(', ')} missing → ${host}`);
  return parts.join('; ');
}
