// The repository stands alone and keeps its committed screenshots: nothing reads a sibling folder, browser tests write docs/screenshots only when asked.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { screenshotDir } from '../support/screenshots';

const ROOT = path.resolve(__dirname, '../..');
const tracked = execFileSync('git', ['ls-files'], { cwd: ROOT, encoding: 'utf8' })
  .split('\n')
  .filter((file) => file !== '' && !file.endsWith('.png') && file !== 'package-lock.json');

test('no tracked file refers to a shared folder beside the clone (a clone has nothing beside it)', () => {
  const needle = ['..', 'shared'].join('/');
  const offenders = tracked.filter((file) => readFileSync(path.join(ROOT, file), 'utf8').includes(needle));
  expect(offenders).toEqual([]);
});

test('browser tests write docs/screenshots only with UPDATE_SCREENSHOTS=1, else test-artifacts', () => {
  expect(screenshotDir({})).toBe(path.join(ROOT, 'test-artifacts', 'screenshots'));
  expect(screenshotDir({ UPDATE_SCREENSHOTS: '0' })).toBe(path.join(ROOT, 'test-artifacts', 'screenshots'));
  expect(screenshotDir({ UPDATE_SCREENSHOTS: '1' })).toBe(path.join(ROOT, 'docs', 'screenshots'));
  const direct = tracked.filter(
    (file) =>
      file.startsWith('test/browser/') && /docs\/screenshots|'docs',\s*'screenshots'/.test(readFileSync(path.join(ROOT, file), 'utf8')),
  );
  expect(direct).toEqual([]);
});

test('docs/LIVE-CHECKS.md keeps at most 8 checks', () => {
  const text = readFileSync(path.join(ROOT, 'docs', 'LIVE-CHECKS.md'), 'utf8');
  expect(text.split('\n').filter((line) => /^\| \d+ \|/.test(line)).length).toBeLessThanOrEqual(8);
});
