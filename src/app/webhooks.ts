// Twilio's posts to the web app: delivery status callbacks (and, later, inbound messages), verified by key and account.
import { PROP } from '../domain/settings';
import { constantTimeEqual } from '../domain/tokens';
import { isNewerStatus, statusRank } from '../domain/twilio';
import { cacheGet, cachePut } from '../gas/cache';
import { withScriptLock } from '../gas/lock';
import { now } from '../gas/platform';
import { deleteScriptProperty, writeScriptProperties } from '../gas/properties';
import { repaintEvent } from './appearance';
import { storeOwnWrites } from './own-writes';
import type { AppContext } from './context';
import { applyStatusUpdates, type StatusUpdate } from './delivery-status';
import { Ledger } from './ledger';
import { drainStatusQueue, markQueueWaiting, queueMayBeWaiting, queueStatus } from './status-queue';

/** Twilio gives up on a webhook after 15 s: without the queue sheet, wait at most this long for the lock. */
const WEBHOOK_LOCK_WAIT_MS = 8_000;
export const QUEUED_CALLBACK_PREFIX = 'CALLBACK_';

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

/**
 * The last status we know per message SID, so a repeat returns at once. CacheService keeps at most
 * 1,000 items and then only the 900 farthest from expiry, so one item per SID would be evicted in a
 * burst of 1,000 messages; the SIDs share 64 items instead (a JSON map each, its newest 200 SIDs,
 * about 10 KB of the 100 KB an item may hold). Two callbacks writing one item at once may drop an
 * entry: that callback's status is then queued and applied again, which changes nothing.
 */
const KNOWN_STATUS_PREFIX = 'status:';
const KNOWN_STATUS_SECONDS = 6 * 3600;
const KNOWN_STATUS_BUCKETS = 64;
const KNOWN_STATUS_PER_BUCKET = 200;

function bucketOf(sid: string): string {
  return `${KNOWN_STATUS_PREFIX}${(Number.parseInt(sid.slice(-2), 16) || 0) % KNOWN_STATUS_BUCKETS}`;
}

function readBucket(key: string): Record<string, string> {
  try {
    const parsed: unknown = JSON.parse(cacheGet(key) ?? '{}');
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, string>) : {};
  } catch {
    return {};
  }
}

function knownStatus(sid: string): string {
  const status = readBucket(bucketOf(sid))[sid];
  return typeof status === 'string' ? status : '';
}

function rememberStatus(sid: string, status: string): void {
  const key = bucketOf(sid);
  const bucket = readBucket(key);
  delete bucket[sid];
  bucket[sid] = status;
  const sids = Object.keys(bucket);
  for (const old of sids.slice(0, Math.max(0, sids.length - KNOWN_STATUS_PER_BUCKET))) delete bucket[old];
  cachePut(key, JSON.stringify(bucket), KNOWN_STATUS_SECONDS);
}

/**
 * A status that changes nothing after the one known: an older one, a repeat, or "read" after
 * "delivered" (both green, and a delivered message is settled: the status poll no longer asks).
 * Such a callback returns at once, so a burst of 3,000 for 1,000 messages queues at most 2,000.
 */
function changesNothing(known: string, status: string): boolean {
  return !isNewerStatus(known, status) || (known === 'delivered' && status === 'read');
}

/**
 * Applies the queued callbacks (and any left from the older property queue) inside a run holding
 * the lock; the ledger is saved by that run. Costs nothing unless a callback left the flag (or
 * `queued`: the caller just queued one). Returns the events to repaint after the save and a
 * function to call once the ledger is saved.
 */
export function applyQueuedCallbacks(
  context: AppContext,
  ledger: Ledger,
  options: { queued?: boolean } = {},
): { repaint: Set<string>; afterSave: () => void } {
  if (
    !options.queued &&
    !queueMayBeWaiting(context.props) &&
    !Object.keys(context.props).some((name) => name.startsWith(QUEUED_CALLBACK_PREFIX))
  ) {
    return { repaint: new Set(), afterSave: () => {} };
  }
  const props = context.props;
  const legacy = Object.keys(props).filter((name) => name.startsWith(QUEUED_CALLBACK_PREFIX));
  const updates = legacy
    .map((name) => {
      try {
        return JSON.parse(props[name]) as StatusUpdate;
      } catch {
        return null;
      }
    })
    .filter((update): update is StatusUpdate => update !== null);
  const repaint = applyStatusUpdates(ledger, updates);
  const drained = drainStatusQueue(ledger, props);
  for (const eventId of drained.repaint) repaint.add(eventId);
  return {
    repaint,
    afterSave: () => {
      drained.acknowledge();
      for (const name of legacy) deleteScriptProperty(name);
    },
  };
}

/**
 * A status callback, cheap and bounded. A status that changes nothing we know of (a repeat, "read"
 * after "delivered") returns at once, without the lock or a sheet. The rest are appended to the queue
 * sheet without the lock; whoever gets the lock at once applies the whole queue in one batch (one
 * ledger read and write, one repaint per event); a callback that finds the lock taken leaves its
 * status to that run, the next callback or the tick. The cache only saves work: a status it does not
 * know is queued and applied, and applying is idempotent.
 */
export function handleStatusCallback(context: AppContext, params: Params): void {
  const update: StatusUpdate = { sid: params.MessageSid ?? '', status: params.MessageStatus ?? '', errorCode: params.ErrorCode ?? '' };
  if (!/^(SM|MM)[0-9a-f]{32}$/i.test(update.sid) || statusRank(update.status) < 0) return;
  const known = knownStatus(update.sid);
  if (known !== '' && changesNothing(known, update.status)) return;
  const at = now();
  const queued = queueStatus(update, at);
  rememberStatus(update.sid, update.status);
  const result = withScriptLock(queued ? 0 : WEBHOOK_LOCK_WAIT_MS, () => {
    const ledger = Ledger.load();
    const applied = queued
      ? applyQueuedCallbacks(context, ledger, { queued: true })
      : { repaint: applyStatusUpdates(ledger, [update]), afterSave: () => {} };
    ledger.save();
    applied.afterSave();
    for (const eventId of applied.repaint) repaintEvent(context, eventId, ledger.forEvent(eventId));
    storeOwnWrites(context, at);
  });
  if (result.ran) return;
  if (queued) markQueueWaiting(context.props);
  // No queue sheet yet and the lock stayed busy: kept for the run holding the lock or the next tick.
  else writeScriptProperties({ [`${QUEUED_CALLBACK_PREFIX}${update.sid}_${update.status}`]: JSON.stringify(update) });
}

export const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response/>';

export function keyIsSet(props: Record<string, string>): boolean {
  return Boolean(props[PROP.webhookKey]);
}
