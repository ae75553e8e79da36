import { describe, expect, it } from 'vitest';
import { readEntryPoints, stubFor } from '../../scripts/entryPoints';

describe('the entry points of main.ts', () => {
  it('keeps each export with its parameters and JSDoc', () => {
    const entries = readEntryPoints('main.ts', `
/** Counts. @customfunction */
export function ENDORSE_X(choices: unknown[][], threshold = '2/3') { return 1; }
export interface Hidden { a: 1 }
function internal() {}
`);
    expect(entries).toEqual([{ name: 'ENDORSE_X', params: ['choices', 'threshold'], jsdoc: '/** Counts. @customfunction */' }]);
    expect(stubFor(entries[0]!, 'G')).toBe(
      '/** Counts. @customfunction */\nfunction ENDORSE_X(choices, threshold) {\n  return G.ENDORSE_X(choices, threshold);\n}\n',
    );
  });

  it('refuses an async export, because Apps Script would return a Promise', () => {
    expect(() => readEntryPoints('main.ts', 'export async function count() {}')).toThrow(/count is async/);
  });

  it('refuses a name ending in "_", which Apps Script hides as private', () => {
    expect(() => readEntryPoints('main.ts', 'export function count_() {}')).toThrow(/count_ ends with "_"/);
  });

  it('refuses exports that are not function declarations', () => {
    expect(() => readEntryPoints('main.ts', 'export const count = () => 1;')).toThrow(/only named function declarations/);
    expect(() => readEntryPoints('main.ts', "export { x } from './x';")).toThrow(/re-exports/);
  });
});
