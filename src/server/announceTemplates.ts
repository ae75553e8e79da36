/**
 * The template Doc for each audience: the one the leader names (by URL or id),
 * or our default, written as a Google Doc from its Markdown the first time it
 * is needed and then the group's to edit. Its id is remembered in the
 * spreadsheet's document properties, so later announcements use their edits.
 * A named Doc can be any Doc the leader can open: Drive copies the ones it may
 * open, the others are rebuilt from DocumentApp (docCopy.ts).
 */
import { DEFAULT_TEMPLATES, type Audience, type DefaultTemplate } from '../core/announcement';
import { parseMarkdown, type Inline } from '../core/markdown';
import { isServiceError, UserError } from './errors';

export const TEMPLATE_KEY_PREFIX = 'endorse.template.';
const GOOGLE_DOC = 'application/vnd.google-apps.document';

export interface TemplateDoc {
  audience: Audience;
  id: string;
  name: string;
  url: string;
  /** True when this call created it from our default. */
  created: boolean;
  /**
   * True when Drive may open it (Endorse created it: drive.file), so makeCopy copies it whole;
   * false for a Doc only DocumentApp opens, whose copies are rebuilt element by element.
   */
  driveCopy: boolean;
}

/** The Drive id in a Docs or Drive link (…/d/ID/…, …/folders/ID, ?id=ID), or an id as it is. */
export function driveId(text: string, what: string): string {
  const trimmed = text.trim();
  const inLink = /\/(?:d|folders)\/([\w-]+)/.exec(trimmed) ?? /[?&]id=([\w-]+)/.exec(trimmed);
  if (inLink) return inLink[1]!;
  if (/^[\w-]+$/.test(trimmed)) return trimmed;
  throw new UserError(`"${trimmed}" is not a link to ${what} or its id: paste the address of ${what} from your browser.`);
}

/** The template Doc for `audience`: the one given, or the remembered default, or a new default. */
export function templateFor(audience: Audience, given: string | undefined, store: GoogleAppsScript.Properties.Properties): TemplateDoc {
  if (given !== undefined && given.trim() !== '') return givenTemplate(audience, given.trim());
  const key = TEMPLATE_KEY_PREFIX + audience;
  const remembered = store.getProperty(key);
  if (remembered) {
    try {
      const file = DriveApp.getFileById(remembered);
      return { audience, id: remembered, name: file.getName(), url: file.getUrl(), created: false, driveCopy: true };
    } catch (error) {
      // Deleted since, or no longer ours to open: a fresh default replaces it.
      if (!isServiceError(error)) throw error;
    }
  }
  const template = DEFAULT_TEMPLATES.find((t) => t.audience === audience)!;
  const made = createTemplateDoc(template);
  store.setProperty(key, made.id);
  return { audience, ...made, created: true, driveCopy: true };
}

/**
 * A Doc the leader names. Drive opens it only if Endorse created it (drive.file: Drive shows
 * an app its own files, and those a user picks in Google's file picker, which the sidebar does
 * not offer: it needs a developer key of the group's own). Any other Doc the leader can open,
 * DocumentApp opens (documents scope). Only when neither can is it refused.
 */
function givenTemplate(audience: Audience, given: string): TemplateDoc {
  const id = driveId(given, 'a Google Doc');
  let file: GoogleAppsScript.Drive.File | null = null;
  try {
    file = DriveApp.getFileById(id);
  } catch (error) {
    if (!isServiceError(error)) throw error;
  }
  if (file) {
    if (file.getMimeType() !== GOOGLE_DOC) throw new UserError(`"${file.getName()}" is not a Google Doc: a template must be a Doc (File › Save as Google Docs turns a Word file into one).`);
    return { audience, id, name: file.getName(), url: file.getUrl(), created: false, driveCopy: true };
  }
  try {
    const doc = DocumentApp.openById(id);
    return { audience, id, name: doc.getName(), url: doc.getUrl(), created: false, driveCopy: false };
  } catch (error) {
    if (!isServiceError(error)) throw error;
    throw new UserError(
      `Endorse cannot open the template Doc "${given}" (${error.message}). A template can be any Google Doc you can open: ` +
      'check the link, and that the Google account you use in this spreadsheet can open the Doc (a Word file must first be saved as a Google Doc: File › Save as Google Docs).',
    );
  }
}

/** A Google Doc written from a default template's Markdown: headings, paragraphs, bold and italic, lists, tables. */
export function createTemplateDoc(template: DefaultTemplate): { id: string; name: string; url: string } {
  const name = `Endorse template: ${template.title}`;
  const doc = DocumentApp.create(name);
  const body = doc.getBody();
  for (const block of parseMarkdown(template.markdown)) {
    if (block.kind === 'heading') {
      const runs = runsOf(block.content);
      styleRuns(body.appendParagraph(textOf(runs)).setHeading(heading(block.level)).editAsText(), runs);
    } else if (block.kind === 'paragraph') {
      // One Doc paragraph per line, so a line holding only {{#if}} or {{/if}} is a paragraph the fill drops.
      for (const line of linesOf(runsOf(block.content))) styleRuns(body.appendParagraph(textOf(line)).editAsText(), line);
    } else if (block.kind === 'list') {
      const glyph = block.ordered ? DocumentApp.GlyphType.NUMBER : DocumentApp.GlyphType.BULLET;
      for (const item of block.items) {
        const runs = runsOf(item).map((r) => ({ ...r, text: r.text.replace(/\n/g, ' ') }));
        styleRuns(body.appendListItem(textOf(runs)).setGlyphType(glyph).editAsText(), runs);
      }
    } else {
      const rows = [block.header, ...block.rows].map((row) => row.map((cell) => runsOf(cell)));
      const table = body.appendTable(rows.map((row) => row.map(textOf)));
      rows.forEach((row, r) => row.forEach((cell, c) => {
        if (textOf(cell) === '') return;
        const text = table.getCell(r, c).editAsText();
        // The header row is bold, as Markdown shows a table's head.
        if (r === 0) text.setBold(true);
        else styleRuns(text, cell);
      }));
    }
  }
  // A new Doc starts with one empty paragraph; the template's first block goes above it otherwise.
  if (body.getNumChildren() > 1) body.getChild(0).asParagraph().removeFromParent();
  const id = doc.getId();
  const url = doc.getUrl();
  doc.saveAndClose();
  return { id, name, url };
}

function heading(level: number): GoogleAppsScript.Document.ParagraphHeading {
  const h = DocumentApp.ParagraphHeading;
  return [h.HEADING1, h.HEADING2, h.HEADING3, h.HEADING4, h.HEADING5, h.HEADING6][Math.min(level, 6) - 1]!;
}

interface Run {
  text: string;
  bold: boolean;
  italic: boolean;
}

function runsOf(content: Inline[], bold = false, italic = false): Run[] {
  const runs: Run[] = [];
  for (const node of content) {
    if (node.kind === 'text') runs.push({ text: node.text, bold, italic });
    else runs.push(...runsOf(node.children, bold || node.kind === 'strong', italic || node.kind === 'em'));
  }
  return runs;
}

/** Runs cut at each line end: one list of runs per line. */
function linesOf(runs: Run[]): Run[][] {
  const lines: Run[][] = [[]];
  for (const run of runs) {
    run.text.split('\n').forEach((part, i) => {
      if (i > 0) lines.push([]);
      if (part !== '') lines[lines.length - 1]!.push({ ...run, text: part });
    });
  }
  return lines;
}

function textOf(runs: Run[]): string {
  return runs.map((r) => r.text).join('');
}

function styleRuns(text: GoogleAppsScript.Document.Text, runs: Run[]): void {
  let at = 0;
  for (const run of runs) {
    const end = at + run.text.length - 1;
    if (run.text !== '' && run.bold) text.setBold(at, end, true);
    if (run.text !== '' && run.italic) text.setItalic(at, end, true);
    at = end + 1;
  }
}
