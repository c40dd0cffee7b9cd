// `npm start`: builds dist/ when stale, bundles the sandbox server, serves it on 127.0.0.1 until Ctrl-C (--bench, --faults: those instead).
import { build } from 'esbuild';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildBundle } from '../esbuild.config.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

const bundle = path.join(root, 'dist', 'Code.js');
const sourcesChanged = Math.max(newestMtime('src'), statSync('appsscript.json').mtimeMs);
if (!existsSync(bundle) || statSync(bundle).mtimeMs < sourcesChanged) {
  const { bytes } = await buildBundle();
  console.log(`built dist/Code.js (${(bytes / 1024).toFixed(1)} KiB)`);
}

const mode = process.argv.includes('--bench') ? 'bench' : process.argv.includes('--faults') ? 'faults' : 'server';
const entry = { bench: 'bench/run.ts', faults: 'test/faults/main.ts', server: 'dev/main.ts' }[mode];
const outfile = path.join(root, '.sandbox', `${mode === 'server' ? 'server' : mode}.cjs`);
await build({
  entryPoints: [entry],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  outfile,
  logLevel: 'warning',
  external: ['esbuild', 'playwright-core'],
});
createRequire(import.meta.url)(outfile);
