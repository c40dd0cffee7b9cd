// Which form a WhatsApp message takes: free text or an approved template, by sender, mode and the attendee's 24-hour session.
import type { LanguageCode } from './i18n/languages';
import type { MessageKind } from './messages';
import { PROP, TWILIO_SANDBOX_SENDER, messageModeProblem, type Settings } from './settings';
import type { ApprovalStatus } from './templates';

/** Twilio's shared WhatsApp sandbox number (https://www.twilio.com/docs/whatsapp/sandbox): attendees join it and get free text. */
export { TWILIO_SANDBOX_SENDER };

/**
 * WhatsApp delivers free-form messages only within 24 hours of the user's last message (the customer
 * service window); outside it only approved templates (error 63016).
 * https://www.twilio.com/docs/whatsapp/key-concepts#the-customer-service-window
 */
export const SESSION_MS = 24 * 3600_000;

export function isSandboxSender(settings: Pick<Settings, 'whatsappFrom' | 'messagingServiceSid'>): boolean {
  return settings.whatsappFrom === TWILIO_SANDBOX_SENDER && settings.messagingServiceSid === '';
}

/** The message-mode problem (settings.ts's messageModeProblem, which saveSettings shows) named by its setting, for the health check. */
export function messageModeSettingProblem(settings: Pick<Settings, 'messageMode' | 'whatsappFrom'>): string | null {
  const problem = messageModeProblem(settings);
  return problem === null ? null : `Setting ${PROP.messageMode}: ${problem}`;
}

/** Last inbound message time per E.164 number (LAST_INBOUND), kept for the last 24 hours only. */
export function parseLastInbound(raw: string | undefined): Record<string, number> {
  try {
    const json = JSON.parse(raw ?? '') as unknown;
    // An array's entries would be its indexes. Object.entries throws on null (the catch answers {}), and a number,
    // text or boolean has no entry whose value is a number.
    if (Array.isArray(json)) return {};
    const out: Record<string, number> = {};
    for (const [phone, at] of Object.entries(json as Record<string, unknown>)) if (typeof at === 'number') out[phone] = at;
    return out;
  } catch {
    return {};
  }
}

/**
 * Records one inbound message and drops sessions older than 24 hours. Bounded so the property stays
 * far below Apps Script's 9 KB per value: at most `limit` numbers, the most recent kept.
 */
export function recordInbound(current: Record<string, number>, phone: string, at: number, limit = 200): Record<string, number> {
  const entries = Object.entries({ ...current, [phone]: at })
    .filter(([, time]) => at - time < SESSION_MS)
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit);
  return Object.fromEntries(entries);
}

export function inSession(lastInbound: Record<string, number>, phone: string, at: number): boolean {
  const last = lastInbound[phone];
  // A number never recorded reads undefined, which compares false.
  return last <= at && at - last < SESSION_MS;
}

/** A template to send: its SID, the language its words are in (the variables must be written in it too), and whether WhatsApp approved it. */
export interface TemplateChoice {
  sid: string;
  language: LanguageCode;
  approved: boolean;
}

type TemplateSettings = Pick<Settings, 'templates' | 'pendingTemplates' | 'language'>;

/** The approved template of a kind in one language: the newer one once approved, else the one in use when approved. */
export function approvedTemplate(
  settings: Pick<Settings, 'templates' | 'pendingTemplates'>,
  kind: MessageKind,
  language: LanguageCode,
  approval: Record<string, ApprovalStatus>,
): string | undefined {
  // A missing SID reads as 'undefined', which no Twilio SID (HX…) is.
  return [settings.pendingTemplates[kind]?.[language], settings.templates[kind]?.[language]].find(
    (sid) => approval[String(sid)] === 'approved',
  );
}

/**
 * Which template a message in `language` goes out as: that language's approved template, else the
 * host's language's approved one (a missing or unapproved language falls back, never to silence),
 * else the host's language's template as it is, unapproved, which WhatsApp refuses outside the
 * 24-hour session (63016: the event turns red with the reason). Undefined without any template.
 */
export function chooseTemplate(
  settings: TemplateSettings,
  kind: MessageKind,
  language: LanguageCode,
  approval: Record<string, ApprovalStatus>,
): TemplateChoice | undefined {
  // When the attendee's language is the host's, the second look repeats the first and finds nothing either.
  for (const candidate of [language, settings.language]) {
    const sid = approvedTemplate(settings, kind, candidate, approval);
    if (sid) return { sid, language: candidate, approved: true };
  }
  const fallback = settings.templates[kind]?.[settings.language];
  return fallback ? { sid: fallback, language: settings.language, approved: false } : undefined;
}

/**
 * The template to send for this message, or undefined for free text. Template mode always uses a
 * template (chooseTemplate). Text mode with a production sender (flagged by the health check) still
 * never sends free text outside the session: an approved template goes out instead; without one,
 * free text is tried and fails visibly (63016, the event turns red).
 */
export function templateFor(
  settings: Pick<Settings, 'messageMode' | 'whatsappFrom' | 'messagingServiceSid'> & TemplateSettings,
  kind: MessageKind,
  context: {
    phone: string;
    at: number;
    lastInbound: Record<string, number>;
    approval: Record<string, ApprovalStatus>;
    language: LanguageCode;
  },
): TemplateChoice | undefined {
  const choice = chooseTemplate(settings, kind, context.language, context.approval);
  if (settings.messageMode === 'template') return choice;
  if (isSandboxSender(settings) || inSession(context.lastInbound, context.phone, context.at)) return undefined;
  return choice?.approved ? choice : undefined;
}
