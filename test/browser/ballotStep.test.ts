/**
 * The Ballot step in Chromium, on dist/Code.js with the Sheets and Forms fakes:
 * races typed, checked as they are typed, the form built, its links shown,
 * voter codes sent within the day's quota. Screenshots in test-artifacts/sidebar/.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formsSandbox, roster } from '../server/formsSandbox';
import { hasChromium, launchChromium, screenshotPath, warnIfNoChromium } from './chromium';
import { badge, withSidebar } from './session';

warnIfNoChromium('the Ballot step browser test (test/browser/ballotStep.test.ts)');

const WAIT = { timeout: 10_000 };
const MEMBERS = ['ana@example.org', 'bo@example.org', 'cy@example.org'];

describe.skipIf(!hasChromium)('the Ballot step', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('builds the form from the races typed, shows its links, and sends the voter codes', async () => {
    const box = formsSandbox({ name: 'Riverside Indivisible: 2026 endorsements', sheets: { Roster: roster(MEMBERS) }, dailyEmailQuota: 2 });
    box.run('saveSettings', { rules: { group: 'Riverside Indivisible' }, sources: { roster: 'Roster', secondVotes: [] } });
    const handler = (name: string, args: unknown[]) => box.run(name, ...args);

    await withSidebar(browser, handler, async ({ page, trouble }) => {
      const ballot = page.locator('#step-ballot');
      await expect.poll(() => badge(ballot).textContent(), WAIT).toBe('Not started');
      await ballot.locator('summary').click();
      await page.getByLabel('Form title').fill('Endorsement vote 2026');
      // A name typed twice is caught as it is typed, before anything is built.
      await page.getByLabel('Races and candidates').fill('Mayor\nAna Diaz\nBo Li\nana diaz');
      await expect.poll(() => ballot.locator('#ballot-races-check li').allTextContents(), WAIT).toEqual(['"Mayor" lists "ana diaz" twice']);
      await page.getByLabel('Races and candidates').fill('Mayor\nAna Diaz\nBo Li\n\nDistrict Attorney (ranked)\n<img src=x onerror=alert(1)>\nEve Po');
      await expect.poll(() => ballot.locator('#ballot-races-check').textContent(), WAIT).toBe('Mayor: 2 candidates; District Attorney: 2 candidates, ranked');
      await page.getByLabel('How members vote').selectOption('codes');
      await expect.poll(() => ballot.locator('#ballot-online-help').textContent(), WAIT).toContain('could match codes to members');
      await page.getByRole('button', { name: 'Create the ballot form' }).click();

      const form = () => box.forms.form();
      await expect.poll(() => ballot.getByRole('link', { name: 'Link for members to vote' }).getAttribute('href'), WAIT).toBe(form().publishedUrl);
      await expect.poll(() => ballot.getByRole('link', { name: 'Edit in Forms' }).getAttribute('href'), WAIT).toBe(form().editUrl);
      expect(form().liveItems().map((i) => i.title)).toEqual(['Voter code', 'Mayor', 'District Attorney']);
      expect(form().item('District Attorney').rows).toEqual(['<img src=x onerror=alert(1)>', 'Eve Po', 'No endorsement']);
      await expect.poll(() => badge(ballot).textContent(), WAIT).toBe('Done');
      await page.screenshot({ path: screenshotPath('0-ballot-form'), fullPage: true });

      // The form's response sheet is now the saved source; the Sources step shows it, not its unsaved '(none)'.
      const responseSheet = box.run<{ settings: { sources: { responses?: string } } }>('getSidebarState').settings.sources.responses;
      expect(responseSheet).toBeTruthy();
      await expect.poll(() => page.locator('#sources-responses').inputValue(), WAIT).toBe(responseSheet);

      await page.getByRole('button', { name: 'Send voter codes' }).click();
      await expect.poll(() => ballot.locator('.result p').first().textContent(), WAIT).toContain('2 codes sent now; 2 of 3 members have their code.');
      await expect.poll(() => ballot.locator('.result p').first().textContent(), WAIT).toContain('press Send again tomorrow');
      expect(box.forms.mail.sent).toHaveLength(2);
      await ballot.screenshot({ path: screenshotPath('0-ballot-codes') });
      expect(trouble).toEqual({ errors: [], dialogs: [] });
    });
  });
});
