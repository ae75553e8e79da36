/**
 * What one voter marked in one race.
 * - single: one name, or null when the question was left blank.
 * - ranked: ranks[i] holds the names marked at rank i + 1; an empty rank was
 *   skipped, a rank holding two or more names is an overvote.
 * - approval: the names ticked on a "choose up to N" question (races with seats > 1).
 */
export type RaceBallot =
  | { kind: 'single'; choice: string | null }
  | { kind: 'ranked'; ranks: string[][] }
  | { kind: 'approval'; choices: string[] };

export type BallotKind = RaceBallot['kind'];

/** One form response as read from a sheet or CSV, before anyone judged it. */
export interface Response {
  /** Where it came from, for messages: a file or sheet name. */
  source: string;
  /** 1-based row in the source, the header being row 1, as a leader sees it in Sheets. */
  row: number;
  /** The instant the response was submitted (epoch ms), or null when it has no readable timestamp. */
  submittedAt: number | null;
  /** The voter's identity as written (email address or voter code), trimmed; null when missing. */
  voter: string | null;
  /** Marks per race, keyed by the race's name. A race missing here was not on this response. */
  races: Record<string, RaceBallot>;
  /** Races whose marks could not be read on this response, with why: refused for that race only. */
  unreadable?: Record<string, string>;
}

/** Why a ballot, or one race of it, was not counted. Each refusal keeps its source row. */
export type RefusalReason =
  | 'not-on-roster'
  | 'not-eligible'
  | 'superseded'
  | 'outside-voting-window'
  | 'no-voter-identity'
  | 'proxy-refused'
  | 'invalid-choice'
  | 'unreadable-mark'
  | 'unknown-code'
  | 'reused-code';

export interface Refusal {
  source: string;
  row: number;
  voter: string | null;
  reason: RefusalReason;
  /** Set when only one race of the ballot was refused; the rest of it still counts. */
  race?: string;
  /** One sentence a leader can read aloud: what was wrong, with the values involved. */
  detail: string;
}
