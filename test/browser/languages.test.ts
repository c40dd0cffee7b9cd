// The attendee pages in Arabic (right to left, with a Latin name and times inside) and Hindi in Chromium, with screenshots for the README.
import type { Server } from 'node:http';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startServer } from '../../dev/server';
import { screenshotPath } from '../support/screenshots';

jest.setTimeout(60_000);

const HOUR = 3600_000;
const START = Date.UTC(2026, 0, 5, 8, 0, 0);
const TUESDAY_10 = START + 25 * HOUR;

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

async function appointmentLink(language: string, phone: string): Promise<string> {
  await api('POST', '/_sandbox/settings', { LANGUAGE: language });
  await api('POST', '/_sandbox/calendar/events', {
    summary: 'Dental checkup',
    location: phone,
    start: { dateTime: new Date(TUESDAY_10).toISOString(), timeZone: 'Europe/Berlin' },
    end: { dateTime: new Date(TUESDAY_10 + 30 * 60_000).toISOString(), timeZone: 'Europe/Berlin' },
  });
  const messages = (await api('GET', '/_sandbox/twilio/messages')) as Array<{ to: string; body: string }>;
  const mine = messages.filter((message) => message.to === `whatsapp:${phone}`);
  const match = /https?:\/\/\S+\?l=[A-Za-z0-9_-]{16}/.exec(mine[mine.length - 1]?.body ?? '');
  if (!match) throw new Error(`no link in the messages to ${phone}`);
  return match[0];
}

/**
 * Whether the browser has a font for Devanagari: with one, the conjunct क्ष is one glyph, narrower than three
 * letters; without one, each of its three code points is the same empty box as each letter of ककक.
 */
async function rendersDevanagari(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const width = (text: string) => {
      const span = document.createElement('span');
      span.textContent = text;
      document.body.append(span);
      const measured = span.getBoundingClientRect().width;
      span.remove();
      return measured;
    };
    return width('क्ष') < width('ककक') * 0.8;
  });
}

beforeAll(async () => {
  const started = await startServer({ port: 0 });
  server = started.server;
  base = started.url.replace(/\/$/, '');
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
  });
});

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
});

beforeEach(async () => {
  await api('POST', '/_sandbox/reset', {});
  context = await browser.newContext({
    viewport: { width: 360, height: 740 },
    deviceScaleFactor: 2,
    isMobile: true,
    timezoneId: 'Asia/Riyadh',
  });
});

afterEach(async () => {
  await context?.close();
});

test('an Arabic appointment page reads right to left, and the Latin title and the times stay whole and in order', async () => {
  const page = await context.newPage();
  await page.goto(await appointmentLink('ar', '+966501234567'));
  expect(await page.getAttribute('html', 'dir')).toBe('rtl');
  expect(await page.getAttribute('html', 'lang')).toBe('ar');
  expect(await page.textContent('#start-reschedule')).toBe('تغيير الوقت');
  // The page flows from the right: the status badge sits at the card's right edge.
  const card = await page.locator('#appointment').boundingBox();
  const badge = await page.locator('#status').boundingBox();
  if (!card || !badge) throw new Error('card or badge not laid out');
  expect(card.x + card.width - (badge.x + badge.width)).toBeLessThan(30);
  // The Latin title is isolated: it reads "Dental checkup", not reordered by the Arabic around it.
  expect(await page.textContent('h1 bdi')).toBe('Dental checkup');
  expect(await page.textContent('#when-host')).toBe('الثلاثاء، 6 يناير 2026، 10:00 ص–10:30 ص CET (UTC+1)');
  // The visitor's own zone line is written by the browser script in Arabic.
  expect(await page.textContent('#when-local')).toMatch(/^توقيتك \(Asia\/Riyadh\)/);
  await page.click('#start-reschedule');
  await page.waitForSelector('#slots button.slot');
  expect(await page.textContent('#zones')).toBe('الأوقات بتوقيت Europe/Berlin (توقيت المضيف)؛ ويظهر توقيتك في Asia/Riyadh بخط صغير.');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await page.screenshot({ path: screenshotPath('language-ar.png'), fullPage: true });
});

test('a Hindi appointment page, in Devanagari, with the picker to switch language', async () => {
  const page = await context.newPage();
  await page.goto(await appointmentLink('hi', '+919876543210'));
  expect(await page.getAttribute('html', 'lang')).toBe('hi');
  expect(await page.getAttribute('html', 'dir')).toBe('ltr');
  expect(await page.textContent('#start-cancel')).toBe('रद्द करें');
  expect(await page.textContent('#when-host')).toBe('मंगलवार, 6 जनवरी 2026, 10:00 am–10:30 am CET (UTC+1)');
  expect(await page.locator('nav.languages a').count()).toBe(10);
  // A README image of empty boxes shows no Hindi: refreshing it needs a Devanagari font (Debian's fonts-lohit-deva).
  if (process.env.UPDATE_SCREENSHOTS === '1') expect(await rendersDevanagari(page)).toBe(true);
  await page.screenshot({ path: screenshotPath('language-hi.png'), fullPage: true });
  // The picker shows the page in German and remembers German for the number.
  await page.click('nav.languages a[hreflang="de"]');
  await page.waitForSelector('html[lang="de"]');
  expect(await page.textContent('#start-cancel')).toBe('Absagen');
  // The page's script stores the choice after it loads: wait for it.
  let stored: string[][] = [];
  for (let attempt = 0; attempt < 50 && stored.length === 0; attempt++) {
    stored = ((await api('GET', '/_sandbox/sheets/Languages')).values as string[][]).slice(1);
    if (stored.length === 0) await page.waitForTimeout(100);
  }
  expect(stored.map((row) => row.slice(0, 3))).toEqual([['+919876543210', 'de', 'page']]);
});
