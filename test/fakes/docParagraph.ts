/**
 * Paragraph and ListItem: one line of a document (a heading, a list item or
 * plain text), whose single child is its Text.
 */
import { exposed, type ExactSurface } from './context';
import { cloneNode, deleteChars, insertChars, paragraphChars, PLAIN, type HeadingName, type ParagraphNode } from './docModel';
import {
  FakeContainerElement, FakeElement, paragraphText, ParagraphHeading,
  type ContainerMethod, type DocsContext, type TextView, type TypeName,
} from './docElement';

type GasParagraph = GoogleAppsScript.Document.Paragraph;
type GasListItem = GoogleAppsScript.Document.ListItem;
type GasText = GoogleAppsScript.Document.Text;

export type ParagraphMethod = ContainerMethod | 'setText' | 'getHeading' | 'setHeading' | 'copy' | 'removeFromParent' | 'appendText';

abstract class ParagraphBase<Self> extends FakeContainerElement<ParagraphNode> {
  /** Replaces the text; it keeps the formatting of its first character. */
  setText(text: string): void {
    this.log('setText');
    const t = this.model.text;
    const attrs = t.attrs[0] ?? PLAIN;
    deleteChars(t, 0, t.chars.length);
    insertChars(t, 0, paragraphChars(String(text)), attrs);
  }

  getHeading(): GoogleAppsScript.Document.ParagraphHeading {
    this.log('getHeading');
    return ParagraphHeading[this.model.heading];
  }

  setHeading(heading: GoogleAppsScript.Document.ParagraphHeading): Self {
    this.log('setHeading');
    const name = String(heading);
    if (!(name in ParagraphHeading)) throw this.ctx.exception(`The parameters (${typeof heading}) don't match the method signature for setHeading.`);
    this.model.heading = name as HeadingName;
    return this.self();
  }

  /** A detached deep copy, to insert elsewhere (appendParagraph, insertParagraph). */
  copy(): Self {
    this.log('copy');
    return this.wrap<Self>(cloneNode(this.model));
  }

  removeFromParent(): Self {
    this.log('removeFromParent');
    this.detachSelf();
    return this.self();
  }

  /**
   * Adds a string in the formatting of the paragraph's last character, or a
   * Text with its own formatting; returns the paragraph's Text.
   */
  appendText(text: string | GasText): GasText {
    this.log('appendText');
    const t = this.model.text;
    if (typeof text === 'string') insertChars(t, t.chars.length, paragraphChars(text));
    else {
      for (const p of detachedText(text, this.ctx).segments) {
        t.chars += p.text.chars;
        t.attrs.push(...p.text.attrs);
      }
    }
    return this.wrap<GasText>(paragraphText(this.model));
  }

  private self(): Self {
    return exposed<Self>(this as unknown as Partial<Self>);
  }
}

export class FakeParagraph extends ParagraphBase<GasParagraph> implements Pick<GasParagraph, ParagraphMethod> {
  protected readonly service = 'Paragraph';
  protected readonly typeName: TypeName = 'PARAGRAPH';
}

export class FakeListItem extends ParagraphBase<GasListItem> implements Pick<GasListItem, ParagraphMethod> {
  protected readonly service = 'ListItem';
  protected readonly typeName: TypeName = 'LIST_ITEM';
}

export const paragraphSurface: ExactSurface<FakeParagraph, ParagraphMethod> = true;
export const listItemSurface: ExactSurface<FakeListItem, ParagraphMethod> = true;

function detachedText(value: unknown, ctx: DocsContext): TextView {
  const model: unknown = value instanceof FakeElement ? value.model : undefined;
  if (!model || typeof model !== 'object' || !('segments' in model)) {
    throw ctx.exception(`The parameters (${typeof value}) don't match the method signature for Paragraph.appendText.`);
  }
  return model as TextView;
}
