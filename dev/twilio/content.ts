// In-memory fake of Twilio's Content API (content.twilio.com/v1): templates and their WhatsApp approval.
//
// Contract: twilio_content_v1.json from the npm package @twilio-alpha/mcp (twilio-oai/spec/json):
// CreateContent, FetchContent, ListContent, DeleteContent, CreateApprovalCreate, FetchApprovalFetch.
// test/twilio/content-oracle.test.ts checks this file against that spec.
//
// Emulated behaviour, with the doc each follows (a refused request is 400 with code 70002, "Bad request"):
// - Create takes a JSON body (ContentCreateRequest): `language` and `types` are required, one type at
//   least; the answer is 201 with the Content resource. https://www.twilio.com/docs/content/content-api-resources
// - Approval: POST …/ApprovalRequests/whatsapp with {name, category} submits the template to WhatsApp;
//   its status is then "received" until WhatsApp decides ("approved" or "rejected" with a reason),
//   which the sandbox plays through setApproval(). Before any submission the status is "unsubmitted".
//   A template is submitted once: a second request is refused. WhatsApp template names are lower-case
//   letters, digits and underscores; categories are UTILITY, MARKETING, AUTHENTICATION.
//   https://www.twilio.com/docs/content/create-and-send-your-first-content-api-template#submit-for-whatsapp-approval
//   https://www.twilio.com/docs/whatsapp/tutorial/message-template-approvals-statuses
// - WhatsApp's review rejects a body that breaks its format rules, whatever the sandbox asks for:
//   setApproval(sid, 'approved') records a rejection with the rule broken. Twilio's Content API
//   creates such a template (201) and submits it; the rejection comes from WhatsApp at approval
//   ("This message matches a template that was rejected by WhatsApp", https://www.twilio.com/docs/api/errors/63040).
//   The rules, from https://www.twilio.com/docs/content/using-variables-with-content-api ("For templates
//   sent out of session through WhatsApp") and Meta's guidelines (https://developers.facebook.com/docs/whatsapp/message-templates/guidelines/):
//   the body neither starts nor ends with a variable (a variable followed only by punctuation is at the
//   end); no two variables with only spaces between them; numbered variables do not skip a number
//   ({{1}} … {{3}} without {{2}}); x variables need at least 2x+1 words that are not variables.
//   Newlines in the body are allowed ("Press Enter or Return to start a new line",
//   https://www.twilio.com/docs/content/faqs-and-troubleshooting); quick-reply button ids are Twilio's,
//   not part of WhatsApp's body, so the rules read the body only.
// - Create refuses a language WhatsApp has no templates in with 92004 ("Invalid language code",
//   https://www.twilio.com/docs/api/errors/92004); the codes are Meta's list of template languages
//   (https://developers.facebook.com/documentation/business-messaging/whatsapp/templates/supported-languages).
// - Delete answers 204; a deleted template is gone (404 afterwards).
// - Paging of the list is not emulated beyond one page (PageSize up to 1000): more throws "not emulated".

import { notEmulated } from '../runtime/core';
import type { HttpRequest, HttpResponse } from '../runtime/core';

export const CONTENT_HOST = 'content.twilio.com';
const BASE = `https://${CONTENT_HOST}`;

export const APPROVAL_CATEGORIES = ['UTILITY', 'MARKETING', 'AUTHENTICATION'] as const;
export type ApprovalStatus = 'unsubmitted' | 'received' | 'pending' | 'approved' | 'rejected' | 'paused' | 'disabled';

export interface ContentResource {
  date_created: string;
  date_updated: string;
  sid: string;
  account_sid: string;
  friendly_name: string;
  language: string;
  variables: Record<string, string>;
  types: Record<string, unknown>;
  url: string;
  links: { approval_create: string; approval_fetch: string };
}

export interface WhatsAppApproval {
  name: string;
  category: string;
  content_type: string;
  status: ApprovalStatus;
  rejection_reason: string;
  allow_category_change: boolean;
}

export interface StoredContent {
  resource: ContentResource;
  approval: WhatsAppApproval;
}

type Respond = (status: number, body: unknown) => HttpResponse;
type Fail = (status: number, code: number, message: string) => HttpResponse;

const WHATSAPP_NAME = /^[a-z0-9_]{1,512}$/;

/** Meta's template language codes (see the header for the source). */
export const WHATSAPP_TEMPLATE_LANGUAGES: ReadonlySet<string> = new Set(
  (
    'af sq ar az bn bg ca zh_CN zh_HK zh_TW hr cs da nl en en_GB en_US et fil fi fr ka de el gu ha he hi hu id ga it ja kn kk ' +
    'rw_RW ko ky_KG lo lv lt mk ms ml mr nb fa pl pt_BR pt_PT pa ro ru sr sk sl es es_AR es_ES es_MX sw sv ta te th tr uk ur uz vi zu'
  ).split(' '),
);

const VARIABLE = /\{\{\s*([^{}\s]+)\s*\}\}/g;

/** The WhatsApp format rule a template body breaks (see the header), or null. */
export function whatsappBodyProblem(body: string): string | null {
  // Spaces and punctuation at either end do not count as text (braces are punctuation too, but belong to a variable).
  const edges = body.replace(/^(?:\s|(?![{}])\p{P})+|(?:\s|(?![{}])\p{P})+$/gu, '');
  if (/^\{\{[^{}]+\}\}/.test(edges)) return 'INVALID_FORMAT: the body starts with a variable';
  if (/\{\{[^{}]+\}\}$/.test(edges)) return 'INVALID_FORMAT: the body ends with a variable';
  if (/\}\}\s*\{\{/.test(body)) return 'INVALID_FORMAT: two variables are next to each other';
  const names = Array.from(body.matchAll(VARIABLE), (match) => match[1]);
  const numbers = [...new Set(names.filter((name) => /^\d+$/.test(name)).map(Number))].sort((a, b) => a - b);
  const skipped = numbers.findIndex((n, index) => n !== index + 1);
  if (skipped >= 0) return `INVALID_FORMAT: the variables are not sequential ({{${skipped + 1}}} is missing)`;
  const words = body
    .replace(VARIABLE, ' ')
    .split(/\s+/)
    .filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
  if (words < 2 * names.length + 1)
    return `INVALID_FORMAT: too many variables for its length (${names.length} variables need ${2 * names.length + 1} words, it has ${words})`;
  return null;
}

/** ISO 8601 in UTC without milliseconds, as the Content API writes dates ("2015-07-30T19:00:00Z"). */
function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export class FakeContent {
  private store: StoredContent[] = [];

  constructor(
    private readonly accountSid: string,
    private readonly now: () => number,
    private readonly newSid: (prefix: string) => string,
  ) {}

  reset(): void {
    this.store = [];
  }

  all(): StoredContent[] {
    return this.store.map((item) => ({ resource: structuredClone(item.resource), approval: { ...item.approval } }));
  }

  find(sid: string): StoredContent | undefined {
    return this.store.find((item) => item.resource.sid === sid);
  }

  /** WhatsApp's decision on a submitted template (the sandbox's approval route). */
  setApproval(sid: string, status: 'approved' | 'rejected', reason = ''): WhatsAppApproval {
    const item = this.find(sid);
    if (!item) throw new Error(`no Content template ${sid}`);
    if (item.approval.status === 'unsubmitted') throw new Error(`Content template ${sid} was never submitted for WhatsApp approval`);
    const body = contentBody(item.resource.types);
    const broken = body === undefined ? null : whatsappBodyProblem(body);
    const decided = broken ? 'rejected' : status;
    item.approval.status = decided;
    item.approval.rejection_reason = decided === 'rejected' ? broken || reason || 'The template was rejected by WhatsApp' : '';
    item.resource.date_updated = isoSeconds(this.now());
    return { ...item.approval };
  }

  /** Routes a request already authenticated for this account. */
  handle(request: HttpRequest, url: URL, respond: Respond, fail: Fail): HttpResponse {
    const method = request.method.toUpperCase();
    const path = url.pathname;
    const notFound = () => fail(404, 20404, `The requested resource ${path} was not found`);
    if (path === '/v1/Content') {
      if (method === 'POST') return this.create(request, respond, fail);
      if (method === 'GET') return this.list(url, respond);
      return fail(405, 20004, 'Method not allowed');
    }
    const approvalCreate = /^\/v1\/Content\/([^/]+)\/ApprovalRequests\/whatsapp$/.exec(path);
    if (approvalCreate) {
      if (method !== 'POST') return fail(405, 20004, 'Method not allowed');
      const item = this.find(approvalCreate[1]);
      return item ? this.submit(item, request, respond, fail) : notFound();
    }
    const approvalFetch = /^\/v1\/Content\/([^/]+)\/ApprovalRequests$/.exec(path);
    if (approvalFetch) {
      if (method !== 'GET') return fail(405, 20004, 'Method not allowed');
      const item = this.find(approvalFetch[1]);
      if (!item) return notFound();
      return respond(200, {
        sid: item.resource.sid,
        account_sid: item.resource.account_sid,
        whatsapp: { type: 'whatsapp', ...item.approval },
        url: `${BASE}/v1/Content/${item.resource.sid}/ApprovalRequests`,
      });
    }
    const one = /^\/v1\/Content\/([^/]+)$/.exec(path);
    if (one) {
      const item = this.find(one[1]);
      if (!item) return notFound();
      if (method === 'GET') return respond(200, structuredClone(item.resource));
      if (method === 'DELETE') {
        this.store = this.store.filter((other) => other !== item);
        return { status: 204, headers: {}, body: '' };
      }
      return fail(405, 20004, 'Method not allowed');
    }
    if (path === '/v1/ContentAndApprovals' || path === '/v1/LegacyContent') return notEmulated(`Twilio Content ${method} ${path}`);
    return notFound();
  }

  private jsonBody(request: HttpRequest): Record<string, unknown> | null {
    const type = Object.entries(request.headers).find(([name]) => name.toLowerCase() === 'content-type')?.[1] ?? '';
    if (!/application\/json/i.test(type)) return null;
    try {
      const parsed = JSON.parse(request.payload) as unknown;
      return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null;
    } catch {
      return null;
    }
  }

  private create(request: HttpRequest, respond: Respond, fail: Fail): HttpResponse {
    const body = this.jsonBody(request);
    // The Content API reads a JSON body only (requestBody application/json in the spec).
    if (!body) return fail(400, 70002, 'Request body must be JSON');
    const { friendly_name: friendlyName, language, variables, types } = body;
    if (typeof language !== 'string' || language === '') return fail(400, 70002, 'Missing required parameter language');
    if (!WHATSAPP_TEMPLATE_LANGUAGES.has(language)) return fail(400, 92004, `Invalid language code ${language}`);
    if (!types || typeof types !== 'object' || Array.isArray(types) || Object.keys(types).length === 0) {
      return fail(400, 70002, 'Missing required parameter types');
    }
    for (const [type, value] of Object.entries(types as Record<string, unknown>)) {
      const problem = typeProblem(type, value);
      if (problem) return fail(400, 70002, problem);
    }
    if (variables !== undefined && !isStringMap(variables)) return fail(400, 70002, 'variables must map names to strings');
    if (friendlyName !== undefined && typeof friendlyName !== 'string') return fail(400, 70002, 'friendly_name must be a string');
    const sid = this.newSid('HX');
    const at = isoSeconds(this.now());
    const resource: ContentResource = {
      date_created: at,
      date_updated: at,
      sid,
      account_sid: this.accountSid,
      friendly_name: (friendlyName as string | undefined) ?? '',
      language,
      variables: (variables as Record<string, string> | undefined) ?? {},
      types: structuredClone(types as Record<string, unknown>),
      url: `${BASE}/v1/Content/${sid}`,
      links: {
        approval_create: `${BASE}/v1/Content/${sid}/ApprovalRequests/whatsapp`,
        approval_fetch: `${BASE}/v1/Content/${sid}/ApprovalRequests`,
      },
    };
    this.store.push({
      resource,
      approval: {
        name: '',
        category: '',
        content_type: Object.keys(types as Record<string, unknown>)[0],
        status: 'unsubmitted',
        rejection_reason: '',
        allow_category_change: true,
      },
    });
    return respond(201, structuredClone(resource));
  }

  private submit(item: StoredContent, request: HttpRequest, respond: Respond, fail: Fail): HttpResponse {
    const body = this.jsonBody(request);
    if (!body) return fail(400, 70002, 'Request body must be JSON');
    const { name, category } = body;
    if (typeof name !== 'string' || name === '') return fail(400, 70002, 'Missing required parameter name');
    if (typeof category !== 'string' || category === '') return fail(400, 70002, 'Missing required parameter category');
    if (!WHATSAPP_NAME.test(name)) return fail(400, 70002, 'name may contain only lower-case letters, digits and underscores');
    if (!(APPROVAL_CATEGORIES as readonly string[]).includes(category))
      return fail(400, 70002, `category ${category} is not a WhatsApp category`);
    if (item.approval.status !== 'unsubmitted') return fail(400, 70002, 'This content has already been submitted for WhatsApp approval');
    if (this.store.some((other) => other !== item && other.approval.name === name && other.resource.language === item.resource.language)) {
      return fail(400, 70002, `A WhatsApp template named ${name} already exists in this language`);
    }
    item.approval = { ...item.approval, name, category, status: 'received', rejection_reason: '' };
    item.resource.date_updated = isoSeconds(this.now());
    return respond(201, { ...item.approval });
  }

  private list(url: URL, respond: Respond): HttpResponse {
    for (const key of url.searchParams.keys())
      if (!['PageSize', 'Page'].includes(key)) return notEmulated(`Twilio list Content with ${key}`);
    const pageSize = Math.min(1000, Number(url.searchParams.get('PageSize') ?? '50') || 50);
    if (this.store.length > pageSize) return notEmulated('Twilio list Content paging');
    const pageUrl = `${BASE}/v1/Content?PageSize=${pageSize}&Page=0`;
    return respond(200, {
      contents: this.store.map((item) => structuredClone(item.resource)),
      meta: {
        page: 0,
        page_size: pageSize,
        first_page_url: pageUrl,
        previous_page_url: null,
        url: pageUrl,
        next_page_url: null,
        key: 'contents',
      },
    });
  }
}

/** The text a template shows on WhatsApp: its quick-reply or text body. */
export function contentBody(types: Record<string, unknown>): string | undefined {
  for (const type of ['twilio/quick-reply', 'twilio/text']) {
    const body = (types[type] as { body?: unknown } | undefined)?.body;
    if (typeof body === 'string') return body;
  }
  return undefined;
}

function isStringMap(value: unknown): value is Record<string, string> {
  return (
    value !== null &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    Object.values(value as object).every((v) => typeof v === 'string')
  );
}

/** The two content types the fake checks in depth (the project's); other spec types are stored as given. */
function typeProblem(type: string, value: unknown): string | null {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return `${type} must be an object`;
  const fields = value as Record<string, unknown>;
  if (type === 'twilio/text') {
    if (typeof fields.body !== 'string' || fields.body === '') return 'twilio/text needs a body';
    if (Object.keys(fields).some((key) => key !== 'body')) return 'twilio/text takes only a body';
    return null;
  }
  if (type === 'twilio/quick-reply') {
    if (typeof fields.body !== 'string' || fields.body === '') return 'twilio/quick-reply needs a body';
    const actions = fields.actions;
    if (!Array.isArray(actions) || actions.length === 0) return 'twilio/quick-reply needs actions';
    // WhatsApp allows up to 10 quick-reply buttons, each title at most 20 characters (Twilio's content type docs).
    if (actions.length > 10) return 'twilio/quick-reply takes at most 10 actions';
    for (const action of actions as Array<Record<string, unknown>>) {
      if (typeof action?.title !== 'string' || action.title === '' || action.title.length > 20)
        return 'each quick-reply action needs a title of 1 to 20 characters';
      if (action.id !== undefined && typeof action.id !== 'string') return 'a quick-reply action id must be a string';
      if (action.type !== undefined && action.type !== 'QUICK_REPLY') return 'a quick-reply action type must be QUICK_REPLY';
    }
    return null;
  }
  const known = ['twilio/media', 'twilio/location', 'twilio/list-picker', 'twilio/call-to-action', 'twilio/card', 'twilio/catalog'];
  if (![...known, 'twilio/carousel', 'twilio/flows', 'twilio/schedule', 'whatsapp/card', 'whatsapp/authentication'].includes(type)) {
    return `${type} is not a Content type`;
  }
  return null;
}
