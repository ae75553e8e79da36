/**
 * What every DocumentApp element shares: its type, its parent, the as…() casts,
 * the log of each call, and for containers their children, text, findText and
 * replaceText. Apps Script hands out a new object for each element at each
 * call, so the code under test cannot rely on identity; neither can it here.
 */
import type { CallLog } from './calls';
import { enumOf, exposed, type ExactSurface } from './context';
import {
  attrsAt, childNodes, deleteChars, detach, insertChars, paragraphsUnder, plainText,
  type DocModel, type DocNode, type ParagraphNode,
} from './docModel';
import { expandReplacement, matchesIn, PatternError, re2 } from './docPattern';

type GasElement = GoogleAppsScript.Document.Element;
type GasContainer = GoogleAppsScript.Document.ContainerElement;
type GasText = GoogleAppsScript.Document.Text;
type GasRangeElement = GoogleAppsScript.Document.RangeElement;

/** What the Docs fakes need of a FakeContext (context.ts): the call log and errors in the caller's realm. */
export interface DocsContext {
  calls: CallLog;
  exception(message: string): Error;
}

/** One openById (or create): saveAndClose closes it, and every element reached through it. */
export interface DocHandle {
  readonly doc: DocModel;
  closed: boolean;
}

export const DOCUMENT_CLOSED = 'Document is closed, its contents cannot be updated.';
export const MUST_BE_DETACHED = 'Element must be detached.';
export const LAST_PARAGRAPH = "Can't remove the last paragraph in a document section.";

export const ElementType = enumOf<typeof GoogleAppsScript.Document.ElementType>([
  'BODY_SECTION', 'COMMENT_SECTION', 'DATE', 'DOCUMENT', 'EQUATION', 'EQUATION_FUNCTION', 'EQUATION_FUNCTION_ARGUMENT_SEPARATOR',
  'EQUATION_SYMBOL', 'FOOTER_SECTION', 'FOOTNOTE', 'FOOTNOTE_SECTION', 'HEADER_SECTION', 'HORIZONTAL_RULE', 'INLINE_DRAWING',
  'INLINE_IMAGE', 'LIST_ITEM', 'PAGE_BREAK', 'PARAGRAPH', 'PERSON', 'RICH_LINK', 'TABLE', 'TABLE_CELL', 'TABLE_OF_CONTENTS',
  'TABLE_ROW', 'TEXT', 'UNSUPPORTED',
]);

export const ParagraphHeading = enumOf<typeof GoogleAppsScript.Document.ParagraphHeading>([
  'NORMAL', 'HEADING1', 'HEADING2', 'HEADING3', 'HEADING4', 'HEADING5', 'HEADING6', 'TITLE', 'SUBTITLE',
]);

export type TypeName = keyof typeof ElementType;

/** A Text element: a paragraph's text, or the text of a whole container seen through editAsText. */
export interface TextView {
  owner: DocNode;
  /** The paragraphs it spans; their texts are joined by "\n", as getText shows them. */
  segments: ParagraphNode[];
}

export type ElementModel = DocNode | TextView;

type Wrapper = new (model: never, handle: DocHandle, ctx: DocsContext) => object;
const wrappers: Partial<Record<DocNode['kind'] | 'text', Wrapper>> = {};

/** document.ts registers each element class, so that this module imports none of them. */
export function registerElement(kind: DocNode['kind'] | 'text', wrapper: Wrapper): void {
  wrappers[kind] = wrapper;
}

/** The fake for a node (or text), as the Apps Script type `T` it partly implements. */
export function element<T>(model: ElementModel, handle: DocHandle, ctx: DocsContext): T {
  const kind = 'segments' in model ? 'text' : model.kind;
  const Wrapper = wrappers[kind];
  if (!Wrapper) throw new Error(`No fake for a ${kind}: import test/fakes/document.ts`);
  return new Wrapper(model as never, handle, ctx) as T;
}

/** The Text element of a paragraph: Docs shows a paragraph's text as its one child. */
export function paragraphText(paragraph: ParagraphNode): TextView {
  return { owner: paragraph, segments: [paragraph] };
}

export type ElementMethod =
  | 'getType' | 'getParent' | 'asParagraph' | 'asListItem' | 'asTable' | 'asTableRow' | 'asTableCell' | 'asText'
  | 'asBody' | 'asHeaderSection' | 'asFooterSection';

export abstract class FakeElement<M extends ElementModel> {
  /** The Apps Script class name, for the call log ("Paragraph.getText"). */
  protected abstract readonly service: string;
  protected abstract readonly typeName: TypeName;

  constructor(readonly model: M, protected readonly handle: DocHandle, protected readonly ctx: DocsContext) {}

  getType(): GoogleAppsScript.Document.ElementType {
    this.log('getType');
    return ElementType[this.typeName];
  }

  /** The containing element; null when detached (a copy, or removed), as in Apps Script. */
  getParent(): GasContainer {
    this.log('getParent');
    const parent = 'segments' in this.model ? this.model.owner : this.model.parent;
    return (parent ? element<GasContainer>(parent, this.handle, this.ctx) : null) as GasContainer;
  }

  asParagraph(): GoogleAppsScript.Document.Paragraph {
    return this.cast('asParagraph', 'PARAGRAPH');
  }

  asListItem(): GoogleAppsScript.Document.ListItem {
    return this.cast('asListItem', 'LIST_ITEM');
  }

  asTable(): GoogleAppsScript.Document.Table {
    return this.cast('asTable', 'TABLE');
  }

  asTableRow(): GoogleAppsScript.Document.TableRow {
    return this.cast('asTableRow', 'TABLE_ROW');
  }

  asTableCell(): GoogleAppsScript.Document.TableCell {
    return this.cast('asTableCell', 'TABLE_CELL');
  }

  asText(): GasText {
    return this.cast('asText', 'TEXT');
  }

  asBody(): GoogleAppsScript.Document.Body {
    return this.cast('asBody', 'BODY_SECTION');
  }

  asHeaderSection(): GoogleAppsScript.Document.HeaderSection {
    return this.cast('asHeaderSection', 'HEADER_SECTION');
  }

  asFooterSection(): GoogleAppsScript.Document.FooterSection {
    return this.cast('asFooterSection', 'FOOTER_SECTION');
  }

  /** Logs the call, then refuses it if the document was closed. */
  protected log(method: string): void {
    this.ctx.calls.record(`${this.service}.${method}`, this.handle.doc.id);
    if (this.handle.closed) throw this.ctx.exception(DOCUMENT_CLOSED);
  }

  protected wrap<T>(model: ElementModel): T {
    return element<T>(model, this.handle, this.ctx);
  }

  /** Apps Script's own error for an index past the end of a list of children. */
  protected checkIndex(index: number, count: number, inclusive = false): void {
    if (!Number.isInteger(index) || index < 0 || (inclusive ? index > count : index >= count)) {
      throw this.ctx.exception(`Child index (${index}) must be less than ${inclusive ? 'or equal to ' : ''}the number of child elements (${count}).`);
    }
  }

  /** removeFromParent: Docs keeps a paragraph at the end of every section and cell. */
  protected detachSelf(): void {
    const node = this.model as DocNode;
    const parent = node.parent;
    if (parent && (parent.kind !== 'table' && parent.kind !== 'row') && parent.children[parent.children.length - 1] === node) {
      throw this.ctx.exception(LAST_PARAGRAPH);
    }
    detach(node);
  }

  private cast<T>(method: string, type: TypeName): T {
    this.log(method);
    if (this.typeName !== type) throw this.ctx.exception(`Element of type ${this.typeName} cannot be cast to ${type}.`);
    return exposed<T>(this as unknown as Partial<T>);
  }
}

/** The node behind an element passed back to us (a copy to insert): of the right kind, and detached. */
export function detachedNode<K extends DocNode['kind']>(value: unknown, kinds: readonly K[], what: string, ctx: DocsContext): Extract<DocNode, { kind: K }> {
  const model: ElementModel | undefined = value instanceof FakeElement ? value.model : undefined;
  if (!model || 'segments' in model || !(kinds as readonly string[]).includes(model.kind)) {
    throw ctx.exception(`The parameters (${typeof value}) don't match the method signature for ${what}.`);
  }
  if (model.parent) throw ctx.exception(MUST_BE_DETACHED);
  return model as Extract<DocNode, { kind: K }>;
}

export type ContainerMethod = ElementMethod | 'getNumChildren' | 'getChild' | 'getChildIndex' | 'getText' | 'editAsText' | 'findText' | 'replaceText';

/** Elements holding others: sections, cells, rows, tables, paragraphs (whose one child is their Text). */
export abstract class FakeContainerElement<M extends DocNode> extends FakeElement<M> {
  getNumChildren(): number {
    this.log('getNumChildren');
    return this.children().length;
  }

  getChild(childIndex: number): GasElement {
    this.log('getChild');
    const children = this.children();
    this.checkIndex(childIndex, children.length);
    return this.wrap<GasElement>(children[childIndex]!);
  }

  /** -1 when `child` is not a child of this element. */
  getChildIndex(child: GasElement): number {
    this.log('getChildIndex');
    const model = (child as unknown as { model?: ElementModel }).model;
    return this.children().findIndex((c) => c === model || ('segments' in c && model && 'segments' in model && c.owner === model.owner));
  }

  getText(): string {
    this.log('getText');
    return plainText(this.model);
  }

  editAsText(): GasText {
    this.log('editAsText');
    return this.wrap<GasText>({ owner: this.model, segments: paragraphsUnder(this.model) });
  }

  findText(searchPattern: string, from?: GasRangeElement | null): GasRangeElement {
    this.log('findText');
    return findIn(paragraphsUnder(this.model), searchPattern, from, this.handle, this.ctx);
  }

  replaceText(searchPattern: string, replacement: string): GasElement {
    this.log('replaceText');
    replaceIn(paragraphsUnder(this.model), searchPattern, replacement, this.ctx);
    return exposed<GasElement>(this as Partial<GasElement>);
  }

  private children(): ElementModel[] {
    const node: DocNode = this.model;
    if (node.kind === 'paragraph' || node.kind === 'listItem') return node.text.chars === '' ? [] : [paragraphText(node)];
    return childNodes(node);
  }
}

export interface RangeModel {
  text: TextView;
  start: number;
  endInclusive: number;
}

export type RangeElementMethod = 'getElement' | 'getStartOffset' | 'getEndOffsetInclusive' | 'isPartial';

/** A search result: a stretch of one paragraph's Text. */
export class FakeRangeElement implements Pick<GasRangeElement, RangeElementMethod> {
  constructor(readonly model: RangeModel, private readonly handle: DocHandle, private readonly ctx: DocsContext) {}

  getElement(): GasElement {
    this.log('getElement');
    return element<GasElement>(this.model.text, this.handle, this.ctx);
  }

  getStartOffset(): number {
    this.log('getStartOffset');
    return this.model.start;
  }

  getEndOffsetInclusive(): number {
    this.log('getEndOffsetInclusive');
    return this.model.endInclusive;
  }

  isPartial(): boolean {
    this.log('isPartial');
    return this.model.start > 0 || this.model.endInclusive < this.model.text.segments[0]!.text.chars.length - 1;
  }

  private log(method: RangeElementMethod): void {
    this.ctx.calls.record(`RangeElement.${method}`, this.handle.doc.id);
    if (this.handle.closed) throw this.ctx.exception(DOCUMENT_CLOSED);
  }
}

export const rangeElementSurface: ExactSurface<FakeRangeElement, RangeElementMethod> = true;

function compiled(searchPattern: string, ctx: DocsContext): RegExp {
  try {
    return re2(String(searchPattern));
  } catch (error) {
    if (error instanceof PatternError) throw ctx.exception(`Invalid regular expression pattern ${searchPattern}: ${error.message}`);
    throw error;
  }
}

/**
 * The first match in reading order, each paragraph searched on its own; after
 * `from` when given. Null when there is none. An empty match is never a result
 * (a RangeElement cannot be empty).
 */
export function findIn(
  paragraphs: ParagraphNode[], searchPattern: string, from: GasRangeElement | null | undefined,
  handle: DocHandle, ctx: DocsContext,
): GasRangeElement {
  const re = compiled(searchPattern, ctx);
  const after = from ? (from as unknown as FakeRangeElement).model : undefined;
  let started = after === undefined;
  for (const paragraph of paragraphs) {
    const here = after?.text.segments[0] === paragraph;
    if (!started && !here) continue;
    started = true;
    const hit = matchesIn(paragraph.text.chars, re, false).find((m) => !here || m.start > after!.endInclusive);
    if (hit) {
      const model = { text: paragraphText(paragraph), start: hit.start, endInclusive: hit.end - 1 };
      return exposed<GasRangeElement>(new FakeRangeElement(model, handle, ctx));
    }
  }
  return null as unknown as GasRangeElement;
}

/**
 * Replaces every match in each paragraph, expanding "$n" and "\" in the replacement
 * as Apps Script does; the new text takes the formatting of the first character it replaces.
 */
export function replaceIn(paragraphs: ParagraphNode[], searchPattern: string, replacement: string, ctx: DocsContext): void {
  const re = compiled(searchPattern, ctx);
  for (const paragraph of paragraphs) {
    const text = paragraph.text;
    const matches = matchesIn(text.chars, re, true);
    let expanded: string[];
    try {
      expanded = matches.map((m) => expandReplacement(String(replacement), m));
    } catch (error) {
      if (error instanceof PatternError) throw ctx.exception(error.message);
      throw error;
    }
    for (let i = matches.length - 1; i >= 0; i--) {
      const { start, end } = matches[i]!;
      const attrs = start < end ? text.attrs[start]! : attrsAt(text, start);
      deleteChars(text, start, end);
      insertChars(text, start, expanded[i]!.replace(/\r\n|\n/g, '\r'), attrs);
    }
  }
}
