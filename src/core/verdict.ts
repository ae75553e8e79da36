/**
 * What one counted round decides in a race for one seat: someone is endorsed,
 * the group makes no endorsement, the tie goes back to the group, or the race
 * goes on (to a runoff, or without its last candidate). docs/rules-counting.md
 * states each rule in words.
 */
import type { RaceOptions } from './options';
import type { Decision, LotDraw, Outcome, ThresholdInfo } from './result';
import type { RoundCount } from './round';
import { type Cut, placeName, type TieContext, takeBottom, takeTop, tieReason } from './runoff';
import type { Rules } from './rules';
import { listNames, share } from './summary';
import { isMajorityOrMore, meets, needed, thresholdName } from './threshold';

export interface JudgeContext {
  race: string;
  rules: Rules;
  threshold: ThresholdInfo;
  options: RaceOptions;
}

export interface Verdict {
  decisions: Decision[];
  /** Set when the race is decided (or stuck on a tie the rules leave to the group). */
  end?: { outcome: Outcome; endorsed: string[]; tied?: string[] };
  /** Otherwise: the candidates in the next round ("no endorsement" stays on by itself). */
  next?: number[];
  draw?: LotDraw;
}

export function judgeRound(n: number, count: RoundCount, order: readonly number[], ctx: JudgeContext): Verdict {
  const { options, threshold: t, rules } = ctx;
  const names = options.names;
  const votes = count.votes;
  const cast = count.votesCast;
  const ne = options.noEndorsement;
  const neVotes = ne >= 0 ? votes[ne]! : 0;
  // Pooled write-ins are counted as votes cast, but are never endorsed and never advance.
  const candidates = order.filter((o) => o !== ne && o !== options.writeIns);
  const tie: TieContext = { rules, race: ctx.race, round: n, names };
  const decisions: Decision[] = [];
  const say = (kind: Decision['kind'], options: readonly number[], reason: string) =>
    decisions.push({ kind, options: options.map((o) => names[o]!), reason });
  const drawOf = (cut: Cut): LotDraw | undefined =>
    cut.tie?.draw && { round: n, tied: cut.tie.tied.map((o) => names[o]!), draw: cut.tie.draw.map((o) => names[o]!) };
  const endorse = (o: number, cut?: Cut): Verdict => {
    say('endorsed', [o], `${names[o]} is endorsed.`);
    return { decisions, end: { outcome: 'endorsed', endorsed: [names[o]!] }, draw: cut && drawOf(cut) };
  };
  const noEndorsement = (reason: string, option?: number): Verdict => {
    say('no-endorsement', option === undefined ? [] : [option], reason);
    return { decisions, end: { outcome: 'no-endorsement', endorsed: [] } };
  };
  const stuck = (tied: readonly number[], reason?: string): Verdict => {
    if (reason) say('tie', tied, reason);
    return { decisions, end: { outcome: 'tie', endorsed: [], tied: tied.map((o) => names[o]!) } };
  };

  if (cast === 0) return noEndorsement('No votes were cast.');

  // An endorsement needs the threshold and more votes than "no endorsement".
  const reached = candidates.filter((o) => meets(votes[o]!, cast, t) && votes[o]! > neVotes);
  let tiedFirst: number[] | null = null;
  if (reached.length) {
    const best = reached.filter((o) => votes[o] === votes[reached[0]!]);
    if (t.kind !== 'plurality') {
      const each = reached.map((o) => `${names[o]} ${share(votes[o]!, cast)}`).join('; ');
      say('reached-threshold', reached, `${each}: ${t.words} (needed ${needed(cast, t)}).`);
    } else if (best.length === 1) {
      say('reached-threshold', best, `${names[best[0]!]} has the most votes: ${share(votes[best[0]!]!, cast)}.`);
    }
    if (best.length === 1) return endorse(best[0]!);
    const cut = takeTop(best, votes, 1, tie);
    if (cut.tie!.how === 'ask') return stuck(best, tieReason(cut, 'first place', tie, 'win'));
    if (cut.tie!.how !== 'all-advance') {
      say('tie-settled', best, tieReason(cut, 'first place', tie, 'win'));
      return endorse(cut.chosen[0]!, cut);
    }
    tiedFirst = best;
  } else if (t.kind === 'plurality') {
    return noEndorsement(`${names[ne]} has ${share(neVotes, cast)}, as many votes as any candidate or more.`, ne);
  } else if (ne >= 0 && meets(neVotes, cast, t) && isMajorityOrMore(t)) {
    // Above one-half, "no endorsement" reaching the threshold leaves no candidate a way to reach it.
    return noEndorsement(`${names[ne]} has ${share(neVotes, cast)}: ${t.words} (needed ${needed(cast, t)}).`, ne);
  }

  const nobody = tiedFirst ? '' : nobodyReason(count, candidates, ctx);
  const tiedForFirst = () => `${listNames(tiedFirst!.map((o) => names[o]!))} tied for first place with ${votes[tiedFirst![0]!]} votes each`;
  if (rules.runoff === 'none' || (rules.runoff === 'top-two' && (n > 1 || candidates.length <= 2))) {
    if (tiedFirst) {
      const why = rules.runoff === 'none' ? 'the rules hold no runoff' : n > 1 ? 'the runoff did not separate them' : 'there is nobody else to run off';
      return stuck(tiedFirst, `${tiedForFirst()}; ${why}.`);
    }
    const why = rules.runoff === 'none' ? 'the rules hold no runoff' : n > 1 ? 'the runoff is the last round' : 'with two candidates or fewer there is nothing to run off';
    return noEndorsement(`${nobody}; ${why}.`);
  }

  if (rules.runoff === 'top-two') {
    const cut = takeTop(candidates, votes, 2, tie);
    const place = cut.tie && placeName(candidates.filter((o) => votes[o]! > cut.tie!.votes).length);
    if (cut.tie?.how === 'ask') return stuck(cut.tie.tied, tieReason(cut, place!, tie, 'on'));
    if (cut.tie) say('tie-settled', cut.tie.tied, tieReason(cut, place!, tie, 'on'));
    const figures = cut.chosen.map((o) => `${names[o]} ${votes[o]}`).join(', ');
    say('advanced', cut.chosen, `${tiedFirst ? tiedForFirst() : nobody}; the runoff is between the candidates with the most votes (${figures}).`);
    return { decisions, next: cut.chosen, draw: drawOf(cut) };
  }

  // eliminate-lowest: drop the last candidate until someone reaches the threshold or one is left.
  const writeIns = options.writeIns;
  if (writeIns >= 0 && votes[writeIns]! > 0) {
    say('eliminated', [writeIns], `${tiedFirst ? tiedForFirst() : nobody}; ${names[writeIns]} (${votes[writeIns]} votes) are eliminated first, before any declared candidate (writeIns: eliminate-first).`);
    return { decisions, next: candidates };
  }
  if (candidates.length <= 1) return noEndorsement(`${nobody}; no candidate is left to eliminate.`);
  const cut = takeBottom(candidates, votes, tie);
  if (cut.tie?.how === 'ask') return stuck(cut.tie.tied, tieReason(cut, 'last place', tie, 'out'));
  if (cut.chosen.length === candidates.length) {
    return stuck(candidates, `${listNames(candidates.map((o) => names[o]!))} are tied with ${votes[candidates[0]!]} votes each; eliminating them all would leave nobody (ties: all-advance).`);
  }
  if (cut.tie) say('tie-settled', cut.tie.tied, tieReason(cut, 'last place', tie, 'out'));
  const fewest = votes[cut.chosen[0]!]!;
  say('eliminated', cut.chosen, `${tiedFirst ? tiedForFirst() : nobody}; ${listNames(cut.chosen.map((o) => names[o]!))} ${cut.chosen.length === 1 ? 'has' : 'have'} the fewest votes (${fewest}) and ${cut.chosen.length === 1 ? 'is' : 'are'} eliminated.`);
  return { decisions, next: candidates.filter((o) => !cut.chosen.includes(o)), draw: drawOf(cut) };
}

/** "Nobody reached at least two-thirds (needed 28 of 41)", or why a candidate who did is not endorsed. */
export function nobodyReason(count: RoundCount, candidates: readonly number[], ctx: JudgeContext): string {
  const { threshold: t, options } = ctx;
  const cast = count.votesCast;
  if (t.kind === 'consensus') return `No candidate had every vote cast (${cast})`;
  const short = candidates.filter((o) => meets(count.votes[o]!, cast, t));
  if (short.length && options.noEndorsement >= 0) {
    return `${listNames(short.map((o) => options.names[o]!))} reached ${thresholdName(t)} but not more votes than ${options.names[options.noEndorsement]}`;
  }
  return `Nobody reached ${t.words} (needed ${needed(cast, t)} of ${cast})`;
}
