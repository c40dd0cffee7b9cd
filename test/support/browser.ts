// Launches Debian's Chromium through playwright-core with the flags this offline machine needs.
import { chromium, type Browser } from 'playwright-core';

/** Playwright gives each launch a fresh temporary profile, so no user-data-dir is passed. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
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
}
