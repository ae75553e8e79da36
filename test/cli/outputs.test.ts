import { describe, expect, it } from 'vitest';
import { csvCell } from '../../src/cli/outputs';

describe('the CSV files a leader opens in a spreadsheet', () => {
  it.each([
    ['=HYPERLINK("http://x","click")', `"'=HYPERLINK(""http://x"",""click"")"`],
    ['+1', "'+1"],
    ['-3', "'-3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
  ])('keep %j, written by a respondent, as text', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it('write numbers, plain names and empty cells as they are', () => {
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell('Ana Diaz')).toBe('Ana Diaz');
    expect(csvCell('Smith, Jr.')).toBe('"Smith, Jr."');
    expect(csvCell(null)).toBe('');
  });
});
