// How a google.script.run failure reads on every page, host panels and attendee pages alike.
import { errorMessage } from '../../domain/errors';

/** The prefixes a google.script.run failure's message may carry ("Exception: ", "Uncaught Error: ", "ScriptError: "…). */
const FAILURE_PREFIX = /^(Uncaught )?(Exception|Error|ScriptError):\s*/;

/** What the host's panels (in English) say of a failure that gives no message. */
const NO_REASON = 'no reason was given';

/** A failure's message without the prefix Apps Script adds; `fallback` when it says nothing. */
export function failureText(error: unknown, fallback = NO_REASON): string {
  if (error === null || error === undefined) return fallback;
  return errorMessage(error).replace(FAILURE_PREFIX, '') || fallback;
}
