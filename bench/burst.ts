// The burst: 1,000 reminders due in one tick while the 3,000 status callbacks of 1,000 messages arrive together.
import { Sandbox } from '../dev/sandbox';
import { eventResource } from '../test/support/sandbox';
import { COST_MS, serviceMs } from './latency-model';

const START = Date.UTC(2026, 0, 5, 8, 0, 0);
const HOUR = 3600_000;
const MINUTE = 60_000;
export const BURST_MESSAGES = 1000;

function phoneOf(i: number): string {
  return `+4915${String(100000000 + i).padStart(9, '0')}`;
}

export interface BurstFigures {
  /** Executions from the tick's start until the queue is drained (the tick, every callback, the drain and the echoes). */
  executions: number;
  callbacks: number;
  /** Callbacks that returned at once: the status changed nothing the script knew of. */
  callbacksWithoutWork: number;
  /** Lock acquisitions that did not get the lock (each a tryLock that gave up). */
  lockWaits: number;
  /** Milliseconds spent waiting for the lock in all of them. */
  lockWaitMs: number;
  serviceCalls: number;
  /** Every execution's start plus its calls, priced by bench/latency-model.ts: the burst's execution time. */
  modelledSeconds: number;
  propertyStorePeakBytes: number;
  calendarPatches: number;
  remindersSent: number;
  sandbox: Sandbox;
}

/**
 * 1,000 appointments at the same time tomorrow, announced (1,000 messages with their status
 * callback URLs); then the tick of their 24-hour reminder, and while it holds the lock Twilio posts
 * sent, delivered and read for every announcement (3,000 callbacks), as a busy minute brings them.
 */
export function runBurst(messages = BURST_MESSAGES): BurstFigures {
  const sandbox = new Sandbox({ now: START });
  const appointment = START + 26 * HOUR;
  sandbox.insertEvents(
    Array.from({ length: messages }, (_, i) => eventResource({ summary: `Visit ${i}`, location: phoneOf(i), start: appointment })),
  );
  const announcements = sandbox.twilio.messages().filter((message) => message.direction === 'outbound-api');
  if (announcements.length !== messages) throw new Error(`expected ${messages} announcements, got ${announcements.length}`);

  sandbox.setClock(START + 2 * HOUR - MINUTE);
  const core = sandbox.runtime.core;
  const store = sandbox.runtime.properties.script;
  const lock = sandbox.runtime.lock.stats;
  core.resetCalls();
  const before = { executions: core.startedExecutions, timedOut: lock.timedOut, waitedMs: lock.waitedMs };
  const reminderCount = sandbox.twilio.messages().length;
  let peak = store.totalBytes();
  let callbacks = 0;
  let withoutWork = 0;

  sandbox.interleave('UrlFetchApp.fetchAll', () => {
    for (const status of ['sent', 'delivered', 'read']) {
      for (const message of announcements) {
        const callback = sandbox.twilio.setStatus(message.sid, status);
        if (!callback) continue;
        const calls = { ...core.calls };
        sandbox.postToWebApp(callback.url, callback.params);
        callbacks += 1;
        const used = Object.fromEntries(Object.entries(core.calls).map(([name, n]) => [name, n - (calls[name] ?? 0)]));
        if (!Object.keys(used).some((name) => name.startsWith('Lock.') && used[name] > 0)) withoutWork += 1;
        peak = Math.max(peak, store.totalBytes());
      }
    }
  });
  // The tick that reaches the reminders' 24-hour moment; a second tick drains what the first could not.
  sandbox.advance(2 * MINUTE);
  peak = Math.max(peak, store.totalBytes());
  sandbox.advance(10 * MINUTE);
  peak = Math.max(peak, store.totalBytes());

  const executions = core.startedExecutions - before.executions;
  const modelledMs = executions * COST_MS.executionStart + serviceMs(core.calls);
  return {
    executions,
    callbacks,
    callbacksWithoutWork: withoutWork,
    lockWaits: lock.timedOut - before.timedOut,
    lockWaitMs: lock.waitedMs - before.waitedMs,
    serviceCalls: Object.values(core.calls).reduce((sum, n) => sum + n, 0),
    modelledSeconds: Math.round(modelledMs / 100) / 10,
    propertyStorePeakBytes: peak,
    calendarPatches: core.calls['Calendar.Events.patch'] ?? 0,
    remindersSent: sandbox.twilio.messages().length - reminderCount,
    sandbox,
  };
}

export function benchBurst(): { table: Record<string, number>; flat: Record<string, number> } {
  const { sandbox: _sandbox, ...figures } = runBurst();
  return {
    table: figures,
    flat: {
      'burst.executions': figures.executions,
      'burst.lockWaits': figures.lockWaits,
      'burst.serviceCalls': figures.serviceCalls,
      'burst.modelledSeconds': figures.modelledSeconds,
      'burst.propertyStorePeakBytes': figures.propertyStorePeakBytes,
    },
  };
}
