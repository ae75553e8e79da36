/**
 * Issue 4's figures: import + eligibility of 200,000 responses (5 races) against
 * a 50,000-member roster with 500,000 attendance rows, and the command line end to
 * end on a 1,000,000-row CSV as a ratio to parsing that CSV alone.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseRules } from '../src/core/rules';
import { readResponses } from '../src/core/responses';
import { readRoster } from '../src/core/roster';
import { readAttendance } from '../src/core/attendance';
import { decideEligibility } from '../src/core/eligibility';
import { admitBallots } from '../src/core/ballotPool';
import { countVote } from '../src/core/vote';
import { parseCsv } from '../src/cli/csv';
import { runCli } from '../src/cli/endorse';
import { bestOf, type Figure } from './figure';

const ZONE = 'America/Chicago';
const candidates = ['Ana Diaz', 'Bo Li', 'Carmen Ruiz', 'Dev Patel', 'No endorsement'];
const races = ['Mayor', 'Council', 'District Attorney', 'Sheriff', 'School Board'];

function largeVote(responses: number, members: number, attendanceRows: number) {
  const email = (i: number) => `member${i}@example.org`;
  const roster: string[][] = [['Name', 'Email', 'Status']];
  for (let i = 0; i < members; i++) roster.push([`Member ${i}`, email(i), 'Active']);
  const attendance: string[][] = [['Email', 'Date', 'Event']];
  for (let i = 0; i < attendanceRows; i++) {
    const day = 1 + (i % 60);
    attendance.push([email((i * 7919) % members), `2026-${day > 30 ? '05' : '04'}-${String(((day - 1) % 30) + 1).padStart(2, '0')}`, 'Meeting']);
  }
  const header = ['Timestamp', 'Email Address', ...races];
  const values: string[][] = [header];
  for (let i = 0; i < responses; i++) {
    const minute = i % 60;
    values.push([
      `5/${22 + (i % 5)}/2026 ${10 + (i % 10)}:${String(minute).padStart(2, '0')}:00`,
      email((i * 31) % (members + 1000)),
      ...races.map((_, r) => candidates[(i + r * 3 + (i >> 4)) % candidates.length]!),
    ]);
  }
  return { roster, attendance, values };
}

export default async function voteFigures(): Promise<Figure[]> {
  const rules = parseRules({ eligibility: { asOf: '2026-05-20' }, timeZone: ZONE, window: { opens: '2026-05-22', closes: '2026-05-27' } });
  const data = largeVote(200_000, 50_000, 500_000);
  const importAndEligibility = bestOf(3, () => {
    const sheet = readResponses(data.values, { source: 'Form Responses 1', rules, timeZone: ZONE });
    const roster = readRoster(data.roster, 'Roster', rules, ZONE);
    const attendance = readAttendance(data.attendance, 'Attendance', rules, ZONE);
    const eligible = decideEligibility(roster, attendance, rules, ZONE);
    return admitBallots(sheet.responses, { eligible, proxies: [], rules, timeZone: ZONE, hasIdentityColumn: true });
  });
  const whole = bestOf(3, () =>
    countVote({
      rules, timeZone: ZONE,
      responses: { source: 'Form Responses 1', values: data.values },
      roster: { source: 'Roster', values: data.roster },
      attendance: { source: 'Attendance', values: data.attendance },
    }),
  );

  // 1,000,000-row CSV, one race: the command line against csv-parse alone.
  const dir = mkdtempSync(join(tmpdir(), 'endorse-bench-'));
  const lines = ['Timestamp,Email Address,Mayor'];
  for (let i = 0; i < 1_000_000; i++) lines.push(`5/${22 + (i % 5)}/2026 ${10 + (i % 10)}:${String(i % 60).padStart(2, '0')}:00,voter${i}@example.org,${candidates[(i + (i >> 3)) % 5]}`);
  const csvText = `${lines.join('\n')}\n`;
  const file = join(dir, 'million.csv');
  writeFileSync(file, csvText);
  const rulesFile = join(dir, 'rules.json');
  writeFileSync(rulesFile, JSON.stringify({ timeZone: ZONE }));
  const parseOnly = bestOf(2, () => parseCsv(csvText, 'million.csv').length);
  const cli = bestOf(2, () => runCli(['tally', file, '--rules', rulesFile, '--format', 'json']));
  rmSync(dir, { recursive: true, force: true });
  if (cli.result.code !== 0) throw new Error(cli.result.stderr);

  return [
    { name: 'import + eligibility: 200,000 responses × 5 races, 50,000 members, 500,000 attendance rows', value: importAndEligibility.ms, unit: 'ms', target: '< 2000 ms' },
    { name: 'whole count of that vote (countVote, 5 races)', value: whole.ms, unit: 'ms' },
    { name: `ballots admitted in that vote`, value: importAndEligibility.result.accepted.length, unit: 'ballots' },
    { name: 'csv-parse alone on a 1,000,000-row CSV', value: parseOnly.ms, unit: 'ms' },
    { name: 'endorse tally end to end on the same CSV', value: cli.ms, unit: 'ms' },
    { name: 'CLI end to end ÷ parsing alone', value: Math.round((cli.ms / parseOnly.ms) * 100) / 100, unit: '×', target: '< 1.5×' },
  ];
}
