// Twilio's wire format for WhatsApp messages: the create request, its outcome, status order and error wording.
import { base64FromText } from './base64';
import { encodableText } from './message-limits';

export const TWILIO_API = 'https://api.twilio.com/2010-04-01';
/** Twilio's Content API (templates and their WhatsApp approval) and Messaging v2 (the Senders API). */
export const CONTENT_API = 'https://content.twilio.com/v1';
export const MESSAGING_V2_API = 'https://messaging.twilio.com/v2';

export interface TwilioCredentials {
  accountSid: string;
  /** Basic-auth user: the Account SID, or an API key SID. */
  username: string;
  password: string;
}

export interface OutgoingMessage {
  /** E.164, without the whatsapp: prefix. */
  to: string;
  from?: string;
  messagingServiceSid?: string;
  body?: string;
  contentSid?: string;
  contentVariables?: Record<string, string>;
  statusCallback?: string;
}

export interface HttpCall {
  url: string;
  method: 'get' | 'post';
  headers: Record<string, string>;
  /** Form fields for a POST. */
  payload?: Record<string, string>;
  /** A JSON body for a POST (the Content API reads JSON, not forms). */
  json?: unknown;
}

export function authorizationHeader(credentials: TwilioCredentials): string {
  return `Basic ${base64FromText(`${credentials.username}:${credentials.password}`)}`;
}

export function createMessageCall(credentials: TwilioCredentials, message: OutgoingMessage): HttpCall {
  const payload: Record<string, string> = { To: `whatsapp:${message.to}` };
  if (message.messagingServiceSid) payload.MessagingServiceSid = message.messagingServiceSid;
  if (message.from) payload.From = message.from;
  if (message.contentSid) {
    payload.ContentSid = message.contentSid;
    const variables = Object.entries(message.contentVariables ?? {}).map(([key, value]) => [key, encodableText(value)]);
    payload.ContentVariables = JSON.stringify(Object.fromEntries(variables));
  } else {
    payload.Body = encodableText(message.body ?? '');
  }
  if (message.statusCallback) payload.StatusCallback = message.statusCallback;
  return {
    url: `${TWILIO_API}/Accounts/${encodeURIComponent(credentials.accountSid)}/Messages.json`,
    method: 'post',
    headers: { Authorization: authorizationHeader(credentials) },
    payload,
  };
}

export function fetchMessageCall(credentials: TwilioCredentials, sid: string): HttpCall {
  return {
    url: `${TWILIO_API}/Accounts/${encodeURIComponent(credentials.accountSid)}/Messages/${encodeURIComponent(sid)}.json`,
    method: 'get',
    headers: { Authorization: authorizationHeader(credentials) },
  };
}

/** Lists recent messages to one number, to find out whether an uncertain create went through. */
export function listMessagesToCall(credentials: TwilioCredentials, to: string): HttpCall {
  return {
    url: `${TWILIO_API}/Accounts/${encodeURIComponent(credentials.accountSid)}/Messages.json?To=${encodeURIComponent(`whatsapp:${to}`)}&PageSize=50`,
    method: 'get',
    headers: { Authorization: authorizationHeader(credentials) },
  };
}

function getCall(credentials: TwilioCredentials, url: string): HttpCall {
  return { url, method: 'get', headers: { Authorization: authorizationHeader(credentials) } };
}

function jsonPostCall(credentials: TwilioCredentials, url: string, json: unknown): HttpCall {
  return { url, method: 'post', headers: { Authorization: authorizationHeader(credentials) }, json };
}

/** FetchAccount: the cheapest request that proves the credentials (and says whether the account is active). */
export function fetchAccountCall(credentials: TwilioCredentials): HttpCall {
  return getCall(credentials, `${TWILIO_API}/Accounts/${encodeURIComponent(credentials.accountSid)}.json`);
}

/** The account's WhatsApp senders (Senders API, ListChannelsSender). */
export function listWhatsAppSendersCall(credentials: TwilioCredentials): HttpCall {
  return getCall(credentials, `${MESSAGING_V2_API}/Channels/Senders?Channel=whatsapp&PageSize=1000`);
}

export function listContentCall(credentials: TwilioCredentials, pageUrl?: string): HttpCall {
  return getCall(credentials, pageUrl ?? `${CONTENT_API}/Content?PageSize=1000`);
}

export function createContentCall(credentials: TwilioCredentials, request: Record<string, unknown>): HttpCall {
  return jsonPostCall(credentials, `${CONTENT_API}/Content`, request);
}

export function approvalCreateCall(credentials: TwilioCredentials, sid: string, approval: { name: string; category: string }): HttpCall {
  return jsonPostCall(credentials, `${CONTENT_API}/Content/${encodeURIComponent(sid)}/ApprovalRequests/whatsapp`, approval);
}

export function approvalFetchCall(credentials: TwilioCredentials, sid: string): HttpCall {
  return getCall(credentials, `${CONTENT_API}/Content/${encodeURIComponent(sid)}/ApprovalRequests`);
}

/** Plain words for a Twilio answer that is not a success: its error code's wording, else the HTTP status. */
export function twilioProblem(httpStatus: number, body: string): string {
  const json = parseJson(body);
  const code = typeof json.code === 'number' ? json.code : undefined;
  const twilioMessage = typeof json.message === 'string' ? json.message : '';
  if (code !== undefined) return explainTwilioError(code, twilioMessage);
  return `Twilio answered HTTP ${httpStatus}${twilioMessage ? `: ${twilioMessage}` : ''}`;
}

export type SendOutcome =
  | { kind: 'accepted'; sid: string; status: string }
  /** Safe to send again later: throttled, unavailable, network, quota. */
  | { kind: 'retry'; reason: string; code?: number }
  /** Twilio may have sent it (a 500 on create): find out before sending again. */
  | { kind: 'uncertain'; reason: string }
  /** Twilio refused it for good: the event turns red with this reason. */
  | { kind: 'rejected'; reason: string; code?: number };

function parseJson(body: string): Record<string, unknown> {
  try {
    const value = JSON.parse(body);
    // Stryker disable next-line ConditionalExpression: a number or string taken as a record has none of the fields read, like {}
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export function sendOutcome(httpStatus: number, body: string): SendOutcome {
  const json = parseJson(body);
  const code = typeof json.code === 'number' ? json.code : undefined;
  if (httpStatus === 200 || httpStatus === 201) {
    if (typeof json.sid === 'string') return { kind: 'accepted', sid: json.sid, status: String(json.status ?? 'queued') };
    return { kind: 'uncertain', reason: 'Twilio answered without a message SID' };
  }
  const twilioMessage = typeof json.message === 'string' ? json.message : '';
  const reason = code !== undefined ? explainTwilioError(code, twilioMessage) : `Twilio answered HTTP ${httpStatus}`;
  if (httpStatus === 429 || httpStatus === 503) return { kind: 'retry', reason, code };
  if (httpStatus >= 500) return { kind: 'uncertain', reason };
  return { kind: 'rejected', reason, code };
}

/** Plain words for the Twilio error codes a host meets with WhatsApp; unknown codes keep Twilio's text. */
const ERROR_WORDS: Record<number, string> = {
  20003: 'Twilio rejected the credentials: check the Account SID and auth token (or API key)',
  20404: 'Twilio does not know this resource: check the Account SID, or it was deleted',
  20429: 'Twilio is throttling requests: too many at once',
  21211: 'the phone number is not valid',
  21408: 'sending to this country is not enabled in the Twilio account (Geo permissions)',
  21602: 'the message had no text',
  21610: 'the attendee has unsubscribed (replied STOP)',
  21614: 'the number cannot receive this kind of message',
  21617: 'the message is too long',
  21656: 'the template variables are invalid',
  21910: 'the WhatsApp sender and the attendee number do not match (From/To pair)',
  63003: 'the number is not on WhatsApp, or the channel could not reach it',
  63005:
    'WhatsApp did not accept the message content (for a template: a variable with a line break, tab or long run of spaces, or a body over 1,024 characters)',
  63016: 'WhatsApp needs an approved template outside the 24-hour window',
  63024: 'the attendee must first accept WhatsApp messages from this business (invalid message recipient)',
  63040: 'WhatsApp rejected this template (the health check shows why): delete it in Twilio and run Create WhatsApp templates again',
  63032: 'the message could not be delivered because of the attendee\u2019s WhatsApp settings or region',
  30003: 'the phone is unreachable (switched off or out of coverage)',
  30004: 'the message was blocked by the recipient or carrier',
  30005: 'the number is unknown or no longer exists',
  30006: 'the number is a landline or cannot receive messages',
  30007: 'the message was filtered as spam by the carrier or WhatsApp',
  30008: 'the message could not be delivered for an unknown reason',
};

export function explainTwilioError(code: number, twilioMessage = ''): string {
  const words = ERROR_WORDS[code] ?? (twilioMessage || 'Twilio could not send the message');
  return `${words} (Twilio ${code})`;
}

/**
 * Delivery statuses in the order they can happen; callbacks that arrive late or twice never move a
 * message backwards. Failed and undelivered sit beside delivered: after one of them nothing but
 * "read" (a newer fact) is accepted.
 */
const STATUS_RANK: Record<string, number> = {
  accepted: 0,
  scheduled: 0,
  queued: 0,
  sending: 1,
  sent: 2,
  failed: 3,
  undelivered: 3,
  delivered: 3,
  read: 4,
  canceled: 3,
};

export function statusRank(status: string): number {
  return STATUS_RANK[status] ?? -1;
}

export function isNewerStatus(current: string, next: string): boolean {
  return statusRank(next) > statusRank(current);
}

export function isFailureStatus(status: string): boolean {
  return status === 'failed' || status === 'undelivered';
}

export function isSuccessStatus(status: string): boolean {
  return status === 'sent' || status === 'delivered' || status === 'read';
}
