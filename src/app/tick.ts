// The time-driven tick: one sync run that also applies queued callbacks, polls statuses, sends reminders and retries queued invitation mail; then the daily health check.
import { readScriptProperties } from '../gas/properties';
import { logError } from '../gas/log';
import { runDailyHealthIfDue } from './health';
import { retryQueuedInvitations } from './invitations';
import { fetchInBatches } from '../gas/http';
import { sendWithRetries } from './notify';
import { applyReminders, planReminders } from './reminders';
import { applyStatusPoll, planStatusPoll } from './status-poll';
import { runSync, type SyncReport } from './sync';
import { applyQueuedCallbacks } from './webhooks';

/** One lock, one settings read and one ledger read for everything the tick does. */
export function runTick(): SyncReport {
  let props: Record<string, string> | null = null;
  try {
    return runSync((context, ledger) => {
      props = context.props;
      const queued = applyQueuedCallbacks(context, ledger);
      // Callbacks that never came: Twilio is asked for messages still queued or sent after a while.
      const poll = planStatusPoll(context, ledger);
      const reminders = planReminders(context, ledger);
      // Both in the same fetchAll batches (one round trip each, its requests in parallel); the status
      // poll changes no field a reminder is chosen by, so planning both first sends the same reminders.
      const sent = fetchInBatches([...poll.calls, ...(reminders?.calls ?? [])]);
      const polled = applyStatusPoll(ledger, poll, sent.slice(0, poll.calls.length));
      if (reminders) applyReminders(ledger, reminders, sendWithRetries(reminders.calls, sent.slice(poll.calls.length)));
      retryQueuedInvitations(context, ledger);
      return { repaint: [...queued.repaint, ...polled], afterSave: queued.afterSave };
    });
  } finally {
    // Outside the lock, and also when the sync failed: a broken setting is exactly what it must report.
    try {
      const seen: Record<string, string> = props ?? readScriptProperties();
      runDailyHealthIfDue(seen);
    } catch (error) {
      logError('health check failed', error);
    }
  }
}
