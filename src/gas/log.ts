// The script's log with severity: Cloud Logging files console.info/warn/error as INFO, WARNING and ERROR.
import { errorDetail } from '../domain/errors';

// https://developers.google.com/apps-script/guides/logging: in the V8 runtime, console.info, console.warn
// and console.error write to Cloud Logging (the editor's Executions page) at those severities; Logger.log
// and console.log are plain entries. Severity lets the owner filter the faults from the routine.

/** Routine facts worth keeping: a refusal that worked as designed. */
export function logInfo(message: string): void {
  console.info(message);
}

/** Something did not happen now and is taken care of (queued, retried, another way taken). */
export function logWarning(message: string): void {
  console.warn(message);
}

/** A fault: `message` says what failed; the error's stack follows it when given. */
export function logError(message: string, error?: unknown): void {
  console.error(error === undefined ? message : `${message}: ${errorDetail(error)}`);
}
