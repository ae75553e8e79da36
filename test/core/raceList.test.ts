import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/inputError';
import { raceListProblems, readRaceList } from '../../src/core/raceList';
import { DEFAULT_RULES } from '../../src/core/rules';

describe('reading the races a leader types or pastes', () => {
  it('a race on its own line, then one candidate a line; a blank line ends the race', () => {
    expect(readRaceList('Mayor\nAna Diaz\n  Bo   Li \n\nDistrict Attorney\nDee Ray\n')).toEqual([
      { name: 'Mayor', kind: 'single', candidates: ['Ana Diaz', 'Bo Li'] },
      { name: 'District Attorney', kind: 'single', candidates: ['Dee Ray'] },
    ]);
  });

  it('"(ranked)" after a race makes it a ranking; the default kind applies to the others', () => {
    expect(readRaceList('Mayor (ranked)\nAna\nBo\n\nDA (single)\nDee', 'ranked').map((r) => [r.name, r.kind])).toEqual([['Mayor', 'ranked'], ['DA', 'single']]);
    expect(readRaceList('Mayor\nAna', 'ranked')[0]!.kind).toBe('ranked');
  });

  it('a race and its candidates on one line, split on ";" so that "Smith, Jr." stays one name', () => {
    expect(readRaceList('Mayor: Ana Diaz; John Smith, Jr.\nSheriff: Cy, Dee')).toEqual([
      { name: 'Mayor', kind: 'single', candidates: ['Ana Diaz', 'John Smith, Jr.'] },
      { name: 'Sheriff', kind: 'single', candidates: ['Cy', 'Dee'] },
    ]);
  });

  it('two columns pasted from a sheet: race, candidate; a blank race cell continues the race above', () => {
    expect(readRaceList('Mayor\tAna Diaz\n\tBo Li\nSchool board\tFay\nMayor\tCy Wu')).toEqual([
      { name: 'Mayor', kind: 'single', candidates: ['Ana Diaz', 'Bo Li', 'Cy Wu'] },
      { name: 'School board', kind: 'single', candidates: ['Fay'] },
    ]);
  });

  it('a pasted candidate with no race is refused with its line', () => {
    expect(() => readRaceList('\tAna Diaz')).toThrow(InputError);
    expect(() => readRaceList('\tAna Diaz')).toThrow('the list of races, row 1: "Ana Diaz" is pasted without a race in the first column');
  });

  it('a colon inside a candidate\'s line stays part of the name', () => {
    expect(readRaceList('Mayor\nDr: Ana Diaz')[0]!.candidates).toEqual(['Dr: Ana Diaz']);
  });
});

describe('what a ballot cannot hold', () => {
  const problems = (text: string) => raceListProblems(readRaceList(text), DEFAULT_RULES);

  it('accepts a plain list', () => {
    expect(problems('Mayor\nAna\nBo')).toEqual([]);
  });

  it('refuses an empty list, a race with no candidate, and a race listed twice', () => {
    expect(problems('')).toEqual(['Type at least one race: its name on a line, then its candidates, one a line']);
    expect(problems('Mayor\n\nMayor: Ana')).toEqual(['"Mayor" has no candidate', '"Mayor" is listed twice: each race is one question']);
  });

  it('refuses a name given twice (matched as the count matches names) and the rules\' own labels', () => {
    expect(problems('Mayor\nAna Diaz\nana  DIAZ\nNo endorsement\nAbstain')).toEqual([
      '"Mayor" lists "ana DIAZ" twice',
      '"Mayor" lists "No endorsement", which the rules already put on every ballot: leave it out',
      '"Mayor" lists "Abstain", which the rules already put on every ballot: leave it out',
    ]);
  });

  it('refuses square brackets, which a response sheet reads as a grid, and titles it reads as the voter', () => {
    expect(problems('Mayor [District 3]\nAna')).toEqual(['"Mayor [District 3]": use parentheses, not square brackets, in a race\'s name (a response sheet reads brackets as a grid)']);
    expect(problems('Mayor\nAna [incumbent]')[0]).toContain('"Ana [incumbent]" holds a square bracket');
    expect(problems('Voter code\nAna')[0]).toContain('is what a response sheet calls its timestamp or voter column');
    expect(problems('Email Address\nAna')[0]).toContain('is what a response sheet calls');
  });
});
