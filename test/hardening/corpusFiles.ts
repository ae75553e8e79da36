/** The corpus, part 5: files as they arrive on disk (encodings, line ends, damage), through `endorse tally` only. */
import { expect } from 'vitest';
import { type FileCase, refusals, votes } from './corpusCase';

const CSV = 'Timestamp,Email Address,Mayor\n5/22/2026 9:00:00,ana@example.org,Ana Diaz\n5/22/2026 9:05:00,bo@example.org,Bo Li\n5/22/2026 9:10:00,cy@example.org,Ana Diaz\n';
const counted = { behaviour: 'read as the plain UTF-8 file is', check: (o: Parameters<Extract<FileCase['expected'], { check: unknown }>['check']>[0]) => expect(votes(o)).toEqual({ 'Ana Diaz': 2, 'Bo Li': 1 }) };
const utf16 = (text: string, bigEndian: boolean): Uint8Array => {
  const le = Buffer.from(`\uFEFF${text}`, 'utf16le');
  return bigEndian ? le.swap16() : le;
};

export const FILE_CASES: FileCase[] = [
  { kind: 'files', name: 'a UTF-8 byte-order mark', files: { 'responses.csv': `\uFEFF${CSV}` }, expected: counted },
  { kind: 'files', name: 'Windows line ends (CRLF)', files: { 'responses.csv': CSV.replace(/\n/g, '\r\n') }, expected: counted },
  { kind: 'files', name: 'old Mac line ends (CR)', files: { 'responses.csv': CSV.replace(/\n/g, '\r') }, expected: counted },
  { kind: 'files', name: 'no line end after the last row', files: { 'responses.csv': CSV.trimEnd() }, expected: counted },
  { kind: 'files', name: 'ten thousand empty lines at the end', files: { 'responses.csv': CSV + '\n'.repeat(10_000) }, expected: counted },
  { kind: 'files', name: 'UTF-16 little-endian, as Excel saves "Unicode text"', files: { 'responses.csv': utf16(CSV, false) }, expected: counted },
  { kind: 'files', name: 'UTF-16 big-endian', files: { 'responses.csv': utf16(CSV, true) }, expected: counted },
  {
    kind: 'files', name: 'a last line cut short between fields', files: { 'responses.csv': `${CSV}5/22/2026 9:15:00,dee@exa` },
    expected: { behaviour: 'the cut row is read as far as it goes: its missing answer is a blank', check: (o) => {
      expect(o.json.ballots.received).toBe(4);
      expect(o.json.races[0]!.rounds[0]!.blank).toBe(1);
    } },
  },
  {
    kind: 'files', name: 'a last line cut inside quotes', files: { 'responses.csv': `${CSV}"5/22/2026 9:15:00","dee@example.org","Ana D` },
    expected: { error: 'InputError', at: 'responses.csv, row 5', says: /a quoted field is never closed \(is the file cut short\?\)/ },
  },
  {
    kind: 'files', name: 'a name in Latin-1, not UTF-8', files: { 'responses.csv': Buffer.from(`${CSV}5/22/2026 9:15:00,dee@example.org,Ana D\u00EDaz\n`, 'latin1') },
    expected: { error: 'InputError', at: 'responses.csv, row 5', says: /is not UTF-8 text \(saved as Latin-1 or Windows-1252\?\): export it again as "CSV UTF-8"/ },
  },
  {
    kind: 'files', name: 'binary bytes', files: { 'responses.csv': new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0xff, 0x00, 0x9c, 0x0a]) },
    expected: { error: 'InputError', at: 'responses.csv, row 1', says: /is not UTF-8 text/ },
  },
  { kind: 'files', name: 'an empty file', files: { 'responses.csv': '' }, expected: { error: 'InputError', at: 'responses.csv', says: /no header row: the sheet is empty/ } },
  { kind: 'files', name: 'a byte-order mark and nothing else', files: { 'responses.csv': '\uFEFF' }, expected: { error: 'InputError', at: 'responses.csv', says: /no header row: the sheet is empty/ } },
  {
    kind: 'files', name: 'a stray quote inside an unquoted name', files: { 'responses.csv': 'Timestamp,Email Address,Mayor\n5/22/2026 9:00:00,ana@example.org,Ana "Bo" Li\n' },
    expected: { error: 'InputError', at: 'responses.csv, row 2', says: /Invalid Opening Quote/ },
  },
  {
    kind: 'files', name: 'an unquoted comma inside a name', files: { 'responses.csv': 'Timestamp,Email Address,Mayor\n5/22/2026 9:00:00,ana@example.org,Smith, Jr.\n' },
    expected: { error: 'InputError', at: 'responses.csv, row 2, column "D"', says: /^"Jr\." is past the last column of the header row \(3 columns\)/ },
  },
  {
    kind: 'files', name: 'a quoted name holding a line break and a comma', files: { 'responses.csv': 'Timestamp,Email Address,Mayor\n5/22/2026 9:00:00,ana@example.org,"Smith,\nJr."\n5/22/2026 9:01:00,bo@example.org,"Smith, Jr."\n' },
    expected: { behaviour: 'a line break in a name is a space: both ballots name "Smith, Jr."', check: (o) => expect(votes(o)).toEqual({ 'Smith, Jr.': 2 }) },
  },
  {
    kind: 'files', name: 'a NUL character inside a quoted name', files: { 'responses.csv': 'Timestamp,Email Address,Mayor\n5/22/2026 9:00:00,ana@example.org,"Ana\u0000Diaz"\n' },
    expected: { behaviour: 'read, and flagged as holding a control character', check: (o) => expect(o.text).toMatch(/Check these names: "Ana<U\+0000>Diaz": holds invisible characters \(U\+0000 control character\)/) },
  },
  { kind: 'files', name: 'a responses file that does not exist', files: {}, args: ['missing.csv'], expected: { error: 'InputError', at: '<dir>/missing.csv', says: /^no such file$/ } },
  { kind: 'files', name: 'a folder given as the responses file', files: { 'sub/x': '' }, args: ['sub'], expected: { error: 'InputError', at: '<dir>/sub', says: /cannot be read \(EISDIR\)/ } },
  { kind: 'files', name: 'a roster file that does not exist', files: { 'responses.csv': CSV }, args: ['responses.csv', '--roster', 'roster.csv'], expected: { error: 'InputError', at: '<dir>/roster.csv', says: /^no such file$/ } },
  { kind: 'files', name: 'a rules file that does not exist', files: { 'responses.csv': CSV }, args: ['responses.csv', '--rules', 'rules.json'], expected: { error: 'InputError', at: '<dir>/rules.json', says: /^no such file$/ } },
  { kind: 'files', name: 'rules that are not JSON', files: { 'responses.csv': CSV, 'rules.json': '{ threshold: 2/3 }' }, expected: { error: 'InputError', at: '<dir>/rules.json', says: /is not valid JSON/ } },
  { kind: 'files', name: 'an empty rules file', files: { 'responses.csv': CSV, 'rules.json': '' }, expected: { error: 'InputError', at: '<dir>/rules.json', says: /is not valid JSON \(Unexpected end of JSON input\)/ } },
  { kind: 'files', name: 'rules saved with a byte-order mark', files: { 'responses.csv': CSV, 'rules.json': '\uFEFF{ "threshold": "1/2" }' }, expected: { behaviour: 'the mark is dropped: the rules apply (a majority endorses)', check: (o) => expect(o.json.races[0]!.outcome).toBe('endorsed') } },
  { kind: 'files', name: 'rules with a comment', files: { 'responses.csv': CSV, 'rules.json': '// our rules\n{}' }, expected: { error: 'InputError', at: '<dir>/rules.json', says: /is not valid JSON/ } },
  {
    kind: 'files', name: '--out naming a file, not a folder', files: { 'responses.csv': CSV, 'out.txt': 'x' }, args: ['responses.csv', '--out', 'out.txt'],
    expected: { error: 'InputError', at: '<dir>/out.txt', says: /cannot be written \(EEXIST\)/ },
  },
  { kind: 'files', name: 'a time zone that does not exist', files: { 'responses.csv': CSV }, args: ['responses.csv', '--time-zone', 'Atlantis/Capital'], expected: { line: /^unknown time zone 'Atlantis\/Capital' \(expected an IANA name such as America\/Chicago\)$/ } },
  { kind: 'files', name: 'an output format nobody knows', files: { 'responses.csv': CSV }, args: ['responses.csv', '--format', 'xml'], expected: { usage: /^--format must be text, json or markdown, got 'xml'$/ } },
  { kind: 'files', name: 'an option nobody knows', files: { 'responses.csv': CSV }, args: ['responses.csv', '--colour'], expected: { usage: /^Unknown option '--colour'/ } },
  { kind: 'files', name: 'no responses file', files: {}, args: [], expected: { usage: /^tally needs a responses file$/ } },
  {
    kind: 'files', name: 'a sheet of a hundred thousand blank cells', files: { 'responses.csv': `Timestamp,Email Address,Mayor\n${',,\n'.repeat(33_333)}5/22/2026 9:00:00,ana@example.org,Ana Diaz\n` },
    expected: { behaviour: 'blank rows are skipped, and the one response keeps its row number', check: (o) => {
      expect(o.json.ballots.received).toBe(1);
      expect(refusals(o)).toEqual([]);
    } },
  },
];
