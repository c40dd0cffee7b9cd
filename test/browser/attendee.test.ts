// The attendee pages in Chromium against the sandbox server: cancel, reschedule, book, a tampered link, a 360-px phone, no injected script runs.
import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startServer } from '../../dev/server';

jest.setTimeout(60_000);

const SCREENSHOTS = path.resolve(__dirname, '..', '..', 'test-artifacts', 'screenshots');
const HOUR = 3600_000;
/** Monday 5 January 2026, 09:00 Berlin: the sandbox's clock after reset. */
const START = Date.UTC(2026, 0, 5, 8, 0, 0);
const TUESDAY_10 = START + 25 * HOUR;
const PAYLOAD = '<script>window.__xss=1</script>"><img src=x onerror="window.__xss=2">';

let server: Server;
let base: string;
let browser: Browser;
let context: BrowserContext;

async function api(method: string, route: string, body?: unknown): Promise<any> {
  const response = await fetch(`${base}${route}`, {
    method,
    headers: body === undefined ? undefined : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${route}: ${response.status} ${await response.text()}`);
  return response.json();
}

function eventJson(summary: string, start: number, location: string, minutes = 30): Record<string, unknown> {
  return {
    summary,
    location,
    start: { dateTime: new Date(start).toISOString(), timeZone: 'Europe/Berlin' },
    end: { dateTime: new Date(start + minutes * 60_000).toISOString(), timeZone: 'Europe/Berlin' },
  };
}

async function outbound(): Promise<Array<{ to: string; body: string }>> {
  const messages = (await api('GET', '/_sandbox/twilio/messages')) as Array<{ direction: string; to: string; body: string }>;
  return messages.filter((message) => message.direction === 'outbound-api');
}

/** The link in the newest message to this number, as the attendee would tap it on the phone. */
async function linkFor(phone: string): Promise<string> {
  const mine = (await outbound()).filter((message) => message.to === `whatsapp:${phone}`);
  const match = /https?:\/\/\S+\?l=[A-Za-z0-9_-]{16}/.exec(mine[mine.length - 1]?.body ?? '');
  if (!match) throw new Error(`no link in the messages to ${phone}`);
  return match[0];
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Nothing injected ran, and nothing is wider than the phone (the day strip scrolls sideways on its own). */
async function expectSafeAndNarrow(page: Page): Promise<void> {
  expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
  const wide = await page.evaluate(() =>
    Array.from(document.querySelectorAll('body *'))
      .filter((node) => node.getBoundingClientRect().right > 361 && !node.closest('.hidden') && !node.closest('.days'))
      .map((node) => `${node.tagName}#${node.id}.${node.className} ${Math.round(node.getBoundingClientRect().right)}`),
  );
  expect(wide).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
}

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const started = await startServer({ port: 0 });
  server = started.server;
  base = started.url.replace(/\/$/, '');
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
});

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
});

beforeEach(async () => {
  await api('POST', '/_sandbox/reset', {});
  // A phone 360 px wide, in another zone than the host, so both times show.
  context = await browser.newContext({
    viewport: { width: 360, height: 740 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    timezoneId: 'America/New_York',
    locale: 'en-GB',
  });
});

afterEach(async () => {
  await context?.close();
});

test('open the link from the message and cancel', async () => {
  await api('POST', '/_sandbox/settings', { HOST_NAME: `Alex ${PAYLOAD}` });
  const created = await api('POST', '/_sandbox/calendar/events', {
    ...eventJson(`Consultation ${PAYLOAD}`, TUESDAY_10, '+49 151 23456789'),
    description: PAYLOAD,
  });
  const page = await context.newPage();
  await page.goto(await linkFor('+4915123456789'));
  expect(await page.locator('h1').textContent()).toBe(`Consultation ${PAYLOAD}`);
  expect(await page.locator('#when-host').textContent()).toBe('Tuesday, 6 January 2026, 10:00–10:30 CET (UTC+1)');
  expect(await page.locator('#when-local').textContent()).toBe('Your time (America/New York): Tuesday 6 January, 04:00–04:30');
  await shot(page, '01-appointment');
  await expectSafeAndNarrow(page);

  await page.click('#start-cancel');
  await page.waitForSelector('#cancel-step:not(.hidden)');
  await shot(page, '02-cancel-confirm');
  expect((await outbound()).length).toBe(1);
  await page.click('#confirm-cancel');
  await page.waitForSelector('#done:not(.hidden)');
  expect(await page.locator('#done-text').textContent()).toMatch(/cancelled/);
  await shot(page, '03-cancelled');
  await expectSafeAndNarrow(page);

  expect((await api('GET', `/_sandbox/calendar/events/${created.id}`)).status).toBe('cancelled');
  const sent = await outbound();
  expect(sent).toHaveLength(2);
  expect(sent[1].body).toContain('is cancelled');

  await page.reload();
  expect(await page.locator('h1').textContent()).toBe('This appointment is cancelled');
  await expectSafeAndNarrow(page);
});

test('open another link and reschedule to a slot', async () => {
  const created = await api('POST', '/_sandbox/calendar/events', eventJson('Check-up', TUESDAY_10, '+49 151 23456780', 45));
  const page = await context.newPage();
  await page.goto(await linkFor('+4915123456780'));
  await page.click('#start-reschedule');
  await page.waitForSelector('#slots button.slot');
  expect(await page.locator('#zones').textContent()).toContain('your time in America/New York');
  await shot(page, '04-reschedule-slots');
  await expectSafeAndNarrow(page);

  const target = new Date(TUESDAY_10 + 24 * HOUR).toISOString();
  await page.click('#slots button[data-day="Wednesday 7 January"]');
  const button = page.locator(`#slots button[data-start="${target}"]`);
  expect(await button.textContent()).toBe('10:00your 04:00');
  await button.click();
  await page.waitForSelector('#confirm-move:not(.hidden)');
  expect(await page.locator('#confirm-move-text').textContent()).toBe(
    'Move your appointment to Wednesday 7 January, 10:00–10:45 (Europe/Berlin)?',
  );
  await shot(page, '05-reschedule-confirm');
  await page.click('#confirm-move-button');
  await page.waitForSelector('#notice:not(.hidden)');
  expect(await page.locator('#notice').textContent()).toMatch(/^Moved to Wednesday, 7 January 2026, 10:00–10:45/);
  expect(await page.locator('#when-host').textContent()).toBe('Wednesday, 7 January 2026, 10:00–10:45 CET (UTC+1)');
  expect(await page.locator('#when-local').textContent()).toBe('Your time (America/New York): Wednesday 7 January, 04:00–04:45');
  await shot(page, '06-rescheduled');
  await expectSafeAndNarrow(page);

  const event = await api('GET', `/_sandbox/calendar/events/${created.id}`);
  expect(Date.parse(event.start.dateTime)).toBe(TUESDAY_10 + 24 * HOUR);
  expect(Date.parse(event.end.dateTime)).toBe(TUESDAY_10 + 24 * HOUR + 45 * 60_000);
  const sent = await outbound();
  expect(sent).toHaveLength(2);
  expect(sent[1].body).toContain('has moved from Tuesday, 6 January 2026, 10:00 CET');
  expect(sent[1].body).toContain('to Wednesday, 7 January 2026, 10:00–10:45 CET');
});

test('a slot taken meanwhile: the page says so and shows fresh slots', async () => {
  await api('POST', '/_sandbox/calendar/events', eventJson('First', TUESDAY_10, '+49 151 23456789'));
  await api('POST', '/_sandbox/calendar/events', eventJson('Second', TUESDAY_10 + HOUR, '+49 151 23456780'));
  const page = await context.newPage();
  await page.goto(`${await linkFor('+4915123456780')}&do=reschedule`);
  await page.waitForSelector('#slots button.slot');
  const target = new Date(TUESDAY_10 + 48 * HOUR).toISOString();
  await page.click('#slots button[data-day="Thursday 8 January"]');
  await page.click(`#slots button[data-start="${target}"]`);
  // The other attendee takes it first.
  const firstToken = /l=([\w-]{16})/.exec(await linkFor('+4915123456789'))?.[1];
  expect(await api('POST', '/_sandbox/run/rescheduleAppointment', { args: [firstToken, target] })).toHaveProperty('result');
  await page.click('#confirm-move-button');
  await page.waitForSelector('#notice.error');
  expect(await page.locator('#notice').textContent()).toBe('That time was just taken. Please pick another.');
  await page.waitForSelector('#slots button.slot');
  await page.click('#slots button[data-day="Thursday 8 January"]');
  expect(await page.locator('#slots button.slot').count()).toBeGreaterThan(5);
  expect(await page.locator(`#slots button[data-start="${target}"]`).count()).toBe(0);
  await shot(page, '07-slot-taken');
  await expectSafeAndNarrow(page);
});

test('book from the booking page', async () => {
  const page = await context.newPage();
  await page.goto(`${base}/exec?p=book`);
  await page.waitForSelector('#slots button.slot');
  await shot(page, '08-booking-slots');
  await expectSafeAndNarrow(page);
  const first = page.locator('#slots button.slot').nth(2);
  const start = await first.getAttribute('data-start');
  await first.click();
  await page.waitForSelector('#details:not(.hidden)');
  await page.fill('#name', `Jane ${PAYLOAD}`);
  await page.fill('#phone', '0151 2345678');
  await page.click('#book-button');
  await page.waitForSelector('#form-notice.error');
  expect(await page.locator('#form-notice').textContent()).toMatch(/^Please check your WhatsApp number/);
  await shot(page, '09-booking-error');
  await page.fill('#phone', '0151 23456789');
  await page.fill('#email', 'jane@example.com');
  await shot(page, '10-booking-form');
  await page.click('#book-button');
  await page.waitForSelector('#done:not(.hidden)');
  await shot(page, '11-booked');
  await expectSafeAndNarrow(page);

  const events = (await api('GET', '/_sandbox/calendar/events')) as Array<{
    location: string;
    summary: string;
    start: { dateTime: string };
    attendees?: Array<{ email: string }>;
  }>;
  expect(events).toHaveLength(1);
  expect(events[0].location).toBe('+4915123456789');
  expect(events[0].summary).toBe(`Jane ${PAYLOAD} – booked online`);
  expect(Date.parse(events[0].start.dateTime)).toBe(Date.parse(String(start)));
  expect(events[0].attendees?.[0]?.email).toBe('jane@example.com');
  const sent = await outbound();
  expect(sent).toHaveLength(1);
  expect(sent[0].body).toContain('is booked for');

  // The page shows no link to the appointment (it would tell a stranger the booking was made); WhatsApp has it.
  expect(await page.locator('#done-link').isVisible()).toBe(false);
  await page.goto(await linkFor('+4915123456789'));
  await page.waitForSelector('#when-host');
  expect(await page.locator('h1').textContent()).toBe(`Jane ${PAYLOAD} – booked online`);
  await shot(page, '12-booked-appointment');
  await expectSafeAndNarrow(page);
});

test('a tampered link shows a friendly page', async () => {
  await api('POST', '/_sandbox/calendar/events', eventJson('Consultation', TUESDAY_10, '+49 151 23456789'));
  const link = await linkFor('+4915123456789');
  const tampered = link.slice(0, -1) + (link.endsWith('A') ? 'B' : 'A');
  const page = await context.newPage();
  const response = await page.goto(tampered);
  expect(response?.status()).toBe(200);
  expect(await page.locator('h1').textContent()).toBe('This link does not work');
  expect(await page.locator('body').textContent()).toContain('Nothing was changed');
  await shot(page, '13-tampered-link');
  await expectSafeAndNarrow(page);
  expect(await outbound()).toHaveLength(1);
});
