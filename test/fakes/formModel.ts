/**
 * The state behind the FormApp fakes: forms, their items and their responses,
 * as Google Forms holds them. Tests read it directly, without being counted as
 * service calls, and submit responses through it as a respondent would; Forms'
 * own checks on a respondent (required questions, one response per column,
 * one response per user, a closed form) are applied here.
 */

export type ItemKind = 'MULTIPLE_CHOICE' | 'CHECKBOX' | 'GRID' | 'CHECKBOX_GRID' | 'TEXT' | 'SECTION_HEADER';

/** What a respondent gave: a choice or text; ticked boxes; one column (or none) per grid row; ticked columns per grid row. */
export type Answer = string | string[] | (string | null)[] | (string[] | null)[];

/** A grid's validation, as FormApp.createGridValidation()…build() made it. */
export interface GridRule {
  helpText: string;
  onePerColumn: boolean;
}

export class ItemModel {
  title = '';
  helpText = '';
  required = false;
  /** Multiple choice and checkbox items. */
  choices: string[] = [];
  otherOption = false;
  /** Grid items. */
  rows: string[] = [];
  columns: string[] = [];
  validation: GridRule | null = null;
  deleted = false;

  constructor(readonly form: FormModel, readonly id: number, readonly kind: ItemKind) {}

  get isQuestion(): boolean {
    return this.kind !== 'SECTION_HEADER';
  }

  get isGrid(): boolean {
    return this.kind === 'GRID' || this.kind === 'CHECKBOX_GRID';
  }
}

export interface ResponseModel {
  id: string;
  /** Epoch ms. */
  timestamp: number;
  /** The address Forms recorded: '' unless the form collects email. */
  email: string;
  /** Answered questions only; an item left blank has no entry, as in Forms. */
  answers: Map<ItemModel, Answer>;
}

/** A linked sheet's column: a question, or one row of a grid question, by a key that survives renaming. */
interface SheetColumn {
  key: string;
  header: string;
}

/** Called as Forms appends a response to its destination sheet (header as it now stands, then the row). */
export type SubmitRowListener = (formId: string, headerRow: string[], row: unknown[]) => void;

export class FormModel {
  title: string;
  description = '';
  collectEmail = false;
  limitOneResponsePerUser = false;
  requireLogin = false;
  allowResponseEdits = false;
  acceptingResponses = true;
  destination: { type: 'SPREADSHEET'; id: string } | null = null;
  readonly items: ItemModel[] = [];
  readonly responses: ResponseModel[] = [];
  /** Accounts that responded, for "limit to one response". */
  readonly respondents = new Set<string>();
  /** The linked sheet's columns: Forms never removes one, even when its question is deleted. */
  private readonly sheetColumns: SheetColumn[] = [];

  constructor(readonly forms: FormsModel, readonly id: string, title: string) {
    this.title = title;
  }

  get editUrl(): string {
    return `https://docs.google.com/forms/d/${this.id}/edit`;
  }

  get publishedUrl(): string {
    return `https://docs.google.com/forms/d/e/${this.publishedId}/viewform`;
  }

  get publishedId(): string {
    return `1FAIpQLSe${this.id.slice(-20)}`;
  }

  /** Items in form order, deleted ones gone. */
  liveItems(): ItemModel[] {
    return this.items.filter((i) => !i.deleted);
  }

  addItem(kind: ItemKind): ItemModel {
    const item = new ItemModel(this, this.forms.nextItemId(), kind);
    this.items.push(item);
    return item;
  }

  item(key: ItemModel | number | string): ItemModel {
    const live = this.liveItems();
    const found = typeof key === 'object' ? live.find((i) => i === key)
      : typeof key === 'number' ? live.find((i) => i.id === key)
      : live.filter((i) => i.title === key);
    if (Array.isArray(found)) {
      if (found.length !== 1) throw new Error(`form "${this.title}" has ${found.length} items titled "${key}"`);
      return found[0]!;
    }
    if (!found) throw new Error(`form "${this.title}" has no item ${typeof key === 'object' ? key.id : key}`);
    return found;
  }

  /**
   * A respondent submits the form. Forms would not let through what is refused
   * here (the test made a mistake, or checks that Forms stops it): a closed form,
   * a missing required answer, a value that is not a choice, a second response
   * when limited to one, an anonymous response when sign-in is required.
   */
  submit(account: string | null, at: number, given: Map<ItemModel, Answer>): ResponseModel {
    const refuse = (why: string) => new Error(`Forms would not accept this response to "${this.title}": ${why}`);
    if (!this.acceptingResponses) throw refuse('the form is not accepting responses');
    const signInNeeded = this.limitOneResponsePerUser || this.requireLogin || this.collectEmail;
    if (signInNeeded && !account) throw refuse('the form requires signing in (or an email), and none was given');
    if (this.limitOneResponsePerUser && account && this.respondents.has(account.toLowerCase())) {
      throw refuse(`${account} has already responded, and the form is limited to one response`);
    }
    const answers = new Map<ItemModel, Answer>();
    for (const [item, value] of given) {
      if (item.form !== this || item.deleted) throw refuse(`item ${item.id} is not on this form`);
      const problem = answerProblem(item, value, true);
      if (problem) throw refuse(`"${item.title}": ${problem}`);
      const stored = stripBlanks(item, value);
      if (answered(stored)) answers.set(item, stored);
    }
    for (const item of this.liveItems()) {
      const value = answers.get(item);
      if (item.required && (!value || (item.isGrid && (value as unknown[]).some((v) => v === null)))) {
        throw refuse(`"${item.title}" is required${item.isGrid ? ' in every row' : ''}`);
      }
    }
    if (account) this.respondents.add(account.toLowerCase());
    return this.record(at, this.collectEmail && account ? account : '', answers);
  }

  /** Stores a response and, when the form has a destination, appends its row to the linked sheet. */
  record(at: number, email: string, answers: Map<ItemModel, Answer>): ResponseModel {
    const response: ResponseModel = { id: this.forms.nextResponseId(), timestamp: at, email, answers };
    this.responses.push(response);
    if (this.destination) {
      const { header, row } = this.sheetRow(response);
      this.forms.onSubmitRow?.(this.id, header, row);
    }
    return response;
  }

  /**
   * The row Forms appends: Timestamp, Email Address when collected, then one
   * column per question ("Title [Row]" per grid row), ticked boxes joined by ", ".
   * A new question adds a column at the end; a renamed one renames its column.
   */
  sheetRow(response: ResponseModel): { header: string[]; row: unknown[] } {
    const cells = new Map<string, unknown>([['timestamp', new Date(response.timestamp)]]);
    const current: SheetColumn[] = [{ key: 'timestamp', header: 'Timestamp' }];
    if (this.collectEmail) {
      current.push({ key: 'email', header: 'Email Address' });
      cells.set('email', response.email);
    }
    for (const item of this.liveItems().filter((i) => i.isQuestion)) {
      const value = response.answers.get(item);
      if (!item.isGrid) {
        current.push({ key: `${item.id}`, header: item.title });
        cells.set(`${item.id}`, value === undefined ? '' : Array.isArray(value) ? value.join(', ') : value);
        continue;
      }
      item.rows.forEach((row, r) => {
        current.push({ key: `${item.id}[${r}]`, header: `${item.title} [${row}]` });
        const cell = value === undefined ? null : (value as (string | string[] | null)[])[r];
        cells.set(`${item.id}[${r}]`, cell === null || cell === undefined ? '' : Array.isArray(cell) ? cell.join(', ') : cell);
      });
    }
    for (const column of current) {
      const known = this.sheetColumns.find((c) => c.key === column.key);
      if (known) known.header = column.header;
      else this.sheetColumns.push({ ...column });
    }
    return {
      header: this.sheetColumns.map((c) => c.header),
      row: this.sheetColumns.map((c) => (cells.has(c.key) ? cells.get(c.key) : '')),
    };
  }
}

export class FormsModel {
  readonly forms: FormModel[] = [];
  /** The form a script is bound to (FormApp.getActiveForm); none for an add-on in Sheets. */
  activeFormId: string | null = null;
  private itemIds = 1_000_000_000;
  private responseIds = 0;

  constructor(readonly onSubmitRow?: SubmitRowListener) {}

  create(title: string): FormModel {
    const n = this.forms.length + 1;
    const form = new FormModel(this, `1FakeForm${String(n).padStart(4, '0')}${'x'.repeat(31)}`, title);
    this.forms.push(form);
    return form;
  }

  byId(id: string): FormModel | undefined {
    return this.forms.find((f) => f.id === id);
  }

  nextItemId(): number {
    this.itemIds += 7_919; // ids are large and not consecutive in Forms; nothing should count on either
    return this.itemIds;
  }

  nextResponseId(): string {
    this.responseIds += 1;
    return `2_ABaOnud${String(this.responseIds).padStart(8, '0')}`;
  }
}

/** A blank grid row is null, whether the test wrote it as null, '' or []; other answers are copied. */
export function stripBlanks(item: ItemModel, value: Answer): Answer {
  if (typeof value === 'string') return value;
  if (!item.isGrid) return [...(value as string[])];
  return (value as unknown[]).map((cell) =>
    cell === null || cell === '' || (Array.isArray(cell) && cell.length === 0) ? null : Array.isArray(cell) ? [...cell] : cell) as Answer;
}

/** False for what Forms stores as no answer at all: blank text, no box ticked, every grid row blank. */
export function answered(value: Answer): boolean {
  if (typeof value === 'string') return value !== '';
  return value.some((v) => v !== null && v !== '' && !(Array.isArray(v) && v.length === 0));
}

/**
 * Why a value cannot be this item's answer, or null. `strict` (a respondent)
 * also holds choices to the item's list; a script's createResponse is only
 * held to the value's shape.
 */
export function answerProblem(item: ItemModel, value: unknown, strict: boolean): string | null {
  const isText = (v: unknown): v is string => typeof v === 'string';
  const offered = (v: string, among: string[]) => !strict || among.includes(v) || (item.kind !== 'GRID' && item.kind !== 'CHECKBOX_GRID' && item.otherOption);
  switch (item.kind) {
    case 'SECTION_HEADER':
      return 'a section header takes no answer';
    case 'TEXT':
      return isText(value) ? null : `expected text, got ${JSON.stringify(value)}`;
    case 'MULTIPLE_CHOICE':
      if (!isText(value)) return `expected one choice, got ${JSON.stringify(value)}`;
      return value === '' || offered(value, item.choices) ? null : `"${value}" is not one of its choices`;
    case 'CHECKBOX': {
      if (!Array.isArray(value) || !value.every(isText)) return `expected a list of choices, got ${JSON.stringify(value)}`;
      const odd = value.find((v) => !offered(v, item.choices));
      return odd === undefined ? null : `"${odd}" is not one of its choices`;
    }
    case 'GRID':
    case 'CHECKBOX_GRID': {
      const multi = item.kind === 'CHECKBOX_GRID';
      const shape = multi ? 'a list of ticked columns (or null) per row' : 'one column (or null) per row';
      if (!Array.isArray(value) || value.length !== item.rows.length) return `expected ${shape}, ${item.rows.length} rows`;
      const picked: string[] = [];
      for (const cell of value as unknown[]) {
        if (cell === null || cell === '') continue;
        const cols = multi ? cell : [cell];
        if (!Array.isArray(cols) || !cols.every(isText)) return `expected ${shape}, got ${JSON.stringify(cell)}`;
        const odd = cols.find((c) => !offered(c, item.columns));
        if (odd !== undefined) return `"${odd}" is not one of its columns`;
        picked.push(...cols);
      }
      const twice = picked.find((c, i) => picked.indexOf(c) !== i);
      if (strict && item.validation?.onePerColumn && twice !== undefined) return `"${twice}" is chosen in two rows, but the grid allows one response per column`;
      return null;
    }
  }
}
