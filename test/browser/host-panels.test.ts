// Chromium drives the spreadsheet's menu in the sandbox UI as the host would: the settings sidebar, with google.script.run inside its frame.
import type { Server } from 'node:http';
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { screenshotPath } from '../support/screenshots';
import { startServer } from '../../dev/server';
import type { Sandbox } from '../../dev/sandbox';

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
  await expect(items.allTextContents()).resolves.toEqual([
    'Settings',
    'Create WhatsApp templates',
    'Send a test message',
    'Health check',
    'Sync now',
    'Set up or repair',
  ]);
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
  // The frame is Sheets' sidebar width, so the line above measures at 300 px and not wider.
  await expect(page.getByTestId('panel-sidebar-frame').evaluate((node) => node.getBoundingClientRect().width)).resolves.toBe(300);
  // Every control has a label, and everything it is described by exists on the page.
  const unlabelled = await content?.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>('input, select, textarea'))
      .filter((node) => !node.hidden && node.labels?.length === 0 && !node.getAttribute('aria-label'))
      .map((node) => node.id || node.name),
  );
  expect(unlabelled).toEqual([]);
  const dangling = await content?.evaluate(() =>
    Array.from(document.querySelectorAll('[aria-describedby]')).flatMap((node) =>
      (node.getAttribute('aria-describedby') ?? '').split(/\s+/).filter((id) => id !== '' && !document.getElementById(id)),
    ),
  );
  expect(dangling).toEqual([]);
  // The URL to paste into Twilio: labelled, read-only, with its key.
  const webhook = frame.getByLabel('Twilio webhook URL (incoming messages)');
  await expect(webhook.getAttribute('readonly')).resolves.toBe('');
  await expect(webhook.inputValue()).resolves.toBe(sandbox.inboundWebhookUrl());
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
  await page.getByTestId('panel-sidebar').screenshot({ path: screenshotPath('settings-sidebar.png') });

  await frame.locator('#field-DEFAULT_COUNTRY').fill('DE');
  await frame.getByRole('button', { name: 'Save settings' }).click();
  await frame.locator('#settings-status', { hasText: 'Saved' }).waitFor();
  await expect(frame.locator('#settings-status').textContent()).resolves.toBe('Saved 1 setting: Your name.');
  await expect(error.isHidden()).resolves.toBe(true);
  expect(sandbox.settings().HOST_NAME).toBe('Dr. Jo Park');
  expect(errors).toEqual([]);
  await page.close();
}, 60_000);

function dialog(page: Page): FrameLocator {
  return page.frameLocator('[data-testid="panel-dialog-frame"]');
}

test('send a test message: the dialog says what Twilio answered and the message arrives on the phone', async () => {
  const { page, errors } = await openUi();
  await choose(page, 'showTestMessage');
  await page.getByTestId('panel-dialog').waitFor();
  await expect(page.getByTestId('panel-dialog-title').textContent()).resolves.toBe('Send a test message');
  const frame = dialog(page);
  await frame.getByLabel('WhatsApp number').fill('+49 151 23456789');
  await frame.getByRole('button', { name: 'Send test message' }).click();
  const status = frame.locator('#test-status', { hasText: 'Sent to' });
  await status.waitFor();
  const [sent] = sandbox.twilio.messages().filter((message) => message.direction === 'outbound-api') as Array<{ sid: string; to: string }>;
  expect(sent.to).toBe('whatsapp:+4915123456789');
  await expect(status.textContent()).resolves.toBe(`Sent to +4915123456789 (Twilio message ${sent.sid}). Check that phone's WhatsApp.`);

  await page.getByTestId('panel-dialog-close').click();
  await page.getByTestId('phone').filter({ hasText: '+4915123456789' }).first().click();
  const bubble = page.getByTestId('bubble').first();
  await bubble.waitFor();
  await expect(bubble.getByTestId('bubble-body').textContent()).resolves.toContain('Test message');
  expect(errors).toEqual([]);
  await page.close();
}, 60_000);

test('a test message Twilio refuses is reported in words', async () => {
  const { page } = await openUi();
  await choose(page, 'showTestMessage');
  const frame = dialog(page);
  await frame.getByLabel('WhatsApp number').fill('not a number');
  await frame.getByRole('button', { name: 'Send test message' }).click();
  const status = frame.locator('#test-status', { hasText: 'Not sent' });
  await status.waitFor();
  await expect(frame.getByLabel('WhatsApp number').getAttribute('aria-invalid')).resolves.toBe('true');
  expect(sandbox.twilio.messages()).toHaveLength(0);
  await page.close();
}, 60_000);

test('health check: the dialog lists every check, passed or failed, with its detail', async () => {
  const { page, errors } = await openUi();
  // One announcement WhatsApp does not deliver (63024): its row is red, which the health check reports.
  sandbox.twilio.injectFault({ errorCode: 63024, count: 1 });
  sandbox.insertEvents([
    {
      summary: 'Consultation',
      location: '+49 151 23456789',
      start: { dateTime: '2026-01-06T10:00:00+01:00', timeZone: 'Europe/Berlin' },
      end: { dateTime: '2026-01-06T10:30:00+01:00', timeZone: 'Europe/Berlin' },
    },
  ]);
  await choose(page, 'showHealthCheck');
  await page.getByTestId('panel-dialog').waitFor();
  const frame = dialog(page);
  await frame.locator('#health-checks li').first().waitFor();
  const ids = await frame.locator('#health-checks li').evaluateAll((items) => items.map((item) => item.getAttribute('data-check')));
  expect(ids).toEqual(
    expect.arrayContaining(['twilio-credentials', 'sender', 'templates', 'triggers', 'web-app', 'last-sync', 'failures', 'quota']),
  );
  const report = sandbox.runFromPanel('checkHealth', []) as { result: { checks: Array<{ id: string; ok: boolean; detail: string }> } };
  const credentials = frame.locator('#health-checks li[data-check="twilio-credentials"]');
  const expected = report.result.checks.find((check) => check.id === 'twilio-credentials');
  await expect(credentials.textContent()).resolves.toBe(`${expected?.ok ? '✓ OK' : '✗ Failed'} Twilio credentials${expected?.detail}`);
  const failures = report.result.checks.find((check) => check.id === 'failures');
  expect(failures?.ok).toBe(false);
  // Failed checks come first.
  await expect(frame.locator('#health-checks li').first().getAttribute('data-check')).resolves.toBe('failures');
  await expect(frame.locator('#health-checks li[data-check="failures"]').textContent()).resolves.toBe(
    `✗ Failed Failed or waiting messages${failures?.detail}`,
  );
  const failed = report.result.checks.filter((check) => !check.ok).length;
  await expect(frame.locator('#health-status').textContent()).resolves.toBe(
    failed === 0 ? `All ${ids.length} checks passed.` : `${failed} of ${ids.length} checks failed.`,
  );
  await page.getByTestId('panel-dialog').screenshot({ path: screenshotPath('health-check.png') });
  expect(errors).toEqual([]);
  await page.close();
}, 60_000);

test('create WhatsApp templates: the dialog lists each template with its approval status', async () => {
  const { page, errors } = await openUi();
  await choose(page, 'showTemplates');
  const frame = dialog(page);
  await frame.getByRole('button', { name: 'Create or check templates' }).click();
  await frame.locator('#templates-table tr[data-kind]').first().waitFor();
  const kinds = await frame
    .locator('#templates-table tr[data-kind]')
    .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-kind')));
  expect(kinds).toHaveLength(44);
  expect(kinds.slice(0, 4)).toEqual(['scheduled', 'rescheduled', 'cancelled', 'reminder']);
  const stored = JSON.parse(sandbox.settings().TEMPLATE_SIDS ?? '{}') as Record<string, Record<string, string>>;
  await expect(frame.locator('#templates-table tr[data-kind="scheduled"][data-language="de"]').textContent()).resolves.toContain(
    stored.scheduled.de,
  );
  expect(errors).toEqual([]);
  await page.close();
}, 60_000);

type TextsAnswer = { result: { texts: Array<{ key: string; language: string; text: string; overridden: boolean }> } };

function storedText(key: string, language: string): { text: string; overridden: boolean } | undefined {
  const answer = sandbox.runFromPanel('getTexts', []) as TextsAnswer;
  return answer.result.texts.find((entry) => entry.key === key && entry.language === language);
}

test('texts tab: lists a language, refuses a text without {link} next to it, saves one, and an empty text goes back to the default', async () => {
  const { page, errors } = await openUi();
  await choose(page, 'showSettings');
  const frame = sidebar(page);
  await frame.locator('#settings-form').waitFor();
  // Keyboard: the arrow key moves from the Settings tab to the Texts tab.
  await frame.getByRole('tab', { name: 'Settings' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(frame.getByRole('tab', { name: 'Texts' }).getAttribute('aria-selected')).resolves.toBe('true');
  await expect(frame.locator('#panel-settings').isHidden()).resolves.toBe(true);
  await frame.getByLabel('Language of the texts').selectOption('es');
  const area = frame.locator('#text-message-scheduled-es');
  await area.waitFor();
  const original = storedText('message.scheduled', 'es');
  expect(original?.overridden).toBe(false);
  await expect(area.inputValue()).resolves.toBe(original?.text);
  await expect(area.getAttribute('lang')).resolves.toBe('es');
  const frameHandle = await page.getByTestId('panel-sidebar-frame').elementHandle();
  const content = await frameHandle?.contentFrame();
  await expect(content?.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(300);

  await area.fill('Su cita "{title}" con {host}: {when}.');
  await frame.getByRole('button', { name: 'Save texts' }).click();
  const error = frame.locator('#text-error-message-scheduled-es');
  await error.waitFor();
  await expect(error.textContent()).resolves.toBe('Not saved: it must keep {link}: without it the attendee cannot cancel, move or book');
  await expect(area.getAttribute('aria-invalid')).resolves.toBe('true');
  await expect(area.getAttribute('aria-describedby')).resolves.toBe('text-error-message-scheduled-es text-help-message-scheduled-es');
  await expect(frame.locator('#texts-status').textContent()).resolves.toBe('Nothing was saved: 1 text needs a change.');
  await expect(content?.evaluate(() => document.activeElement?.id)).resolves.toBe('text-message-scheduled-es');
  expect(storedText('message.scheduled', 'es')?.overridden).toBe(false);
  await page.getByTestId('panel-sidebar').screenshot({ path: screenshotPath('texts-tab.png') });

  const own = 'Su cita "{title}" con {host} es el {when}. Para cambiarla: {link}';
  await area.fill(own);
  await frame.getByRole('button', { name: 'Save texts' }).click();
  await frame.locator('#texts-status', { hasText: 'Saved' }).waitFor();
  await expect(frame.locator('#texts-status').textContent()).resolves.toBe('Saved 1 text.');
  expect(storedText('message.scheduled', 'es')).toEqual(expect.objectContaining({ text: own, overridden: true }));
  await expect(frame.locator('[data-text="message.scheduled"] .overridden').textContent()).resolves.toBe('Your own wording');

  await frame.locator('#text-message-scheduled-es').fill('');
  await frame.getByRole('button', { name: 'Save texts' }).click();
  await frame.locator('#texts-status', { hasText: 'Saved' }).waitFor();
  expect(storedText('message.scheduled', 'es')).toEqual({ ...original });
  await expect(frame.locator('#text-message-scheduled-es').inputValue()).resolves.toBe(original?.text);
  expect(errors).toEqual([]);
  await page.close();
}, 60_000);
