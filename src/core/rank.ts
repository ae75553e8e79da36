/**
 * A rank as a ranking question writes it: the number 1, or the text `1`, `1st`,
 * `1st choice`, `First choice`, `First`, `Top choice`, `#1`, `1 (most preferred)`.
 * Case, padding and the words "choice", "preference", "place" or "pick" after it
 * do not matter; a rank is a whole number from 1.
 */
const ORDINAL_WORDS = [
  'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth',
  'eleventh', 'twelfth', 'thirteenth', 'fourteenth', 'fifteenth', 'sixteenth', 'seventeenth',
  'eighteenth', 'nineteenth', 'twentieth',
];
const NUMBERED = /^(?:#\s*)?(\d{1,3})(?:st|nd|rd|th)?\.?$/;
const TRAILING_NOTE = /\s*\([^()]*\)$/;
const TRAILING_WORD = /\s+(?:choice|preference|place|pick)$/;

/** The rank a cell or a grid row label holds (1 for "1st choice"), or undefined when it is not a rank. */
export function rankOf(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isInteger(value) && value >= 1 ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const text = value.trim().toLowerCase().replace(/\s+/g, ' ').replace(TRAILING_NOTE, '').replace(TRAILING_WORD, '');
  const numbered = NUMBERED.exec(text);
  if (numbered) {
    const rank = Number(numbered[1]);
    return rank >= 1 ? rank : undefined;
  }
  if (text === 'top') return 1;
  const word = ORDINAL_WORDS.indexOf(text);
  return word >= 0 ? word + 1 : undefined;
}

/** rankOf, remembering each text it has read: a grid repeats a handful of texts in every response. */
export function rankReader(): (value: unknown) => number | undefined {
  const known = new Map<string, number | undefined>();
  return (value) => {
    if (typeof value !== 'string') return rankOf(value);
    if (known.has(value)) return known.get(value);
    const rank = rankOf(value);
    known.set(value, rank);
    return rank;
  };
}

/**
 * A bare number (3, "3") may be a rank or a score; "3rd" or "Third choice" can only
 * be a rank. The difference matters for a grid whose title asks for a rating.
 */
export function isBareNumber(value: unknown): boolean {
  return typeof value === 'number' || (typeof value === 'string' && /^\s*\d+\s*$/.test(value));
}

/**
 * The rank a grid row label or a column header stands for: a rank as above, or
 * one that opens or ends the label ("First choice for mayor", "Mayor: 2nd").
 */
export function rankInLabel(label: string): number | undefined {
  const whole = rankOf(label);
  if (whole !== undefined) return whole;
  const opening = /^\s*(\S+)(?:\s+(?:choice|preference|place|pick))?\b/i.exec(label);
  const ending = /(?:^|[\s:,–-])(\S+)(?:\s+(?:choice|preference|place|pick))?\s*$/i.exec(label);
  return (opening && rankOf(opening[1]!)) ?? (ending ? rankOf(ending[1]!) : undefined);
}

const RANK_TOKEN = /\s*(#?\s*\d{1,3}(?:st|nd|rd|th)?\.?|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|top)(?:\s+(?:choice|preference|place|pick))?\s*[,;]?/iy;

/**
 * The ranks a cell holds when a checkbox grid let the voter tick two columns in
 * one row: `1st, 2nd` (a linked sheet), `1st;2nd` (the Forms download) or run
 * together (`1st choice2nd choice`). Undefined unless the whole cell is ranks,
 * at least two of them; a bare `12` is one number, not 1 and 2.
 */
export function ranksIn(value: unknown): number[] | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  const ranks: number[] = [];
  RANK_TOKEN.lastIndex = 0;
  while (RANK_TOKEN.lastIndex < text.length) {
    const at = RANK_TOKEN.lastIndex;
    const match = RANK_TOKEN.exec(text);
    if (!match || RANK_TOKEN.lastIndex === at) return undefined;
    const rank = rankOf(match[1]!);
    if (rank === undefined) return undefined;
    ranks.push(rank);
  }
  return ranks.length >= 2 && !/^\d+$/.test(text) ? ranks : undefined;
}
