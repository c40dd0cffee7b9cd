// In-memory fake of Twilio's Messages API (2010-04-01) for UrlFetchApp, with status callbacks, inbound webhooks and faults.
//
// Contract: Twilio's OpenAPI spec twilio_api_v2010.json, shipped in the npm devDependency
// @twilio-alpha/mcp (twilio-oai/spec/json): CreateMessage, FetchMessage, ListMessage, FetchAccount;
// schema api.v2010.account.message. test/twilio/spec-oracle.test.ts checks this file against it.
// Templates (content.twilio.com) live in content.ts; the Senders API (messaging.twilio.com/v2) here.
//
// Choices worth knowing:
// - Real Twilio silently ignores form parameters it does not know. So does this fake, but it records
//   them (StoredMessage.unknownParams) and reports them in violations(), so tests can assert that the
//   product only sends parameters the spec defines. Other contract slips that Twilio tolerates
//   (ContentVariables without ContentSid, Body next to ContentSid, malformed boolean/integer/enum
//   values) are reported the same way.
// - Features of CreateMessage the fake does not emulate (scheduling, ApplicationSid callbacks,
//   PersistentAction, FallbackFrom, ShortenUrls, paging) throw "not emulated" instead of guessing.
// - WhatsApp's 24-hour customer service window is enforced at delivery time (deliver()): a free-form
//   Body to a WhatsApp user who has not written in the 24 hours before the send fails with 63016, as
//   Twilio does since April 2025, and so does a ContentSid whose Content API template WhatsApp has
//   not approved (yet): only approved templates open a conversation. Pass sessionWindow: false to turn that off.
// - Status callbacks carry ErrorCode (never ErrorMessage) on failed/undelivered, as Twilio documents.

import { createHash } from 'node:crypto';
import type { HttpRequest, HttpResponse } from '../runtime/core';
import { notEmulated } from '../runtime/core';
import { CONTENT_HOST, contentBody, FakeContent } from './content';
import { failureStatusFor, twilioErrorBody, twilioErrorTitle } from './errors';

export const API_VERSION = '2010-04-01';
export const API_HOST = 'api.twilio.com';
export const MESSAGING_HOST = 'messaging.twilio.com';

/** The spec's message_enum_status, in the spec's order. */
export const MESSAGE_STATUSES = [
  'queued',
  'sending',
  'sent',
  'failed',
  'delivered',
  'undelivered',
  'receiving',
  'received',
  'accepted',
  'scheduled',
  'read',
  'partially_delivered',
  'canceled',
] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

export type MessageDirection = 'inbound' | 'outbound-api' | 'outbound-call' | 'outbound-reply';

type ParamType = 'string' | 'uri' | 'boolean' | 'integer' | 'number' | 'array' | 'date-time';
interface ParamSpec {
  type: ParamType;
  enum?: readonly string[];
  pattern?: RegExp;
}

/** The form fields of CreateMessage's requestBody (CreateMessageRequest), with their types. */
export const CREATE_MESSAGE_PARAMS: Readonly<Record<string, ParamSpec>> = {
  To: { type: 'string' },
  StatusCallback: { type: 'uri' },
  ApplicationSid: { type: 'string', pattern: /^AP[0-9a-fA-F]{32}$/ },
  MaxPrice: { type: 'number' },
  ProvideFeedback: { type: 'boolean' },
  Attempt: { type: 'integer' },
  ValidityPeriod: { type: 'integer' },
  ForceDelivery: { type: 'boolean' },
  ContentRetention: { type: 'string', enum: ['retain', 'discard'] },
  AddressRetention: { type: 'string', enum: ['retain', 'obfuscate'] },
  SmartEncoded: { type: 'boolean' },
  PersistentAction: { type: 'array' },
  TrafficType: { type: 'string', enum: ['free'] },
  ShortenUrls: { type: 'boolean' },
  ScheduleType: { type: 'string', enum: ['fixed'] },
  SendAt: { type: 'date-time' },
  SendAsMms: { type: 'boolean' },
  ContentVariables: { type: 'string' },
  RiskCheck: { type: 'string', enum: ['enable', 'disable'] },
  From: { type: 'string' },
  FallbackFrom: { type: 'string' },
  MessagingServiceSid: { type: 'string', pattern: /^MG[0-9a-fA-F]{32}$/ },
  Body: { type: 'string' },
  MediaUrl: { type: 'array' },
  ContentSid: { type: 'string', pattern: /^HX[0-9a-fA-F]{32}$/ },
};

/** CreateMessage parameters whose behaviour the fake does not emulate: sending one throws "not emulated". */
const NOT_EMULATED_PARAMS = ['ScheduleType', 'SendAt', 'ApplicationSid', 'PersistentAction', 'FallbackFrom', 'ShortenUrls'];

export interface FakeTwilioOptions {
  accountSid: string;
  authToken: string;
  /** API key SID (SK…) -> secret; each pair is also valid Basic auth for this account. */
  apiKeys?: Record<string, string>;
  /** Epoch milliseconds; the sandbox clock. */
  now: () => number;
  /** Messaging Service SID (MG…) -> the sender it picks, e.g. 'whatsapp:+14155238886'. Others answer 21701. */
  messagingServices?: Record<string, string>;
  /** Content template SID (HX…) -> its text with {{1}} / {{name}} placeholders, used to render `body`. */
  contentTemplates?: Record<string, string>;
  /** Enforce WhatsApp's 24-hour window for free-form Body on deliver() (default true). */
  sessionWindow?: boolean;
  /**
   * Twilio's shared WhatsApp sandbox sender and the numbers that joined it ('all': every number).
   * The sandbox lets a joined number get free-form messages: joining ("join <code>") is itself an
   * inbound message, https://www.twilio.com/docs/whatsapp/sandbox. Default: none joined.
   */
  sandboxSender?: { from: string; joined: 'all' | readonly string[] };
  /** The account's own WhatsApp senders (Senders API, status ONLINE), e.g. 'whatsapp:+4930901820'. */
  whatsappSenders?: readonly string[];
  /** The account's friendly name and status, as FetchAccount returns them. */
  account?: { friendlyName?: string; status?: 'active' | 'suspended' | 'closed'; type?: 'Trial' | 'Full' };
}

/** The Message resource exactly as Twilio's JSON has it (schema api.v2010.account.message). */
export interface MessageResource {
  account_sid: string;
  api_version: string;
  body: string;
  date_created: string;
  date_sent: string | null;
  date_updated: string;
  direction: MessageDirection;
  error_code: number | null;
  error_message: string | null;
  from: string | null;
  messaging_service_sid: string | null;
  num_media: string;
  num_segments: string;
  price: string | null;
  price_unit: string | null;
  sid: string;
  status: MessageStatus;
  subresource_uris: { media: string; feedback: string };
  to: string;
  uri: string;
}

export interface StoredMessage extends MessageResource {
  /** Form params exactly as received (a repeated name keeps its last value; see requestPairs). */
  request: Record<string, string>;
  /** Every (name, value) pair as received, repeats included (MediaUrl may repeat). */
  requestPairs: Array<[string, string]>;
  /** Param names the spec's CreateMessage does not define (Twilio ignores them). */
  unknownParams: string[];
  statusCallback: string | null;
  /** What the creating HTTP call answered: 201, or 500 when a 500 fault hit a message Twilio still took. */
  answeredStatus: number;
  /** The error this message will fail with on deliver() (from an injected errorCode fault). */
  pendingErrorCode: number | null;
  /** Creation time, epoch ms. */
  createdAt: number;
}

export type Fault = {
  httpStatus?: number;
  errorCode?: number;
  count: number;
  network?: 'timeout' | 'unavailable';
  /**
   * Whether Twilio took the message despite the failure the client saw. Default: true for a 500
   * (no idempotency on create: it may have been sent), false otherwise. Only 500 and timeout honour it.
   */
  createdAnyway?: boolean;
};

export interface StatusCallback {
  url: string;
  params: Record<string, string>;
}

export interface InboundInput {
  from: string;
  to: string;
  body: string;
  profileName?: string;
  buttonPayload?: string;
  buttonText?: string;
  messageSid?: string;
  numMedia?: number;
  messagingServiceSid?: string;
}

// ---------------------------------------------------------------------------------------------------
// Form encoding

/** application/x-www-form-urlencoded, as UrlFetchApp and Twilio send it (space as '+'). */
export function encodeForm(params: Record<string, string>): string {
  return encodeFormPairs(Object.entries(params));
}

export function encodeFormPairs(pairs: Array<[string, string]>): string {
  const enc = (s: string) => encodeURIComponent(s).replace(/%20/g, '+');
  return pairs.map(([k, v]) => `${enc(k)}=${enc(v)}`).join('&');
}

function decodeFormComponent(s: string): string {
  const spaced = s.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced;
  }
}

export function parseFormPairs(body: string): Array<[string, string]> {
  if (body === '') return [];
  return body
    .split('&')
    .filter((part) => part !== '')
    .map((part) => {
      const eq = part.indexOf('=');
      const key = eq < 0 ? part : part.slice(0, eq);
      const value = eq < 0 ? '' : part.slice(eq + 1);
      return [decodeFormComponent(key), decodeFormComponent(value)] as [string, string];
    });
}

/** Parses a form body; a repeated name keeps its last value. */
export function parseForm(body: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of parseFormPairs(body)) out[k] = v;
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Small helpers

/** RFC 2822 in GMT as Twilio writes it: 'Mon, 05 Jan 2026 08:00:00 +0000'. */
export function rfc2822(ms: number): string {
  return new Date(ms).toUTCString().replace(/GMT$/, '+0000');
}

const E164 = /^\+[1-9]\d{7,14}$/;

type Channel = 'whatsapp' | 'sms';

/** The channel of an address: 'whatsapp:+E164' or '+E164'; undefined when it is neither. */
function channelOf(address: string): Channel | undefined {
  if (address.startsWith('whatsapp:')) return E164.test(address.slice('whatsapp:'.length)) ? 'whatsapp' : undefined;
  return E164.test(address) ? 'sms' : undefined;
}

function isHttpUrl(value: string): boolean {
  if (value.length > 4000) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '' && !url.hostname.includes('_');
  } catch {
    return false;
  }
}

function header(headers: Record<string, string>, name: string): string | undefined {
  const lower = name.toLowerCase();
  for (const [k, v] of Object.entries(headers)) if (k.toLowerCase() === lower) return v;
  return undefined;
}

function json(status: number, body: unknown, requestId: string, extra: Record<string, string> = {}): HttpResponse {
  return {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Twilio-Request-Id': requestId, ...extra },
    body: JSON.stringify(body),
  };
}

function errorResponse(status: number, code: number, requestId: string, message?: string, detail?: string): HttpResponse {
  const extra: Record<string, string> = status === 401 ? { 'WWW-Authenticate': 'Basic realm="Twilio API"' } : {};
  return json(status, twilioErrorBody(status, code, message, detail), requestId, extra);
}

class CreateError {
  constructor(
    readonly status: number,
    readonly code: number,
    readonly message?: string,
  ) {}
}

const TERMINAL: ReadonlySet<string> = new Set(['delivered', 'read', 'failed', 'undelivered', 'canceled', 'received']);
const DAY_MS = 24 * 60 * 60 * 1000;
const SETTLE_MS = 1000;

// ---------------------------------------------------------------------------------------------------

export class FakeTwilio {
  private readonly options: FakeTwilioOptions;
  private store: StoredMessage[] = [];
  private faults: Array<Required<Pick<Fault, 'count'>> & Fault> = [];
  private violationLog: string[] = [];
  /** Never reset, so SIDs stay unique across reset(). */
  private sidCounter = 0;
  private owed: StatusCallback[] = [];
  /** Content API templates (content.twilio.com) of this account. */
  readonly content: FakeContent;

  constructor(options: FakeTwilioOptions) {
    if (!/^AC[0-9a-fA-F]{32}$/.test(options.accountSid)) throw new Error(`FakeTwilio: bad accountSid ${options.accountSid}`);
    this.options = options;
    this.content = new FakeContent(options.accountSid, options.now, (prefix) => this.newSid(prefix));
  }

  // ------------------------------------------------------------------ test and sandbox controls

  messages(): StoredMessage[] {
    return [...this.store];
  }

  get(sid: string): StoredMessage | undefined {
    return this.store.find((m) => m.sid === sid);
  }

  violations(): string[] {
    return [...this.violationLog];
  }

  /** Messages that will fail on deliver() because of an injected error code: sid -> code. */
  pendingFailures(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const m of this.store) if (m.pendingErrorCode !== null) out[m.sid] = m.pendingErrorCode;
    return out;
  }

  injectFault(fault: Fault): void {
    if (!Number.isInteger(fault.count) || fault.count < 1) throw new Error('Fault.count must be a positive integer');
    if (fault.network === undefined) {
      if (fault.httpStatus === undefined && fault.errorCode === undefined) throw new Error('Fault needs httpStatus, errorCode or network');
      if (fault.httpStatus !== undefined && fault.errorCode === undefined && ![429, 500, 503].includes(fault.httpStatus)) {
        throw new Error(`Fault with httpStatus ${fault.httpStatus} needs an errorCode`);
      }
      if (fault.errorCode !== undefined) twilioErrorTitle(fault.errorCode); // throws on a code the table lacks
    }
    this.faults.push({ ...fault });
  }

  /** Drops the faults not yet consumed. */
  clearFaults(): void {
    this.faults = [];
  }

  reset(): void {
    this.store = [];
    this.faults = [];
    this.violationLog = [];
    this.content.reset();
    this.owed = [];
  }

  /**
   * Moves a message to `status` and returns the form fields Twilio would POST to its StatusCallback
   * URL, or undefined when the message has none.
   */
  setStatus(sid: string, status: string, errorCode?: number): StatusCallback | undefined {
    const m = this.get(sid);
    if (!m) throw new Error(`FakeTwilio.setStatus: no message ${sid}`);
    if (!(MESSAGE_STATUSES as readonly string[]).includes(status))
      throw new Error(`FakeTwilio.setStatus: '${status}' is not a Message status`);
    const now = this.options.now();
    m.status = status as MessageStatus;
    m.date_updated = rfc2822(now);
    if (m.from === null && m.messaging_service_sid !== null) {
      m.from = this.options.messagingServices?.[m.messaging_service_sid] ?? null;
    }
    if (['sending', 'sent', 'delivered', 'undelivered', 'read'].includes(status)) {
      if (m.date_sent === null) m.date_sent = rfc2822(now);
      if (m.num_segments === '0') m.num_segments = '1';
    }
    if (status === 'failed' || status === 'undelivered') {
      const code = errorCode ?? m.pendingErrorCode ?? 30008;
      m.error_code = code;
      m.error_message = twilioErrorTitle(code);
      m.pendingErrorCode = null;
    } else if (errorCode !== undefined) {
      throw new Error(`FakeTwilio.setStatus: an error code only goes with failed or undelivered, not ${status}`);
    }
    if (m.statusCallback === null) return undefined;
    return { url: m.statusCallback, params: this.callbackParams(m) };
  }

  /**
   * Progresses an outbound message the way Twilio would: queued/accepted -> sent -> delivered
   * (-> read when asked), or to failed / undelivered with the injected error code (or 63016 for
   * free-form WhatsApp text outside the 24-hour window). Returns the callbacks to post, in order.
   */
  deliver(sid: string, options: { read?: boolean } = {}): StatusCallback[] {
    const m = this.get(sid);
    if (!m) throw new Error(`FakeTwilio.deliver: no message ${sid}`);
    if (m.direction === 'inbound') throw new Error(`FakeTwilio.deliver: ${sid} is inbound`);
    if (TERMINAL.has(m.status)) return [];
    const code = m.pendingErrorCode ?? (this.outsideSessionWindow(m) ? 63016 : null);
    const steps: Array<[MessageStatus, number | undefined]> =
      code === null
        ? [['sent', undefined], ['delivered', undefined], ...(options.read ? [['read', undefined] as [MessageStatus, undefined]] : [])]
        : failureStatusFor(code) === 'undelivered'
          ? [
              ['sent', undefined],
              ['undelivered', code],
            ]
          : [['failed', code]];
    const callbacks: StatusCallback[] = [];
    for (const [status, errorCode] of steps) {
      if (status === m.status) continue;
      const cb = this.setStatus(sid, status, errorCode);
      if (cb) callbacks.push(cb);
    }
    return callbacks;
  }

  /**
   * Builds the form fields of Twilio's inbound WhatsApp webhook and records the message
   * (direction 'inbound', status 'received'), which also opens the 24-hour window for its sender.
   */
  inbound(input: InboundInput): Record<string, string> {
    const now = this.options.now();
    const numMedia = input.numMedia ?? 0;
    const sid = input.messageSid ?? this.newSid(numMedia > 0 ? 'MM' : 'SM');
    const mg =
      input.messagingServiceSid ?? Object.entries(this.options.messagingServices ?? {}).find(([, sender]) => sender === input.to)?.[0];
    const isButton = input.buttonPayload !== undefined || input.buttonText !== undefined;
    const accountSid = this.options.accountSid;

    const params: Record<string, string> = {};
    params.SmsMessageSid = sid;
    params.NumMedia = String(numMedia);
    if (input.profileName !== undefined) params.ProfileName = input.profileName;
    params.MessageType = isButton ? 'button' : numMedia > 0 ? 'image' : 'text';
    params.SmsSid = sid;
    params.WaId = input.from.replace(/^whatsapp:/, '').replace(/^\+/, '');
    params.SmsStatus = 'received';
    params.Body = input.body;
    if (input.buttonText !== undefined) params.ButtonText = input.buttonText;
    if (input.buttonPayload !== undefined) params.ButtonPayload = input.buttonPayload;
    params.To = input.to;
    params.NumSegments = '1';
    params.ReferralNumMedia = '0';
    params.MessageSid = sid;
    params.AccountSid = accountSid;
    if (mg !== undefined) params.MessagingServiceSid = mg;
    params.From = input.from;
    for (let i = 0; i < numMedia; i++) {
      params[`MediaContentType${i}`] = 'image/jpeg';
      params[`MediaUrl${i}`] = `https://api.twilio.com/${API_VERSION}/Accounts/${accountSid}/Messages/${sid}/Media/${this.newSid('ME')}`;
    }
    params.ApiVersion = API_VERSION;

    this.store.push({
      ...this.resourceBase(sid, now),
      body: input.body,
      date_sent: rfc2822(now),
      direction: 'inbound',
      from: input.from,
      messaging_service_sid: mg ?? null,
      num_media: String(numMedia),
      num_segments: '1',
      status: 'received',
      to: input.to,
      request: { ...params },
      requestPairs: Object.entries(params),
      unknownParams: [],
      statusCallback: null,
      answeredStatus: 0,
      pendingErrorCode: null,
      createdAt: now,
    });
    return params;
  }

  // ------------------------------------------------------------------ HTTP

  /** Synchronous HTTP handler for UrlFetchApp (an HttpHandler). */
  handle(request: HttpRequest): HttpResponse {
    const requestId = this.newSid('RQ');
    const method = request.method.toUpperCase();
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      throw new Error(`Invalid argument: ${request.url}`);
    }
    const path = url.pathname;
    const notFound = () => errorResponse(404, 20404, requestId, `The requested resource ${path} was not found`);
    const unauthorized = () => errorResponse(401, 20003, requestId, undefined, 'Your AccountSid or AuthToken was incorrect.');
    if (url.hostname === CONTENT_HOST) {
      if (!this.authorized(request)) return unauthorized();
      return this.content.handle(
        request,
        url,
        (status, value) => json(status, value, requestId),
        (status, code, message) => errorResponse(status, code, requestId, message),
      );
    }
    if (url.hostname === MESSAGING_HOST) {
      if (!this.authorized(request)) return unauthorized();
      return this.senders(request, url, requestId);
    }
    if (url.hostname !== API_HOST) return notFound();
    const account = /^\/2010-04-01\/Accounts\/([^/]+)\.json$/.exec(path);
    if (account) {
      if (!this.authorized(request)) return unauthorized();
      if (account[1] !== this.options.accountSid) return notFound();
      if (method !== 'GET') return notEmulated(`Twilio ${method} ${path}`);
      return json(200, this.accountResource(), requestId);
    }

    const list = /^\/2010-04-01\/Accounts\/([^/]+)\/Messages\.json$/.exec(path);
    const one = /^\/2010-04-01\/Accounts\/([^/]+)\/Messages\/([^/]+)\.json$/.exec(path);
    const sub = /^\/2010-04-01\/Accounts\/([^/]+)\/Messages\/([^/]+)\/(Media|Feedback)(\/[^/]+)?\.json$/.exec(path);
    if (!list && !one && !sub) return notFound();

    const isCreate = list !== null && method === 'POST';
    const fault = isCreate ? this.faults[0] : undefined;
    if (fault?.network) {
      this.consumeFault();
      if (fault.network === 'timeout') {
        if (fault.createdAnyway && this.authorized(request)) {
          try {
            this.create(request, list![1], 201);
          } catch {
            /* an invalid request creates nothing */
          }
        }
        throw new Error(`Timeout: ${request.url}`);
      }
      throw new Error(`Address unavailable: ${request.url}`);
    }

    if (!this.authorized(request)) {
      return errorResponse(401, 20003, requestId, undefined, 'Your AccountSid or AuthToken was incorrect.');
    }
    const accountInPath = (list ?? one ?? sub)![1];
    // Credentials of one account on another account's path: Twilio answers "not found".
    if (accountInPath !== this.options.accountSid) return notFound();

    if (sub) return notEmulated(`Twilio ${method} ${path}`);
    if (one) {
      if (method === 'GET') {
        const m = this.get(one[2]);
        if (m) this.settle(m);
        return m ? json(200, toResource(m), requestId) : notFound();
      }
      if (method === 'POST' || method === 'DELETE') return notEmulated(`Twilio ${method} Messages/{Sid}.json`);
      return errorResponse(405, 20004, requestId);
    }
    if (method === 'GET') return this.list(url, path, requestId);
    if (method !== 'POST') return errorResponse(405, 20004, requestId);

    if (fault) {
      this.consumeFault();
      if (fault.httpStatus !== undefined) {
        const status = fault.httpStatus;
        const code = fault.errorCode ?? (status === 429 ? 20429 : status === 500 ? 20500 : 20503);
        if (status === 500 && fault.createdAnyway !== false) {
          try {
            this.create(request, list![1], 500);
          } catch {
            /* an invalid request creates nothing */
          }
        }
        return errorResponse(status, code, requestId);
      }
      // errorCode only: Twilio accepts the message; it fails later (deliver()).
      try {
        const m = this.create(request, list![1], 201, fault.errorCode ?? null);
        return json(201, toResource(m), requestId);
      } catch (e) {
        if (e instanceof CreateError) return errorResponse(e.status, e.code, requestId, e.message);
        throw e;
      }
    }

    try {
      const m = this.create(request, list![1], 201);
      return json(201, toResource(m), requestId);
    } catch (e) {
      if (e instanceof CreateError) return errorResponse(e.status, e.code, requestId, e.message);
      throw e;
    }
  }

  /** Status callbacks owed for failures that a fetch revealed (see settle()); the sandbox posts them. */
  takeOwedCallbacks(): StatusCallback[] {
    const owed = this.owed;
    this.owed = [];
    return owed;
  }

  // ------------------------------------------------------------------ internals

  /**
   * Twilio refuses a doomed message (63016 and the other channel errors) within about a second of
   * accepting it; a fetch after that already shows it failed, and its callbacks are on their way.
   */
  private settle(m: StoredMessage): void {
    if (m.pendingErrorCode === null || this.options.now() - m.createdAt < SETTLE_MS) return;
    this.owed.push(...this.deliver(m.sid));
  }

  /** FetchAccount (api.v2010.account). https://www.twilio.com/docs/iam/api/account#fetch-an-account-resource */
  private accountResource(): Record<string, unknown> {
    const sid = this.options.accountSid;
    const base = `/${API_VERSION}/Accounts/${sid}`;
    const created = rfc2822(Date.UTC(2025, 0, 1));
    return {
      auth_token: this.options.authToken,
      date_created: created,
      date_updated: created,
      friendly_name: this.options.account?.friendlyName ?? 'My first Twilio account',
      owner_account_sid: sid,
      sid,
      status: this.options.account?.status ?? 'active',
      subresource_uris: { messages: `${base}/Messages.json`, incoming_phone_numbers: `${base}/IncomingPhoneNumbers.json` },
      type: this.options.account?.type ?? 'Full',
      uri: `${base}.json`,
    };
  }

  /**
   * ListChannelsSender (messaging.twilio.com/v2/Channels/Senders?Channel=whatsapp): the account's
   * WhatsApp senders. https://www.twilio.com/docs/whatsapp/api/senders
   */
  private senders(request: HttpRequest, url: URL, requestId: string): HttpResponse {
    if (url.pathname !== '/v2/Channels/Senders') return notEmulated(`Twilio ${request.method} ${url.pathname}`);
    if (request.method.toUpperCase() !== 'GET') return notEmulated(`Twilio ${request.method} ${url.pathname}`);
    for (const key of url.searchParams.keys()) if (!['Channel', 'PageSize'].includes(key)) return notEmulated(`Senders list with ${key}`);
    const channel = url.searchParams.get('Channel');
    if (channel === null) return errorResponse(400, 70002, requestId, 'Missing required parameter Channel');
    const pageSize = Math.min(1000, Number(url.searchParams.get('PageSize') ?? '50') || 50);
    const senders = channel === 'whatsapp' ? (this.options.whatsappSenders ?? []) : [];
    if (senders.length > pageSize) return notEmulated('Senders list paging');
    const pageUrl = `https://${MESSAGING_HOST}/v2/Channels/Senders?PageSize=${pageSize}&Page=0&Channel=${encodeURIComponent(channel)}`;
    return json(
      200,
      {
        senders: senders.map((senderId) => {
          const sid = `XE${hex32(`sender:${senderId}`)}`;
          return { sid, status: 'ONLINE', sender_id: senderId, url: `https://${MESSAGING_HOST}/v2/Channels/Senders/${sid}` };
        }),
        meta: {
          page: 0,
          page_size: pageSize,
          first_page_url: pageUrl,
          previous_page_url: null,
          url: pageUrl,
          next_page_url: null,
          key: 'senders',
        },
      },
      requestId,
    );
  }

  private consumeFault(): void {
    const f = this.faults[0];
    if (!f) return;
    f.count -= 1;
    if (f.count <= 0) this.faults.shift();
  }

  private authorized(request: HttpRequest): boolean {
    const auth = header(request.headers, 'Authorization');
    if (!auth) return false;
    const match = /^Basic\s+(.+)$/i.exec(auth.trim());
    if (!match) return false;
    const decoded = Buffer.from(match[1], 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) return false;
    const user = decoded.slice(0, colon);
    const secret = decoded.slice(colon + 1);
    if (user === this.options.accountSid) return secret === this.options.authToken;
    const keySecret = this.options.apiKeys?.[user];
    return user.startsWith('SK') && keySecret !== undefined && secret === keySecret;
  }

  private list(url: URL, path: string, requestId: string): HttpResponse {
    const query = [...url.searchParams.keys()];
    for (const key of query) {
      if (!['To', 'From', 'PageSize'].includes(key)) return notEmulated(`Twilio list Messages with ${key}`);
    }
    const to = url.searchParams.get('To');
    const from = url.searchParams.get('From');
    const pageSize = Math.min(1000, Number(url.searchParams.get('PageSize') ?? '50') || 50);
    const matching = this.store.filter((m) => (to === null || m.to === to) && (from === null || m.from === from)).reverse(); // newest first, as Twilio lists
    if (matching.length > pageSize) return notEmulated('Twilio list Messages paging');
    const filters = [to !== null ? `To=${encodeURIComponent(to)}` : '', from !== null ? `From=${encodeURIComponent(from)}` : '']
      .filter(Boolean)
      .join('&');
    const pageUri = `${path}?${filters ? `${filters}&` : ''}PageSize=${pageSize}&Page=0`;
    return json(
      200,
      {
        end: Math.max(0, matching.length - 1),
        first_page_uri: pageUri,
        messages: matching.map(toResource),
        next_page_uri: null,
        page: 0,
        page_size: pageSize,
        previous_page_uri: null,
        start: 0,
        uri: pageUri,
      },
      requestId,
    );
  }

  /** Validates a CreateMessage request and stores the message; throws CreateError for Twilio's 400s. */
  private create(request: HttpRequest, accountSid: string, answeredStatus: number, pendingErrorCode: number | null = null): StoredMessage {
    const contentType = header(request.headers, 'Content-Type');
    const isForm = contentType === undefined || /application\/x-www-form-urlencoded/i.test(contentType);
    // Twilio reads only form bodies: a JSON body is a request without parameters (hence 21604).
    const pairs = isForm ? parseFormPairs(request.payload) : [];
    const params: Record<string, string> = {};
    for (const [k, v] of pairs) params[k] = v;
    const problems: string[] = [];

    const unknownParams = [...new Set(pairs.map(([k]) => k).filter((k) => !(k in CREATE_MESSAGE_PARAMS)))];
    for (const name of unknownParams) problems.push(`unknown parameter '${name}' (Twilio ignores it)`);
    for (const [name, value] of pairs) {
      const spec = CREATE_MESSAGE_PARAMS[name];
      if (!spec) continue;
      if (spec.type === 'boolean' && value !== 'true' && value !== 'false') problems.push(`${name} must be true or false, got '${value}'`);
      if (spec.type === 'integer' && !/^-?\d+$/.test(value)) problems.push(`${name} must be an integer, got '${value}'`);
      if (spec.type === 'number' && !Number.isFinite(Number(value))) problems.push(`${name} must be a number, got '${value}'`);
      if (spec.enum && !spec.enum.includes(value)) problems.push(`${name} must be one of ${spec.enum.join(', ')}, got '${value}'`);
    }
    for (const name of NOT_EMULATED_PARAMS) if (name in params) notEmulated(`Twilio CreateMessage parameter ${name}`);

    const to = params.To;
    if (to === undefined || to === '') throw new CreateError(400, 21604, "A 'To' phone number is required.");
    const toChannel = channelOf(to);
    if (!toChannel) throw new CreateError(400, 21211, `The 'To' number ${to} is not a valid phone number.`);

    const from = params.From;
    const mg = params.MessagingServiceSid;
    if ((from === undefined || from === '') && (mg === undefined || mg === '')) {
      throw new CreateError(400, 21603, "A 'From' phone number is required.");
    }
    if (mg !== undefined && mg !== '') {
      if (!/^MG[0-9a-fA-F]{32}$/.test(mg)) throw new CreateError(400, 21705, 'The Messaging Service is invalid.');
      if (!this.options.messagingServices?.[mg]) {
        throw new CreateError(400, 21701, `The Messaging Service Sid ${mg} is invalid.`);
      }
    }
    if (from !== undefined && from !== '' && channelOf(from) !== toChannel) {
      throw new CreateError(400, 21910, 'Invalid From and To pair. From and To should be of the same channel');
    }

    const callback = params.StatusCallback;
    if (callback !== undefined && !isHttpUrl(callback)) {
      throw new CreateError(400, 21609, `The StatusCallback URL ${callback} is not a valid URL.`);
    }

    const body = params.Body ?? '';
    const contentSid = params.ContentSid;
    const mediaCount = pairs.filter(([k]) => k === 'MediaUrl').length;
    if (body === '' && (contentSid === undefined || contentSid === '') && mediaCount === 0) {
      throw new CreateError(400, 21602, 'Message body is required.');
    }
    // "Some special characters such as emojis … will be counted as multiple characters"
    // (https://www.twilio.com/docs/api/errors/21617): counted here in UTF-16 units, an emoji two.
    if (body.length > 1600) {
      throw new CreateError(400, 21617, 'The concatenated message body exceeds the 1600 character limit.');
    }

    let renderedBody = body;
    let contentRefusal: number | null = null;
    if (contentSid !== undefined) {
      if (!/^HX[0-9a-fA-F]{32}$/.test(contentSid)) throw new CreateError(400, 21655, 'The ContentSid is Invalid.');
      let variables: Record<string, string> = {};
      if (params.ContentVariables !== undefined) {
        variables = parseContentVariables(params.ContentVariables);
      }
      if (body !== '') problems.push('Body is ignored when ContentSid is given (send variables in ContentVariables)');
      const made = this.content.find(contentSid);
      const template = this.options.contentTemplates?.[contentSid] ?? (made ? contentBody(made.resource.types) : undefined);
      renderedBody = template === undefined ? '' : renderTemplate(template, variables);
      contentRefusal = whatsappTemplateRefusal(variables, template === undefined ? null : renderedBody);
      // A template WhatsApp rejected is refused at delivery: https://www.twilio.com/docs/api/errors/63040
      if (contentRefusal === null && made?.approval.status === 'rejected') contentRefusal = 63040;
    } else if (params.ContentVariables !== undefined) {
      problems.push('ContentVariables without ContentSid is ignored');
    }

    const now = this.options.now();
    const sid = this.newSid(mediaCount > 0 ? 'MM' : 'SM');
    const usesService = mg !== undefined && mg !== '';
    const message: StoredMessage = {
      ...this.resourceBase(sid, now, accountSid),
      body: renderedBody,
      date_sent: null,
      direction: 'outbound-api',
      from: from !== undefined && from !== '' ? from : null,
      messaging_service_sid: usesService ? mg : null,
      num_media: String(mediaCount),
      // Per the spec: a Messaging Service message has 0 segments until a sender is assigned.
      num_segments: usesService ? '0' : '1',
      status: usesService ? 'accepted' : 'queued',
      to,
      request: params,
      requestPairs: pairs,
      unknownParams,
      statusCallback: callback ?? null,
      answeredStatus,
      pendingErrorCode: pendingErrorCode ?? contentRefusal,
      createdAt: now,
    };
    // Free-form text outside the 24-hour window is accepted (201) and then fails with 63016 through
    // the status callback: https://www.twilio.com/docs/api/errors/63016 and
    // https://www.twilio.com/docs/whatsapp/key-concepts#the-customer-service-window
    if (message.pendingErrorCode === null && this.outsideSessionWindow(message)) message.pendingErrorCode = 63016;
    this.store.push(message);
    for (const p of problems) this.violationLog.push(`${sid}: ${p}`);
    return message;
  }

  private resourceBase(sid: string, now: number, accountSid = this.options.accountSid) {
    const base = `/${API_VERSION}/Accounts/${accountSid}/Messages/${sid}`;
    return {
      account_sid: accountSid,
      api_version: API_VERSION,
      date_created: rfc2822(now),
      date_updated: rfc2822(now),
      error_code: null,
      error_message: null,
      price: null,
      price_unit: null,
      sid,
      subresource_uris: { media: `${base}/Media.json`, feedback: `${base}/Feedback.json` },
      uri: `${base}.json`,
    };
  }

  private callbackParams(m: StoredMessage): Record<string, string> {
    const whatsapp = m.to.startsWith('whatsapp:');
    const p: Record<string, string> = {};
    p.SmsSid = m.sid;
    p.SmsStatus = m.status;
    p.MessageStatus = m.status;
    if (whatsapp) p.ChannelToAddress = m.to.slice('whatsapp:'.length);
    p.To = m.to;
    if (whatsapp) p.ChannelPrefix = 'whatsapp';
    p.MessageSid = m.sid;
    p.AccountSid = m.account_sid;
    if (m.messaging_service_sid !== null) p.MessagingServiceSid = m.messaging_service_sid;
    if (whatsapp && m.status === 'sent') p.StructuredMessage = m.request.ContentSid !== undefined ? 'true' : 'false';
    if ((m.status === 'failed' || m.status === 'undelivered') && m.error_code !== null) p.ErrorCode = String(m.error_code);
    p.From = m.from ?? '';
    p.ApiVersion = API_VERSION;
    if (whatsapp) p.ChannelInstallSid = `XE${hex32(`channel:${m.account_sid}:${m.from ?? ''}`)}`;
    return p;
  }

  private outsideSessionWindow(m: StoredMessage): boolean {
    if (this.options.sessionWindow === false) return false;
    if (!m.to.startsWith('whatsapp:')) return false;
    if (m.request.ContentSid !== undefined) {
      // Outside the window "business-initiated messages … must use an approved template"
      // (https://www.twilio.com/docs/api/errors/63016); inside it a content template goes out as a
      // session message, approved or not (https://www.twilio.com/docs/whatsapp/key-concepts#message-templates).
      // A template registered by hand (contentTemplates) counts as approved.
      const made = this.content.find(m.request.ContentSid);
      if (!made || made.approval.status === 'approved') return false;
    }
    const sandbox = this.options.sandboxSender;
    if (sandbox && m.from === sandbox.from && (sandbox.joined === 'all' || sandbox.joined.includes(m.to))) return false;
    return !this.store.some(
      (x) => x.direction === 'inbound' && x.from === m.to && x.createdAt <= m.createdAt && m.createdAt - x.createdAt < DAY_MS,
    );
  }

  private newSid(prefix: string): string {
    this.sidCounter += 1;
    return prefix + hex32(`${this.options.accountSid}:${prefix}:${this.sidCounter}`);
  }
}

function hex32(seed: string): string {
  return createHash('md5').update(seed).digest('hex');
}

/** The resource fields only, in the spec's vocabulary (what the HTTP API returns). */
export function toResource(m: StoredMessage): MessageResource {
  return {
    account_sid: m.account_sid,
    api_version: m.api_version,
    body: m.body,
    date_created: m.date_created,
    date_sent: m.date_sent,
    date_updated: m.date_updated,
    direction: m.direction,
    error_code: m.error_code,
    error_message: m.error_message,
    from: m.from,
    messaging_service_sid: m.messaging_service_sid,
    num_media: m.num_media,
    num_segments: m.num_segments,
    price: m.price,
    price_unit: m.price_unit,
    sid: m.sid,
    status: m.status,
    subresource_uris: { ...m.subresource_uris },
    to: m.to,
    uri: m.uri,
  };
}

/** ContentVariables must be a JSON object of non-empty strings (Twilio's 21656 otherwise). */
function parseContentVariables(raw: string): Record<string, string> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new CreateError(400, 21656, 'The ContentVariables Parameter is invalid.');
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new CreateError(400, 21656, 'The ContentVariables Parameter is invalid.');
  }
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(parsed as Record<string, unknown>)) {
    if (typeof v !== 'string' || v === '') throw new CreateError(400, 21656, 'The ContentVariables Parameter is invalid.');
    out[k] = v;
  }
  return out;
}

/**
 * What WhatsApp refuses in a template message after Twilio accepted the request, so the message fails
 * with a callback: a parameter with a line break, a tab or more than 4 consecutive spaces (Meta's
 * error 132018, https://developers.facebook.com/documentation/business-messaging/whatsapp/support/error-codes/),
 * or a body longer than 1,024 characters once filled in (Meta's template body limit). Twilio reports
 * content the channel refused as 63005 ("Channel did not accept given content",
 * https://www.twilio.com/docs/api/errors/63005); which code Twilio shows for 132018 is a live check.
 */
function whatsappTemplateRefusal(variables: Record<string, string>, renderedBody: string | null): number | null {
  if (Object.values(variables).some((value) => /[\n\r\t]| {5}/.test(value))) return 63005;
  if (renderedBody !== null && Array.from(renderedBody).length > 1024) return 63005;
  return null;
}

function renderTemplate(template: string, variables: Record<string, string>): string {
  return template.replace(/\{\{\s*([^{}\s]+)\s*\}\}/g, (whole, key: string) => variables[key] ?? whole);
}
