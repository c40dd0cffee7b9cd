// MailApp: records sent mail (with attachments as text) and charges the daily email-recipient quota.
import { type RuntimeCore, notEmulated } from './core';
import { expose, unwrap } from './expose';
import { Blob } from './utilities';

export interface SentAttachment {
  name: string | null;
  contentType: string | null;
  text: string;
}

export interface SentMail {
  to: string;
  cc: string;
  bcc: string;
  subject: string;
  body: string;
  htmlBody: string;
  name: string;
  replyTo: string;
  noReply: boolean;
  attachments: SentAttachment[];
  /** Runtime clock when sent. */
  at: number;
}

interface MailOptions {
  to?: unknown;
  cc?: unknown;
  bcc?: unknown;
  subject?: unknown;
  body?: unknown;
  htmlBody?: unknown;
  name?: unknown;
  replyTo?: unknown;
  noReply?: unknown;
  attachments?: unknown;
  inlineImages?: unknown;
}

const ADDRESS = /^(?:[^<>]*<\s*[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+\s*>|[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+)$/;

function addresses(list: unknown): string[] {
  if (list === undefined || list === null || list === '') return [];
  const result = String(list)
    .split(',')
    .map((a) => a.trim())
    .filter((a) => a !== '');
  for (const address of result) {
    if (!ADDRESS.test(address)) throw new Error(`Invalid email: ${address}`);
  }
  return result;
}

function text(value: unknown): string {
  return value === undefined || value === null ? '' : String(value);
}

function attachment(source: unknown): SentAttachment {
  let raw = unwrap(source) as unknown;
  if (!(raw instanceof Blob) && raw !== null && typeof raw === 'object' && typeof (raw as { getBlob?: unknown }).getBlob === 'function') {
    raw = unwrap((raw as { getBlob(): unknown }).getBlob());
  }
  if (!(raw instanceof Blob)) return notEmulated('MailApp.sendEmail attachment that is not a runtime Blob');
  return { name: raw.getName(), contentType: raw.getContentType(), text: raw.getDataAsString() };
}

export class MailEmulation {
  readonly sent: SentMail[] = [];

  constructor(private readonly core: RuntimeCore) {}

  remaining(): number {
    return Math.max(0, this.core.quotas.emailRecipients - this.core.quotaUsed.emailRecipients);
  }

  send(options: MailOptions): void {
    if (options.inlineImages !== undefined) notEmulated('MailApp.sendEmail inlineImages');
    const to = addresses(options.to);
    const cc = addresses(options.cc);
    const bcc = addresses(options.bcc);
    if (to.length + cc.length + bcc.length === 0) throw new Error('Failed to send email: no recipient');
    const attachments =
      options.attachments === undefined || options.attachments === null
        ? []
        : Array.from(options.attachments as ArrayLike<unknown>, attachment);
    this.core.consume('emailRecipients', to.length + cc.length + bcc.length);
    this.sent.push({
      to: to.join(','),
      cc: cc.join(','),
      bcc: bcc.join(','),
      subject: text(options.subject),
      body: text(options.body),
      htmlBody: text(options.htmlBody),
      name: text(options.name),
      replyTo: text(options.replyTo),
      noReply: Boolean(options.noReply),
      attachments,
      at: this.core.now,
    });
  }

  service(): GoogleAppsScript.Mail.MailApp {
    const service = {
      /** sendEmail(message) | (recipient, subject, body[, options]) | (recipient, replyTo, subject, body). */
      sendEmail: (...args: unknown[]) => {
        if (args.length === 1 && args[0] !== null && typeof args[0] === 'object') {
          this.send(args[0] as MailOptions);
        } else if (args.length === 4 && typeof args[3] === 'string') {
          this.send({ to: args[0], replyTo: args[1], subject: args[2], body: args[3] });
        } else if (args.length >= 3) {
          const options = (args[3] ?? {}) as MailOptions;
          this.send({ ...options, to: args[0], subject: args[1], body: args[2] });
        } else {
          throw new Error('Invalid argument: MailApp.sendEmail needs a message object or recipient, subject and body');
        }
      },
      getRemainingDailyQuota: () => this.remaining(),
    };
    return expose(this.core, service, 'MailApp') as unknown as GoogleAppsScript.Mail.MailApp;
  }
}
