/**
 * Random input, hostile on purpose: 2-D grids of whatever a sheet can hold at
 * the importer and the whole count, and elections with look-alike, blank and
 * odd names at the tally. Nothing may escape but the project's own errors
 * (InputError, RulesError), and the tally's invariants (docs/rules-counting.md) hold.
 */
import vm from 'node:vm';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { RaceBallot } from '../../src/core/ballot';
import { InputError } from '../../src/core/inputError';
import { nameKey } from '../../src/core/name';
import { voteReport } from '../../src/core/report';
import { reportJson } from '../../src/core/reportJson';
import { readResponses } from '../../src/core/responses';
import type { RaceResult } from '../../src/core/result';
import { parseRules, type Rules, RulesError } from '../../src/core/rules';
import { type RaceInput, tallyRace } from '../../src/core/tally';
import { countVote, type VoteReport } from '../../src/core/vote';

const GRID_RUNS = 10_000;
const ELECTION_RUNS = 1000;
const ran = { grids: 0, counted: 0, refused: 0, elections: 0 };

afterAll(() => {
  console.log(`fuzz: ${ran.grids} grids, ${ran.elections} elections (whole counts: ${ran.counted} counted, ${ran.refused} refused with a message)`);
});

/** The project's own errors are answers; anything else is a crash and fails the run. */
function ownErrorsOnly<T>(work: () => T): T | null {
  try {
    return work();
  } catch (error) {
    if (error instanceof InputError || error instanceof RulesError) return null;
    throw error;
  }
}

// ---- Grids: what getValues() or a CSV can hand the importer.

const OtherRealmDate = vm.runInNewContext('Date') as DateConstructor;
const HOSTILE = ['\u0000', '\u0007', '\u200B', '\u200D', '\u202E', '\uFEFF', '\uFFFD', '\r', '\n', '\t', ',', ';', '"', '[', ']', ' ', '\u0410', '\u03BF', 'a', 'A', '1', '='];
const WORDS = [
  'Ana Diaz', 'ana  diaz', '\u0410na Diaz', 'Ana Díaz', 'Bo Li', 'Cy Wu', 'No endorsement', 'NO ENDORSEMENT', 'Abstain', 'Ana Diaz, Bo Li', 'Ana Diaz;Bo Li',
  '1', '2', '3', '1st choice', 'Second choice', 'first', '#2', '0', '99', '5/22/2026 9:00:00', '22/05/2026 21:42:55', '2026/05/22 2:09:12 pm CET', '2026-05-22T09:00:00Z',
  '2026/05/22 9:00 IST', 'ana@example.org', 'BO@example.org ', 'cy@example.org\u200B', '=SUM(A1)', '',
];
const HEADERS = [
  'Timestamp', 'Email Address', 'Email', 'Username', 'Voter code', 'Mayor', 'Mayor', 'District Attorney [Ana Diaz]', 'District Attorney [Bo Li]', 'District Attorney [Cy Wu]',
  'Ranking [1st choice]', 'Ranking [2nd choice]', 'Ranking [3rd choice]', ' [Ana]', '[', 'Rate the candidates [Ana]', 'Your name', 'Comments', 'Council', '', '\uFEFFTimestamp', 'Email\u200B Address',
];

const text = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 2, arbitrary: fc.string({ unit: fc.constantFrom(...HOSTILE), maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
);
const cell: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 12, arbitrary: text },
  { weight: 2, arbitrary: fc.oneof(fc.integer({ min: -5, max: 10 }), fc.double(), fc.constantFrom(46164.4, 46165, 1e12, -0, Number.NaN, Number.POSITIVE_INFINITY)) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.date({ min: new Date(Date.UTC(1899, 0, 1)), max: new Date(Date.UTC(3000, 0, 1)), noInvalidDate: false }) },
  { weight: 1, arbitrary: fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2027, 0, 1) }).map((t) => new OtherRealmDate(t)) },
  { weight: 2, arbitrary: fc.constantFrom(null, undefined, '') },
);
const header = fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...HEADERS) }, { weight: 1, arbitrary: cell });
/** A header row, and data rows of any width (a CSV's rows may be ragged); now and then a row that is missing. */
const grid = fc
  .tuple(fc.array(header, { maxLength: 7 }), fc.array(fc.oneof({ weight: 12, arbitrary: fc.array(cell, { maxLength: 8 }) }, { weight: 1, arbitrary: fc.constantFrom(null, undefined) }), { maxLength: 10 }))
  .map(([head, rows]) => [head, ...rows] as unknown[][]);
/** A well-formed form with hostile answers, so that most counts get past the importer to the tally. */
const VOTER = fc.constantFrom('ana@example.org', 'ANA@example.org ', 'bo@example.org', 'b@example.org', 'cy@example.org\u200B', 'stranger@example.net', '', 'x');
const STAMP = fc.oneof(fc.constantFrom('5/22/2026 9:00:00', '5/23/2026 23:59:59', '2026-05-22T09:00:00Z', '', '6/30/2026 9:00:00'), fc.integer({ min: Date.UTC(2026, 4, 20), max: Date.UTC(2026, 5, 1) }).map((t) => new OtherRealmDate(t)));
const CHOICE = fc.oneof({ weight: 4, arbitrary: fc.constantFrom('Ana Diaz', 'ana  diaz', '\u0410na Diaz', 'Ana D\u00EDaz', 'Bo Li', 'Cy Wu', 'No endorsement', 'Abstain', '') }, { weight: 1, arbitrary: text });
const RANK = fc.constantFrom('1', '2', '3', '1st choice', 'Second choice', '', '', '1');
const plausibleGrid = fc
  .array(fc.tuple(STAMP, VOTER, CHOICE, RANK, RANK, RANK, fc.array(CHOICE, { maxLength: 3 }).map((c) => c.join(', '))), { maxLength: 12 })
  .map((rows) => [['Timestamp', 'Email Address', 'Mayor', 'District Attorney [Ana Diaz]', 'District Attorney [Bo Li]', 'District Attorney [Cy Wu]', 'Council'], ...rows] as unknown[][]);
/** Now and then no header row at all. */
const sheet = fc.oneof({ weight: 6, arbitrary: grid }, { weight: 6, arbitrary: plausibleGrid }, { weight: 1, arbitrary: fc.constant([] as unknown[][]) });

const rulesPool: unknown[] = [
  {},
  { threshold: '1/2', runoff: 'none' },
  { threshold: 'plurality', ties: 'lot', seed: 'fuzz' },
  { responses: { dateOrder: 'day-first' } },
  { timeZone: 'America/Chicago', window: { opens: '2026-05-22', closes: '2026-05-27' } },
  { races: { Mayor: { candidates: ['Ana Diaz', 'Bo Li'] }, Council: { seats: 2 } } },
  { races: { 'District Attorney': { kind: 'ranked' }, Mayor: { kind: 'approval' } } },
  { responses: { identityColumn: 'Voter code', ignoreColumns: ['Comments'] }, secret: true },
  { eligibility: { gmailAliases: true }, duplicates: 'first', noEndorsement: ['No endorsement', 'None'], abstain: ['Abstain', 'Pass'] },
  { ties: ['Bo Li', 'Ana Diaz', 'Cy Wu'], ranked: { overvote: 'skip', maxSkippedRanks: 0, repeated: 'exhaust' } },
];
const ROSTERS: unknown[][][] = [
  [['Name', 'Email', 'Other emails'], ['Ana', 'ana@example.org', ''], ['Bo', 'bo@example.org', 'b@example.org'], ['Cy', 'cy@example.org', '']],
  [['Email'], ['ana@example.org']],
];

/** Every ballot the count admitted is in each race's first round, once for each member it counts for, unless refused for that race. */
function expectBallotsAddUp(report: VoteReport, source: string): void {
  const weightOfRow = new Map(report.accepted.map((a) => [a.response.row, a.countsFor.length]));
  const admitted = report.accepted.reduce((sum, a) => sum + a.countsFor.length, 0);
  for (const race of report.races) {
    const refusedHere = report.refused.filter((r) => (r.reason === 'invalid-choice' || r.reason === 'unreadable-mark') && r.race === race.race && r.source === source);
    const expected = admitted - refusedHere.reduce((sum, r) => sum + (weightOfRow.get(r.row) ?? 0), 0);
    const first = race.rounds[0]!;
    expect(first.votesCast + first.blank + first.exhausted + first.invalid).toBe(expected);
  }
}

describe('random grids at the importer and the whole count', () => {
  it('only InputError or RulesError ever escapes, and a count that succeeds adds up and renders', () => {
    fc.assert(
      fc.property(sheet, fc.constantFrom(...rulesPool), fc.option(fc.constantFrom(...ROSTERS)), (values, rulesInput, roster) => {
        ran.grids++;
        const rules = parseRules(rulesInput);
        ownErrorsOnly(() => readResponses(values, { source: 'fuzz.csv', rules, timeZone: 'Pacific/Auckland' }));
        const report = ownErrorsOnly(() =>
          countVote({ rules, timeZone: 'Pacific/Auckland', responses: { source: 'fuzz.csv', values }, roster: roster ? { source: 'roster.csv', values: roster } : undefined }),
        );
        if (!report) {
          ran.refused++;
          return;
        }
        ran.counted++;
        expect(report.ballots.accepted + report.ballots.refused).toBe(report.ballots.received);
        expectBallotsAddUp(report, 'fuzz.csv');
        expect(() => JSON.stringify(reportJson(report))).not.toThrow();
        expect(voteReport(report, 'markdown').length).toBeGreaterThan(0);
      }),
      { numRuns: GRID_RUNS },
    );
  });

  it('a grid the importer reads gives the same responses when read again', () => {
    fc.assert(
      fc.property(grid, fc.constantFrom(...rulesPool), (values, rulesInput) => {
        ran.grids++;
        const rules = parseRules(rulesInput);
        const read = () => ownErrorsOnly(() => readResponses(values, { source: 'fuzz.csv', rules, timeZone: 'UTC' }));
        expect(JSON.stringify(read())).toBe(JSON.stringify(read()));
      }),
      { numRuns: Math.floor(GRID_RUNS / 3) },
    );
  });
});

// ---- Elections: random ballots with hostile names at the tally.

const NAMES = ['Ana', 'ana ', ' ANA', '\u0410na', 'Ana\u200B', 'Bo', 'bo', 'Cy', '', '   ', 'No endorsement', 'no  ENDORSEMENT', 'Abstain', 'ABSTAIN', '\u0000', '\u202Eyc'];
const name = fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...NAMES) }, { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom(...HOSTILE), maxLength: 4 }) });
const THRESHOLDS = ['2/3', '3/5', '1/2', '60%', '3/4', 'plurality', 'consensus'];
/** A published tie order names each candidate once (parseRules refuses blanks and repeats); it may leave some out. */
const TIE_ORDER = ['Ana', '\u0410na', 'Ana\u200B', 'Bo', 'Cy', '\u202Eyc', '\u0000'];

const ballotOf = (kind: RaceInput['kind']): fc.Arbitrary<RaceBallot> => {
  if (kind === 'single') return fc.option(name, { nil: null }).map((choice) => ({ kind, choice }));
  if (kind === 'approval') return fc.array(name, { maxLength: 4 }).map((choices) => ({ kind, choices }));
  return fc.array(fc.array(name, { maxLength: 2 }), { maxLength: 5 }).map((ranks) => ({ kind, ranks }));
};

interface Election {
  input: RaceInput;
  rules: Rules;
}

const elections: fc.Arbitrary<Election> = fc
  .record({
    kind: fc.constantFrom('single' as const, 'ranked' as const, 'approval' as const),
    threshold: fc.constantFrom(...THRESHOLDS),
    comparison: fc.constantFrom('at-least' as const, 'more-than' as const),
    runoff: fc.constantFrom('top-two' as const, 'eliminate-lowest' as const, 'none' as const),
    ties: fc.oneof(fc.constantFrom('all-advance' as const, 'lot' as const, 'ask' as const), fc.shuffledSubarray(TIE_ORDER, { minLength: 1 })),
    declared: fc.option(fc.uniqueArray(name, { minLength: 1, maxLength: 4 }), { nil: undefined }),
  })
  .chain((e) =>
    fc.record({
      e: fc.constant(e),
      seats: e.kind === 'approval' ? fc.integer({ min: 1, max: 3 }) : fc.constant(1),
      ballots: fc.array(ballotOf(e.kind), { maxLength: 30 }),
      second: fc.array(ballotOf('single'), { maxLength: 20 }),
    }),
  )
  .map(({ e, seats, ballots, second }) => {
    const rules = parseRules({ threshold: e.threshold, comparison: e.comparison, runoff: e.runoff, ties: e.ties, seed: 'fuzz' });
    const input: RaceInput = { race: 'Mayor', kind: e.kind, seats, ballots, ...(e.declared ? { candidates: e.declared } : {}) };
    const first = ownErrorsOnly(() => tallyRace(input, rules));
    const live = e.kind === 'single' && first?.outcome === 'runoff-needed';
    return { input: live ? { ...input, secondVote: second } : input, rules };
  });

const tally = (e: Election) => ownErrorsOnly(() => tallyRace(e.input, e.rules));

/** The exact fraction behind a threshold text of the pool, for an oracle independent of threshold.ts. */
const FRACTIONS: Record<string, [number, number]> = { '2/3': [2, 3], '3/5': [3, 5], '1/2': [1, 2], '60%': [3, 5], '3/4': [3, 4] };

function expectRoundsAddUp(result: RaceResult, e: Election): void {
  for (const round of result.rounds) {
    const ballots = round.number === 1 || e.input.kind === 'ranked' ? e.input.ballots : e.input.secondVote!;
    const { overvote, skippedRank, repeated, noMoreChoices } = round.inactive;
    expect(round.exhausted).toBe(overvote + skippedRank + repeated + noMoreChoices);
    expect(round.votesCast + round.blank + round.exhausted + round.invalid).toBe(ballots.length);
    const total = round.counts.reduce((sum, c) => sum + c.votes, 0);
    if (result.seats === 1 && result.kind !== 'approval') expect(total).toBe(round.votesCast);
    else for (const c of round.counts) expect(c.votes).toBeLessThanOrEqual(round.votesCast);
  }
}

/** Nobody is endorsed without the threshold, checked with integers here, not with the tally's own code. */
function expectEndorsedMetTheBar(result: RaceResult, e: Election): void {
  if (result.outcome !== 'endorsed' || result.seats !== 1 || result.kind === 'approval') return;
  const last = result.rounds[result.rounds.length - 1]!;
  const winner = last.counts.find((c) => c.option === result.endorsed[0])!;
  const none = last.counts.find((c) => c.noEndorsement)?.votes ?? 0;
  expect(winner.votes).toBeGreaterThan(none);
  const fraction = FRACTIONS[e.rules.threshold];
  if (e.rules.threshold === 'consensus') expect(winner.votes).toBe(last.votesCast);
  if (!fraction) return;
  const [num, den] = fraction;
  if (e.rules.comparison === 'at-least') expect(den * winner.votes).toBeGreaterThanOrEqual(num * last.votesCast);
  else expect(den * winner.votes).toBeGreaterThan(num * last.votesCast);
}

/** Each name rewritten as another spelling the count matches to it: other case, doubled and outer spaces. */
function respelled(ballot: RaceBallot, how: number): RaceBallot {
  const spell = (n: string) => (how === 0 ? n.toUpperCase() : how === 1 ? n.toLowerCase() : `  ${n.replace(/ /g, '   ')} `);
  if (ballot.kind === 'single') return { kind: 'single', choice: ballot.choice === null ? null : spell(ballot.choice) };
  if (ballot.kind === 'approval') return { kind: 'approval', choices: ballot.choices.map(spell) };
  return { kind: 'ranked', ranks: ballot.ranks.map((rank) => rank.map(spell)) };
}

const byKey = (result: RaceResult) => result.rounds.map((r) => Object.fromEntries(r.counts.map((c) => [nameKey(c.option), c.votes])));

describe('random ballots with hostile names at the tally', () => {
  it("every round's counts add up to its votes cast, and with the ballots put aside, to every ballot", () => {
    fc.assert(
      fc.property(elections, (e) => {
        ran.elections++;
        const result = tally(e);
        if (result) {
          expectRoundsAddUp(result, e);
          expectEndorsedMetTheBar(result, e);
        }
      }),
      { numRuns: ELECTION_RUNS },
    );
  });

  it('a result is identical on re-run, from a copy of its input, which it leaves untouched', () => {
    fc.assert(
      fc.property(elections, (e) => {
        ran.elections++;
        const before = JSON.stringify(e.input);
        const result = tally(e);
        expect(tally({ ...e, input: JSON.parse(before) as RaceInput })).toEqual(result);
        expect(JSON.stringify(e.input)).toBe(before);
      }),
      { numRuns: ELECTION_RUNS },
    );
  });

  it('the order of the ballots never matters', () => {
    fc.assert(
      fc.property(
        elections.chain((e) => fc.tuple(fc.constant(e), fc.shuffledSubarray(e.input.ballots, { minLength: e.input.ballots.length }), fc.shuffledSubarray(e.input.secondVote ?? [], { minLength: e.input.secondVote?.length ?? 0 }))),
        ([e, ballots, second]) => {
          ran.elections++;
          const shuffled = { ...e, input: { ...e.input, ballots, ...(e.input.secondVote ? { secondVote: second } : {}) } };
          const a = tally(e);
          const b = tally(shuffled);
          // Reported spellings are the first seen, so they may differ: the counts, matched as names are, may not.
          expect(b === null).toBe(a === null);
          if (a && b) {
            expect(b.outcome).toBe(a.outcome);
            expect(byKey(b)).toEqual(byKey(a));
            expect(b.endorsed.map(nameKey)).toEqual(a.endorsed.map(nameKey));
          }
        },
      ),
      { numRuns: ELECTION_RUNS },
    );
  });

  it('how a name is written (case, spaces) never changes a count', () => {
    fc.assert(
      fc.property(elections, fc.integer({ min: 0, max: 2 }), (e, how) => {
        ran.elections++;
        const again = { ...e, input: { ...e.input, ballots: e.input.ballots.map((b) => respelled(b, how)), ...(e.input.secondVote ? { secondVote: e.input.secondVote.map((b) => respelled(b, how)) } : {}) } };
        // Without declared names the draw by lot follows the spellings; keep the rule that names no one.
        fc.pre(e.rules.ties !== 'lot');
        const a = tally(e);
        const b = tally(again);
        expect(b === null).toBe(a === null);
        if (a && b) {
          expect(b.outcome).toBe(a.outcome);
          expect(byKey(b)).toEqual(byKey(a));
        }
      }),
      { numRuns: ELECTION_RUNS },
    );
  });
});
