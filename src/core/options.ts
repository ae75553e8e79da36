/**
 * The options of a race: its candidates and "no endorsement", in ballot order,
 * each with the name reported for it. Marks are matched by `nameKey`; a name is
 * reported as the ballot declared it, else as first seen. Every "no endorsement"
 * label is one option; an "abstain" label is a blank.
 */
import { cleanName, nameKey } from './name';
import type { Rules } from './rules';

/** The index a blank mark (an abstain label, an empty text) stands for. */
export const BLANK = -1;
/** The index of a name that is not an option of the race (only on a live second vote). */
export const UNKNOWN = -2;

const NO_ENDORSEMENT = '\u0000no endorsement';
const WRITE_INS = '\u0000write-ins';
/** The one option that stands for every undeclared name under `writeIns: "eliminate-first"`. */
export const WRITE_INS_NAME = 'Write-ins';

export interface RaceOptions {
  /** Reported names, in ballot order: declared candidates, then other names (by key), then "no endorsement" if undeclared. */
  names: string[];
  /** The index of "no endorsement", or -1 when no ballot or declaration has it. */
  noEndorsement: number;
  /** The index of the pooled write-ins (never endorsed, eliminated first), or -1. */
  writeIns: number;
  /** The option a mark stands for: an index, BLANK, or UNKNOWN. */
  indexOf(mark: string): number;
}

type Labels = Pick<Rules, 'noEndorsement' | 'abstain'>;

/** A mark's key: the option it names, or null for a blank. */
function keyer(rules: Labels): (mark: string) => string | null {
  const noEndorsement = new Set(rules.noEndorsement.map(nameKey));
  const abstain = new Set(rules.abstain.map(nameKey));
  return (mark) => {
    const key = nameKey(mark);
    if (key === '' || abstain.has(key)) return null;
    return noEndorsement.has(key) ? NO_ENDORSEMENT : key;
  };
}

/**
 * The options, from the declared candidates and every mark of the first vote.
 * On a live second vote only "no endorsement" may be new (it is always on the
 * runoff ballot); other new names there are not options.
 */
export function raceOptions(
  declared: readonly string[] | undefined,
  marks: Iterable<string>,
  laterMarks: Iterable<string>,
  rules: Labels,
  /** Pool every name the ballot does not declare as one option, WRITE_INS_NAME. */
  poolWriteIns = false,
): RaceOptions {
  const keyOf = keyer(rules);
  const declaredNames = new Map<string, string>();
  for (const name of declared ?? []) {
    const key = keyOf(name);
    if (key !== null && !declaredNames.has(key)) declaredNames.set(key, cleanName(name));
  }
  const seen = new Map<string, string>();
  const pooled = poolWriteIns && declaredNames.size > 0;
  const see = (mark: string, onlyNoEndorsement: boolean) => {
    let key = keyOf(mark);
    if (pooled && key !== null && key !== NO_ENDORSEMENT && !declaredNames.has(key)) key = WRITE_INS;
    if (key === null || declaredNames.has(key) || seen.has(key)) return;
    if (onlyNoEndorsement && key !== NO_ENDORSEMENT) return;
    seen.set(key, key === WRITE_INS ? WRITE_INS_NAME : cleanName(mark));
  };
  for (const mark of marks) see(mark, false);
  for (const mark of laterMarks) see(mark, true);

  // Undeclared names in key order, so that the order of ballots never matters.
  const undeclared = [...seen.keys()].filter((k) => k !== NO_ENDORSEMENT && k !== WRITE_INS).sort();
  if (seen.has(WRITE_INS)) undeclared.push(WRITE_INS);
  const keys = [...declaredNames.keys(), ...undeclared];
  if (seen.has(NO_ENDORSEMENT)) keys.push(NO_ENDORSEMENT);
  const index = new Map(keys.map((k, i) => [k, i]));
  return {
    names: keys.map((k) => declaredNames.get(k) ?? seen.get(k)!),
    noEndorsement: index.get(NO_ENDORSEMENT) ?? -1,
    writeIns: index.get(WRITE_INS) ?? -1,
    indexOf(mark) {
      const key = keyOf(mark);
      if (key === null) return BLANK;
      const at = index.get(key);
      if (at !== undefined) return at;
      return pooled && key !== NO_ENDORSEMENT && index.has(WRITE_INS) ? index.get(WRITE_INS)! : UNKNOWN;
    },
  };
}
