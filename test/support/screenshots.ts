// Where browser tests put screenshots: the README's docs/screenshots only when UPDATE_SCREENSHOTS=1, otherwise test-artifacts.
import { mkdirSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

/** A plain test run must not rewrite committed images; refreshing them is a deliberate act. */
export function screenshotDir(env: Record<string, string | undefined> = process.env): string {
  return env.UPDATE_SCREENSHOTS === '1' ? path.join(ROOT, 'docs', 'screenshots') : path.join(ROOT, 'test-artifacts', 'screenshots');
}

/** The path for one named screenshot, its folder made. */
export function screenshotPath(name: string): string {
  const dir = screenshotDir();
  mkdirSync(dir, { recursive: true });
  return path.join(dir, name);
}
