// What a caught value says: one reading of errors for messages and logs, whatever was thrown.

/**
 * The message of an Error, or the value as text. Duck-typed rather than `instanceof Error`: errors
 * thrown by Apps Script services (and by the sandbox's runtime, another realm) need not be this
 * realm's Error.
 */
export function errorMessage(error: unknown): string {
  if (typeof error === 'object' && error !== null) {
    const message = (error as { message?: unknown }).message;
    if (message !== undefined && message !== null) return String(message);
  }
  return String(error);
}

/** The stack when there is one (it starts with the message), else the message: for logs, never for people. */
export function errorDetail(error: unknown): string {
  if (typeof error === 'object' && error !== null) {
    const stack = (error as { stack?: unknown }).stack;
    if (typeof stack === 'string' && stack !== '') return stack;
  }
  return errorMessage(error);
}
