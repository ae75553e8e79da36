/**
 * A question whose answers are mostly different from one another (more than
 * two in three) asks for
 * free text ("What is the rationale behind your opinion?", "Anything else?"),
 * not for a vote: a race has a few candidates that many voters choose. Such a
 * question is set aside, with the figures that show it, unless the rules name
 * it as a race. Measured on the names marked, so that a checkbox question's
 * many combinations of a few options are still a race.
 */

/** Fewer different answers than this are always a race: a small group may split its votes widely. */
const MIN_DISTINCT = 5;
/** Answers longer than this, on median, are sentences rather than names. */
const SENTENCE_LENGTH = 60;

/**
 * Why the answers are free text, or undefined when they may be a race.
 * `names` holds every name marked, one entry per mark (a checkbox answer gives several).
 */
export function freeTextReason(names: readonly string[]): string | undefined {
  const marks = names.length;
  if (marks === 0) return undefined;
  const distinct = new Set(names.map((n) => n.toLowerCase())).size;
  const lengths = names.map((n) => n.length).sort((a, b) => a - b);
  const median = lengths[Math.floor(lengths.length / 2)]!;
  // More than two answers in three differ from every other; or, for sentences, more than half.
  const mostlyDistinct = distinct * 3 > marks * 2;
  if ((mostlyDistinct && distinct >= MIN_DISTINCT) || (distinct * 2 > marks && median > SENTENCE_LENGTH)) {
    return `most answers differ (${distinct} different answers in ${marks}): a free-text question, not a race`;
  }
  return undefined;
}
