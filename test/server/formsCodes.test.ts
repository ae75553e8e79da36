/**
 * The secret ballot with voter codes, through dist/Code.js in the sandbox:
 * codes issued to eligible members and emailed within MailApp's daily quota,
 * resumed the next day; ballots counted only with an unused valid code; no
 * output puts a member beside a choice.
 */
import { describe, expect, it } from 'vitest';
import type { CodesView, CountView } from '../../src/shared/sidebarApi';
import { VOTER_CODE_ALPHABET } from '../../src/core/voterCode';
import type { Answer, ItemKey } from '../fakes/formsWorld';
import { at, formsSandbox, roster } from './formsSandbox';

const CODE = new RegExp(`^[${VOTER_CODE_ALPHABET}]{5}-[${VOTER_CODE_ALPHABET}]{5}$`);

function codesBox(emails: string[], dailyEmailQuota?: number) {
  const box = formsSandbox({ sheets: { Roster: roster(emails) }, dailyEmailQuota });
  box.run('saveSettings', { rules: { group: 'Riverside Indivisible' }, sources: { roster: 'Roster', secondVotes: [] } });
  box.run('createBallotForm', { title: 'Endorsement vote 2026', races: 'Mayor: Ana Diaz; Bo Li', online: 'codes' });
  return box;
}

/** The Voter codes sheet: member email → code as shown. */
function codeSheet(box: ReturnType<typeof codesBox>): Map<string, string> {
  const [header, ...rows] = box.sheets.sheet('Voter codes').displayValues();
  const email = header!.indexOf('Email');
  const code = header!.indexOf('Code');
  return new Map(rows.map((r) => [r[email]!, r[code]!]));
}

/** The code a member read in their email. */
function mailedCode(box: ReturnType<typeof codesBox>, email: string): string {
  const mails = box.forms.mail.to(email);
  expect(mails).toHaveLength(1);
  return /\b([2-9A-Z]{5}-[2-9A-Z]{5})\b/.exec(mails[0]!.body)![1]!;
}

const members = (n: number) => Array.from({ length: n }, (_, i) => `member${i + 1}@example.org`);

describe('voter codes', () => {
  it('are unique and unguessable: no two alike among 100,000 members, 10 characters of the 31-letter alphabet', () => {
    const box = codesBox(members(100_000), 0);
    const view = box.run<CodesView>('sendVoterCodes');
    const codes = [...codeSheet(box).values()];
    expect(codes).toHaveLength(100_000);
    expect(new Set(codes).size).toBe(100_000);
    expect(codes.filter((c) => !CODE.test(c))).toEqual([]);
    expect(VOTER_CODE_ALPHABET).toHaveLength(31);
    // The randomness is Apps Script's: 122 random bits a UUID, 50 bits a code.
    expect(box.sheets.calls.count('Utilities.getUuid')).toBeGreaterThanOrEqual(Math.ceil((100_000 * 50) / 122));
    expect([view.issued, view.sent, view.waiting, view.remainingToday]).toEqual([100_000, 0, 100_000, 0]);
  });

  it('are kept in a hidden Voter codes sheet that Endorse owns, apart from the ballots', () => {
    const box = codesBox(members(3));
    box.run('sendVoterCodes');
    const sheet = box.sheets.sheet('Voter codes');
    expect(sheet.hidden).toBe(true);
    expect(sheet.metadata.map((m) => m.key)).toContain('endorse-owned');
    expect(sheet.displayValues()[0]).toEqual(['Name', 'Email', 'Code', 'Sent', 'Note']);
  });

  it('are emailed within the daily quota, and the mailing resumes the next day where it stopped', () => {
    const emails = members(7);
    const box = codesBox(emails, 3);
    const first = box.run<CodesView>('sendVoterCodes');
    expect([first.sentNow, first.sent, first.waiting, first.remainingToday]).toEqual([3, 3, 4, 0]);
    expect(first.summary).toContain('press Send again tomorrow');
    expect(first.summary).toContain('Emails left today: 0.');
    const codes = codeSheet(box);

    // Pressed again the same day: nothing more can leave.
    const again = box.run<CodesView>('sendVoterCodes');
    expect([again.sentNow, again.waiting]).toEqual([0, 4]);

    box.forms.mail.nextDay();
    const second = box.run<CodesView>('sendVoterCodes');
    expect([second.sentNow, second.waiting]).toEqual([3, 1]);
    box.forms.mail.nextDay();
    const third = box.run<CodesView>('sendVoterCodes');
    expect([third.sentNow, third.sent, third.waiting, third.remainingToday]).toEqual([1, 7, 0, 2]);

    // Each member got one email, with the code the sheet holds; no code changed between days.
    expect(codeSheet(box)).toEqual(codes);
    for (const email of emails) expect(mailedCode(box, email)).toBe(codes.get(email));
    expect(box.forms.mail.sent.map((m) => m.day)).toEqual([1, 1, 1, 2, 2, 2, 3]);
    expect(box.forms.mail.sent[0]!.body).toContain(box.forms.form().publishedUrl);
  });

  it('a member added to the roster later gets a code; nobody else\'s changes or is sent twice', () => {
    const box = codesBox(members(2));
    box.run('sendVoterCodes');
    const before = codeSheet(box);
    box.sheets.sheet('Roster').grid.setValue(4, 2, 'late@example.org');
    const view = box.run<CodesView>('sendVoterCodes');
    expect([view.sentNow, view.issued]).toEqual([1, 3]);
    const after = codeSheet(box);
    for (const [email, code] of before) expect(after.get(email)).toBe(code);
    expect(box.forms.mail.to('late@example.org')).toHaveLength(1);
    expect(box.forms.mail.sent).toHaveLength(3);
  });
});

describe('counting a secret ballot', () => {
  function voted() {
    const emails = ['ana@example.org', 'bo@example.org', 'cy@example.org', 'dee@example.org'];
    const box = codesBox(emails);
    box.run('sendVoterCodes');
    const code = (email: string) => mailedCode(box, email);
    const ballot = (voterCode: string, mayor: string, minute: number) =>
      box.forms.submit({ at: at(minute), answers: new Map<ItemKey, Answer>([['Voter code', voterCode], ['Mayor', mayor]]) });
    ballot(code('ana@example.org'), 'Ana Diaz', 1);
    ballot(code('bo@example.org').toLowerCase().replace('-', ' '), 'Ana Diaz', 2);
    ballot(code('cy@example.org'), 'Bo Li', 3);
    ballot(code('ana@example.org'), 'Bo Li', 4); // a reused code: someone who saw Ana's email
    ballot('QQQQQ-QQQQQ', 'Bo Li', 5); // a code never issued
    return { box, emails, count: box.run<CountView>('runCount') };
  }

  it('counts a ballot only with an unused valid code: a reused code and an unknown one are refused', () => {
    const { box, count } = voted();
    expect(count.ballots).toEqual({ received: 5, accepted: 3, refused: 2 });
    expect(Object.fromEntries(count.refusals.map((r) => [r.reason, r.count]))).toEqual({ 'unknown-code': 1, 'reused-code': 1 });
    const refused = box.sheets.sheet('Refused').displayValues();
    const row = (n: string) => refused.find((r) => r[1] === n)!;
    expect(row('5')[3]).toBe('reused-code');
    expect(row('5')[5]).toMatch(/was already used at row 2; a code counts once, the first time$/);
    expect(row('6')[3]).toBe('unknown-code');
    expect(count.races[0]!.rounds[0]!.rows.map(([o, v]) => [o, v])).toEqual([['Ana Diaz', 2], ['Bo Li', 1]]);
    expect(count.turnout).toEqual({ voted: 3, eligible: 4 });
  });

  it('no output sheet puts a member beside a choice', () => {
    const { box, emails } = voted();
    const ballots = box.sheets.sheet('Ballots').displayValues();
    expect(ballots[0]).toEqual(['Source', 'Row', 'Counts for', 'Mayor']);
    for (const sheet of ['Ballots', 'Refused', 'Results']) {
      const text = box.sheets.sheet(sheet).displayValues().flat().join('\n');
      for (const email of emails) expect(text, `${sheet} names ${email}`).not.toContain(email);
    }
    // The response sheet holds codes only: the form collected no email.
    const responses = box.sheets.sheet('Form Responses 1').displayValues();
    expect(responses[0]).toEqual(['Timestamp', 'Voter code', 'Mayor']);
  });
});
