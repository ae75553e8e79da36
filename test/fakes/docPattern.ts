/**
 * The search patterns of Docs' findText and replaceText: a string in RE2 syntax
 * (not a JavaScript RegExp), matched against each paragraph's text on its own.
 * We translate RE2 to an equivalent JavaScript RegExp and refuse what RE2
 * refuses (backreferences, lookaround), so a pattern that only works in the fake
 * fails here too.
 *
 * The replacement of replaceText is not literal: Apps Script runs it through
 * RE2/J's Matcher.appendReplacement, where "$n" is group n ("$0" the whole
 * match; a group the pattern lacks throws), "\x" is x, and any other "$" is
 * itself. A value written with replaceText is therefore mangled or refused;
 * the fake reproduces that, so a test can prove our code never uses it for values.
 */

/** JavaScript's syntax characters, which need a backslash to be literal (with the u flag). */
const SYNTAX = /[\^$\\.*+?()[\]{}|/]/;

function literal(c: string): string {
  return SYNTAX.test(c) ? `\\${c}` : c;
}

const POSIX: Record<string, string> = {
  alnum: '0-9A-Za-z', alpha: 'A-Za-z', ascii: '\\x00-\\x7F', blank: '\\t ', cntrl: '\\x00-\\x1F\\x7F', digit: '0-9',
  graph: '!-~', lower: 'a-z', print: ' -~', punct: '!-\\/:-@\\[-`{-~', space: '\\t\\n\\v\\f\\r ', upper: 'A-Z',
  word: '0-9A-Za-z_', xdigit: '0-9A-Fa-f',
};

const SIMPLE_ESCAPES = new Set(['d', 'D', 's', 'S', 'w', 'W', 'f', 'n', 'r', 't', 'v']);

export class PatternError extends Error {}

/** `pattern` (RE2 syntax) as a JavaScript RegExp with the g flag. Throws PatternError when RE2 would refuse it. */
export function re2(pattern: string): RegExp {
  let flags = 'gu';
  let i = 0;
  // RE2 takes mode flags at the start of the pattern, e.g. "(?i)" for a search ignoring case.
  const lead = /^\(\?([a-zA-Z]+)\)/.exec(pattern);
  if (lead) {
    for (const f of lead[1]!) {
      if (f !== 'i' && f !== 's' && f !== 'm') throw new PatternError(`unsupported flag: ${f}`);
      if (!flags.includes(f)) flags += f;
    }
    i = lead[0].length;
  }
  let out = '';
  let repeatable = false;
  while (i < pattern.length) {
    const c = pattern[i]!;
    if (c === '\\') {
      const [js, used] = escape(pattern, i, false);
      out += js;
      i += used;
      repeatable = true;
    } else if (c === '[') {
      const [js, used] = charClass(pattern, i);
      out += js;
      i += used;
      repeatable = true;
    } else if (c === '(') {
      const [js, used] = group(pattern, i);
      out += js;
      i += used;
      repeatable = false;
    } else if (c === '{') {
      // RE2 reads "{" as a repetition only in the forms {n}, {n,} and {n,m}; anywhere else it is a brace.
      const rep = /^\{\d+(,\d*)?\}/.exec(pattern.slice(i));
      out += rep && repeatable ? rep[0] : '\\{';
      i += rep && repeatable ? rep[0].length : 1;
      repeatable = !(rep && repeatable);
    } else {
      out += c === '}' || c === ']' || c === '/' ? `\\${c}` : c;
      repeatable = !'|^*+?'.includes(c);
      i += 1;
    }
  }
  try {
    return new RegExp(out, flags);
  } catch (error) {
    throw new PatternError(`invalid pattern ${JSON.stringify(pattern)}: ${(error as Error).message}`);
  }
}

/** One escape starting at `pattern[i]` ("\\"): its JavaScript form and the characters it used. */
function escape(pattern: string, i: number, inClass: boolean): [string, number] {
  const n = pattern[i + 1];
  if (n === undefined) throw new PatternError('trailing \\');
  if (n === 'Q') {
    const end = pattern.indexOf('\\E', i + 2);
    const quoted = pattern.slice(i + 2, end < 0 ? pattern.length : end);
    const js = Array.from(quoted, (q) => (inClass ? classLiteral(q) : literal(q))).join('');
    return [js, quoted.length + 2 + (end < 0 ? 0 : 2)];
  }
  if (SIMPLE_ESCAPES.has(n)) return [`\\${n}`, 2];
  if (!inClass && (n === 'b' || n === 'B')) return [`\\${n}`, 2];
  if (!inClass && n === 'A') return ['(?<![\\s\\S])', 2];
  if (!inClass && n === 'z') return ['(?![\\s\\S])', 2];
  if (n === 'a') return ['\\x07', 2];
  if (n === 'x') {
    const braced = /^\{([0-9A-Fa-f]+)\}/.exec(pattern.slice(i + 2));
    if (braced) return [`\\u{${braced[1]}}`, 3 + braced[0].length - 1];
    const two = /^[0-9A-Fa-f]{2}/.exec(pattern.slice(i + 2));
    if (two) return [`\\x${two[0]}`, 4];
    throw new PatternError('invalid escape sequence: \\x');
  }
  if (n === 'p' || n === 'P') {
    const m = /^(\{(\^?)(\w+)\}|([A-Za-z]))/.exec(pattern.slice(i + 2));
    if (!m) throw new PatternError(`invalid character class range: \\${n}`);
    const name = m[3] ?? m[4]!;
    const negate = (n === 'P') !== (m[2] === '^');
    const property = name.length <= 2 ? name : `Script=${name}`;
    return [`\\${negate ? 'P' : 'p'}{${property}}`, 2 + m[0].length];
  }
  // RE2 has no backreferences, \Z, or \C: it refuses them.
  if (/[0-9A-Za-z]/.test(n)) throw new PatternError(`invalid escape sequence: \\${n}`);
  return [inClass ? classLiteral(n) : literal(n), 2];
}

function classLiteral(c: string): string {
  return /[\\\]\[^-]/.test(c) ? `\\${c}` : c;
}

/** A bracketed class starting at `pattern[i]` ("["), POSIX classes like [[:alpha:]] included. */
function charClass(pattern: string, i: number): [string, number] {
  let j = i + 1;
  let js = '[';
  if (pattern[j] === '^') {
    js += '^';
    j++;
  }
  // A "]" first in the class is a literal bracket.
  if (pattern[j] === ']') {
    js += '\\]';
    j++;
  }
  while (j < pattern.length && pattern[j] !== ']') {
    const posix = /^\[:(\^?)([a-z]+):\]/.exec(pattern.slice(j));
    if (posix) {
      const set = POSIX[posix[2]!];
      if (!set) throw new PatternError(`invalid character class range: ${posix[0]}`);
      // A negated POSIX class inside a class has no JavaScript form; RE2 allows it but we do not use it.
      if (posix[1]) throw new PatternError(`the fake does not support ${posix[0]}`);
      js += set;
      j += posix[0].length;
    } else if (pattern[j] === '\\') {
      const [part, used] = escape(pattern, j, true);
      js += part;
      j += used;
    } else {
      js += pattern[j] === '[' ? '\\[' : pattern[j];
      j++;
    }
  }
  if (j >= pattern.length) throw new PatternError('missing closing ]');
  return [`${js}]`, j + 1 - i];
}

/** The opening of a group starting at `pattern[i]` ("("). */
function group(pattern: string, i: number): [string, number] {
  if (pattern[i + 1] !== '?') return ['(', 1];
  const rest = pattern.slice(i);
  if (rest.startsWith('(?:')) return ['(?:', 3];
  const named = /^\(\?P?<([A-Za-z_]\w*)>/.exec(rest);
  if (named) return [`(?<${named[1]}>`, named[0].length];
  if (/^\(\?(=|!|<=|<!)/.test(rest)) throw new PatternError('invalid or unsupported Perl syntax: lookaround');
  // Apps Script: "mode modifiers are not fully supported"; only a leading (?i) is taken.
  throw new PatternError(`invalid or unsupported Perl syntax: ${rest.slice(0, 4)}`);
}

export interface Match {
  start: number;
  /** Exclusive. */
  end: number;
  groups: (string | undefined)[];
}

/** Every match of `re` in `text`, left to right, not overlapping; empty matches only when `withEmpty`. */
export function matchesIn(text: string, re: RegExp, withEmpty: boolean): Match[] {
  const out: Match[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0] === '') {
      re.lastIndex = m.index + 1;
      if (!withEmpty) continue;
    }
    out.push({ start: m.index, end: m.index + m[0].length, groups: Array.from(m) });
    if (re.lastIndex > text.length) break;
  }
  return out;
}

/** RE2/J's appendReplacement: "$n" is group n (as many digits as make a group), "\x" is x, a last lone "\" or "$" is itself. */
export function expandReplacement(replacement: string, match: Match): string {
  const groupCount = match.groups.length - 1;
  let out = '';
  let last = 0;
  for (let i = 0; i < replacement.length - 1; i++) {
    const c = replacement[i];
    if (c === '\\') {
      out += replacement.slice(last, i);
      i++;
      last = i;
      continue;
    }
    if (c === '$' && /[0-9]/.test(replacement[i + 1]!)) {
      out += replacement.slice(last, i);
      let n = Number(replacement[i + 1]);
      for (i += 2; i < replacement.length; i++) {
        const d = replacement[i]!;
        if (!/[0-9]/.test(d) || n * 10 + Number(d) > groupCount) break;
        n = n * 10 + Number(d);
      }
      if (n > groupCount) throw new PatternError(`n > number of groups: ${n}`);
      out += match.groups[n] ?? '';
      last = i;
      i--;
    }
  }
  return out + replacement.slice(last);
}
