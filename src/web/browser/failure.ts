// How a google.script.run failure reads on every page, host panels and attendee pages alike.
import { errorMessage } from '../../domain/errors';

/** The prefixes a google.script.run failure's message may carry ("Exception: ", "Uncaught Error: ", "ScriptError: "…). */
const FAILURE_PREFIX = /^(Uncaught )?(Exception|Error|ScriptError):\s*/;

/** A failure's message without the prefix Apps Script adds; `fallback` when it says nothing. */
export function failureText(error: unknown, fallback: string): string {
  if (error === null || error === undefined) return fallback;
  return errorMessage(error).replace(FAILURE_PREFIX, '') || fallback;
}
