/**
 * Form items as FormApp hands them out: a generic Item (from getItems) that is
 * cast with asGridItem() and the like, and the typed items of each kind a ballot
 * uses (multiple choice, checkboxes, grid, checkbox grid, text, section header),
 * their choices, grid validations and ItemResponses. Like Apps Script, every
 * call returns a new wrapper: compare items by getId(), never by identity.
 */
import { enumOf, exposed, fakeOf, type ExactSurface, type FakeContext } from './context';
import { answerProblem, stripBlanks, type Answer, type GridRule, type ItemKind, type ItemModel } from './formModel';

type Forms = typeof GoogleAppsScript.Forms;
type GasItem = GoogleAppsScript.Forms.Item;
type GasItemType = GoogleAppsScript.Forms.ItemType;
type GasChoice = GoogleAppsScript.Forms.Choice;
type GasItemResponse = GoogleAppsScript.Forms.ItemResponse;
type GasMultipleChoiceItem = GoogleAppsScript.Forms.MultipleChoiceItem;
type GasCheckboxItem = GoogleAppsScript.Forms.CheckboxItem;
type GasGridItem = GoogleAppsScript.Forms.GridItem;
type GasCheckboxGridItem = GoogleAppsScript.Forms.CheckboxGridItem;
type GasTextItem = GoogleAppsScript.Forms.TextItem;
type GasSectionHeaderItem = GoogleAppsScript.Forms.SectionHeaderItem;

export const ItemType = enumOf<Forms['ItemType']>([
  'CHECKBOX', 'CHECKBOX_GRID', 'DATE', 'DATETIME', 'DURATION', 'GRID', 'IMAGE', 'LIST', 'MULTIPLE_CHOICE',
  'PAGE_BREAK', 'PARAGRAPH_TEXT', 'SCALE', 'SECTION_HEADER', 'TEXT', 'TIME', 'VIDEO', 'FILE_UPLOAD',
]);

/** An item of any kind as the typed wrapper Form.add…Item() returns. */
export function typedItem(model: ItemModel, ctx: FakeContext): unknown {
  switch (model.kind) {
    case 'MULTIPLE_CHOICE': return new FakeMultipleChoiceItem(model, ctx);
    case 'CHECKBOX': return new FakeCheckboxItem(model, ctx);
    case 'GRID': return new FakeGridItem(model, ctx);
    case 'CHECKBOX_GRID': return new FakeCheckboxGridItem(model, ctx);
    case 'TEXT': return new FakeTextItem(model, ctx);
    case 'SECTION_HEADER': return new FakeSectionHeaderItem(model, ctx);
  }
}

/** What every item has; `Self` is the interface the methods return for chaining. */
abstract class ItemView<Self> {
  protected abstract readonly service: string;

  constructor(readonly model: ItemModel, protected readonly ctx: FakeContext) {}

  getId(): number {
    this.log('getId');
    return this.model.id;
  }

  getIndex(): number {
    this.log('getIndex');
    return this.model.form.liveItems().indexOf(this.model);
  }

  getTitle(): string {
    this.log('getTitle');
    return this.model.title;
  }

  setTitle(title: string): Self {
    this.log('setTitle');
    this.model.title = String(title);
    return this.self();
  }

  getHelpText(): string {
    this.log('getHelpText');
    return this.model.helpText;
  }

  setHelpText(text: string): Self {
    this.log('setHelpText');
    this.model.helpText = String(text);
    return this.self();
  }

  getType(): GasItemType {
    this.log('getType');
    return ItemType[this.model.kind];
  }

  protected self(): Self {
    return this as unknown as Self;
  }

  /** Logs the call (a fault armed on it throws here) and refuses a deleted item, before anything changes. */
  protected log(method: string): void {
    this.ctx.calls.record(`${this.service}.${method}`, `${this.model.form.id}!${this.model.id}`);
    if (this.model.deleted) throw this.ctx.exception('The item has been deleted from the form.');
  }

  protected respond(value: unknown): GasItemResponse {
    const problem = answerProblem(this.model, value, false);
    if (problem) throw this.ctx.exception(`Invalid response submitted to item "${this.model.title}": ${problem}`);
    return exposed<GasItemResponse>(new FakeItemResponse({ item: this.model, value: stripBlanks(this.model, value as Answer) }, this.ctx));
  }
}

abstract class QuestionView<Self> extends ItemView<Self> {
  isRequired(): boolean {
    this.log('isRequired');
    return this.model.required;
  }

  setRequired(enabled: boolean): Self {
    this.log('setRequired');
    this.model.required = Boolean(enabled);
    return this.self();
  }
}

abstract class ChoiceView<Self> extends QuestionView<Self> {
  setChoiceValues(values: string[]): Self {
    this.log('setChoiceValues');
    if (!Array.isArray(values)) throw this.ctx.exception(`The parameters (${typeof values}) don't match the method signature for ${this.service}.setChoiceValues.`);
    this.model.choices = values.map(String);
    return this.self();
  }

  setChoices(choices: GasChoice[]): Self {
    this.log('setChoices');
    this.model.choices = choices.map((c) => fakeOf(c, FakeChoice, `${this.service}.setChoices`, this.ctx).model.value);
    return this.self();
  }

  getChoices(): GasChoice[] {
    this.log('getChoices');
    return this.model.choices.map((value) => exposed<GasChoice>(new FakeChoice({ value }, this.ctx)));
  }

  /** Navigation and quiz arguments are accepted and ignored: ballots use neither. */
  createChoice(value: string, _navigationOrCorrect?: unknown): GasChoice {
    this.log('createChoice');
    return exposed<GasChoice>(new FakeChoice({ value: String(value) }, this.ctx));
  }

  showOtherOption(enabled: boolean): Self {
    this.log('showOtherOption');
    this.model.otherOption = Boolean(enabled);
    return this.self();
  }

  hasOtherOption(): boolean {
    this.log('hasOtherOption');
    return this.model.otherOption;
  }
}

abstract class GridView<Self> extends QuestionView<Self> {
  setRows(rows: string[]): Self {
    this.log('setRows');
    this.model.rows = rows.map(String);
    return this.self();
  }

  getRows(): string[] {
    this.log('getRows');
    return [...this.model.rows];
  }

  setColumns(columns: string[]): Self {
    this.log('setColumns');
    this.model.columns = columns.map(String);
    return this.self();
  }

  getColumns(): string[] {
    this.log('getColumns');
    return [...this.model.columns];
  }

  setValidation(validation: GoogleAppsScript.Forms.GridValidation): Self {
    this.log('setValidation');
    this.model.validation = { ...fakeOf(validation, FakeGridValidation, `${this.service}.setValidation`, this.ctx).model };
    return this.self();
  }

  clearValidation(): Self {
    this.log('clearValidation');
    this.model.validation = null;
    return this.self();
  }
}

export type ItemMethod =
  | 'getId' | 'getIndex' | 'getTitle' | 'setTitle' | 'getHelpText' | 'setHelpText' | 'getType'
  | 'asMultipleChoiceItem' | 'asCheckboxItem' | 'asGridItem' | 'asCheckboxGridItem' | 'asTextItem' | 'asSectionHeaderItem';

/** The generic Item of getItems() and getItemById(); cast it to its kind to reach its questions' settings. */
export class FakeItem extends ItemView<GasItem> implements Pick<GasItem, ItemMethod> {
  protected readonly service = 'Item';

  asMultipleChoiceItem(): GasMultipleChoiceItem {
    return this.as('asMultipleChoiceItem', 'MULTIPLE_CHOICE');
  }

  asCheckboxItem(): GasCheckboxItem {
    return this.as('asCheckboxItem', 'CHECKBOX');
  }

  asGridItem(): GasGridItem {
    return this.as('asGridItem', 'GRID');
  }

  asCheckboxGridItem(): GasCheckboxGridItem {
    return this.as('asCheckboxGridItem', 'CHECKBOX_GRID');
  }

  asTextItem(): GasTextItem {
    return this.as('asTextItem', 'TEXT');
  }

  asSectionHeaderItem(): GasSectionHeaderItem {
    return this.as('asSectionHeaderItem', 'SECTION_HEADER');
  }

  private as<T>(method: ItemMethod, kind: ItemKind): T {
    this.log(method);
    if (this.model.kind !== kind) throw this.ctx.exception(`The item of type ${this.model.kind} cannot be returned as a ${kind} item.`);
    return typedItem(this.model, this.ctx) as T;
  }
}

export const itemSurface: ExactSurface<FakeItem, ItemMethod> = true;

type Common = 'getId' | 'getIndex' | 'getTitle' | 'setTitle' | 'getHelpText' | 'setHelpText' | 'getType';
type Question = Common | 'isRequired' | 'setRequired';
type Choices = Question | 'setChoiceValues' | 'setChoices' | 'getChoices' | 'createChoice' | 'showOtherOption' | 'hasOtherOption';
type Grid = Question | 'setRows' | 'getRows' | 'setColumns' | 'getColumns' | 'setValidation' | 'clearValidation';

export type MultipleChoiceItemMethod = Choices | 'createResponse';

export class FakeMultipleChoiceItem extends ChoiceView<GasMultipleChoiceItem> implements Pick<GasMultipleChoiceItem, MultipleChoiceItemMethod> {
  protected readonly service = 'MultipleChoiceItem';

  createResponse(response: string): GasItemResponse {
    this.log('createResponse');
    return this.respond(response);
  }
}

export const multipleChoiceItemSurface: ExactSurface<FakeMultipleChoiceItem, MultipleChoiceItemMethod> = true;

export type CheckboxItemMethod = Choices | 'createResponse';

export class FakeCheckboxItem extends ChoiceView<GasCheckboxItem> implements Pick<GasCheckboxItem, CheckboxItemMethod> {
  protected readonly service = 'CheckboxItem';

  createResponse(responses: string[]): GasItemResponse {
    this.log('createResponse');
    return this.respond(responses);
  }
}

export const checkboxItemSurface: ExactSurface<FakeCheckboxItem, CheckboxItemMethod> = true;

export type GridItemMethod = Grid | 'createResponse';

export class FakeGridItem extends GridView<GasGridItem> implements Pick<GasGridItem, GridItemMethod> {
  protected readonly service = 'GridItem';

  /** One column per row, null (or '') for a row left blank. */
  createResponse(responses: string[]): GasItemResponse {
    this.log('createResponse');
    return this.respond(responses);
  }
}

export const gridItemSurface: ExactSurface<FakeGridItem, GridItemMethod> = true;

export type CheckboxGridItemMethod = Grid | 'createResponse';

export class FakeCheckboxGridItem extends GridView<GasCheckboxGridItem> implements Pick<GasCheckboxGridItem, CheckboxGridItemMethod> {
  protected readonly service = 'CheckboxGridItem';

  createResponse(responses: string[][]): GasItemResponse {
    this.log('createResponse');
    return this.respond(responses);
  }
}

export const checkboxGridItemSurface: ExactSurface<FakeCheckboxGridItem, CheckboxGridItemMethod> = true;

export type TextItemMethod = Question | 'createResponse';

export class FakeTextItem extends QuestionView<GasTextItem> implements Pick<GasTextItem, TextItemMethod> {
  protected readonly service = 'TextItem';

  createResponse(response: string): GasItemResponse {
    this.log('createResponse');
    return this.respond(response);
  }
}

export const textItemSurface: ExactSurface<FakeTextItem, TextItemMethod> = true;

export class FakeSectionHeaderItem extends ItemView<GasSectionHeaderItem> implements Pick<GasSectionHeaderItem, Common> {
  protected readonly service = 'SectionHeaderItem';
}

export const sectionHeaderItemSurface: ExactSurface<FakeSectionHeaderItem, Common> = true;

export class FakeChoice implements Pick<GasChoice, 'getValue'> {
  constructor(readonly model: { value: string }, private readonly ctx: FakeContext) {}

  getValue(): string {
    this.ctx.calls.record('Choice.getValue');
    return this.model.value;
  }
}

export const choiceSurface: ExactSurface<FakeChoice, 'getValue'> = true;

/** What GridValidationBuilder.build() and CheckboxGridValidationBuilder.build() return. */
export class FakeGridValidation {
  constructor(readonly model: GridRule) {}
}

export type GridValidationBuilderMethod = 'requireLimitOneResponsePerColumn' | 'setHelpText' | 'build';

/** FormApp.createGridValidation() and createCheckboxGridValidation(): a ranking grid needs one response per column. */
export class FakeGridValidationBuilder implements Pick<GoogleAppsScript.Forms.GridValidationBuilder, GridValidationBuilderMethod> {
  readonly model: GridRule = { helpText: '', onePerColumn: false };

  constructor(private readonly ctx: FakeContext, private readonly service: string) {}

  requireLimitOneResponsePerColumn(): GoogleAppsScript.Forms.GridValidationBuilder {
    this.ctx.calls.record(`${this.service}.requireLimitOneResponsePerColumn`);
    this.model.onePerColumn = true;
    return exposed<GoogleAppsScript.Forms.GridValidationBuilder>(this);
  }

  setHelpText(text: string): GoogleAppsScript.Forms.GridValidationBuilder {
    this.ctx.calls.record(`${this.service}.setHelpText`);
    this.model.helpText = String(text);
    return exposed<GoogleAppsScript.Forms.GridValidationBuilder>(this);
  }

  build(): GoogleAppsScript.Forms.GridValidation {
    this.ctx.calls.record(`${this.service}.build`);
    return new FakeGridValidation({ ...this.model });
  }
}

export const gridValidationBuilderSurface: ExactSurface<FakeGridValidationBuilder, GridValidationBuilderMethod> = true;

export type ItemResponseMethod = 'getItem' | 'getResponse';

/**
 * One answer: a string for a choice or text; string[] for checkboxes and for a
 * grid (one entry per row, null for a row left blank); string[][] for a checkbox
 * grid (null for a blank row). Each call returns a fresh copy.
 */
export class FakeItemResponse implements Pick<GasItemResponse, ItemResponseMethod> {
  constructor(readonly model: { item: ItemModel; value: Answer }, private readonly ctx: FakeContext) {}

  getItem(): GasItem {
    this.ctx.calls.record('ItemResponse.getItem', `${this.model.item.form.id}!${this.model.item.id}`);
    return exposed<GasItem>(new FakeItem(this.model.item, this.ctx));
  }

  getResponse(): string[][] | string[] | string {
    this.ctx.calls.record('ItemResponse.getResponse', `${this.model.item.form.id}!${this.model.item.id}`);
    const { value } = this.model;
    if (typeof value === 'string') return value;
    return value.map((cell) => (Array.isArray(cell) ? [...cell] : cell)) as string[][] | string[];
  }
}

export const itemResponseSurface: ExactSurface<FakeItemResponse, ItemResponseMethod> = true;

/** The item behind a value the code under test passed back (to getResponseForItem, deleteItem): any of our wrappers. */
export function itemModelOf(value: unknown, what: string, ctx: FakeContext): ItemModel {
  return fakeOf(value, ItemView as unknown as abstract new (...args: never[]) => ItemView<unknown>, what, ctx).model;
}
