// Chromium drives the sandbox UI as a new user would: create an event, see the message, mark it delivered.
import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { startServer } from '../../dev/server';
import type { Sandbox } from '../../dev/sandbox';

const ARTIFACTS = path.resolve(__dirname, '../../test-artifacts/screenshots');
let server: Server;
let sandbox: Sandbox;
let base: string;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  ({ server, sandbox } = await startServer({ port: 0 }));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server.close(resolve));
});

async function openUi(width: number, height: number): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height } });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  (page as unknown as { errors: string[] }).errors = errors;
  await page.goto(`${base}/`);
  return page;
}

test('a host creates an event in the UI, the attendee phone shows the message, delivery turns the event green', async () => {
  await fetch(`${base}/_sandbox/reset`, { method: 'POST' });
  const page = await openUi(1600, 1000);
  await page.getByTestId('new-title').fill('Dental checkup <b>now</b>');
  await page.getByTestId('new-phone').fill('+49 151 23456789');
  await page.getByTestId('new-date').fill('2026-01-06');
  await page.getByTestId('new-time').fill('11:00');
  await page.getByTestId('new-submit').click();

  const event = page.getByTestId('event').first();
  await event.waitFor();
  await page.getByTestId('phone').first().click();
  const bubble = page.getByTestId('bubble').first();
  await bubble.waitFor();
  await expect(bubble.getByTestId('bubble-body').textContent()).resolves.toContain('Tuesday, 6 January 2026, 11:00–11:30 CET (UTC+1)');
  await expect(bubble.getByTestId('bubble-body').textContent()).resolves.toContain('Dental checkup <b>now</b>');
  await bubble.getByTestId('status-delivered').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="event"]')?.getAttribute('data-color') === '10');
  const [created] = sandbox.events() as Array<{ colorId?: string }>;
  expect(created.colorId).toBe('10');

  await page.getByTestId('sheet-tab').filter({ hasText: 'Appointments' }).click();
  await expect(page.getByTestId('sheet-table').first().textContent()).resolves.toContain('+4915123456789');
  await page.screenshot({ path: path.join(ARTIFACTS, 'sandbox-ui.png'), fullPage: true });
  expect((page as unknown as { errors: string[] }).errors).toEqual([]);
  await page.close();
}, 60_000);

test('in email invitation mode the Mail tab shows the invitation with its iCalendar file', async () => {
  await fetch(`${base}/_sandbox/reset`, { method: 'POST' });
  await fetch(`${base}/_sandbox/settings`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ INVITATION_MODE: 'email' }),
  });
  const page = await openUi(1600, 1000);
  await page.getByTestId('new-title').fill('Tax advice');
  await page.getByTestId('new-phone').fill('+49 151 23456789');
  await page.getByTestId('new-email').fill('client@example.com');
  await page.getByTestId('new-date').fill('2026-01-07');
  await page.getByTestId('new-time').fill('15:00');
  await page.getByTestId('new-submit').click();
  await page.getByTestId('event').first().waitFor();
  await page.getByTestId('sheet-tab').filter({ hasText: 'Mail sent' }).click();
  const mail = page.getByTestId('mail').first();
  await mail.waitFor();
  await expect(mail.textContent()).resolves.toContain('client@example.com');
  await mail.locator('summary').first().click();
  await expect(mail.locator('pre').first().textContent()).resolves.toContain('METHOD:REQUEST');
  await page.screenshot({ path: path.join(ARTIFACTS, 'sandbox-ui-mail.png') });
  expect((page as unknown as { errors: string[] }).errors).toEqual([]);
  await page.close();
}, 60_000);

test('the UI works on a 360-px phone screen', async () => {
  await fetch(`${base}/_sandbox/reset`, { method: 'POST' });
  const page = await openUi(360, 740);
  await page.getByTestId('tab-chat').click();
  await page.getByTestId('new-chat-phone').fill('+4915123456789');
  await page.getByTestId('new-chat-start').click();
  await page.getByTestId('chat-input').fill('hello');
  await page.getByTestId('chat-send').click();
  await page.getByTestId('bubble').first().waitFor();
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(360);
  await page.screenshot({ path: path.join(ARTIFACTS, 'sandbox-ui-phone.png') });
  expect((page as unknown as { errors: string[] }).errors).toEqual([]);
  await page.close();
}, 60_000);

test('a weekly series made in the UI shows each occurrence in the week view; one occurrence is cancelled on its own', async () => {
  await fetch(`${base}/_sandbox/reset`, { method: 'POST' });
  const page = await openUi(1600, 1000);
  await page.getByTestId('new-title').fill('Therapy');
  await page.getByTestId('new-phone').fill('+49 151 23456789');
  await page.getByTestId('new-date').fill('2026-01-06');
  await page.getByTestId('new-time').fill('10:00');
  await page.getByTestId('new-duration').fill('50');
  await page.getByTestId('new-repeat').selectOption('WEEKLY');
  await page.getByTestId('new-count').fill('6');
  await page.getByTestId('new-submit').click();
  const [master] = sandbox.events() as Array<{ id: string; recurrence: string[]; start: { timeZone: string } }>;
  expect(master.recurrence).toEqual(['RRULE:FREQ=WEEKLY;BYDAY=TU;COUNT=6']);
  const first = page.locator(`[data-event-id="${master.id}_20260106T090000Z"]`);
  await first.waitFor();
  await expect(first.textContent()).resolves.toContain('10:00–10:50');
  // The next week shows the next occurrence, under its instance id.
  await page.getByTestId('week-next').click();
  const second = page.locator(`[data-event-id="${master.id}_20260113T090000Z"]`);
  await second.waitFor();
  await second.click();
  await expect(page.getByTestId('detail-series').textContent()).resolves.toContain('RRULE:FREQ=WEEKLY;BYDAY=TU;COUNT=6');
  await page.getByTestId('cancel-event').click();
  await page.waitForFunction((id) => !document.querySelector(`[data-event-id="${id}"]`), `${master.id}_20260113T090000Z`);
  const instances = sandbox.instances(master.id) as Array<{ id: string; status: string }>;
  expect(instances.filter((instance) => instance.status === 'cancelled').map((instance) => instance.id)).toEqual([
    `${master.id}_20260113T090000Z`,
  ]);
  expect((sandbox.event(master.id) as { status: string }).status).toBe('confirmed');
  await page.getByTestId('week-next').click();
  await page.locator(`[data-event-id="${master.id}_20260120T090000Z"]`).waitFor();
  await page.getByTestId('phone').first().click();
  await page.getByTestId('bubble').nth(1).waitFor();
  const texts = await page.getByTestId('bubble-body').allTextContents();
  expect(texts[0]).toContain('every Tuesday, 10:00–10:50 CET (UTC+1), from Tuesday, 6 January 2026, 6 times');
  expect(texts[1]).toContain('Tuesday, 13 January 2026, 10:00–10:50 CET (UTC+1) is cancelled');
  await page.screenshot({ path: path.join(ARTIFACTS, 'sandbox-series.png'), fullPage: true });
  expect((page as unknown as { errors: string[] }).errors).toEqual([]);
  await page.close();
}, 60_000);
