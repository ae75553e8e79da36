/**
 * The Announce step's state as the sidebar reads it from dist/Code.js in its
 * sandbox: ready after a count, then how many Docs were created for each race,
 * remembered in the spreadsheet so a sidebar opened tomorrow still says so.
 */
import { describe, expect, it } from 'vitest';
import type { SidebarState } from '../../src/shared/sidebarApi';
import { countedExample, openAnnounceWorld, type AnnounceWorld } from './announceWorld';
import { exampleSettings } from './world';

const announceStep = (env: AnnounceWorld) => env.run<SidebarState>('getSidebarState').steps.announce;

/** The Docs the fake Drive holds for a race, whatever the view said. */
const docsFor = (env: AnnounceWorld, race: string) =>
  [...env.docs.drive.files.values()].filter((f) => f.doc && f.name.includes(`: ${race}, `));

describe('the Announce step, on the add-on', () => {
  it('is ready after the count, then says how many Docs were created for the race', () => {
    const env = countedExample();
    expect(announceStep(env)).toEqual({ state: 'not-started', summary: 'Ready to announce Mayor and District Attorney' });
    env.announce({ race: 'Mayor', announcementDate: '2026-06-08' });
    const made = docsFor(env, 'Mayor').length;
    // The statement, a letter to each of the four candidates, the press release.
    expect(made).toBe(1 + 4 + 1);
    expect(announceStep(env)).toEqual({ state: 'done', summary: `${made} documents created for Mayor` });
  });

  it('counts the Docs of every race the menu announced', () => {
    const env = countedExample();
    env.run('createAnnouncementFromMenu');
    expect(announceStep(env).summary).toBe(`${docsFor(env, 'Mayor').length} documents created for Mayor; ${docsFor(env, 'District Attorney').length} for District Attorney`);
  });

  it('needs attention when a template left a placeholder unfilled, until the race is announced again without it', () => {
    const env = countedExample();
    const typo = env.docs.addDocument({ name: 'Our statement', body: ['{{group}} endorses {{endorsment}}.'] });
    const view = env.announce({ race: 'Mayor', templates: { members: typo.id } });
    expect(view.warnings).toHaveLength(1);
    expect(announceStep(env)).toEqual({ state: 'needs-attention', summary: `${view.documents.length} documents created for Mayor; 1 warning: placeholders left as written` });
    const again = env.announce({ race: 'Mayor' });
    expect(announceStep(env)).toEqual({ state: 'done', summary: `${again.documents.length} documents created for Mayor` });
  });

  it('asks for a new count once the rules change, and forgets the Docs of the older count once counted again', () => {
    const env = countedExample();
    env.announce({ race: 'District Attorney' });
    env.run('saveSettings', { ...exampleSettings(), rules: { ...exampleSettings().rules, threshold: '3/5' } });
    expect(announceStep(env)).toEqual({ state: 'not-started', summary: 'Count again first: the rules or the sheets changed since the last count' });
    env.run('runCount');
    expect(announceStep(env).summary).toMatch(/^Ready to announce /);
  });

  it('says which race waits for its runoff vote', () => {
    const env = openAnnounceWorld();
    env.run('saveSettings', { ...exampleSettings(), sources: { ...exampleSettings().sources, secondVotes: [] } });
    env.run('runCount');
    const { lastCount } = env.run<SidebarState>('getSidebarState');
    const mayor = lastCount!.races.find((r) => r.race === 'Mayor')!;
    expect(mayor.outcome).toBe('runoff-needed');
    expect(announceStep(env).summary).toContain(`Mayor waits (runoff needed between ${mayor.finalists.join(' and ')})`);
  });

  it('a failed creation changes nothing in the step', () => {
    const env = countedExample();
    const before = announceStep(env);
    expect(env.failure('createAnnouncements', { race: 'Mayor', folder: 'https://drive.google.com/drive/folders/nowhere' })).toMatch(/cannot open the folder/);
    expect(announceStep(env)).toEqual(before);
  });
});
