/**
 * The ballot form and the runoff form, built in Google Forms from the races the
 * leader typed (src/core/ballotForm.ts says what to build), linked to this
 * spreadsheet, and remembered in document properties: the forms' ids, which
 * item holds which race (so a form can be read by item, formsImport.ts), and
 * the last mailing of voter codes.
 */
import * as z from 'zod/mini';
import { ballotFormPlan, CODE_QUESTION, rulesWithBallot, runoffFormPlan, type FormPlan, type OnlineVoting } from '../core/ballotForm';
import { nameKey } from '../core/name';
import { raceListProblems, readRaceList, type BallotRace } from '../core/raceList';
import { parseRules, type Rules, type RulesInput } from '../core/rules';
import { BallotRequestSchema, type BallotView, type CodesView, type FormLinks, type Sources, type StepState } from '../shared/sidebarApi';
import { UserError } from './errors';
import { readLastRun } from './lastRun';
import { readSettings, settingsProperties, utf8Length } from './settings';

export const BALLOT_KEY = 'endorse.ballot';

const FormRecordSchema = z.object({
  id: z.string(),
  title: z.string(),
  editUrl: z.string(),
  publishedUrl: z.string(),
  /** Item id → the race it holds, or CODE_QUESTION. */
  items: z.record(z.string(), z.string()),
  responseSheet: z.nullable(z.string()),
});
export type FormRecord = z.infer<typeof FormRecordSchema>;

const BallotStateSchema = z.object({
  title: z.string(),
  races: z.array(z.object({ name: z.string(), kind: z.enum(['single', 'ranked']), candidates: z.array(z.string()) })),
  form: z.nullable(FormRecordSchema),
  runoffs: z.record(z.string(), FormRecordSchema),
  readFrom: z.enum(['sheet', 'form']),
  codes: z.nullable(z.custom<CodesView>((v) => v !== null && typeof v === 'object')),
});
export type BallotState = z.infer<typeof BallotStateSchema>;

/** The ballot as saved; null when Endorse built none here (or what is saved cannot be read: it is then built anew). */
export function readBallotState(properties: Record<string, string>): BallotState | null {
  const text = properties[BALLOT_KEY];
  if (text === undefined) return null;
  try {
    const parsed = z.safeParse(BallotStateSchema, JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function ballotProperty(state: BallotState): Record<string, string> {
  const text = JSON.stringify(state);
  if (utf8Length(text) > 9 * 1024) throw new UserError('The ballot is too long to remember in this spreadsheet: shorten the lists of races and candidates.');
  return { [BALLOT_KEY]: text };
}

function racesText(races: BallotRace[]): string {
  return races.map((r) => [`${r.name}${r.kind === 'ranked' ? ' (ranked)' : ''}`, ...r.candidates].join('\n')).join('\n\n');
}

function links(record: FormRecord): FormLinks {
  return { title: record.title, editUrl: record.editUrl, publishedUrl: record.publishedUrl, responseSheet: record.responseSheet };
}

/** What the Ballot step shows, from the document properties alone (no other service is called). */
export function ballotView(properties: Record<string, string>): BallotView {
  const state = readBallotState(properties);
  const saved = readSettings(properties);
  const voting = saved.rules?.voting ?? { online: 'signed-in' as const, paper: false };
  const races: BallotRace[] = state?.races ?? [];
  const runoffs = Object.entries(state?.runoffs ?? {}).map(([race, record]) => ({ race, form: links(record) }));
  const last = readLastRun(properties).count?.view;
  // A vote on paper holds its runoff on paper: no form to offer.
  const runoffNeeded = (voting.online === 'none' ? [] : last?.races ?? [])
    .filter((r) => r.outcome === 'runoff-needed' && r.finalists.length > 1 && !runoffs.some((o) => nameKey(o.race) === nameKey(r.race)))
    .map((r) => ({ race: r.race, finalists: r.finalists }));
  const form = state?.form ? links(state.form) : null;
  const raceCount = races.length === 1 ? '1 race' : `${races.length} races`;
  const step: StepState = runoffNeeded.length > 0
    ? { state: 'needs-attention', summary: `Runoff needed in ${runoffNeeded.map((r) => r.race).join(', ')}: create its form` }
    : form
      ? { state: 'done', summary: `Form "${form.title}": ${raceCount}${voting.online === 'codes' ? ', secret ballot with voter codes' : ''}` }
      : state && voting.online === 'none'
        ? { state: 'done', summary: `Paper ballots at the meeting: ${raceCount}` }
        : { state: 'not-started', summary: 'Optional: Endorse can build the ballot form for you' };
  return {
    step,
    title: state?.title ?? '',
    races,
    racesText: racesText(races),
    online: voting.online,
    paper: voting.paper,
    form,
    runoffs,
    runoffNeeded,
    readFrom: state?.readFrom ?? 'sheet',
    codes: state?.codes ?? null,
  };
}

/** ballotView, reading the properties itself. */
export function currentBallotView(): BallotView {
  return ballotView(PropertiesService.getDocumentProperties().getProperties());
}

/** Builds a form from its plan; returns its record (the response sheet found once Forms has made it). */
export function buildForm(plan: FormPlan, spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): FormRecord {
  const form = FormApp.create(plan.title);
  form.setDescription(plan.description);
  form.setCollectEmail(plan.collectEmail);
  form.setLimitOneResponsePerUser(plan.limitOneResponsePerUser);
  form.setAllowResponseEdits(plan.allowResponseEdits);
  const items: Record<string, string> = {};
  for (const item of plan.items) {
    if (item.kind === 'code') {
      const text = form.addTextItem().setTitle(item.title).setHelpText(item.helpText).setRequired(true);
      items[String(text.getId())] = CODE_QUESTION;
    } else if (item.kind === 'choice') {
      const choice = form.addMultipleChoiceItem().setTitle(item.title).setHelpText(item.helpText).setChoiceValues(item.choices);
      items[String(choice.getId())] = item.race;
    } else {
      const grid = form.addGridItem().setTitle(item.title).setHelpText(item.helpText).setRows(item.rows).setColumns(item.columns);
      grid.setValidation(FormApp.createGridValidation().requireLimitOneResponsePerColumn().build());
      items[String(grid.getId())] = item.race;
    }
  }
  // Linked last, so the response sheet Forms makes already has every question as a column.
  form.setDestination(FormApp.DestinationType.SPREADSHEET, spreadsheet.getId());
  const id = form.getId();
  return { id, title: plan.title, editUrl: form.getEditUrl(), publishedUrl: form.getPublishedUrl(), items, responseSheet: linkedSheet(id) };
}

/** The sheet Forms made for the form's responses: the one whose form link names it. */
export function linkedSheet(formId: string): string | null {
  SpreadsheetApp.flush();
  for (const sheet of SpreadsheetApp.getActiveSpreadsheet().getSheets()) {
    const url = sheet.getFormUrl();
    if (url && url.indexOf(formId) >= 0) return sheet.getName();
  }
  return null;
}

/** How many responses a form Endorse built already holds; 0 when it is gone from Drive. */
function responsesIn(record: FormRecord): number {
  try {
    return FormApp.openById(record.id).getResponses().length;
  } catch {
    return 0;
  }
}

/**
 * Saves the races and how members vote into the rules, and builds the ballot
 * form (none when the vote is on paper only). A form that already received
 * ballots is never replaced: it is edited in Forms.
 */
export function createBallotForm(request: unknown): BallotView {
  const parsed = z.safeParse(BallotRequestSchema, request);
  if (!parsed.success) throw new UserError('The sidebar sent a ballot Endorse cannot read: give the form a title, then try again.');
  const { title, kind, online, paper } = parsed.data;
  const store = PropertiesService.getDocumentProperties();
  const properties = store.getProperties();
  const saved = readSettings(properties);
  if (saved.problem) throw new UserError(saved.problem);

  const races = readRaceList(parsed.data.races, kind);
  const rulesInput: RulesInput = rulesWithBallot(saved.settings.rules, races, online === 'none' ? 'signed-in' : online);
  rulesInput.voting = { online, paper: paper || online === 'none' };
  const rules = parseRules(rulesInput);
  const problems = raceListProblems(races, rules);
  if (problems.length) throw new UserError(`The ballot cannot be built: ${problems.join('. ')}.`);

  const previous = readBallotState(properties);
  if (previous?.form) {
    const ballots = responsesIn(previous.form);
    if (ballots > 0) {
      throw new UserError(`The form "${previous.form.title}" already holds ${ballots === 1 ? '1 ballot' : `${ballots} ballots`}: change it in Forms (${previous.form.editUrl}) rather than build another.`);
    }
  }

  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const form = online === 'none' ? null : buildForm(ballotFormPlan(title, races, rules, online, spreadsheet.getSpreadsheetTimeZone()), spreadsheet);
  const sources: Sources = { ...saved.settings.sources };
  if (form?.responseSheet) sources.responses = form.responseSheet;
  const state: BallotState = {
    title,
    races,
    form,
    runoffs: previous?.runoffs ?? {},
    readFrom: previous?.readFrom ?? 'sheet',
    codes: previous?.codes ?? null,
  };
  store.setProperties({ ...settingsProperties({ rules: rulesInput, sources }), ...ballotProperty(state) });
  return currentBallotView();
}

/**
 * The runoff form of a single-choice race whose last count ended with
 * "runoff needed": its finalists and "No endorsement" only, the ballot's
 * settings, linked to this spreadsheet; its response sheet becomes the race's
 * second vote in the saved sources.
 */
export function createRunoffForm(race: unknown): BallotView {
  const store = PropertiesService.getDocumentProperties();
  const properties = store.getProperties();
  const saved = readSettings(properties);
  if (saved.problem || !saved.rules) throw new UserError(saved.problem ?? 'The saved rules cannot be used.');
  const rules: Rules = saved.rules;
  const wanted = nameKey(String(race ?? ''));
  const result = readLastRun(properties).count?.view.races.find((r) => nameKey(r.race) === wanted);
  if (!result || result.outcome !== 'runoff-needed' || result.finalists.length < 2) {
    throw new UserError(`A runoff form is made after a count that ends with "runoff needed" in that race, and the last count of "${String(race)}" did not: count the votes first.`);
  }
  if (rules.voting.online === 'none') {
    throw new UserError('This vote is on paper: hold the runoff on paper too, enter its ballots in a sheet, and choose it as a second vote in the Sources step.');
  }
  const state = readBallotState(properties) ?? { title: SpreadsheetApp.getActiveSpreadsheet().getName(), races: [], form: null, runoffs: {}, readFrom: 'sheet' as const, codes: null };
  const existing = Object.keys(state.runoffs).find((r) => nameKey(r) === wanted);
  if (existing !== undefined) return ballotView(properties);

  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const online: OnlineVoting = rules.voting.online;
  const plan = runoffFormPlan(`${state.title || spreadsheet.getName()}: ${result.race} runoff`, result.race, result.finalists, rules, online, spreadsheet.getSpreadsheetTimeZone());
  const record = buildForm(plan, spreadsheet);
  const next: BallotState = { ...state, runoffs: { ...state.runoffs, [result.race]: record } };
  const sources: Sources = { ...saved.settings.sources };
  if (record.responseSheet && !sources.secondVotes.includes(record.responseSheet)) sources.secondVotes = [...sources.secondVotes, record.responseSheet];
  store.setProperties({ ...settingsProperties({ rules: saved.settings.rules, sources }), ...ballotProperty(next) });
  return currentBallotView();
}

/** Where the count reads the ballots of Endorse's forms: 'sheet' (the linked sheets) or 'form' (FormApp, by item). */
export function setBallotSource(from: unknown): BallotView {
  if (from !== 'sheet' && from !== 'form') throw new UserError('Choose where to read the ballots: the linked sheet or the form itself.');
  const store = PropertiesService.getDocumentProperties();
  const state = readBallotState(store.getProperties());
  if (!state?.form && from === 'form') throw new UserError('Endorse reads a form itself only when it built it: create the ballot form first.');
  if (state) store.setProperties(ballotProperty({ ...state, readFrom: from }));
  return currentBallotView();
}
