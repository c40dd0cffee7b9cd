// `npm run test:mutation:score`: per-file and overall mutation score of src/domain from bench/mutation.json; `--record` folds in a Stryker report.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const SUMMARY = 'bench/mutation.json';
const REPORTS = ['reports/mutation/mutation.json', 'reports/stryker-incremental.json'];
const COMMAND = 'npx stryker run --mutate src/domain/X.ts --concurrency 1 --force';

const sha = (text) => createHash('sha256').update(text).digest('hex').slice(0, 16);

/**
 * The translation catalogues are data, not logic: every mutant of one is a text turned empty, all static (each
 * re-runs the whole suite), and test/domain/catalogues.test.ts checks every text of every language instead.
 */
const NOT_MUTATED = 'src/domain/i18n/catalogues';

/** Every .ts file under src/domain that Stryker mutates, as it names them (relative, forward slashes). */
function domainFiles(dir = 'src/domain') {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return path.split('\\').join('/') === NOT_MUTATED ? [] : domainFiles(path);
    return entry.name.endsWith('.ts') ? [relative('.', path).split('\\').join('/')] : [];
  });
}

/** Counts per status of one file's mutants, as in Stryker's mutation-testing report schema. */
function countsOf(mutants) {
  const counts = { killed: 0, timeout: 0, survived: 0, noCoverage: 0, ignored: 0, errors: 0 };
  for (const { status } of mutants) {
    if (status === 'Killed') counts.killed += 1;
    else if (status === 'Timeout') counts.timeout += 1;
    else if (status === 'Survived') counts.survived += 1;
    else if (status === 'NoCoverage') counts.noCoverage += 1;
    else if (status === 'Ignored') counts.ignored += 1;
    else counts.errors += 1;
  }
  return counts;
}

/** Stryker's mutation score: detected (killed + timeout) over valid (detected + survived + no coverage). */
function score({ killed, timeout, survived, noCoverage }) {
  const valid = killed + timeout + survived + noCoverage;
  return valid === 0 ? 100 : (100 * (killed + timeout)) / valid;
}

function readSummary() {
  return existsSync(SUMMARY) ? JSON.parse(readFileSync(SUMMARY, 'utf8')) : { command: COMMAND, files: {} };
}

/**
 * Takes the named files of a Stryker report into the summary, each with its measuring date and the hash of
 * the source measured. Only the files the run mutated are named: an incremental report also carries other
 * files' earlier results, mapped onto their current source without running them. A file whose source has
 * changed since the run is left out, since its results are of other code.
 */
function record(reportPath, files) {
  const report = JSON.parse(readFileSync(reportPath, 'utf8'));
  const summary = readSummary();
  const date = new Date().toISOString().slice(0, 10);
  const taken = [];
  for (const [file, { source, mutants }] of Object.entries(report.files)) {
    if (!files.includes(file) || !existsSync(file) || readFileSync(file, 'utf8') !== source) continue;
    const previous = summary.files[file];
    const entry = { ...countsOf(mutants), source: sha(source) };
    const same = previous && Object.keys(entry).every((key) => previous[key] === entry[key]);
    summary.files[file] = same ? previous : { ...entry, measured: date };
    taken.push(file);
  }
  summary.files = Object.fromEntries(Object.entries(summary.files).sort(([a], [b]) => a.localeCompare(b)));
  writeFileSync(SUMMARY, `${JSON.stringify(summary, null, 2)}\n`);
  console.log(`recorded ${taken.length} file(s) from ${reportPath} into ${SUMMARY}: ${taken.join(', ')}\n`);
}

/** `--markdown`: one table row per file (file, score, killed, timeout, survived, no coverage, measured), for the architecture doc. */
function printMarkdown() {
  const { files } = readSummary();
  console.log('| file | score | killed | timeout | survived | no coverage | measured |\n|---|---|---|---|---|---|---|');
  for (const file of domainFiles().sort()) {
    const entry = files[file];
    const name = file.replace('src/domain/', '');
    if (!entry) console.log(`| ${name} | not measured | | | | | |`);
    else
      console.log(
        `| ${name} | ${score(entry).toFixed(1)}% | ${entry.killed} | ${entry.timeout} | ${entry.survived} | ${entry.noCoverage} | ${entry.measured} |`,
      );
  }
}

function print() {
  const { command, files } = readSummary();
  const total = { killed: 0, timeout: 0, survived: 0, noCoverage: 0 };
  const rows = [];
  for (const file of domainFiles().sort()) {
    const entry = files[file];
    if (!entry) {
      rows.push([file, 'not measured']);
      continue;
    }
    for (const key of Object.keys(total)) total[key] += entry[key];
    const stale = entry.source !== sha(readFileSync(file, 'utf8')) ? ' (source changed since)' : '';
    rows.push([
      file,
      `${score(entry).toFixed(1)}%  killed ${entry.killed}, timeout ${entry.timeout}, survived ${entry.survived}, ` +
        `no coverage ${entry.noCoverage}, measured ${entry.measured}${stale}`,
    ]);
  }
  const width = Math.max(...rows.map(([file]) => file.length));
  for (const [file, text] of rows) console.log(`${file.padEnd(width)}  ${text}`);
  const unmeasured = rows.filter(([, text]) => text === 'not measured').length;
  const stale = rows.filter(([, text]) => text.endsWith('(source changed since)')).length;
  console.log(
    `\noverall ${score(total).toFixed(1)}% of the measured files: killed ${total.killed}, timeout ${total.timeout}, ` +
      `survived ${total.survived}, no coverage ${total.noCoverage}` +
      (unmeasured > 0 ? `; ${unmeasured} file(s) not measured` : '') +
      (stale > 0 ? `; ${stale} file(s) measured on a source changed since` : ''),
  );
  console.log(`per file: ${command}, then npm run test:mutation:score -- --record src/domain/X.ts`);
}

// --record [report.json] src/domain/x.ts …: the files that run mutated (the report defaults to Stryker's last).
const index = process.argv.indexOf('--record');
if (index >= 0) {
  const args = process.argv.slice(index + 1);
  const path = args[0]?.endsWith('.json') ? args.shift() : REPORTS.find((candidate) => existsSync(candidate));
  if (!path) throw new Error(`no Stryker report found (${REPORTS.join(', ')})`);
  if (args.length === 0) throw new Error('name the files the run mutated, e.g. --record src/domain/time.ts');
  record(path, args);
}
if (process.argv.includes('--markdown')) printMarkdown();
else print();
