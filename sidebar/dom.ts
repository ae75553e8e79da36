/**
 * Element builders for the sidebar. Every string that reaches the page goes in
 * as a text node, never through innerHTML: names and messages come from sheets
 * that respondents fill in, so a candidate called `<img src=x onerror=…>` must
 * show as those characters and run nothing.
 */

export type Child = Node | string | number | null | undefined | false;

export interface Props {
  id?: string;
  class?: string;
  /** Attributes set with setAttribute; event handler attributes (on…) are refused. */
  attrs?: Record<string, string | boolean | undefined>;
}

/** `<tag props>children</tag>`, the children as nodes or text. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (props.id) element.id = props.id;
  if (props.class) element.className = props.class;
  for (const [name, value] of Object.entries(props.attrs ?? {})) setAttr(element, name, value);
  append(element, ...children);
  return element;
}

/** Sets, or removes when false or undefined, one attribute; `on…` attributes would run text as code. */
export function setAttr(element: Element, name: string, value: string | boolean | undefined): void {
  if (/^on/i.test(name) || name.toLowerCase() === 'srcdoc') throw new Error(`the sidebar never sets the ${name} attribute`);
  if (value === false || value === undefined) element.removeAttribute(name);
  else element.setAttribute(name, value === true ? '' : value);
}

export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
  }
}

/** Replaces everything inside `parent`. */
export function fill(parent: Node, ...children: Child[]): void {
  while (parent.firstChild) parent.removeChild(parent.firstChild);
  append(parent, ...children);
}

let nextId = 0;
/** A page-unique id, to tie a label or an explanation to its control. */
export function uid(prefix: string): string {
  nextId += 1;
  return `${prefix}-${nextId}`;
}

/** A button; `action` is the add-ons CSS's blue primary button. */
export function button(text: string, onClick: () => void, kind: 'action' | 'plain' = 'plain'): HTMLButtonElement {
  const b = h('button', { class: kind === 'action' ? 'action' : undefined, attrs: { type: 'button' } }, text);
  b.addEventListener('click', onClick);
  return b;
}

/** A `<select>` of [value, text] pairs; `new Option` sets the text as text. */
export function select(id: string, options: ReadonlyArray<readonly [value: string, text: string]>, value: string): HTMLSelectElement {
  const s = h('select', { id });
  setOptions(s, options, value);
  return s;
}

export function setOptions(s: HTMLSelectElement, options: ReadonlyArray<readonly [value: string, text: string]>, value: string): void {
  fill(s, ...options.map(([v, text]) => new Option(text, v, false, v === value)));
  s.value = value;
}

/**
 * A labelled control with its explanation underneath, read out with the control
 * (aria-describedby). Returns the explanation element so it can be updated live.
 */
export function field(label: string, control: HTMLElement, explanation = ''): { row: HTMLElement; help: HTMLElement } {
  const controlId = control.id || uid('control');
  control.id = controlId;
  const help = h('p', { id: `${controlId}-help`, class: 'help' }, explanation);
  setAttr(control, 'aria-describedby', help.id);
  const row = h('div', { class: 'field' }, h('label', { attrs: { for: controlId } }, label), control, help);
  return { row, help };
}

/** A checkbox with its label beside it. */
export function checkbox(id: string, label: string, checked: boolean): { row: HTMLElement; input: HTMLInputElement } {
  const input = h('input', { id, attrs: { type: 'checkbox' } });
  input.checked = checked;
  return { row: h('div', { class: 'check' }, input, h('label', { attrs: { for: id } }, label)), input };
}
