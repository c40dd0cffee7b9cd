// The web app's router: doGet serves pages, doPost takes Twilio's webhooks; no stack trace ever reaches a visitor.
import { PING_ANSWER } from '../domain/health';
import { languageOfTag } from '../domain/i18n/languages';
import { type Texts, textsFor } from '../domain/i18n/texts';
import { PROP, SettingsError } from '../domain/settings';
import { htmlPage, textOutput } from '../gas/output';
import { logError } from '../gas/log';
import { readScriptProperty } from '../gas/properties';
import { pageLanguage } from '../web/page-language';
import { messagePage } from '../web/pages';
import { attendeeGet } from './attendee';
import { handleBookingHook } from './booking-webhook';
import { bookingGet } from './booking';
import { AppContext } from './context';
import { handleInbound } from './inbound';
import { hostTexts, textsIn } from './languages';
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

/** When the settings cannot be read: the catalogue of the host's LANGUAGE (no overrides, they need the settings), else English. */
function fallbackTexts(): Texts {
  try {
    return textsFor(languageOfTag(readScriptProperty(PROP.language)) ?? 'en');
  } catch {
    return textsFor('en');
  }
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
    const picked = languageOfTag(params.lang);
    const texts = picked ? textsIn(context, picked) : hostTexts(context);
    const heading = texts.t('page.homeTitle', { host: context.settings.hostName });
    return htmlPage(
      messagePage({
        hostName: context.settings.hostName,
        heading,
        text: texts.t('page.homeText'),
        action: { label: texts.t('page.bookTitle'), href: `${context.bookingLink}&lang=${texts.language}` },
        language: pageLanguage(texts),
      }),
      heading,
    );
  } catch (error) {
    logError('doGet failed', error);
    const setupProblem = error instanceof SettingsError;
    const texts = fallbackTexts();
    const heading = texts.t('page.unavailableTitle');
    return htmlPage(
      messagePage({
        hostName: hostNameOr(''),
        heading,
        text: texts.t(setupProblem ? 'page.unavailableSetup' : 'page.unavailableError'),
        language: pageLanguage(texts),
      }),
      heading,
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
