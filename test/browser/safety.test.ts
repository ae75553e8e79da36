/**
 * What must never go wrong in the sidebar, in Chromium: a server failure is
 * shown where it happened with the server's own message, and every name from
 * a sheet is shown as text, never run.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchChromium, screenshotPath, warnIfNoChromium } from './chromium';
import { CANNED_ELIGIBILITY, ScriptedError, scriptedServer } from './scripted';
import { badge, withSidebar, type PageWindow } from './session';

warnIfNoChromium('the sidebar browser tests (test/browser/safety.test.ts)');

const WAIT = { timeout: 10_000 };

/** Each one, run as HTML, would set window.__xss or open an alert. */
const INJECTIONS = {
  alert: '<img src=x onerror=alert(1)>',
  flag: '<img src=x onerror="window.__xss=1">',
  script: '<script>window.__xss=2</script>',
  race: '<b onmouseover=window.__xss=3>Mayor</b>',
  spreadsheet: 'Votes <svg onload=window.__xss=4>',
  sheet: '<img src=x onerror=window.__xss=5>',
  message: 'Roster, row 3: "<img src=x onerror=window.__xss=6>" is not an email address',
} as const;

describe.skipIf(!hasChromium)('the sidebar, when things go wrong', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows a failed call in its step with the server\'s message, and lets the leader run it again', async () => {
    const message = 'Roster, row 14, column "Email": "jane@" is not an email address';
    const server = scriptedServer({ failOnce: { runEligibilityCheck: new ScriptedError('InputError', message) } });
    await withSidebar(browser, server.handler, async ({ page, trouble, step }) => {
      const eligibility = step('eligibility');
      await eligibility.locator('summary').click();
      await page.getByRole('button', { name: 'Check eligibility' }).click();

      const alert = eligibility.getByRole('alert');
      // Apps Script prefixes the error's class ("InputError: "); the leader reads the message alone.
      await expect.poll(() => alert.textContent(), WAIT).toBe(message);
      await expect.poll(() => badge(eligibility).textContent(), WAIT).toBe('Needs attention');
      await expect.poll(() => page.locator('#busy').isVisible(), WAIT).toBe(false);
      await expect.poll(() => page.getByRole('button', { name: 'Check eligibility' }).isEnabled(), WAIT).toBe(true);
      await eligibility.screenshot({ path: screenshotPath('failure-eligibility') });

      await page.getByRole('button', { name: 'Check eligibility' }).click();
      await expect.poll(() => eligibility.locator('.result p').first().textContent(), WAIT).toBe(
        `${CANNED_ELIGIBILITY.eligible} of ${CANNED_ELIGIBILITY.members} members may vote.`,
      );
      await expect.poll(() => eligibility.locator('p.failure').textContent(), WAIT).toBe('');
      await expect.poll(() => badge(eligibility).textContent(), WAIT).toBe('Done');
      expect(server.argsOf('runEligibilityCheck')).toHaveLength(2);
      expect(trouble).toEqual({ errors: [], dialogs: [] });
    });
  });

  it('says why it could not load, and loads when the leader tries again', async () => {
    const message = 'You do not have permission to access the requested document.';
    const server = scriptedServer({ failOnce: { getSidebarState: new ScriptedError('Exception', message) } });
    await withSidebar(browser, server.handler, async ({ page, trouble, step }) => {
      const loadError = page.locator('#load-error');
      await expect.poll(() => loadError.textContent(), WAIT).toBe(`Endorse could not load: ${message} Try again`);
      await expect.poll(() => loadError.getAttribute('role'), WAIT).toBe('alert');
      await expect.poll(() => page.locator('.step').count(), WAIT).toBe(0);

      await page.getByRole('button', { name: 'Try again' }).click();
      await step('rules').locator('form').waitFor(WAIT);
      await expect.poll(() => loadError.textContent(), WAIT).toBe('');
      await expect.poll(() => page.locator('.step').count(), WAIT).toBe(6);
      expect(trouble).toEqual({ errors: [], dialogs: [] });
    });
  });

  it('names what is wrong with saved rules that no longer pass, and saves them once corrected', async () => {
    const problem = 'threshold must be like 2/3 or 60%, or plurality, or consensus, got "two thirds"';
    const server = scriptedServer({ savedRules: { threshold: 'two thirds', secret: true }, settingsProblem: problem });
    await withSidebar(browser, server.handler, async ({ page, trouble, step }) => {
      const rules = step('rules');
      await expect.poll(() => rules.locator('.settings-problem').textContent(), WAIT).toBe(`The saved rules need attention: ${problem}`);
      await expect.poll(() => badge(rules).textContent(), WAIT).toBe('Needs attention');
      // The threshold as saved is kept in the form, flagged, for the leader to correct.
      await expect.poll(() => page.getByLabel('Fraction or percentage').inputValue(), WAIT).toBe('two thirds');
      await expect.poll(() => rules.locator('#rules-threshold-help').getAttribute('class'), WAIT).toBe('help error');

      await page.getByLabel('Votes needed').selectOption('2/3');
      await page.getByRole('button', { name: 'Save rules' }).click();
      await expect.poll(() => badge(rules).textContent(), WAIT).toBe('Done');
      await expect.poll(() => rules.locator('.settings-problem').isVisible(), WAIT).toBe(false);
      // Settings the form does not show are saved as they were.
      expect(server.argsOf('saveSettings')[0]).toMatchObject([{ rules: { threshold: '2/3', secret: true } }]);
      expect(trouble).toEqual({ errors: [], dialogs: [] });
    });
  });

  it('shows a candidate named <img src=x onerror=alert(1)> literally, and runs nothing', async () => {
    const server = scriptedServer({
      mayorCandidates: [INJECTIONS.alert, INJECTIONS.flag, INJECTIONS.script],
      raceName: INJECTIONS.race,
      spreadsheetName: INJECTIONS.spreadsheet,
      sheetNames: [INJECTIONS.sheet, 'Roster'],
      failOnce: { runEligibilityCheck: new ScriptedError('InputError', INJECTIONS.message) },
    });
    await withSidebar(browser, server.handler, async ({ page, trouble, step }) => {
      await expect.poll(() => page.locator('#spreadsheet').textContent(), WAIT).toBe(INJECTIONS.spreadsheet);

      // A sheet named like markup, chosen as the responses, and what was recognized in it.
      const sources = step('sources');
      await sources.locator('summary').first().click();
      await sources.getByRole('combobox', { name: /^Responses/ }).selectOption(INJECTIONS.sheet);
      await page.getByRole('button', { name: 'Save and check the sheets' }).click();
      await sources.locator('.preview').waitFor(WAIT);
      expect(await sources.locator('.candidates').first().locator('li').allTextContents()).toEqual([
        INJECTIONS.alert, INJECTIONS.flag, INJECTIONS.script, 'No endorsement',
      ]);
      await expect.poll(() => sources.locator('.race-name').first().textContent(), WAIT).toBe(INJECTIONS.race);
      await expect.poll(() => sources.locator('.preview p').first().textContent(), WAIT).toContain(INJECTIONS.sheet);

      // A server message quoting a cell.
      const eligibility = step('eligibility');
      await page.getByRole('button', { name: 'Check eligibility' }).click();
      await expect.poll(() => eligibility.getByRole('alert').textContent(), WAIT).toBe(INJECTIONS.message);

      // The results.
      await step('count').locator('summary').click();
      await page.getByRole('button', { name: 'Count the votes' }).click();
      const mayor = step('count').locator('article.race').first();
      await mayor.waitFor(WAIT);
      await expect.poll(() => mayor.locator('h3 .race-name').textContent(), WAIT).toBe(INJECTIONS.race);
      await expect.poll(() => mayor.locator('tbody th').allTextContents(), WAIT).toContain(INJECTIONS.alert);
      await expect.poll(() => mayor.locator('.race-summary').textContent(), WAIT).toContain(INJECTIONS.alert);
      await page.screenshot({ path: screenshotPath('injection'), fullPage: true });

      // Nothing ran: no element was made from the names, no flag set, no alert opened.
      await expect.poll(() => page.locator('#app img, #app svg, #app b, #app script').count(), WAIT).toBe(0);
      expect(await page.evaluate(() => (globalThis as unknown as PageWindow).__xss)).toBeUndefined();
      expect(trouble).toEqual({ errors: [], dialogs: [] });
    });
  });
});
