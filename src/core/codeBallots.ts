/**
 * Which ballots count when members vote with codes (a secret ballot): the same
 * judgement as admitBallots, in an order that keeps the secret.
 * 1. The voting window first: a ballot cast too early must not use up its
 *    member's code (voterCode.ts).
 * 2. The code: a ballot counts only with a code that was issued and is used for
 *    the first time; an unknown or reused code is refused with that reason.
 * 3. The member behind the code is then judged as any voter is (on the roster,
 *    eligible, one ballot each, proxies), and turnout counts members.
 * A refusal never names the member behind a code, nor the row of a named
 * member's ballot: the Refused sheet shows the code, the row and why.
 */
import type { Refusal, Response } from './ballot';
import { admitBallots, type AcceptedBallot, type Admission, type AdmissionContext } from './ballotPool';
import { checkCodes, formatCode, normalizeCode } from './voterCode';
import { outsideWindow, votingWindow } from './votingWindow';

const byRow = (a: { source: string; row: number }, b: { source: string; row: number }) =>
  a.source < b.source ? -1 : a.source > b.source ? 1 : a.row - b.row;

/** " (row 12)": proxy sentences point at the holder's or the member's own ballot so. */
const ROW_MENTION = /\s*\(row \d+\)/g;

/** `issued`: code → the email of the member it was sent to (the Voter codes sheet). */
export function admitByCode(responses: Response[], issued: ReadonlyMap<string, string>, context: AdmissionContext): Admission {
  const window = votingWindow(context.rules, context.timeZone);
  const refusals: Refusal[] = [];
  const inWindow: Response[] = [];
  for (const r of responses) {
    const late = window ? outsideWindow(r.submittedAt, window) : null;
    if (late) refusals.push({ source: r.source, row: r.row, voter: r.voter, reason: 'outside-voting-window', detail: `the ballot of row ${r.row} ${late}` });
    else inWindow.push(r);
  }

  const codes = checkCodes(inWindow, issued);
  refusals.push(...codes.refusals);
  // The member stands in for the code while the ballot is judged, and only then.
  const asCast = new Map<string, { response: Response; code: string }>();
  const asMembers = codes.accepted.map(({ response, code, member }) => {
    asCast.set(`${response.source}\n${response.row}`, { response, code });
    return { ...response, voter: member };
  });
  const admitted = admitBallots(asMembers, { ...context, rules: { ...context.rules, window: undefined } });

  const accepted: AcceptedBallot[] = admitted.accepted.map((a) => ({ ...a, response: asCast.get(`${a.response.source}\n${a.response.row}`)!.response }));
  for (const r of admitted.refusals) {
    const cast = asCast.get(`${r.source}\n${r.row}`);
    if (cast) refusals.push(secretRefusal(r, cast.response, cast.code));
    // A proxy designation names its members openly; only the rows of their ballots are left out.
    else refusals.push({ ...r, detail: withoutRows(r.detail) });
  }
  const proxies = admitted.proxies.map((p) => ({ ...p, reason: withoutRows(p.reason) }));
  return { accepted, refusals: refusals.sort(byRow), proxies, turnout: admitted.turnout };
}

const SECRET_DETAIL: Partial<Record<Refusal['reason'], string>> = {
  'not-on-roster': 'was issued to someone who is no longer on the roster',
  'not-eligible': 'was issued to a member who is not eligible',
  superseded: 'belongs to a member who also voted with another code; one ballot counts per member',
};

/** A refusal of a coded ballot: its code and row, never the member it was issued to. */
function secretRefusal(refusal: Refusal, response: Response, code: string): Refusal {
  const shown = formatCode(normalizeCode(code) ?? code);
  const why = SECRET_DETAIL[refusal.reason] ?? `was not counted (${refusal.reason})`;
  return { ...refusal, voter: response.voter, detail: `${shown} (row ${response.row}) ${why}` };
}

function withoutRows(sentence: string): string {
  return sentence.replace(ROW_MENTION, '');
}
