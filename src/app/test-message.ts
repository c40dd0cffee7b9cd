// The host's test message: a real WhatsApp through the same choice of text or template as an announcement, and Twilio's answer in words.
import { errorMessage } from '../domain/errors';
import { messageText, templateVariables, type AppointmentFacts } from '../domain/messages';
import { parsePhone } from '../domain/phone';
import { createMessageCall, explainTwilioError, fetchMessageCall, sendOutcome } from '../domain/twilio';
import { fetchAll } from '../gas/http';
import { now, sleep } from '../gas/platform';
import { AppContext } from './context';
import { attendeeTexts } from './languages';
import { templateMessage } from './templates';

export interface TestMessageResult {
  ok: boolean;
  to: string;
  sid?: string;
  error?: string;
}

/** Twilio refuses a free-form WhatsApp outside the session within about a second (63016): look once after this. */
const SETTLE_MS = 2000;

function testFacts(context: AppContext): AppointmentFacts {
  const start = Math.ceil((now() + 24 * 3600_000) / 3600_000) * 3600_000;
  return {
    title: 'Test message',
    hostName: context.settings.hostName,
    start,
    end: start + 30 * 60_000,
    timeZone: context.timeZone,
    link: context.bookingLink,
    bookingLink: context.bookingLink,
  };
}

export function sendTest(phoneInput: unknown): TestMessageResult {
  const typed = typeof phoneInput === 'string' ? phoneInput.slice(0, 100) : '';
  let context: AppContext;
  try {
    context = AppContext.load();
  } catch (error) {
    return { ok: false, to: typed, error: errorMessage(error) };
  }
  const phone = parsePhone(typed, context.settings.defaultCountry || undefined);
  if (!phone.ok) return { ok: false, to: typed, error: phone.reason };
  const to = phone.e164;
  const { settings } = context;
  const facts = testFacts(context);
  const texts = attendeeTexts(context, to);
  const { contentSid, texts: variableTexts } = templateMessage(context, 'scheduled', to, texts);
  const call = createMessageCall(settings.twilio, {
    to,
    from: settings.whatsappFrom || undefined,
    messagingServiceSid: settings.messagingServiceSid || undefined,
    body: contentSid ? undefined : messageText('scheduled', facts, texts),
    contentSid,
    contentVariables: contentSid ? templateVariables('scheduled', facts, variableTexts) : undefined,
  });
  const [result] = fetchAll([call]);
  if ('error' in result) return { ok: false, to, error: `could not reach Twilio: ${result.error}` };
  const outcome = sendOutcome(result.status, result.body);
  if (outcome.kind !== 'accepted') return { ok: false, to, error: outcome.reason };

  // Accepted is not delivered: WhatsApp's refusals (63016 outside the session, 63024 …) come moments later.
  sleep(SETTLE_MS);
  const [fetched] = fetchAll([fetchMessageCall(settings.twilio, outcome.sid)]);
  if (!('error' in fetched) && fetched.status === 200) {
    try {
      const message = JSON.parse(fetched.body) as { status?: string; error_code?: number | null; error_message?: string | null };
      const status = String(message.status ?? outcome.status);
      if ((status === 'failed' || status === 'undelivered') && typeof message.error_code === 'number') {
        return { ok: false, to, sid: outcome.sid, error: explainTwilioError(message.error_code, message.error_message ?? '') };
      }
    } catch {
      // Unreadable: what Twilio said on create (accepted) stands.
    }
  }
  return { ok: true, to, sid: outcome.sid };
}
