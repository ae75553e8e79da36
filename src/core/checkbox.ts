/**
 * Checkbox answers ("choose up to N"): Forms joins the options a voter ticked
 * with ", " in a linked sheet and with ";" in its "Download responses" CSV.
 * A candidate's name may hold a comma itself ("Smith, Jr."), so the names the
 * rules declare are matched before anything is split.
 */
import { nameKey } from './name';

export type Separator = ';' | ',';

const SPLIT: Record<Separator, RegExp> = { ';': /\s*;\s*/, ',': /\s*,\s+/ };
const JOIN: Record<Separator, string> = { ';': ';', ',': ', ' };

/** ";" when any answer holds one (the Forms download), else ", " (a linked sheet). */
export function separatorOf(answers: Iterable<string>): Separator {
  for (const answer of answers) if (answer.indexOf(';') >= 0) return ';';
  return ',';
}

/**
 * The options in one checkbox answer, as written. Consecutive pieces that
 * together spell a declared name (keys from `nameKey`) stay one option, the
 * longest such run first.
 */
export function splitChoices(answer: string, separator: Separator, declared: ReadonlySet<string>): string[] {
  const pieces = answer.split(SPLIT[separator]).map((p) => p.trim()).filter((p) => p !== '');
  if (declared.size === 0) return pieces;
  const choices: string[] = [];
  let i = 0;
  while (i < pieces.length) {
    let end = pieces.length;
    while (end > i + 1 && !declared.has(nameKey(pieces.slice(i, end).join(JOIN[separator])))) end--;
    choices.push(pieces.slice(i, end).join(JOIN[separator]));
    i = end;
  }
  return choices;
}

/**
 * Whether a column of answers is a checkbox question, when the rules do not say.
 * With declared candidates: some answer names two of them. Without: the options
 * recombine, i.e. an option listed in a several-option answer is also found in
 * an answer with a different set of options ("Ana, Bo" and "Bo"). A single-choice
 * option that merely holds a comma ("Be some food, like cake") always comes
 * whole, so it never recombines. `answers` are the distinct non-blank answers.
 */
export function looksLikeCheckboxes(answers: string[], separator: Separator, declared: ReadonlySet<string>): boolean {
  if (declared.size > 0) {
    return answers.some((a) => splitChoices(a, separator, declared).filter((c) => declared.has(nameKey(c))).length >= 2);
  }
  const setsOf = new Map<string, Set<string>>();
  const several: string[][] = [];
  for (const answer of answers) {
    const keys = unique(splitChoices(answer, separator, declared).map(nameKey));
    const set = keys.slice().sort().join('\n');
    for (const key of keys) {
      const sets = setsOf.get(key) ?? new Set<string>();
      sets.add(set);
      setsOf.set(key, sets);
    }
    if (keys.length > 1) several.push(keys);
  }
  return several.some((keys) => keys.some((key) => setsOf.get(key)!.size > 1));
}

function unique(keys: string[]): string[] {
  return keys.filter((k, i) => keys.indexOf(k) === i);
}
