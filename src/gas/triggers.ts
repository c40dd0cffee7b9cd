// Installable triggers: the calendar trigger and the time-driven tick, repaired without duplicates.
export interface WantedTriggers {
  calendarHandler: string;
  calendarId: string;
  tickHandler: string;
  tickMinutes: number;
}

/** Deletes ours that differ from what is wanted, then creates what is missing. */
export function ensureTriggers(wanted: WantedTriggers): { created: number; removed: number } {
  let haveCalendar = false;
  let haveTick = false;
  let removed = 0;
  for (const trigger of ScriptApp.getProjectTriggers()) {
    const handler = trigger.getHandlerFunction();
    if (handler === wanted.calendarHandler) {
      const matches = !haveCalendar && trigger.getTriggerSourceId() === wanted.calendarId;
      if (matches) haveCalendar = true;
      else {
        ScriptApp.deleteTrigger(trigger);
        removed++;
      }
    } else if (handler === wanted.tickHandler) {
      if (!haveTick) haveTick = true;
      else {
        ScriptApp.deleteTrigger(trigger);
        removed++;
      }
    }
  }
  let created = 0;
  if (!haveCalendar) {
    ScriptApp.newTrigger(wanted.calendarHandler).forUserCalendar(wanted.calendarId).onEventUpdated().create();
    created++;
  }
  if (!haveTick) {
    ScriptApp.newTrigger(wanted.tickHandler).timeBased().everyMinutes(wanted.tickMinutes).create();
    created++;
  }
  return { created, removed };
}

export function removeTriggers(handlers: string[]): number {
  let removed = 0;
  for (const trigger of ScriptApp.getProjectTriggers()) {
    if (handlers.includes(trigger.getHandlerFunction())) {
      ScriptApp.deleteTrigger(trigger);
      removed++;
    }
  }
  return removed;
}

/** True when `uid` names one of this project's installed triggers: how a trigger run proves itself. */
export function isProjectTrigger(uid: unknown): boolean {
  if (typeof uid !== 'string' || uid === '') return false;
  return ScriptApp.getProjectTriggers().some((trigger) => trigger.getUniqueId() === uid);
}
