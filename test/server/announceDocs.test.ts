/**
 * Filling a group's own template Doc through dist/Code.js in its sandbox:
 * formatting kept, rows and paragraphs repeated, branches removed, header and
 * footer filled, every placeholder left unfilled reported by name, values
 * written literally; the same whether Drive copies the template or, for a Doc
 * drive.file hides from Drive, Endorse rebuilds the copy; and the templates or
 * folders that cannot be used.
 */
import { describe, expect, it } from 'vitest';
import type { CountView } from '../../src/shared/sidebarApi';
import type { ParagraphNode } from '../fakes/docModel';
import { DOCUMENT_MISSING } from '../fakes/document';
import { linesOf, type DocDump, type DocSpec, type ParagraphDump, type TableDump } from '../fakes/docsWorld';
import { countedExample, docIdOf, openAnnounceWorld } from './announceWorld';

const statement: DocSpec = {
  name: 'Our statement',
  header: ['{{group}}: members only'],
  footer: [['Sent on ', { text: '{{announcementDate}}', italic: true }]],
  body: [
    { runs: [{ text: '{{race}}', link: 'https://example.org/races' }], heading: 'HEADING1' },
    ['Dear members of ', { text: '{{group}}', bold: true }, ','],
    '{{#if endorsed}}',
    'We endorse {{endorsed}}.',
    '{{else}}',
    'We make no endorsement.',
    '{{/if}}',
    'Turnout{{#if turnout}}: {{turnout}}{{/if}}.',
    { runs: ['Canvass for ', { text: '{{endorsed}}', bold: true }, ' this weekend'], list: true },
    { table: [['Candidate', 'Votes'], [{ runs: [{ text: '{{candidate.name}}', italic: true }] }, '{{candidate.votes}}']] },
    '{{#each candidate}}',
    '{{candidate.name}}: {{candidate.share}} in the last round counted',
    '{{/each}}',
    'Signed, {{chair}}',
    ['Group: {{gr', { text: 'oup}}', bold: true }],
  ],
};

const on = { announcementDate: '2026-06-08' };

/** The statement announced for the Mayor from `spec`, given by its link, into a folder chosen for it. */
function announcedFrom(spec: DocSpec, visibleToDrive: boolean, audience: 'members' | 'candidates' = 'members') {
  const env = countedExample();
  const chosen = env.docs.addFolder('Announcements 2026');
  const template = env.docs.addDocument(spec, { visibleToDrive });
  const before = env.docs.dump(template);
  env.world.calls.reset();
  const view = env.announce({
    race: 'Mayor', audiences: [audience], templates: { [audience]: `https://docs.google.com/document/d/${template.id}/edit` }, folder: chosen.url, ...on,
  });
  const docs = view.documents.map((d) => env.docs.dump(docIdOf(d.url)));
  return { env, chosen, template, before, view, docs, doc: docs[0]! };
}

describe.each([
  { how: 'one Drive may open (Endorse created it): Drive copies it', visibleToDrive: true },
  { how: 'one drive.file hides from Drive: Endorse rebuilds the copy from DocumentApp', visibleToDrive: false },
])('a template Doc of the group\'s own, given by its link, $how', ({ visibleToDrive }) => {
  const { env, chosen, template, before, view, doc } = announcedFrom(statement, visibleToDrive);
  const count = env.run<{ lastCount: CountView }>('getSidebarState').lastCount;
  const paragraphs = doc.body.filter((b): b is ParagraphDump => 'text' in b);
  const lines = linesOf(doc.body);

  it('is copied into the chosen folder, and the template itself is left as it was', () => {
    expect(view.templates).toEqual([{ audience: 'members', name: 'Our statement', url: `https://docs.google.com/document/d/${template.id}/edit`, created: false }]);
    expect(env.docs.dump(template)).toEqual(before);
    const file = env.docs.drive.files.get(doc.id)!;
    expect([file.name, file.parents]).toEqual(["Members' statement: Mayor, June 8, 2026", [chosen]]);
  });

  it(visibleToDrive ? 'is copied by Drive, which copies everything' : 'is rebuilt in a new Doc, since Drive refuses to copy it', () => {
    expect(env.world.calls.count('File.makeCopy')).toBe(visibleToDrive ? 1 : 0);
    expect(env.world.calls.count('DocumentApp.create')).toBe(visibleToDrive ? 0 : 1);
    expect(view.warnings.filter((w) => w.includes('could not copy'))).toEqual([]);
  });

  it('writes every value with insertText, never with replaceText', () => {
    expect(env.world.calls.count('*.insertText')).toBeGreaterThan(0);
    expect(env.world.calls.count('*.replaceText')).toBe(0);
  });

  it('keeps a list item, its value in its placeholder\'s bold', () => {
    expect(paragraphs.find((p) => p.list)).toEqual({
      text: 'Canvass for Ana Diaz this weekend', list: true, runs: [{ text: 'Canvass for ' }, { text: 'Ana Diaz', bold: true }, { text: ' this weekend' }],
    });
  });

  it('fills the header and the footer, keeping the footer\'s italic date', () => {
    expect(linesOf(doc.header!)).toEqual(['Riverside Indivisible: members only']);
    expect((doc.footer![0] as ParagraphDump).runs).toEqual([{ text: 'Sent on ' }, { text: 'June 8, 2026', italic: true }]);
  });

  it('writes each value in its placeholder\'s formatting: a heading with a link, a bold name', () => {
    expect(paragraphs[0]).toEqual({ text: 'Mayor', heading: 'HEADING1', runs: [{ text: 'Mayor', link: 'https://example.org/races' }] });
    expect(paragraphs[1]!.runs).toEqual([{ text: 'Dear members of ' }, { text: 'Riverside Indivisible', bold: true }, { text: ',' }]);
  });

  it('keeps the branch of {{#if}} that applies, removes the other and the tags\' paragraphs, and fills an {{#if}} within a paragraph', () => {
    expect(lines).toContain('We endorse Ana Diaz.');
    expect(lines).not.toContain('We make no endorsement.');
    expect(lines.filter((l) => /\{\{[#/]|\{\{else/.test(l))).toEqual([]);
    const { voted, eligible } = count.turnout;
    expect(lines).toContain(`Turnout: ${((100 * voted) / eligible!).toFixed(1)}%.`);
  });

  it('repeats the candidate row once per candidate, the endorsed first, each in the row\'s italic', () => {
    const [table] = doc.body.filter((b): b is TableDump => 'rows' in b);
    const mayor = count.races.find((r) => r.race === 'Mayor')!;
    // Each candidate's votes in the last round they were counted in.
    const lastVotes = (name: string) => [...mayor.rounds].reverse().find((r) => r.rows.some((row) => row[0] === name))!.rows.find((row) => row[0] === name)![1];
    const names = ['Ana Diaz', 'Bo Li', 'Carmen Ruiz', 'Dev Patel'];
    expect(table!.rows).toEqual([['Candidate', 'Votes'], ...names.map((n) => [n, String(lastVotes(n))])]);
    for (const row of table!.cells.slice(1)) expect(row[0]![0]!.runs).toEqual([{ text: row[0]![0]!.text, italic: true }]);
  });

  it('repeats the paragraphs of an {{#each}} once per item, in place', () => {
    const each = lines.filter((l) => l.endsWith('in the last round counted'));
    expect(each.map((l) => l.split(':')[0])).toEqual(['Ana Diaz', 'Bo Li', 'Carmen Ruiz', 'Dev Patel']);
    expect(lines.indexOf(each[0]!)).toBeGreaterThan(lines.indexOf('Candidate | Votes'));
    expect(lines.indexOf('Signed, {{chair}}')).toBe(lines.indexOf(each[3]!) + 1);
  });

  it('reports an unknown placeholder and one split by formatting, by name, and leaves both as written', () => {
    expect(view.documents[0]).toMatchObject({ unfilled: ['chair'], split: ['group'] });
    expect(lines).toContain('Signed, {{chair}}');
    expect(paragraphs.find((p) => p.text === 'Group: {{group}}')!.runs).toEqual([{ text: 'Group: {{gr' }, { text: 'oup}}', bold: true }]);
    expect(view.warnings).toEqual([
      expect.stringMatching(/^Members' statement: Mayor, June 8, 2026: \{\{chair\}\} has no value and is left as written/),
      expect.stringMatching(/\{\{group\}\} is formatted in two ways inside the braces/),
    ]);
  });
});

describe('a copy rebuilt without Drive', () => {
  const strip = (dump: DocDump) => ({ ...dump, id: '' });

  it('reads exactly like the copy Drive makes, once filled: paragraphs, headings, runs, list items, tables, header and footer', () => {
    expect(strip(announcedFrom(statement, false).doc)).toEqual(strip(announcedFrom(statement, true).doc));
  });

  it('starts with the template\'s first table when it has one, and adds no empty paragraph after a table', () => {
    const results: DocSpec = {
      name: 'Results',
      header: [{ runs: [{ text: '{{group}}', bold: true }] }],
      body: [{ table: [['Race', '{{race}}']] }, 'Votes cast: {{votesCast}}', { table: [['{{candidate.name}}', '{{candidate.votes}}']] }, 'End.'],
    };
    const rebuilt = announcedFrom(results, false).doc;
    expect(strip(rebuilt)).toEqual(strip(announcedFrom(results, true).doc));
    expect('rows' in rebuilt.body[0]!).toBe(true);
    expect(rebuilt.footer).toBeNull();
  });

  it('leaves out a table of contents, which Docs gives no way to append, and names it once for all the letters', () => {
    const letter: DocSpec = { name: 'Our letter', body: [{ runs: 'Dear {{candidate.name}},', heading: 'TITLE' }, { tableOfContents: true }, 'Thank you.'] };
    const rebuilt = announcedFrom(letter, false, 'candidates');
    const byDrive = announcedFrom(letter, true, 'candidates');
    expect(rebuilt.view.warnings).toEqual([
      expect.stringMatching(/^The template "Our letter" was copied element by element \(Drive may not open it\), and Endorse could not copy the table of contents \(TABLE_OF_CONTENTS, body, element 2\): the Docs made from it lack it\./),
    ]);
    expect(byDrive.view.warnings).toEqual([]);
    expect(linesOf(byDrive.doc.body)).toContain('[table of contents]');
    expect(rebuilt.docs.length).toBeGreaterThan(1);
    expect(rebuilt.docs.map((d) => linesOf(d.body))).toEqual(byDrive.docs.map((d) => linesOf(d.body).filter((l) => l !== '[table of contents]')));
  });
});

describe('a table inside a branch', () => {
  it('goes with the branch that does not apply, and stays with the one that does', () => {
    const env = countedExample();
    const template = env.docs.addDocument({
      name: 'Results',
      body: ['{{#if endorsed}}', { table: [['Endorsed'], ['{{endorsed}}']] }, '{{else}}', 'No endorsement for {{race}}.', '{{/if}}', 'End.'],
    });
    const docOf = (race: string) => env.docs.dump(docIdOf(env.announce({ race, audiences: ['press'], templates: { press: template.id }, ...on }).documents[0]!.url));
    expect(linesOf(docOf('Mayor').body)).toEqual(['Endorsed', 'Ana Diaz', 'End.']);
    expect(linesOf(docOf('District Attorney').body)).toEqual(['No endorsement for District Attorney.', 'End.']);
  });
});

describe('a list item inside an {{#each}}', () => {
  const rounds: DocSpec = {
    name: 'Rounds',
    body: [
      'The count for {{race}}:',
      '{{#each round}}',
      { runs: [{ text: '{{round.option}}', bold: true }, ': {{round.votes}} votes in ', { text: '{{round.label}}', italic: true }], list: true },
      '{{/each}}',
      'Signed, the committee',
    ],
  };

  it.each([true, false])('is repeated once per round, keeping its numbering, its nesting and its bold and italic (visible to Drive: %s)', (visibleToDrive) => {
    const env = countedExample();
    const template = env.docs.addDocument(rounds, { visibleToDrive });
    // A numbered item one level in: what the copies must keep, as Docs' own list would.
    Object.assign(template.body.children[2]!, { glyph: 'NUMBER', nesting: 1 });
    const count = env.run<{ lastCount: CountView }>('getSidebarState').lastCount;
    const mayor = count.races.find((r) => r.race === 'Mayor')!;
    env.world.calls.reset();
    const view = env.announce({ race: 'Mayor', audiences: ['members'], templates: { members: template.id }, ...on });
    const id = docIdOf(view.documents[0]!.url);
    const body = env.docs.dump(id).body;

    const expected = mayor.rounds.flatMap((r) => r.rows.map(([option, votes]) => [option, String(votes), r.label] as const));
    expect(expected.length).toBeGreaterThan(2);
    expect(linesOf(body)).toEqual(['The count for Mayor:', ...expected.map(([o, v, l]) => `${o}: ${v} votes in ${l}`), 'Signed, the committee']);
    const items = body.filter((b): b is ParagraphDump => 'text' in b && b.list === true);
    expect(items.map((p) => p.runs)).toEqual(expected.map(([o, v, l]) => [{ text: o, bold: true }, { text: `: ${v} votes in ` }, { text: l, italic: true }]));
    const nodes = env.docs.docs.get(id)!.body.children.filter((c): c is ParagraphNode => c.kind === 'listItem');
    expect(nodes.map((n) => [n.glyph, n.nesting])).toEqual(expected.map(() => ['NUMBER', 1]));
    expect(env.world.calls.count('Body.insertListItem', id)).toBe(expected.length - 1);
    expect(env.world.calls.count('*.replaceText')).toBe(0);
    expect(view.documents[0]).toMatchObject({ unfilled: [], split: [] });
  });

  it('holding a placeholder Endorse does not know, is kept once per candidate with it left as written, and reports it', () => {
    const env = countedExample();
    const template = env.docs.addDocument({
      name: 'Candidates',
      body: ['{{#each candidate}}', { runs: '{{candidate.name}} ({{candidate.party}})', list: true }, '{{/each}}', 'End.'],
    });
    const view = env.announce({ race: 'Mayor', audiences: ['members'], templates: { members: template.id }, ...on });
    const lines = linesOf(env.docs.dump(docIdOf(view.documents[0]!.url)).body);
    expect(lines).toEqual(['Ana Diaz ({{candidate.party}})', 'Bo Li ({{candidate.party}})', 'Carmen Ruiz ({{candidate.party}})', 'Dev Patel ({{candidate.party}})', 'End.']);
    expect(view.documents[0]).toMatchObject({ unfilled: ['candidate.party'], split: [] });
    expect(view.warnings).toEqual([expect.stringMatching(/\{\{candidate\.party\}\} has no value and is left as written/)]);
  });
});

describe('values are written literally', () => {
  const hostile = '$1 \\ {{group}} (x)';
  const formula = '=IMPORTXML("x")';
  const rows: unknown[][] = [['Timestamp', 'Email Address', 'Mayor']];
  for (let i = 0; i < 7; i++) rows.push([`5/22/2026 9:0${i}:00`, `v${i}@example.org`, hostile]);
  for (let i = 0; i < 2; i++) rows.push([`5/22/2026 10:0${i}:00`, `w${i}@example.org`, formula]);
  const env = openAnnounceWorld({ sheets: { 'Form Responses 1': rows } });
  env.run('saveSettings', { rules: { group: 'Riverside Indivisible', timeZone: 'America/Chicago' }, sources: { secondVotes: [] } });
  env.run('runCount');
  env.world.calls.reset();
  const view = env.announce({ race: 'Mayor', ...on });
  const text = (n: number) => linesOf(env.docs.dump(docIdOf(view.documents[n]!.url)).body).join('\n');

  it('a candidate named like a placeholder and a regex replacement is printed as typed, never read again', () => {
    expect(text(0)).toContain(`Riverside Indivisible endorses ${hostile} for Mayor.`);
    expect(text(0)).not.toContain('$1 \\ Riverside');
    expect(view.documents[1]!.name).toBe(`Letter to ${hostile}: Mayor, June 8, 2026`);
    expect(text(1)).toContain(`Dear ${hostile},`);
  });

  it('a candidate named like a formula is plain text in the count\'s table and the letters', () => {
    expect(text(0)).toContain(`Round 1 | ${formula} |`);
    expect(text(2)).toContain(`Dear ${formula},`);
  });

  it('replaceText, which would expand $1 and \\, is never called', () => {
    expect(env.world.calls.count('*.insertText')).toBeGreaterThan(0);
    expect(env.world.calls.count('*.replaceText')).toBe(0);
    expect(view.warnings).toEqual([]);
  });
});

describe('templates and folders that cannot be used', () => {
  it.each([true, false])('a template that cannot be read is refused, naming the Doc and the paragraph, before any copy is made (visible to Drive: %s)', (visibleToDrive) => {
    const env = countedExample();
    const broken = env.docs.addDocument({ name: 'Broken', body: ['Hello {{group}}', '{{#if endorsed}}', 'We endorse {{endorsed}}.'] }, { visibleToDrive });
    const files = env.docs.drive.files.size;
    const message = env.failure('createAnnouncements', { race: 'Mayor', templates: { members: broken.id }, ...on });
    expect(message).toMatch(/^The template "Broken", paragraph 2 \("\{\{#if endorsed\}\}"\) cannot be used: \{\{#if endorsed\}\} is never closed/);
    expect(env.docs.drive.files.size).toBe(files);
  });

  it('a Doc that neither Drive nor Docs will open is explained, with what to check, before any Doc is written', () => {
    const env = countedExample();
    const before = new Set(env.docs.drive.files.keys());
    const link = 'https://docs.google.com/document/d/1NotOursToOpen/edit';
    // The members' template comes first: ours, created on first use; the press release's is the one refused.
    const message = env.failure('createAnnouncements', { race: 'Mayor', audiences: ['members', 'press'], templates: { press: link }, ...on });
    expect(message).toBe(
      `Endorse cannot open the template Doc "${link}" (${DOCUMENT_MISSING}). A template can be any Google Doc you can open: check the link, ` +
      'and that the Google account you use in this spreadsheet can open the Doc (a Word file must first be saved as a Google Doc: File › Save as Google Docs).',
    );
    const added = [...env.docs.drive.files.values()].filter((f) => !before.has(f.id)).map((f) => f.name);
    expect(added).toEqual(["Endorse template: Members' statement"]);
  });

  it('a chosen folder receives the Docs; one that cannot be opened is named', () => {
    const env = countedExample();
    const chosen = env.docs.addFolder('Announcements 2026');
    const view = env.announce({ race: 'Mayor', audiences: ['press'], folder: chosen.url, ...on });
    expect(view.folder.name).toBe('Announcements 2026');
    expect(env.docs.drive.files.get(docIdOf(view.documents[0]!.url))!.parents).toEqual([chosen]);
    expect(env.failure('createAnnouncements', { race: 'Mayor', folder: 'https://drive.google.com/drive/folders/gone', ...on })).toMatch(/cannot open the folder/);
  });

  it('without a folder of its own, the spreadsheet\'s Docs go to My Drive', () => {
    const env = countedExample();
    env.docs.drive.files.delete(env.world.spreadsheet.id);
    const view = env.announce({ race: 'Mayor', audiences: ['press'], ...on });
    expect(view.folder.name).toBe('My Drive');
  });
});
