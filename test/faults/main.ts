// `npm run test:faults`: the seeded fault campaign through the real bundle; prints its figures and fails on any violation.
import { runCampaign } from './campaign';

const seed = Number(process.env.FAULTS_SEED ?? 20260105);
const changes = Number(process.env.FAULTS_CHANGES ?? 1000);
const report = runCampaign({ seed, changes });
const { violations, faults, callbacks, model: _model, ...figures } = report;
console.log('fault campaign (seed %d)', seed);
console.table(figures);
console.table(faults);
console.table(callbacks);
const broken =
  report.duplicates +
  report.lostAnnouncements +
  report.wrongColours +
  report.strayMessages +
  report.lostRows +
  report.stuckRows +
  report.ledgerMismatches;
if (broken > 0) {
  console.error(`${broken} violations:\n${violations.join('\n')}`);
  process.exit(1);
}
console.log(
  `faults: ${report.changes} changes, ${report.faultsInjected} faults injected, ${report.messages} messages, duplicates=0, lost=0, wrong colours=0, stray=0, lost rows=0, ${report.seconds.toFixed(1)} s`,
);
