// Chromium drives the spreadsheet's menu in the sandbox UI as the host would: the settings sidebar, with google.script.run inside its frame.
import type { Server } from 'node:http';
import path from 'node:path';
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { startServer } from '../../dev/server';
import type { Sandbox } from '../../dev/sandbox';

const SCREENSHOTS = path.resolve(__dirname, '../../docs/screenshots');
let server: Server;
let sandbox: Sandbox;
let base: string;
let browser: Browser;

beforeAll(async () => {
  ({ server, sandbox } = await startServer({ port: 0 }));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server.close(resolve));
});

async function openUi(): Promise<{ page: Page; errors: string[] }> {
  await fetch(`${base}/_sandbox/reset`, { method: 'POST' });
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${base}/`);
  await page.getByTestId('sheet-menu-button').waitFor();
  return { page, errors };
}

async function choose(page: Page, functionName: string): Promise<void> {
  await page.getByTestId('sheet-menu-button').click();
  await page.locator(`[data-testid="menu-item"][data-function="${functionName}"]`).click();
}

test('the menu lists what the host needs, and the keyboard opens the settings sidebar', async () => {
  const { page, errors } = await openUi();
  await page.getByTestId('sheet-menu-button').focus();
  await page.keyboard.press('Enter');
  const items = page.getByRole('menuitem');
  await expect(items.allTextContents()).resolves.toEqual(expect.arrayContaining(['Settings', 'Sync now', 'Set up or repair']));
  await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Settings');
  await page.keyboard.press('Enter');
  await page.getByTestId('panel-sidebar').waitFor();
  await expect(page.getByTestId('panel-sidebar-title').textContent()).resolves.toBe('Settings');
  const frame = page.frameLocator('[data-testid="panel-sidebar-frame"]');
  await frame.locator('#settings-form').waitFor();
  expect(errors).toEqual([]);
  await page.close();
}, 60_000);

function sidebar(page: Page): FrameLocator {
  return page.frameLocator('[data-testid="panel-sidebar-frame"]');
}

test('settings: a bad value is refused next to its field and nothing is saved; a good one is saved', async () => {
  const { page, errors } = await openUi();
  await choose(page, 'showSettings');
  const frame = sidebar(page);
  await frame.locator('#settings-form').waitFor();
  // Usable at Sheets' 300 px: nothing wider than the sidebar.
  const frameHandle = await page.getByTestId('panel-sidebar-frame').elementHandle();
  const content = await frameHandle?.contentFrame();
  await expect(content?.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(300);
  // Secrets are never on the page.
  await expect(frame.locator('#field-TWILIO_AUTH_TOKEN').inputValue()).resolves.toBe('');
  await expect(frame.locator('#field-TWILIO_AUTH_TOKEN').getAttribute('placeholder')).resolves.toBe('Stored; type a new one to replace it');
  await expect(content?.content()).resolves.not.toContain(sandbox.settings().TWILIO_AUTH_TOKEN);
  await expect(frame.locator('#field-HOST_NAME').inputValue()).resolves.toBe('Alex Morgan');

  await frame.locator('#field-HOST_NAME').fill('Dr. Jo Park');
  await frame.locator('#field-DEFAULT_COUNTRY').fill('Germany');
  await frame.getByRole('button', { name: 'Save settings' }).click();
  const error = frame.locator('#error-DEFAULT_COUNTRY');
  await error.waitFor();
  await expect(error.textContent()).resolves.toBe('Country "GERMANY" must be a two-letter country code such as DE or US');
  await expect(frame.locator('#field-DEFAULT_COUNTRY').getAttribute('aria-invalid')).resolves.toBe('true');
  await expect(frame.locator('#field-DEFAULT_COUNTRY').getAttribute('aria-describedby')).resolves.toBe(
    'error-DEFAULT_COUNTRY help-DEFAULT_COUNTRY',
  );
  await expect(frame.locator('#settings-status').textContent()).resolves.toBe('Nothing was saved: 1 setting needs a change.');
  await expect(content?.evaluate(() => document.activeElement?.id)).resolves.toBe('field-DEFAULT_COUNTRY');
  expect(sandbox.settings().HOST_NAME).toBe('Alex Morgan');
  await page.getByTestId('panel-sidebar').screenshot({ path: path.join(SCREENSHOTS, 'settings-sidebar.png') });

  await frame.locator('#field-DEFAULT_COUNTRY').fill('DE');
  await frame.getByRole('button', { name: 'Save settings' }).click();
  await frame.locator('#settings-status', { hasText: 'Saved' }).waitFor();
  await expect(frame.locator('#settings-status').textContent()).resolves.toBe('Saved 1 setting: Your name.');
  await expect(error.isHidden()).resolves.toBe(true);
  expect(sandbox.settings().HOST_NAME).toBe('Dr. Jo Park');
  expect(errors).toEqual([]);
  await page.close();
}, 60_000);
