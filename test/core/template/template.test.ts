import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate, namesUsed, parse, render, repeatedList, TemplateError, type Facts } from '../../../src/core/template';

const md = (template: string, facts: Facts) => render(template, facts, { format: 'markdown' });

describe('placeholders', () => {
  it('are replaced by the facts of the result, with spaces inside the braces allowed', () => {
    expect(md('{{group}} votes on {{ race }}.', { group: 'Riverside Indivisible', race: 'Mayor' }).text).toBe(
      'Riverside Indivisible votes on Mayor.',
    );
  });

  it('read a list item by a dotted name; outside a repetition that is the first item, as in a letter to one candidate', () => {
    expect(md('Dear {{candidate.name}},', { candidate: [{ name: 'Ben Okafor' }, { name: 'Ana Diaz' }] }).text).toBe('Dear Ben Okafor,');
  });

  it('with no fact stay visible and are reported by name, once each', () => {
    const result = md('{{endorsment}} and {{endorsment}}, {{round.votes}}', { endorsed: 'Ana' });
    expect(result.text).toBe('{{endorsment}} and {{endorsment}}, {{round.votes}}');
    expect(result.unfilled).toEqual(['endorsment', 'round.votes']);
  });

  it('are unfilled when the fact is a list or a yes/no, which only #each and #if can use', () => {
    const result = md('{{candidate}} {{runoff}}', { candidate: [{ name: 'Ana' }], runoff: true });
    expect(result.text).toBe('{{candidate}} {{runoff}}');
    expect(result.unfilled).toEqual(['candidate', 'runoff']);
  });

  it('never read names from the prototype of the facts', () => {
    expect(md('{{constructor}} {{toString}}', {}).unfilled).toEqual(['constructor', 'toString']);
    expect(md('{{#if constructor}}x{{/if}}{{#each hasOwnProperty}}y{{/each}}', {}).unfilled).toEqual(['constructor', 'hasOwnProperty']);
  });

  it('take an empty text as a fact', () => {
    expect(md('[{{turnout}}]', { turnout: '' })).toEqual({ text: '[]', unfilled: [] });
  });
});

describe('values are inserted literally', () => {
  const hostile = ['{{group}}', '$1 \\ (x)', "$& $' $` $$", '{{#if endorsed}}x{{/if}}', '<script>alert(1)</script>', '**bold** _it_ | # 1.'];

  it.each(hostile)('a candidate named %j appears as written in Markdown, never re-expanded', (name) => {
    expect(md('Endorsed: {{endorsed}}.', { endorsed: name, group: 'WRONG' }).text).toBe(`Endorsed: ${name}.`);
  });

  it.each(hostile)('a candidate named %j appears as written in plain text, never read as Markdown', (name) => {
    expect(render('Endorsed: {{endorsed}}', { endorsed: name, group: 'WRONG' }, { format: 'text' }).text).toBe(`Endorsed: ${name}`);
  });

  it('in HTML every value is escaped and none becomes markup or emphasis', () => {
    const { text } = render('**{{endorsed}}** for {{race}}', { endorsed: '<b>Ana</b> & *Bo*', race: '$1 \\ (x)' }, { format: 'html' });
    expect(text).toBe('<p><strong>&lt;b&gt;Ana&lt;/b&gt; &amp; *Bo*</strong> for $1 \\ (x)</p>');
  });

  it('a value starting like a heading, list or table row stays a sentence in HTML', () => {
    const html = (value: string) => render('{{v}}', { v: value }, { format: 'html' }).text;
    expect(html('# Ana')).toBe('<p># Ana</p>');
    expect(html('- Ana')).toBe('<p>- Ana</p>');
    expect(html('1. Ana')).toBe('<p>1. Ana</p>');
    expect(html('| Ana |')).toBe('<p>| Ana |</p>');
  });

  it('holds for any value: Markdown gives it back as it is, plain text too', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (value) => {
        expect(md('<{{v}}>', { v: value, group: 'X' }).text).toBe(`<${value}>`);
        if (!/[\r\n]/.test(value)) expect(render('<{{v}}>', { v: value }, { format: 'text' }).text).toBe(`<${value}>`);
      }),
    );
  });
});

describe('conditionals', () => {
  const outcome = '{{#if endorsed}}We endorse {{endorsed}}.{{else}}No endorsement.{{/if}}';

  it('choose the first branch when the fact is a non-empty text', () => {
    expect(md(outcome, { endorsed: 'Ana Diaz' }).text).toBe('We endorse Ana Diaz.');
  });

  it('choose the else branch when the fact is empty', () => {
    expect(md(outcome, { endorsed: '' }).text).toBe('No endorsement.');
  });

  it.each([
    [true, 'yes'],
    [false, 'no'],
    [[{ name: 'Ana' }], 'yes'],
    [[], 'no'],
    ['x', 'yes'],
    ['', 'no'],
  ] as const)('take %j as %s', (value, expected) => {
    expect(md('{{#if x}}yes{{else}}no{{/if}}', { x: value as Facts[string] }).text).toBe(expected);
  });

  it('nest', () => {
    const template = '{{#if endorsed}}{{#if embargo}}Embargoed until {{embargo}}. {{/if}}Go {{endorsed}}{{else}}None{{/if}}';
    expect(md(template, { endorsed: 'Ana', embargo: 'June 2' }).text).toBe('Embargoed until June 2. Go Ana');
    expect(md(template, { endorsed: 'Ana', embargo: '' }).text).toBe('Go Ana');
  });

  it('on an unknown name take the else branch and report the name', () => {
    expect(md(outcome, {})).toEqual({ text: 'No endorsement.', unfilled: ['endorsed'] });
  });

  it('span lines, and a line holding only a block tag leaves no empty line', () => {
    const template = 'Result:\n{{#if endorsed}}\nWe endorse {{endorsed}}.\n{{else}}\nNo endorsement.\n{{/if}}\nThanks.\n';
    expect(md(template, { endorsed: 'Ana' }).text).toBe('Result:\nWe endorse Ana.\nThanks.\n');
    expect(md(template, { endorsed: '' }).text).toBe('Result:\nNo endorsement.\nThanks.\n');
  });
});

describe('repetition', () => {
  const table = ['| Round | Option | Votes |', '|---|---|--:|', '| {{round.label}} | {{round.option}} | {{round.votes}} |', '', 'End'].join('\n');
  const rounds = [
    { label: 'Round 1', option: 'Ana', votes: '30' },
    { label: 'Runoff', option: 'Ana', votes: '38' },
  ];

  it('a table row naming round.* is repeated once per round, keeping the rest of the table', () => {
    expect(md(table, { round: rounds }).text).toBe(
      ['| Round | Option | Votes |', '|---|---|--:|', '| Round 1 | Ana | 30 |', '| Runoff | Ana | 38 |', '', 'End'].join('\n'),
    );
  });

  it('a row over an empty list disappears and leaves no empty line in the table', () => {
    expect(md(table, { round: [] }).text).toBe(['| Round | Option | Votes |', '|---|---|--:|', '', 'End'].join('\n'));
  });

  it('a row whose list is missing is kept once with its placeholders reported', () => {
    const result = md(table, {});
    expect(result.text).toBe(table);
    expect(result.unfilled).toEqual(['round.label', 'round.option', 'round.votes']);
  });

  it('a repeated row may also use the shared facts and its own conditionals', () => {
    const template = '| {{candidate.name}} | {{#if candidate.endorsed}}endorsed by {{group}}{{/if}} |';
    const facts = { group: 'RI', candidate: [{ name: 'Ana', endorsed: true }, { name: 'Ben', endorsed: false }] };
    expect(md(template, facts).text).toBe('| Ana | endorsed by RI |\n| Ben |  |');
  });

  it('a row cannot repeat over two lists', () => {
    expect(() => parse('intro\n| {{round.votes}} | {{candidate.name}} |')).toThrow('line 2: this table row names round.* and candidate.*');
  });

  it('{{#each}} repeats text outside tables, each item read by the list name', () => {
    const template = 'Candidates:\n{{#each candidate}}\n- {{candidate.name}} ({{group}})\n{{/each}}\nEnd';
    const facts = { group: 'RI', candidate: [{ name: 'Ana' }, { name: 'Ben' }] };
    expect(md(template, facts).text).toBe('Candidates:\n- Ana (RI)\n- Ben (RI)\nEnd');
  });

  it('{{#each}} over a name the facts lack writes nothing and reports it', () => {
    expect(md('a{{#each rounds}}{{rounds.x}}{{/each}}b', { round: [] })).toEqual({ text: 'ab', unfilled: ['rounds'] });
  });

  it('a table row inside {{#each round}} is not repeated again', () => {
    const template = '{{#each round}}\n| {{round.label}} |\n{{/each}}';
    expect(md(template, { round: rounds }).text).toBe('| Round 1 |\n| Runoff |\n');
  });

  it("the Docs side asks which list a table row's cells repeat over", () => {
    expect(repeatedList(['{{round.label}}', '{{round.votes}} votes'])).toBe('round');
    expect(repeatedList(['{{group}}', 'Total'])).toBeNull();
    expect(repeatedList(['{{candidate.name}}'], ['candidate'])).toBeNull();
    expect(() => repeatedList(['{{round.label}}', '{{candidate.name}}'])).toThrow(TemplateError);
  });
});

describe('malformed templates are refused, naming the line', () => {
  it.each([
    ['Hello\n{{#if endorsed}}\nyes', 'line 2: {{#if endorsed}} is never closed by {{/if}}'],
    ['Dear {{name', "line 1: '{{name' is not closed by '}}'"],
    ['a\nb\n{{/if}}', 'line 3: {{/if}} closes no {{#if}}'],
    ['{{#each round}}\n{{/if}}', 'line 2: {{/if}} closes no {{#if}} ({{#each round}} opened on line 1)'],
    ['{{else}}', 'line 1: {{else}} belongs inside {{#if}}'],
    ['{{#if a}}x{{else}}y{{else}}z{{/if}}', 'line 1: {{else}} belongs inside {{#if}}…{{/if}}, once'],
    ['{{#if}}x{{/if}}', 'line 1: {{#if}} takes one fact name'],
    ['{{#unless a}}x{{/unless}}', "line 1: '{{#unless a}}' is not a block"],
    ['x\n{{group name}}', "line 2: '{{group name}}' is not a placeholder"],
    ['{{}}', "line 1: '{{}}' is not a placeholder"],
    ['| {{#if round.share}}{{round.share}} |\n{{/if}}', "line 1: {{#if round.share}} is never closed by {{/if}} (a table row repeated for each 'round'"],
  ])('%j', (template, message) => {
    expect(() => parse(template, 'members.md')).toThrow(TemplateError);
    expect(() => parse(template, 'members.md')).toThrow(`members.md, ${message}`);
  });

  it('a template given as paragraphs names the paragraph', () => {
    expect(() => parse(['Title', 'Dear {{candidate.name', 'Bye'], 'Letter')).toThrow('Letter, paragraph 2:');
  });
});

describe('a Doc read as paragraphs', () => {
  const paragraphs = ['Dear {{candidate.name}},', '{{#if endorsed}}', 'Congratulations, {{endorsed}}!', '{{/if}}', '{{missing}}'];

  it('renders like the same lines of text', () => {
    expect(render(paragraphs, { candidate: [{ name: 'Ana' }], endorsed: 'Ana' }).text).toBe(
      render(paragraphs.join('\n'), { candidate: [{ name: 'Ana' }], endorsed: 'Ana' }).text,
    );
  });

  it('gives every value the paragraph and offsets of the placeholder it replaces, so Docs can edit in place', () => {
    const { pieces, unfilled } = evaluate(parse(paragraphs), { candidate: [{ name: 'Ana' }], endorsed: 'Ana' });
    expect(pieces.filter((p) => p.kind !== 'text' && p.kind !== 'break')).toEqual([
      { kind: 'value', name: 'candidate.name', text: 'Ana', at: { line: 1, start: 5, end: 23 } },
      { kind: 'value', name: 'endorsed', text: 'Ana', at: { line: 3, start: 17, end: 29 } },
      { kind: 'unfilled', name: 'missing', text: '{{missing}}', at: { line: 5, start: 0, end: 11 } },
    ]);
    expect(unfilled).toEqual(['missing']);
    expect(paragraphs[0]!.slice(5, 23)).toBe('{{candidate.name}}');
  });

  it('lists the names a template uses, for checking a Doc against the reference', () => {
    expect(namesUsed(parse(paragraphs))).toEqual(['candidate.name', 'endorsed', 'missing']);
    expect(namesUsed(parse('| {{round.votes}} |'))).toEqual(['round', 'round.votes']);
  });
});
