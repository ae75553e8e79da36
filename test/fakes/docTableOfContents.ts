/**
 * TableOfContents: a block that is neither a paragraph nor a table. Docs' copy
 * of a whole file keeps it; a Doc rebuilt element by element cannot, for the
 * sections of the Document service have no method to append one.
 */
import { exposed, type ExactSurface } from './context';
import { cloneNode, type TocNode } from './docModel';
import { FakeContainerElement, type ContainerMethod, type TypeName } from './docElement';

type GasToc = GoogleAppsScript.Document.TableOfContents;

export type TableOfContentsMethod = ContainerMethod | 'copy' | 'removeFromParent';

export class FakeTableOfContents extends FakeContainerElement<TocNode> implements Pick<GasToc, TableOfContentsMethod> {
  protected readonly service = 'TableOfContents';
  protected readonly typeName: TypeName = 'TABLE_OF_CONTENTS';

  copy(): GasToc {
    this.log('copy');
    return this.wrap<GasToc>(cloneNode(this.model));
  }

  removeFromParent(): GasToc {
    this.log('removeFromParent');
    this.detachSelf();
    return exposed<GasToc>(this);
  }
}

export const tableOfContentsSurface: ExactSurface<FakeTableOfContents, TableOfContentsMethod> = true;
