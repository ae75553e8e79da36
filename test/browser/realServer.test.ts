/**
 * The real server's calls cross as google.script.run's do (no browser needed):
 * JSON both ways, and failures named as the page's failure handler sees them.
 */
import { describe, expect, it } from 'vitest';
import { RULES_KEY } from '../../src/server/settings';
import { exampleRules } from '../server/world';
import { realServer } from './realServer';

async function failure(work: () => unknown): Promise<Error> {
  try {
    await work();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the call to fail');
}

describe('the real server for the sidebar', () => {
  it('opens on the example\'s spreadsheet, with the group\'s rules saved when asked', async () => {
    const { handler } = realServer({ rules: exampleRules() });
    const state = (await handler('getSidebarState', [])) as { sheetNames: string[]; settings: { rules: unknown } };
    expect(state.sheetNames).toEqual(['Form Responses 1', 'Roster', 'Attendance', 'Proxies', 'Runoff responses']);
    expect(state.settings.rules).toEqual(exampleRules());
    const bare = (await realServer().handler('getSidebarState', [])) as { settings: { rules: unknown } };
    expect(bare.settings.rules).toEqual({});
  });

  it('a Date in a result arrives as its ISO string, as JSON carries it', async () => {
    const { handler } = realServer();
    const table = (await handler('ENDORSE_TIMELINE', ['2026-11-03'])) as unknown[][];
    const dates = table.slice(1).map((row) => row[0]);
    expect(dates.length).toBeGreaterThan(0);
    for (const date of dates) expect(date).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });

  it('arguments reach the bundle as its own plain objects: the rules schema accepts them', async () => {
    const { handler, world } = realServer();
    await handler('saveSettings', [{ rules: { threshold: '3/5' }, sources: { secondVotes: [] } }]);
    expect(JSON.parse(world.properties.document.values.get(RULES_KEY)!)).toEqual({ threshold: '3/5' });
  });

  it('a server error reaches the page as its name and message; an unknown function as Apps Script names it', async () => {
    const { handler, world } = realServer({ rules: exampleRules() });
    world.locks.document.holdByAnother();
    const busy = await failure(() => handler('runCount', []));
    expect(busy).toBeInstanceOf(Error);
    expect(`${busy.name}: ${busy.message}`).toMatch(/^Error: A count is already running/);
    const missing = await failure(() => handler('deleteEverything', []));
    expect(`${missing.name}: ${missing.message}`).toBe('ReferenceError: Script function not found: deleteEverything');
  });

  it('the clock can be fixed, so a count is stamped alike on every run', async () => {
    const now = Date.UTC(2026, 5, 6, 12);
    const { handler } = realServer({ rules: exampleRules(), now });
    const view = (await handler('runCount', [])) as { countedAt: string };
    expect(view.countedAt).toBe(new Date(now).toISOString());
  });
});
