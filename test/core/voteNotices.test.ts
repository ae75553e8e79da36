import { describe, expect, it } from 'vitest';
import { resultsSheet } from '../../src/core/outputSheets';
import { voteReport } from '../../src/core/report';
import { reportJson } from '../../src/core/reportJson';
import { parseRules } from '../../src/core/rules';
import { countVote } from '../../src/core/vote';

const rules = parseRules({ timeZone: 'America/Chicago' });
const roster = { source: 'Roster', values: [['Name', 'Email'], ['Ana', 'ana@example.org'], ['Bo', 'bo@example.org']] };

describe('what a count tells the leader to review', () => {
  it('stops when a roster is given but the sheet names no voter: no ballot could be matched, and turnout could pass 100%', () => {
    const responses = { source: 'Form Responses 1', values: [['Timestamp', 'Mayor'], ['5/22/2026 9:00:00', 'Ana Diaz'], ['5/22/2026 9:05:00', 'Ana Diaz'], ['5/22/2026 9:06:00', 'Bo Li']] };
    expect(() => countVote({ rules, timeZone: 'UTC', roster, responses })).toThrow(
      'Form Responses 1, row 1: no column names the voter (such as "Email Address"), so no ballot can be matched to the roster: collect email addresses in the form, name the voter\'s column in responses.identityColumn, or count without a roster',
    );
  });

  it('says in every report when a sheet names no voter and no roster was given: anyone with the link could vote', () => {
    const report = countVote({
      rules, timeZone: 'UTC',
      responses: { source: 'Form Responses 1', values: [['Timestamp', 'Mayor'], ['5/22/2026 9:00:00', 'Ana Diaz'], ['5/22/2026 9:05:00', 'Ana Diaz'], ['5/22/2026 9:06:00', 'Bo Li']] },
    });
    expect(report.notices).toEqual([
      "Form Responses 1 names no voter and no roster was given: anyone with the form's link could vote, repeated ballots from one person could not be found, and every ballot was counted.",
    ]);
    expect(report.ballots.accepted).toBe(3);
    expect(voteReport(report)).toContain(`Note: ${report.notices[0]}`);
    expect(reportJson(report).notices).toEqual(report.notices);
    expect(resultsSheet(report, 0).values).toContainEqual(['Note', report.notices[0], '']);
  });

  it('says nothing of the kind when voters are identified', () => {
    const report = countVote({
      rules, timeZone: 'UTC', roster,
      responses: { source: 'Form Responses 1', values: [['Timestamp', 'Email Address', 'Mayor'], ['5/22/2026 9:00:00', 'ana@example.org', 'Ana Diaz']] },
    });
    expect(report.notices).toEqual([]);
  });

  it('lists look-alike names under their race in the report, the JSON and the Results sheet', () => {
    const report = countVote({
      rules, timeZone: 'UTC',
      responses: { source: 'Form Responses 1', values: [['Timestamp', 'Mayor'], ['5/22/2026 9:00:00', 'Ana Diaz'], ['5/22/2026 9:05:00', 'Ana Díaz'], ['5/22/2026 9:06:00', 'Bo Li']] },
    });
    expect(report.warnings).toHaveLength(1);
    expect(report.warnings[0]).toMatchObject({ race: 'Mayor', names: expect.arrayContaining(['Ana Diaz', 'Ana Díaz']) });
    // Never merged: each spelling keeps its own votes.
    expect(report.races[0]!.rounds[0]!.counts.map((c) => [c.option, c.votes])).toEqual(expect.arrayContaining([['Ana Diaz', 1], ['Ana Díaz', 1]]));
    expect(reportJson(report).warnings).toEqual([{ race: 'Mayor', names: report.warnings[0]!.names, why: report.warnings[0]!.why }]);
    const checkRows = resultsSheet(report, 0).values.filter((row) => row[0] === 'Check names');
    expect(checkRows).toHaveLength(1);
    expect(checkRows[0]![1]).toMatch(/^Check these names: "Ana Diaz", "Ana Díaz"|^Check these names: "Ana Díaz", "Ana Diaz"/);
  });
});
