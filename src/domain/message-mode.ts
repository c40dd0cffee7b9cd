// Which form a WhatsApp message takes: free text or an approved template, by sender, mode and the attendee's 24-hour session.
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
    if (!json || typeof json !== 'object' || Array.isArray(json)) return {};
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
  return last !== undefined && last <= at && at - last < SESSION_MS;
}

/**
 * The Content SID to send for this message, or undefined for free text. Template mode always uses
 * its template. Text mode with a production sender (flagged by the health check) still never sends
 * free text outside the session: an approved template goes out instead; without one, free text is
 * tried and fails visibly (63016, the event turns red).
 */
export function templateFor(
  settings: Pick<Settings, 'messageMode' | 'whatsappFrom' | 'messagingServiceSid' | 'templates'>,
  kind: MessageKind,
  context: { phone: string; at: number; lastInbound: Record<string, number>; approval: Record<string, ApprovalStatus> },
): string | undefined {
  const sid = settings.templates[kind];
  if (settings.messageMode === 'template') return sid;
  if (!sid || isSandboxSender(settings) || inSession(context.lastInbound, context.phone, context.at)) return undefined;
  return context.approval[sid] === 'approved' ? sid : undefined;
}
