// The time-driven tick: one sync run that also applies queued callbacks, sends reminders and retries queued invitation mail.
import { retryQueuedInvitations } from './invitations';
import { sendDueReminders } from './reminders';
import { runSync, type SyncReport } from './sync';
import { applyQueuedCallbacks } from './webhooks';

/** One lock, one settings read and one ledger read for everything the tick does. */
export function runTick(): SyncReport {
  return runSync((context, ledger) => {
    applyQueuedCallbacks(context, ledger);
    sendDueReminders(context, ledger);
    retryQueuedInvitations(context, ledger);
  });
}
