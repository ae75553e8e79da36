/**
 * endorse: the same count as the add-on, on CSV exports.
 *   endorse tally RESPONSES.csv [ROUND2.csv …] [--roster F] [--attendance F] [--proxies F]
 *                 [--rules RULES.json] [--format text|json|markdown] [--out DIR] [--time-zone ZONE]
 *                 [--announce [TEMPLATE.md]] [--announce-date DATE] [--embargo WHEN]
 * Exit codes: 0 counted; 2 the input cannot be used (the message says where); 1 a bug.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import * as z from 'zod/mini';
import { InputError } from '../core/inputError';
import { parseRules, RulesError } from '../core/rules';
import { checkTimeZone } from '../core/zonedTime';
import { countVote, type VoteReport } from '../core/vote';
import { voteReport } from '../core/report';
import { reportJson } from '../core/reportJson';
import { readCsvTable } from './csv';
import { writeOutputs } from './outputs';
import { announceArgv, writeAnnouncements } from './announce';

export const USAGE = `Usage: endorse tally RESPONSES.csv [ROUND2.csv …] [options]

Counts an endorsement vote from Google Forms response exports.

Options:
  --roster FILE       members: Name, Email, Other emails, Status
  --attendance FILE   attendance log: Email, Date, Event
  --proxies FILE      proxy designations: Member, Proxy holder
  --rules FILE        the group's rules (JSON; see the README's rules reference)
  --format FORMAT     text (default), json or markdown
  --out DIR           also write the report, the JSON and the lists as files in DIR
  --time-zone ZONE    zone of timestamps written without one (default: the rules', else this machine's)
  --announce [T.md]   also write the announcements in DIR (--out): members, a letter per candidate, press;
                      our templates, or yours (docs/announcements.md), one --announce per template
  --announce-date D   the day they are sent, e.g. 2026-06-08 (default: today)
  --embargo WHEN      the press release is embargoed until WHEN, e.g. 2026-06-09T09:00 (the vote's time zone)
  -h, --help          this help
`;

class UsageError extends Error {}

const OptionsSchema = z.object({
  roster: z.optional(z.string()),
  attendance: z.optional(z.string()),
  proxies: z.optional(z.string()),
  rules: z.optional(z.string()),
  format: z._default(z.enum(['text', 'json', 'markdown']), 'text'),
  out: z.optional(z.string()),
  'time-zone': z.optional(z.string()),
  help: z.optional(z.boolean()),
  announce: z.optional(z.array(z.string())),
  'announce-date': z.optional(z.string()),
  embargo: z.optional(z.string()),
});

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

function readRulesFile(path: string | undefined) {
  if (!path) return parseRules({});
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new InputError({ source: path }, 'no such file');
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, '')); // Notepad saves UTF-8 with a byte-order mark
  } catch (error) {
    throw new InputError({ source: path }, `is not valid JSON (${(error as Error).message})`);
  }
  return parseRules(json, path);
}

/** Runs the command line in-process: tests and the bin both call this. */
export function runCli(argv: string[]): CliResult {
  try {
    const { values, positionals } = parseArgs({
      args: announceArgv(argv),
      allowPositionals: true,
      options: {
        roster: { type: 'string' }, attendance: { type: 'string' }, proxies: { type: 'string' },
        rules: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' },
        'time-zone': { type: 'string' }, help: { type: 'boolean', short: 'h' },
        announce: { type: 'string', multiple: true }, 'announce-date': { type: 'string' }, embargo: { type: 'string' },
      },
    });
    if (values.help) return { code: 0, stdout: USAGE, stderr: '' };
    const parsed = z.safeParse(OptionsSchema, values);
    if (!parsed.success) throw new UsageError(`--format must be text, json or markdown, got '${values.format}'`);
    const options = parsed.data;
    const [command, ...files] = positionals;
    if (command !== 'tally') throw new UsageError(command ? `unknown command '${command}'` : 'no command given');
    if (files.length === 0) throw new UsageError('tally needs a responses file');
    if (options.announce && !options.out) throw new UsageError('--announce writes files: give the folder with --out DIR');
    if (!options.announce && (options.embargo || options['announce-date'])) throw new UsageError('--embargo and --announce-date go with --announce');

    const rules = readRulesFile(options.rules);
    const timeZone = options['time-zone'] ?? rules.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
    checkTimeZone(timeZone);
    const report: VoteReport = countVote({
      rules,
      timeZone,
      responses: readCsvTable(files[0]!),
      secondVotes: files.slice(1).map(readCsvTable),
      roster: options.roster ? readCsvTable(options.roster) : undefined,
      attendance: options.attendance ? readCsvTable(options.attendance) : undefined,
      proxies: options.proxies ? readCsvTable(options.proxies) : undefined,
    });
    const stdout = options.format === 'json'
      ? `${JSON.stringify(reportJson(report), null, 2)}\n`
      : voteReport(report, options.format);
    if (options.out) writeOutputs(options.out, report);
    const notes = options.announce && options.out
      ? writeAnnouncements(report, { templates: options.announce, out: options.out, announcementDate: options['announce-date'], embargo: options.embargo }).notes
      : [];
    return { code: 0, stdout, stderr: notes.map((note) => `endorse: ${note}\n`).join('') };
  } catch (error) {
    return failure(error);
  }
}

function failure(error: unknown): CliResult {
  if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
    return { code: 2, stdout: '', stderr: `endorse: ${(error as Error).message}\n\n${USAGE}` };
  }
  if (error instanceof InputError || error instanceof RulesError || error instanceof RangeError) {
    // One line, whatever the message quotes (a cell or a JSON file may hold line breaks).
    return { code: 2, stdout: '', stderr: `endorse: ${(error as Error).message.replace(/\r\n?|\n/g, '\\n')}\n` };
  }
  const io = error as NodeJS.ErrnoException;
  if (io.syscall && io.path) {
    // --out names a folder that cannot be written: the user's to fix, not a bug.
    return { code: 2, stdout: '', stderr: `endorse: ${io.path}: cannot be written (${io.code ?? io.syscall})\n` };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { code: 1, stdout: '', stderr: `endorse: internal error: ${message}\nThis is a bug in Endorse; please report it with the files you used.\n` };
}

export function main(argv: string[]): void {
  const result = runCli(argv);
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  process.exitCode = result.code;
}

