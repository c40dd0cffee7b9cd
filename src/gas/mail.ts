// MailApp: the daily recipient quota and one message with text, HTML and attachments.
import { errorMessage } from '../domain/errors';

export interface MailAttachment {
  fileName: string;
  contentType: string;
  content: string;
}

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** The sender name shown to the recipient; the address is always the script owner's. */
  senderName?: string;
  replyTo?: string;
  attachments?: MailAttachment[];
}

/** Recipients this account may still mail today (100 on consumer accounts, 1,500 on Workspace). */
export function remainingDailyQuota(): number {
  return MailApp.getRemainingDailyQuota();
}

/** Sends one message; throws MailApp's own error (quota, invalid address, service trouble). */
export function sendMail(message: MailMessage): void {
  const options: GoogleAppsScript.Mail.MailAdvancedParameters = {
    to: message.to,
    subject: message.subject,
    body: message.text,
    htmlBody: message.html,
    attachments: (message.attachments ?? []).map((file) => Utilities.newBlob(file.content, file.contentType, file.fileName)),
  };
  if (message.senderName) options.name = message.senderName;
  if (message.replyTo) options.replyTo = message.replyTo;
  MailApp.sendEmail(options);
}

/** Apps Script reports a spent daily quota only in the message text. */
export function isMailQuotaError(error: unknown): boolean {
  return /too many times|quota|limit exceeded/i.test(errorMessage(error));
}

/** An address MailApp refuses will be refused again: no point retrying. */
export function isBadAddressError(error: unknown): boolean {
  return /invalid (email|argument: (to|recipient))/i.test(errorMessage(error));
}
