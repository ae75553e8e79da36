import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeHtml, escapeMarkdown, markdownToHtml, markdownToText } from '../../../src/core/markdown';

describe('Markdown to HTML', () => {
  it('writes headings and paragraphs, a blank line ending a paragraph', () => {
    expect(markdownToHtml('# Result\n\nWe voted\non Tuesday.\n\n## Next')).toBe('<h1>Result</h1>\n<p>We voted\non Tuesday.</p>\n<h2>Next</h2>');
  });

  it('writes bold and italic, nested, and leaves an underscore inside a word alone', () => {
    expect(markdownToHtml('**Ana** and *Ben*, __both__ _here_, *a **b** c*, snake_case_name')).toBe(
      '<p><strong>Ana</strong> and <em>Ben</em>, <strong>both</strong> <em>here</em>, <em>a <strong>b</strong> c</em>, snake_case_name</p>',
    );
  });

  it('leaves an unmatched or spaced star as a star', () => {
    expect(markdownToHtml('5 * 3 and *open')).toBe('<p>5 * 3 and *open</p>');
  });

  it('writes bulleted and numbered lists, a blank line between items keeping one list', () => {
    expect(markdownToHtml('- canvass\n- phone bank\n\n- write letters\n\n3. first\n4. second')).toBe(
      '<ul>\n<li>canvass</li>\n<li>phone bank</li>\n<li>write letters</li>\n</ul>\n<ol start="3">\n<li>first</li>\n<li>second</li>\n</ol>',
    );
  });

  it('writes a pipe table with its alignment, an escaped pipe staying in its cell', () => {
    expect(markdownToHtml('| Option | Votes |\n|:--|--:|\n| Ana \\| Bo | 30 |\n| Ben | 14')).toBe(
      [
        '<table>',
        '<thead>',
        '<tr><th style="text-align:left">Option</th><th style="text-align:right">Votes</th></tr>',
        '</thead>',
        '<tbody>',
        '<tr><td style="text-align:left">Ana | Bo</td><td style="text-align:right">30</td></tr>',
        '<tr><td style="text-align:left">Ben</td><td style="text-align:right">14</td></tr>',
        '</tbody>',
        '</table>',
      ].join('\n'),
    );
  });

  it('reads rows starting with a pipe but no delimiter row as a paragraph', () => {
    expect(markdownToHtml('| not | a table |')).toBe('<p>| not | a table |</p>');
  });

  it('never lets HTML through: tags, entities and quotes are escaped', () => {
    expect(markdownToHtml('<img src=x onerror="alert(1)"> &amp; \'q\'')).toBe(
      '<p>&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp;amp; &#39;q&#39;</p>',
    );
  });

  it('never produces a tag from any input except the few it writes', () => {
    const allowed = /^<\/?(h[1-6]|p|ul|ol|li|table|thead|tbody|tr|th|td|strong|em)( (start="\d+"|style="text-align:(left|center|right)"))?>$/;
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('<', '>', '*', '_', '|', '#', '-', '\\', '\n', 'a', ' ', '1', '.', ':', '"') }), (input) => {
        for (const tag of markdownToHtml(input).match(/<[^>]*>/g) ?? []) expect(tag).toMatch(allowed);
      }),
    );
  });
});

describe('Markdown to plain text', () => {
  it('drops the marks and aligns table columns', () => {
    expect(markdownToText('# Result\n\n**Ana** is *endorsed*.\n\n- one\n- two\n\n| Option | Votes |\n|---|--:|\n| Ana | 38 |\n| Benedict | 4 |')).toBe(
      ['Result', '', 'Ana is endorsed.', '', '- one', '- two', '', 'Option    Votes', '--------  -----', 'Ana          38', 'Benedict      4'].join('\n'),
    );
  });
});

describe('escaping a value for Markdown', () => {
  const oneLine = fc.string({ unit: 'grapheme' }).filter((s) => !/[\r\n]/.test(s) && s.trim() === s && s !== '');

  it('gives back any one-line value, in plain text and in HTML', () => {
    fc.assert(
      fc.property(oneLine, (value) => {
        expect(markdownToText(escapeMarkdown(value))).toBe(value);
        expect(markdownToHtml(escapeMarkdown(value))).toBe(`<p>${escapeHtml(value)}</p>`);
      }),
    );
  });

  it('puts a value with line breaks on one line, so it cannot start a block', () => {
    expect(markdownToText(escapeMarkdown('Ana\n# Diaz'))).toBe('Ana # Diaz');
  });
});
