/**
 * The few sentences a leader reads aloud, made by the core so the sidebar, the
 * command line and the announcement all say the same thing. Percentages are for
 * the ear only: the exact count sits beside every one of them.
 */
import type { RaceResult, Round } from './result';
import { thresholdName } from './threshold';

/** "Ana", "Ana and Bo", "Ana, Bo and Cy". */
export function listNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** For display only: "75%", "66.0%". Never 100% or 0% unless it is exactly so. */
export function percent(votes: number, cast: number): string {
  if (cast === 0) return '0%';
  if ((100 * votes) % cast === 0) return `${(100 * votes) / cast}%`;
  const tenths = Math.min(999, Math.max(1, Math.round((1000 * votes) / cast)));
  return `${(tenths / 10).toFixed(1)}%`;
}

/** "30 of 40, 75%". */
export function share(votes: number, cast: number): string {
  return `${votes} of ${cast}, ${percent(votes, cast)}`;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * "nobody reached two-thirds (needed 28 of 41)", as the round's threshold words
 * it; or, under a threshold of half or less, who reached it without beating "no endorsement".
 */
export function nobodyReached(round: Round): string {
  const t = round.threshold;
  if (t.kind === 'consensus') return `no candidate had every vote (${round.votesCast} cast)`;
  const bar = `${thresholdName(t)} (needed ${round.needed} of ${round.votesCast})`;
  const noEndorsement = round.counts.find((c) => c.noEndorsement);
  const short = round.counts.filter((c) => !c.noEndorsement && c.votes >= round.needed!).map((c) => c.option);
  if (short.length && noEndorsement) return `${listNames(short)} reached ${bar} but not more votes than ${noEndorsement.option}`;
  return `nobody ${t.comparison === 'at-least' ? 'reached' : 'got more than'} ${bar}`;
}

function votesOf(round: Round, name: string): number {
  return round.counts.find((c) => c.option === name)?.votes ?? 0;
}

function notCounted(round: Round): string {
  const parts: string[] = [];
  if (round.blank) parts.push(`${round.blank} blank`);
  if (round.exhausted) parts.push(`${round.exhausted} exhausted`);
  if (round.invalid) parts.push(`${round.invalid} invalid`);
  return parts.length ? ` Ballots not counted: ${parts.join(', ')}.` : '';
}

function roundSentence(round: Round, result: RaceResult): string {
  const of = (name: string) => `${name} ${share(votesOf(round, name), round.votesCast)}`;
  const kinds = new Set(round.decisions.map((d) => d.kind));
  const told = round.decisions.filter((d) => d.kind === 'tie-settled' || d.kind === 'tie').map((d) => d.reason);
  const parts: string[] = [];
  const endorsed = round.decisions.find((d) => d.kind === 'endorsed');
  const ended = round.decisions.find((d) => d.kind === 'no-endorsement');
  if (endorsed) {
    const most = round.threshold.kind === 'plurality' ? ', the most votes' : '';
    parts.push(`${endorsed.options.map((n) => `${of(n)}${most}`).join('; ')} — endorsed.`);
  } else if (round.votesCast === 0) {
    parts.push('no votes were cast.');
  } else if (ended && ended.options.length) {
    parts.push(`${of(ended.options[0]!)} — no endorsement.`);
  } else if (round.threshold.kind === 'plurality' || kinds.has('reached-threshold')) {
    // Only a tie for first place keeps the leader from being endorsed; the tie's sentence, if any, tells it.
    const leaders = round.counts.filter((c) => !c.noEndorsement);
    const top = leaders.filter((c) => c.votes === leaders[0]!.votes).map((c) => c.option);
    if (!told.length) parts.push(`${listNames(top)} tied for first place with ${plural(leaders[0]!.votes, 'vote')} each.`);
  } else {
    let text = nobodyReached(round);
    const eliminated = round.decisions.find((d) => d.kind === 'eliminated');
    // After a tie for last place, the tie's own sentence says who is eliminated.
    if (eliminated && !told.length) text += `; ${listNames(eliminated.options)} eliminated with ${plural(votesOf(round, eliminated.options[0]!), 'vote')}`;
    const leader = round.counts.find((c) => !c.noEndorsement);
    if (ended && leader) text += `: ${of(leader.option)}`;
    parts.push(`${text}.`);
  }
  parts.push(...told);
  if (kinds.has('runoff-needed')) parts.push(`A runoff vote between ${listNames(result.finalists ?? [])} is needed.`);
  if (ended && !ended.options.length && !endorsed && round.votesCast > 0) parts.push('No endorsement.');
  return parts.join(' ') + notCounted(round);
}

/** "Runoff between Ana Diaz and Bo Li", named in the order they went on. */
function roundLabel(round: Round, before: Round | undefined): string {
  if (round.label !== 'Runoff') return round.label;
  const advanced = before?.decisions.find((d) => d.kind === 'advanced')?.options;
  return `Runoff between ${listNames(advanced ?? round.counts.filter((c) => !c.noEndorsement).map((c) => c.option))}`;
}

/** Races with seats > 1: one sentence listing each candidate's approvals. */
function approvalSentence(round: Round, result: RaceResult): string {
  const t = round.threshold;
  const bar = t.kind === 'plurality' ? 'the most approvals' : `${t.words} of ${round.votesCast} ballots (${round.needed})`;
  const lines = round.counts
    .filter((c) => !c.noEndorsement)
    .map((c) => `${c.option} ${share(c.votes, round.votesCast)}${result.endorsed.includes(c.option) ? ' — endorsed' : ''}`);
  const parts = [`Up to ${result.seats} may be endorsed, each needing ${bar}: ${lines.join('; ')}.`];
  parts.push(...round.decisions.filter((d) => d.kind === 'tie-settled' || d.kind === 'tie').map((d) => d.reason));
  if (result.outcome === 'no-endorsement') parts.push('No endorsement.');
  return parts.join(' ') + notCounted(round);
}

export function summarize(result: RaceResult): string {
  const { turnout } = result;
  if (turnout && !turnout.met) {
    return `No quorum: ${share(turnout.voted, turnout.eligible)} of eligible members voted; the rules require ${turnout.required} (${turnout.needed}). The vote does not decide this race.`;
  }
  if (result.seats > 1 || result.kind === 'approval') return approvalSentence(result.rounds[0]!, result);
  return result.rounds.map((round, i) => `${roundLabel(round, result.rounds[i - 1])}: ${roundSentence(round, result)}`).join(' ');
}
