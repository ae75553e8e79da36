import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/endorse';
import { InputError } from '../../src/core/inputError';
import { voteReport } from '../../src/core/report';
import { reportJson } from '../../src/core/reportJson';
import { parseRules, RulesError } from '../../src/core/rules';
import { countVote } from '../../src/core/vote';
import { FILE_CASES, type FileCase, goesThroughCsv, SHEET_CASES, type SheetCase, tablesOf, toCsv } from './corpus';
import { type Expected, type Outcome, ZONE } from './corpusCase';

const tried = { core: 0, cli: 0 };
const root = mkdtempSync(join(tmpdir(), 'endorse-corpus-'));
let folders = 0;

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  console.log(`corpus: ${tried.core + tried.cli} inputs tried (${tried.core} through countVote, ${tried.cli} through endorse tally)`);
});

const title = (c: { name: string; expected: FileCase['expected'] }) => {
  const e = c.expected;
  if ('behaviour' in e) return `${c.name}: ${e.behaviour}`;
  if ('error' in e) return `${c.name}: refused, naming ${e.at}`;
  return `${c.name}: refused in one line`;
};

/** Only the project's own errors may come out of countVote; anything else fails the case as a crash. */
function throughCore(c: SheetCase): Outcome | InputError | RulesError {
  try {
    const rules = parseRules(c.rules, 'rules.json');
    const t = (source: string, values: unknown[][] | undefined) => (values ? { source, values } : undefined);
    const report = countVote({
      rules,
      timeZone: ZONE,
      responses: { source: 'responses.csv', values: c.responses },
      secondVotes: c.secondVote ? [{ source: 'round2.csv', values: c.secondVote }] : undefined,
      roster: t('roster.csv', c.roster),
      attendance: t('attendance.csv', c.attendance),
      proxies: t('proxies.csv', c.proxies),
    });
    return { json: JSON.parse(JSON.stringify(reportJson(report))) as Outcome['json'], text: voteReport(report, 'text') };
  } catch (error) {
    if (error instanceof InputError || error instanceof RulesError) return error;
    throw error;
  }
}

function expectFromCore(expected: Expected, result: Outcome | Error): void {
  if ('behaviour' in expected) {
    expect(result, (result as Error).message).not.toBeInstanceOf(Error);
    expected.check(result as Outcome);
    return;
  }
  expect(result).toBeInstanceOf(expected.error === 'InputError' ? InputError : RulesError);
  const { message } = result as Error;
  expect(message.startsWith(`${expected.at}: `), `"${message.slice(0, 200)}" should start with "${expected.at}: "`).toBe(true);
  expect(message.slice(expected.at.length + 2)).toMatch(expected.says);
}

/** Runs `endorse tally` in a fresh folder; `text` too when the case expects a result. */
function cli(dir: string, args: string[], wantText: boolean) {
  const zone = args.indexOf('--time-zone') >= 0 ? [] : ['--time-zone', ZONE];
  // The case's own options come last, so that they win (a case may give --format itself).
  const json = runCli(['tally', '--format', 'json', ...zone, ...args]);
  const text = wantText && json.code === 0 ? runCli(['tally', '--format', 'text', ...zone, ...args]) : null;
  return { json, text, dir };
}

function expectFromCli(expected: FileCase['expected'], run: ReturnType<typeof cli>): void {
  const { json, text, dir } = run;
  if ('behaviour' in expected) {
    expect(json.stderr).toBe('');
    expect(json.code).toBe(0);
    expected.check({ json: JSON.parse(json.stdout) as Outcome['json'], text: text!.stdout });
    return;
  }
  expect(json.code, json.stderr).toBe(2);
  expect(json.stdout).toBe('');
  const [first, ...rest] = json.stderr.split('\n');
  expect(first!.startsWith('endorse: ')).toBe(true);
  const said = first!.slice('endorse: '.length);
  if ('usage' in expected) {
    expect(said).toMatch(expected.usage);
    expect(rest.join('\n')).toContain('Usage: endorse tally');
    return;
  }
  expect(rest, 'one line').toEqual(['']);
  if ('line' in expected) {
    expect(said).toMatch(expected.line);
    return;
  }
  const at = expected.at === 'rules.json' ? join(dir, 'rules.json') : expected.at.replace('<dir>', dir);
  expect(said.startsWith(`${at}: `), `"${said.slice(0, 200)}" should start with "${at}: "`).toBe(true);
  // The command line writes a line break inside a message as "\n", to keep to one line.
  expect(said.slice(at.length + 2).replace(/\\n/g, '\n')).toMatch(expected.says);
}

function folder(): string {
  const dir = join(root, String(++folders));
  mkdirSync(dir);
  return dir;
}

describe('the bad-input corpus, through countVote as sheets give it', () => {
  for (const c of SHEET_CASES) {
    it(`${c.kind}: ${title(c)}`, () => {
      tried.core++;
      expectFromCore(c.expected, throughCore(c));
    });
  }
});

describe('the bad-input corpus, through endorse tally as CSV files', () => {
  for (const c of SHEET_CASES.filter(goesThroughCsv)) {
    it(`${c.kind}: ${title(c)}`, () => {
      tried.cli++;
      const dir = folder();
      const args: string[] = [];
      for (const [name, rows] of Object.entries(tablesOf(c))) {
        writeFileSync(join(dir, name), toCsv(rows));
        const option = { 'roster.csv': '--roster', 'attendance.csv': '--attendance', 'proxies.csv': '--proxies' }[name];
        args.push(...(option ? [option, join(dir, name)] : [join(dir, name)]));
      }
      if (c.rules !== undefined) {
        writeFileSync(join(dir, 'rules.json'), JSON.stringify(c.rules));
        args.push('--rules', join(dir, 'rules.json'));
      }
      const zoned = typeof c.rules === 'object' && c.rules !== null && 'timeZone' in c.rules;
      expectFromCli(c.expected, cli(dir, zoned ? [...args, '--time-zone', (c.rules as { timeZone: string }).timeZone] : args, 'behaviour' in c.expected));
    });
  }

  for (const c of FILE_CASES) {
    it(`files: ${title(c)}`, () => {
      tried.cli++;
      const dir = folder();
      for (const [name, content] of Object.entries(c.files)) {
        mkdirSync(dirname(join(dir, name)), { recursive: true });
        writeFileSync(join(dir, name), content);
      }
      const args = c.args ?? ['responses.csv', ...('rules.json' in c.files ? ['--rules', 'rules.json'] : [])];
      const valueOf = new Set(['--format', '--time-zone']);
      const resolved = args.map((a, i) => (a.startsWith('-') || valueOf.has(args[i - 1] ?? '') ? a : join(dir, a)));
      expectFromCli(c.expected, cli(dir, resolved, 'behaviour' in c.expected));
    });
  }
});
