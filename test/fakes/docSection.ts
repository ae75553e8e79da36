/**
 * The parts of a document that hold paragraphs and tables: the body, the
 * header, the footer (and, in docTable.ts, a table cell). Docs keeps a
 * paragraph at the end of each: appending a table adds an empty one after it,
 * clearing leaves one, and the last one cannot be removed.
 */
import { exposed, type ExactSurface } from './context';
import {
  adopt, cellNode, cloneNode, paragraphChars, paragraphNode, paragraphsUnder, rowNode, tableNode, textOf,
  type Container, type DocNode, type SectionNode, type TableNode,
} from './docModel';
import { detachedNode, FakeContainerElement, type ContainerMethod, type TypeName } from './docElement';

type GasParagraph = GoogleAppsScript.Document.Paragraph;
type GasListItem = GoogleAppsScript.Document.ListItem;
type GasTable = GoogleAppsScript.Document.Table;

/** The block operations sections and cells share; the public methods are declared by each class. */
export abstract class FakeBlockContainer<M extends Container> extends FakeContainerElement<M> {
  /** A new paragraph of plain text, or a detached paragraph (a copy) inserted as it is. */
  protected addParagraph(index: number, content: string | GasParagraph): GasParagraph {
    this.checkIndex(index, this.model.children.length, true);
    const node = typeof content === 'string'
      ? paragraphNode(textOf(paragraphChars(content)))
      : cloneNode(detachedNode(content, ['paragraph', 'listItem'], `${this.service}.appendParagraph`, this.ctx));
    adopt(this.model, node, index);
    return this.wrap<GasParagraph>(node);
  }

  /** A new list item of plain text, or a detached list item (a copy) inserted as it is: its nesting and formatting kept. */
  protected addListItem(index: number, content: string | GasListItem, method: string): GasListItem {
    this.checkIndex(index, this.model.children.length, true);
    const node = typeof content === 'string'
      ? paragraphNode(textOf(paragraphChars(content)), 'listItem')
      : cloneNode(detachedNode(content, ['listItem'], `${this.service}.${method}`, this.ctx));
    adopt(this.model, node, index);
    return this.wrap<GasListItem>(node);
  }

  /** A new table of plain cells, an empty one, or a detached table (a copy). */
  protected addTable(index: number, cells?: string[][] | GasTable | null): GasTable {
    this.checkIndex(index, this.model.children.length, true);
    let table: TableNode;
    if (cells === undefined || cells === null) table = tableNode([]);
    else if (Array.isArray(cells)) {
      table = tableNode(cells.map((row) => rowNode(row.map((c) => cellNode([paragraphNode(textOf(paragraphChars(String(c))))])))));
    } else table = cloneNode(detachedNode(cells, ['table'], `${this.service}.appendTable`, this.ctx));
    adopt(this.model, table, index);
    if (this.model.kind !== 'cell' && index === this.model.children.length - 1) adopt(this.model, paragraphNode(textOf('')), index + 1);
    return this.wrap<GasTable>(table);
  }

  protected clearBlocks(): void {
    for (const child of this.model.children) child.parent = null;
    this.model.children = [];
    adopt(this.model, paragraphNode(textOf('')), 0);
  }
}

export type SectionMethod =
  | ContainerMethod | 'appendParagraph' | 'insertParagraph' | 'appendListItem' | 'insertListItem' | 'appendTable' | 'getParagraphs' | 'getTables' | 'clear';

abstract class SectionBase<Self> extends FakeBlockContainer<SectionNode> {
  appendParagraph(content: string | GasParagraph): GasParagraph {
    this.log('appendParagraph');
    return this.addParagraph(this.model.children.length, content);
  }

  insertParagraph(childIndex: number, content: string | GasParagraph): GasParagraph {
    this.log('insertParagraph');
    return this.addParagraph(childIndex, content);
  }

  appendListItem(content: string | GasListItem): GasListItem {
    this.log('appendListItem');
    return this.addListItem(this.model.children.length, content, 'appendListItem');
  }

  insertListItem(childIndex: number, content: string | GasListItem): GasListItem {
    this.log('insertListItem');
    return this.addListItem(childIndex, content, 'insertListItem');
  }

  appendTable(cells?: string[][] | GasTable | null): GasTable {
    this.log('appendTable');
    return this.addTable(this.model.children.length, cells);
  }

  /** Every paragraph and list item of the section, those inside tables included. */
  getParagraphs(): GasParagraph[] {
    this.log('getParagraphs');
    return paragraphsUnder(this.model).map((p) => this.wrap<GasParagraph>(p));
  }

  getTables(): GasTable[] {
    this.log('getTables');
    return tablesUnder(this.model).map((t) => this.wrap<GasTable>(t));
  }

  clear(): Self {
    this.log('clear');
    this.clearBlocks();
    return exposed<Self>(this as unknown as Partial<Self>);
  }
}

function tablesUnder(node: DocNode): TableNode[] {
  const children: DocNode[] = node.kind === 'table' ? node.rows : node.kind === 'row' ? node.cells : 'children' in node ? node.children : [];
  return children.flatMap((c) => (c.kind === 'table' ? [c, ...tablesUnder(c)] : tablesUnder(c)));
}

export class FakeBody extends SectionBase<GoogleAppsScript.Document.Body> implements Pick<GoogleAppsScript.Document.Body, SectionMethod> {
  protected readonly service = 'Body';
  protected readonly typeName: TypeName = 'BODY_SECTION';
}

export class FakeHeaderSection extends SectionBase<GoogleAppsScript.Document.HeaderSection>
  implements Pick<GoogleAppsScript.Document.HeaderSection, SectionMethod> {
  protected readonly service = 'HeaderSection';
  protected readonly typeName: TypeName = 'HEADER_SECTION';
}

export class FakeFooterSection extends SectionBase<GoogleAppsScript.Document.FooterSection>
  implements Pick<GoogleAppsScript.Document.FooterSection, SectionMethod> {
  protected readonly service = 'FooterSection';
  protected readonly typeName: TypeName = 'FOOTER_SECTION';
}

export const bodySurface: ExactSurface<FakeBody, SectionMethod> = true;
export const headerSurface: ExactSurface<FakeHeaderSection, SectionMethod> = true;
export const footerSurface: ExactSurface<FakeFooterSection, SectionMethod> = true;
