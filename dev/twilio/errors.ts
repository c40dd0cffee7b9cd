// Twilio error codes the fake Twilio answers with, their official short titles and the JSON error body.

/**
 * Titles as Twilio's error dictionary (https://www.twilio.com/docs/api/errors/<code>) names them.
 * Where the dictionary page was checked, the title is copied from it; the rest are the well-known
 * titles of the same pages.
 */
export const TWILIO_ERRORS: Readonly<Record<number, string>> = {
  20003: 'Authenticate',
  20004: 'Method not allowed',
  20404: 'The requested resource was not found',
  20429: 'Too Many Requests',
  20500: 'Internal Server Error',
  20503: 'Service Unavailable',
  21211: "Invalid 'To' Phone Number",
  21408: "Permission to send an SMS has not been enabled for the region indicated by the 'To' number",
  21602: 'Message body is required',
  21603: "'From' phone number is required",
  21604: "'To' phone number is required to send a Message",
  21609: "Invalid 'StatusCallback'",
  21610: 'Attempt to send to unsubscribed recipient',
  21614: "'To' number is not a valid mobile number",
  21617: 'The concatenated message body exceeds the 1600 character limit',
  21655: 'The ContentSid is Invalid',
  21656: 'The ContentVariables Parameter is invalid',
  21701: 'The Messaging Service does not exist',
  21705: 'The Messaging Service is invalid',
  21910: 'Invalid From and To pair. From and To should be of the same channel',
  30003: 'Unreachable destination handset',
  30004: 'Message blocked',
  30005: 'Unknown destination handset',
  30006: 'Landline or unreachable carrier',
  30007: 'Message filtered',
  30008: 'Unknown error',
  63003: 'Channel could not find To address',
  63005: 'Channel did not accept given content. Please see Channel specific error message for more information',
  63016: 'Outside messaging window. For WhatsApp, use a Message Template instead',
  63024: 'Invalid message recipient',
  63040: 'Template rejected',
  63032: 'We cannot send this message to this user because of a WhatsApp limitation',
  // The Content API's answer to a malformed or invalid request body (https://www.twilio.com/docs/api/errors/70002).
  70002: 'Bad request',
};

export function twilioErrorTitle(code: number): string {
  const title = TWILIO_ERRORS[code];
  if (title === undefined) throw new Error(`unknown Twilio error code ${code} (add it to dev/twilio/errors.ts)`);
  return title;
}

/** The JSON body of a Twilio REST error, as api.twilio.com returns it. */
export interface TwilioErrorBody {
  code: number;
  message: string;
  more_info: string;
  status: number;
  /** Only some errors carry it, e.g. 20003. */
  detail?: string;
}

export function twilioErrorBody(status: number, code: number, message?: string, detail?: string): TwilioErrorBody {
  const body: TwilioErrorBody = {
    code,
    message: message ?? twilioErrorTitle(code),
    more_info: `https://www.twilio.com/docs/errors/${code}`,
    status,
  };
  if (detail !== undefined) body.detail = detail;
  return body;
}

/**
 * Delivery errors reach the message as status 'undelivered' (carrier said no, after 'sent') or
 * 'failed' (never left Twilio / the channel refused it). Twilio's docs: 30xxx are carrier
 * (undelivered) errors; WhatsApp channel errors (63xxx) fail the message.
 */
export function failureStatusFor(code: number): 'failed' | 'undelivered' {
  return code >= 30000 && code < 31000 ? 'undelivered' : 'failed';
}
