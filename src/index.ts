// Apps Script entry points and nothing else: web app, triggers, owner commands and page functions.
import { calledByCalendarTriggerOrOwner, calledByTickOrOwner, requireOwner, requireOwnerOrFirstSetup } from './app/access';
import {
  cancelByToken,
  chooseLanguageByToken,
  listSlotsByToken,
  rescheduleByToken,
  type CancelResult,
  type RescheduleResult,
} from './app/attendee';
import { book, listBookingSlotsPublic, type BookingResult } from './app/booking';
import { showHealthDialog, showSettingsSidebar, showTemplatesDialog, showTestMessageDialog } from './app/host-panels';
import { installMenu } from './app/menu';
import { readTextsListing, saveTextEntries } from './app/languages';
import { answerPublicly } from './app/requests';
import { runHealthCheck } from './app/health';
import { readSettingsForm, saveSettingsValues, type SaveSettingsResult } from './app/settings';
import { runSetup, runTeardown, type SetupReport } from './app/setup';
import { runCalendarChange, runSync } from './app/sync';
import { createTemplates, type TemplatesResult } from './app/templates';
import { sendTest, type TestMessageResult } from './app/test-message';
import { runTick } from './app/tick';
import { handleGet, handlePost, type WebEvent } from './app/web';
import type { HealthReport } from './domain/health';
import type { TextError, TextsListing } from './domain/i18n/overrides';
import type { SettingsForm } from './domain/settings-form';
import { readScriptProperties } from './gas/properties';
import { forgetSpreadsheet } from './gas/sheets';
import { isSpreadsheetOpenEvent } from './gas/ui';

/** Not an entry point (not a function): every generated top-level stub calls begin() first (esbuild.config.mjs). */
export const executionScope = { begin: forgetSpreadsheet };

export function doGet(event: WebEvent): GoogleAppsScript.HTML.HtmlOutput | GoogleAppsScript.Content.TextOutput {
  return handleGet(event);
}

export function doPost(event: WebEvent): GoogleAppsScript.Content.TextOutput {
  return handlePost(event);
}

/** The calendar trigger: some event in the calendar changed. */
export function onCalendarChange(event: unknown): void {
  // One read of the properties for the caller check and the echo check.
  const props = readScriptProperties();
  if (!calledByCalendarTriggerOrOwner(event, props)) return;
  runCalendarChange(props);
}

/** The time-driven safety net: missed changes, retries, queued invitation mail, queued callbacks, archiving, reminders. */
export function tick(event: unknown): void {
  if (!calledByTickOrOwner(event)) return;
  runTick();
}

/** Run once from the editor (and again to repair): sheets, keys, triggers, baseline. */
export function setup(): SetupReport {
  requireOwnerOrFirstSetup('setup');
  return runSetup();
}

export function teardown(): number {
  requireOwner('teardown');
  return runTeardown();
}

/** Simple trigger of the bound spreadsheet: the host's menu. Only a real open event carries the spreadsheet. */
export function onOpen(event: unknown): void {
  if (!isSpreadsheetOpenEvent(event)) return;
  installMenu();
}

/** Menu: sync now, without waiting for the next trigger. */
export function syncNow(): void {
  requireOwner('Sync now');
  runSync();
}

/** Menu: the settings sidebar. */
export function showSettings(): void {
  requireOwner('Settings');
  showSettingsSidebar();
}

/** Menu: the dialog that creates the WhatsApp templates (createWhatsAppTemplates). */
export function showTemplates(): void {
  requireOwner('Create WhatsApp templates');
  showTemplatesDialog();
}

/** Menu: the dialog that sends a test message (sendTestMessage). */
export function showTestMessage(): void {
  requireOwner('Send a test message');
  showTestMessageDialog();
}

/** Menu: the dialog that runs the health check (checkHealth). */
export function showHealthCheck(): void {
  requireOwner('Health check');
  showHealthDialog();
}

// ---- Called by the host's settings sidebar through google.script.run: owner only ----

/** Every setting a host sets, with help; secrets come back blank with `set` telling whether one is stored. */
export function getSettingsForm(): SettingsForm {
  requireOwner('Settings');
  return readSettingsForm();
}

/** Saves {NAME: text}: all or nothing, each refused value with its message under its property name. */
export function saveSettings(values: unknown): SaveSettingsResult {
  requireOwner('Settings');
  return saveSettingsValues(values);
}

/** Menu: one WhatsApp template per message kind through Twilio's Content API, submitted for approval; reuses existing ones. */
export function createWhatsAppTemplates(): TemplatesResult {
  requireOwner('Create WhatsApp templates');
  return createTemplates();
}

/** Menu: a real WhatsApp to this number (a template where announcements would use one), with Twilio's answer in words. */
export function sendTestMessage(phone: unknown): TestMessageResult {
  requireOwner('Send a test message');
  return sendTest(phone);
}

/** Menu: every check of the installation, shown in the Status sheet. */
export function checkHealth(): HealthReport {
  requireOwner('Health check');
  return runHealthCheck({ daily: false });
}

/** Every attendee text in every language: {languages, texts: [{key, language, text, default, overridden}]}. */
export function getTexts(): TextsListing {
  requireOwner('Texts');
  return readTextsListing();
}

/** Saves [{key, language, text}]: all or nothing, each refusal with its reason; an empty text removes the override. */
export function saveTexts(entries: unknown): { ok: true } | { ok: false; errors: TextError[] } {
  requireOwner('Texts');
  return saveTextEntries(entries);
}

// ---- Called by the attendee pages through google.script.run: anyone may call them, so each checks its input ----

/** Cancels the appointment a link token points to. */
export function cancelAppointment(token: unknown): CancelResult {
  return answerPublicly('cancelAppointment', () => cancelByToken(token));
}

/** Free slots to move the token's appointment to, as ISO start and end. */
export function listSlots(token: unknown, fromIso?: unknown): Array<{ start: string; end: string }> {
  return answerPublicly('listSlots', () => listSlotsByToken(token, fromIso));
}

export function rescheduleAppointment(token: unknown, startIso: unknown): RescheduleResult {
  return answerPublicly('rescheduleAppointment', () => rescheduleByToken(token, startIso));
}

/** The language picker of the appointment page: remembers the language for the token's number. */
export function chooseLanguage(token: unknown, language: unknown): { ok: true } {
  return answerPublicly('chooseLanguage', () => chooseLanguageByToken(token, language));
}

/** Free slots of the booking length, for the booking page. */
export function listBookingSlots(fromIso?: unknown): Array<{ start: string; end: string }> {
  return answerPublicly('listBookingSlots', () => listBookingSlotsPublic(fromIso));
}

/** Books a slot: {name, phone, email?, start, website?} (website is the honeypot and must stay empty). */
export function bookAppointment(request: unknown): BookingResult {
  return answerPublicly('bookAppointment', () => book(request));
}
