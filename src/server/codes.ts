/**
 * Voter codes for a secret ballot: one per eligible member, generated from
 * Apps Script's random UUIDs, kept in the hidden Voter codes sheet, and emailed
 * with MailApp within its daily quota (100 recipients a day for a consumer
 * account, 1,500 for Workspace). The sheet is written before the first email
 * leaves, so no member can hold a code the count does not know; each email sent
 * is then marked in it, so the next press (tomorrow, once the quota is spent)
 * carries on with the first member not yet sent to. If Apps Script stops a run
 * between an email and its mark, that member gets the same code twice: harmless.
 */
import { windowWords } from '../core/ballotForm';
import { codeListSheet, codeMessage, CODES_SHEET, readCodeList, waiting, withCodesFor, type CodeEntry } from '../core/codeMailing';
import { formatInstant } from '../core/outputSheets';
import { codeRandomFromUuids } from '../core/voterCode';
import type { CodesView } from '../shared/sidebarApi';
import { isServiceError, UserError } from './errors';
import { ballotProperty, readBallotState } from './forms';
import { writeOutputs } from './outputs';
import { rulesInForce, readSettings } from './settings';
import { readEligibleMembers } from './sources';

/** Apps Script stops a run at six minutes; this leaves time to write the sheet after the last email. */
export const SENDING_BUDGET_MS = 4.5 * 60 * 1000;

const BUSY = 'Voter codes are being sent from another window: wait for that to finish, then press Send again.';

/** Sends the codes not sent yet, as far as today's quota and the run's time allow. */
export function sendVoterCodes(): CodesView {
  const lock = LockService.getDocumentLock();
  if (!lock || !lock.tryLock(5000)) throw new UserError(BUSY);
  try {
    return send();
  } finally {
    lock.releaseLock();
  }
}

function send(): CodesView {
  const store = PropertiesService.getDocumentProperties();
  const properties = store.getProperties();
  const saved = readSettings(properties);
  const rules = rulesInForce(saved);
  if (rules.voting.online !== 'codes') throw new UserError('Members vote with codes only when the Ballot step says so: choose "Secret ballot with voter codes" and build the form first.');
  const state = readBallotState(properties);
  if (!state?.form) throw new UserError('The codes are emailed with the link to the ballot form: create the form first (Ballot step).');
  const { roster, attendance } = saved.settings.sources;
  if (!roster) throw new UserError('Codes go to the eligible members of the roster: choose the roster in the Sources step first.');

  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const timeZone = rules.timeZone ?? spreadsheet.getSpreadsheetTimeZone();
  const members = readEligibleMembers(spreadsheet, { roster, attendance }, rules, timeZone);
  const sheet = spreadsheet.getSheetByName(CODES_SHEET);
  const issued = withCodesFor(readCodeList(sheet ? sheet.getDataRange().getValues() : null), members, codeRandomFromUuids(() => Utilities.getUuid()), rules.eligibility.gmailAliases);
  let list = issued.list;
  if (issued.added > 0) save(spreadsheet, list);

  const facts = { group: rules.group, formUrl: state.form.publishedUrl, window: windowWords(rules.window, timeZone) };
  const started = Date.now();
  let remaining = MailApp.getRemainingDailyQuota();
  let sentNow = 0;
  let stop: 'quota' | 'time' | null = null;
  let failure: string | null = null;
  try {
    for (const i of waiting(list)) {
      if (remaining <= 0) stop = 'quota';
      else if (Date.now() - started > SENDING_BUDGET_MS) stop = 'time';
      if (stop) break;
      const entry = list[i]!;
      const message = codeMessage(entry, facts);
      try {
        MailApp.sendEmail({ to: message.to, subject: message.subject, body: message.body, name: rules.group ?? 'Endorse' });
      } catch (error) {
        if (!isServiceError(error)) throw error;
        if (/too many times|quota/i.test(error.message)) {
          stop = 'quota';
          remaining = 0;
          break;
        }
        if (/invalid email|recipient/i.test(error.message)) {
          list = replace(list, i, { ...entry, note: error.message.trim() });
          continue;
        }
        failure = error.message.trim();
        break;
      }
      list = replace(list, i, { ...entry, sent: formatInstant(Date.now(), timeZone), note: '' });
      sentNow += 1;
      remaining -= 1;
    }
  } finally {
    // What was sent is written down even when a send failed in a way not foreseen.
    if (sentNow > 0 || list !== issued.list) save(spreadsheet, list);
  }
  const view = codesView(list, sentNow, remaining, stop, failure);
  store.setProperties(ballotProperty({ ...state, codes: view }));
  return view;
}

function replace(list: CodeEntry[], i: number, entry: CodeEntry): CodeEntry[] {
  const next = list.slice();
  next[i] = entry;
  return next;
}

/** Writes the Voter codes sheet (all or nothing, outputs.ts) and keeps it hidden from casual view. */
function save(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, list: CodeEntry[]): void {
  writeOutputs(spreadsheet, [{ sheet: codeListSheet(list) }]);
  spreadsheet.getSheetByName(CODES_SHEET)?.hideSheet();
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function codesView(list: CodeEntry[], sentNow: number, remaining: number, stop: 'quota' | 'time' | null, failure: string | null): CodesView {
  const left = waiting(list).length;
  const problems = list.filter((e) => e.note !== '' && e.sent === '').map((e) => `${e.email}: ${e.note}`);
  const sent = list.length - left;
  const parts = [`${plural(sentNow, 'code')} sent now; ${sent} of ${plural(list.length, 'member')} have their code.`];
  if (left > 0) {
    if (failure) parts.push(`Sending stopped: ${failure} Press Send again in a minute; Endorse carries on with the next member.`);
    else if (stop === 'quota') parts.push(`Google lets this account send no more email today: press Send again tomorrow, and Endorse carries on with the ${left} members still waiting.`);
    else if (stop === 'time') parts.push(`${left} members still wait: press Send again to carry on.`);
    else if (problems.length) parts.push(`${problems.length === 1 ? '1 address' : `${problems.length} addresses`} could not be written to: correct them in the roster and press Send again.`);
  }
  parts.push(`Emails left today: ${remaining}.`);
  return { issued: list.length, sent, waiting: left, sentNow, remainingToday: remaining, summary: parts.join(' '), problems, sheet: CODES_SHEET };
}
