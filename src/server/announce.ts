/**
 * The announcement Docs of one race, from its count: for each audience (its
 * members, then every candidate, then the press) the template Doc is copied
 * into the chosen folder, named after the race and the date, and filled with
 * the facts of the result (docFill.ts). Returns the links for the sidebar.
 * A template Drive may not open (a group's own Doc, under drive.file) is copied
 * by rebuilding it from DocumentApp instead (docCopy.ts).
 *
 * The vote is counted again from the same sheets, exactly as the last count
 * did; it is refused if the rules or the sheets changed since that count.
 */
import { DEFAULT_TEMPLATES, letterFacts, placeholderList, type Audience } from '../core/announcement';
import { factsFromResult, notAnnounceable } from '../core/announcementFacts';
import { escapeHtml } from '../core/markdown';
import { listNames } from '../core/summary';
import type { Facts } from '../core/template';
import { countVote, type VoteReport } from '../core/vote';
import * as z from 'zod/mini';
import {
  AnnouncementRequestSchema, type AnnouncementDoc, type AnnouncementRequest, type AnnouncementView, type PlaceholderView,
} from '../shared/sidebarApi';
import { rebuildCopy } from './docCopy';
import { checkTemplate, fillDocument } from './docFill';
import { driveId, templateFor, type TemplateDoc } from './announceTemplates';
import { isServiceError, UserError } from './errors';
import { announcedChanges, applyChanges, readLastRun, settingsFingerprint } from './lastRun';
import { readSettings, rulesInForce } from './settings';
import { readSources } from './sources';

type Folder = GoogleAppsScript.Drive.Folder;
type Document = GoogleAppsScript.Document.Document;

const TITLES: Record<Audience, string> = { members: "Members' statement", candidates: 'Letter', press: 'Press release' };

/** What one announcement run shares across races: the count, the folder, the templates already found. */
interface Session {
  report: VoteReport;
  store: GoogleAppsScript.Properties.Properties;
  /** The document properties as the run began: what the settings fingerprint is taken from. */
  properties: Record<string, string>;
  folders: Map<string, Folder>;
  templates: Map<string, TemplateDoc>;
  /** Each template Doc as opened for its check, by id: what a rebuilt copy is read from. */
  opened: Map<string, Document>;
}

/** Every placeholder a template may use, for the sidebar's reference list. */
export function announcementPlaceholders(): PlaceholderView[] {
  return placeholderList();
}

/** The sidebar's "Create announcement": the Docs of one race, with their links and what could not be filled. */
export function createAnnouncements(input: unknown): AnnouncementView {
  const session = openSession();
  const view = announceRace(session, readRequest(input));
  remember(session, [view]);
  return view;
}

/** The menu's "Create announcement": every race with a final outcome, our default templates, the default folder. */
export function announceEveryRace(): { views: AnnouncementView[]; skipped: string[] } {
  const session = openSession();
  const skipped = session.report.races.map(notAnnounceable).filter((why): why is string => why !== null);
  const races = session.report.races.filter((r) => notAnnounceable(r) === null);
  const views = races.map((r) => announceRace(session, { race: r.race }));
  remember(session, views);
  return { views, skipped };
}

/** For the Announce step's summary: how many Docs each race got, and how many need a look. */
function remember(session: Session, views: AnnouncementView[]): void {
  const done = views.map((v) => ({ race: v.race, documents: v.documents.length, warnings: v.warnings.length }));
  applyChanges(session.store, announcedChanges(done, session.properties));
}

function readRequest(input: unknown): AnnouncementRequest {
  const parsed = z.safeParse(AnnouncementRequestSchema, input ?? null);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => i.path.map(String).join('.') || 'the request').join(', ');
    throw new UserError(`The announcement request cannot be used (${fields}). Reload the sidebar and try again.`);
  }
  return parsed.data;
}

function openSession(): Session {
  const store = PropertiesService.getDocumentProperties();
  const properties = store.getProperties();
  const saved = readSettings(properties);
  const rules = rulesInForce(saved);
  const last = readLastRun(properties).count;
  if (!last) throw new UserError('Count the votes first (step Count, or Extensions › Endorse › Count the votes): the announcement is written from the results.');
  if (last.settings !== settingsFingerprint(properties)) {
    throw new UserError('The rules or the sheets changed since the last count: count the votes again, then create the announcement, so it says what the Results sheet says.');
  }
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const report = countVote({ rules, timeZone: spreadsheet.getSpreadsheetTimeZone(), ...readSources(spreadsheet, saved.settings.sources) });
  return { report, store, properties, folders: new Map(), templates: new Map(), opened: new Map() };
}

function announceRace(session: Session, request: AnnouncementRequest): AnnouncementView {
  const { report } = session;
  const result = report.races.find((r) => r.race === request.race);
  if (!result) {
    throw new UserError(`There is no race named "${request.race}" in the last count (it has ${listNames(report.races.map((r) => `"${r.race}"`)) || 'no race'}). Count the votes again.`);
  }
  const why = notAnnounceable(result);
  if (why !== null) throw new UserError(`${why}.`);
  const facts = factsFromResult(report, result.race, {
    voteDate: blankless(request.voteDate),
    announcementDate: blankless(request.announcementDate) ?? Date.now(),
    embargo: blankless(request.embargo) ?? null,
  });
  const folder = destination(session, blankless(request.folder));
  const audiences = request.audiences && request.audiences.length ? DEFAULT_TEMPLATES.map((t) => t.audience).filter((a) => request.audiences!.indexOf(a) >= 0) : DEFAULT_TEMPLATES.map((t) => t.audience);

  // Every template is found and checked before the first Doc is written, so one that cannot be used leaves no Doc behind.
  const used = audiences.map((audience) => templateOf(session, audience, blankless(request.templates?.[audience])));
  const documents: AnnouncementDoc[] = [];
  const lost: string[] = [];
  for (const template of used) {
    const { audience } = template;
    const skipped: string[] = [];
    for (const f of audience === 'candidates' ? letterFacts(facts) : [facts]) {
      documents.push(writeCopy(session, template, folder, docName(audience, result.race, f), f, skipped));
    }
    if (skipped.length) lost.push(lostWarning(template, skipped));
  }
  return {
    race: result.race,
    folder: { name: folder.getName(), url: folder.getUrl() },
    templates: used.map(({ audience, name, url, created }) => ({ audience, name, url, created })),
    documents,
    warnings: lost.concat(warningsOf(documents)),
  };
}

/** The template, checked once per run before any copy is made, so a broken template leaves nothing behind. */
function templateOf(session: Session, audience: Audience, given: string | undefined): TemplateDoc {
  const key = `${audience}\n${given ?? ''}`;
  let template = session.templates.get(key);
  if (!template) {
    template = templateFor(audience, given, session.store);
    const doc = DocumentApp.openById(template.id);
    checkTemplate(doc);
    session.templates.set(key, template);
    session.opened.set(template.id, doc);
  }
  return template;
}

/**
 * Drive's copy when Drive may open the template: it copies everything, images included.
 * Else a rebuilt one; what it left out is added once to `skipped`, the same for every copy.
 */
function writeCopy(session: Session, template: TemplateDoc, folder: Folder, name: string, facts: Facts, skipped: string[]): AnnouncementDoc {
  let doc: Document;
  let url: string;
  if (template.driveCopy) {
    const copy = DriveApp.getFileById(template.id).makeCopy(name, folder);
    doc = DocumentApp.openById(copy.getId());
    url = copy.getUrl();
  } else {
    const rebuilt = rebuildCopy(session.opened.get(template.id)!, name, folder);
    doc = rebuilt.doc;
    url = rebuilt.url;
    if (!skipped.length) skipped.push(...rebuilt.skipped);
  }
  const filled = fillDocument(doc, facts);
  doc.saveAndClose();
  return { audience: template.audience, name, url, unfilled: filled.unfilled, split: filled.split };
}

/** What the rebuilt copies of a template lack, named once, with the way to a whole copy. */
function lostWarning(template: TemplateDoc, skipped: string[]): string {
  const them = skipped.length === 1 ? 'it' : 'them';
  return `The template "${template.name}" was copied element by element (Drive may not open it), and Endorse could not copy ${listNames(skipped)}: ` +
    `the Docs made from it lack ${them}. Add ${them} by hand, or paste the template into the one Endorse made for you, which Drive copies whole.`;
}

/** "Members' statement: Mayor, June 8, 2026"; a letter names its candidate. */
function docName(audience: Audience, race: string, facts: Facts): string {
  const candidate = Array.isArray(facts['candidate']) ? facts['candidate'][0]?.['name'] : undefined;
  const title = audience === 'candidates' && typeof candidate === 'string' ? `Letter to ${candidate}` : TITLES[audience];
  return `${title}: ${race}, ${String(facts['announcementDate'])}`;
}

/** The folder chosen; else the spreadsheet's own folder; else the top of My Drive. */
function destination(session: Session, chosen: string | undefined): Folder {
  const key = chosen ?? '';
  const known = session.folders.get(key);
  if (known) return known;
  let folder: Folder | null = null;
  if (chosen !== undefined) {
    const id = driveId(chosen, 'a Drive folder');
    try {
      folder = DriveApp.getFolderById(id);
    } catch (error) {
      if (!isServiceError(error)) throw error;
      throw new UserError(`Endorse cannot open the folder "${chosen}" (${error.message}). Endorse may only open folders it created: leave the folder empty to use the spreadsheet's folder.`);
    }
  } else {
    try {
      const parents = DriveApp.getFileById(SpreadsheetApp.getActiveSpreadsheet().getId()).getParents();
      if (parents.hasNext()) folder = parents.next();
    } catch (error) {
      // Not ours to see under drive.file, or in a shared drive we cannot list: My Drive it is.
      if (!isServiceError(error)) throw error;
    }
  }
  folder ??= DriveApp.getRootFolder();
  session.folders.set(key, folder);
  return folder;
}

/** One sentence per Doc with a placeholder left as written, naming it. */
function warningsOf(documents: AnnouncementDoc[]): string[] {
  const warnings: string[] = [];
  for (const d of documents) {
    const names = (list: string[]) => listNames(list.map((n) => `{{${n}}}`));
    if (d.unfilled.length) warnings.push(`${d.name}: ${names(d.unfilled)} ${d.unfilled.length === 1 ? 'has' : 'have'} no value and ${d.unfilled.length === 1 ? 'is' : 'are'} left as written (a misspelled name? see the list of placeholders).`);
    if (d.split.length) warnings.push(`${d.name}: ${names(d.split)} ${d.split.length === 1 ? 'is' : 'are'} formatted in two ways inside the braces, so ${d.split.length === 1 ? 'it was' : 'they were'} left as written: give the whole placeholder one style in the template.`);
  }
  return warnings;
}

/** The menu's dialog: the Docs of each race as links, and the races not ready to announce. */
export function announcementLinksHtml(views: AnnouncementView[], skipped: string[]): string {
  const link = (url: string, text: string) => `<a href="${escapeHtml(url)}" target="_blank" rel="noopener">${escapeHtml(text)}</a>`;
  const parts = ['<div style="font-family: Arial, sans-serif; font-size: 13px">'];
  for (const view of views) {
    parts.push(`<h3>${escapeHtml(view.race)}</h3>`, '<ul>');
    for (const d of view.documents) parts.push(`<li>${link(d.url, d.name)}</li>`);
    parts.push('</ul>');
    if (view.warnings.length) parts.push(`<p>${view.warnings.map(escapeHtml).join('<br>')}</p>`);
  }
  if (views.length) parts.push(`<p>In ${link(views[0]!.folder.url, views[0]!.folder.name)}. Members first, then the candidates, then the press.</p>`);
  for (const why of skipped) parts.push(`<p>${escapeHtml(why)}.</p>`);
  if (!views.length && !skipped.length) parts.push('<p>The last count has no race to announce.</p>');
  parts.push('</div>');
  return parts.join('\n');
}

/** The sidebar sends "" for a field left empty. */
function blankless(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}
