/**
 * The announcement template language: `{{name}}` placeholders, `{{#if name}}…
 * {{else}}…{{/if}}`, `{{#each list}}…{{/each}}`, and table rows repeated once per
 * item of a list. A template is a list of lines (a Markdown file) or of paragraphs
 * (a Google Doc); every node keeps its line and offsets, so the Docs side can fill
 * a paragraph in place, keeping its formatting, from the same parse.
 *
 * Values are inserted as they are: never through a regular-expression replacement
 * string, never read again as template text (issue 8: a candidate named `{{group}}`
 * or `$1` is printed as written).
 */
import { escapeMarkdown, markdownToHtml, markdownToText } from './markdown';

/** The facts of a result, already formatted by the caller; lists feed repeated rows and `#each`. */
export type Facts = { [name: string]: string | boolean | Facts[] };
export type Fact = Facts[string];

/** Where a piece of template sits: 1-based line (or paragraph), 0-based offsets [start, end) in it. */
export interface Spot {
  line: number;
  start: number;
  end: number;
}

export type Node =
  | { kind: 'text'; text: string; at: Spot }
  | { kind: 'field'; name: string; at: Spot }
  | { kind: 'if'; name: string; at: Spot; then: Node[]; otherwise: Node[] }
  | { kind: 'each'; name: string; at: Spot; body: Node[] }
  /** A table row repeated once per item of `list`; `endsLine` is false only on a template's last line. */
  | { kind: 'row'; list: string; line: number; body: Node[]; endsLine: boolean }
  | { kind: 'break'; line: number };

export interface Template {
  /** The file or Doc name, for messages. */
  where: string;
  /** 'line' for text, 'paragraph' for a Doc's list of paragraphs: the word errors use. */
  unit: 'line' | 'paragraph';
  lines: readonly string[];
  nodes: Node[];
}

/** A template that cannot be read, naming the line (or paragraph) where it goes wrong. */
export class TemplateError extends Error {
  constructor(readonly where: string, readonly unit: string, readonly line: number, readonly problem: string) {
    super(`${where}, ${unit} ${line}: ${problem}`);
    this.name = 'TemplateError';
  }
}

type Block = { kind: 'if' | 'each'; name: string; at: Spot };
type Tag = { kind: 'field'; name: string; at: Spot } | Block | { kind: 'else' | '/if' | '/each'; at: Spot };
type Token = Tag | { kind: 'text'; text: string; at: Spot };
type Fail = (line: number, problem: string) => never;

const NAME = /^[\p{L}_][\p{L}\p{N}_]*(\.[\p{L}_][\p{L}\p{N}_]*)*$/u;

/** Reads a template: one string split at line ends, or a Doc's paragraphs as they are. */
export function parse(source: string | readonly string[], where = 'template'): Template {
  const unit = typeof source === 'string' ? 'line' : 'paragraph';
  const lines = typeof source === 'string' ? source.split('\n').map((l) => l.replace(/\r$/, '')) : source;
  const fail: Fail = (line, problem) => {
    throw new TemplateError(where, unit, line, problem);
  };
  const main = builder(fail, unit, '');
  lines.forEach((text, i) => {
    const line = i + 1;
    const last = i === lines.length - 1;
    const tokens = scan(text, line, fail, unit);
    const tags = tokens.filter((t): t is Tag => t.kind !== 'text');
    // Handlebars' rule: a line holding nothing but one block tag leaves no empty line behind.
    const standalone =
      tags.length === 1 && tags[0]!.kind !== 'field' && tokens.every((t) => t.kind !== 'text' || !t.text.trim());
    if (standalone) return main.add(tags[0]!);
    const list = /^\s*\|/.test(text) ? listOfRow(tokens, main.lists(), line, fail) : null;
    if (list === null) {
      tokens.forEach(main.add);
      if (!last) main.push({ kind: 'break', line });
      return;
    }
    const row = builder(fail, unit, ` (a table row repeated for each '${list}' must open and close its blocks on the same ${unit})`);
    tokens.forEach(row.add);
    main.push({ kind: 'row', list, line, body: row.finish(), endsLine: !last });
  });
  return { where, unit, lines, nodes: main.finish() };
}

function scan(text: string, line: number, fail: Fail, unit: string): Token[] {
  const tokens: Token[] = [];
  let pos = 0;
  for (let open = text.indexOf('{{'); open >= 0; open = text.indexOf('{{', pos)) {
    const close = text.indexOf('}}', open + 2);
    if (close < 0) fail(line, `'${text.slice(open, open + 20)}' is not closed by '}}' on the same ${unit}`);
    if (open > pos) tokens.push({ kind: 'text', text: text.slice(pos, open), at: { line, start: pos, end: open } });
    tokens.push(readTag(text.slice(open + 2, close), { line, start: open, end: close + 2 }, fail));
    pos = close + 2;
  }
  if (pos < text.length) tokens.push({ kind: 'text', text: text.slice(pos), at: { line, start: pos, end: text.length } });
  return tokens;
}

function readTag(inner: string, at: Spot, fail: Fail): Tag {
  const words = inner.trim().split(/\s+/);
  const [first = '', name = ''] = words;
  if (words.length === 1 && (first === 'else' || first === '/if' || first === '/each')) return { kind: first, at };
  if (first === '#if' || first === '#each') {
    if (words.length !== 2 || !NAME.test(name)) fail(at.line, `{{${first}}} takes one fact name, as in {{${first} ${first === '#if' ? 'endorsed' : 'round'}}}`);
    return { kind: first === '#if' ? 'if' : 'each', name, at };
  }
  if (first[0] === '#' || first[0] === '/') fail(at.line, `'{{${inner}}}' is not a block: use {{#if name}}…{{/if}} or {{#each list}}…{{/each}}`);
  if (words.length !== 1 || !NAME.test(first)) {
    fail(at.line, `'{{${inner}}}' is not a placeholder: a name is letters, digits and _, with a dot for a list's item, as in {{round.votes}}`);
  }
  return { kind: 'field', name: first, at };
}

const describeTag = (tag: Block): string => `{{#${tag.kind} ${tag.name}}}`;

/** Builds the tree from tokens, checking that every block opened is closed in order. */
function builder(fail: Fail, unit: string, note: string) {
  const root: Node[] = [];
  const open: { tag: Block; then: Node[]; otherwise: Node[] | null }[] = [];
  const target = (): Node[] => {
    const top = open[open.length - 1];
    return top ? (top.otherwise ?? top.then) : root;
  };
  const push = (node: Node): void => {
    target().push(node);
  };
  const add = (token: Token): void => {
    const top = open[open.length - 1];
    const opened = top ? ` (${describeTag(top.tag)} opened on ${unit} ${top.tag.at.line})` : '';
    switch (token.kind) {
      case 'text':
      case 'field':
        return push(token);
      case 'if':
      case 'each':
        open.push({ tag: token, then: [], otherwise: null });
        return;
      case 'else':
        if (!top || top.tag.kind !== 'if' || top.otherwise) fail(token.at.line, `{{else}} belongs inside {{#if}}…{{/if}}, once${opened}${note}`);
        top.otherwise = [];
        return;
      case '/if':
      case '/each': {
        const kind = token.kind.slice(1);
        if (!top || top.tag.kind !== kind) fail(token.at.line, `{{${token.kind}}} closes no {{#${kind}}}${opened}${note}`);
        open.pop();
        const { name, at } = top.tag;
        return push(kind === 'if' ? { kind: 'if', name, at, then: top.then, otherwise: top.otherwise ?? [] } : { kind: 'each', name, at, body: top.then });
      }
    }
  };
  const finish = (): Node[] => {
    const top = open[open.length - 1];
    if (top) fail(top.tag.at.line, `${describeTag(top.tag)} is never closed by {{/${top.tag.kind}}}${note}`);
    return root;
  };
  const lists = (): string[] => open.filter((o) => o.tag.kind === 'each').map((o) => o.tag.name);
  return { add, push, finish, lists };
}

const isBoundBy = (name: string, lists: readonly string[]): boolean => lists.some((list) => name.indexOf(list + '.') === 0);

/** The list a table row repeats over: the one its dotted placeholders name, unless an `#each` already does. */
function listOfRow(tokens: Token[], lists: readonly string[], line: number, fail: Fail): string | null {
  const found: string[] = [];
  const inRow: string[] = [];
  for (const token of tokens) {
    if (token.kind === 'each') inRow.push(token.name);
    if (token.kind === '/each') inRow.pop();
    if ((token.kind === 'field' || token.kind === 'if') && token.name.indexOf('.') > 0 && !isBoundBy(token.name, lists.concat(inRow))) {
      const list = token.name.split('.')[0]!;
      if (found.indexOf(list) < 0) found.push(list);
    }
  }
  if (found.length > 1) fail(line, `this table row names ${found.map((l) => `${l}.*`).join(' and ')}: a row repeats for one list only`);
  return found[0] ?? null;
}

/**
 * The list a Doc's table row repeats over, from its cells' text: what `parse`
 * decides for a Markdown row, for the Docs side, which repeats rows itself.
 */
export function repeatedList(cells: readonly string[], enclosingLists: readonly string[] = []): string | null {
  const fail: Fail = (line, problem) => {
    throw new TemplateError('table row', 'cell', line, problem);
  };
  return listOfRow(cells.reduce<Token[]>((all, cell, i) => all.concat(scan(cell, i + 1, fail, 'cell')), []), enclosingLists, 1, fail);
}

/** Every fact name a template uses, once each, in order of first use. */
export function namesUsed(template: Template): string[] {
  const names: string[] = [];
  const walk = (nodes: Node[]): void => {
    for (const node of nodes) {
      if ((node.kind === 'field' || node.kind === 'if' || node.kind === 'each') && names.indexOf(node.name) < 0) names.push(node.name);
      if (node.kind === 'row' && names.indexOf(node.list) < 0) names.push(node.list);
      if (node.kind === 'if') walk(node.then.concat(node.otherwise));
      if (node.kind === 'each' || node.kind === 'row') walk(node.body);
    }
  };
  walk(template.nodes);
  return names;
}

/** One piece of output, pointing back at the template text it comes from. */
export type Piece =
  | { kind: 'text'; text: string; at: Spot }
  /** A fact's value, replacing the placeholder at `at`. */
  | { kind: 'value'; name: string; text: string; at: Spot }
  /** A placeholder with no fact, left as written. */
  | { kind: 'unfilled'; name: string; text: string; at: Spot }
  | { kind: 'break'; line: number };

interface Scope {
  name: string;
  item: Facts;
}

const own = (facts: Facts, key: string): Fact | undefined =>
  Object.prototype.hasOwnProperty.call(facts, key) ? facts[key] : undefined;

function follow(facts: Facts, path: string[]): Fact | undefined {
  const value = own(facts, path[0]!);
  if (path.length === 1) return value;
  // Outside a repetition, `candidate.name` reads the list's first item: a letter
  // is filled with the one candidate it is addressed to.
  return Array.isArray(value) && value.length > 0 ? follow(value[0]!, path.slice(1)) : undefined;
}

function lookup(name: string, facts: Facts, scopes: readonly Scope[]): Fact | undefined {
  for (let i = scopes.length - 1; i >= 0; i--) {
    const scope = scopes[i]!;
    if (name.indexOf(scope.name + '.') === 0) return follow(scope.item, name.slice(scope.name.length + 1).split('.'));
  }
  return follow(facts, name.split('.'));
}

/** What `{{#if}}` takes as true: true, a non-empty text, a non-empty list. */
export const truthy = (value: Fact | undefined): boolean =>
  value === true || (typeof value === 'string' && value !== '') || (Array.isArray(value) && value.length > 0);

/**
 * Fills a template: the output as pieces of template text and values, and the
 * names with no fact (unknown, a list or yes/no where text is wanted, or an
 * `#if`/`#each` on a name the facts lack), once each.
 */
export function evaluate(template: Template, facts: Facts): { pieces: Piece[]; unfilled: string[] } {
  const pieces: Piece[] = [];
  const unfilled: string[] = [];
  const miss = (name: string): void => {
    if (unfilled.indexOf(name) < 0) unfilled.push(name);
  };
  const walk = (nodes: readonly Node[], scopes: readonly Scope[]): void => {
    for (const node of nodes) {
      if (node.kind === 'text' || node.kind === 'break') {
        pieces.push(node);
      } else if (node.kind === 'field') {
        const value = lookup(node.name, facts, scopes);
        if (typeof value === 'string') {
          pieces.push({ kind: 'value', name: node.name, text: value, at: node.at });
        } else {
          miss(node.name);
          const written = template.lines[node.at.line - 1]!.slice(node.at.start, node.at.end);
          pieces.push({ kind: 'unfilled', name: node.name, text: written, at: node.at });
        }
      } else if (node.kind === 'if') {
        const value = lookup(node.name, facts, scopes);
        if (value === undefined) miss(node.name);
        walk(truthy(value) ? node.then : node.otherwise, scopes);
      } else if (node.kind === 'each') {
        const value = lookup(node.name, facts, scopes);
        if (Array.isArray(value)) value.forEach((item) => walk(node.body, scopes.concat({ name: node.name, item })));
        else miss(node.name);
      } else {
        const value = lookup(node.list, facts, scopes);
        // Without the list, the row is kept once and its placeholders are reported.
        const items: (Facts | null)[] = Array.isArray(value) ? value : [null];
        items.forEach((item, i) => {
          walk(node.body, item ? scopes.concat({ name: node.list, item }) : scopes);
          if (node.endsLine || i < items.length - 1) pieces.push({ kind: 'break', line: node.line });
        });
      }
    }
  };
  walk(template.nodes, []);
  return { pieces, unfilled };
}

export type Format = 'markdown' | 'html' | 'text';

export interface Rendered {
  text: string;
  /** Placeholder names with no fact, e.g. 'endorsment': left visible in `text` and reported here. */
  unfilled: string[];
}

/**
 * Fills a template and writes it as Markdown (values as written), HTML (every
 * value escaped, never read as Markdown or HTML) or plain text.
 */
export function render(template: Template | string | readonly string[], facts: Facts, options: { format?: Format } = {}): Rendered {
  const parsed = typeof template !== 'string' && 'nodes' in template ? template : parse(template);
  const { pieces, unfilled } = evaluate(parsed, facts);
  const format = options.format ?? 'markdown';
  const literal = format === 'markdown' ? (text: string) => text : escapeMarkdown;
  const markdown = pieces
    .map((p) => (p.kind === 'break' ? '\n' : p.kind === 'text' ? p.text : literal(p.text)))
    .join('');
  const text = format === 'html' ? markdownToHtml(markdown) : format === 'text' ? markdownToText(markdown) : markdown;
  return { text, unfilled };
}
