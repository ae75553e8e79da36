/**
 * FormApp, a Form and its FormResponses: what Endorse needs to build a ballot
 * form (items, settings, a spreadsheet destination) and to read its responses
 * by item. Respondents' submissions come from the test (FormsWorld.submit);
 * a script may also build and submit a response, as Apps Script allows.
 */
import { isDate } from '../../src/core/inputError';
import { exposed, enumOf, type ExactSurface, type FakeContext } from './context';
import {
  FakeGridValidationBuilder, FakeItem, FakeItemResponse, ItemType, itemModelOf, typedItem,
} from './formItem';
import { answered, type Answer, type FormModel, type FormsModel, type ItemKind, type ItemModel, type ResponseModel } from './formModel';

type Forms = typeof GoogleAppsScript.Forms;
type GasForm = GoogleAppsScript.Forms.Form;
type GasItem = GoogleAppsScript.Forms.Item;
type GasFormResponse = GoogleAppsScript.Forms.FormResponse;
type GasItemResponse = GoogleAppsScript.Forms.ItemResponse;

export const DestinationType = enumOf<Forms['DestinationType']>(['SPREADSHEET']);

export const NO_SUCH_FORM = 'No item with the given ID could be found. Possibly because you have not edited this item or you do not have permission to access it.';
export const NO_DESTINATION = 'The form currently has no response destination.';

export type FormMethod =
  | 'getId' | 'getTitle' | 'setTitle' | 'getDescription' | 'setDescription' | 'getEditUrl' | 'getPublishedUrl'
  | 'setCollectEmail' | 'collectsEmail' | 'setLimitOneResponsePerUser' | 'hasLimitOneResponsePerUser'
  | 'setRequireLogin' | 'requiresLogin' | 'setAllowResponseEdits' | 'canEditResponse'
  | 'setAcceptingResponses' | 'isAcceptingResponses'
  | 'setDestination' | 'getDestinationId' | 'getDestinationType' | 'removeDestination'
  | 'addMultipleChoiceItem' | 'addCheckboxItem' | 'addGridItem' | 'addCheckboxGridItem' | 'addTextItem' | 'addSectionHeaderItem'
  | 'getItems' | 'getItemById' | 'deleteItem' | 'getResponses' | 'getResponse' | 'createResponse';

export class FakeForm implements Pick<GasForm, FormMethod> {
  constructor(readonly model: FormModel, private readonly ctx: FakeContext) {}

  getId(): string {
    this.log('getId');
    return this.model.id;
  }

  getTitle(): string {
    this.log('getTitle');
    return this.model.title;
  }

  setTitle(title: string): GasForm {
    this.log('setTitle');
    this.model.title = String(title);
    return this.self();
  }

  getDescription(): string {
    this.log('getDescription');
    return this.model.description;
  }

  setDescription(description: string): GasForm {
    this.log('setDescription');
    this.model.description = String(description);
    return this.self();
  }

  getEditUrl(): string {
    this.log('getEditUrl');
    return this.model.editUrl;
  }

  getPublishedUrl(): string {
    this.log('getPublishedUrl');
    return this.model.publishedUrl;
  }

  setCollectEmail(collect: boolean): GasForm {
    return this.set('setCollectEmail', () => (this.model.collectEmail = Boolean(collect)));
  }

  collectsEmail(): boolean {
    this.log('collectsEmail');
    return this.model.collectEmail;
  }

  setLimitOneResponsePerUser(enabled: boolean): GasForm {
    return this.set('setLimitOneResponsePerUser', () => (this.model.limitOneResponsePerUser = Boolean(enabled)));
  }

  hasLimitOneResponsePerUser(): boolean {
    this.log('hasLimitOneResponsePerUser');
    return this.model.limitOneResponsePerUser;
  }

  setRequireLogin(requireLogin: boolean): GasForm {
    return this.set('setRequireLogin', () => (this.model.requireLogin = Boolean(requireLogin)));
  }

  requiresLogin(): boolean {
    this.log('requiresLogin');
    return this.model.requireLogin;
  }

  setAllowResponseEdits(enabled: boolean): GasForm {
    return this.set('setAllowResponseEdits', () => (this.model.allowResponseEdits = Boolean(enabled)));
  }

  canEditResponse(): boolean {
    this.log('canEditResponse');
    return this.model.allowResponseEdits;
  }

  setAcceptingResponses(enabled: boolean): GasForm {
    return this.set('setAcceptingResponses', () => (this.model.acceptingResponses = Boolean(enabled)));
  }

  isAcceptingResponses(): boolean {
    this.log('isAcceptingResponses');
    return this.model.acceptingResponses;
  }

  /**
   * Links the form to a spreadsheet: later responses are appended to its sheet
   * (FormsWorld's onSubmitRow). Responses already in the form are not copied.
   */
  setDestination(type: GoogleAppsScript.Forms.DestinationType, id: string): GasForm {
    this.log('setDestination');
    if (String(type) !== 'SPREADSHEET') throw this.ctx.exception(`Invalid argument: type (${String(type)})`);
    if (typeof id !== 'string' || id.trim() === '') throw this.ctx.exception('Invalid argument: id');
    this.model.destination = { type: 'SPREADSHEET', id };
    return this.self();
  }

  getDestinationId(): string {
    this.log('getDestinationId');
    if (!this.model.destination) throw this.ctx.exception(NO_DESTINATION);
    return this.model.destination.id;
  }

  getDestinationType(): GoogleAppsScript.Forms.DestinationType {
    this.log('getDestinationType');
    if (!this.model.destination) throw this.ctx.exception(NO_DESTINATION);
    return DestinationType.SPREADSHEET;
  }

  removeDestination(): GasForm {
    return this.set('removeDestination', () => (this.model.destination = null));
  }

  addMultipleChoiceItem(): GoogleAppsScript.Forms.MultipleChoiceItem {
    return this.add('addMultipleChoiceItem', 'MULTIPLE_CHOICE');
  }

  addCheckboxItem(): GoogleAppsScript.Forms.CheckboxItem {
    return this.add('addCheckboxItem', 'CHECKBOX');
  }

  addGridItem(): GoogleAppsScript.Forms.GridItem {
    return this.add('addGridItem', 'GRID');
  }

  addCheckboxGridItem(): GoogleAppsScript.Forms.CheckboxGridItem {
    return this.add('addCheckboxGridItem', 'CHECKBOX_GRID');
  }

  addTextItem(): GoogleAppsScript.Forms.TextItem {
    return this.add('addTextItem', 'TEXT');
  }

  addSectionHeaderItem(): GoogleAppsScript.Forms.SectionHeaderItem {
    return this.add('addSectionHeaderItem', 'SECTION_HEADER');
  }

  /** Every item in form order, or those of one ItemType. */
  getItems(itemType?: GoogleAppsScript.Forms.ItemType): GasItem[] {
    this.log('getItems');
    const wanted = itemType === undefined ? null : String(itemType);
    return this.model.liveItems().filter((i) => wanted === null || i.kind === wanted).map((i) => this.item(i));
  }

  /** The item, or null when the form has none with that id (Apps Script's typings omit the null). */
  getItemById(id: number): GasItem {
    this.log('getItemById');
    const found = this.model.liveItems().find((i) => i.id === Number(id));
    return found ? this.item(found) : (null as unknown as GasItem);
  }

  deleteItem(indexOrItem: number | GasItem): void {
    this.log('deleteItem');
    const live = this.model.liveItems();
    const item = typeof indexOrItem === 'number' ? live[indexOrItem] : itemModelOf(indexOrItem, 'Form.deleteItem', this.ctx);
    if (!item || item.form !== this.model || item.deleted) throw this.ctx.exception(`Invalid argument: ${typeof indexOrItem === 'number' ? `index ${indexOrItem}` : 'item'}`);
    item.deleted = true;
  }

  /**
   * Every response, oldest first; with a timestamp, those submitted at or after
   * it (Google's docs say "after": a caller resuming from a timestamp should
   * drop the responses it already has by getId, whichever it is).
   */
  getResponses(timestamp?: GoogleAppsScript.Base.Date): GasFormResponse[] {
    this.log('getResponses');
    if (timestamp !== undefined && !isDate(timestamp)) {
      throw this.ctx.exception(`The parameters (${typeof timestamp}) don't match the method signature for FormApp.Form.getResponses.`);
    }
    const from = timestamp === undefined ? -Infinity : timestamp.getTime();
    return this.model.responses
      .filter((r) => r.timestamp >= from)
      .sort((a, b) => a.timestamp - b.timestamp)
      .map((r) => this.response(r));
  }

  getResponse(responseId: string): GasFormResponse {
    this.log('getResponse');
    const found = this.model.responses.find((r) => r.id === responseId);
    if (!found) throw this.ctx.exception(`Invalid argument: responseId (${responseId})`);
    return this.response(found);
  }

  /** A response a script fills with item.createResponse(…) and withItemResponse, then submits. */
  createResponse(): GasFormResponse {
    this.log('createResponse');
    return exposed<GasFormResponse>(new FakeFormResponse({ form: this.model, stored: null, draft: new Map() }, this.ctx));
  }

  private add<T>(method: FormMethod, kind: ItemKind): T {
    this.log(method);
    return typedItem(this.model.addItem(kind), this.ctx) as T;
  }

  private set(method: FormMethod, change: () => unknown): GasForm {
    this.log(method);
    change();
    return this.self();
  }

  private item(model: ItemModel): GasItem {
    return exposed<GasItem>(new FakeItem(model, this.ctx));
  }

  private response(model: ResponseModel): GasFormResponse {
    return exposed<GasFormResponse>(new FakeFormResponse({ form: this.model, stored: model, draft: new Map() }, this.ctx));
  }

  private self(): GasForm {
    return exposed<GasForm>(this);
  }

  private log(method: FormMethod): void {
    this.ctx.calls.record(`Form.${method}`, this.model.id);
  }
}

export const formSurface: ExactSurface<FakeForm, FormMethod> = true;

export type FormResponseMethod =
  | 'getId' | 'getTimestamp' | 'getRespondentEmail' | 'getItemResponses' | 'getResponseForItem' | 'getEditResponseUrl'
  | 'withItemResponse' | 'submit';

interface FormResponseState {
  form: FormModel;
  /** The stored response; null until a script-built response is submitted. */
  stored: ResponseModel | null;
  /** Answers a script added before submitting. */
  draft: Map<ItemModel, Answer>;
}

export class FakeFormResponse implements Pick<GasFormResponse, FormResponseMethod> {
  constructor(readonly model: FormResponseState, private readonly ctx: FakeContext) {}

  /** null before it is submitted, as in Apps Script. */
  getId(): string {
    this.log('getId');
    return this.model.stored ? this.model.stored.id : (null as unknown as string);
  }

  getTimestamp(): GoogleAppsScript.Base.Date {
    this.log('getTimestamp');
    return this.model.stored ? this.ctx.dateIn(this.model.stored.timestamp) : (null as unknown as GoogleAppsScript.Base.Date);
  }

  /** '' when the form does not collect email addresses, which is what a secret ballot relies on. */
  getRespondentEmail(): string {
    this.log('getRespondentEmail');
    return this.model.stored ? this.model.stored.email : '';
  }

  /** Answered questions only, in the form's current order. */
  getItemResponses(): GasItemResponse[] {
    this.log('getItemResponses');
    const answers = this.answers();
    return this.model.form.liveItems().filter((i) => answers.has(i)).map((i) => this.itemResponse(i, answers.get(i)!));
  }

  /** null when the question was left blank. */
  getResponseForItem(item: GasItem): GasItemResponse {
    this.log('getResponseForItem');
    const model = itemModelOf(item, 'FormResponse.getResponseForItem', this.ctx);
    const value = model.deleted ? undefined : this.answers().get(model);
    return value === undefined ? (null as unknown as GasItemResponse) : this.itemResponse(model, value);
  }

  getEditResponseUrl(): string {
    this.log('getEditResponseUrl');
    const id = this.model.stored ? this.model.stored.id : '';
    return `${this.model.form.publishedUrl}?edit2=${encodeURIComponent(id)}`;
  }

  withItemResponse(response: GasItemResponse): GasFormResponse {
    this.log('withItemResponse');
    if (!(response instanceof FakeItemResponse)) throw this.ctx.exception("The parameters (object) don't match the method signature for FormApp.FormResponse.withItemResponse.");
    if (this.model.stored) throw this.ctx.exception('The fake FormResponse does not edit a submitted response.');
    if (response.model.item.form !== this.model.form) throw this.ctx.exception('The item response belongs to another form.');
    if (answered(response.model.value)) this.model.draft.set(response.model.item, response.model.value);
    else this.model.draft.delete(response.model.item);
    return exposed<GasFormResponse>(this);
  }

  submit(): GasFormResponse {
    this.log('submit');
    if (this.model.stored) throw this.ctx.exception('This response has already been submitted.');
    this.model.stored = this.model.form.record(this.ctx.now(), '', new Map(this.model.draft));
    return exposed<GasFormResponse>(this);
  }

  private answers(): Map<ItemModel, Answer> {
    return this.model.stored ? this.model.stored.answers : this.model.draft;
  }

  private itemResponse(item: ItemModel, value: Answer): GasItemResponse {
    return exposed<GasItemResponse>(new FakeItemResponse({ item, value }, this.ctx));
  }

  private log(method: FormResponseMethod): void {
    this.ctx.calls.record(`FormResponse.${method}`, this.model.form.id);
  }
}

export const formResponseSurface: ExactSurface<FakeFormResponse, FormResponseMethod> = true;

export type FormAppMember =
  | 'create' | 'openById' | 'openByUrl' | 'getActiveForm' | 'createGridValidation' | 'createCheckboxGridValidation'
  | 'ItemType' | 'DestinationType';

export class FakeFormApp implements Pick<GoogleAppsScript.Forms.FormApp, FormAppMember> {
  readonly ItemType = ItemType;
  readonly DestinationType = DestinationType;

  constructor(readonly model: FormsModel, private readonly ctx: FakeContext) {}

  create(title: string): GasForm {
    this.ctx.calls.record('FormApp.create');
    return this.form(this.model.create(String(title)));
  }

  openById(id: string): GasForm {
    this.ctx.calls.record('FormApp.openById', String(id));
    const form = this.model.byId(String(id));
    if (!form) throw this.ctx.exception(NO_SUCH_FORM);
    return this.form(form);
  }

  /** The edit URL, or the /viewform URL that Spreadsheet.getFormUrl() gives; not the /d/e/… public link. */
  openByUrl(url: string): GasForm {
    this.ctx.calls.record('FormApp.openByUrl');
    const id = /\/forms\/d\/([A-Za-z0-9_-]+)/.exec(String(url))?.[1];
    const form = id === undefined || id === 'e' ? undefined : this.model.byId(id);
    if (!form) throw this.ctx.exception(NO_SUCH_FORM);
    return this.form(form);
  }

  /** null outside a script bound to a form, which is where an add-on in Sheets runs (the typings omit the null). */
  getActiveForm(): GasForm {
    this.ctx.calls.record('FormApp.getActiveForm');
    const form = this.model.activeFormId === null ? undefined : this.model.byId(this.model.activeFormId);
    return form ? this.form(form) : (null as unknown as GasForm);
  }

  createGridValidation(): GoogleAppsScript.Forms.GridValidationBuilder {
    this.ctx.calls.record('FormApp.createGridValidation');
    return exposed<GoogleAppsScript.Forms.GridValidationBuilder>(new FakeGridValidationBuilder(this.ctx, 'GridValidationBuilder'));
  }

  createCheckboxGridValidation(): GoogleAppsScript.Forms.CheckboxGridValidationBuilder {
    this.ctx.calls.record('FormApp.createCheckboxGridValidation');
    return exposed<GoogleAppsScript.Forms.CheckboxGridValidationBuilder>(new FakeGridValidationBuilder(this.ctx, 'CheckboxGridValidationBuilder'));
  }

  private form(model: FormModel): GasForm {
    return exposed<GasForm>(new FakeForm(model, this.ctx));
  }
}

export const formAppSurface: ExactSurface<FakeFormApp, FormAppMember> = true;
