/**
 * Text: the characters of a paragraph (or, through editAsText, of a whole
 * container) with their formatting. Offsets count UTF-16 units, end offsets
 * are inclusive, and inserted text takes the formatting of the character before
 * it, as typing does: replacing a placeholder in a bold sentence writes bold.
 */
import { exposed, type ExactSurface } from './context';
import {
  deleteChars, insertChars, paragraphChars, PLAIN, sameAttrs, setAttr,
  type ParagraphNode, type TextAttrs,
} from './docModel';
import { FakeElement, findIn, replaceIn, type ElementMethod, type TextView } from './docElement';

type GasText = GoogleAppsScript.Document.Text;
type GasRangeElement = GoogleAppsScript.Document.RangeElement;

export type TextMethod =
  | ElementMethod | 'getText' | 'setText' | 'insertText' | 'deleteText' | 'appendText' | 'editAsText' | 'getTextAttributeIndices'
  | 'setBold' | 'isBold' | 'setItalic' | 'isItalic' | 'setLinkUrl' | 'getLinkUrl' | 'setFontFamily' | 'getFontFamily'
  | 'getAttributes' | 'findText' | 'replaceText';

export class FakeText extends FakeElement<TextView> implements Pick<GasText, TextMethod> {
  protected readonly service = 'Text';
  protected readonly typeName = 'TEXT';

  getText(): string {
    this.log('getText');
    return this.model.segments.map((p) => p.text.chars).join('\n');
  }

  /** Replaces the whole text; it keeps the formatting of its first character. */
  setText(text: string): GasText {
    this.log('setText');
    const [only, more] = this.model.segments;
    if (!only || more) throw this.ctx.exception('The fake Text.setText only edits the text of one paragraph.');
    const attrs = only.text.attrs[0] ?? PLAIN;
    deleteChars(only.text, 0, only.text.chars.length);
    insertChars(only.text, 0, paragraphChars(String(text)), attrs);
    return this.self();
  }

  insertText(offset: number, text: string): GasText {
    this.log('insertText');
    if (!Number.isInteger(offset) || offset < 0 || offset > this.length()) {
      throw this.ctx.exception(`Offset (${offset}) must be less than or equal to the content length (${this.length()}).`);
    }
    const { paragraph, local } = this.locate(offset);
    insertChars(paragraph.text, local, paragraphChars(String(text)));
    return this.self();
  }

  appendText(text: string): GasText {
    this.log('appendText');
    const last = this.model.segments[this.model.segments.length - 1];
    if (!last) throw this.ctx.exception('The fake Text has no paragraph to append to.');
    insertChars(last.text, last.text.chars.length, paragraphChars(String(text)));
    return this.self();
  }

  deleteText(startOffset: number, endOffsetInclusive: number): GasText {
    this.log('deleteText');
    this.checkRange(startOffset, endOffsetInclusive);
    const start = this.locate(startOffset);
    const end = this.locate(endOffsetInclusive);
    if (start.paragraph !== end.paragraph || end.local >= end.paragraph.text.chars.length) {
      throw this.ctx.exception('The fake Text.deleteText does not join paragraphs.');
    }
    deleteChars(start.paragraph.text, start.local, end.local + 1);
    return this.self();
  }

  editAsText(): GasText {
    this.log('editAsText');
    return this.self();
  }

  /** Where each formatting run starts: 0, then every offset whose formatting differs from the one before. */
  getTextAttributeIndices(): number[] {
    this.log('getTextAttributeIndices');
    const attrs = this.joinedAttrs();
    return attrs.flatMap((a, i) => (i === 0 || !sameAttrs(attrs[i - 1]!, a) ? [i] : []));
  }

  setBold(a: boolean | number, b?: number, c?: boolean): GasText {
    this.log('setBold');
    return this.set('bold', a, b, c, (v) => (v ? true : undefined));
  }

  /** With no offset: true or false when the whole text agrees, null when it is mixed. */
  isBold(offset?: number | null): boolean {
    this.log('isBold');
    return this.read(offset, (a) => a.bold === true) as boolean;
  }

  setItalic(a: boolean | number, b?: number, c?: boolean): GasText {
    this.log('setItalic');
    return this.set('italic', a, b, c, (v) => (v ? true : undefined));
  }

  isItalic(offset?: number | null): boolean {
    this.log('isItalic');
    return this.read(offset, (a) => a.italic === true) as boolean;
  }

  setLinkUrl(a: string | number, b?: number, c?: string): GasText {
    this.log('setLinkUrl');
    return this.set('link', a, b, c, (v) => (v ? String(v) : undefined));
  }

  getLinkUrl(offset?: number | null): string {
    this.log('getLinkUrl');
    return this.read(offset, (a) => a.link ?? null) as string;
  }

  setFontFamily(a: string | number, b?: number, c?: string): GasText {
    this.log('setFontFamily');
    return this.set('font', a, b, c, (v) => (v ? String(v) : undefined));
  }

  getFontFamily(offset?: number | null): string {
    this.log('getFontFamily');
    return this.read(offset, (a) => a.font ?? null) as string;
  }

  /** Keyed by DocumentApp.Attribute names; at an offset, or for the whole text (null where it is mixed). */
  getAttributes(offset?: number | null): any {
    this.log('getAttributes');
    return {
      BOLD: this.read(offset, (a) => a.bold === true),
      ITALIC: this.read(offset, (a) => a.italic === true),
      LINK_URL: this.read(offset, (a) => a.link ?? null),
      FONT_FAMILY: this.read(offset, (a) => a.font ?? null),
    };
  }

  findText(searchPattern: string, from?: GasRangeElement | null): GasRangeElement {
    this.log('findText');
    return findIn(this.model.segments, searchPattern, from, this.handle, this.ctx);
  }

  replaceText(searchPattern: string, replacement: string): GoogleAppsScript.Document.Element {
    this.log('replaceText');
    replaceIn(this.model.segments, searchPattern, replacement, this.ctx);
    return this.self();
  }

  private self(): GasText {
    return exposed<GasText>(this);
  }

  private length(): number {
    return this.model.segments.reduce((n, p, i) => n + p.text.chars.length + (i > 0 ? 1 : 0), 0);
  }

  /** The paragraph holding `offset`; the "\n" after a paragraph counts as its end. */
  private locate(offset: number): { paragraph: ParagraphNode; local: number } {
    let start = 0;
    for (const paragraph of this.model.segments) {
      const end = start + paragraph.text.chars.length;
      if (offset <= end) return { paragraph, local: offset - start };
      start = end + 1;
    }
    throw this.ctx.exception(`Offset (${offset}) is past the end of the text.`);
  }

  private checkRange(start: number, endInclusive: number): void {
    const length = this.length();
    if (!Number.isInteger(start) || !Number.isInteger(endInclusive) || start < 0 || endInclusive < start || endInclusive >= length) {
      throw this.ctx.exception(`Invalid range [${start}, ${endInclusive}]: offsets must lie within the text, of length ${length}.`);
    }
  }

  /** Each character's formatting; the "\n" between paragraphs has that of the character before it. */
  private joinedAttrs(): TextAttrs[] {
    const out: TextAttrs[] = [];
    this.model.segments.forEach((p, i) => {
      if (i > 0) out.push(out[out.length - 1] ?? PLAIN);
      out.push(...p.text.attrs);
    });
    return out;
  }

  /** set…(value) for the whole text, or set…(start, endInclusive, value). */
  private set<K extends keyof TextAttrs>(
    key: K, a: unknown, b: number | undefined, c: unknown, stored: (value: unknown) => TextAttrs[K] | undefined,
  ): GasText {
    const whole = b === undefined;
    const start = whole ? 0 : (a as number);
    const end = whole ? this.length() - 1 : b;
    if (!whole) this.checkRange(start, end);
    const value = stored(whole ? a : c);
    let offset = 0;
    for (const p of this.model.segments) {
      const from = Math.max(start - offset, 0);
      const to = Math.min(end - offset + 1, p.text.chars.length);
      if (from < to) setAttr(p.text, from, to, key, value);
      offset += p.text.chars.length + 1;
    }
    return this.self();
  }

  private read<T>(offset: number | null | undefined, value: (attrs: TextAttrs) => T): T | null {
    const attrs = this.joinedAttrs();
    if (offset !== undefined && offset !== null) {
      if (!Number.isInteger(offset) || offset < 0 || offset >= attrs.length) {
        throw this.ctx.exception(`Offset (${offset}) must be less than the content length (${attrs.length}).`);
      }
      return value(attrs[offset]!);
    }
    const values = attrs.map(value);
    return values.length > 0 && values.every((v) => v === values[0]) ? values[0]! : null;
  }
}

export const textSurface: ExactSurface<FakeText, TextMethod> = true;
