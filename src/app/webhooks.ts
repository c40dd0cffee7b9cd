// Twilio's posts to the web app: delivery status callbacks (and, later, inbound messages), verified by key and account.
import { deliveryStatusReported } from '../domain/delivery';
import { PROP } from '../domain/settings';
import { constantTimeEqual } from '../domain/tokens';
import { explainTwilioError, isFailureStatus, isNewerStatus, statusRank } from '../domain/twilio';
import { withScriptLock } from '../gas/lock';
import { now } from '../gas/platform';
import { writeScriptProperties, deleteScriptProperty } from '../gas/properties';
import { repaintEvent } from './appearance';
import type { AppContext } from './context';
import { Ledger } from './ledger';

/** Twilio gives up on a webhook after 15 s: wait at most this long for the lock, then queue the callback. */
const WEBHOOK_LOCK_WAIT_MS = 8_000;
const QUEUED_CALLBACK_PREFIX = 'CALLBACK_';

export type Params = Record<string, string>;

/** The key in the URL and our Account SID in the body: doPost cannot see Twilio's signature header. */
export function isGenuineTwilioPost(context: AppContext, params: Params): boolean {
  const key = params.k ?? '';
  return (
    context.webhookKey !== '' &&
    constantTimeEqual(key, context.webhookKey) &&
    constantTimeEqual(params.AccountSid ?? '', context.settings.twilio.accountSid)
  );
}

export interface StatusUpdate {
  sid: string;
  status: string;
  errorCode: string;
}

/** Applies one delivery status to the row that sent that message; late, repeated or unknown ones change nothing. */
function applyStatus(context: AppContext, ledger: Ledger, update: StatusUpdate): boolean {
  const row = ledger.findBy((candidate) => candidate.messageSid === update.sid);
  if (!row || !isNewerStatus(row.delivery, update.status)) return false;
  const code = Number(update.errorCode);
  const error = isFailureStatus(update.status) ? (code ? explainTwilioError(code) : `Twilio reported the message as ${update.status}`) : '';
  ledger.put(deliveryStatusReported(row, update.status, error, now()));
  ledger.record({
    time: now(),
    direction: 'status',
    eventId: row.eventId,
    phone: row.phone,
    kind: row.announcedKind,
    messageSid: update.sid,
    status: update.status,
    detail: error,
  });
  if (row.state === 'active') repaintEvent(context, row.eventId, ledger.forEvent(row.eventId));
  return true;
}

/** Applies callbacks that arrived while the lock was busy; the tick runs it inside its sync run. */
export function applyQueuedCallbacks(context: AppContext, ledger: Ledger): void {
  const props = context.props;
  const queued = Object.keys(props).filter((name) => name.startsWith(QUEUED_CALLBACK_PREFIX));
  const updates = queued
    .map((name) => {
      try {
        return JSON.parse(props[name]) as StatusUpdate;
      } catch {
        return null;
      }
    })
    .filter((update): update is StatusUpdate => update !== null)
    .sort((a, b) => statusRank(a.status) - statusRank(b.status));
  for (const update of updates) applyStatus(context, ledger, update);
  for (const name of queued) deleteScriptProperty(name);
}

export function handleStatusCallback(context: AppContext, params: Params): void {
  const update: StatusUpdate = { sid: params.MessageSid ?? '', status: params.MessageStatus ?? '', errorCode: params.ErrorCode ?? '' };
  if (!/^(SM|MM)[0-9a-f]{32}$/i.test(update.sid) || statusRank(update.status) < 0) return;
  const result = withScriptLock(WEBHOOK_LOCK_WAIT_MS, () => {
    const ledger = Ledger.load();
    applyStatus(context, ledger, update);
    ledger.save();
  });
  // Busy: keep the callback for the run holding the lock or the next tick; nothing is lost.
  if (!result.ran) writeScriptProperties({ [`${QUEUED_CALLBACK_PREFIX}${update.sid}_${update.status}`]: JSON.stringify(update) });
}

export const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response/>';

export function keyIsSet(props: Record<string, string>): boolean {
  return Boolean(props[PROP.webhookKey]);
}
