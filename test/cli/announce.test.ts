/**
 * endorse tally … --announce: the three texts a group sends, written next to
 * the report, from our templates or the group's own.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { announceArgv } from '../../src/cli/announce';
import { runCli } from '../../src/cli/endorse';

const example = join(import.meta.dirname, '../../examples/mayoral-primary');
const exampleArgs = (withRunoff = true) => [
  'tally', join(example, 'responses.csv'), ...(withRunoff ? [join(example, 'round2.csv')] : []),
  '--roster', join(example, 'roster.csv'), '--attendance', join(example, 'attendance.csv'),
  '--proxies', join(example, 'proxies.csv'), '--rules', join(example, 'rules.json'),
];
const fresh = () => mkdtempSync(join(tmpdir(), 'endorse-announce-'));
const read = (dir: string, file: string) => readFileSync(join(dir, file), 'utf8');
const announcements = (dir: string) => readdirSync(dir).filter((f) => /^(members|letter|press)-/.test(f)).sort();

describe('--announce with our templates', () => {
  const out = fresh();
  const result = runCli([...exampleArgs(), '--out', out, '--announce', '--announce-date', '2026-06-08', '--embargo', '2026-06-09T09:00']);

  it('writes, for each race, the members\' statement, one letter per candidate and the press release, as Markdown and HTML', () => {
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const files = announcements(out);
    for (const race of ['mayor', 'district-attorney']) {
      for (const stem of [`members-${race}`, `press-${race}`]) expect(files).toEqual(expect.arrayContaining([`${stem}.md`, `${stem}.html`]));
    }
    // Mayor had four candidates, District Attorney three.
    expect(files.filter((f) => /^letter-mayor-.*\.md$/.test(f))).toHaveLength(4);
    expect(files.filter((f) => /^letter-district-attorney-.*\.md$/.test(f))).toHaveLength(3);
  });

  it('numbers the letters in the order they are sent: the endorsed candidate first', () => {
    const letters = announcements(out).filter((f) => /^letter-mayor-.*\.md$/.test(f));
    expect(letters[0]).toBe('letter-mayor-1-ana-diaz.md');
    expect(read(out, letters[0]!)).toContain('Dear Ana Diaz,');
    expect(read(out, letters[0]!)).toContain('congratulations');
    expect(read(out, 'letter-mayor-2-bo-li.md')).toContain('our members chose to endorse Ana Diaz for Mayor');
  });

  it('fills the statement with the result, the dates in words and the count round by round', () => {
    const members = read(out, 'members-mayor.md');
    expect(members.split('\n')[0]).toBe('June 8, 2026');
    expect(members).toContain('The vote closed on June 5, 2026');
    expect(members).toContain('| Runoff | Ana Diaz |');
    expect(members).not.toContain('{{');
    expect(read(out, 'members-district-attorney.md')).toContain('makes no endorsement for District Attorney');
  });

  it('opens the press release with the embargo, and the HTML is a page of its own', () => {
    expect(read(out, 'press-mayor.md').split('\n')[0]).toBe('**EMBARGOED UNTIL June 9, 2026, 9:00 AM CDT**');
    const html = read(out, 'press-mayor.html');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<title>Press release: Mayor</title>');
    expect(html).toContain('<h1>Riverside Indivisible endorses Ana Diaz for Mayor</h1>');
  });

  it('leaves the report and the lists as they were', () => {
    expect(readdirSync(out)).toEqual(expect.arrayContaining(['report.txt', 'report.md', 'result.json', 'refused.csv', 'eligible-voters.csv']));
  });
});

describe('--announce with the group\'s own templates', () => {
  it('a file named for an audience replaces that text; any other is written once per race', () => {
    const dir = fresh();
    const members = join(dir, 'members.md');
    const thanks = join(dir, 'volunteers.md');
    writeFileSync(members, '# {{race}}\n\n{{#if endorsed}}We endorse {{endorsed}}.{{else}}No endorsement.{{/if}}\n');
    writeFileSync(thanks, 'Thank you, volunteers of {{group}}: {{race}} is counted.\n');
    const out = join(dir, 'out');
    const result = runCli([...exampleArgs(), '--out', out, '--announce', members, '--announce', thanks, '--announce-date', '2026-06-08']);
    expect(result.code).toBe(0);
    expect(read(out, 'members-mayor.md')).toBe('# Mayor\n\nWe endorse Ana Diaz.\n');
    expect(read(out, 'volunteers-district-attorney.md')).toBe('Thank you, volunteers of Riverside Indivisible: District Attorney is counted.\n');
    // The defaults it did not replace are still written.
    expect(read(out, 'press-mayor.md')).toContain('endorses Ana Diaz for Mayor');
  });

  it('a placeholder with no fact is written as it is and named on stderr, and the run still succeeds', () => {
    const dir = fresh();
    const press = join(dir, 'press-release.md');
    writeFileSync(press, '{{group}} endorses {{endorsment}}.\n');
    const result = runCli([...exampleArgs(), '--out', join(dir, 'out'), '--announce', press]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('press-mayor.md: {{endorsment}} left as written (no such fact)');
    expect(read(join(dir, 'out'), 'press-mayor.md')).toBe('Riverside Indivisible endorses {{endorsment}}.\n');
  });

  it('a template that cannot be read is refused with its file and line, exit code 2', () => {
    const dir = fresh();
    const members = join(dir, 'members.md');
    writeFileSync(members, 'Hello\n{{#if endorsed}}\nWe endorse {{endorsed}}.\n');
    const result = runCli([...exampleArgs(), '--out', join(dir, 'out'), '--announce', members]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/members\.md: line 2: \{\{#if endorsed\}\} is never closed/);
  });
});

describe('values are written as they are', () => {
  it('a candidate named like a placeholder, a regex replacement or a formula is printed literally', () => {
    const dir = fresh();
    const hostile = '$1 \\ {{group}} (x)';
    const formula = '=IMPORTXML("x")';
    const quoted = (s: string) => `"${s.replace(/"/g, '""')}"`;
    const rows = ['Timestamp,Email Address,Mayor'];
    for (let i = 0; i < 7; i++) rows.push(`5/22/2026 9:0${i}:00,v${i}@example.org,${quoted(hostile)}`);
    for (let i = 0; i < 2; i++) rows.push(`5/22/2026 10:0${i}:00,w${i}@example.org,${quoted(formula)}`);
    const responses = join(dir, 'responses.csv');
    writeFileSync(responses, rows.join('\n') + '\n');
    const rules = join(dir, 'rules.json');
    writeFileSync(rules, JSON.stringify({ group: 'Riverside <Indivisible>', timeZone: 'America/Chicago' }));
    const out = join(dir, 'out');
    const result = runCli(['tally', responses, '--rules', rules, '--out', out, '--announce', '--announce-date', '2026-06-08']);
    expect(result.code).toBe(0);
    const members = read(out, 'members-mayor.md');
    expect(members).toContain(`endorses **${hostile}** for Mayor`);
    expect(members).toContain(`| Round 1 | ${formula} |`);
    // Never read again as a template: {{group}} inside the name stays as typed.
    expect(members).not.toContain('$1 \\ Riverside');
    const html = read(out, 'members-mayor.html');
    expect(html).toContain('$1 \\ {{group}} (x)');
    expect(html).toContain('=IMPORTXML(&quot;x&quot;)');
    expect(html).toContain('Riverside &lt;Indivisible&gt;');
    const letters = announcements(out).filter((f) => f.startsWith('letter-'));
    expect(letters).toEqual(['letter-mayor-1-1-group-x.html', 'letter-mayor-1-1-group-x.md', 'letter-mayor-2-importxml-x.html', 'letter-mayor-2-importxml-x.md']);
  });
});

describe('what --announce refuses or leaves out', () => {
  it('needs --out, as it writes files', () => {
    const result = runCli([...exampleArgs(), '--announce']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--announce writes files: give the folder with --out DIR');
  });

  it('--embargo and --announce-date only go with --announce', () => {
    expect(runCli([...exampleArgs(), '--embargo', '2026-06-09T09:00']).stderr).toContain('--embargo and --announce-date go with --announce');
  });

  it('a race still waiting for its runoff vote is not announced, and stderr says why', () => {
    const out = fresh();
    const result = runCli([...exampleArgs(false), '--out', out, '--announce']);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/no announcement for Mayor: a runoff vote between Ana Diaz and Bo Li is still to come/);
    expect(announcements(out).some((f) => f.includes('mayor'))).toBe(false);
    expect(announcements(out)).toContain('members-district-attorney.md');
  });

  it('an embargo that is not a date is refused, naming it', () => {
    const result = runCli([...exampleArgs(), '--out', fresh(), '--announce', '--embargo', 'next Tuesday']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/embargo.*"next Tuesday" is not a date/);
  });
});

describe('reading --announce', () => {
  it('takes a Markdown file after it as a template, and anything else as no template', () => {
    expect(announceArgv(['tally', 'r.csv', '--announce', 'members.md'])).toEqual(['tally', 'r.csv', '--announce=members.md']);
    expect(announceArgv(['tally', '--announce', 'r.csv'])).toEqual(['tally', '--announce=', 'r.csv']);
    expect(announceArgv(['tally', 'r.csv', '--announce', '--out', 'x'])).toEqual(['tally', 'r.csv', '--announce=', '--out', 'x']);
    expect(announceArgv(['tally', 'r.csv', '--announce'])).toEqual(['tally', 'r.csv', '--announce=']);
  });
});
