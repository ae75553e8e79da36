/**
 * DocumentApp and Document: open a document by id or URL, create one, reach its
 * body, header and footer. Each open is a handle: after saveAndClose, every
 * element reached through it refuses further calls, as in Apps Script.
 * The elements themselves live in docSection.ts, docParagraph.ts, docTable.ts
 * and docText.ts; this module registers them.
 */
import { enumOf, exposed, type ExactSurface } from './context';
import { documentUrl, sectionNode, type DocModel, type SectionNode } from './docModel';
import { DOCUMENT_CLOSED, element, ElementType, ParagraphHeading, registerElement, type DocHandle, type DocsContext } from './docElement';
import { FakeListItem, FakeParagraph } from './docParagraph';
import { FakeBody, FakeFooterSection, FakeHeaderSection } from './docSection';
import { FakeTable, FakeTableCell, FakeTableRow } from './docTable';
import { FakeTableOfContents } from './docTableOfContents';
import { FakeText } from './docText';
import type { DriveModel } from './drive';

registerElement('paragraph', FakeParagraph);
registerElement('listItem', FakeListItem);
registerElement('table', FakeTable);
registerElement('row', FakeTableRow);
registerElement('cell', FakeTableCell);
registerElement('body', FakeBody);
registerElement('header', FakeHeaderSection);
registerElement('footer', FakeFooterSection);
registerElement('text', FakeText);
registerElement('tableOfContents', FakeTableOfContents);

type GasDocument = GoogleAppsScript.Document.Document;

export const DOCUMENT_MISSING = 'Document is missing (perhaps it was deleted, or you don\'t have read access?)';

export const Attribute = enumOf<typeof GoogleAppsScript.Document.Attribute>([
  'BACKGROUND_COLOR', 'BOLD', 'BORDER_COLOR', 'BORDER_WIDTH', 'CODE', 'FONT_FAMILY', 'FONT_SIZE', 'FOREGROUND_COLOR', 'HEADING',
  'HEIGHT', 'HORIZONTAL_ALIGNMENT', 'INDENT_END', 'INDENT_FIRST_LINE', 'INDENT_START', 'ITALIC', 'GLYPH_TYPE', 'LEFT_TO_RIGHT',
  'LINE_SPACING', 'LINK_URL', 'LIST_ID', 'MARGIN_BOTTOM', 'MARGIN_LEFT', 'MARGIN_RIGHT', 'MARGIN_TOP', 'NESTING_LEVEL',
  'MINIMUM_HEIGHT', 'PADDING_BOTTOM', 'PADDING_LEFT', 'PADDING_RIGHT', 'PADDING_TOP', 'PAGE_HEIGHT', 'PAGE_WIDTH',
  'SPACING_AFTER', 'SPACING_BEFORE', 'STRIKETHROUGH', 'UNDERLINE', 'VERTICAL_ALIGNMENT', 'WIDTH',
]);

export type DocumentMethod =
  | 'getId' | 'getUrl' | 'getName' | 'setName' | 'getBody' | 'getHeader' | 'getFooter' | 'addHeader' | 'addFooter' | 'saveAndClose';

export class FakeDocument implements Pick<GasDocument, DocumentMethod> {
  constructor(readonly model: DocHandle, private readonly ctx: DocsContext) {}

  getId(): string {
    this.log('getId');
    return this.model.doc.id;
  }

  getUrl(): string {
    this.log('getUrl');
    return documentUrl(this.model.doc.id);
  }

  getName(): string {
    this.log('getName');
    return this.model.doc.name;
  }

  /** Renames the document and so its Drive file. */
  setName(name: string): GasDocument {
    this.log('setName');
    this.model.doc.name = String(name);
    return exposed<GasDocument>(this);
  }

  getBody(): GoogleAppsScript.Document.Body {
    this.log('getBody');
    return this.section(this.model.doc.body);
  }

  /** Null when the document has no header. */
  getHeader(): GoogleAppsScript.Document.HeaderSection {
    this.log('getHeader');
    return this.section(this.model.doc.header);
  }

  getFooter(): GoogleAppsScript.Document.FooterSection {
    this.log('getFooter');
    return this.section(this.model.doc.footer);
  }

  /** A header holding one empty paragraph, as a new one is in Docs; refused when there is one already. */
  addHeader(): GoogleAppsScript.Document.HeaderSection {
    this.log('addHeader');
    if (this.model.doc.header) throw this.ctx.exception('Document already contains a header.');
    this.model.doc.header = sectionNode('header', []);
    return this.section(this.model.doc.header);
  }

  addFooter(): GoogleAppsScript.Document.FooterSection {
    this.log('addFooter');
    if (this.model.doc.footer) throw this.ctx.exception('Document already contains a footer.');
    this.model.doc.footer = sectionNode('footer', []);
    return this.section(this.model.doc.footer);
  }

  /** Our edits are immediate; closing only makes this handle (and its elements) unusable. */
  saveAndClose(): void {
    this.log('saveAndClose');
    this.model.closed = true;
  }

  private log(method: DocumentMethod): void {
    this.ctx.calls.record(`Document.${method}`, this.model.doc.id);
    if (this.model.closed) throw this.ctx.exception(DOCUMENT_CLOSED);
  }

  private section<T>(node: SectionNode | null): T {
    return (node ? element<T>(node, this.model, this.ctx) : null) as T;
  }
}

export const documentSurface: ExactSurface<FakeDocument, DocumentMethod> = true;

export type DocumentAppMember = 'openById' | 'openByUrl' | 'create' | 'ElementType' | 'ParagraphHeading' | 'Attribute';

export class FakeDocumentApp implements Pick<GoogleAppsScript.Document.DocumentApp, DocumentAppMember> {
  readonly ElementType = ElementType;
  readonly ParagraphHeading = ParagraphHeading;
  readonly Attribute = Attribute;

  /** Documents live in Drive: `model` is the Drive holding them. */
  constructor(readonly model: DriveModel, private readonly ctx: DocsContext) {}

  openById(id: string): GasDocument {
    this.ctx.calls.record('DocumentApp.openById', String(id));
    return this.open(this.model.docs.get(String(id)));
  }

  openByUrl(url: string): GasDocument {
    this.ctx.calls.record('DocumentApp.openByUrl', String(url));
    const id = /\/document\/d\/([\w-]+)/.exec(String(url))?.[1];
    return this.open(id === undefined ? undefined : this.model.docs.get(id));
  }

  /** A new empty document at the top of My Drive. */
  create(name: string): GasDocument {
    this.ctx.calls.record('DocumentApp.create');
    const doc = this.model.docs.add(String(name));
    this.model.addDocument(doc);
    return this.open(doc);
  }

  private open(doc: DocModel | undefined): GasDocument {
    if (!doc) throw this.ctx.exception(DOCUMENT_MISSING);
    return exposed<GasDocument>(new FakeDocument({ doc, closed: false }, this.ctx));
  }
}

export const documentAppSurface: ExactSurface<FakeDocumentApp, DocumentAppMember> = true;
