/**
 * The sidebar in Chromium, clicked through a whole vote against a scripted
 * server: rules, sources, eligibility, count, with a screenshot of each step
 * in test-artifacts/sidebar/.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchChromium, screenshotPath, warnIfNoChromium } from './chromium';
import { CANNED_ELIGIBILITY, cannedCount, cannedPreview, scriptedServer } from './scripted';
import { badge, rowsOf, withSidebar, type PageElement, type PageWindow } from './session';

warnIfNoChromium('the sidebar browser tests (test/browser/vote.test.ts)');

const WAIT = { timeout: 10_000 };

describe.skipIf(!hasChromium)('the sidebar, clicked through a whole vote', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('takes a leader from the rules to the results, each step saying what it did', async () => {
    let release!: () => void;
    const countMayFinish = new Promise<void>((resolve) => (release = resolve));
    const server = scriptedServer({ holdCount: () => countMayFinish, progress: { step: 'Counting Mayor', done: 2, total: 4 } });
    const count = cannedCount();
    const preview = cannedPreview();

    await withSidebar(browser, server.handler, async ({ page, trouble, step }) => {
      await expect.poll(() => page.locator('#spreadsheet').textContent(), WAIT).toBe('Riverside Indivisible: 2026 endorsements');

      // 1. Rules. Before the responses are known, the explanation works an example: 2/3 of 30 is exactly 20.
      const rules = step('rules');
      const thresholdHelp = rules.locator('#rules-threshold-help');
      await expect.poll(() => badge(rules).textContent(), WAIT).toBe('Not started');
      await expect.poll(() => thresholdHelp.textContent(), WAIT).toBe('For example, with 30 ballots, a candidate needs at least 20 votes (at least two-thirds). Blank ballots are not votes cast.');
      await page.getByLabel('Comparison').selectOption('more-than');
      // Exactly 20 of 30 is two-thirds, which is not more than two-thirds.
      await expect.poll(() => thresholdHelp.textContent(), WAIT).toBe('For example, with 30 ballots, a candidate needs at least 21 votes (more than two-thirds). Blank ballots are not votes cast.');
      await page.getByLabel('Ties').selectOption('lot');
      await page.getByLabel('Least turnout').fill('25%');
      await page.getByLabel('Eligible as of').fill('2026-05-20');
      await page.getByLabel('Voting closes').fill('2026-05-27');
      await expect.poll(() => rules.locator('#rules-window-help').textContent(), WAIT).toBe('Ballots sent after the end of 2026-05-27 (America/Chicago time) are refused.');
      await expect.poll(() => rules.locator('.unsaved').isVisible(), WAIT).toBe(true);
      await rules.screenshot({ path: screenshotPath('1-rules-form') });

      // A draw by lot needs its seed before the vote: nothing is sent to the server without it.
      await page.getByRole('button', { name: 'Save rules' }).click();
      await expect.poll(() => rules.locator('p.failure').textContent(), WAIT).toContain('seed');
      await expect.poll(() => badge(rules).textContent(), WAIT).toBe('Needs attention');
      expect(server.argsOf('saveSettings')).toEqual([]);

      await page.getByLabel('Seed of the draw').fill('May 27 meeting');
      await page.getByRole('button', { name: 'Save rules' }).click();
      await expect.poll(() => badge(rules).textContent(), WAIT).toBe('Done');
      const savedRules = {
        threshold: '2/3',
        comparison: 'more-than',
        runoff: 'top-two',
        ties: 'lot',
        seed: 'May 27 meeting',
        noEndorsement: 'No endorsement',
        eligibility: { asOf: '2026-05-20', attendedWithinWeeks: 6, minAttendance: 1 },
        window: { closes: '2026-05-27' },
        proxies: { allowed: true, maxPerHolder: 1 },
        minTurnout: '25%',
      };
      expect(server.argsOf('saveSettings')).toEqual([[{ sources: { secondVotes: [] }, rules: savedRules }]]);
      await expect.poll(() => rules.locator('.step-summary').textContent(), WAIT).toBe('Threshold 2/3, more-than');
      await expect.poll(() => rules.locator('p.failure').textContent(), WAIT).toBe('');
      expect(await rules.locator('.unsaved').evaluate((e) => (e as unknown as PageElement).hidden)).toBe(true);
      // Saved, the long form folds away; the header's summary says what was saved.
      expect(await rules.locator('details').evaluate((d) => (d as unknown as PageElement).open)).toBe(false);
      await page.screenshot({ path: screenshotPath('1-rules'), fullPage: true });
      await step('rules').screenshot({ path: screenshotPath('1-rules-step') });

      // 2. Sources: the sheets chosen from dropdowns, and what was recognized in them.
      const sources = step('sources');
      const dropdown = (name: RegExp) => sources.getByRole('combobox', { name });
      await dropdown(/^Responses/).selectOption('Form Responses 1');
      await dropdown(/^Roster/).selectOption('Roster');
      await dropdown(/^Attendance/).selectOption('Attendance');
      await dropdown(/^Proxies/).selectOption('Proxies');
      await sources.getByText('Second votes (runoff ballots)').click();
      await sources.getByLabel('Runoff ballots').check();
      await page.getByRole('button', { name: 'Save and check the sheets' }).click();
      await sources.locator('.preview').waitFor(WAIT);
      const chosen = { responses: 'Form Responses 1', roster: 'Roster', attendance: 'Attendance', proxies: 'Proxies', secondVotes: ['Runoff ballots'] };
      // The rules saved in step 1 are kept when the sources are saved.
      expect(server.argsOf('saveSettings')[1]).toEqual([{ sources: chosen, rules: savedRules }]);
      expect(server.argsOf('previewSources')).toEqual([[chosen]]);
      const recognized = await sources.locator('.preview').innerText();
      expect(recognized).toContain(`\u201cForm Responses 1\u201d: ${preview.responses} responses.`);
      expect(recognized).toContain(`Voters identified by \u201c${preview.identityColumn}\u201d.`);
      expect(recognized).toContain(`Roster: ${preview.rosterMembers} members.`);
      expect(recognized).toContain('Not races, so ignored: Timestamp, Comments.');
      await expect.poll(() => sources.locator('.races > li > .race-name').allTextContents(), WAIT).toEqual(preview.races.map((r) => r.race));
      await expect.poll(() => sources.locator('.races > li').first().locator('.candidates li').allTextContents(), WAIT).toEqual(preview.races[0]!.candidates);
      await expect.poll(() => badge(sources).textContent(), WAIT).toBe('Done');
      // The rules' explanation now uses the 41 responses: 2/3 of 41 is 27.3, so more than two-thirds is 28.
      await expect.poll(() => thresholdHelp.textContent(), WAIT).toBe('With 41 ballots, a candidate needs at least 28 votes (more than two-thirds). Blank ballots are not votes cast.');
      await page.screenshot({ path: screenshotPath('2-sources'), fullPage: true });
      await step('sources').screenshot({ path: screenshotPath('2-sources-step') });

      // 3. Eligibility.
      const eligibility = step('eligibility');
      await page.getByRole('button', { name: 'Check eligibility' }).click();
      await eligibility.locator('.result').waitFor(WAIT);
      expect(await eligibility.locator('.result p').allTextContents()).toEqual([
        `${CANNED_ELIGIBILITY.eligible} of ${CANNED_ELIGIBILITY.members} members may vote.`,
        'Eligible as of May 20, 2026.',
        'The list is in the sheet \u201cEligible voters\u201d.',
      ]);
      await expect.poll(() => badge(eligibility).textContent(), WAIT).toBe('Done');
      await expect.poll(() => eligibility.locator('.step-summary').textContent(), WAIT).toBe('52 of 60 members may vote');
      // A quorum of 25% of 52 eligible members is exactly 13.
      await expect.poll(() => rules.locator('#rules-min-turnout-help').textContent(), WAIT).toBe('With 52 eligible members, at least 13 must vote (25%), or the vote decides nothing.');
      await page.screenshot({ path: screenshotPath('3-eligibility'), fullPage: true });
      await step('eligibility').screenshot({ path: screenshotPath('3-eligibility-step') });

      // 4. Count: while it runs, every button is disabled and the busy line shows the server's progress.
      await page.getByRole('button', { name: 'Count the votes' }).click();
      const busy = page.locator('#busy');
      await expect.poll(() => busy.textContent(), WAIT).toBe('Counting Mayor (2 of 4)');
      await expect.poll(() => busy.isVisible(), WAIT).toBe(true);
      expect(await page.locator('button').evaluateAll((bs) => bs.filter((b) => !(b as unknown as PageElement).disabled).length)).toBe(0);
      await page.screenshot({ path: screenshotPath('4-counting'), fullPage: true });
      release();

      const countStep = step('count');
      await countStep.locator('.count').waitFor(WAIT);
      await expect.poll(() => busy.isVisible(), WAIT).toBe(false);
      expect(server.argsOf('getProgress').length).toBeGreaterThan(0);
      // The count done, nothing waits for it any more: the announcement's button is ready too.
      await expect.poll(() => page.locator('button:disabled').allTextContents(), WAIT).toEqual([]);
      // 02:30 UTC on May 28 is 9:30 PM on May 27 in the spreadsheet's zone (Chicago), not the browser's (Auckland).
      await expect.poll(() => countStep.locator('.count > p').first().textContent(), WAIT).toBe('Counted May 27, 2026, 9:30 PM.');
      await expect.poll(() => countStep.locator('.count > p').nth(1).textContent(), WAIT).toBe('41 ballots received: 38 accepted, 3 refused. Turnout: 38 of 52 eligible members (73%).');

      const races = countStep.locator('article.race');
      await expect.poll(() => races.locator('h3 .race-name').allTextContents(), WAIT).toEqual(count.races.map((r) => r.race));
      await expect.poll(() => races.locator('h3 .badge').allTextContents(), WAIT).toEqual(['Endorsed', 'No endorsement']);
      await expect.poll(() => races.locator('.race-summary').allTextContents(), WAIT).toEqual(count.races.map((r) => r.summary));
      // Look-alike names are shown under their race, for the leader to review.
      await expect.poll(() => races.nth(1).locator('p.attention').allTextContents(), WAIT).toEqual(count.races[1]!.warnings);
      await expect.poll(() => races.first().locator('p.attention').count(), WAIT).toBe(0);
      const mayor = races.first();
      const asText = (rows: [string, number, string][]) => rows.map((row) => row.map(String));
      expect(await rowsOf(mayor.locator('table').first())).toEqual(asText(count.races[0]!.rounds[0]!.rows));
      expect(await rowsOf(mayor.locator('table').nth(1))).toEqual(asText(count.races[0]!.rounds[1]!.rows));
      expect(await mayor.locator('caption').allTextContents()).toEqual([
        'Round 1 \u00b7 needs 26 of 38 votes cast (at least two-thirds)',
        'Runoff \u00b7 needs 26 of 38 votes cast (at least two-thirds)',
      ]);
      await expect.poll(() => mayor.locator('tr.winner th').allTextContents(), WAIT).toEqual(['Ana Flores']);
      await expect.poll(() => mayor.locator('.decisions li').allTextContents(), WAIT).toEqual(count.races[0]!.rounds.flatMap((r) => r.decisions));
      expect(await rowsOf(countStep.locator('table.refusals'))).toEqual(count.refusals.map((r) => [r.title, String(r.count)]));
      expect(await countStep.innerText()).toContain('Each refused ballot is listed with its row and reason in the sheet \u201cRefused\u201d.');
      await expect.poll(() => badge(countStep).textContent(), WAIT).toBe('Done');
      await page.screenshot({ path: screenshotPath('4-count'), fullPage: true });
      await countStep.screenshot({ path: screenshotPath('4-count-step') });

      // 5. Announce: opened next, offering the races the count decided (test/browser/announce.test.ts goes on).
      const announce = step('announce');
      await expect.poll(() => announce.getByRole('button', { name: 'Create the announcement' }).isEnabled(), WAIT).toBe(true);
      await expect.poll(() => announce.locator('#announce-note').isVisible(), WAIT).toBe(false);
      await expect.poll(() => announce.locator('#announce-race option').allTextContents(), WAIT).toEqual(count.races.map((r) => r.race));
      await announce.screenshot({ path: screenshotPath('5-announce-ready') });

      expect(trouble).toEqual({ errors: [], dialogs: [] });
    });
  });

  it('lets a keyboard user reach every primary button with Tab, and shows where the focus is', async () => {
    const server = scriptedServer();
    await withSidebar(browser, server.handler, async ({ page, trouble, step }) => {
      await step('rules').locator('form').waitFor(WAIT);
      const reached = new Set<string>();
      for (let i = 0; i < 120 && reached.size < 4; i++) {
        await page.keyboard.press('Tab');
        const focus = await page.evaluate(() => {
          const w = globalThis as unknown as PageWindow;
          const el = w.document.activeElement;
          const details = el.parentElement;
          return {
            tag: el.tagName,
            text: el.textContent ?? '',
            primary: el.classList.contains('action'),
            closedStep: el.tagName === 'SUMMARY' && !!details && !details.open,
            outline: w.getComputedStyle(el).outlineStyle,
          };
        });
        // Steps open from the keyboard like any disclosure: Enter on their heading.
        if (focus.closedStep) await page.keyboard.press('Enter');
        if (focus.primary) {
          reached.add(focus.text);
          expect(focus.outline, `focus ring on ${focus.text}`).not.toBe('none');
        }
      }
      expect([...reached].sort()).toEqual(['Check eligibility', 'Count the votes', 'Save and check the sheets', 'Save rules']);

      // And a primary button works from the keyboard: Enter on "Save rules" saves.
      await page.getByRole('button', { name: 'Save rules' }).focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => badge(step('rules')).textContent(), WAIT).toBe('Done');
      expect(server.argsOf('saveSettings')).toHaveLength(1);
      expect(trouble).toEqual({ errors: [], dialogs: [] });
    });
  });
});
