/**
 * Who goes on and who is dropped between rounds, and how a tie at that cut is
 * settled by the rule the group announced in advance (`ties`): every tied
 * candidate goes on, a draw by lot from the stated seed, the group decides
 * (ask), or the order the group published.
 */
import { drawLots } from './lot';
import { nameKey } from './name';
import { type Rules, RulesError } from './rules';
import { listNames } from './summary';

export interface TieContext {
  rules: Pick<Rules, 'ties' | 'seed'>;
  race: string;
  round: number;
  /** Reported option names, by index. */
  names: readonly string[];
}

export interface Cut {
  /** The options taken: those going on (`top`) or those eliminated (`bottom`). */
  chosen: number[];
  /** The tie at the cut, when there was one. */
  tie?: {
    tied: number[];
    votes: number;
    how: 'all-advance' | 'lot' | 'order' | 'ask';
    /** The tied options in the order drawn by lot. */
    draw?: number[];
  };
}

/** The tied options ordered by the rule: first the ones that win a place. Null when the group decides. */
function settle(tied: number[], ctx: TieContext): { order: number[]; how: 'lot' | 'order' } | { order: null; how: 'ask' | 'all-advance' } {
  const { ties, seed } = ctx.rules;
  if (ties === 'ask' || ties === 'all-advance') return { order: null, how: ties };
  if (ties === 'lot') {
    if (seed === undefined) throw new RulesError(["ties is 'lot' but no seed is given"]);
    const drawn = drawLots(seed, ctx.race, ctx.round, tied.map((o) => ctx.names[o]!));
    return { order: drawn.map((name) => tied[tied.findIndex((o) => ctx.names[o] === name)]!), how: 'lot' };
  }
  const position = new Map(ties.map((name, i) => [nameKey(name), i]));
  const missing = tied.filter((o) => !position.has(nameKey(ctx.names[o]!)));
  if (missing.length) {
    throw new RulesError([`ties: the published order does not name ${listNames(missing.map((o) => ctx.names[o]!))}, tied in ${ctx.race}`]);
  }
  const rank = (o: number) => position.get(nameKey(ctx.names[o]!))!;
  return { order: tied.slice().sort((a, b) => rank(a) - rank(b)), how: 'order' };
}

/**
 * The `places` options with the most votes, from `order` (most votes first).
 * Under 'all-advance' every candidate tied at the cut goes on; under 'ask' the
 * tied ones are left out and the caller stops.
 */
export function takeTop(order: readonly number[], votes: readonly number[], places: number, ctx: TieContext): Cut {
  if (order.length <= places) return { chosen: order.slice() };
  const cut = votes[order[places - 1]!]!;
  const above = order.filter((o) => votes[o]! > cut);
  const tied = order.filter((o) => votes[o]! === cut);
  if (above.length + tied.length <= places) return { chosen: [...above, ...tied] };
  const settled = settle(tied, ctx);
  if (settled.how === 'all-advance') return { chosen: [...above, ...tied], tie: { tied, votes: cut, how: 'all-advance' } };
  if (settled.order === null) return { chosen: above, tie: { tied, votes: cut, how: 'ask' } };
  const tie = { tied, votes: cut, how: settled.how, ...(settled.how === 'lot' ? { draw: settled.order } : {}) };
  return { chosen: [...above, ...settled.order.slice(0, places - above.length)], tie };
}

/**
 * The candidate with the fewest votes, to be eliminated. Under 'all-advance'
 * every candidate tied for last is eliminated together (the rule cannot keep
 * them all and still narrow the field); under 'ask' nobody is chosen.
 */
export function takeBottom(order: readonly number[], votes: readonly number[], ctx: TieContext): Cut {
  const fewest = votes[order[order.length - 1]!]!;
  const tied = order.filter((o) => votes[o]! === fewest);
  if (tied.length === 1) return { chosen: tied };
  const settled = settle(tied, ctx);
  if (settled.how === 'all-advance') return { chosen: tied, tie: { tied, votes: fewest, how: 'all-advance' } };
  if (settled.order === null) return { chosen: [], tie: { tied, votes: fewest, how: 'ask' } };
  const tie = { tied, votes: fewest, how: settled.how, ...(settled.how === 'lot' ? { draw: settled.order } : {}) };
  return { chosen: [settled.order[settled.order.length - 1]!], tie };
}

const VERBS = {
  on: ['goes on', 'go on'],
  out: ['is eliminated', 'are eliminated'],
  win: ['wins the tie', 'win the tie'],
};

/**
 * Why a tie went the way it did, in one sentence. `place` is "first place",
 * "second place", "last place"…; `effect` what happens to those the rule picks.
 */
export function tieReason(cut: Cut, place: string, ctx: TieContext, effect: keyof typeof VERBS): string {
  const tie = cut.tie!;
  const names = (os: readonly number[]) => listNames(os.map((o) => ctx.names[o]!));
  const head = `${names(tie.tied)} tied for ${place} with ${tie.votes} vote${tie.votes === 1 ? '' : 's'} each`;
  const taken = cut.chosen.filter((o) => tie.tied.includes(o));
  const verb = VERBS[effect][taken.length === 1 ? 0 : 1];
  switch (tie.how) {
    case 'all-advance':
      return `${head}; ${effect === 'out' ? 'all are eliminated together' : 'all go on'} (ties: all-advance).`;
    case 'ask':
      return `${head}; the rules leave the tie to the group (ties: ask).`;
    case 'lot':
      return `${head}; settled by lot with seed "${ctx.rules.seed}", which drew ${names(tie.draw!)} in that order: ${names(taken)} ${verb}.`;
    case 'order':
      return `${head}; settled by the order published in advance: ${names(taken)} ${verb}.`;
  }
}

const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];

/** "second place" for a tie whose best-placed member has one option ahead of it. */
export function placeName(ahead: number): string {
  return `${ORDINALS[ahead] ?? `${ahead + 1}th`} place`;
}
