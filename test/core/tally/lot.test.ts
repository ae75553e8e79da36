import { describe, expect, it } from 'vitest';
import { drawLots, fnv1a, mulberry32 } from '../../../src/core/lot';

// Expected values come from outside this code: the published FNV-1a test vectors,
// and the Python version of the draw printed in docs/rules-counting.md.
describe('a draw by lot anyone can redo from the seed', () => {
  it('hashes the key with FNV-1a as published', () => {
    expect(fnv1a('')).toBe(0x811c9dc5);
    expect(fnv1a('a')).toBe(0xe40c292c);
    expect(fnv1a('foobar')).toBe(0xbf9cf968);
    expect(fnv1a('é')).toBe(0x1e9de8c1); // UTF-8 bytes, not UTF-16 units
  });

  it('draws numbers with mulberry32 as the Python version does', () => {
    const random = mulberry32(1);
    expect([random(), random(), random()]).toEqual([0.6270739405881613, 0.002735721180215478, 0.5274470399599522]);
  });

  it('gives the same draw as the Python version in the rules reference', () => {
    expect(drawLots('spring-2026', 'Mayor', 1, ['Ana Diaz', 'Bo Li', 'Cy Wu', 'Dee Ray'])).toEqual(['Bo Li', 'Ana Diaz', 'Cy Wu', 'Dee Ray']);
    expect(drawLots('spring-2026', 'Mayor', 2, ['Ana Diaz', 'Bo Li', 'Cy Wu', 'Dee Ray'])).toEqual(['Cy Wu', 'Bo Li', 'Dee Ray', 'Ana Diaz']);
    expect(drawLots('vote ☀ 2026', 'District Attorney', 3, ['A', 'B', 'C', 'D', 'E'])).toEqual(['A', 'C', 'E', 'D', 'B']);
  });

  it('is a reordering of the tied names, the same every time for the same seed', () => {
    const tied = ['Ana Diaz', 'Bo Li', 'Cy Wu'];
    for (let i = 0; i < 50; i++) {
      const draw = drawLots(`seed ${i}`, 'Mayor', 1, tied);
      expect([...draw].sort()).toEqual(tied);
      expect(drawLots(`seed ${i}`, 'Mayor', 1, tied)).toEqual(draw);
    }
  });

  it('gives each tied name a fair chance over many seeds', () => {
    const firsts = new Map<string, number>();
    for (let i = 0; i < 3000; i++) {
      const [first] = drawLots(`seed ${i}`, 'Mayor', 1, ['A', 'B', 'C']);
      firsts.set(first!, (firsts.get(first!) ?? 0) + 1);
    }
    for (const name of ['A', 'B', 'C']) expect(firsts.get(name)).toBeGreaterThan(850);
  });
});
