// Who may call what: every top-level function is reachable through google.script.run, so each checks its caller.
import { isOwnerCall, mayRecordOwner } from '../domain/owner';
import { PROP } from '../domain/settings';
import { isCalendarTriggerEvent, isTimeTriggerEvent, parseTriggerIds, type TriggerIds } from '../domain/trigger-events';
import { activeUserEmail, effectiveUserEmail, now } from '../gas/platform';
import { readScriptProperty } from '../gas/properties';
import { installedTriggers } from '../gas/triggers';

/** Script property where setup stores this project's trigger uids (JSON of TriggerIds). */
export const TRIGGER_IDS_PROP = 'TRIGGER_IDS';
export const CALENDAR_HANDLER = 'onCalendarChange';
export const TICK_HANDLER = 'tick';

/**
 * The owner's own session: the active user runs under their own authority (the web app runs as the
 * owner for everyone else) and is the owner setup stored in OWNER_EMAIL; another editor of the
 * spreadsheet, whose menu clicks run as themselves, is refused.
 */
export function callerIsOwner(): boolean {
  return isOwnerCall(activeUserEmail(), effectiveUserEmail(), readScriptProperty(PROP.ownerEmail) ?? '');
}

function refuse(what: string): never {
  throw new Error(`${what} can only be run by the owner of this project, from the Apps Script editor or the spreadsheet menu.`);
}

export function requireOwner(what: string): void {
  if (!callerIsOwner()) refuse(what);
}

/** Setup: the owner, or on a fresh project (no OWNER_EMAIL yet) its first caller, whom setup records as the owner. */
export function requireOwnerOrFirstSetup(what: string): void {
  const active = activeUserEmail();
  const effective = effectiveUserEmail();
  const stored = readScriptProperty(PROP.ownerEmail) ?? '';
  if (!isOwnerCall(active, effective, stored) && !mayRecordOwner(active, effective, stored)) refuse(what);
}

/** The stored uids (one property read, none when the run read them all); a project set up before they were stored asks ScriptApp instead. */
function triggerIds(props?: Record<string, string>): TriggerIds {
  const stored = parseTriggerIds(props ? (props[TRIGGER_IDS_PROP] ?? null) : readScriptProperty(TRIGGER_IDS_PROP));
  if (stored) return stored;
  const installed = installedTriggers();
  const calendar = installed.find((trigger) => trigger.handler === CALENDAR_HANDLER);
  const tick = installed.find((trigger) => trigger.handler === TICK_HANDLER);
  return { calendarUid: calendar?.uid ?? '', calendarId: calendar?.sourceId ?? '', tickUid: tick?.uid ?? '' };
}

/** The calendar trigger's own event (its uid and calendar), or the owner in the editor. */
export function calledByCalendarTriggerOrOwner(event: unknown, props?: Record<string, string>): boolean {
  return isCalendarTriggerEvent(event, triggerIds(props)) || callerIsOwner();
}

/** The time-driven trigger's own event (its uid and the time fields Google sends), or the owner in the editor. */
export function calledByTickOrOwner(event: unknown): boolean {
  return isTimeTriggerEvent(event, triggerIds(), now()) || callerIsOwner();
}
