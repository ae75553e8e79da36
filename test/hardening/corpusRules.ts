/** The corpus, part 4: rules files with unknown keys or impossible values. All are refused before any count. */
import { expect } from 'vitest';
import { ballots, refusals, votes, type SheetCase } from './corpusCase';

const threeWay = ballots(['ana@example.org', 'Ana Diaz'], ['bo@example.org', 'Bo Li'], ['cy@example.org', 'Cy Wu'], ['dee@example.org', 'Ana Diaz']);

/** A rules.json refused up front, with the file named and the problem said. */
const refused = (name: string, rules: unknown, says: RegExp): SheetCase => ({
  kind: 'rules', name, rules, responses: threeWay, expected: { error: 'RulesError', at: 'rules.json', says },
});

export const RULES_CASES: SheetCase[] = [
  refused('a misspelt setting', { thresold: '2/3' }, /unknown setting 'thresold'/),
  refused('an unknown setting inside a race', { races: { Mayor: { seat: 2 } } }, /races\.Mayor: unknown setting 'seat'/),
  refused('a "__proto__" key', JSON.parse('{"__proto__": {"threshold": "1/2"}}'), /unknown setting '__proto__'/),
  refused('rules that are a list', [], /\(top level\) must be an object, got \[\]/),
  refused('a threshold in words', { threshold: 'two thirds' }, /threshold must be like 2\/3 or 60%, or plurality, or consensus/),
  refused('a threshold of 0/3', { threshold: '0/3' }, /threshold 0\/3 would endorse anyone with a single vote; use plurality/),
  refused('a threshold of 0%', { threshold: '0%' }, /threshold 0% would endorse anyone with a single vote/),
  refused('a threshold of 4/3', { threshold: '4/3' }, /threshold 4\/3 is more than all of the votes/),
  refused('a threshold of 150%', { threshold: '150%' }, /threshold 150% is more than all of the votes/),
  refused('a threshold of 2/0', { threshold: '2/0' }, /threshold 2\/0 divides by zero/),
  refused('"more than 1/1"', { threshold: '1/1', comparison: 'more-than' }, /threshold "more than 1\/1" can never be reached/),
  refused('"more than 100%"', { threshold: '100%', comparison: 'more-than' }, /threshold "more than 100%" can never be reached/),
  refused('a quorum of 5/4', { minTurnout: '5/4' }, /minTurnout 5\/4 is more than every eligible member/),
  refused('a quorum of 1/0', { minTurnout: '1/0' }, /minTurnout 1\/0 divides by zero/),
  refused('no seats', { races: { Mayor: { seats: 0 } } }, /races\.Mayor\.seats must be 1 or more, got 0/),
  refused('an empty tie order', { ties: [] }, /ties: an empty order settles no tie/),
  refused('a tie order naming someone twice', { ties: ['Bo Li', 'Cy Wu', 'bo li'] }, /ties: the order names "bo li" twice/),
  refused('a tie order missing a declared candidate', { ties: ['Bo Li', 'Ana Diaz'], races: { Mayor: { candidates: ['Ana Diaz', 'Bo Li', 'Cy Wu', 'No endorsement'] } } },
    /ties: the order does not name "Cy Wu", a candidate in races\.Mayor/),
  refused('ties by lot without a seed', { ties: 'lot' }, /ties is 'lot' but no seed is given/),
  refused('a time zone that does not exist', { timeZone: 'Mars/Olympus_Mons' }, /timeZone: unknown time zone 'Mars\/Olympus_Mons'/),
  refused('a window zone that does not exist', { window: { timeZone: 'Europe/Atlantis', opens: '2026-05-22' } }, /window\.timeZone: unknown time zone/),
  refused('February 30th as the opening', { window: { opens: '2026-02-30' } }, /window\.opens is not a real date, got "2026-02-30"/),
  refused('an asOf of the 13th month', { eligibility: { asOf: '2026-13-01' } }, /eligibility\.asOf is not a real date/),
  refused('a window that closes before it opens', { window: { opens: '2026-06-01', closes: '2026-05-01' } }, /window\.opens \(2026-06-01\) is after window\.closes/),
  refused('one label both a vote and a blank', { noEndorsement: ['None', 'Pass'], abstain: 'pass' }, /"Pass" is both a noEndorsement and an abstain label/),
  refused('a negative number of weeks', { eligibility: { attendedWithinWeeks: -6 } }, /eligibility\.attendedWithinWeeks must be 0 or more/),
  refused('a date order nobody uses', { responses: { dateOrder: 'year-first' } }, /responses\.dateOrder must be one of "month-first", "day-first"/),
  {
    kind: 'rules', name: 'a tie order missing a candidate nobody declared', rules: { ties: ['Bo Li'] }, responses: threeWay,
    expected: { error: 'RulesError', at: 'rules', says: /ties: the published order does not name Cy Wu, tied in Mayor/ },
  },
  {
    kind: 'rules', name: 'rules that are null (an empty rules.json would be "null")', rules: null, responses: threeWay,
    expected: { behaviour: 'no rules means the defaults: two-thirds, top-two runoff', check: (o) => expect(o.json.races[0]!.outcome).toBe('runoff-needed') },
  },
  {
    kind: 'rules', name: 'a tie order in other case and spacing', rules: { ties: ['bo  LI', 'cy wu'] }, responses: threeWay,
    expected: { behaviour: 'the order matches names as ballots do: Bo Li takes the runoff place', check: (o) => expect(o.json.races[0]!.finalists).toEqual(['Ana Diaz', 'Bo Li']) },
  },
  {
    kind: 'rules', name: 'a threshold of exactly 1/1 "at least"', rules: { threshold: '1/1' }, responses: ballots(['ana@example.org', 'Ana Diaz'], ['bo@example.org', 'Ana Diaz']),
    expected: { behaviour: 'every vote cast is reachable: a unanimous vote endorses', check: (o) => {
      expect(o.json.races[0]!.outcome).toBe('endorsed');
      expect(votes(o)).toEqual({ 'Ana Diaz': 2 });
      expect(refusals(o)).toEqual([]);
    } },
  },
];
