/**
 * Paper ballots at a meeting, through dist/Code.js in the sandbox: the Check-in
 * sheet lists who already voted online so the desk turns them away, and the
 * tellers' paper ballots are added to the count.
 */
import { describe, expect, it } from 'vitest';
import type { CountView, MeetingView } from '../../src/shared/sidebarApi';
import { at, formsSandbox, roster } from './formsSandbox';

const EMAILS = ['ana@example.org', 'bo@example.org', 'cy@example.org', 'dee@example.org', 'eve@example.org', 'flo@example.org'];

function meetingBox() {
  const box = formsSandbox({ sheets: { Roster: roster(EMAILS) } });
  box.run('saveSettings', { rules: { group: 'Riverside Indivisible' }, sources: { roster: 'Roster', secondVotes: [] } });
  box.run('createBallotForm', { title: 'Endorsement vote 2026', races: 'Mayor: Ana Diaz; Bo Li\n\nDistrict Attorney (ranked)\nDee Ray\nEve Po', online: 'signed-in', paper: true });
  // Two members vote online before the meeting.
  box.forms.submit({ email: 'ana@example.org', at: at(1), answers: new Map([['Mayor', 'Ana Diaz']]) });
  box.forms.submit({ email: 'bo@example.org', at: at(2), answers: new Map([['Mayor', 'Bo Li']]) });
  return box;
}

/** The tellers tick a member as checked in (column D), as the desk does on the day. */
function checkIn(box: ReturnType<typeof meetingBox>, email: string): void {
  const sheet = box.sheets.sheet('Check-in');
  const row = sheet.displayValues().findIndex((r) => r[1] === email) + 1;
  sheet.grid.setValue(row, 4, 'x');
}

/** The tellers enter one paper ballot (choices only) on the next free row. */
function paperBallot(box: ReturnType<typeof meetingBox>, cells: string[]): void {
  const sheet = box.sheets.sheet('Paper ballots');
  const row = sheet.grid.lastRow() + 1;
  cells.forEach((value, c) => sheet.grid.setValue(row, c + 1, value));
}

describe('paper ballots at a meeting', () => {
  it('the Check-in sheet lists the eligible members and marks who already voted online, for the desk to turn away', () => {
    const box = meetingBox();
    const view = box.run<MeetingView>('prepareMeeting');
    expect(view.votedOnline.map((v) => v.email)).toEqual(['ana@example.org', 'bo@example.org']);
    const checkInSheet = box.sheets.sheet('Check-in').displayValues();
    expect(checkInSheet[0]).toEqual(['Name', 'Email', 'Voted online', 'Checked in']);
    expect(checkInSheet.slice(1).map((r) => [r[1], r[2]])).toEqual(EMAILS.map((e, i) => [e, i < 2 ? 'VOTED ONLINE: no paper ballot' : '']));
    expect(box.sheets.sheet('Paper ballots').displayValues()[0]).toEqual(['Mayor', 'District Attorney [1st choice]', 'District Attorney [2nd choice]', 'District Attorney [3rd choice]']);
    expect(view.summary).toContain('2 members have voted online');
  });

  it('preparing again marks a later online voter and keeps the desk\'s ticks', () => {
    const box = meetingBox();
    box.run('prepareMeeting');
    checkIn(box, 'cy@example.org');
    box.forms.submit({ email: 'dee@example.org', at: at(3), answers: new Map([['Mayor', 'Bo Li']]) });
    const view = box.run<MeetingView>('prepareMeeting');
    const rows = box.sheets.sheet('Check-in').displayValues().slice(1);
    expect(rows.map((r) => [r[1], r[2] !== '', r[3]])).toEqual([
      ['ana@example.org', true, ''], ['bo@example.org', true, ''], ['cy@example.org', false, 'x'],
      ['dee@example.org', true, ''], ['eve@example.org', false, ''], ['flo@example.org', false, ''],
    ]);
    expect(view.checkedIn).toBe(1);
  });

  it('adds the paper ballots to the count, and sets aside the online ballot of a member who also voted on paper', () => {
    const box = meetingBox();
    box.run('prepareMeeting');
    for (const email of ['cy@example.org', 'dee@example.org', 'bo@example.org']) checkIn(box, email); // Bo got past the desk
    paperBallot(box, ['Ana Diaz', 'Dee Ray', 'Eve Po']);
    paperBallot(box, ['Ana Diaz', 'Eve Po']);
    paperBallot(box, ['Ana Diaz', '', '', 'No endorsement']);
    const count = box.run<CountView>('runCount');

    expect(count.ballots).toEqual({ received: 5, accepted: 4, refused: 1 });
    const mayor = count.races.find((r) => r.race === 'Mayor')!;
    expect(mayor.rounds[0]!.rows.map(([o, v]) => [o, v])).toEqual([['Ana Diaz', 4], ['Bo Li', 0]]);
    expect(mayor.endorsed).toEqual(['Ana Diaz']);
    const refused = box.sheets.sheet('Refused').displayValues().find((r) => r[3] === 'superseded')!;
    expect(refused.slice(0, 3)).toEqual(['Form Responses 1', '3', 'bo@example.org']);
    expect(refused[5]).toContain('checked in at the meeting');
    // Turnout: one online voter, three members at the meeting.
    expect(count.turnout).toEqual({ voted: 4, eligible: 6 });
    const ballots = box.sheets.sheet('Ballots').displayValues();
    expect(ballots.filter((r) => r[0] === 'Paper ballots').map((r) => r[1])).toEqual(['2', '3', '4']);
  });

  it('refuses to count more paper ballots than members checked in', () => {
    const box = meetingBox();
    box.run('prepareMeeting');
    checkIn(box, 'cy@example.org');
    paperBallot(box, ['Ana Diaz']);
    paperBallot(box, ['Bo Li']);
    expect(() => box.run('runCount')).toThrow(/2 paper ballots, but only 1 member is ticked "Checked in" in the Check-in sheet/);
  });

  it('a vote held on paper only counts the Paper ballots sheet', () => {
    const box = formsSandbox({ sheets: { Roster: roster(EMAILS) } });
    box.run('saveSettings', { rules: {}, sources: { roster: 'Roster', secondVotes: [] } });
    box.run('createBallotForm', { title: 'Meeting vote', races: 'Mayor: Ana Diaz; Bo Li', online: 'none' });
    expect(box.forms.forms.forms).toHaveLength(0);
    const view = box.run<MeetingView>('prepareMeeting');
    expect(view.votedOnline).toEqual([]);
    for (const email of EMAILS.slice(0, 3)) checkIn(box, email);
    for (const choice of ['Ana Diaz', 'Ana Diaz', 'Bo Li']) paperBallot(box, [choice]);
    const count = box.run<CountView>('runCount');
    expect(count.ballots).toEqual({ received: 3, accepted: 3, refused: 0 });
    expect(count.races[0]!.rounds[0]!.rows.map(([o, v]) => [o, v])).toEqual([['Ana Diaz', 2], ['Bo Li', 1]]);
    expect(count.turnout).toEqual({ voted: 3, eligible: 6 });
  });
});
