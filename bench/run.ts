// `npm run bench`: every benchmark of the project, printed as tables, and bench/results.json (run from the repository root).
import { writeFileSync } from 'node:fs';
import { benchBundle } from './bundle';
import { benchLatency } from './latency';
import { costOfCall } from './latency-model';
import { benchChanges, benchDay, benchEcho, benchSyncCpu } from './sync';

/** Figures that do not depend on this machine's speed (counts and the model), one flat key each. */
const results: Record<string, number> = {};

async function main(): Promise<void> {
  console.log('\n## Bundle');
  const bundle = benchBundle();
  results['bundle.kib'] = bundle['bundle KiB'] as number;
  console.table(bundle);
  console.log("\n## Echo of the script's own colour write");
  console.table(benchEcho());
  console.log('\n## N changed events in one calendar-trigger run');
  const changes = benchChanges();
  const oneChange = changes.find((row) => row['changes in one run'] === 1);
  results['sync.sheetCalls'] = oneChange?.['spreadsheet calls'] as number;
  console.table(changes);
  console.log('\n## CPU per change');
  console.table(benchSyncCpu());
  console.log('\n## Calendar API calls per day');
  console.table(benchDay());
  try {
    const { benchAttendee } = await import('./attendee');
    console.log('\n## Attendee pages');
    const attendee = await benchAttendee();
    results['booking.sheetCalls'] = attendee['bookAppointment: spreadsheet calls'] as number;
    results['reschedule.sheetCalls'] = attendee['rescheduleAppointment: spreadsheet calls'] as number;
    results['cancel.sheetCalls'] = attendee['cancelAppointment: spreadsheet calls'] as number;
    console.table(attendee);
  } catch (error) {
    if (!/Cannot find module/.test(String(error))) throw error;
  }
  const { benchRecurring } = await import('./recurring');
  console.log('\n## Recurring appointments (50 weekly series)');
  const recurring = benchRecurring();
  results['recurring.syncCalendarCalls'] = recurring['sync: Calendar calls'] as number;
  results['recurring.tick50CalendarCalls'] = recurring['quiet tick: Calendar calls'] as number;
  results['recurring.horizonTick50CalendarCalls'] = recurring['tick with the daily horizon pass: Calendar calls'] as number;
  results['recurring.ledgerRows50'] = recurring['ledger rows after the sync'] as number;
  console.table(recurring);
  const { benchConversation } = await import('./conversation');
  console.log('\n## Conversations and reminders (1,000 upcoming appointments)');
  const { spreadDay, burstTick, ...inbound } = await benchConversation();
  console.table([spreadDay, burstTick]);
  console.table(inbound);
  const { benchBurst } = await import('./burst');
  console.log('\n## Burst: 1,000 reminders in one tick while 3,000 status callbacks arrive');
  const burst = benchBurst();
  console.table(burst.table);
  Object.assign(results, burst.flat);
  console.log('\n## What a person waits for (latency model, bench/latency-model.ts)');
  const latency = benchLatency();
  console.table(latency.table);
  console.log('\n## The busy practice by kind of trigger run (calls per run, modelled ms per run)');
  console.table(
    latency.kinds.map((kind) => ({
      kind: kind.kind,
      runs: kind.runs,
      'ms per run': kind.msPerRun,
      minutes: kind.minutes,
      'calls per run (ms each)': Object.entries(kind.callsPerRun)
        // Calls a run of this kind makes now and then (the daily health check) are left out of the summary.
        .filter(([name, n]) => costOfCall(name) > 0 && n >= 0.05)
        .map(([name, n]) => `${n === 1 ? '' : `${n}× `}${name} ${costOfCall(name)}`)
        .join(', '),
    })),
  );
  Object.assign(results, latency.flat);
  const sorted = Object.fromEntries(Object.entries(results).sort(([a], [b]) => a.localeCompare(b)));
  writeFileSync('bench/results.json', `${JSON.stringify(sorted, null, 2)}\n`);
  console.log('\nwrote bench/results.json');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
