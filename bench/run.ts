// `npm run bench`: every benchmark of the project, printed as tables (run from the repository root).
import { benchBundle } from './bundle';
import { benchChanges, benchDay, benchEcho, benchSyncCpu } from './sync';

async function main(): Promise<void> {
  console.log('\n## Bundle');
  console.table(benchBundle());
  console.log("\n## Echo of the script's own colour write");
  console.table(benchEcho());
  console.log('\n## N changed events in one calendar-trigger run');
  console.table(benchChanges());
  console.log('\n## CPU per change');
  console.table(benchSyncCpu());
  console.log('\n## Calendar API calls per day');
  console.table(benchDay());
  try {
    const { benchAttendee } = await import('./attendee');
    console.log('\n## Attendee pages');
    console.table(await benchAttendee());
  } catch (error) {
    if (!/Cannot find module/.test(String(error))) throw error;
  }
  const { benchConversation } = await import('./conversation');
  console.log('\n## Conversations and reminders (1,000 upcoming appointments)');
  const { spreadDay, burstTick, ...inbound } = await benchConversation();
  console.table([spreadDay, burstTick]);
  console.table(inbound);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
