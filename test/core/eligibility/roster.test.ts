import { describe, expect, it } from 'vitest';
import { runInNewContext } from 'node:vm';
import { readRoster } from '../../../src/core/roster';
import { InputError } from '../../../src/core/inputError';
import { ROSTER_VALUES, ZONE, rules } from './sample';

const read = (values: unknown[][], r = rules()) => readRoster(values, 'roster.csv', r, ZONE);

function inputError(work: () => unknown): InputError {
  try {
    work();
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('expected an InputError');
}

describe('reading a roster', () => {
  it('reads name, email, other emails and status, with rows as Sheets numbers them', () => {
    const { members } = read(ROSTER_VALUES);
    expect(members).toHaveLength(5);
    expect(members[0]).toEqual({ name: 'Ana Ruiz', email: 'ana@example.org', otherEmails: ['ana.ruiz@gmail.com'], status: 'Active', row: 2 });
    expect(members[1]!.status).toBe('active');
    expect(members[4]!.row).toBe(6);
  });

  it('matches headers whatever their case and spacing, in any column order', () => {
    const { members } = read([
      ['  STATUS', 'EMAIL', 'Other  Emails ', ' name '],
      ['active', 'bo@example.org', 'b@example.org; c@example.org', 'Bo'],
    ]);
    expect(members).toEqual([{ name: 'Bo', email: 'bo@example.org', otherEmails: ['b@example.org', 'c@example.org'], status: 'active', row: 2 }]);
  });

  it('accepts "Email Address", the header of a Forms sign-up sheet', () => {
    expect(read([['Email Address'], ['ana@example.org']]).members[0]!.email).toBe('ana@example.org');
  });

  it('skips empty rows and names a member by their email when there is no Name column', () => {
    const { members } = read([['Email'], [''], ['ana@example.org'], [null]]);
    expect(members).toEqual([{ name: 'ana@example.org', email: 'ana@example.org', otherEmails: [], row: 3 }]);
  });

  it('refuses a roster without an Email column, saying which headers it found', () => {
    const e = inputError(() => read([['Name', 'Phone'], ['Ana', '555']]));
    expect(e.message).toBe('roster.csv, row 1: no "Email" column (found "Name", "Phone")');
  });

  it('refuses an empty sheet', () => {
    expect(inputError(() => read([])).message).toMatch(/^roster\.csv, row 1: no header row/);
  });

  it('refuses two columns that both mean Email', () => {
    expect(inputError(() => read([['Email', 'Email address'], ['a@x.org', 'b@x.org']])).message).toMatch(/two columns mean "Email"/);
  });

  it('refuses a member with no email, naming the row and column', () => {
    const e = inputError(() => read([['Name', 'Email'], ['Ana', 'ana@example.org'], ['Ben', '  ']]));
    expect(e.place).toEqual({ source: 'roster.csv', row: 3, column: 'Email' });
  });

  it('refuses a cell that is not one email address', () => {
    expect(inputError(() => read([['Email'], ['ana@example.org, ana@gmail.com']])).place.row).toBe(2);
    expect(inputError(() => read([['Email', 'Other emails'], ['ana@example.org', 'Ana at home']])).place.column).toBe('Other emails');
  });

  it('refuses one address on two members, naming both rows', () => {
    const e = inputError(() => read([['Name', 'Email'], ['Ana', 'ana@example.org'], ['Ben', 'ben@example.org'], ['Ana again', ' ANA@example.org ']]));
    expect(e.place.row).toBe(4);
    expect(e.message).toContain('row 2');
  });

  it('refuses an other email that is already another member\'s address', () => {
    const e = inputError(() => read([['Email', 'Other emails'], ['ana@example.org', ''], ['ben@example.org', 'ana@example.org']]));
    expect(e.place).toEqual({ source: 'roster.csv', row: 3, column: 'Other emails' });
    expect(e.message).toContain('row 2');
  });

  it('lets a member list their own address twice', () => {
    expect(read([['Email', 'Other emails'], ['ana@example.org', 'Ana@Example.org']]).members).toHaveLength(1);
  });

  it('counts Gmail aliases of one address as the same address when aliases are on', () => {
    const values = [['Email'], ['joe@gmail.com'], ['j.o.e+vote@googlemail.com']];
    expect(read(values).members).toHaveLength(2);
    expect(inputError(() => read(values, rules({ eligibility: { gmailAliases: true } }))).message).toContain('row 2');
  });

  it('reads a "Last attended" column: text in the group\'s zone, or a Date from another realm', () => {
    const sheetDate = runInNewContext('new Date(Date.UTC(2026, 4, 12, 5))') as Date;
    expect(sheetDate instanceof Date).toBe(false);
    const roster = read([['Email', 'Last attended'], ['ana@example.org', '2026-05-12'], ['ben@example.org', sheetDate], ['dee@example.org', '']]);
    expect(roster.activityColumn).toBe('Last attended');
    expect(roster.members.map((m) => m.lastAttended)).toEqual([Date.UTC(2026, 4, 12, 5), Date.UTC(2026, 4, 12, 5), undefined]);
  });

  it('names the row and column of an unreadable "Last attended" date', () => {
    const e = inputError(() => read([['Email', 'Last attended'], ['ana@example.org', 'last Tuesday']]));
    expect(e.place).toEqual({ source: 'roster.csv', row: 2, column: 'Last attended' });
    expect(e.message).toContain('expected 2026-05-31 or 5/31/2026');
  });
});
