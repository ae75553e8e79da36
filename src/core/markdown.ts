/**
 * The small Markdown our announcements are written in: headings, paragraphs,
 * **bold** and *italic*, bulleted and numbered lists, and pipe tables whose rows
 * start with `|`. Nothing else is interpreted, and nothing passes through raw:
 * HTML written in a template comes out as text, so the output is safe to show.
 */

export type Inline = { kind: 'text'; text: string } | { kind: 'strong' | 'em'; children: Inline[] };
export type Align = 'left' | 'center' | 'right' | null;
export type Block =
  | { kind: 'heading'; level: number; content: Inline[] }
  | { kind: 'paragraph'; content: Inline[] }
  | { kind: 'list'; ordered: boolean; start: number; items: Inline[][] }
  | { kind: 'table'; align: Align[]; header: Inline[][]; rows: Inline[][][] };

// CommonMark: a backslash before ASCII punctuation makes it literal.
const PUNCTUATION = /[!-/:-@[-`{-~]/;
const PUNCTUATION_ALL = /[!-/:-@[-`{-~]/g;
const HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const BULLET = /^ {0,3}[-*+][ \t]+(.*)$/;
const NUMBERED = /^ {0,3}(\d{1,9})[.)][ \t]+(.*)$/;
const DELIMITER_CELL = /^:?-+:?$/;

/** A value written so that Markdown shows it as it is: every punctuation mark escaped, on one line. */
export function escapeMarkdown(value: string): string {
  return value.replace(/\r\n|\r|\n/g, ' ').replace(PUNCTUATION_ALL, (mark) => '\\' + mark);
}

export function parseMarkdown(markdown: string): Block[] {
  const lines = markdown.split(/\r?\n/);
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    const heading = HEADING.exec(line);
    if (!line.trim()) {
      i++;
    } else if (heading) {
      blocks.push({ kind: 'heading', level: heading[1]!.length, content: parseInline(heading[2] ?? '') });
      i++;
    } else if (tableStartsAt(lines, i)) {
      i = readTable(lines, i, blocks);
    } else if (listItem(line)) {
      i = readList(lines, i, blocks);
    } else {
      const text: string[] = [];
      while (i < lines.length && lines[i]!.trim() && !startsBlock(lines, i)) text.push(lines[i++]!.trim());
      blocks.push({ kind: 'paragraph', content: parseInline(text.join('\n')) });
    }
  }
  return blocks;
}

function startsBlock(lines: string[], i: number): boolean {
  return HEADING.test(lines[i]!) || listItem(lines[i]!) !== null || tableStartsAt(lines, i);
}

function listItem(line: string): { ordered: boolean; start: number; text: string } | null {
  const bullet = BULLET.exec(line);
  if (bullet) return { ordered: false, start: 1, text: bullet[1]! };
  const numbered = NUMBERED.exec(line);
  return numbered ? { ordered: true, start: Number(numbered[1]), text: numbered[2]! } : null;
}

function readList(lines: string[], i: number, blocks: Block[]): number {
  const first = listItem(lines[i]!)!;
  const items: string[] = [];
  while (i < lines.length) {
    const line = lines[i]!;
    const item = listItem(line);
    if (item && item.ordered === first.ordered) {
      items.push(item.text.trim());
      i++;
    } else if (!line.trim()) {
      // A blank line between two items keeps one list; before anything else it ends it.
      let next = i;
      while (next < lines.length && !lines[next]!.trim()) next++;
      const after = next < lines.length ? listItem(lines[next]!) : null;
      if (!after || after.ordered !== first.ordered) break;
      i = next;
    } else if (item || HEADING.test(line) || tableStartsAt(lines, i)) {
      break;
    } else {
      items[items.length - 1] += '\n' + line.trim();
      i++;
    }
  }
  blocks.push({ kind: 'list', ordered: first.ordered, start: first.start, items: items.map(parseInline) });
  return i;
}

function isTableRow(line: string): boolean {
  return /^\s*\|/.test(line);
}

function tableStartsAt(lines: string[], i: number): boolean {
  const next = lines[i + 1];
  if (!isTableRow(lines[i]!) || next === undefined || !isTableRow(next)) return false;
  const delimiters = splitCells(next);
  return delimiters.every((cell) => DELIMITER_CELL.test(cell)) && delimiters.length === splitCells(lines[i]!).length;
}

/** The cells of a `| a | b |` row, split at every `|` not escaped by a backslash. */
export function splitCells(line: string): string[] {
  const cells: string[] = [];
  const text = line.trim().slice(1);
  let cell = '';
  for (let k = 0; k < text.length; k++) {
    if (text[k] === '\\' && k + 1 < text.length) {
      cell += text[k]! + text[++k]!;
    } else if (text[k] === '|') {
      cells.push(cell.trim());
      cell = '';
    } else {
      cell += text[k];
    }
  }
  // The closing pipe is optional: a row ends with its last cell either way.
  if (cell.trim()) cells.push(cell.trim());
  return cells;
}

function readTable(lines: string[], i: number, blocks: Block[]): number {
  const header = splitCells(lines[i]!);
  const align = splitCells(lines[i + 1]!).map((cell): Align => {
    const left = cell[0] === ':';
    const right = cell[cell.length - 1] === ':';
    return left && right ? 'center' : right ? 'right' : left ? 'left' : null;
  });
  const rows: Inline[][][] = [];
  i += 2;
  for (; i < lines.length && isTableRow(lines[i]!); i++) {
    // GitHub's rule: a body row has as many cells as the header, padded or cut.
    const cells = splitCells(lines[i]!);
    rows.push(header.map((_, c) => parseInline(cells[c] ?? '')));
  }
  blocks.push({ kind: 'table', align, header: header.map(parseInline), rows });
  return i;
}

export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  let plain = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '\\' && i + 1 < text.length && PUNCTUATION.test(text[i + 1]!)) {
      plain += text[i + 1];
      i += 2;
    } else if (c === '*' || c === '_') {
      const marker = text[i + 1] === c ? c + c : c;
      const close = canOpen(text, i, marker) ? closerOf(text, i + marker.length, marker) : -1;
      if (close < 0) {
        plain += marker;
      } else {
        if (plain) out.push({ kind: 'text', text: plain });
        plain = '';
        out.push({ kind: marker.length === 2 ? 'strong' : 'em', children: parseInline(text.slice(i + marker.length, close)) });
        i = close;
      }
      i += marker.length;
    } else {
      plain += c;
      i++;
    }
  }
  if (plain) out.push({ kind: 'text', text: plain });
  return out;
}

const isSpace = (c: string | undefined): boolean => c === undefined || /\s/.test(c);
const isWordChar = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{N}]/u.test(c);

function canOpen(text: string, i: number, marker: string): boolean {
  if (isSpace(text[i + marker.length])) return false;
  // An underscore inside a word (snake_case) is not emphasis.
  return marker[0] === '*' || !isWordChar(text[i - 1]);
}

function closerOf(text: string, from: number, marker: string): number {
  const c = marker[0]!;
  let k = from;
  while (k < text.length) {
    if (text[k] === '\\') {
      k += 2;
      continue;
    }
    if (text[k] !== c) {
      k++;
      continue;
    }
    let run = 0;
    while (text[k + run] === c) run++;
    const fits = marker.length === 2 ? run >= 2 : run === 1;
    if (fits && k > from && !isSpace(text[k - 1]) && (c === '*' || !isWordChar(text[k + marker.length]))) return k;
    k += run;
  }
  return -1;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

function inlineHtml(content: Inline[]): string {
  return content
    .map((n) => (n.kind === 'text' ? escapeHtml(n.text) : `<${n.kind}>${inlineHtml(n.children)}</${n.kind}>`))
    .join('');
}

function inlineText(content: Inline[]): string {
  return content.map((n) => (n.kind === 'text' ? n.text : inlineText(n.children))).join('');
}

function cellHtml(tag: 'th' | 'td', content: Inline[], align: Align | undefined): string {
  return `<${tag}${align ? ` style="text-align:${align}"` : ''}>${inlineHtml(content)}</${tag}>`;
}

export function markdownToHtml(markdown: string): string {
  return parseMarkdown(markdown).map(blockHtml).join('\n');
}

function blockHtml(block: Block): string {
  switch (block.kind) {
    case 'heading':
      return `<h${block.level}>${inlineHtml(block.content)}</h${block.level}>`;
    case 'paragraph':
      return `<p>${inlineHtml(block.content)}</p>`;
    case 'list': {
      const tag = block.ordered ? 'ol' : 'ul';
      const start = block.ordered && block.start !== 1 ? ` start="${block.start}"` : '';
      return [`<${tag}${start}>`, ...block.items.map((item) => `<li>${inlineHtml(item)}</li>`), `</${tag}>`].join('\n');
    }
    case 'table': {
      const row = (tag: 'th' | 'td', cells: Inline[][]) => `<tr>${cells.map((c, i) => cellHtml(tag, c, block.align[i])).join('')}</tr>`;
      const body = block.rows.length ? ['<tbody>', ...block.rows.map((r) => row('td', r)), '</tbody>'] : [];
      return ['<table>', '<thead>', row('th', block.header), '</thead>', ...body, '</table>'].join('\n');
    }
  }
}

/** Plain text for an e-mail or a text box: the words without the marks, tables as aligned columns. */
export function markdownToText(markdown: string): string {
  return parseMarkdown(markdown).map(blockText).join('\n\n');
}

function blockText(block: Block): string {
  switch (block.kind) {
    case 'heading':
    case 'paragraph':
      return inlineText(block.content);
    case 'list':
      return block.items
        .map((item, i) => {
          const marker = block.ordered ? `${block.start + i}. ` : '- ';
          return marker + inlineText(item).split('\n').join('\n' + ' '.repeat(marker.length));
        })
        .join('\n');
    case 'table': {
      const rows = [block.header, ...block.rows].map((r) => r.map((cell) => inlineText(cell).replace(/\s+/g, ' ')));
      const widths = block.header.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
      const line = (r: string[]) =>
        r.map((cell, c) => (block.align[c] === 'right' ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!))).join('  ').trimEnd();
      return [line(rows[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
    }
  }
}
