/**
 * The sidebar in Chromium on the real add-on: dist/Code.js on the fakes with
 * the example election loaded (test/browser/realServer.ts). A leader sets the
 * rules, picks the sheets, checks eligibility and counts; what the panel shows
 * is held against what the bundle wrote into the spreadsheet, and the
 * announcement's links against the Docs it wrote into the fake Drive.
 * Screenshots of each step go to test-artifacts/sidebar/real-*.png.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RulesInput } from '../../src/core/rules';
import { RULES_KEY, SOURCES_KEY } from '../../src/server/settings';
import { linesOf } from '../fakes/docsWorld';
import type { SheetsWorld } from '../fakes/index';
import { exampleRules } from '../server/world';
import { hasChromium, launchChromium, screenshotPath, warnIfNoChromium } from './chromium';
import { realServer } from './realServer';
import { badge, rowsOf, withSidebar, type PageElement, type Session } from './session';

warnIfNoChromium('the sidebar browser tests on the real bundle (test/browser/realVote.test.ts)');

const WAIT = { timeout: 15_000 };

/** 2026-06-06 12:00 UTC, after the runoff closed: 07:00 in Chicago, the spreadsheet's zone. */
const NOW = Date.UTC(2026, 5, 6, 12);

/** What the leader types into the rules form: the settings decided for this vote. */
const TYPED = { asOf: '2026-05-20', opens: '2026-05-22 09:00', closes: '2026-05-27 21:00' };

/**
 * The group's standing rules, saved before this vote (races, statuses, the
 * runoff's window, columns to ignore): the example's, without what the leader
 * sets in the form for this vote.
 */
function standingRules(): RulesInput {
  const { threshold: _t, comparison: _c, window: _w, eligibility, ...rest } = exampleRules();
  const { asOf: _a, ...standing } = eligibility ?? {};
  return { ...rest, eligibility: standing };
}

const OUTCOME_BADGE: Record<string, string> = { endorsed: 'Endorsed', 'no-endorsement': 'No endorsement' };

interface SheetRound {
  label: string;
  rows: string[][];
  votesCast: string;
  decisions: string[];
}
interface SheetRace {
  race: string;
  outcome: string;
  endorsed: string;
  summary: string;
  rounds: SheetRound[];
}

/** The Results sheet as a member reads it: the header figures, then a block per race with a table per round. */
function resultsSheet(world: SheetsWorld) {
  const rows = world.sheet('Results').displayValues();
  const value = (label: string) => rows.find((r) => r[0] === label)?.[1];
  const races: SheetRace[] = [];
  rows.forEach((row, i) => {
    const next = rows[i + 1];
    if (next?.[0] === 'Outcome') {
      races.push({ race: row[0]!, outcome: next[1]!, endorsed: rows[i + 2]![1]!, summary: rows[i + 3]![1]!, rounds: [] });
    } else if (next && next.join('|') === 'Option|Votes|Share') {
      const body = rows.slice(i + 2);
      const end = body.findIndex((r) => r[0] === 'Votes cast');
      const after = body.slice(end + 1);
      const last = after.findIndex((r) => r[0] !== 'Decision');
      const decisions = after.slice(0, last < 0 ? after.length : last).map((r) => r[1]!);
      races[races.length - 1]!.rounds.push({ label: row[0]!, rows: body.slice(0, end), votesCast: body[end]![1]!, decisions });
    }
  });
  return { countedAt: value('Counted at'), received: value('Ballots received'), counted: value('Ballots counted'), refused: value('Ballots refused'), turnout: value('Turnout'), races };
}

/** The Refused sheet: one row per refused ballot, then a summary of titles and counts. */
function refusedSheet(world: SheetsWorld) {
  const rows = world.sheet('Refused').displayValues();
  const reason = rows[0]!.indexOf('Reason');
  const blank = rows.findIndex((r) => r.every((c) => c === ''));
  const perReason = new Map<string, number>();
  for (const r of rows.slice(1, blank)) perReason.set(r[reason]!, (perReason.get(r[reason]!) ?? 0) + 1);
  const summaryAt = rows.findIndex((r) => r[0] === 'Reason' && r[1] === 'Count');
  return { perReason: [...perReason], summary: rows.slice(summaryAt + 1).filter((r) => r[0] !== '').map((r) => [r[0]!, r[1]!]) };
}

function savedProperty(world: SheetsWorld, key: string): unknown {
  const text = world.properties.document.values.get(key);
  return text === undefined ? undefined : JSON.parse(text);
}

async function openStep(s: Session, key: Parameters<Session['step']>[0]): Promise<Locator> {
  const step = s.step(key);
  if (!(await step.locator(':scope > details').evaluate((d) => (d as unknown as PageElement).open))) await step.locator(':scope > details > summary').click();
  return step;
}

/** Waits for the call a click started to end: the sidebar is busy from the click until the answer is shown. */
async function settled(page: Page): Promise<void> {
  await expect.poll(() => page.locator('#app').getAttribute('aria-busy'), WAIT).toBeNull();
}

/** Picks the example's sheets from the dropdowns (or others: '' is "(none)"), and saves them. */
async function chooseSources(page: Page, step: Locator, chosen: { roster?: string; proxies?: string } = {}): Promise<void> {
  const dropdown = (name: RegExp) => step.getByRole('combobox', { name });
  await dropdown(/^Responses/).selectOption('Form Responses 1');
  await dropdown(/^Roster/).selectOption(chosen.roster ?? 'Roster');
  await dropdown(/^Attendance/).selectOption('Attendance');
  await dropdown(/^Proxies/).selectOption(chosen.proxies ?? 'Proxies');
  const second = step.getByLabel('Runoff responses');
  if (!(await second.isVisible())) await step.getByText('Second votes (runoff ballots)').click();
  await second.check();
  await page.getByRole('button', { name: 'Save and check the sheets' }).click();
  await settled(page);
}

describe.skipIf(!hasChromium)('the sidebar on the real add-on, with the example election', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('takes a leader through a whole vote, and shows what the add-on wrote into the spreadsheet', async () => {
    const server = realServer({ rules: standingRules(), now: NOW });
    const { world } = server;

    await withSidebar(browser, server.handler, async (s) => {
      const { page, trouble, step } = s;
      await expect.poll(() => page.locator('#spreadsheet').textContent(), WAIT).toBe(world.spreadsheet.name);

      // 1. Rules: the threshold, who may vote and when, typed as a leader would.
      const rules = await openStep(s, 'rules');
      await expect.poll(() => badge(rules).textContent(), WAIT).toBe('Done');
      await page.getByLabel('Votes needed').selectOption('2/3');
      await page.getByLabel('Comparison').selectOption('at-least');
      await page.getByLabel('Eligible as of').fill(TYPED.asOf);
      await page.getByLabel('Voting opens').fill(TYPED.opens);
      await page.getByLabel('Voting closes').fill(TYPED.closes);
      await expect.poll(() => rules.locator('.unsaved').isVisible(), WAIT).toBe(true);
      await page.screenshot({ path: screenshotPath('real-1-rules-form'), fullPage: true });
      await page.getByRole('button', { name: 'Save rules' }).click();
      await settled(page);
      await expect.poll(() => rules.locator('.unsaved').isVisible(), WAIT).toBe(false);
      await expect.poll(() => rules.locator('p.failure').textContent(), WAIT).toBe('');
      // Saved in the document's properties: what was typed, over the group's standing rules.
      const standing = standingRules();
      expect(savedProperty(world, RULES_KEY)).toEqual({
        ...standing,
        threshold: '2/3',
        comparison: 'at-least',
        eligibility: { ...standing.eligibility, asOf: TYPED.asOf },
        window: { opens: TYPED.opens, closes: TYPED.closes },
      });
      await page.screenshot({ path: screenshotPath('real-1-rules'), fullPage: true });

      // 2. Sources, from the dropdowns; what the add-on recognized in them.
      const sources = await openStep(s, 'sources');
      await chooseSources(page, sources);
      expect(savedProperty(world, SOURCES_KEY)).toEqual({
        responses: 'Form Responses 1', roster: 'Roster', attendance: 'Attendance', proxies: 'Proxies', secondVotes: ['Runoff responses'],
      });
      const responses = world.sheet('Form Responses 1').displayValues();
      const recognized = await sources.locator('.preview').innerText();
      expect(recognized).toContain(`\u201cForm Responses 1\u201d: ${responses.length - 1} responses.`);
      expect(recognized).toContain(`Roster: ${world.sheet('Roster').displayValues().length - 1} members.`);
      // The example's columns to ignore end in a question mark: no stray full stop after it.
      await expect.poll(() => sources.locator('.preview > p.secondary').textContent(), WAIT).toBe('Not races, so ignored: Your name, Anything else?');
      await expect.poll(() => sources.locator('.races > li > .race-name').allTextContents(), WAIT).toEqual(Object.keys(standing.races ?? {}));
      const mayorColumn = responses[0]!.indexOf('Mayor');
      const mayorChoices = new Set(responses.slice(1).map((r) => r[mayorColumn]).filter((c) => c !== ''));
      expect(new Set(await sources.locator('.races > li').first().locator('.candidates li').allTextContents())).toEqual(mayorChoices);
      await expect.poll(() => badge(sources).textContent(), WAIT).toBe('Done');
      await page.screenshot({ path: screenshotPath('real-2-sources'), fullPage: true });

      // 3. Eligibility: the figures are those of the sheet the add-on wrote.
      const eligibility = await openStep(s, 'eligibility');
      await page.getByRole('button', { name: 'Check eligibility' }).click();
      await eligibility.locator('.result').waitFor(WAIT);
      const eligible = world.sheet('Eligible voters').displayValues().slice(1);
      const mayVote = eligible.filter((r) => r[2] === 'yes').length;
      expect(await eligibility.locator('.result p').allTextContents()).toEqual([
        `${mayVote} of ${eligible.length} members may vote.`,
        'Eligible as of May 20, 2026.',
        'The list is in the sheet \u201cEligible voters\u201d.',
      ]);
      await expect.poll(() => badge(eligibility).textContent(), WAIT).toBe('Done');
      // The as-of date in the step's summary stays on one line at 300 px.
      await expect.poll(() => eligibility.locator('.step-summary .date').allTextContents(), WAIT).toEqual([TYPED.asOf]);
      await page.screenshot({ path: screenshotPath('real-3-eligibility'), fullPage: true });

      // 4. Count.
      const count = await openStep(s, 'count');
      await page.getByRole('button', { name: 'Count the votes' }).click();
      await count.locator('.count').waitFor(WAIT);
      await expect.poll(() => page.locator('#busy').isVisible(), WAIT).toBe(false);
      const results = resultsSheet(world);
      const refused = refusedSheet(world);

      // The example's outcome: after the runoff the Mayor race endorses Ana Diaz; the District Attorney race endorses nobody.
      const mayor = results.races.find((r) => r.race === 'Mayor')!;
      expect([mayor.outcome, mayor.endorsed, mayor.rounds.map((r) => r.label)]).toEqual(['endorsed', 'Ana Diaz', ['Round 1', 'Runoff']]);
      expect(results.races.find((r) => r.race === 'District Attorney')!.outcome).toBe('no-endorsement');

      expect(results.countedAt).toBe('2026-06-06 07:00:00');
      await expect.poll(() => count.locator('.count > p').first().textContent(), WAIT).toBe('Counted Jun 6, 2026, 7:00 AM.');
      const [voted, ofEligible] = /^(\d+) of (\d+)/.exec(results.turnout ?? '')!.slice(1);
      expect(await count.locator('.count > p').nth(1).textContent()).toMatch(
        new RegExp(`^${results.received} ballots received: ${results.counted} accepted, ${results.refused} refused\\. Turnout: ${voted} of ${ofEligible} eligible members \\(\\d+%\\)\\.$`),
      );

      const races = count.locator('article.race');
      await expect.poll(() => races.locator('h3 .race-name').allTextContents(), WAIT).toEqual(results.races.map((r) => r.race));
      await expect.poll(() => races.locator('h3 .badge').allTextContents(), WAIT).toEqual(results.races.map((r) => OUTCOME_BADGE[r.outcome]));
      await expect.poll(() => races.locator('.race-summary').allTextContents(), WAIT).toEqual(results.races.map((r) => r.summary));
      for (const [i, race] of results.races.entries()) {
        const card = races.nth(i);
        const tables = card.locator('table');
        await expect.poll(() => tables.count(), WAIT).toBe(race.rounds.length);
        for (const [j, round] of race.rounds.entries()) {
          expect(await rowsOf(tables.nth(j)), `${race.race}, ${round.label}`).toEqual(round.rows);
          await expect.poll(() => tables.nth(j).locator('caption').textContent(), WAIT).toContain(`${round.label} \u00b7 needs `);
          await expect.poll(() => tables.nth(j).locator('caption').textContent(), WAIT).toContain(` of ${round.votesCast} votes cast`);
        }
        await expect.poll(() => card.locator('.decisions li').allTextContents(), WAIT).toEqual(race.rounds.flatMap((r) => r.decisions));
        await expect.poll(() => card.locator('tr.winner th').allTextContents(), WAIT).toEqual(race.outcome === 'endorsed' ? [race.endorsed] : []);
      }

      // Refusals by reason, as the Refused sheet sums them up and as its rows count them.
      const refusals = count.locator('table.refusals');
      expect(await rowsOf(refusals)).toEqual(refused.summary);
      const shownPerReason = await refusals.locator('tbody tr').evaluateAll((trs) =>
        trs.map((tr) => [(tr as unknown as { dataset: Record<string, string> }).dataset['reason'], Number((tr as unknown as PageElement).children[1]!.textContent)]),
      );
      expect(shownPerReason).toEqual(refused.perReason);
      expect(await count.innerText()).toContain('Each refused ballot is listed with its row and reason in the sheet \u201cRefused\u201d.');
      expect(world.spreadsheet.sheets.map((sheet) => sheet.name)).toEqual(expect.arrayContaining(['Results', 'Refused', 'Ballots', 'Eligible voters', 'Rules']));
      await expect.poll(() => badge(count).textContent(), WAIT).toBe('Done');
      await page.screenshot({ path: screenshotPath('real-4-count'), fullPage: true });
      await count.screenshot({ path: screenshotPath('real-4-count-step') });

      // 5. Announce the Mayor race: the links shown are the Docs the add-on wrote beside the spreadsheet.
      const announce = await openStep(s, 'announce');
      await expect.poll(() => announce.locator('#announce-race option').allTextContents(), WAIT).toEqual(results.races.map((r) => r.race));
      await announce.getByLabel('Race', { exact: true }).selectOption('Mayor');
      await page.getByLabel('Date of the announcement', { exact: true }).fill('2026-06-08');
      await page.getByRole('button', { name: 'Create the announcement' }).click();
      await announce.locator('.announcement').waitFor(WAIT);
      await settled(page);
      await expect.poll(() => announce.locator('p.failure').textContent(), WAIT).toBe('');

      const { docs, folder } = server;
      const written = docs.drive.filesIn(folder).filter((f) => f.doc !== null);
      const links = await announce.locator('.documents a').evaluateAll((as) => as.map((a) => [a.textContent, a.getAttribute('href'), a.getAttribute('target')]));
      expect(links).toEqual(written.map((f) => [f.name, f.url, '_blank']));
      // Members first; then a letter to each candidate on the ballot, the endorsed first; the press last.
      const candidates = mayor.rounds[0]!.rows.map((r) => r[0]!).filter((option) => option !== 'No endorsement');
      const names = links.map(([name]) => name!);
      expect(names[0]).toBe("Members' statement: Mayor, June 8, 2026");
      expect(names[1]).toBe(`Letter to ${mayor.endorsed}: Mayor, June 8, 2026`);
      expect(names.slice(1, -1).sort()).toEqual(candidates.map((c) => `Letter to ${c}: Mayor, June 8, 2026`).sort());
      expect(names[names.length - 1]).toBe('Press release: Mayor, June 8, 2026');
      // The statement says what the Results sheet says.
      const statement = linesOf(docs.dump(written[0]!.id).body).join('\n');
      expect(statement).toContain(`endorses ${mayor.endorsed} for Mayor.`);
      expect(statement).toContain(mayor.summary);
      await expect.poll(() => announce.locator('.folder a').evaluate((a) => [a.textContent, a.getAttribute('href')]), WAIT).toEqual([folder.name, folder.url]);
      // Our three templates, made in My Drive on this first use.
      const templates = docs.drive.filesIn(docs.drive.root);
      await expect.poll(() => announce.locator('.templates a').evaluateAll((as) => as.map((a) => [a.textContent, a.getAttribute('href')])), WAIT).toEqual(templates.map((f) => [f.name, f.url]));
      await expect.poll(() => announce.locator('.templates .created').count(), WAIT).toBe(3);
      await expect.poll(() => announce.locator('.warnings').count(), WAIT).toBe(0);
      await expect.poll(() => badge(announce).textContent(), WAIT).toBe('Done');
      await expect.poll(() => announce.locator('.step-summary').textContent(), WAIT).toBe(`${written.length} documents created for Mayor`);
      await page.screenshot({ path: screenshotPath('real-5-announce'), fullPage: true });
      await announce.screenshot({ path: screenshotPath('real-5-announce-step') });

      expect(server.calls.map((c) => c.name)).toContain('runCount');
      expect(trouble).toEqual({ errors: [], dialogs: [] });
    });
  });

  it('shows the add-on\'s own failures in place: a roster without an Email column, a count already running', async () => {
    const server = realServer({ rules: exampleRules(), now: NOW });
    const { world } = server;

    await withSidebar(browser, server.handler, async (s) => {
      const { page, trouble } = s;
      await expect.poll(() => page.locator('#spreadsheet').textContent(), WAIT).toBe(world.spreadsheet.name);

      // The proxies sheet chosen as the roster too: refused when saved, with the reason where the leader chose.
      const sources = await openStep(s, 'sources');
      const savedBefore = savedProperty(world, SOURCES_KEY);
      await chooseSources(page, sources, { roster: 'Proxies' });
      expect(await sources.getByRole('alert').textContent()).toMatch(/"Proxies" is chosen both as the roster and as the proxy list/);
      await expect.poll(() => badge(sources).textContent(), WAIT).toBe('Needs attention');
      expect(savedProperty(world, SOURCES_KEY)).toEqual(savedBefore);
      await sources.screenshot({ path: screenshotPath('real-failure-sources-saved') });

      // As the roster alone: it names members, but has no Email column.
      const proxiesHeader = world.sheet('Proxies').displayValues()[0]!;
      expect(proxiesHeader).not.toContain('Email');
      await chooseSources(page, sources, { roster: 'Proxies', proxies: '' });
      await expect.poll(() => sources.locator('.problems li').allTextContents(), WAIT).toEqual([expect.stringMatching(/^Proxies, row 1: no "Email" column/)]);
      await expect.poll(() => badge(sources).textContent(), WAIT).toBe('Needs attention');
      await page.screenshot({ path: screenshotPath('real-failure-sources'), fullPage: true });

      const eligibility = await openStep(s, 'eligibility');
      await page.getByRole('button', { name: 'Check eligibility' }).click();
      const failure = eligibility.getByRole('alert');
      await expect.poll(() => failure.textContent(), WAIT).toMatch(/^Proxies, row 1: no "Email" column/);
      for (const column of proxiesHeader) expect(await failure.textContent()).toContain(`"${column}"`);
      await expect.poll(() => badge(eligibility).textContent(), WAIT).toBe('Needs attention');
      expect(world.spreadsheet.sheet('Eligible voters')).toBeUndefined();
      await eligibility.screenshot({ path: screenshotPath('real-failure-roster') });

      // The right roster, but another leader's count holds the document lock.
      await chooseSources(page, await openStep(s, 'sources'));
      await expect.poll(() => badge(s.step('sources')).textContent(), WAIT).toBe('Done');
      world.locks.document.holdByAnother();
      const count = await openStep(s, 'count');
      await page.getByRole('button', { name: 'Count the votes' }).click();
      await expect.poll(() => count.getByRole('alert').textContent(), WAIT).toContain('A count is already running');
      await expect.poll(() => badge(count).textContent(), WAIT).toBe('Needs attention');
      expect(world.spreadsheet.sheet('Results')).toBeUndefined();
      await expect.poll(() => page.getByRole('button', { name: 'Count the votes' }).isEnabled(), WAIT).toBe(true);
      await count.screenshot({ path: screenshotPath('real-failure-lock') });

      // Once it lets go, the same button counts.
      world.locks.document.releaseByAnother();
      await page.getByRole('button', { name: 'Count the votes' }).click();
      await count.locator('.count').waitFor(WAIT);
      await expect.poll(() => count.locator('p.failure').textContent(), WAIT).toBe('');
      expect(world.spreadsheet.sheet('Results')).toBeDefined();
      expect(trouble).toEqual({ errors: [], dialogs: [] });
    });
  });
});
