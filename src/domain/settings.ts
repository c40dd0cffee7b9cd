// The host's settings: script property names, defaults, and validation with messages that name the bad property.
import { errorMessage } from './errors';
import { LANGUAGE_CODES, type LanguageCode, languageOfTag } from './i18n/languages';
import { MESSAGE_KINDS, type MessageKind } from './messages';
import type { TwilioCredentials } from './twilio';
import { DEFAULT_REMINDER_OFFSETS, parseReminderOffsets } from './reminders';
import { isValidTimeZone } from './time';

/** Script property names: documented in the README; a host edits them in the Apps Script project settings. */
export const PROP = {
  accountSid: 'TWILIO_ACCOUNT_SID',
  authToken: 'TWILIO_AUTH_TOKEN',
  apiKeySid: 'TWILIO_API_KEY_SID',
  apiKeySecret: 'TWILIO_API_KEY_SECRET',
  whatsappFrom: 'WHATSAPP_FROM',
  messagingServiceSid: 'TWILIO_MESSAGING_SERVICE_SID',
  messageMode: 'MESSAGE_MODE',
  templates: 'TEMPLATE_SIDS',
  defaultCountry: 'DEFAULT_COUNTRY',
  hostName: 'HOST_NAME',
  webAppUrl: 'WEB_APP_URL',
  calendarId: 'CALENDAR_ID',
  colorDelivered: 'COLOR_DELIVERED',
  colorFailed: 'COLOR_FAILED',
  locale: 'LOCALE',
  language: 'LANGUAGE',
  languageByCountry: 'LANGUAGE_BY_COUNTRY',
  reminderOffsets: 'REMINDER_OFFSETS',
  colorConfirmed: 'COLOR_CONFIRMED',
  hostWhatsapp: 'HOST_WHATSAPP',
  verifyInbound: 'VERIFY_INBOUND',
  invitationMode: 'INVITATION_MODE',
  invitationSenderName: 'INVITATION_SENDER_NAME',
  organizerEmail: 'ORGANIZER_EMAIL',
  // Secrets and state written by setup() and the sync; not for hand editing.
  linkSecret: 'LINK_SECRET',
  webhookKey: 'WEBHOOK_KEY',
  bookingApiKey: 'BOOKING_API_KEY',
  ownerEmail: 'OWNER_EMAIL',
  syncToken: 'SYNC_TOKEN',
  syncRequested: 'SYNC_REQUESTED_AT',
  /** The bound spreadsheet's id with the id of the script that stored it (gas/sheets.ts): no SpreadsheetApp handle per run. */
  spreadsheetId: 'SPREADSHEET_ID',
  /** The watched calendar's zone as the sync's Events.list last answered it (pages read it instead of Calendars.get). */
  calendarTimeZone: 'CALENDAR_TIME_ZONE',
  /** The script's own recent colour/description writes by etag, so their trigger echo costs no sheet (app/own-writes.ts). */
  ownWrites: 'OWN_WRITES',
  /** WhatsApp approval of the templates in TEMPLATE_SIDS as last read from Twilio: {"HX…":"approved"}. */
  templateStatus: 'TEMPLATE_STATUS',
  /** Last inbound WhatsApp message per number, last 24 hours: who is inside the free-text session. */
  lastInbound: 'LAST_INBOUND',
  /** The last sync run: when, its error, UrlFetch calls today. */
  lastSync: 'LAST_SYNC',
  /** The daily health check: when it last ran and which checks failed then. */
  healthState: 'HEALTH_STATE',
} as const;

export type MessageMode = 'text' | 'template';
/** Who sends invitations to attendees with an email address: Google (guests of the event), the project itself, or nobody. */
export type InvitationMode = 'google' | 'email' | 'off';

export interface Settings {
  /** Exactly the credentials Twilio calls take (see TwilioCredentials in twilio.ts). */
  twilio: TwilioCredentials;
  whatsappFrom: string;
  messagingServiceSid: string;
  messageMode: MessageMode;
  /** The templates in use per kind and language (TEMPLATE_SIDS). */
  templates: TemplateTable;
  /** Newer templates waiting for WhatsApp's approval; each replaces the one in `templates` once approved. */
  pendingTemplates: TemplateTable;
  defaultCountry: string;
  hostName: string;
  webAppUrl: string;
  calendarId: string;
  colorDelivered: string;
  colorFailed: string;
  locale: string;
  /** The host's language: what attendees read when nothing else says which (README, "Languages"). */
  language: LanguageCode;
  /** Guess an attendee's language from their number's country (LANGUAGE_BY_COUNTRY, on by default). */
  languageByCountry: boolean;
  /** Minutes before the start, largest first; empty when reminders are off. */
  reminderOffsets: number[];
  colorConfirmed: string;
  /** E.164 number that gets attendees' free-text messages on WhatsApp; '' sends them to the owner by email. */
  hostWhatsapp: string;
  /** Fetch each inbound message back from Twilio by its SID before answering (VERIFY_INBOUND=off skips it). */
  verifyInbound: boolean;
  invitationMode: InvitationMode;
  /** The sender name on invitation mail. */
  invitationSenderName: string;
  /** ORGANIZER of the invitations this project mails: where RSVPs go. */
  organizerEmail: string;
}

export class SettingsError extends Error {
  constructor(
    readonly property: string,
    /** What is wrong, without the property's name (the settings form shows it next to the field). */
    readonly problem: string,
  ) {
    super(`Setting ${property}: ${problem}`);
    this.name = 'SettingsError';
  }
}

const ACCOUNT_SID = /^AC[0-9a-fA-F]{32}$/;
const API_KEY_SID = /^SK[0-9a-fA-F]{32}$/;
const SERVICE_SID = /^MG[0-9a-fA-F]{32}$/;
const CONTENT_SID = /^HX[0-9a-fA-F]{32}$/;
const WHATSAPP_SENDER = /^whatsapp:\+[1-9]\d{6,14}$/;
const SIMPLE_EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/;
const CALENDAR_COLOR_IDS = new Set(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11']);

function text(props: Record<string, string>, name: string): string {
  return (props[name] ?? '').trim();
}

function required(props: Record<string, string>, name: string, what: string): string {
  const value = text(props, name);
  if (value === '') throw new SettingsError(name, `missing; set it to ${what}`);
  return value;
}

function color(props: Record<string, string>, name: string, fallback: string): string {
  const value = text(props, name) || fallback;
  if (!CALENDAR_COLOR_IDS.has(value)) throw new SettingsError(name, `"${value}" is not a Google Calendar event colour id (1 to 11)`);
  return value;
}

/** Content SIDs per message kind and language: {"scheduled":{"en":"HX…","de":"HX…"}}. */
export type TemplateTable = Partial<Record<MessageKind, Partial<Record<LanguageCode, string>>>>;

/** TEMPLATE_SIDS read: the templates in use, and newer ones (the host's changed wording) waiting for WhatsApp's approval. */
export interface TemplateSids {
  templates: TemplateTable;
  pendingTemplates: TemplateTable;
}

/** The key of TEMPLATE_SIDS that holds templates waiting for approval, in the same shape as the rest. */
export const PENDING_KEY = 'pending';

function isKind(key: string): key is MessageKind {
  return (MESSAGE_KINDS as readonly string[]).includes(key);
}

function parseTable(value: Record<string, unknown>, hostLanguage: LanguageCode, where: string): TemplateTable {
  const table: TemplateTable = {};
  for (const [kind, entry] of Object.entries(value)) {
    if (kind === PENDING_KEY && where === '') continue;
    const name = `${where}${kind}`;
    if (!isKind(kind))
      throw new SettingsError(
        PROP.templates,
        `"${name}" is not a message kind (${MESSAGE_KINDS.join(', ')})${where === '' ? ` or "${PENDING_KEY}"` : ''}`,
      );
    // The first shape, one SID per kind, is the host's language.
    const nested = !!entry && typeof entry === 'object' && !Array.isArray(entry);
    const byLanguage: Record<string, unknown> = nested ? (entry as Record<string, unknown>) : { [hostLanguage]: entry };
    const languages: Partial<Record<LanguageCode, string>> = {};
    for (const [language, sid] of Object.entries(byLanguage)) {
      if (!(LANGUAGE_CODES as readonly string[]).includes(language))
        throw new SettingsError(PROP.templates, `"${name}.${language}" is not a language code (${LANGUAGE_CODES.join(', ')})`);
      const label = nested ? `${name}.${language}` : name;
      if (typeof sid !== 'string' || !CONTENT_SID.test(sid))
        throw new SettingsError(PROP.templates, `"${label}" must be a Content SID (HX followed by 32 hex digits)`);
      languages[language as LanguageCode] = sid;
    }
    table[kind] = languages;
  }
  return table;
}

/**
 * TEMPLATE_SIDS: {"scheduled":{"en":"HX…","de":"HX…"},…,"pending":{"reminder":{"en":"HX…"}}}. Kind first,
 * then language: the kinds stay the top-level keys they always were, so the first shape
 * ({"scheduled":"HX…"}) still reads, as the host's language. "pending" holds a newer template of a
 * kind and language (the host changed its wording) until WhatsApp approves it; the one beside it is
 * used until then.
 */
export function parseTemplateSids(raw: string, hostLanguage: LanguageCode): TemplateSids {
  if (raw.trim() === '') return { templates: {}, pendingTemplates: {} };
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new SettingsError(PROP.templates, 'is not valid JSON');
  }
  const isObject = (value: unknown): value is Record<string, unknown> => !!value && typeof value === 'object' && !Array.isArray(value);
  if (!isObject(parsed))
    throw new SettingsError(
      PROP.templates,
      'must be a JSON object of message kind to Content SID, or to an object of language to Content SID',
    );
  const pending = parsed[PENDING_KEY];
  if (pending !== undefined && !isObject(pending))
    throw new SettingsError(PROP.templates, `"${PENDING_KEY}" must be an object of message kind to an object of language to Content SID`);
  return {
    templates: parseTable(parsed, hostLanguage, ''),
    pendingTemplates: pending === undefined ? {} : parseTable(pending, hostLanguage, `${PENDING_KEY}.`),
  };
}

/** TEMPLATE_SIDS as written: kinds in their order, languages in the catalogue's, "pending" last and only when there is one. */
export function templateSidsJson(sids: TemplateSids): string {
  const ordered = (table: TemplateTable) => {
    const out: Record<string, Record<string, string>> = {};
    for (const kind of MESSAGE_KINDS) {
      const languages: Record<string, string> = {};
      for (const language of LANGUAGE_CODES) {
        const sid = table[kind]?.[language];
        if (sid) languages[language] = sid;
      }
      if (Object.keys(languages).length > 0) out[kind] = languages;
    }
    return out;
  };
  const pending = ordered(sids.pendingTemplates);
  return JSON.stringify({ ...ordered(sids.templates), ...(Object.keys(pending).length > 0 ? { [PENDING_KEY]: pending } : {}) });
}

function parseTemplates(props: Record<string, string>, mode: MessageMode, language: LanguageCode): TemplateSids {
  const raw = text(props, PROP.templates);
  if (raw === '' && mode === 'template')
    throw new SettingsError(
      PROP.templates,
      `missing; template mode needs {"scheduled":{"${language}":"HX…"},"rescheduled":{"${language}":"HX…"},"cancelled":{"${language}":"HX…"}} (run "Create WhatsApp templates")`,
    );
  const sids = parseTemplateSids(raw, language);
  if (mode === 'template') {
    for (const kind of ['scheduled', 'rescheduled', 'cancelled'] as const) {
      if (!sids.templates[kind]?.[language])
        throw new SettingsError(
          PROP.templates,
          `has no Content SID for "${kind}" in ${language}, your ${PROP.language}: every language falls back to it`,
        );
    }
  }
  return sids;
}

/** The Twilio credentials alone (template creation and the health check need them before the rest is valid). */
export function parseTwilioCredentials(props: Record<string, string>): TwilioCredentials {
  const accountSid = required(props, PROP.accountSid, 'your Twilio Account SID (AC…)');
  if (!ACCOUNT_SID.test(accountSid)) throw new SettingsError(PROP.accountSid, 'must be AC followed by 32 hex digits');
  const apiKeySid = text(props, PROP.apiKeySid);
  let username = accountSid;
  let password: string;
  if (apiKeySid !== '') {
    if (!API_KEY_SID.test(apiKeySid)) throw new SettingsError(PROP.apiKeySid, 'must be SK followed by 32 hex digits');
    username = apiKeySid;
    password = required(props, PROP.apiKeySecret, 'the secret of that API key');
  } else {
    password = required(props, PROP.authToken, 'your Twilio auth token (or set TWILIO_API_KEY_SID and TWILIO_API_KEY_SECRET)');
  }
  return { accountSid, username, password };
}

/** Reads and validates every setting; the first problem throws a SettingsError naming the property. */
export function parseSettings(props: Record<string, string>, fallbacks: { webAppUrl: string; ownerEmail: string }): Settings {
  const twilio = parseTwilioCredentials(props);

  const whatsappFrom = text(props, PROP.whatsappFrom);
  const messagingServiceSid = text(props, PROP.messagingServiceSid);
  if (whatsappFrom === '' && messagingServiceSid === '') {
    throw new SettingsError(
      PROP.whatsappFrom,
      'missing; set it to your WhatsApp sender, e.g. whatsapp:+14155238886 (or set TWILIO_MESSAGING_SERVICE_SID)',
    );
  }
  if (whatsappFrom !== '' && !WHATSAPP_SENDER.test(whatsappFrom))
    throw new SettingsError(PROP.whatsappFrom, `"${whatsappFrom}" must look like whatsapp:+14155238886`);
  if (messagingServiceSid !== '' && !SERVICE_SID.test(messagingServiceSid))
    throw new SettingsError(PROP.messagingServiceSid, 'must be MG followed by 32 hex digits');

  const modeText = text(props, PROP.messageMode) || 'text';
  if (modeText !== 'text' && modeText !== 'template')
    throw new SettingsError(PROP.messageMode, `"${modeText}" must be "text" or "template"`);
  const messageMode = modeText as MessageMode;

  const defaultCountry = (text(props, PROP.defaultCountry) || '').toUpperCase();
  if (defaultCountry !== '' && !/^[A-Z]{2}$/.test(defaultCountry))
    throw new SettingsError(PROP.defaultCountry, `"${defaultCountry}" must be a two-letter country code such as DE or US`);

  const webAppUrl = text(props, PROP.webAppUrl) || fallbacks.webAppUrl;
  if (!/^https?:\/\/\S+$/.test(webAppUrl)) throw new SettingsError(PROP.webAppUrl, 'missing; deploy the web app and set its /exec URL');

  const locale = text(props, PROP.locale) || 'en';
  try {
    new Intl.DateTimeFormat(locale);
  } catch {
    throw new SettingsError(PROP.locale, `"${locale}" is not a language tag such as en or en-US`);
  }

  const languageText = text(props, PROP.language) || 'en';
  const language = languageOfTag(languageText);
  if (language === null) throw new SettingsError(PROP.language, `"${languageText}" must be one of ${LANGUAGE_CODES.join(', ')}`);
  const byCountryText = (text(props, PROP.languageByCountry) || 'on').toLowerCase();
  if (byCountryText !== 'on' && byCountryText !== 'off')
    throw new SettingsError(PROP.languageByCountry, `"${byCountryText}" must be "on" or "off"`);

  let reminderOffsets: number[];
  try {
    reminderOffsets = parseReminderOffsets(props[PROP.reminderOffsets] ?? DEFAULT_REMINDER_OFFSETS);
  } catch (error) {
    throw new SettingsError(PROP.reminderOffsets, `${errorMessage(error)}, comma-separated, or "off"`);
  }
  const hostWhatsapp = text(props, PROP.hostWhatsapp)
    .replace(/^whatsapp:/, '')
    .replace(/[\s()-]/g, '');
  if (hostWhatsapp !== '' && !/^\+[1-9]\d{6,14}$/.test(hostWhatsapp))
    throw new SettingsError(PROP.hostWhatsapp, `"${hostWhatsapp}" must be a number in international form, e.g. +4915123456789`);
  const verifyText = (text(props, PROP.verifyInbound) || 'on').toLowerCase();
  if (verifyText !== 'on' && verifyText !== 'off') throw new SettingsError(PROP.verifyInbound, `"${verifyText}" must be "on" or "off"`);

  const invitationText = (text(props, PROP.invitationMode) || 'google').toLowerCase();
  if (invitationText !== 'google' && invitationText !== 'email' && invitationText !== 'off') {
    throw new SettingsError(PROP.invitationMode, `"${invitationText}" must be "google", "email" or "off"`);
  }
  const organizerEmail = text(props, PROP.organizerEmail) || fallbacks.ownerEmail;
  if (organizerEmail !== '' && !SIMPLE_EMAIL.test(organizerEmail))
    throw new SettingsError(PROP.organizerEmail, `"${organizerEmail}" is not an email address`);
  const hostName = text(props, PROP.hostName) || fallbacks.ownerEmail || 'your host';

  return {
    twilio,
    whatsappFrom,
    messagingServiceSid,
    messageMode,
    ...parseTemplates(props, messageMode, language),
    defaultCountry,
    hostName,
    webAppUrl: webAppUrl.split('?')[0],
    calendarId: text(props, PROP.calendarId) || 'primary',
    colorDelivered: color(props, PROP.colorDelivered, '10'),
    colorFailed: color(props, PROP.colorFailed, '11'),
    locale,
    language,
    languageByCountry: byCountryText === 'on',
    reminderOffsets,
    colorConfirmed: color(props, PROP.colorConfirmed, '9'),
    hostWhatsapp,
    verifyInbound: verifyText === 'on',
    invitationMode: invitationText as InvitationMode,
    invitationSenderName: text(props, PROP.invitationSenderName) || hostName,
    organizerEmail,
  };
}

/** Twilio's shared WhatsApp sandbox sender: the only sender where free text reaches attendees who have not written first. */
export const TWILIO_SANDBOX_SENDER = 'whatsapp:+14155238886';

/**
 * Free text to a number that has not written in the last 24 hours fails at WhatsApp (63016), so a
 * production sender must use templates; Twilio's sandbox accepts free text for joined numbers.
 */
export function messageModeProblem(settings: Pick<Settings, 'messageMode' | 'whatsappFrom'>): string | null {
  if (settings.messageMode !== 'text' || settings.whatsappFrom === TWILIO_SANDBOX_SENDER) return null;
  return `"text" works only with Twilio's sandbox sender ${TWILIO_SANDBOX_SENDER}: WhatsApp refuses free text (error 63016) to anyone who has not written to you in the last 24 hours. Use "template" with your own sender.`;
}

/** Checks a time zone name coming from the calendar, so formatting never throws later. */
export function safeTimeZone(timeZone: string | undefined, fallback: string): string {
  return timeZone && isValidTimeZone(timeZone) ? timeZone : fallback;
}
