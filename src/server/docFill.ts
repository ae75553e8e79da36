/**
 * Filling one Google Doc (a copy of a template) with the facts of a result, in
 * place, so every paragraph keeps its style: the core's `evaluate` says, for
 * each paragraph, which stretches of its text stay, which placeholder becomes
 * which value, and which paragraphs an `{{#if}}` drops or an `{{#each}}` repeats.
 *
 * Values are written with insertText, never with replaceText, whose replacement
 * string is a regular expression's ($1, \) and would mangle a name such as
 * `$1 \ (x)` (issue 8). Each placeholder is first found with findText, so one
 * that Docs does not hold as one piece of uniformly formatted text is left as
 * written and reported, never half replaced.
 */
import { evaluate, parse, repeatedList, TemplateError, type Facts, type Piece, type Template } from '../core/template';
import { UserError } from './errors';

type Element = GoogleAppsScript.Document.Element;
type Paragraph = GoogleAppsScript.Document.Paragraph;
type ListItem = GoogleAppsScript.Document.ListItem;
type Table = GoogleAppsScript.Document.Table;
type Text = GoogleAppsScript.Document.Text;

/** What holds paragraphs and tables: the body, a header, a footer, a table cell. */
interface Blocks {
  getNumChildren(): number;
  getChild(childIndex: number): Element;
  getChildIndex(child: Element): number;
  insertParagraph(childIndex: number, paragraph: Paragraph): Paragraph;
  insertListItem(childIndex: number, listItem: ListItem): ListItem;
}

type Line = Paragraph | ListItem;

type Child =
  | { kind: 'line'; element: Line; list: boolean; text: string }
  | { kind: 'table'; element: Table; rows: RowPlan[] }
  | { kind: 'other'; element: Element };

/** A container read before anything is changed, its template parsed: a bad template fails here, untouched. */
interface ContainerPlan {
  blocks: Blocks;
  where: string;
  children: Child[];
  /** Null when no paragraph holds a placeholder. */
  template: Template | null;
}

interface RowPlan {
  /** The list this row is repeated for, or null. */
  list: string | null;
  cells: ContainerPlan[];
}

export interface FillReport {
  /** Placeholders with no fact, by name, once each: left visible in the Doc. */
  unfilled: string[];
  /** Placeholders left as written because Docs holds them as differently formatted pieces. */
  split: string[];
}

/** Any `{{…}}`: each placeholder findText must see whole before it is filled. */
const PLACEHOLDER = '\\{\\{[^{}]*\\}\\}';

/** Reads a template Doc and checks that it can be filled; throws UserError naming the paragraph if not. */
export function checkTemplate(doc: GoogleAppsScript.Document.Document): void {
  readDocument(doc);
}

/** Fills `doc` with `facts` (body, header, footer, table cells) and says what it could not fill. */
export function fillDocument(doc: GoogleAppsScript.Document.Document, facts: Facts): FillReport {
  const plans = readDocument(doc);
  const report: FillReport = { unfilled: [], split: [] };
  for (const plan of plans) fillContainer(plan, facts, report);
  return report;
}

function readDocument(doc: GoogleAppsScript.Document.Document): ContainerPlan[] {
  const name = doc.getName();
  const sections: [string, Blocks | null][] = [['', doc.getBody()], ['header, ', doc.getHeader()], ['footer, ', doc.getFooter()]];
  return sections.filter((s): s is [string, Blocks] => s[1] !== null).map(([part, blocks]) => readContainer(blocks, `"${name}", ${part}`, name));
}

function readContainer(blocks: Blocks, where: string, docName: string): ContainerPlan {
  const children: Child[] = [];
  const count = blocks.getNumChildren();
  for (let i = 0; i < count; i++) {
    const element = blocks.getChild(i);
    const type = element.getType();
    if (type === DocumentApp.ElementType.PARAGRAPH || type === DocumentApp.ElementType.LIST_ITEM) {
      const list = type === DocumentApp.ElementType.LIST_ITEM;
      const line: Line = list ? element.asListItem() : element.asParagraph();
      children.push({ kind: 'line', element: line, list, text: line.getText() });
    } else if (type === DocumentApp.ElementType.TABLE) {
      const table = element.asTable();
      children.push({ kind: 'table', element: table, rows: readRows(table, `${where}table ${children.filter((c) => c.kind === 'table').length + 1}, `, docName) });
    } else {
      children.push({ kind: 'other', element });
    }
  }
  // A table stands in the template as an empty line, so an {{#if}} around it can drop it.
  const lines = children.map((c) => (c.kind === 'line' ? c.text : ''));
  let template: Template | null = null;
  if (lines.some((l) => l.indexOf('{{') >= 0)) {
    // The closing empty line gives every kept paragraph a line break of its own (see outputsOf).
    template = parsed(() => parse(lines.concat(''), docName), where, lines);
  }
  return { blocks, where, children, template };
}

function readRows(table: Table, where: string, docName: string): RowPlan[] {
  const rows: RowPlan[] = [];
  for (let r = 0; r < table.getNumRows(); r++) {
    const row = table.getRow(r);
    const cells: ContainerPlan[] = [];
    for (let c = 0; c < row.getNumCells(); c++) {
      cells.push(readContainer(row.getCell(c), `${where}row ${r + 1}, cell ${c + 1}, `, docName));
    }
    const texts = cells.map((cell) => cell.children.map((ch) => (ch.kind === 'line' ? ch.text : '')).join('\n'));
    rows.push({ list: parsed(() => repeatedList(texts), `${where}row ${r + 1}, `, texts), cells });
  }
  return rows;
}

/** A template error, in the words of the Doc: which part, which paragraph, what it begins with. */
function parsed<T>(work: () => T, where: string, lines: readonly string[]): T {
  try {
    return work();
  } catch (error) {
    if (!(error instanceof TemplateError)) throw error;
    const text = lines[error.line - 1] ?? '';
    const start = text.length > 40 ? `${text.slice(0, 40)}…` : text;
    const unit = error.unit === 'cell' ? `cell ${error.line}` : `paragraph ${error.line}`;
    throw new UserError(`The template ${where}${unit} ("${start}") cannot be used: ${error.problem}. Fix it in the template Doc and try again.`);
  }
}

function fillContainer(plan: ContainerPlan, facts: Facts, report: FillReport): void {
  const kept = plan.template ? fillLines(plan, plan.template, facts, report) : null;
  for (const child of plan.children) {
    if (child.kind === 'table' && (kept === null || kept.has(child))) fillTable(child.element, child.rows, plan.where, facts, report);
  }
}

/** Rows naming a list's fields are repeated once per item, each a copy of the row with its style; an empty list removes the row. */
function fillTable(table: Table, rows: RowPlan[], where: string, facts: Facts, report: FillReport): void {
  for (let r = rows.length - 1; r >= 0; r--) {
    const { list, cells } = rows[r]!;
    const items = list === null ? null : Object.prototype.hasOwnProperty.call(facts, list) ? facts[list] : undefined;
    // A list the facts lack keeps its row once, so its placeholders are reported.
    if (!Array.isArray(items)) {
      for (const cell of cells) fillContainer(cell, facts, report);
      continue;
    }
    if (items.length === 0) {
      if (table.getNumRows() === 1) table.removeFromParent();
      else table.removeRow(r);
      continue;
    }
    const row = table.getRow(r);
    const copies = items.slice(1).map(() => row.copy());
    const inserted = copies.map((copy, k) => table.insertTableRow(r + 1 + k, copy));
    items.forEach((item, k) => {
      const scoped: Facts = { ...facts, [list!]: [item] };
      if (k === 0) {
        for (const cell of cells) fillContainer(cell, scoped, report);
        return;
      }
      const copy = inserted[k - 1]!;
      for (let c = 0; c < copy.getNumCells(); c++) {
        const cellWhere = `${where}row ${r + 1 + k}, cell ${c + 1}, `;
        fillContainer(readContainer(copy.getCell(c), cellWhere, ''), scoped, report);
      }
    });
  }
}

/** One paragraph of output: the source paragraph it is written in, and what goes in it. */
interface Output {
  line: number;
  pieces: Exclude<Piece, { kind: 'break' }>[];
}

/**
 * The output cut at its line breaks. Each break names the paragraph it ends,
 * which is where that output is written; the template's closing empty line
 * makes sure every kept paragraph has one.
 */
function outputsOf(pieces: Piece[]): Output[] {
  const outputs: Output[] = [];
  let current: Output['pieces'] = [];
  for (const piece of pieces) {
    if (piece.kind === 'break') {
      outputs.push({ line: piece.line, pieces: current });
      current = [];
    } else {
      current.push(piece);
    }
  }
  // Text whose own paragraph was dropped joins the paragraph before it.
  const last = outputs[outputs.length - 1];
  if (current.length && last) last.pieces = last.pieces.concat(current);
  else if (current.length) outputs.push({ line: current[0]!.at.line, pieces: current });
  return outputs;
}

/** Fills the paragraphs of one container; returns the children kept. */
function fillLines(plan: ContainerPlan, template: Template, facts: Facts, report: FillReport): Set<Child> {
  const { pieces, unfilled } = evaluate(template, facts);
  for (const name of unfilled) addOnce(report.unfilled, name);
  const outputs = outputsOf(pieces).filter((o) => o.line <= plan.children.length);
  // Copies are taken before any edit, so each repetition starts from the template's text.
  const uses = new Map<Child, number>();
  for (const o of outputs) {
    const child = plan.children[o.line - 1]!;
    uses.set(child, (uses.get(child) ?? 0) + 1);
  }
  const copies = new Map<Child, Line[]>();
  uses.forEach((n, child) => {
    if (child.kind === 'line' && n > 1) copies.set(child, Array.from({ length: n - 1 }, () => child.element.copy()));
  });

  const kept = new Set<Child>();
  let anchor: Element | null = null;
  for (const output of outputs) {
    const child = plan.children[output.line - 1]!;
    if (child.kind !== 'line') {
      if (output.pieces.length) throw new UserError(`The template ${plan.where}paragraph ${output.line - 1} runs an {{#if}} or {{#each}} into a table: open and close it in whole paragraphs around the table.`);
      kept.add(child);
      anchor = child.element;
      continue;
    }
    let target: Line = child.element;
    if (kept.has(child)) {
      const copy = copies.get(child)!.shift()!;
      const index: number = plan.blocks.getChildIndex(anchor!) + 1;
      target = child.list ? plan.blocks.insertListItem(index, copy as ListItem) : plan.blocks.insertParagraph(index, copy as Paragraph);
    }
    kept.add(child);
    anchor = target;
    writeLine(target, child.text, output, report);
  }

  const last = plan.children[plan.children.length - 1];
  for (const child of plan.children) {
    if (kept.has(child) || child.kind === 'other') continue;
    if (child.kind === 'table') child.element.removeFromParent();
    // Docs keeps a paragraph at the end of every section and cell: that one is emptied instead.
    // (Copies only follow kept paragraphs, so a dropped last paragraph is still the last.)
    else if (child === last) child.element.setText('');
    else child.element.removeFromParent();
  }
  return kept;
}

/** Writes one output paragraph into `target`, whose text is still the template's `original`. */
function writeLine(target: Line, original: string, output: Output, report: FillReport): void {
  const { pieces, line } = output;
  const inPlace = pieces.every((p, i) => p.at.line === line && (i === 0 || p.at.start >= pieces[i - 1]!.at.end));
  if (!inPlace) return rewrite(target, original, pieces.map((p) => (p.kind === 'value' ? oneLine(p.text) : p.text)).join(''));

  let text: Text | null = null;
  const values = pieces.filter((p) => p.kind === 'value');
  const whole = new Set<Piece>();
  if (values.length) {
    text = target.editAsText();
    const found = placeholdersFound(target, original.length);
    const changes = text.getTextAttributeIndices();
    for (const v of values) {
      const uniform = !changes.some((i) => i > v.at.start && i < v.at.end);
      if (found.has(`${v.at.start}:${v.at.end}`) && uniform) whole.add(v);
      else addOnce(report.split, v.name);
    }
  }
  // Right to left, so the offsets still to come are untouched by each edit.
  let cursor = original.length;
  for (let i = pieces.length - 1; i >= 0; i--) {
    const piece = pieces[i]!;
    text ??= target.editAsText();
    if (piece.at.end < cursor) text.deleteText(piece.at.end, cursor - 1);
    if (whole.has(piece)) replace(text, piece.at.start, piece.at.end, oneLine(piece.text));
    cursor = piece.at.start;
  }
  if (cursor > 0) (text ?? target.editAsText()).deleteText(0, cursor - 1);
}

/** Where findText sees a whole placeholder: "start:end" (end exclusive), as offsets of the paragraph's text. */
function placeholdersFound(paragraph: Line, length: number): Set<string> {
  const found = new Set<string>();
  for (let hit = paragraph.findText(PLACEHOLDER); hit; hit = paragraph.findText(PLACEHOLDER, hit)) {
    // A match that is the element's whole text is not "partial", and then has no offsets (-1).
    found.add(hit.isPartial() ? `${hit.getStartOffset()}:${hit.getEndOffsetInclusive() + 1}` : `0:${length}`);
  }
  return found;
}

/**
 * The placeholder at [start, end) becomes `value`, in the placeholder's own
 * formatting: the value goes in after its first character, whose style
 * inserted text takes, then the placeholder's characters go.
 */
function replace(text: Text, start: number, end: number, value: string): void {
  if (value === '') {
    text.deleteText(start, end - 1);
    return;
  }
  text.insertText(start + 1, value);
  text.deleteText(start + 1 + value.length, end - 1 + value.length);
  text.deleteText(start, start);
}

/** A paragraph made of pieces from several places (an {{#each}} within it): its new text in its first character's style. */
function rewrite(target: Line, original: string, content: string): void {
  const text = target.editAsText();
  if (original === '') {
    if (content !== '') text.insertText(0, content);
  } else if (content === '') {
    text.deleteText(0, original.length - 1);
  } else {
    text.insertText(1, content);
    if (original.length > 1) text.deleteText(1 + content.length, original.length - 1 + content.length);
    text.deleteText(0, 0);
  }
}

/** A paragraph holds one line: a line break inside a value becomes a space, as in the HTML output. */
function oneLine(value: string): string {
  return value.replace(/\r\n|\r|\n/g, ' ');
}

function addOnce(list: string[], name: string): void {
  if (list.indexOf(name) < 0) list.push(name);
}
