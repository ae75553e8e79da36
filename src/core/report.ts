/**
 * The report a leader reads aloud and publishes, as plain text or Markdown: the
 * summary of each race, a table per round, turnout, and the refusals grouped by
 * reason. The CLI prints it; the Results sheet and the sidebar say the same words.
 */
import type { Refusal, RefusalReason } from './ballot';
import type { RaceResult, Round } from './result';
import type { NameWarning, VoteReport } from './vote';
import { showInvisible } from './lookalike';
import { columnsLabel, sheetReading } from './sheetReading';

export type ReportFormat = 'text' | 'markdown';

const REASON_TITLES: Record<RefusalReason, string> = {
  'not-on-roster': 'Not on the roster',
  'not-eligible': 'Not eligible',
  superseded: 'Replaced by a later ballot from the same member',
  'outside-voting-window': 'Outside the voting window',
  'no-voter-identity': 'No voter identity',
  'proxy-refused': 'Proxy refused',
  'invalid-choice': 'Invalid choice (that race only)',
  'unreadable-mark': 'Marks that could not be read (that race only)',
  'unknown-code': 'Unknown voter code',
  'reused-code': 'Voter code already used',
};

export function refusalTitle(reason: RefusalReason): string {
  return REASON_TITLES[reason];
}

/** A share for display only, with the exact fraction beside it: "30 of 40 (75%)". */
export function share(votes: number, cast: number): string {
  if (cast === 0) return `${votes} of 0`;
  const percent = Math.round((1000 * votes) / cast) / 10;
  return `${votes} of ${cast} (${percent}%)`;
}

export function roundRows(round: Round): string[][] {
  const rows = round.counts.map((c) => [c.option, String(c.votes), share(c.votes, round.votesCast).replace(/^.* \(|\)$/g, '')]);
  rows.push(['Votes cast', String(round.votesCast), '']);
  if (round.blank) rows.push(['Blank or abstained (not votes cast)', String(round.blank), '']);
  if (round.exhausted) rows.push(['Exhausted (ranked neither finalist)', String(round.exhausted), '']);
  if (round.invalid) rows.push(['Invalid (not on the runoff ballot)', String(round.invalid), '']);
  return rows;
}

function table(header: string[], rows: string[][], format: ReportFormat): string {
  if (format === 'markdown') {
    const esc = (c: string) => c.replace(/\|/g, '\\|');
    return [header, header.map(() => '---'), ...rows].map((r) => `| ${r.map(esc).join(' | ')} |`).join('\n');
  }
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function heading(text: string, level: number, format: ReportFormat): string {
  if (format === 'markdown') return `${'#'.repeat(level)} ${text}`;
  return level === 1 ? `${text}\n${'='.repeat(text.length)}` : `${text}\n${'-'.repeat(text.length)}`;
}

function neededText(round: Round): string {
  return round.needed === null
    ? `${round.threshold.words}`
    : `${round.threshold.words}: ${round.needed} of ${round.votesCast} needed`;
}

/** Look-alike names, shown under their race so that nobody merges or splits them without looking. */
/** One look-alike warning as a sentence: the names with their invisible characters shown, and why. */
export function nameWarning(w: NameWarning): string {
  return `Check these names: ${w.names.map((n) => `"${showInvisible(n)}"`).join(', ')}: ${w.why}.`;
}

export function nameWarnings(warnings: NameWarning[]): string {
  return warnings.map(nameWarning).join('\n');
}

export function raceReport(race: RaceResult, format: ReportFormat, warnings: NameWarning[] = []): string {
  const parts = [heading(race.race, 2, format), race.summary];
  if (warnings.length) parts.push(nameWarnings(warnings));
  for (const round of race.rounds) {
    parts.push(`${round.label} (${neededText(round)})`);
    parts.push(table(['Option', 'Votes', 'Share'], roundRows(round), format));
    const decisions = round.decisions.map((d) => `- ${d.reason}`);
    if (decisions.length) parts.push(decisions.join('\n'));
  }
  return parts.join('\n\n');
}

export function refusalsByReason(refused: Refusal[]): Map<RefusalReason, Refusal[]> {
  const groups = new Map<RefusalReason, Refusal[]>();
  for (const r of refused) {
    const list = groups.get(r.reason) ?? [];
    list.push(r);
    groups.set(r.reason, list);
  }
  return groups;
}

export function voteReport(report: VoteReport, format: ReportFormat = 'text'): string {
  const { ballots, turnout } = report;
  const title = report.rules.group ? `${report.rules.group}: endorsement vote` : 'Endorsement vote';
  const parts = [heading(title, 1, format)];
  const turnoutLine = turnout.eligible
    ? `Turnout: ${share(turnout.voted, turnout.eligible)} of eligible members voted.`
    : `Members who voted: ${turnout.voted}.`;
  parts.push(`Ballots received: ${ballots.received}; counted: ${ballots.accepted}; refused: ${ballots.refused}. ${turnoutLine}`);
  for (const notice of report.notices) parts.push(`Note: ${notice}`);
  for (const race of report.races) parts.push(raceReport(race, format, report.warnings.filter((w) => w.race === race.race)));
  if (report.refused.length) {
    parts.push(heading('Ballots not counted', 2, format));
    for (const [reason, list] of refusalsByReason(report.refused)) {
      const lines = list.map((r) => `- ${r.source} row ${r.row}${r.voter ? ` (${r.voter})` : ''}${r.race ? ` [${r.race}]` : ''}: ${r.detail}`);
      parts.push(`${refusalTitle(reason)} (${list.length}):\n${lines.join('\n')}`);
    }
  }
  if (report.proxies.length) {
    parts.push(heading('Proxies', 2, format));
    parts.push(report.proxies.map((p) => `- ${p.member.name} → ${p.holder.name}: ${p.used ? 'used' : 'not used'}; ${p.reason}`).join('\n'));
  }
  // Last, for anyone checking the count: what each column of the sheet was taken to be.
  parts.push(heading(`How ${report.layout.source} was read`, 2, format));
  parts.push(sheetReading(report.layout).map((c) => `- ${columnsLabel(c.columns)}: ${c.words}`).join('\n'));
  return parts.join('\n\n') + '\n';
}
