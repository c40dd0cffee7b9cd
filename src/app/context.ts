// What one execution needs to know: validated settings, secrets, the calendar's zone and link signing.
import { constantTimeEqual, looksLikeToken, tokenFromMac, tokenMessage } from '../domain/tokens';
import { parseLastInbound } from '../domain/message-mode';
import { PROP, parseSettings, safeTimeZone, type Settings } from '../domain/settings';
import { parseTemplateStatus, type ApprovalStatus } from '../domain/templates';
import { isValidTimeZone } from '../domain/time';
import { calendarTimeZone } from '../gas/calendar';
import { effectiveUserEmail, hmacSha256, knownWebAppUrl, randomSecret, scriptTimeZone } from '../gas/platform';
import { readScriptProperties, writeScriptProperties } from '../gas/properties';
import { knowSpreadsheetRecord } from '../gas/sheets';

export class AppContext {
  private timeZoneCache: string | null = null;
  private lastInboundCache: Record<string, number> | null = null;
  private approvalCache: Record<string, ApprovalStatus> | null = null;

  private constructor(
    readonly props: Record<string, string>,
    readonly settings: Settings,
  ) {}

  /** Reads every script property once and validates the settings (throws SettingsError naming a bad one). */
  static load(read: Record<string, string> = readScriptProperties()): AppContext {
    const props = read;
    knowSpreadsheetRecord(props[PROP.spreadsheetId]);
    // ScriptApp is asked for the URL only when the host has not set it (one service call saved per run).
    const webAppUrl = (props[PROP.webAppUrl] ?? '').trim() === '' ? knownWebAppUrl() : '';
    const settings = parseSettings(props, { webAppUrl, ownerEmail: props[PROP.ownerEmail] ?? '' });
    return new AppContext(props, settings);
  }

  /** Who wrote in the last 24 hours (LAST_INBOUND): inside WhatsApp's free-text session. */
  get lastInbound(): Record<string, number> {
    this.lastInboundCache ??= parseLastInbound(this.props[PROP.lastInbound]);
    return this.lastInboundCache;
  }

  /** WhatsApp approval of the stored templates as last read from Twilio (TEMPLATE_STATUS). */
  get templateApproval(): Record<string, ApprovalStatus> {
    this.approvalCache ??= parseTemplateStatus(this.props[PROP.templateStatus]);
    return this.approvalCache;
  }

  get linkSecret(): string {
    return this.props[PROP.linkSecret] ?? '';
  }

  get webhookKey(): string {
    return this.props[PROP.webhookKey] ?? '';
  }

  /** The booking webhook's key: separate from Twilio's, so either can be rotated or leak alone. */
  get bookingApiKey(): string {
    return this.props[PROP.bookingApiKey] ?? '';
  }

  /**
   * The calendar's own zone: messages name times as the host sees them in the calendar. The sync
   * stores what its Events.list answered (CALENDAR_TIME_ZONE), so a run reads it with the settings;
   * only a project whose sync has not stored it yet asks Calendars.get.
   */
  get timeZone(): string {
    if (this.timeZoneCache === null) {
      const stored = this.props[PROP.calendarTimeZone] ?? '';
      this.timeZoneCache = isValidTimeZone(stored) ? stored : safeTimeZone(calendarTimeZone(this.settings.calendarId), scriptTimeZone());
    }
    return this.timeZoneCache;
  }

  /** The zone an Events.list of this run answered: newer than the stored one, and free. */
  learnTimeZone(timeZone: string): void {
    if (isValidTimeZone(timeZone)) this.timeZoneCache = timeZone;
  }

  tokenFor(appointmentKey: string): string {
    if (this.linkSecret === '') throw new Error('LINK_SECRET is missing: run setup() from the Apps Script editor');
    return tokenFromMac(hmacSha256(tokenMessage(appointmentKey), this.linkSecret));
  }

  /** A token is accepted only when it is exactly the HMAC of the appointment it points to. */
  tokenMatches(token: unknown, appointmentKey: string): boolean {
    return looksLikeToken(token) && this.linkSecret !== '' && constantTimeEqual(token, this.tokenFor(appointmentKey));
  }

  appointmentLink(token: string): string {
    return `${this.settings.webAppUrl}?l=${token}`;
  }

  get bookingLink(): string {
    return `${this.settings.webAppUrl}?p=book`;
  }

  /** Twilio posts delivery statuses here; the long random key stands in for the signature doPost cannot read. */
  get statusCallbackUrl(): string {
    return `${this.settings.webAppUrl}?hook=twilio&k=${encodeURIComponent(this.webhookKey)}`;
  }
}

/**
 * Creates the signing, webhook and booking API keys once; existing keys are kept, so links already sent
 * stay valid. The owner is recorded once too: it decides who may run the owner's commands (access.ts).
 */
export function ensureSecrets(props: Record<string, string>, ownerEmail: string): Record<string, string> {
  const added: Record<string, string> = {};
  if (!props[PROP.linkSecret]) added[PROP.linkSecret] = randomSecret();
  if (!props[PROP.webhookKey]) added[PROP.webhookKey] = randomSecret();
  if (!props[PROP.bookingApiKey]) added[PROP.bookingApiKey] = randomSecret();
  if (ownerEmail && !(props[PROP.ownerEmail] ?? '').trim()) added[PROP.ownerEmail] = ownerEmail;
  if (Object.keys(added).length > 0) writeScriptProperties(added);
  return { ...props, ...added };
}

export function ownerEmailOf(): string {
  return effectiveUserEmail();
}
