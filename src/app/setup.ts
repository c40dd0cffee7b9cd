// Owner-only setup and teardown: ledger sheets, keys, triggers, and a baseline sync that announces nothing old.
import { PROP } from '../domain/settings';
import { effectiveUserEmail } from '../gas/platform';
import { readScriptProperties } from '../gas/properties';
import { SheetTable } from '../gas/sheets';
import { ensureTriggers, removeTriggers } from '../gas/triggers';
import { ensureSecrets } from './context';
import { APPOINTMENTS_SHEET, APPOINTMENT_COLUMNS, MESSAGES_SHEET, MESSAGE_COLUMNS } from './ledger';
import { OPT_OUTS_SHEET, OPT_OUT_COLUMNS } from './optout';
import { runSync } from './sync';

export const CALENDAR_HANDLER = 'onCalendarChange';
export const TICK_HANDLER = 'tick';
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
  const calendarId = (props[PROP.calendarId] ?? '').trim() || effectiveUserEmail();
  const triggers = ensureTriggers({ calendarHandler: CALENDAR_HANDLER, calendarId, tickHandler: TICK_HANDLER, tickMinutes: TICK_MINUTES });
  const report = runSync();
  return { triggersCreated: triggers.created, triggersRemoved: triggers.removed, sync: report.mode };
}

export function runTeardown(): number {
  return removeTriggers([CALENDAR_HANDLER, TICK_HANDLER]);
}
