import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CONFUSABLE_PROTOTYPES } from '../../src/core/confusableTable';
import { lookalikes, showInvisible } from '../../src/core/lookalike';
import { nameKey } from '../../src/core/name';

const CYRILLIC_A = '\u0410';

describe('names that could be taken for one another are flagged for review, never merged', () => {
  it('"Ana Díaz", "Ana Diaz" and "Аna Diaz" (Cyrillic А) are one group: accents and a look-alike letter', () => {
    expect(lookalikes(['Ana Díaz', 'Bo Li', 'Ana Diaz', `${CYRILLIC_A}na Diaz`])).toEqual([
      {
        names: ['Ana Díaz', 'Ana Diaz', `${CYRILLIC_A}na Diaz`],
        why: `differ only in accents and look-alike characters (Cyrillic "${CYRILLIC_A}" (U+0410) in "${CYRILLIC_A}na Diaz"); counted as different names`,
      },
    ]);
  });

  it('names differing only in capitals are flagged, and said to be counted as one', () => {
    expect(lookalikes(['Ana Diaz', 'ANA DIAZ'])).toEqual([{ names: ['Ana Diaz', 'ANA DIAZ'], why: 'differ only in capitals; counted as one name' }]);
  });

  it('names differing only in spacing or punctuation are flagged', () => {
    expect(lookalikes(["O'Brien", 'O\u2019Brien', 'OBrien', 'Mary-Ann Lee', 'Mary Ann Lee', 'MaryAnn Lee'])).toEqual([
      { names: ["O'Brien", 'O\u2019Brien', 'OBrien'], why: 'differ only in spacing or punctuation; counted as different names' },
      { names: ['Mary-Ann Lee', 'Mary Ann Lee', 'MaryAnn Lee'], why: 'differ only in spacing or punctuation; counted as different names' },
    ]);
  });

  it('letters whose mark NFD cannot remove count as accents: Łukasz and Lukasz, Strauß and Strauss, Søren and Soren', () => {
    for (const pair of [['Łukasz', 'Lukasz'], ['Strauß', 'Strauss'], ['Søren', 'Soren']]) {
      expect(lookalikes(pair)).toEqual([{ names: pair, why: 'differ only in accents; counted as different names' }]);
    }
  });

  it('the digit 0 and the letter O, the letters I and l, and "rn" for "m" are look-alikes (UTS #39)', () => {
    expect(lookalikes(['B0b Lee', 'Bob Lee']).map((g) => g.why)).toEqual(['differ only in look-alike characters ("0" (U+0030) in "B0b Lee"); counted as different names']);
    expect(lookalikes(['Ian Wu', 'lan Wu']).map((g) => g.why)).toEqual(['differ only in look-alike characters ("I" (U+0049) in "Ian Wu"); counted as different names']);
    expect(lookalikes(['Kim Ito', 'Kirn Ito'])).toHaveLength(1);
  });

  it('full-width letters are flagged as styled', () => {
    expect(lookalikes(['\uFF21na', 'Ana']).map((g) => g.why)).toEqual(['differ only in full-width or styled letters; counted as different names']);
  });

  it('the same accent stored two ways is one name for the count, and the flag says why they differ', () => {
    const [group] = lookalikes(['Di\u0301az', 'D\u00EDaz']);
    expect(group!.why).toBe('differ only in how their accents are stored (Unicode composed or decomposed letters); counted as one name');
  });

  it('a name holding a zero-width or a direction character is flagged even alone, with the character named', () => {
    expect(lookalikes(['Ana\u200B Diaz', 'Bo Li'])).toEqual([{ names: ['Ana\u200B Diaz'], why: 'holds invisible characters (U+200B zero-width space)' }]);
    expect(lookalikes(['\u202EzaiD anA'])).toEqual([{ names: ['\u202EzaiD anA'], why: 'holds invisible characters (U+202E right-to-left override)' }]);
    expect(lookalikes(['Ana\u0000Diaz'])[0]!.why).toBe('holds invisible characters (U+0000 control character)');
  });

  it('a zero-width character that makes two names look the same is shown in the flag', () => {
    expect(lookalikes(['Ana\u200DDiaz', 'AnaDiaz'])[0]!.why).toBe(
      'differ only in invisible characters (U+200D zero-width joiner in "Ana<U+200D>Diaz"); counted as different names',
    );
  });

  it('a name mixing Latin with Cyrillic or Greek letters is flagged alone; a name wholly in one script is not', () => {
    expect(lookalikes([`${CYRILLIC_A}na Diaz`])[0]!.why).toBe(`mixes Cyrillic and Latin letters (Cyrillic "${CYRILLIC_A}" (U+0410))`);
    expect(lookalikes(['Иван Петров', 'Ivan Petrov', 'Γιάννης Παπαδόπουλος'])).toEqual([]);
  });

  it('different names, the same name twice, and empty names are not flagged', () => {
    expect(lookalikes(['Ana Diaz', 'Ana Díez', 'Bo Li', 'Bo Li', '', ' '])).toEqual([]);
  });

  it('shows invisible characters by their code points, so that an override is seen, not obeyed', () => {
    expect(showInvisible('\u202EzaiD\u200B anA')).toBe('<U+202E>zaiD<U+200B> anA');
  });

  it('maps only to letters, digits and the few punctuation marks it strips, and each character once', () => {
    const sources = Object.values(CONFUSABLE_PROTOTYPES).join('');
    expect(new Set(sources).size).toBe(Array.from(sources).length);
    for (const prototype of Object.keys(CONFUSABLE_PROTOTYPES)) expect(prototype).toMatch(/^([a-zA-Z0-9]+|-|')$/);
  });
});

describe('what any look-alike check must keep', () => {
  const name = fc.string({ unit: fc.constantFrom(...'AaBbOo0Il1 -\u0410\u0430\u00E9\u200B'.split('')), maxLength: 8 });

  it('every name given is in at most one group, groups keep the order given, and nothing is added', () => {
    fc.assert(
      fc.property(fc.array(name, { maxLength: 12 }), (names) => {
        const groups = lookalikes(names);
        const flagged = groups.flatMap((g) => g.names);
        expect(new Set(flagged).size).toBe(flagged.length);
        for (const n of flagged) expect(names).toContain(n);
        for (const g of groups) expect(g.names).toEqual([...g.names].sort((a, b) => names.indexOf(a) - names.indexOf(b)));
      }),
      { numRuns: 300 },
    );
  });

  it('two distinct names the count merges (same nameKey) are always flagged together', () => {
    fc.assert(
      fc.property(name, fc.constantFrom('upper', 'lower', 'spaces'), (n, how) => {
        const other = how === 'upper' ? n.toUpperCase() : how === 'lower' ? n.toLowerCase() : ` ${n.replace(/ /g, '  ')} `;
        fc.pre(other !== n && nameKey(n) === nameKey(other) && nameKey(n).replace(/[\s\-\u200B]/g, '') !== '');
        const groups = lookalikes([n, other]);
        expect(groups.some((g) => g.names.indexOf(n) >= 0 && g.names.indexOf(other) >= 0)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('the order of the names never changes which names are grouped', () => {
    fc.assert(
      fc.property(fc.uniqueArray(name, { maxLength: 8 }).chain((names) => fc.tuple(fc.constant(names), fc.shuffledSubarray(names, { minLength: names.length }))), ([names, shuffled]) => {
        const sets = (groups: { names: string[] }[]) => groups.filter((g) => g.names.length > 1).map((g) => [...g.names].sort().join('|')).sort();
        expect(sets(lookalikes(shuffled))).toEqual(sets(lookalikes(names)));
      }),
      { numRuns: 300 },
    );
  });
});
