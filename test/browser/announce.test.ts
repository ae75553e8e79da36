/**
 * The Announce step in Chromium, against the scripted server: after a count
 * the leader creates the Docs of a race and gets them as links in the order
 * they are sent (members, each candidate with the endorsed first, the press).
 * What needs a look is shown as such, names from Drive stay text, and a
 * failure is shown in the step. Screenshots go to test-artifacts/sidebar/.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { placeholderList } from '../../src/core/announcement';
import type { AnnouncementRequest, AnnouncementView, CountView, SidebarState } from '../../src/shared/sidebarApi';
import { hasChromium, launchChromium, screenshotPath, warnIfNoChromium } from './chromium';
import { cannedCount, ScriptedError, scriptedServer } from './scripted';
import { cannedAnnouncement } from './scriptedAnnouncement';
import { badge, withSidebar, type PageWindow, type Session } from './session';
import type { SidebarHandler } from './sidebarServer';

warnIfNoChromium('the Announce step browser tests (test/browser/announce.test.ts)');

const WAIT = { timeout: 10_000 };

async function settled(page: Page): Promise<void> {
  await expect.poll(() => page.locator('#app').getAttribute('aria-busy'), WAIT).toBeNull();
}

/** Counts the votes from the Count step; the Announce step opens next. */
async function countFirst({ page, step }: Session): Promise<void> {
  await page.locator('#spreadsheet').filter({ hasText: /\S/ }).waitFor(WAIT);
  await step('count').locator(':scope > details > summary').click();
  await page.getByRole('button', { name: 'Count the votes' }).click();
  await step('count').locator('.count').waitFor(WAIT);
  await settled(page);
}

/** The three texts, as their checkboxes are labelled. */
const AUDIENCE_LABELS = ['Members: the statement', 'Candidates: a letter to each, the endorsed first', 'Press: the release'];
const exact = { exact: true };

const create = (page: Page) => page.getByRole('button', { name: 'Create the announcement' }).click();

/** The links of the Docs as shown: their text, where they go, and how they open. */
function shownLinks(page: Page) {
  return page.locator('#step-announce .documents a').evaluateAll((as) =>
    as.map((a) => [a.textContent, a.getAttribute('href'), a.getAttribute('target'), a.getAttribute('rel')]),
  );
}

/** The scripted server, with the outcome of each race of its count replaced. */
function withOutcomes(handler: SidebarHandler, change: (count: CountView) => CountView): SidebarHandler {
  return async (name, args) => {
    const answer = await handler(name, args);
    if (name === 'runCount') return change(answer as CountView);
    if (name === 'getSidebarState') {
      const state = answer as SidebarState;
      return { ...state, lastCount: state.lastCount && change(state.lastCount) };
    }
    return answer;
  };
}

describe.skipIf(!hasChromium)('the Announce step', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('after a count, creates the Docs of a race and lists them in the order they are sent', async () => {
    const server = scriptedServer();
    await withSidebar(browser, server.handler, async (s) => {
      const { page, trouble, step } = s;
      const announce = step('announce');
      await announce.locator(':scope > details > summary').click();
      await expect.poll(() => announce.locator('#announce-note').textContent(), WAIT).toBe('Available after a count.');
      await expect.poll(() => announce.locator('.announce-form').isVisible(), WAIT).toBe(false);

      await countFirst(s);
      // Every race of the count has a final outcome, so every race is offered, and all three texts are asked for.
      await expect.poll(() => announce.locator('#announce-race option').allTextContents(), WAIT).toEqual(cannedCount().races.map((r) => r.race));
      for (const label of AUDIENCE_LABELS) expect(await announce.getByLabel(label, exact).isChecked()).toBe(true);
      await expect.poll(() => badge(announce).textContent(), WAIT).toBe('Not started');
      await expect.poll(() => announce.locator('.step-summary').textContent(), WAIT).toBe('Ready to announce Mayor and District Attorney');
      await expect.poll(() => announce.locator('#announce-embargo-help').textContent(), WAIT).toContain('(America/Chicago)');

      await page.getByLabel('Folder', exact).fill('https://drive.google.com/drive/folders/endorse-2026');
      await page.getByLabel('Date of the announcement').fill('2026-06-08');
      await page.getByLabel('Embargo (optional)').fill('2026-06-09T09:00');
      await page.screenshot({ path: screenshotPath('5-announce-form'), fullPage: true });
      await create(page);
      await announce.locator('.announcement').waitFor(WAIT);
      await settled(page);

      const asked: AnnouncementRequest = {
        race: 'Mayor', audiences: ['members', 'candidates', 'press'], folder: 'https://drive.google.com/drive/folders/endorse-2026',
        announcementDate: '2026-06-08', embargo: '2026-06-09T09:00',
      };
      expect(server.argsOf('createAnnouncements')).toEqual([[asked]]);
      // Members hear first; then Ana Flores, endorsed, before the other candidates; the press last.
      const view: AnnouncementView = cannedAnnouncement(cannedCount(), asked, {}, new Set());
      expect((await shownLinks(page)).map(([name]) => name)).toEqual([
        "Members' statement: Mayor, June 8, 2026",
        'Letter to Ana Flores: Mayor, June 8, 2026',
        'Letter to Ben Okafor: Mayor, June 8, 2026',
        'Letter to Chloe Park: Mayor, June 8, 2026',
        'Press release: Mayor, June 8, 2026',
      ]);
      expect(await shownLinks(page)).toEqual(view.documents.map((d) => [d.name, d.url, '_blank', 'noopener']));
      await expect.poll(() => announce.locator('.folder').textContent(), WAIT).toBe('In the folder Endorsements 2026.');
      await expect.poll(() => announce.locator('.folder a').getAttribute('href'), WAIT).toBe(view.folder.url);
      expect(await announce.locator('.templates li').allTextContents()).toEqual([
        "For the members' statement: Endorse template: Members' statement (created just now in your My Drive; edit it as you like)",
        'For the letters to candidates: Endorse template: Letter to candidates (created just now in your My Drive; edit it as you like)',
        'For the press release: Endorse template: Press release (created just now in your My Drive; edit it as you like)',
      ]);
      await expect.poll(() => announce.locator('.warnings').count(), WAIT).toBe(0);
      await expect.poll(() => badge(announce).textContent(), WAIT).toBe('Done');
      await expect.poll(() => announce.locator('.step-summary').textContent(), WAIT).toBe('5 documents created for Mayor');
      await page.screenshot({ path: screenshotPath('5-announce'), fullPage: true });
      await announce.screenshot({ path: screenshotPath('5-announce-step') });

      // The next time, the same templates are used: nothing is created.
      await announce.getByLabel(AUDIENCE_LABELS[1]!, exact).uncheck();
      await announce.getByLabel('Race', exact).selectOption('District Attorney');
      await create(page);
      await expect.poll(() => announce.locator('.announcement h3').textContent(), WAIT).toMatch(/^District Attorney/);
      expect(server.argsOf('createAnnouncements')[1]![0]).toMatchObject({ race: 'District Attorney', audiences: ['members', 'press'] });
      await expect.poll(() => announce.locator('.documents [data-audience]').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-audience'))), WAIT).toEqual(['members', 'press']);
      await expect.poll(() => announce.locator('.created').count(), WAIT).toBe(0);
      expect(trouble).toEqual({ errors: [], dialogs: [] });
    });
  });

  it('shows a placeholder left unfilled as needing attention, by name', async () => {
    const server = scriptedServer({ announcement: { unfilled: ['endorsment'] } });
    await withSidebar(browser, server.handler, async (s) => {
      const { page, trouble, step } = s;
      await countFirst(s);
      const announce = step('announce');
      await create(page);
      await announce.locator('.announcement').waitFor(WAIT);
      await settled(page);

      const warnings = announce.locator('.warnings');
      await expect.poll(() => warnings.getByRole('heading').textContent(), WAIT).toBe('Needs attention');
      expect(await warnings.locator('li').allTextContents()).toEqual([
        "Members' statement: Mayor, May 29, 2026: {{endorsment}} has no value and is left as written (a misspelled name? see the list of placeholders).",
      ]);
      // The Doc itself is marked in the list, and only that one.
      await expect.poll(() => announce.locator('.documents li.attention').allTextContents(), WAIT).toEqual(["Members' statement: Mayor, May 29, 2026 (left as written: {{endorsment}})"]);
      await expect.poll(() => announce.locator('.documents li:not(.attention)').count(), WAIT).toBe(4);
      await expect.poll(() => badge(announce).textContent(), WAIT).toBe('Needs attention');
      await announce.screenshot({ path: screenshotPath('5-announce-warnings') });
      expect(trouble).toEqual({ errors: [], dialogs: [] });
    });
  });

  it('shows a hostile template name literally, and makes no link of an address that is not the web', async () => {
    const hostile = '<img src=x onerror="window.__xss=7">Our statement';
    const server = scriptedServer({ announcement: { givenTemplateName: hostile } });
    const handler: SidebarHandler = async (name, args) => {
      const answer = await server.handler(name, args);
      if (name !== 'createAnnouncements') return answer;
      const view = answer as AnnouncementView;
      return { ...view, folder: { name: 'Riverside Indivisible', url: 'javascript:window.__xss=8' } };
    };
    await withSidebar(browser, handler, async (s) => {
      const { page, trouble, step } = s;
      await countFirst(s);
      const announce = step('announce');
      await announce.getByText('Templates (optional)').click();
      await page.getByLabel("Members' statement", exact).fill('https://docs.google.com/document/d/our-statement/edit');
      await create(page);
      await announce.locator('.announcement').waitFor(WAIT);
      await settled(page);

      expect(server.argsOf('createAnnouncements')[0]![0]).toMatchObject({ templates: { members: 'https://docs.google.com/document/d/our-statement/edit' } });
      const members = announce.locator('.templates li[data-audience="members"]');
      await expect.poll(() => members.textContent(), WAIT).toBe(`For the members' statement: ${hostile}`);
      await expect.poll(() => members.locator('a').getAttribute('href'), WAIT).toBe('https://docs.google.com/document/d/our-statement/edit');
      await expect.poll(() => members.locator('img').count(), WAIT).toBe(0);
      await expect.poll(() => announce.locator('.folder').textContent(), WAIT).toBe('In the folder Riverside Indivisible.');
      await expect.poll(() => announce.locator('.folder a').count(), WAIT).toBe(0);
      expect(await page.evaluate(() => (globalThis as unknown as PageWindow).__xss)).toBeUndefined();
      await announce.screenshot({ path: screenshotPath('5-announce-injection') });
      expect(trouble).toEqual({ errors: [], dialogs: [] });
    });
  });

  it('shows a failure in the step with the server\'s message, and creates the Docs when tried again', async () => {
    const message = 'Endorse cannot open the folder "endorse-2026" (No item with the given ID could be found. Or perhaps you do not have permission to access it.). Endorse may only open folders it created: leave the folder empty to use the spreadsheet\'s folder.';
    const server = scriptedServer({ failOnce: { createAnnouncements: new ScriptedError('Exception', message) } });
    await withSidebar(browser, server.handler, async (s) => {
      const { page, trouble, step } = s;
      await countFirst(s);
      const announce = step('announce');

      // Nothing to write: said in place, and nothing is asked of the server.
      for (const label of AUDIENCE_LABELS) await announce.getByLabel(label, exact).uncheck();
      await create(page);
      await expect.poll(() => announce.getByRole('alert').textContent(), WAIT).toBe('Choose at least one text to write: for the members, the candidates or the press.');
      expect(server.argsOf('createAnnouncements')).toEqual([]);
      await announce.getByLabel(AUDIENCE_LABELS[0]!, exact).check();

      await create(page);
      await expect.poll(() => announce.locator('p.failure').textContent(), WAIT).toBe(message);
      await settled(page);
      await expect.poll(() => badge(announce).textContent(), WAIT).toBe('Needs attention');
      await expect.poll(() => announce.locator('.announcement').count(), WAIT).toBe(0);
      await expect.poll(() => page.locator('#busy').isVisible(), WAIT).toBe(false);
      await expect.poll(() => page.getByRole('button', { name: 'Create the announcement' }).isEnabled(), WAIT).toBe(true);
      await announce.screenshot({ path: screenshotPath('5-announce-failure') });

      await create(page);
      await announce.locator('.announcement').waitFor(WAIT);
      await expect.poll(() => announce.locator('p.failure').textContent(), WAIT).toBe('');
      await expect.poll(() => badge(announce).textContent(), WAIT).toBe('Done');
      expect(server.argsOf('createAnnouncements')).toHaveLength(2);
      expect(trouble).toEqual({ errors: [], dialogs: [] });
    });
  });

  it('offers only races with a final outcome, and says why the others wait', async () => {
    const server = scriptedServer();
    const handler = withOutcomes(server.handler, (count) => ({
      ...count,
      races: count.races.map((r) => (r.race === 'Mayor' ? { ...r, outcome: 'runoff-needed', endorsed: [] } : { ...r, outcome: 'no-quorum' })),
    }));
    await withSidebar(browser, handler, async (s) => {
      const { step, trouble } = s;
      await countFirst(s);
      const announce = step('announce');
      await expect.poll(() => announce.locator('#announce-race option').allTextContents(), WAIT).toEqual(['District Attorney']);
      expect(await announce.locator('.waiting li').allTextContents()).toEqual([
        'Mayor waits for its runoff vote between Ana Flores and Ben Okafor: announce it once the runoff is counted.',
      ]);
      expect(trouble).toEqual({ errors: [], dialogs: [] });
    });
  });

  it('lists every placeholder a template may use, with what it holds and an example', async () => {
    const server = scriptedServer();
    await withSidebar(browser, server.handler, async (s) => {
      const { page, step, trouble } = s;
      const announce = step('announce');
      await announce.locator(':scope > details > summary').click();
      expect(server.argsOf('announcementPlaceholders')).toEqual([]);
      await announce.getByText('Placeholders', { exact: true }).click();
      const list = announce.locator('dl.placeholders');
      await list.waitFor(WAIT);
      const expected = placeholderList();
      expect(await list.locator('dt code').allTextContents()).toEqual(
        expected.map((p) => (p.kind === 'text' ? `{{${p.name}}}` : p.kind === 'yes/no' ? `{{#if ${p.name}}}` : p.name)),
      );
      const race = expected.find((p) => p.name === 'race')!;
      await expect.poll(() => list.locator('dd').nth(expected.indexOf(race)).textContent(), WAIT).toBe(`${race.description} Example: \u201c${race.example}\u201d`);
      await page.screenshot({ path: screenshotPath('5-announce-placeholders'), fullPage: true });
      // Loaded once: folding and opening again asks nothing more.
      await announce.getByText('Placeholders', { exact: true }).click();
      await announce.getByText('Placeholders', { exact: true }).click();
      expect(server.argsOf('announcementPlaceholders')).toHaveLength(1);
      expect(trouble).toEqual({ errors: [], dialogs: [] });
    });
  });
});
