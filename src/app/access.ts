// Who may call what: every top-level function is reachable through google.script.run, so each checks its caller.
import { activeUserEmail, effectiveUserEmail } from '../gas/platform';
import { isProjectTrigger } from '../gas/triggers';

/** The web app runs as the owner; only the owner's own session reports the same active user. */
export function callerIsOwner(): boolean {
  const active = activeUserEmail();
  return active !== '' && active === effectiveUserEmail();
}

export function requireOwner(what: string): void {
  if (!callerIsOwner())
    throw new Error(`${what} can only be run by the owner of this project, from the Apps Script editor or the spreadsheet menu.`);
}

/** Installable triggers pass their own uid in the event; a caller from a page cannot know one. */
export function calledByTriggerOrOwner(event: unknown): boolean {
  const uid = (event as { triggerUid?: unknown } | null | undefined)?.triggerUid;
  return isProjectTrigger(uid) || callerIsOwner();
}
