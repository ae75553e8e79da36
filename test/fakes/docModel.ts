/**
 * The state behind the DocumentApp fakes: a document as a tree of sections,
 * paragraphs and tables, and each paragraph's text with one set of attributes
 * per character, as Docs keeps it. A bold run is only where the attributes of
 * neighbouring characters differ, so a placeholder half bold, half plain is
 * still one piece of text (findText sees it) made of two runs.
 * Tests read this directly, without going through (or being counted as) a call.
 */

/** What we keep of a character's formatting; an absent key is the default (not bold, no link). */
export interface TextAttrs {
  readonly bold?: true;
  readonly italic?: true;
  readonly link?: string;
  readonly font?: string;
}

export const PLAIN: TextAttrs = Object.freeze({});

export interface TextModel {
  chars: string;
  /** One entry per UTF-16 unit of `chars`, as Apps Script's offsets count them. */
  attrs: TextAttrs[];
}

export type HeadingName = 'NORMAL' | 'HEADING1' | 'HEADING2' | 'HEADING3' | 'HEADING4' | 'HEADING5' | 'HEADING6' | 'TITLE' | 'SUBTITLE';

export type GlyphName = 'BULLET' | 'HOLLOW_BULLET' | 'SQUARE_BULLET' | 'NUMBER' | 'LATIN_UPPER' | 'LATIN_LOWER' | 'ROMAN_UPPER' | 'ROMAN_LOWER';

export interface ParagraphNode {
  kind: 'paragraph' | 'listItem';
  heading: HeadingName;
  /** A list item's bullet or numbering, and its indent (0: the outer list); a paragraph keeps the defaults of a new item. */
  glyph: GlyphName;
  nesting: number;
  text: TextModel;
  parent: Container | null;
}

export interface TableNode {
  kind: 'table';
  rows: RowNode[];
  parent: Container | null;
}

/**
 * A table of contents, held only as a block that is there: what the Docs fakes
 * need to show an element that is neither a paragraph nor a table.
 */
export interface TocNode {
  kind: 'tableOfContents';
  parent: Container | null;
}

export interface RowNode {
  kind: 'row';
  cells: CellNode[];
  parent: TableNode | null;
}

export interface CellNode {
  kind: 'cell';
  children: Block[];
  parent: RowNode | null;
}

export interface SectionNode {
  kind: 'body' | 'header' | 'footer';
  children: Block[];
  parent: null;
}

export type Block = ParagraphNode | TableNode | TocNode;
export type Container = SectionNode | CellNode;
export type DocNode = Block | RowNode | CellNode | SectionNode;

export interface DocModel {
  readonly id: string;
  name: string;
  body: SectionNode;
  header: SectionNode | null;
  footer: SectionNode | null;
}

export function documentUrl(id: string): string {
  return `https://docs.google.com/document/d/${id}/edit`;
}

// ---- text ----

export function sameAttrs(a: TextAttrs, b: TextAttrs): boolean {
  return a.bold === b.bold && a.italic === b.italic && a.link === b.link && a.font === b.font;
}

/** A paragraph holds one line of text: Docs stores a line break typed inside it as "\r". */
export function paragraphChars(s: string): string {
  return s.replace(/\r\n|\n/g, '\r');
}

export function textOf(chars: string, attrs: TextAttrs = PLAIN): TextModel {
  return { chars, attrs: new Array<TextAttrs>(chars.length).fill(attrs) };
}

/** What typing at `offset` would get: the formatting of the character before it, or after it at the start. */
export function attrsAt(text: TextModel, offset: number): TextAttrs {
  return text.attrs[offset > 0 ? offset - 1 : 0] ?? PLAIN;
}

export function insertChars(text: TextModel, offset: number, chars: string, attrs = attrsAt(text, offset)): void {
  text.chars = text.chars.slice(0, offset) + chars + text.chars.slice(offset);
  text.attrs.splice(offset, 0, ...new Array<TextAttrs>(chars.length).fill(attrs));
}

/** Removes [start, end). */
export function deleteChars(text: TextModel, start: number, end: number): void {
  text.chars = text.chars.slice(0, start) + text.chars.slice(end);
  text.attrs.splice(start, end - start);
}

/** Sets one attribute on [start, end), keeping the others of each character. */
export function setAttr<K extends keyof TextAttrs>(text: TextModel, start: number, end: number, key: K, value: TextAttrs[K] | undefined): void {
  for (let i = start; i < end; i++) {
    const next: Record<string, unknown> = { ...text.attrs[i] };
    if (value === undefined) delete next[key];
    else next[key] = value;
    text.attrs[i] = Object.freeze(next) as TextAttrs;
  }
}

/** Maximal stretches of identically formatted characters. */
export function runsOf(text: TextModel): { start: number; chars: string; attrs: TextAttrs }[] {
  const runs: { start: number; chars: string; attrs: TextAttrs }[] = [];
  for (let i = 0; i < text.chars.length; i++) {
    const last = runs[runs.length - 1];
    if (last && sameAttrs(last.attrs, text.attrs[i]!)) last.chars += text.chars[i];
    else runs.push({ start: i, chars: text.chars[i]!, attrs: text.attrs[i]! });
  }
  return runs;
}

// ---- tree ----

export function paragraphNode(text: TextModel, kind: ParagraphNode['kind'] = 'paragraph', heading: HeadingName = 'NORMAL'): ParagraphNode {
  return { kind, heading, glyph: 'BULLET', nesting: 0, text, parent: null };
}

export function tableNode(rows: RowNode[]): TableNode {
  const table: TableNode = { kind: 'table', rows, parent: null };
  for (const row of rows) row.parent = table;
  return table;
}

export function tocNode(): TocNode {
  return { kind: 'tableOfContents', parent: null };
}

export function rowNode(cells: CellNode[]): RowNode {
  const row: RowNode = { kind: 'row', cells, parent: null };
  for (const cell of cells) cell.parent = row;
  return row;
}

/** A cell always holds at least one paragraph, as in Docs. */
export function cellNode(children: Block[]): CellNode {
  const cell: CellNode = { kind: 'cell', children: [], parent: null };
  for (const block of children.length > 0 ? children : [paragraphNode(textOf(''))]) adopt(cell, block, cell.children.length);
  return cell;
}

export function sectionNode(kind: SectionNode['kind'], children: Block[]): SectionNode {
  const section: SectionNode = { kind, children: [], parent: null };
  for (const block of children.length > 0 ? children : [paragraphNode(textOf(''))]) adopt(section, block, section.children.length);
  return section;
}

export function adopt(container: Container, block: Block, index: number): void {
  container.children.splice(index, 0, block);
  block.parent = container;
}

/** A detached deep copy: nothing in it is shared with the original. */
export function cloneNode<N extends DocNode>(node: N): N {
  switch (node.kind) {
    case 'paragraph':
    case 'listItem':
      return { ...paragraphNode({ chars: node.text.chars, attrs: node.text.attrs.slice() }, node.kind, node.heading), glyph: node.glyph, nesting: node.nesting } as N;
    case 'table':
      return tableNode(node.rows.map(cloneNode)) as N;
    case 'tableOfContents':
      return tocNode() as N;
    case 'row':
      return rowNode(node.cells.map(cloneNode)) as N;
    case 'cell':
      return cellNode(node.children.map(cloneNode)) as N;
    default:
      return sectionNode(node.kind, node.children.map(cloneNode)) as N;
  }
}

/** The nodes an element lists as its children (a paragraph's Text is not a node: see docText.ts). */
export function childNodes(node: DocNode): DocNode[] {
  switch (node.kind) {
    case 'paragraph':
    case 'listItem':
    case 'tableOfContents':
      return [];
    case 'table':
      return node.rows;
    case 'row':
      return node.cells;
    default:
      return node.children;
  }
}

/** Every paragraph in or under `node`, in reading order. */
export function paragraphsUnder(node: DocNode): ParagraphNode[] {
  if (node.kind === 'paragraph' || node.kind === 'listItem') return [node];
  return childNodes(node).flatMap(paragraphsUnder);
}

/** Apps Script's getText of an element: its paragraphs' texts, one per line (cells and rows included). */
export function plainText(node: DocNode): string {
  if (node.kind === 'paragraph' || node.kind === 'listItem') return node.text.chars;
  return childNodes(node).map(plainText).join('\n');
}

/** Where `node` sits in its parent, or null when detached. */
export function siblingsOf(node: DocNode): { list: DocNode[]; index: number } | null {
  const parent = node.parent;
  if (!parent) return null;
  const list = childNodes(parent);
  return { list, index: list.indexOf(node) };
}

export function detach(node: DocNode): void {
  const place = siblingsOf(node);
  if (place) place.list.splice(place.index, 1);
  node.parent = null;
}

export class DocStore {
  readonly docs = new Map<string, DocModel>();
  private next = 1;

  /** Ids are readable and deterministic, so a test can name a document in an assertion. */
  add(name: string, body: Block[] = [], header: Block[] | null = null, footer: Block[] | null = null): DocModel {
    const doc: DocModel = {
      id: `doc-${this.next++}`,
      name,
      body: sectionNode('body', body),
      header: header && sectionNode('header', header),
      footer: footer && sectionNode('footer', footer),
    };
    this.docs.set(doc.id, doc);
    return doc;
  }

  /** What Drive's makeCopy does to a Google Doc: a new document, every part of it copied. */
  copy(source: DocModel, name: string): DocModel {
    const part = (s: SectionNode | null) => s && s.children.map(cloneNode);
    return this.add(name, part(source.body)!, part(source.header), part(source.footer));
  }

  get(id: string): DocModel | undefined {
    return this.docs.get(id);
  }
}
