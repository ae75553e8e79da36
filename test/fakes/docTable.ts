/**
 * Table, TableRow and TableCell. A row copied and inserted keeps every cell's
 * paragraphs and formatting: how a template's row is repeated once per round.
 */
import { exposed, type ExactSurface } from './context';
import { cloneNode, rowNode, type CellNode, type RowNode, type TableNode } from './docModel';
import { detachedNode, FakeContainerElement, type ContainerMethod, type TypeName } from './docElement';
import { FakeBlockContainer } from './docSection';

type GasTable = GoogleAppsScript.Document.Table;
type GasRow = GoogleAppsScript.Document.TableRow;
type GasCell = GoogleAppsScript.Document.TableCell;
type GasParagraph = GoogleAppsScript.Document.Paragraph;
type GasListItem = GoogleAppsScript.Document.ListItem;

export type TableMethod =
  | ContainerMethod | 'getNumRows' | 'getRow' | 'getCell' | 'insertTableRow' | 'appendTableRow' | 'removeRow' | 'copy' | 'removeFromParent';

export class FakeTable extends FakeContainerElement<TableNode> implements Pick<GasTable, TableMethod> {
  protected readonly service = 'Table';
  protected readonly typeName: TypeName = 'TABLE';

  getNumRows(): number {
    this.log('getNumRows');
    return this.model.rows.length;
  }

  getRow(rowIndex: number): GasRow {
    this.log('getRow');
    this.checkIndex(rowIndex, this.model.rows.length);
    return this.wrap<GasRow>(this.model.rows[rowIndex]!);
  }

  getCell(rowIndex: number, cellIndex: number): GasCell {
    this.log('getCell');
    this.checkIndex(rowIndex, this.model.rows.length);
    const row = this.model.rows[rowIndex]!;
    this.checkIndex(cellIndex, row.cells.length);
    return this.wrap<GasCell>(row.cells[cellIndex]!);
  }

  /** A detached row (a copy) inserted at `childIndex`, or a new row without cells. */
  insertTableRow(childIndex: number, tableRow?: GasRow | null): GasRow {
    this.log('insertTableRow');
    return this.addRow(childIndex, tableRow, 'insertTableRow');
  }

  appendTableRow(tableRow?: GasRow): GasRow {
    this.log('appendTableRow');
    return this.addRow(this.model.rows.length, tableRow, 'appendTableRow');
  }

  /** Returns the removed row, now detached. */
  removeRow(rowIndex: number): GasRow {
    this.log('removeRow');
    this.checkIndex(rowIndex, this.model.rows.length);
    const [row] = this.model.rows.splice(rowIndex, 1);
    row!.parent = null;
    return this.wrap<GasRow>(row!);
  }

  copy(): GasTable {
    this.log('copy');
    return this.wrap<GasTable>(cloneNode(this.model));
  }

  removeFromParent(): GasTable {
    this.log('removeFromParent');
    this.detachSelf();
    return exposed<GasTable>(this);
  }

  private addRow(index: number, tableRow: GasRow | null | undefined, method: string): GasRow {
    this.checkIndex(index, this.model.rows.length, true);
    const row: RowNode = tableRow === undefined || tableRow === null
      ? rowNode([])
      : cloneNode(detachedNode(tableRow, ['row'], `Table.${method}`, this.ctx));
    this.model.rows.splice(index, 0, row);
    row.parent = this.model;
    return this.wrap<GasRow>(row);
  }
}

export const tableSurface: ExactSurface<FakeTable, TableMethod> = true;

export type TableRowMethod = ContainerMethod | 'getNumCells' | 'getCell' | 'copy' | 'removeFromParent';

export class FakeTableRow extends FakeContainerElement<RowNode> implements Pick<GasRow, TableRowMethod> {
  protected readonly service = 'TableRow';
  protected readonly typeName: TypeName = 'TABLE_ROW';

  getNumCells(): number {
    this.log('getNumCells');
    return this.model.cells.length;
  }

  getCell(cellIndex: number): GasCell {
    this.log('getCell');
    this.checkIndex(cellIndex, this.model.cells.length);
    return this.wrap<GasCell>(this.model.cells[cellIndex]!);
  }

  /** A detached deep copy: its cells, their paragraphs and formatting. */
  copy(): GasRow {
    this.log('copy');
    return this.wrap<GasRow>(cloneNode(this.model));
  }

  removeFromParent(): GasRow {
    this.log('removeFromParent');
    this.detachSelf();
    return exposed<GasRow>(this);
  }
}

export const tableRowSurface: ExactSurface<FakeTableRow, TableRowMethod> = true;

export type TableCellMethod = ContainerMethod | 'appendParagraph' | 'insertParagraph' | 'insertListItem' | 'clear';

export class FakeTableCell extends FakeBlockContainer<CellNode> implements Pick<GasCell, TableCellMethod> {
  protected readonly service = 'TableCell';
  protected readonly typeName: TypeName = 'TABLE_CELL';

  appendParagraph(content: string | GasParagraph): GasParagraph {
    this.log('appendParagraph');
    return this.addParagraph(this.model.children.length, content);
  }

  insertParagraph(childIndex: number, content: string | GasParagraph): GasParagraph {
    this.log('insertParagraph');
    return this.addParagraph(childIndex, content);
  }

  /** A detached list item (a copy) inserted as it is, or a new one of plain text. */
  insertListItem(childIndex: number, content: string | GasListItem): GasListItem {
    this.log('insertListItem');
    return this.addListItem(childIndex, content, 'insertListItem');
  }

  clear(): GasCell {
    this.log('clear');
    this.clearBlocks();
    return exposed<GasCell>(this);
  }
}

export const tableCellSurface: ExactSurface<FakeTableCell, TableCellMethod> = true;
