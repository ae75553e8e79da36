/**
 * Races where up to N candidates may be endorsed (a dual endorsement), from a
 * "choose up to N" question: each candidate is endorsed if approved on at least
 * the threshold of the non-blank ballots, the best N at most. One round, no runoff.
 */
import type { RaceBallot } from './ballot';
import { type RaceOptions, raceOptions } from './options';
import { namesOn, pileApproval } from './piles';
import type { RoundCount } from './round';
import { placeName, type TieContext, takeTop, tieReason } from './runoff';
import type { Rules } from './rules';
import { listNames, share } from './summary';
import { meets, needed } from './threshold';
import { type JudgeContext, nobodyReason, type Verdict } from './verdict';

export interface ApprovalCount {
  options: RaceOptions;
  count: RoundCount;
}

/**
 * Approvals per option. A ballot approving more candidates than there are seats
 * is an overvote and counts for nobody, like an overvoted paper ballot.
 */
export function countApprovals(
  race: string,
  seats: number,
  candidates: readonly string[] | undefined,
  ballots: readonly RaceBallot[],
  rules: Rules,
  poolWriteIns = false,
): ApprovalCount {
  const piles = pileApproval(ballots, race);
  const options = raceOptions(candidates, namesOn(piles), [], rules, poolWriteIns);
  const votes = options.names.map(() => 0);
  let votesCast = 0;
  let blank = 0;
  let overvote = 0;
  piles.marks.forEach((choices, i) => {
    const n = piles.counts[i]!;
    const picked = [...new Set(choices.map((c) => options.indexOf(c)).filter((o) => o >= 0))];
    if (!picked.length) blank += n;
    else if (picked.filter((o) => o !== options.noEndorsement).length > seats) overvote += n;
    else {
      votesCast += n;
      for (const o of picked) votes[o]! += n;
    }
  });
  const inactive = { overvote, skippedRank: 0, repeated: 0, noMoreChoices: 0 };
  return { options, count: { votes, votesCast, blank, exhausted: overvote, invalid: 0, inactive } };
}

export function judgeApprovals(count: RoundCount, order: readonly number[], seats: number, ctx: JudgeContext): Verdict {
  const { options, threshold: t, rules } = ctx;
  const { names } = options;
  const votes = count.votes;
  const cast = count.votesCast;
  const ne = options.noEndorsement;
  const neVotes = ne >= 0 ? votes[ne]! : 0;
  const candidates = order.filter((o) => o !== ne && o !== options.writeIns);
  const decisions: Verdict['decisions'] = [];
  const say = (kind: Verdict['decisions'][number]['kind'], os: readonly number[], reason: string) =>
    decisions.push({ kind, options: os.map((o) => names[o]!), reason });
  const nameList = (os: readonly number[]) => listNames(os.map((o) => names[o]!));

  if (cast === 0) {
    say('no-endorsement', [], 'No votes were cast.');
    return { decisions, end: { outcome: 'no-endorsement', endorsed: [] } };
  }
  // As with one seat, an endorsement needs more approvals than "no endorsement".
  const reached = candidates.filter((o) => meets(votes[o]!, cast, t) && votes[o]! > neVotes);
  if (!reached.length) {
    const reason = t.kind === 'plurality' ? `No candidate has more approvals than ${names[ne]} (${votes[ne]}).` : `${nobodyReason(count, candidates, ctx)}.`;
    say('no-endorsement', [], reason);
    return { decisions, end: { outcome: 'no-endorsement', endorsed: [] } };
  }
  if (t.kind !== 'plurality') {
    const each = reached.map((o) => `${names[o]} ${share(votes[o]!, cast)}`).join('; ');
    say('reached-threshold', reached, `${each}: ${t.words} of the ${cast} ballots (needed ${needed(cast, t)}).`);
  }
  const tie: TieContext = { rules, race: ctx.race, round: 1, names };
  const cut = takeTop(reached, votes, seats, tie);
  const sure = cut.tie ? cut.chosen.filter((o) => !cut.tie!.tied.includes(o)) : cut.chosen;
  const place = cut.tie && placeName(reached.filter((o) => votes[o]! > cut.tie!.votes).length);
  if (cut.tie && (cut.tie.how === 'ask' || cut.tie.how === 'all-advance')) {
    // Endorsing every tied candidate would exceed the seats: the group decides.
    if (sure.length) say('endorsed', sure, `${nameList(sure)} ${sure.length === 1 ? 'is' : 'are'} endorsed.`);
    const left = seats - sure.length;
    say('tie', cut.tie.tied, `${nameList(cut.tie.tied)} tied for ${place} with ${cut.tie.votes} approvals each, for ${left} place${left === 1 ? '' : 's'} left; the rules leave the tie to the group (ties: ${cut.tie.how}).`);
    return { decisions, end: { outcome: 'tie', endorsed: sure.map((o) => names[o]!), tied: cut.tie.tied.map((o) => names[o]!) } };
  }
  if (cut.tie) say('tie-settled', cut.tie.tied, tieReason(cut, place!, tie, 'on'));
  const out = reached.filter((o) => !cut.chosen.includes(o));
  if (out.length) say('eliminated', out, `${nameList(out)} also reached it, but at most ${seats} may be endorsed and the places went to ${nameList(cut.chosen)}.`);
  say('endorsed', cut.chosen, `${nameList(cut.chosen)} ${cut.chosen.length === 1 ? 'is' : 'are'} endorsed.`);
  const draw = cut.tie?.draw && { round: 1, tied: cut.tie.tied.map((o) => names[o]!), draw: cut.tie.draw.map((o) => names[o]!) };
  return { decisions, end: { outcome: 'endorsed', endorsed: cut.chosen.map((o) => names[o]!) }, draw };
}
