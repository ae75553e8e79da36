/**
 * A whole generation through dist/Code.js in its sandbox: the example vote is
 * counted, then "Create announcement" copies our default templates into Docs
 * filled with the Mayor's result, in the spreadsheet's folder.
 */
import { describe, expect, it } from 'vitest';
import { placeholderList } from '../../src/core/announcement';
import type { CountView, PlaceholderView } from '../../src/shared/sidebarApi';
import { paragraphOf, linesOf, type DocDump, type ParagraphDump, type TableDump } from '../fakes/docsWorld';
import { adopt } from '../fakes/docModel';
import { countedExample, docIdOf, openAnnounceWorld } from './announceWorld';
import { exampleSettings } from './world';

const request = { race: 'Mayor', announcementDate: '2026-06-08', embargo: '2026-06-09T09:00' };
const paragraphs = (dump: DocDump) => dump.body.filter((b): b is ParagraphDump => 'text' in b);
const tables = (dump: DocDump) => dump.body.filter((b): b is TableDump => 'rows' in b);

describe('creating the announcement of the example vote', () => {
  const env = countedExample();
  const count = env.run<{ lastCount: CountView }>('getSidebarState').lastCount;
  env.world.calls.reset();
  const view = env.announce(request);
  const dumpOf = (name: string) => env.docs.dump(docIdOf(view.documents.find((d) => d.name.startsWith(name))!.url));

  it('writes the members\' statement, a letter to each candidate (the endorsed first), then the press release, named for the race and the day', () => {
    expect(view.documents.map((d) => [d.audience, d.name])).toEqual([
      ['members', "Members' statement: Mayor, June 8, 2026"],
      ['candidates', 'Letter to Ana Diaz: Mayor, June 8, 2026'],
      ['candidates', 'Letter to Bo Li: Mayor, June 8, 2026'],
      ['candidates', 'Letter to Carmen Ruiz: Mayor, June 8, 2026'],
      ['candidates', 'Letter to Dev Patel: Mayor, June 8, 2026'],
      ['press', 'Press release: Mayor, June 8, 2026'],
    ]);
    expect(view.warnings).toEqual([]);
  });

  it('puts them in the spreadsheet\'s folder, and returns their links', () => {
    expect(view.folder).toEqual({ name: 'Riverside Indivisible', url: env.folder.url });
    for (const d of view.documents) {
      const file = env.docs.drive.files.get(docIdOf(d.url))!;
      expect(file.name).toBe(d.name);
      expect(file.parents).toEqual([env.folder]);
    }
  });

  it('creates our three templates in My Drive on first use, and remembers them in the spreadsheet', () => {
    expect(view.templates.map((t) => [t.audience, t.name, t.created])).toEqual([
      ['members', "Endorse template: Members' statement", true],
      ['candidates', 'Endorse template: Letter to candidates', true],
      ['press', 'Endorse template: Press release', true],
    ]);
    for (const t of view.templates) {
      expect(env.docs.drive.files.get(docIdOf(t.url))!.parents).toEqual([env.docs.drive.root]);
      expect(env.world.properties.document.values.get(`endorse.template.${t.audience}`)).toBe(docIdOf(t.url));
    }
  });

  it('builds each template Doc from its Markdown: a heading, bold, and the count as a table with a {{round.*}} row', () => {
    const template = env.docs.dump(docIdOf(view.templates[0]!.url));
    const heading = paragraphs(template).find((p) => p.heading === 'HEADING1')!;
    expect(heading.text).toMatch(/^\{\{#if endorsed\}\}Our members endorse \{\{endorsed\}\}/);
    expect(paragraphs(template).find((p) => p.text.includes('endorses {{endorsed}}'))!.runs).toContainEqual({ text: '{{endorsed}}', bold: true });
    const [table] = tables(template);
    expect(table!.rows).toEqual([['Round', 'Choice', 'Votes', 'Share'], ['{{round.label}}', '{{round.option}}', '{{round.votes}}', '{{round.share}}']]);
    expect(table!.cells[0]!.every(([p]) => p!.runs.every((r) => r.bold))).toBe(true);
    // A block tag alone on its line is a paragraph of its own, which the fill drops.
    expect(paragraphs(template).map((p) => p.text)).toEqual(expect.arrayContaining(['{{#if endorsed}}', '{{else}}', '{{/if}}']));
  });

  it('fills the statement in place: the dates in words, the heading and the bold kept, no placeholder or block tag left', () => {
    const members = dumpOf("Members' statement");
    const lines = linesOf(members.body);
    expect(lines[0]).toBe('June 8, 2026');
    expect(paragraphs(members).find((p) => p.heading === 'HEADING1')!.text).toBe('Our members endorse Ana Diaz for Mayor');
    const result = paragraphs(members).find((p) => p.text.startsWith('The vote closed on June 5, 2026'))!;
    expect(result.runs).toContainEqual({ text: 'Ana Diaz', bold: true });
    expect(result.text).toContain('Riverside Indivisible endorses Ana Diaz for Mayor.');
    expect(lines.join('\n')).not.toContain('{{');
    expect(lines.join('\n')).not.toContain('No candidate reached the threshold');
    expect(lines).toContain('What comes next');
  });

  it('repeats the table row once per option of each round, as the count has them', () => {
    const [table] = tables(dumpOf("Members' statement"));
    const expected = count.races.find((r) => r.race === 'Mayor')!.rounds.flatMap((round) => round.rows.map(([option, votes]) => [round.label, option, String(votes)]));
    expect(table!.rows[0]).toEqual(['Round', 'Choice', 'Votes', 'Share']);
    expect(table!.rows.slice(1).map((cells) => cells.slice(0, 3))).toEqual(expected);
    for (const cells of table!.rows.slice(1)) expect(cells[3]).toMatch(/^\d+(\.\d)?%$/);
  });

  it('addresses each letter to its candidate: congratulations to the endorsed, thanks to the others', () => {
    const ana = linesOf(dumpOf('Letter to Ana Diaz').body).join('\n');
    expect(ana).toContain('Dear Ana Diaz,');
    expect(ana).toContain('congratulations');
    expect(ana).toContain('with an embargo until June 9, 2026, 9:00 AM CDT');
    const bo = linesOf(dumpOf('Letter to Bo Li').body).join('\n');
    expect(bo).toContain('Dear Bo Li,');
    expect(bo).toContain('our members chose to endorse Ana Diaz for Mayor');
  });

  it('opens the press release with the embargo, in bold', () => {
    const [first] = paragraphs(dumpOf('Press release'));
    expect(first!.runs).toEqual([{ text: 'EMBARGOED UNTIL June 9, 2026, 9:00 AM CDT', bold: true }]);
  });

  it('writes every value with insertText, never with replaceText', () => {
    expect(env.world.calls.count('*.insertText')).toBeGreaterThan(0);
    expect(env.world.calls.count('*.replaceText')).toBe(0);
    expect(env.world.calls.count('*.findText')).toBeGreaterThan(0);
  });

  it('uses the remembered templates the next time, with the group\'s own edits', () => {
    const members = env.docs.docs.get(docIdOf(view.templates[0]!.url))!;
    adopt(members.body, paragraphOf('Our steering committee signs off on {{race}}.'), members.body.children.length - 1);
    const creates = env.world.calls.count('DocumentApp.create');
    const next = env.announce({ race: 'District Attorney', audiences: ['members'], announcementDate: '2026-06-08' });
    expect(env.world.calls.count('DocumentApp.create')).toBe(creates);
    expect(next.templates).toEqual([expect.objectContaining({ audience: 'members', created: false })]);
    const lines = linesOf(env.docs.dump(docIdOf(next.documents[0]!.url)).body);
    expect(lines).toContain('Our steering committee signs off on District Attorney.');
    expect(lines.join('\n')).toContain('makes no endorsement for District Attorney');
  });
});

describe('what the sidebar and the menu get', () => {
  it('the placeholders, as the reference lists them', () => {
    const env = openAnnounceWorld();
    expect(env.run<PlaceholderView[]>('announcementPlaceholders').map((p) => [p.name, p.kind])).toEqual(placeholderList().map((p) => [p.name, p.kind]));
  });

  it('the menu writes the Docs of every race and shows their links', () => {
    const env = countedExample();
    env.run('createAnnouncementFromMenu');
    const [dialog] = env.world.ui.dialogs;
    expect(dialog!.title).toBe('Endorse: the announcement Docs');
    for (const race of ['Mayor', 'District Attorney']) expect(dialog!.content).toContain(`<h3>${race}</h3>`);
    const links = dialog!.content.match(/<a href="[^"]+\/document\/d\/[^"]+"/g) ?? [];
    // Mayor: statement, four letters, press; District Attorney: statement, three letters, press.
    expect(links).toHaveLength(6 + 5);
  });

  it('nothing is written before the votes are counted, or after the rules changed since the count', () => {
    const env = openAnnounceWorld();
    env.run('saveSettings', exampleSettings());
    expect(env.failure('createAnnouncements', request)).toMatch(/^Count the votes first/);
    env.run('runCount');
    env.run('saveSettings', { ...exampleSettings(), rules: { ...exampleSettings().rules, threshold: '3/5' } });
    expect(env.failure('createAnnouncements', request)).toMatch(/changed since the last count: count the votes again/);
    expect(env.docs.drive.files.size).toBe(1);
  });

  it('a race still waiting for its runoff vote is not announced', () => {
    const env = openAnnounceWorld();
    env.run('saveSettings', { ...exampleSettings(), sources: { ...exampleSettings().sources, secondVotes: [] } });
    env.run('runCount');
    expect(env.failure('createAnnouncements', request)).toMatch(/Mayor: a runoff vote between Ana Diaz and Bo Li is still to come/);
    expect(env.failure('createAnnouncements', { race: 'Sheriff' })).toMatch(/no race named "Sheriff".*"Mayor" and "District Attorney"/);
  });
});
