import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { codeListSheet, codeMessage, issuedCodes, readCodeList, waiting, withCodesFor, type CodeEntry } from '../../src/core/codeMailing';
import { InputError } from '../../src/core/inputError';
import { codeRandomFromUuids } from '../../src/core/voterCode';

const random = () => codeRandomFromUuids(() => randomUUID());
const MEMBERS = [{ name: 'Ana Diaz', email: 'ana@example.org' }, { name: 'Bo Li', email: 'bo@example.org' }];

describe('the Voter codes list', () => {
  it('gives each member one code, and a member added later a new one, leaving every other code as it was', () => {
    const first = withCodesFor([], MEMBERS, random(), false);
    expect(first.added).toBe(2);
    const later = withCodesFor(first.list, [...MEMBERS, { name: 'Cy Wu', email: 'CY@example.org' }, { name: 'Bo again', email: ' BO@example.org ' }], random(), false);
    expect(later.added).toBe(1);
    expect(later.list.slice(0, 2)).toEqual(first.list);
    expect(later.list.map((e) => e.email)).toEqual(['ana@example.org', 'bo@example.org', 'CY@example.org']);
    expect(new Set(later.list.map((e) => e.code)).size).toBe(3);
  });

  it('reads back from its sheet as written, codes in canonical form', () => {
    const { list } = withCodesFor([], MEMBERS, random(), false);
    const sent: CodeEntry[] = [{ ...list[0]!, sent: '2026-05-20 09:00:00' }, { ...list[1]!, note: 'Invalid email: bo@example' }];
    const sheet = codeListSheet(sent);
    expect(sheet.values[0]).toEqual(['Name', 'Email', 'Code', 'Sent', 'Note']);
    expect(sheet.values[1]![2]).toMatch(/^[2-9A-Z]{5}-[2-9A-Z]{5}$/);
    expect(sheet.formats.flat().every((f) => f === '@')).toBe(true);
    expect(readCodeList(sheet.values)).toEqual(sent);
    expect(waiting(sent)).toEqual([1]);
    expect(issuedCodes(sent)).toEqual(new Map([[list[0]!.code, 'ana@example.org'], [list[1]!.code, 'bo@example.org']]));
    expect(readCodeList(null)).toEqual([]);
  });

  it('a code edited by hand into something that is not a code is reported with its row', () => {
    const values = [['Name', 'Email', 'Code'], ['Ana', 'ana@example.org', 'ABCDE-FGHJ0']];
    expect(() => readCodeList(values)).toThrow(InputError);
    expect(() => readCodeList(values)).toThrow('Voter codes, row 2, column "Code": "ABCDE-FGHJ0" is not a voter code: the sheet was edited by hand');
  });
});

describe('the email that carries a code', () => {
  it('greets the member, gives the code in groups of five and the link, and says what the code does', () => {
    const message = codeMessage({ name: 'Ana Diaz', email: 'ana@example.org', code: 'ABCDEFGHJK', sent: '', note: '' }, {
      group: 'Riverside Indivisible', formUrl: 'https://docs.google.com/forms/d/e/x/viewform', window: 'Voting closes at the end of May 27, 2026 (America/Chicago time).',
    });
    expect(message.to).toBe('ana@example.org');
    expect(message.subject).toBe('Your voter code for the Riverside Indivisible endorsement vote');
    expect(message.body.split('\n\n').slice(0, 5)).toEqual([
      'Hello Ana Diaz,',
      'Your voter code for the Riverside Indivisible endorsement vote is:',
      '    ABCDE-FGHJK',
      'Vote here: https://docs.google.com/forms/d/e/x/viewform',
      'Voting closes at the end of May 27, 2026 (America/Chicago time).',
    ]);
    expect(message.body).toContain('counts once');
  });
});
