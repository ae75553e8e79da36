/**
 * Debian's Chromium driven by playwright-core. CI installs the chromium
 * package; where it is missing the browser tests are skipped, loudly.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run',
];

/** Where screenshots go (gitignored). */
export const ARTIFACTS = join(import.meta.dirname, '../../test-artifacts/sidebar');

/** The width of a Sheets sidebar. */
export const SIDEBAR_WIDTH = 300;

export function warnIfNoChromium(what: string): void {
  if (!hasChromium) console.warn(`SKIPPED ${what}: ${CHROMIUM} is missing (apt-get install chromium); CI installs it.`);
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

/** What went wrong in the page that no assertion asked about: uncaught errors and dialogs (alert()). */
export interface PageTrouble {
  errors: string[];
  dialogs: string[];
}

/** A sidebar-sized page, recording page errors and dismissing any dialog (an alert() would be an injection). */
export async function sidebarPage(browser: Browser, url: string): Promise<{ page: Page; trouble: PageTrouble }> {
  const page = await browser.newPage({ viewport: { width: SIDEBAR_WIDTH, height: 900 }, timezoneId: 'Pacific/Auckland' });
  const trouble: PageTrouble = { errors: [], dialogs: [] };
  page.on('pageerror', (error) => trouble.errors.push(error.message));
  page.on('dialog', (dialog) => {
    trouble.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(url);
  return { page, trouble };
}

export function screenshotPath(name: string): string {
  mkdirSync(ARTIFACTS, { recursive: true });
  return join(ARTIFACTS, `${name}.png`);
}
