// Apps Script entry points and nothing else: web app, triggers, owner commands and page functions.
import { calledByTriggerOrOwner, requireOwner } from './app/access';
import { runSetup, runTeardown, type SetupReport } from './app/setup';
import { runSync } from './app/sync';
import { handleGet, handlePost, type WebEvent } from './app/web';
import { drainQueuedCallbacks } from './app/webhooks';

export function doGet(event: WebEvent): GoogleAppsScript.HTML.HtmlOutput | GoogleAppsScript.Content.TextOutput {
  return handleGet(event);
}

export function doPost(event: WebEvent): GoogleAppsScript.Content.TextOutput {
  return handlePost(event);
}

/** The calendar trigger: some event in the calendar changed. */
export function onCalendarChange(event: unknown): void {
  if (!calledByTriggerOrOwner(event)) return;
  runSync();
}

/** The time-driven safety net: missed changes, retries, queued callbacks, archiving. */
export function tick(event: unknown): void {
  if (!calledByTriggerOrOwner(event)) return;
  runSync();
  drainQueuedCallbacks();
}

/** Run once from the editor (and again to repair): sheets, keys, triggers, baseline. */
export function setup(): SetupReport {
  requireOwner('setup');
  return runSetup();
}

export function teardown(): number {
  requireOwner('teardown');
  return runTeardown();
}
