// The house's boundaries as `npm run lint` enforces them: biome.json run on probe files in a scratch copy of the layout.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');
const BIOME = join(ROOT, 'node_modules/.bin/biome');

/** Biome's exit status for one file at `path` (relative to the project root) holding `code`. */
function lintStatus(path: string, code: string): number {
  const dir = mkdtempSync(join(tmpdir(), 'boundaries-'));
  try {
    copyFileSync(join(ROOT, 'biome.json'), join(dir, 'biome.json'));
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), code);
    const run = spawnSync(BIOME, ['lint', '--vcs-enabled=false', path], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return run.status ?? -1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('npm run lint refuses what crosses a boundary', () => {
  test.each([
    ['src/domain/probe.ts', "import { x } from '../app/notify';\nexport const k = x;\n"],
    ['src/domain/probe.ts', "import { x } from '../gas/sheets';\nexport const k = x;\n"],
    ['src/domain/probe.ts', "import { x } from '../web/html';\nexport const k = x;\n"],
    // src/index.ts imports every app module: reached as '..', '../' or '../index' from src/domain.
    ['src/domain/probe.ts', "import { doGet } from '..';\nexport const k = doGet;\n"],
    ['src/domain/probe.ts', "import { doGet } from '../';\nexport const k = doGet;\n"],
    ['src/domain/probe.ts', "import { doGet } from '../index';\nexport const k = doGet;\n"],
    ['src/domain/i18n/probe.ts', "import { doGet } from '../..';\nexport const k = doGet;\n"],
    ['src/domain/i18n/probe.ts', "import { doGet } from '../../index';\nexport const k = doGet;\n"],
    ['src/domain/probe.ts', 'export function f(): void {\n  SpreadsheetApp.flush();\n}\n'],
    // src/web calls no service, neither as a global nor through src/gas or src/app.
    ['src/web/probe.ts', 'export function f(): string {\n  return Session.getActiveUser().getEmail();\n}\n'],
    ['src/web/probe.ts', "import { readScriptProperties } from '../gas/properties';\nexport const k = readScriptProperties;\n"],
    ['src/web/probe.ts', "import { runSync } from '../app/sync';\nexport const k = runSync;\n"],
    ['src/web/browser/probe.ts', "import { forgetSpreadsheet } from '../../gas/sheets';\nexport const k = forgetSpreadsheet;\n"],
    ['src/app/probe.ts', 'export function f(value: any): string {\n  return String(value);\n}\n'],
  ])('%s: %j fails', (path, code) => {
    expect(lintStatus(path, code)).toBe(1);
  });

  test.each([
    ['src/domain/probe.ts', "import { errorMessage } from './errors';\nexport const k = errorMessage;\n"],
    ['src/domain/i18n/probe.ts', "import { errorMessage } from '../errors';\nexport const k = errorMessage;\n"],
    ['src/web/probe.ts', "import { html } from '../domain/html';\nexport const k = html;\n"],
    ['src/web/browser/probe.ts', "import type * as entryPoints from '../../index';\nexport type K = typeof entryPoints;\n"],
    ['src/app/probe.ts', "import { readScriptProperties } from '../gas/properties';\nexport const k = readScriptProperties;\n"],
  ])('%s: %j passes', (path, code) => {
    expect(lintStatus(path, code)).toBe(0);
  });
});
