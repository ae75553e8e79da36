/**
 * The races and candidates a leader types or pastes in the Ballot step, read
 * into the list the ballot form is built from. Three ways of writing them,
 * which may be mixed:
 *
 *   Mayor (ranked)          a race on its own line, then one candidate a line;
 *   Ana Diaz                a blank line ends the race. "(ranked)" makes it a
 *   Bo Li                   ranking; without it the race takes the default kind.
 *
 *   District Attorney: Cy Wu; Dee Ray     a race and its candidates on one line,
 *                                          separated by ";" (or "," when no ";")
 *
 *   School board<TAB>Fay    two columns pasted from a sheet: race, candidate
 *
 * Names go on the form as written (spaces tidied). What a form could not carry
 * faithfully is refused with the line it is on, never mended silently.
 */
import { InputError } from './inputError';
import { cleanName, nameKey } from './name';
import type { Rules } from './rules';

export type BallotRaceKind = 'single' | 'ranked';

export interface BallotRace {
  name: string;
  kind: BallotRaceKind;
  /** As written, without the rules' "No endorsement" label, which the form adds. */
  candidates: string[];
}

const SOURCE = 'the list of races';
const RANKED_MARK = /\s*\((ranked|ranking|rank)\)\s*$/i;
const SINGLE_MARK = /\s*\((single|single choice|one choice)\)\s*$/i;
/**
 * Titles the response sheet reads as something other than a race: the
 * timestamp, the voter's identity, a voter code (header.ts).
 */
const RESERVED = /^(timestamp|e-?mail( address)?|user ?name|(voter|voting|ballot|member)\s*(code|id|number|token|pin|key))$/i;

const withoutMark = (title: string): string => cleanName(title.replace(RANKED_MARK, '').replace(SINGLE_MARK, ''));

/** The races in `text`, in the order written. Throws InputError naming the line of a candidate with no race. */
export function readRaceList(text: string, defaultKind: BallotRaceKind = 'single'): BallotRace[] {
  const races: BallotRace[] = [];
  let open: BallotRace | null = null;
  const start = (title: string): BallotRace => {
    const kind = RANKED_MARK.test(title) ? 'ranked' : SINGLE_MARK.test(title) ? 'single' : defaultKind;
    const race: BallotRace = { name: withoutMark(title), kind, candidates: [] };
    races.push(race);
    return race;
  };

  const lines = String(text).split(/\r\n|\r|\n/);
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    if (raw.trim() === '') {
      open = null;
    } else if (raw.indexOf('\t') >= 0) {
      // Pasted from a sheet: race, candidate; a blank race cell continues the race above.
      const [race = '', candidate = ''] = raw.split('\t').map((c) => c.trim());
      if (race !== '') open = races.find((r) => nameKey(r.name) === nameKey(withoutMark(race))) ?? start(race);
      if (open === null) throw new InputError({ source: SOURCE, row: i + 1 }, `"${candidate}" is pasted without a race in the first column`);
      if (candidate !== '') open.candidates.push(cleanName(candidate));
    } else if (open === null && /^[^:]+:\s*\S/.test(raw)) {
      const colon = raw.indexOf(':');
      const rest = raw.slice(colon + 1);
      const names = rest.split(rest.indexOf(';') >= 0 ? ';' : ',').map(cleanName).filter((c) => c !== '');
      start(raw.slice(0, colon)).candidates.push(...names);
    } else if (open === null) {
      open = start(raw.replace(/:\s*$/, ''));
    } else {
      open.candidates.push(cleanName(raw));
    }
  }
  return races;
}

/**
 * What keeps a list of races from making a ballot the count can read back, one
 * sentence each: no race, a race with no candidate, a name given twice, the
 * rules' own labels typed as candidates, brackets (a response sheet writes a
 * ranking as "Race [Candidate]" and splits on the bracket), reserved titles.
 */
export function raceListProblems(races: BallotRace[], rules: Pick<Rules, 'noEndorsement' | 'abstain'>): string[] {
  const problems: string[] = [];
  if (races.length === 0) return ['Type at least one race: its name on a line, then its candidates, one a line'];
  const labels = new Set([...rules.noEndorsement, ...rules.abstain].map(nameKey));
  const seen = new Set<string>();
  for (const race of races) {
    const where = race.name === '' ? 'A race without a name' : `"${race.name}"`;
    if (race.name === '') problems.push('A race has no name: write its name on the line above its candidates');
    else if (seen.has(nameKey(race.name))) problems.push(`${where} is listed twice: each race is one question`);
    seen.add(nameKey(race.name));
    if (RESERVED.test(race.name)) problems.push(`${where} is what a response sheet calls its timestamp or voter column: name the race after the office`);
    if (/[[\]]/.test(race.name)) problems.push(`${where}: use parentheses, not square brackets, in a race's name (a response sheet reads brackets as a grid)`);
    if (race.candidates.length === 0) problems.push(`${where} has no candidate`);
    const names = new Set<string>();
    for (const candidate of race.candidates) {
      const key = nameKey(candidate);
      if (names.has(key)) problems.push(`${where} lists "${candidate}" twice`);
      names.add(key);
      if (labels.has(key)) problems.push(`${where} lists "${candidate}", which the rules already put on every ballot: leave it out`);
      if (/[[\]]/.test(candidate)) problems.push(`${where}: "${candidate}" holds a square bracket, which a response sheet would read as a grid; use parentheses`);
    }
  }
  return problems;
}
