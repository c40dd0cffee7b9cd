// Benchmark of what a person waits for: modelled milliseconds per scenario and trigger-minutes per day, from counted calls.
import { CONSUMER_QUOTAS } from '../dev/runtime/core';
import { Sandbox } from '../dev/sandbox';
import { eventResource } from '../test/support/sandbox';
import { COST_MS, executionMs } from './latency-model';
import { round, sheetCalls } from './measure';

const START = Date.UTC(2026, 0, 5, 8, 0, 0);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

interface Execution {
  trigger: boolean;
  calls: Record<string, number>;
  /** What caused it, as the busy day labels its steps ('' elsewhere). */
  cause: string;
}

/** Records every execution's own calls (the difference of the counters at its end) and whether a trigger ran it. */
function recordExecutions(sandbox: Sandbox, causeOf: () => string = () => ''): Execution[] {
  const executions: Execution[] = [];
  const runtime = sandbox.runtime;
  let seen: Record<string, number> = { ...runtime.core.calls };
  const end = runtime.endExecution.bind(runtime);
  runtime.endExecution = () => {
    const now = runtime.core.calls;
    const calls: Record<string, number> = {};
    for (const [name, n] of Object.entries(now)) if (n - (seen[name] ?? 0) > 0) calls[name] = n - (seen[name] ?? 0);
    seen = { ...now };
    executions.push({ trigger: runtime.core.caller === 'owner', calls, cause: causeOf() });
    end();
  };
  return executions;
}

function phoneOf(i: number): string {
  return `+4915${String(100000000 + i).padStart(9, '0')}`;
}

function tokenOf(sandbox: Sandbox, phone: string): string {
  const [header, ...rows] = sandbox.sheet('Appointments') as string[][];
  return rows.find((row) => row[header.indexOf('phone')] === phone)?.[header.indexOf('token')] ?? '';
}

/** The first execution after `act`, the one a person waits for (trigger echoes come after it). */
function firstExecution(executions: Execution[], act: () => void): Execution {
  const from = executions.length;
  act();
  const first = executions[from];
  if (!first) throw new Error('no execution ran');
  return first;
}

/** A practice with 200 upcoming appointments known to the ledger, as after a few weeks of use. */
function practice(): Sandbox {
  const sandbox = new Sandbox({ now: START, skipSetup: true });
  for (let i = 0; i < 200; i++) {
    sandbox.runtime.calendar.insertEvent('primary', eventResource({ location: phoneOf(i), start: START + 3 * DAY + i * 30 * MINUTE }));
  }
  sandbox.run('setup', [], { caller: 'owner' });
  return sandbox;
}

export interface LatencyResults {
  table: Array<Record<string, unknown>>;
  flat: Record<string, number>;
  /** The busy practice's day by kind of trigger run. */
  kinds: RunKind[];
}

export function benchLatency(): LatencyResults {
  const sandbox = practice();
  const executions = recordExecutions(sandbox);
  const rows: Array<Record<string, unknown>> = [];
  const flat: Record<string, number> = {};
  const add = (key: string, label: string, execution: Execution, roundTrip: boolean): void => {
    const ms = executionMs(execution.calls) + (roundTrip ? COST_MS.scriptRunRoundTrip : 0);
    rows.push({
      scenario: label,
      'service calls': Object.values(execution.calls).reduce((sum, n) => sum + n, 0),
      'sheet calls': sheetCalls(execution.calls),
      'modelled ms': round(ms, 0),
    });
    flat[`modelled.${key}Ms`] = round(ms, 0);
  };

  // A host's edit: the calendar trigger fires; the run until the message is sent (the whole run: the send is its last service step but the save).
  const edit = firstExecution(executions, () =>
    sandbox.insertEvents([eventResource({ location: phoneOf(900), start: START + 26 * HOUR })]),
  );
  add('editToMessage', "host's edit → message sent (trigger run)", edit, false);

  const slots = (sandbox.run('listBookingSlots', []) as { result: Array<{ start: string }> }).result;
  const from = executions.length;
  const booking = firstExecution(executions, () =>
    sandbox.run('bookAppointment', [{ name: 'Ada Lovelace', phone: phoneOf(901), start: slots[0].start }]),
  );
  add('booking', 'booking (google.script.run answer; the calendar trigger sends the message)', booking, true);
  // The message goes out at the end of the calendar-trigger run the booking's insert fires.
  const announcing = executions.slice(from + 1).find((execution) => execution.trigger);
  if (announcing) {
    rows.push({
      scenario: 'booking → message sent (the page run, then the calendar-trigger run)',
      'service calls': [booking, announcing].reduce((sum, run) => sum + Object.values(run.calls).reduce((a, n) => a + n, 0), 0),
      'sheet calls': sheetCalls(booking.calls) + sheetCalls(announcing.calls),
      'modelled ms': round(executionMs(booking.calls) + executionMs(announcing.calls), 0),
    });
    flat['modelled.bookingToMessageMs'] = round(executionMs(booking.calls) + executionMs(announcing.calls), 0);
  }

  const token = tokenOf(sandbox, phoneOf(900));
  const moveTo = (sandbox.run('listSlots', [token]) as { result: Array<{ start: string }> }).result[4].start;
  const reschedule = firstExecution(executions, () => sandbox.run('rescheduleAppointment', [token, moveTo]));
  add('reschedule', 'reschedule from the link', reschedule, true);

  const cancel = firstExecution(executions, () => sandbox.run('cancelAppointment', [token]));
  add('cancel', 'cancel from the link', cancel, true);

  sandbox.mergeSettings({ VERIFY_INBOUND: 'on' });
  const list = firstExecution(executions, () => sandbox.inbound({ from: phoneOf(5), body: 'list' }));
  add('inboundList', 'inbound "list" → reply sent (Twilio webhook)', list, false);

  // A tick that sends reminders: 20 appointments whose 24-hour moment falls inside the next tick.
  const remind = new Sandbox({ now: START, skipSetup: true });
  for (let i = 0; i < 20; i++) {
    remind.runtime.calendar.insertEvent('primary', eventResource({ location: phoneOf(i), start: START + DAY + 5 * MINUTE + i * 15_000 }));
  }
  remind.run('setup', [], { caller: 'owner' });
  const remindExecutions = recordExecutions(remind);
  const before = remind.twilio.messages().length;
  const tick = firstExecution(remindExecutions, () => remind.advance(10 * MINUTE));
  add('tickWithReminders', `tick with ${remind.twilio.messages().length - before} reminders due`, tick, false);

  const day = busyPracticeDay();
  rows.push({
    scenario: `busy practice day: ${day.runs} trigger runs`,
    'service calls': day.calls,
    'sheet calls': day.sheetCalls,
    'modelled ms': round(day.minutes * 60_000, 0),
  });
  flat['modelled.clinicTriggerMinutesPerDay'] = round(day.minutes, 1);
  flat['modelled.clinicQuotaShare'] = round(day.minutes / CONSUMER_QUOTAS.triggerRuntimeMinutes, 3);
  flat['modelled.clinicRemindersSent'] = day.reminders;
  for (const kind of day.kinds) {
    const key = KIND_KEYS[kind.kind] ?? kind.kind.replace(/[^a-z]+(.?)/gi, (_, c: string) => c.toUpperCase());
    flat[`modelled.clinic.${key}.runs`] = kind.runs;
    flat[`modelled.clinic.${key}.msPerRun`] = kind.msPerRun;
  }
  return { table: rows, flat, kinds: day.kinds };
}

/**
 * 500 appointments a day, two reminders each (24 h and 2 h), 10% moved: one day of steady state.
 * The day's own 500 (their 2-hour reminders) and tomorrow's 500 (their 24-hour reminders) are in the
 * ledger at the start; during the day the host books 500 for the day after tomorrow (each delivered,
 * so each colours its event and the colour write echoes) and moves 50; the tick runs every 10 minutes.
 * Only trigger runs count against the quota; web app executions (callbacks, pages) do not.
 */
export function busyPracticeDay(): {
  minutes: number;
  runs: number;
  calls: number;
  sheetCalls: number;
  reminders: number;
  kinds: RunKind[];
} {
  const perDay = 500;
  const workday = 12 * HOUR;
  const sandbox = new Sandbox({ now: START, skipSetup: true });
  const slotOf = (dayIndex: number, i: number) => START + dayIndex * DAY + Math.floor((i * workday) / perDay);
  for (const dayIndex of [0, 1]) {
    for (let i = 0; i < perDay; i++) {
      sandbox.runtime.calendar.insertEvent(
        'primary',
        eventResource({ location: phoneOf(dayIndex * perDay + i), start: slotOf(dayIndex, i) + 4 * HOUR }),
      );
    }
  }
  // Installed before today's 24-hour reminders were due, so they went out yesterday, before the measured day.
  sandbox.setClock(START - 21 * HOUR);
  sandbox.run('setup', [], { caller: 'owner' });
  sandbox.setClock(START - 4 * HOUR);
  // Each step of the day names the trigger runs it causes: its own run first, then the echoes of that run's writes.
  let step = '';
  let runsInStep = 0;
  const during = <T>(name: string, act: () => T): T => {
    step = name;
    runsInStep = 0;
    return act();
  };
  const executions = recordExecutions(sandbox, () => {
    if (sandbox.runtime.core.caller !== 'owner') return step;
    runsInStep += 1;
    if (step === 'delivered') return 'echo of the delivered colour';
    // Several ticks may fire in one step; an echo of a tick's writes is told apart by its calls (kindOf).
    return runsInStep === 1 || step === 'tick' ? step : `echo after the ${step}`;
  });
  const sentBefore = sandbox.twilio.messages().length;
  const moved: string[] = [];
  for (let i = 0; i < perDay; i++) {
    during('tick', () => sandbox.setClock(START - 4 * HOUR + Math.floor((i * DAY) / perDay)));
    const [event] = during('announcing run', () =>
      sandbox.insertEvents([eventResource({ location: phoneOf(2 * perDay + i), start: slotOf(2, i) + 4 * HOUR })]),
    ) as Array<{ id: string }>;
    const latest = sandbox.twilio.messages().at(-1);
    if (latest) during('delivered', () => sandbox.messageStatus(latest.sid, 'delivered'));
    if (i % 10 === 5) moved.push(event.id);
    if (i % 10 === 9 && moved.length > 0) {
      const id = moved.shift() as string;
      const at = slotOf(2, i) + 4 * HOUR + 30 * MINUTE;
      during('move', () =>
        sandbox.patchEvent(id, {
          start: { dateTime: new Date(at).toISOString() },
          end: { dateTime: new Date(at + 30 * MINUTE).toISOString() },
        }),
      );
    }
  }
  during('tick', () => sandbox.setClock(START + 20 * HOUR));
  const runs = executions.filter((execution) => execution.trigger);
  const totalMs = runs.reduce((sum, execution) => sum + executionMs(execution.calls), 0);
  const calls = runs.reduce((sum, execution) => sum + Object.values(execution.calls).reduce((a, n) => a + n, 0), 0);
  const sheet = runs.reduce((sum, execution) => sum + sheetCalls(execution.calls), 0);
  // Reminders go to the numbers of today's and tomorrow's appointments; announcements to the new ones.
  const remindedNumbers = new Set(Array.from({ length: 2 * perDay }, (_, i) => `whatsapp:${phoneOf(i)}`));
  const reminders = sandbox.twilio
    .messages()
    .slice(sentBefore)
    .filter((message) => remindedNumbers.has(String(message.to))).length;
  return { minutes: totalMs / 60_000, runs: runs.length, calls, sheetCalls: sheet, reminders, kinds: byKind(runs) };
}

export interface RunKind {
  kind: string;
  runs: number;
  /** Calls of one run of this kind, by name, averaged over its runs. */
  callsPerRun: Record<string, number>;
  msPerRun: number;
  minutes: number;
}

/** Flat result keys of the busy day's kinds of run. */
const KIND_KEYS: Record<string, string> = {
  'announcing run': 'announcing',
  'echo of the delivered colour': 'echoOfDelivered',
  'tick asking Twilio in fetchAll (reminders, status poll)': 'tickFetchAll',
  'tick sending one reminder': 'tickSendingOne',
  'tick, nothing sent': 'tickQuiet',
  move: 'move',
  'echo after the move': 'echoOfMove',
};

/** The name of a trigger run's kind: its cause, and for a tick whether it sent, and how many requests. */
function kindOf(execution: Execution): string {
  if (execution.cause !== 'tick') return execution.cause;
  if (!execution.calls['Lock.tryLock']) return 'echo after the tick';
  const single = execution.calls['UrlFetchApp.fetch'] ?? 0;
  const batches = execution.calls['UrlFetchApp.fetchAll'] ?? 0;
  if (single + batches === 0) return 'tick, nothing sent';
  return batches > 0 ? 'tick asking Twilio in fetchAll (reminders, status poll)' : 'tick sending one reminder';
}

function byKind(runs: Execution[]): RunKind[] {
  const groups = new Map<string, Execution[]>();
  for (const run of runs) groups.set(kindOf(run), [...(groups.get(kindOf(run)) ?? []), run]);
  return [...groups]
    .map(([kind, members]) => {
      const total: Record<string, number> = {};
      for (const member of members) for (const [name, n] of Object.entries(member.calls)) total[name] = (total[name] ?? 0) + n;
      const callsPerRun = Object.fromEntries(
        Object.entries(total)
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([name, n]) => [name, round(n / members.length, 2)]),
      );
      const ms = members.reduce((sum, member) => sum + executionMs(member.calls), 0);
      return { kind, runs: members.length, callsPerRun, msPerRun: round(ms / members.length, 0), minutes: round(ms / 60_000, 2) };
    })
    .sort((a, b) => b.minutes - a.minutes);
}
