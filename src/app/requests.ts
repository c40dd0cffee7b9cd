// Requests from pages (google.script.run): input checks and errors a person can read, never internals.
import { PROP } from '../domain/settings';
import { parseIsoInstant } from '../domain/time';
import { parseTriggerIds } from '../domain/trigger-events';
import { logError } from '../gas/log';
import { TRIGGER_IDS_PROP } from './access';
import type { AppContext } from './context';
import { runSync } from './sync';

/** A refusal meant for the visitor: its message reaches the page's failure handler as it is. */
export class RequestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RequestError';
  }
}

/** How long a page request waits for the script lock before asking the visitor to try again. */
export const PAGE_LOCK_WAIT_MS = 10_000;

export const BUSY_MESSAGE = 'We are busy with another change right now. Please try again in a moment.';
const INTERNAL_MESSAGE = 'Something went wrong on our side. Nothing was changed. Please try again in a few minutes.';

/**
 * Runs one page request: a RequestError passes through, anything else is logged and replaced by a
 * generic message, so no stack trace or service detail reaches the browser.
 */
export function answerPublicly<T>(what: string, work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof RequestError) throw new Error(error.message);
    logError(`${what} failed`, error);
    throw new Error(INTERNAL_MESSAGE);
  }
}

/**
 * Announces a change that is already made (event inserted, patched or removed). The calendar
 * trigger fires on every change to the calendar, the script's own included
 * (https://developers.google.com/apps-script/guides/triggers/installable#calendar_triggers), and its
 * sync sends the message: the page answers without waiting for that sync (about 3 s). Only when no
 * calendar trigger is on record for this calendar does the page sync itself. A failing sync must not
 * turn that into "nothing was changed": the change stands, and the next trigger or tick, whose sync
 * token has not moved, announces it.
 */
export function syncAfterChange(context: AppContext, what: string): void {
  if (calendarTriggerWatches(context)) return;
  try {
    runSync();
  } catch (error) {
    logError(`${what}: the change is made, but the sync after it failed (the next run announces it)`, error);
  }
}

/**
 * Setup stores the calendar trigger's uid and calendar (read with the other properties, no extra
 * call); it watches CALENDAR_ID, or the owner's own calendar when none is set, as setup installs it.
 */
function calendarTriggerWatches(context: AppContext): boolean {
  const ids = parseTriggerIds(context.props[TRIGGER_IDS_PROP]);
  const watched = (context.props[PROP.calendarId] ?? '').trim() || (context.props[PROP.ownerEmail] ?? '');
  return ids !== null && ids.calendarUid !== '' && watched !== '' && ids.calendarId === watched;
}

/** An ISO instant with a zone, as the pages send them; `what` names the field in the message. */
export function requiredInstant(value: unknown, what: string): number {
  if (typeof value !== 'string' || value.length > 40) throw new RequestError(`Please choose ${what} from the list.`);
  const ms = parseIsoInstant(value);
  if (ms === null) throw new RequestError(`Please choose ${what} from the list.`);
  return ms;
}

export function optionalInstant(value: unknown, what: string): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  return requiredInstant(value, what);
}

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}
