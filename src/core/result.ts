/**
 * The result of one race, as plain data: every round with its counts, the
 * threshold it was held to and the decisions taken with their reasons (after
 * RCTab's round-by-round reports), and the sentences a leader reads aloud.
 */
import type { BallotKind } from './ballot';

export type Outcome = 'endorsed' | 'no-endorsement' | 'runoff-needed' | 'tie' | 'no-quorum';

export interface OptionCount {
  /** The name as written: the declared spelling, else the first spelling seen. */
  option: string;
  votes: number;
  /** The "no endorsement" option: a real vote, never eliminated. */
  noEndorsement: boolean;
}

export interface Decision {
  kind:
    | 'endorsed'
    | 'reached-threshold'
    | 'advanced'
    | 'eliminated'
    | 'tie-settled'
    | 'no-endorsement'
    | 'runoff-needed'
    | 'tie'
    | 'no-quorum';
  options: string[];
  /** One sentence, with the figures that justify the decision. */
  reason: string;
}

export interface ThresholdInfo {
  /** As the rules state it: "2/3", "60%", "plurality", "consensus". */
  text: string;
  kind: 'fraction' | 'plurality' | 'consensus';
  /** The fraction in lowest terms ("60%" is 3/5); 0/1 for plurality, 1/1 for consensus. */
  num: number;
  den: number;
  comparison: 'at-least' | 'more-than';
  /** "at least two-thirds", "more than 60%", "the most votes", "every vote cast". */
  words: string;
}

/** Ranked ballots that stopped counting in a round, by why (RCTab's categories). */
export interface Inactive {
  /** Reached a rank holding two or more names. */
  overvote: number;
  /** Reached more empty ranks in a row than the rules allow. */
  skippedRank: number;
  /** Reached a name it had already ranked, when the rules exhaust such ballots. */
  repeated: number;
  /** Ranked no option still in the count. */
  noMoreChoices: number;
}

export interface Round {
  number: number;
  /** "Round 1", "Runoff", "Round 3". */
  label: string;
  /** Most votes first; ties in ballot order. Options eliminated earlier are left out. */
  counts: OptionCount[];
  /** Blanks, abstentions, exhausted and invalid ballots excluded. */
  votesCast: number;
  blank: number;
  /** Non-blank ballots that count for nobody this round: the sum of `inactive`. */
  exhausted: number;
  /** Second-vote ballots for someone not in the runoff. */
  invalid: number;
  inactive: Inactive;
  threshold: ThresholdInfo;
  /** The least number of votes that meets the threshold; null for plurality. */
  needed: number | null;
  decisions: Decision[];
}

/** One draw by lot, redone by anyone from the seed (docs/rules-counting.md). */
export interface LotDraw {
  round: number;
  /** The tied names, in ballot order, as they entered the draw. */
  tied: string[];
  /** The order drawn: the first ones go on (or win); the last one is eliminated. */
  draw: string[];
}

export interface Turnout {
  voted: number;
  eligible: number;
  /** The quorum as the rules state it: "1/4", "25%". */
  required: string;
  /** The least number of voters that meets the quorum. */
  needed: number;
  met: boolean;
}

export interface RaceResult {
  race: string;
  kind: BallotKind;
  seats: number;
  outcome: Outcome;
  endorsed: string[];
  /** When a live vote is still to come (outcome runoff-needed): the names on it. */
  finalists?: string[];
  /** Outcome tie: the names the rules could not separate. */
  tied?: string[];
  /** Present when a tie was settled by lot; `draw` is the first draw, `draws` all of them. */
  lot?: { seed: string; draw: string[]; draws: LotDraw[] };
  /** Present when the rules set a quorum (minTurnout). */
  turnout?: Turnout;
  rounds: Round[];
  /** A few sentences a leader can read aloud. */
  summary: string;
}
