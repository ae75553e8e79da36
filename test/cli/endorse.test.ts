import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/endorse';
import { expectGoldenFile } from '../goldenFile';

const example = join(import.meta.dirname, '../../examples/mayoral-primary');
const demoArgs = (format: string) => [
  'tally', join(example, 'responses.csv'), join(example, 'round2.csv'),
  '--roster', join(example, 'roster.csv'), '--attendance', join(example, 'attendance.csv'),
  '--proxies', join(example, 'proxies.csv'), '--rules', join(example, 'rules.json'), '--format', format,
];

describe('endorse tally on the example mayoral primary', () => {
  it('prints the whole result as the documented JSON, compared with its golden file', () => {
    const result = runCli(demoArgs('json'));
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expectGoldenFile('cli/mayoral-primary.json', result.stdout);
  });

  it('prints the report a leader reads aloud, compared with its golden file', () => {
    const result = runCli(demoArgs('text'));
    expect(result.code).toBe(0);
    expectGoldenFile('cli/mayoral-primary.txt', result.stdout);
  });

  it('holds what the example was written to show', () => {
    const json = JSON.parse(runCli(demoArgs('json')).stdout);
    const byReason = (reason: string) => json.refused.filter((r: { reason: string }) => r.reason === reason).map((r: { row: number }) => r.row);
    // responses.csv: row 36 is Luis Ortega's second ballot, row 37 a visitor, 38 a lapsed member,
    // 39 a member last seen in March, 40 a ballot after closing time, 41 a ballot without an email.
    expect(byReason('superseded')).toEqual([13]);
    expect(byReason('not-on-roster')).toEqual([37]);
    expect(byReason('not-eligible')).toEqual([38, 39]);
    expect(byReason('outside-voting-window')).toEqual([40]);
    expect(byReason('no-voter-identity')).toEqual([41]);
    expect(byReason('invalid-choice')).toEqual([34]);
    expect(json.proxies).toEqual([expect.objectContaining({ member: 'zoe.hart@example.org', holder: 'yusuf.demir@example.org', used: true })]);
    const mayor = json.races.find((r: { race: string }) => r.race === 'Mayor');
    expect(mayor.outcome).toBe('endorsed');
    expect(mayor.endorsed).toEqual(['Ana Diaz']);
    expect(mayor.rounds).toHaveLength(2);
    const da = json.races.find((r: { race: string }) => r.race === 'District Attorney');
    expect(da.outcome).toBe('no-endorsement');
    expect(json.ballots).toEqual({ received: 40, accepted: 34, refused: 6 });
    expect(json.turnout).toMatchObject({ voted: 35, eligible: 36 });
  });

  it('writes the report, the JSON and the lists with --out', () => {
    const dir = mkdtempSync(join(tmpdir(), 'endorse-'));
    expect(runCli([...demoArgs('text'), '--out', dir]).code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['eligible-voters.csv', 'refused.csv', 'report.md', 'report.txt', 'result.json']);
    expect(readFileSync(join(dir, 'refused.csv'), 'utf8').split('\n')[0]).toBe('Source,Row,Voter,Reason,Race,Detail');
  });
});

describe('endorse tally refuses what it cannot use, in one line, with exit code 2', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'endorse-bad-'));
  const write = (name: string, text: string) => {
    const path = join(tmp, name);
    writeFileSync(path, text);
    return path;
  };
  const responses = write('responses.csv', 'Timestamp,Email Address,Mayor\n5/22/2026 9:00:00,a@example.org,Ana Diaz\n');

  it.each([
    ['a missing file', ['tally', join(tmp, 'nope.csv')], /nope\.csv: no such file/],
    ['a rules file that is not JSON', ['tally', responses, '--rules', write('bad.json', '{ threshold: ')], /bad\.json: is not valid JSON/],
    ['a rules setting that does not exist', ['tally', responses, '--rules', write('typo.json', '{"thresold":"2/3"}')], /typo\.json: unknown setting 'thresold'/],
    ['an impossible threshold', ['tally', responses, '--rules', write('t.json', '{"threshold":"2-3"}')], /threshold must be like 2\/3/],
    ['a column mapped to a race that the sheet lacks', ['tally', responses, '--rules', write('map.json', '{"races":{"Mayor":{"columns":["Mayor [Ana]"]}}}')], /responses\.csv.*Mayor \[Ana\]/],
    ['a truncated CSV', ['tally', write('cut.csv', 'Timestamp,Email Address,Mayor\n5/22/2026 9:00:00,a@example.org,"Ana')], /cut\.csv.*never closed/],
    ['an unknown time zone', ['tally', responses, '--time-zone', 'Mars/Olympus'], /unknown time zone 'Mars\/Olympus'/],
    ['an unknown format', ['tally', responses, '--format', 'pdf'], /--format must be text, json or markdown/],
    ['no command', [], /no command given/],
  ])('%s', (_what, args, message) => {
    const result = runCli(args as string[]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
    expect(result.stderr.split('\n')[0]).toMatch(/^endorse: /);
    expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });
});
