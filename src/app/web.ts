// The web app's router: doGet serves pages, doPost takes Twilio's webhooks; no stack trace ever reaches a visitor.
import { PING_ANSWER } from '../domain/health';
import { SettingsError } from '../domain/settings';
import { htmlPage, textOutput } from '../gas/output';
import { logError } from '../gas/log';
import { messagePage } from '../web/pages';
import { attendeeGet } from './attendee';
import { handleBookingHook } from './booking-webhook';
import { bookingGet } from './booking';
import { AppContext } from './context';
import { handleInbound } from './inbound';
import { EMPTY_TWIML, handleStatusCallback, isGenuineTwilioPost, type Params } from './webhooks';

export interface WebEvent {
  parameter?: Record<string, string>;
  parameters?: Record<string, string[]>;
  postData?: { contents?: string; type?: string };
  pathInfo?: string;
}

function paramsOf(event: WebEvent | undefined): Params {
  const params: Params = {};
  for (const [name, value] of Object.entries(event?.parameter ?? {})) params[name] = String(value);
  return params;
}

function hostNameOr(fallback: string): string {
  try {
    return AppContext.load().settings.hostName;
  } catch {
    return fallback;
  }
}

export function handleGet(event: WebEvent | undefined): GoogleAppsScript.HTML.HtmlOutput | GoogleAppsScript.Content.TextOutput {
  const params = paramsOf(event);
  // The health check's probe: proves the deployment answers anonymous visitors, reveals nothing.
  if (params.p === 'ping') return textOutput(PING_ANSWER, 'text');
  try {
    const context = AppContext.load();
    if (params.l !== undefined) return attendeeGet(context, params.l, params.do, params.lang);
    if (params.p === 'book') return bookingGet(context, params.lang);
    return htmlPage(
      messagePage({
        hostName: context.settings.hostName,
        heading: `Appointments with ${context.settings.hostName}`,
        text: 'Use the link in your WhatsApp message to see, cancel or move your appointment.',
        action: { label: 'Book an appointment', href: context.bookingLink },
      }),
      'Appointments',
    );
  } catch (error) {
    logError('doGet failed', error);
    const setupProblem = error instanceof SettingsError;
    return htmlPage(
      messagePage({
        hostName: hostNameOr(''),
        heading: 'This page is not available right now',
        text: setupProblem
          ? 'The appointment service is not fully set up yet. Please contact your host directly.'
          : 'Something went wrong on our side. Please try again in a few minutes, or contact your host directly.',
      }),
      'Not available',
    );
  }
}

export function handlePost(event: WebEvent | undefined): GoogleAppsScript.Content.TextOutput {
  const params = paramsOf(event);
  try {
    // doPost cannot read headers, so the booking API key travels in the query (?hook=booking&key=…) over HTTPS.
    if (params.hook === 'booking') return textOutput(JSON.stringify(handleBookingHook(params.key, event?.postData?.contents)), 'json');
    if (params.hook === 'twilio') {
      const context = AppContext.load();
      if (!isGenuineTwilioPost(context, params)) return textOutput(EMPTY_TWIML, 'xml');
      if (params.MessageStatus) handleStatusCallback(context, params);
      else handleInbound(context, params);
      return textOutput(EMPTY_TWIML, 'xml');
    }
    return textOutput(JSON.stringify({ ok: false, error: 'Unknown request.' }), 'json');
  } catch (error) {
    logError('doPost failed', error);
    if (params.hook === 'twilio') return textOutput(EMPTY_TWIML, 'xml');
    return textOutput(JSON.stringify({ ok: false, error: 'The request could not be handled.' }), 'json');
  }
}
