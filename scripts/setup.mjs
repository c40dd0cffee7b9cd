// `npm run setup`: from a clone to a deployed web app bound to a new spreadsheet, with clasp; safe to run again.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { buildBundle } from '../esbuild.config.mjs';

const require = createRequire(import.meta.url);
const { runSetup, SetupError } = require('./setup-core.cjs');

/** Runs clasp from node_modules, capturing its answer; the browser-facing login stays the host's own step. */
function clasp(args) {
  return new Promise((resolve) => {
    const child = spawn('npx', ['--no-install', 'clasp', ...args], { stdio: ['inherit', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
    child.on('error', (error) => resolve({ code: 1, stdout, stderr: String(error) }));
  });
}

async function build(webAppUrl) {
  try {
    await buildBundle({ webAppUrl });
    return { code: 0, stdout: '', stderr: '' };
  } catch (error) {
    return { code: 1, stdout: '', stderr: String(error?.stack ?? error) };
  }
}

const files = {
  read: (name) => (existsSync(name) ? readFileSync(name, 'utf8') : null),
  write: (name, text) => writeFileSync(name, text),
  remove: (name) => rmSync(name, { force: true }),
};

try {
  await runSetup({ clasp, build, files, log: (line) => console.log(line), now: () => Date.now() });
} catch (error) {
  if (error instanceof SetupError) {
    console.error(`\nSetup stopped: ${error.message}`);
    process.exit(1);
  }
  throw error;
}
