// Owner-only setup and teardown: ledger sheets, keys, triggers, and a baseline sync that announces nothing old.
import { LANGUAGES_SHEET, LANGUAGE_COLUMNS, TEXTS_SHEET, TEXT_COLUMNS } from './languages';
import { PROP } from '../domain/settings';
import { utcDay } from '../domain/health';
import type { TriggerIds } from '../domain/trigger-events';
import { effectiveUserEmail, knownWebAppUrl, now } from '../gas/platform';
import { readScriptProperties, writeScriptProperties } from '../gas/properties';
import { SheetTable } from '../gas/sheets';
import { ensureStatusQueue } from './status-queue';
import { ensureTriggers, removeTriggers } from '../gas/triggers';
import { CALENDAR_HANDLER, TICK_HANDLER, TRIGGER_IDS_PROP } from './access';
import { ensureSecrets } from './context';
import { APPOINTMENTS_SHEET, APPOINTMENT_COLUMNS, MESSAGES_SHEET, MESSAGE_COLUMNS } from './ledger';
import { OPT_OUTS_SHEET, OPT_OUT_COLUMNS } from './optout';
import { runSync } from './sync';

export const TICK_MINUTES = 10;

export interface SetupReport {
  triggersCreated: number;
  triggersRemoved: number;
  sync: string;
}

export function runSetup(): SetupReport {
  const props = ensureSecrets(readScriptProperties(), effectiveUserEmail());
  SheetTable.ensure(APPOINTMENTS_SHEET, APPOINTMENT_COLUMNS);
  SheetTable.ensure(MESSAGES_SHEET, MESSAGE_COLUMNS);
  SheetTable.ensure(OPT_OUTS_SHEET, OPT_OUT_COLUMNS);
  // Made now, so a run's first read of each finds it and the host sees where choices and wording live.
  SheetTable.ensure(LANGUAGES_SHEET, LANGUAGE_COLUMNS);
  SheetTable.ensure(TEXTS_SHEET, TEXT_COLUMNS);
  ensureStatusQueue();
  const calendarId = (props[PROP.calendarId] ?? '').trim() || effectiveUserEmail();
  const triggers = ensureTriggers({ calendarHandler: CALENDAR_HANDLER, calendarId, tickHandler: TICK_HANDLER, tickMinutes: TICK_MINUTES });
  // Trigger runs prove themselves with these uids (src/app/access.ts).
  const ids: TriggerIds = { calendarUid: triggers.calendarUid, calendarId, tickUid: triggers.tickUid };
  const writes: Record<string, string> = { [TRIGGER_IDS_PROP]: JSON.stringify(ids) };
  // The first daily health check runs on the next day's first tick; "Health check" in the menu runs it now.
  if (!props[PROP.healthState]) writes[PROP.healthState] = JSON.stringify({ day: utcDay(now()), failing: [] });
  // WEB_APP_URL by itself: the URL the build got from npm run setup, else the one Apps Script reports.
  const url = knownWebAppUrl();
  if (!(props[PROP.webAppUrl] ?? '').trim() && /^https:\/\/\S+\/exec$/.test(url)) writes[PROP.webAppUrl] = url;
  writeScriptProperties(writes);
  const report = runSync();
  return { triggersCreated: triggers.created, triggersRemoved: triggers.removed, sync: report.mode };
}

export function runTeardown(): number {
  return removeTriggers([CALENDAR_HANDLER, TICK_HANDLER]);
}
