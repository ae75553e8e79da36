/**
 * The spreadsheet's user interface: menus, alerts, toasts, sidebars and dialogs.
 * Nothing is shown; everything is recorded in a UiRecord for the test to read.
 */
import { enumOf, exposed, fakeOf, type ExactSurface, type FakeContext } from './context';
import { FakeHtmlOutput } from './html';

type Button = GoogleAppsScript.Base.Button;
type ButtonSet = GoogleAppsScript.Base.ButtonSet;
type GasMenu = GoogleAppsScript.Base.Menu;

export const Button = enumOf<typeof GoogleAppsScript.Base.Button>(['CLOSE', 'OK', 'CANCEL', 'YES', 'NO']);
export const ButtonSet = enumOf<typeof GoogleAppsScript.Base.ButtonSet>(['OK', 'OK_CANCEL', 'YES_NO', 'YES_NO_CANCEL']);

export type MenuEntry = { label: string; functionName: string } | 'separator' | MenuRecord;

export interface MenuRecord {
  /** null for the add-on menu, whose caption is the add-on's name. */
  caption: string | null;
  items: MenuEntry[];
}

export interface AlertRecord {
  title?: string;
  prompt: string;
  /** The ButtonSet's name, e.g. "OK". */
  buttons: string;
}

export interface ShownHtml {
  title: string;
  content: string;
  width: number;
  height: number;
}

/** Everything the user would have seen. */
export class UiRecord {
  menus: MenuRecord[] = [];
  alerts: AlertRecord[] = [];
  toasts: { message: string; title?: string; timeoutSeconds?: number | null }[] = [];
  sidebars: ShownHtml[] = [];
  dialogs: (ShownHtml & { modal: boolean })[] = [];
  /** Buttons the user will press at the next alerts, by name ("YES"); OK when none is queued. */
  answers: (keyof typeof Button)[] = [];
}

export type MenuMethod = 'addItem' | 'addSeparator' | 'addSubMenu' | 'addToUi';

export class FakeMenu implements Pick<GasMenu, MenuMethod> {
  readonly model: MenuRecord;

  constructor(caption: string | null, private readonly record: UiRecord, private readonly ctx: FakeContext) {
    this.model = { caption, items: [] };
  }

  addItem(caption: string, functionName: string): GasMenu {
    this.ctx.calls.record('Menu.addItem');
    this.model.items.push({ label: caption, functionName });
    return exposed<GasMenu>(this);
  }

  addSeparator(): GasMenu {
    this.ctx.calls.record('Menu.addSeparator');
    this.model.items.push('separator');
    return exposed<GasMenu>(this);
  }

  addSubMenu(menu: GasMenu): GasMenu {
    this.ctx.calls.record('Menu.addSubMenu');
    this.model.items.push(fakeOf(menu, FakeMenu, 'Menu.addSubMenu', this.ctx).model);
    return exposed<GasMenu>(this);
  }

  addToUi(): void {
    this.ctx.calls.record('Menu.addToUi');
    this.record.menus.push(this.model);
  }
}

export const menuSurface: ExactSurface<FakeMenu, MenuMethod> = true;

export type UiMember =
  | 'Button' | 'ButtonSet' | 'alert' | 'createAddonMenu' | 'createMenu'
  | 'showSidebar' | 'showModalDialog' | 'showModelessDialog';

export class FakeUi implements Pick<GoogleAppsScript.Base.Ui, UiMember> {
  readonly Button = Button;
  readonly ButtonSet = ButtonSet;

  constructor(readonly model: UiRecord, private readonly ctx: FakeContext) {}

  /** alert(prompt), alert(prompt, buttons) or alert(title, prompt, buttons); the user presses OK unless told otherwise. */
  alert(titleOrPrompt: string, promptOrButtons?: string | ButtonSet, buttons?: ButtonSet): Button {
    this.ctx.calls.record('Ui.alert');
    const titled = typeof promptOrButtons === 'string';
    const set = titled ? buttons : promptOrButtons;
    this.model.alerts.push({
      ...(titled ? { title: titleOrPrompt } : {}),
      prompt: titled ? promptOrButtons : titleOrPrompt,
      buttons: String(set ?? ButtonSet.OK),
    });
    return Button[this.model.answers.shift() ?? 'OK'];
  }

  createAddonMenu(): GasMenu {
    this.ctx.calls.record('Ui.createAddonMenu');
    return exposed<GasMenu>(new FakeMenu(null, this.model, this.ctx));
  }

  createMenu(caption: string): GasMenu {
    this.ctx.calls.record('Ui.createMenu');
    return exposed<GasMenu>(new FakeMenu(caption, this.model, this.ctx));
  }

  showSidebar(userInterface: GoogleAppsScript.HTML.HtmlOutput): void {
    this.ctx.calls.record('Ui.showSidebar');
    this.model.sidebars.push(this.shown(userInterface, 'Ui.showSidebar'));
  }

  showModalDialog(userInterface: GoogleAppsScript.HTML.HtmlOutput, title: string): void {
    this.ctx.calls.record('Ui.showModalDialog');
    this.model.dialogs.push({ ...this.shown(userInterface, 'Ui.showModalDialog'), title, modal: true });
  }

  showModelessDialog(userInterface: GoogleAppsScript.HTML.HtmlOutput, title: string): void {
    this.ctx.calls.record('Ui.showModelessDialog');
    this.model.dialogs.push({ ...this.shown(userInterface, 'Ui.showModelessDialog'), title, modal: false });
  }

  private shown(output: GoogleAppsScript.HTML.HtmlOutput, what: string): ShownHtml {
    const { model } = fakeOf(output, FakeHtmlOutput, what, this.ctx);
    return { ...model };
  }
}

export const uiSurface: ExactSurface<FakeUi, UiMember> = true;
