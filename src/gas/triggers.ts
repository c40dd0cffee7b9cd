// Installable triggers: the calendar trigger and the time-driven tick, repaired without duplicates.
export interface WantedTriggers {
  calendarHandler: string;
  calendarId: string;
  tickHandler: string;
  tickMinutes: number;
}

/** Deletes ours that differ from what is wanted, then creates what is missing; answers the uids of the two kept. */
export function ensureTriggers(wanted: WantedTriggers): { created: number; removed: number; calendarUid: string; tickUid: string } {
  let haveCalendar = false;
  let haveTick = false;
  let removed = 0;
  let calendarUid = '';
  let tickUid = '';
  for (const trigger of ScriptApp.getProjectTriggers()) {
    const handler = trigger.getHandlerFunction();
    if (handler === wanted.calendarHandler) {
      const matches = !haveCalendar && trigger.getTriggerSourceId() === wanted.calendarId;
      if (matches) {
        haveCalendar = true;
        calendarUid = trigger.getUniqueId();
      } else {
        ScriptApp.deleteTrigger(trigger);
        removed++;
      }
    } else if (handler === wanted.tickHandler) {
      if (!haveTick) {
        haveTick = true;
        tickUid = trigger.getUniqueId();
      } else {
        ScriptApp.deleteTrigger(trigger);
        removed++;
      }
    }
  }
  let created = 0;
  if (!haveCalendar) {
    calendarUid = ScriptApp.newTrigger(wanted.calendarHandler).forUserCalendar(wanted.calendarId).onEventUpdated().create().getUniqueId();
    created++;
  }
  if (!haveTick) {
    tickUid = ScriptApp.newTrigger(wanted.tickHandler).timeBased().everyMinutes(wanted.tickMinutes).create().getUniqueId();
    created++;
  }
  return { created, removed, calendarUid, tickUid };
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

/** The uid and source of the installed trigger of each handler: for projects set up before the uids were stored. */
export function installedTriggers(): Array<{ handler: string; uid: string; sourceId: string }> {
  return ScriptApp.getProjectTriggers().map((trigger) => ({
    handler: trigger.getHandlerFunction(),
    uid: trigger.getUniqueId(),
    sourceId: trigger.getTriggerSourceId() ?? '',
  }));
}

/** Handler names of this user's installable triggers in this project (getProjectTriggers sees only the current user's). */
export function projectTriggerHandlers(): string[] {
  return ScriptApp.getProjectTriggers().map((trigger) => trigger.getHandlerFunction());
}
