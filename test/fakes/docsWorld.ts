/**
 * A Drive with Google Docs in it, for tests of the announcement: build a
 * template from a short description (paragraphs of formatted runs, tables,
 * header, footer), visible to Drive or not (drive.file), hand DocumentApp and DriveApp to the code under test, then
 * dump what it wrote as plain data: texts, table rows, and formatting per run.
 */
import { CallLog } from './calls';
import {
  cellNode, DocStore, paragraphNode, paragraphsUnder, rowNode, runsOf, tableNode, tocNode,
  type Block, type DocModel, type HeadingName, type ParagraphNode, type SectionNode, type TextAttrs, type TextModel,
} from './docModel';
import type { DocsContext } from './docElement';
import { FakeDocumentApp } from './document';
import { DriveModel, FakeDriveApp, FolderRecord } from './drive';

/** A stretch of text; a plain string is unformatted. */
export type RunSpec = string | { text: string; bold?: boolean; italic?: boolean; link?: string; font?: string };
/** A paragraph: its text, its runs, or both with a heading or as a list item. */
export type ParagraphSpec = string | RunSpec[] | { runs: string | RunSpec[]; heading?: HeadingName; list?: boolean };
/** A cell: one paragraph, or several. */
export type CellSpec = ParagraphSpec | { paragraphs: ParagraphSpec[] };
export type BlockSpec = ParagraphSpec | { table: CellSpec[][] } | { tableOfContents: true };

export interface DocSpec {
  name: string;
  body: BlockSpec[];
  header?: BlockSpec[];
  footer?: BlockSpec[];
}

/** A run as a test compares it: only the formatting it has. */
export interface RunDump {
  text: string;
  bold?: true;
  italic?: true;
  link?: string;
  font?: string;
}

export interface ParagraphDump {
  text: string;
  runs: RunDump[];
  /** Absent for a normal paragraph. */
  heading?: HeadingName;
  list?: true;
}

export interface TableDump {
  /** Each cell's text. */
  rows: string[][];
  /** Each cell's paragraphs, with their runs. */
  cells: ParagraphDump[][][];
}

export type BlockDump = ParagraphDump | TableDump | { tableOfContents: true };

/** Where a document's file sits, and whether DriveApp may open it: one the app did not create is refused under drive.file. */
export interface Placement {
  folder?: FolderRecord;
  /** False: DocumentApp opens it, DriveApp answers that there is no such file. True by default. */
  visibleToDrive?: boolean;
}

export interface DocDump {
  id: string;
  name: string;
  body: BlockDump[];
  header: BlockDump[] | null;
  footer: BlockDump[] | null;
}

export interface DocsWorld {
  /** What the code under test gets as globals (or the bundle's sandbox). */
  services: { DocumentApp: GoogleAppsScript.Document.DocumentApp; DriveApp: GoogleAppsScript.Drive.DriveApp };
  calls: CallLog;
  docs: DocStore;
  drive: DriveModel;
  /** A document built from `spec`, its Drive file in a folder (My Drive by default), visible to DriveApp unless told. */
  addDocument(spec: DocSpec, where?: FolderRecord | Placement): DocModel;
  addFolder(name: string): FolderRecord;
  /** A document's content, by model or id, for assertions. */
  dump(doc: DocModel | string): DocDump;
}

/** An error like Apps Script's, named "Exception"; pass `exception` to build it in the sandbox's realm. */
export function appsScriptException(message: string): Error {
  const error = new Error(message);
  error.name = 'Exception';
  return error;
}

/** Pass the CallLog of the Sheets fakes to count every service call in one log. */
export function createDocsWorld(calls?: CallLog, options: { exception?: (message: string) => Error } = {}): DocsWorld {
  const exception = options.exception ?? appsScriptException;
  const ctx: DocsContext = { calls: calls ?? new CallLog(exception), exception };
  const docs = new DocStore();
  const drive = new DriveModel(docs);
  return {
    services: {
      DocumentApp: new FakeDocumentApp(drive, ctx) as unknown as GoogleAppsScript.Document.DocumentApp,
      DriveApp: new FakeDriveApp(drive, ctx) as unknown as GoogleAppsScript.Drive.DriveApp,
    },
    calls: ctx.calls,
    docs,
    drive,
    addDocument(spec, where) {
      const section = (blocks: BlockSpec[] | undefined) => blocks && blocks.map(blockOf);
      const doc = docs.add(spec.name, section(spec.body), section(spec.header) ?? null, section(spec.footer) ?? null);
      const { folder, visibleToDrive }: Placement = where instanceof FolderRecord ? { folder: where } : where ?? {};
      drive.addDocument(doc, folder, { visibleToDrive });
      return doc;
    },
    addFolder: (name) => drive.addFolder(name),
    dump(doc) {
      const model = typeof doc === 'string' ? docs.get(doc) : doc;
      if (!model) throw new Error(`No document ${String(doc)}`);
      return dumpDocument(model);
    },
  };
}

// ---- building ----

export function textFromRuns(runs: string | RunSpec[]): TextModel {
  const text: TextModel = { chars: '', attrs: [] };
  for (const run of typeof runs === 'string' ? [runs] : runs) {
    const spec = typeof run === 'string' ? { text: run } : run;
    const attrs: Record<string, unknown> = {};
    if (spec.bold) attrs.bold = true;
    if (spec.italic) attrs.italic = true;
    if (spec.link) attrs.link = spec.link;
    if (spec.font) attrs.font = spec.font;
    const frozen = Object.freeze(attrs) as TextAttrs;
    text.chars += spec.text;
    for (let i = 0; i < spec.text.length; i++) text.attrs.push(frozen);
  }
  return text;
}

export function paragraphOf(spec: ParagraphSpec): ParagraphNode {
  if (typeof spec === 'string' || Array.isArray(spec)) return paragraphNode(textFromRuns(spec));
  return paragraphNode(textFromRuns(spec.runs), spec.list ? 'listItem' : 'paragraph', spec.heading ?? 'NORMAL');
}

export function blockOf(spec: BlockSpec): Block {
  if (typeof spec === 'object' && !Array.isArray(spec) && 'tableOfContents' in spec) return tocNode();
  if (typeof spec === 'object' && !Array.isArray(spec) && 'table' in spec) {
    return tableNode(spec.table.map((row) => rowNode(row.map((cell) => {
      const paragraphs = typeof cell === 'object' && !Array.isArray(cell) && 'paragraphs' in cell ? cell.paragraphs : [cell];
      return cellNode(paragraphs.map(paragraphOf));
    }))));
  }
  return paragraphOf(spec);
}

// ---- dumping ----

export function dumpDocument(doc: DocModel): DocDump {
  const section = (s: SectionNode | null) => s && s.children.map(dumpBlock);
  return { id: doc.id, name: doc.name, body: section(doc.body)!, header: section(doc.header), footer: section(doc.footer) };
}

export function dumpBlock(block: Block): BlockDump {
  if (block.kind === 'tableOfContents') return { tableOfContents: true };
  if (block.kind !== 'table') return dumpParagraph(block);
  return {
    rows: block.rows.map((r) => r.cells.map((c) => paragraphsUnder(c).map((p) => p.text.chars).join('\n'))),
    cells: block.rows.map((r) => r.cells.map((c) => paragraphsUnder(c).map(dumpParagraph))),
  };
}

export function dumpParagraph(p: ParagraphNode): ParagraphDump {
  const runs = runsOf(p.text).map(({ chars, attrs }) => ({ text: chars, ...attrs }));
  return {
    text: p.text.chars,
    runs,
    ...(p.heading === 'NORMAL' ? {} : { heading: p.heading }),
    ...(p.kind === 'listItem' ? { list: true as const } : {}),
  };
}

/** The blocks as lines of text: a paragraph's text, a table row's cells joined by " | ", "[table of contents]". */
export function linesOf(blocks: readonly BlockDump[]): string[] {
  return blocks.flatMap((b) => ('rows' in b ? b.rows.map((cells) => cells.join(' | ')) : 'text' in b ? [b.text] : ['[table of contents]']));
}
