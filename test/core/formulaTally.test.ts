import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { endorseTally, endorseWinner } from '../../src/core/formula';

/** A column as Sheets passes it: one row per ballot, one cell per row. */
const column = (...groups: [string, number][]) => groups.flatMap(([name, n]) => Array.from({ length: n }, () => [name]));
const winner = (...args: unknown[]) => (endorseWinner as (...a: unknown[]) => unknown[][])(...args)[0]![0];
const tableOf = (...args: unknown[]) => (endorseTally as (...a: unknown[]) => unknown[][])(...args);
/** The rows before the outcome row, header excluded. */
const roundRows = (table: unknown[][]) => table.slice(1, -1);
const outcomeRow = (table: unknown[][]) => table[table.length - 1]!;

describe('ENDORSE_TALLY: a single-choice column', () => {
  it('endorses a candidate with two-thirds of the votes cast; blanks are not votes cast', () => {
    const rows = ['Ana Diaz', '', 'Bo Li', 'Abstain', 'Ana Diaz', '  ', 'Ana Diaz', 'Bo Li', 'Ana Diaz'];
    const table = tableOf(rows.map((name) => [name]));
    expect(table[0]).toEqual(['Round', 'Option', 'Votes', 'Share', 'Needed', 'Decision']);
    expect(roundRows(table)).toEqual([
      ['Round 1', 'Ana Diaz', 4, '66.7%', 4, 'endorsed'],
      ['Round 1', 'Bo Li', 2, '33.3%', 4, ''],
      ['Round 1', 'Votes cast', 6, '', 4, ''],
      ['Round 1', 'Blank', 3, '', '', 'not counted: blank or abstain'],
    ]);
    expect(outcomeRow(table).slice(0, 5)).toEqual(['Outcome', 'Ana Diaz', '', '', '']);
    expect(outcomeRow(table)[5]).toContain('Ana Diaz 4 of 6');
  });

  it('needs a runoff vote when nobody reaches two-thirds among three candidates', () => {
    const choices = column(['Ana', 5], ['Bo', 3], ['Cy', 2]);
    expect(roundRows(tableOf(choices))).toEqual([
      ['Round 1', 'Ana', 5, '50%', 7, 'to the runoff'],
      ['Round 1', 'Bo', 3, '30%', 7, 'to the runoff'],
      ['Round 1', 'Cy', 2, '20%', 7, ''],
      ['Round 1', 'Votes cast', 10, '', 7, ''],
    ]);
    expect(winner(choices)).toBe('Runoff needed: Ana vs Bo');
    expect(winner(choices, '', 'none')).toBe('No endorsement');
  });

  it('matches names as a teller would: case and spaces do not make a new candidate', () => {
    expect(winner([['Ana Diaz'], ['ana  diaz '], ['ANA DIAZ'], ['Bo Li']])).toBe('Ana Diaz');
  });

  it('takes the empty rows after the last ballot for the rest of an open range, not blank ballots', () => {
    const table = tableOf([['Ana'], [''], ['Ana'], [''], [''], ['']]);
    expect(roundRows(table).find((r) => r[1] === 'Blank')).toEqual(['Round 1', 'Blank', 1, '', '', 'not counted: blank or abstain']);
  });

  it('counts a single cell as one ballot', () => {
    expect(winner('Ana')).toBe('Ana');
  });

  it('makes no endorsement when nobody voted', () => {
    expect(winner([[''], ['']])).toBe('No endorsement');
    expect(outcomeRow(tableOf(''))[1]).toBe('No endorsement');
  });
});

describe('ENDORSE_TALLY: a ranked block with a header row', () => {
  // Columns per candidate, each cell a rank in any of the ways a form writes one.
  const ballots = [
    ['Ana', 'Bo', 'Cy'],
    [1, 2, 3],
    [1, '', ''],
    ['1st', '', '2nd'],
    [1, 2, ''],
    [2, 1, ''],
    ['', 1, ''],
    [3, 1, 2],
    [2, '', 1],
    ['Second choice', '', 'First choice'],
  ];

  it('counts the runoff between the top two from the same ballots', () => {
    // Round 1: Ana 4, Bo 3, Cy 2 of 9, two-thirds needs 6. Cy's voters both rank Ana next: Ana 6 of 9.
    expect(roundRows(tableOf(ballots))).toEqual([
      ['Round 1', 'Ana', 4, '44.4%', 6, 'to the runoff'],
      ['Round 1', 'Bo', 3, '33.3%', 6, 'to the runoff'],
      ['Round 1', 'Cy', 2, '22.2%', 6, ''],
      ['Round 1', 'Votes cast', 9, '', 6, ''],
      ['Runoff', 'Ana', 6, '66.7%', 6, 'endorsed'],
      ['Runoff', 'Bo', 3, '33.3%', 6, ''],
      ['Runoff', 'Votes cast', 9, '', 6, ''],
    ]);
    expect(winner(ballots)).toBe('Ana');
  });

  it('reads a Forms grid header "Mayor [Ana]" as the candidate in brackets', () => {
    const forms = [['Mayor [Ana]', 'Mayor [Bo]', 'Mayor [Cy]'], ...ballots.slice(1)];
    expect(tableOf(forms)).toEqual(tableOf(ballots));
  });

  it('reads a block with one column per rank, each cell a name', () => {
    const byRank = [
      ['Mayor [1st choice]', 'Mayor [2nd choice]'],
      ['Ana', 'Bo'], ['Ana', ''], ['Ana', 'Cy'], ['Bo', 'Ana'], ['Bo', ''], ['Cy', 'Ana'],
    ];
    // Ana 3, Bo 2, Cy 1 of 6; in the runoff Cy's ballot goes to Ana: 4 of 6.
    expect(winner(byRank)).toBe('Ana');
    expect(roundRows(tableOf(byRank))[4]).toEqual(['Runoff', 'Ana', 4, '66.7%', 4, 'endorsed']);
  });

  it('sets aside, in the runoff, a ranking that names neither finalist', () => {
    const table = tableOf([['Ana', 'Bo', 'Cy'], [1, '', ''], [1, '', ''], [1, '', ''], ['', 1, ''], ['', 1, ''], ['', '', 1]]);
    // Round 1: Ana 3, Bo 2, Cy 1 of 6. The Cy ballot ranks nobody else: Ana 3 of 5, short of the 4 needed.
    expect(roundRows(table).slice(4)).toEqual([
      ['Runoff', 'Ana', 3, '60%', 4, ''],
      ['Runoff', 'Bo', 2, '40%', 4, ''],
      ['Runoff', 'Votes cast', 5, '', 4, ''],
      ['Runoff', 'Exhausted', 1, '', '', 'not counted: ranks nobody still in the count'],
    ]);
    expect(outcomeRow(table)[1]).toBe('No endorsement');
  });

  it('refuses a block whose cells are not ranks, naming the cell', () => {
    expect(tableOf([['Ana', 'Bo'], [1, 'top pick!']])).toEqual([
      ['ENDORSE_TALLY: choices, row 2, column "Bo": "top pick!" is not a rank: expected 1, 1st, 1st choice or First choice'],
    ]);
    expect(tableOf([['Ana', 'Bo'], ['Ana', 'Bo']])[0]![0]).toMatch(/^ENDORSE_TALLY: choices has 2 columns but no cell below the header row holds a rank/);
    expect(tableOf([[1, 2], [2, 1]])[0]![0]).toMatch(/^ENDORSE_TALLY: choices has ranks in its first row \(1, 2\), not the candidates' names/);
  });
});

describe('ENDORSE_TALLY: the threshold, compared exactly', () => {
  const fiftyThree = column(['Ana', 35], ['Bo', 18]); // 66.04%: over 66%, under two-thirds

  it('holds 35 of 53 under two-thirds but over 66%', () => {
    expect(winner(fiftyThree)).toBe('No endorsement');
    expect(winner(fiftyThree, '2/3')).toBe('No endorsement');
    expect(winner(fiftyThree, 2 / 3)).toBe('No endorsement');
    expect(winner(fiftyThree, '66%')).toBe('Ana');
    expect(winner(fiftyThree, 0.66)).toBe('Ana');
  });

  it('reads a cell formatted as 60% (Sheets passes 0.6) as exactly three-fifths', () => {
    expect(winner(column(['Ana', 30], ['Bo', 20]), 0.6)).toBe('Ana');
    expect(winner(column(['Ana', 29], ['Bo', 21]), 0.6)).toBe('No endorsement');
    expect(tableOf(column(['Ana', 30], ['Bo', 20]), 0.6)).toEqual(tableOf(column(['Ana', 30], ['Bo', 20]), '60%'));
    expect(tableOf(column(['Ana', 30], ['Bo', 20]), 0.6)[1]![4]).toBe(30);
  });

  it('refuses a number that is no simple fraction rather than guess', () => {
    expect(winner(fiftyThree, 0.6667)).toBe('ENDORSE_WINNER: threshold 0.6667 is not a simple fraction: write it as text, like 2/3 or 66.5%');
    expect(winner(fiftyThree, 60)).toBe("ENDORSE_WINNER: threshold must be like 2/3 or 60%, got '60' (a number is a share of 1: 0.6 is 60%)");
  });

  it('refuses a threshold it cannot read, in the cell, with no stack trace', () => {
    expect(tableOf(fiftyThree, '2-3')).toEqual([["ENDORSE_TALLY: threshold must be like 2/3 or 60%, got '2-3'"]]);
    expect(winner(fiftyThree, '3/2')).toBe('ENDORSE_WINNER: threshold 3/2 is more than all of the votes');
  });

  it('reads a threshold written as text exactly: one above two-thirds is refused, not rounded to 2/3', () => {
    const twentyFourOfThirtySix = column(['Ana', 24], ['Bo', 12]);
    expect(winner(twentyFourOfThirtySix, '2/3')).toBe('Ana');
    expect(winner(twentyFourOfThirtySix, '200000000000000000001/300000000000000000000')).toBe(
      'ENDORSE_WINNER: threshold 200000000000000000001/300000000000000000000 has more digits than can be compared exactly; write it in lowest terms with smaller numbers',
    );
    expect(winner(twentyFourOfThirtySix, '66.6666666666666666666667%')).toBe('ENDORSE_WINNER: threshold 66.6666666666666666666667% is too precise (at most 4 decimals)');
    expect(winner(twentyFourOfThirtySix, '100000000000000001/100000000000000000')).toBe(
      'ENDORSE_WINNER: threshold 100000000000000001/100000000000000000 is more than all of the votes',
    );
  });

  it('endorses the most votes under plurality, and only a unanimous vote under consensus', () => {
    const choices = column(['Ana', 3], ['Bo', 2], ['Cy', 1]);
    expect(winner(choices, 'plurality')).toBe('Ana');
    expect(winner(column(['Ana', 5]), 'consensus')).toBe('Ana');
    expect(winner([...column(['Ana', 5]), ['No endorsement']], 'consensus')).toBe('No endorsement');
  });
});

describe('ENDORSE_TALLY: runoff and the "no endorsement" label', () => {
  it('leaves a tie to the group when the rules hold no runoff', () => {
    expect(winner(column(['Ana', 2], ['Bo', 2]), 'plurality', 'none')).toBe('Tie: Ana, Bo');
    expect(winner(column(['Ana', 2], ['Bo', 2]), 'plurality', false)).toBe('Tie: Ana, Bo');
  });

  it('drops the last candidate round by round under eliminate-lowest', () => {
    const ranked = [['Ana', 'Bo', 'Cy'], [1, 2, ''], [1, '', 2], [2, 1, ''], ['', 1, 2], ['', 2, 1], [2, '', 1], [1, '', '']];
    // Round 1: Ana 3, Bo 2, Cy 2 of 7. Bo and Cy tie for last and both go; round 2: Ana 5 of 5, two rankings exhausted.
    const table = tableOf(ranked, '', 'Eliminate lowest');
    expect(roundRows(table).filter((r) => r[5] !== '').map((r) => [r[0], r[1], r[5]])).toEqual([
      ['Round 1', 'Bo', 'eliminated'],
      ['Round 1', 'Cy', 'eliminated'],
      ['Round 2', 'Ana', 'endorsed'],
      ['Round 2', 'Exhausted', 'not counted: ranks nobody still in the count'],
    ]);
  });

  it("counts the ballot's own no-endorsement option as a real vote", () => {
    const choices = column(['Ana', 3], ['None of the above', 3]);
    expect(winner(choices, 'plurality')).toBe('Tie: Ana, None of the above');
    expect(winner(choices, 'plurality', '', 'None of the above')).toBe('No endorsement');
    expect(roundRows(tableOf(choices, 'plurality', '', 'None of the above'))[1]).toEqual(['Round 1', 'None of the above', 3, '50%', '', 'no endorsement']);
  });

  it('refuses a runoff rule it does not know', () => {
    expect(winner(column(['Ana', 1]), '', 'instant')).toBe("ENDORSE_WINNER: runoff must be top-two, eliminate-lowest or none, got 'instant'");
  });
});

describe('ENDORSE_TALLY on any column of votes', () => {
  const votes = fc.array(fc.constantFrom('Ana', 'Bo', 'Cy', 'Dee', 'No endorsement', 'Abstain', '', 'ana'), { maxLength: 60 });
  const threshold = fc.constantFrom('2/3', '60%', 0.5, 'plurality', 'consensus');

  it("adds up: each round's votes are its votes cast, and no cell is empty of a value", () => {
    fc.assert(
      fc.property(votes, threshold, (names, t) => {
        const table = tableOf(names.map((n) => [n]), t, 'eliminate-lowest');
        for (const row of table) {
          expect(row).toHaveLength(6);
          for (const cell of row) expect(cell === null || cell === undefined).toBe(false);
        }
        const rows = roundRows(table);
        for (const label of new Set(rows.map((r) => r[0]))) {
          const round = rows.filter((r) => r[0] === label);
          const cast = round.find((r) => r[1] === 'Votes cast')![2];
          const options = round.slice(0, round.findIndex((r) => r[1] === 'Votes cast'));
          expect(options.reduce((sum, r) => sum + (r[2] as number), 0)).toBe(cast);
        }
        expect(outcomeRow(table)[1]).toBe(winner(names.map((n) => [n]), t, 'eliminate-lowest'));
      }),
    );
  });

  it('the order of the ballots never matters', () => {
    // Each name written one way: a name written two ways is reported as first written.
    const written = fc.array(fc.constantFrom('Ana', 'Bo', 'Cy', 'Dee', 'No endorsement', 'Abstain', ''), { maxLength: 60 });
    fc.assert(
      fc.property(written.chain((v) => fc.tuple(fc.constant(v), fc.shuffledSubarray(v, { minLength: v.length }))), ([names, shuffled]) => {
        // A last ballot for Bo keeps every blank inside the data (trailing empty rows are not ballots).
        const columnOf = (list: string[]) => [...list, 'Bo'].map((n) => [n]);
        expect(tableOf(columnOf(shuffled))).toEqual(tableOf(columnOf(names)));
      }),
    );
  });
});
