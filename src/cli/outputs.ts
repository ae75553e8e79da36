import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { VoteReport } from '../core/vote';
import { voteReport } from '../core/report';
import { reportJson } from '../core/reportJson';

/**
 * A cell of a CSV a leader will open in a spreadsheet. Text a respondent wrote
 * that starts like a formula (=, +, -, @, or a tab or carriage return) is
 * prefixed with an apostrophe, which spreadsheets read as "this is text", so
 * =HYPERLINK(…) in a voter's answer never runs on a leader's machine.
 */
export function csvCell(value: unknown): string {
  const raw = value === null || value === undefined ? '' : String(value);
  const text = typeof value === 'string' && /^[=+\-@\t\r]/.test(raw) ? `'${raw}` : raw;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csv(rows: unknown[][]): string {
  return rows.map((r) => r.map(csvCell).join(',')).join('\n') + '\n';
}

/** --out DIR: the report, its JSON, and the lists a leader sends or files. */
export function writeOutputs(dir: string, report: VoteReport): string[] {
  mkdirSync(dir, { recursive: true });
  const files: Record<string, string> = {
    'report.txt': voteReport(report, 'text'),
    'report.md': voteReport(report, 'markdown'),
    'result.json': `${JSON.stringify(reportJson(report), null, 2)}\n`,
    'refused.csv': csv([
      ['Source', 'Row', 'Voter', 'Reason', 'Race', 'Detail'],
      ...report.refused.map((r) => [r.source, r.row, r.voter, r.reason, r.race ?? '', r.detail]),
    ]),
  };
  if (report.eligibility) {
    files['eligible-voters.csv'] = csv([
      ['Name', 'Email', 'Eligible', 'Why'],
      ...report.eligibility.entries.map((e) => [e.member.name, e.member.email, e.eligible ? 'yes' : 'no', e.reason]),
    ]);
  }
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return Object.keys(files);
}
