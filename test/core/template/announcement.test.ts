import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATES, letterFacts, placeholderList } from '../../../src/core/announcement';
import { namesUsed, parse, render, type Facts } from '../../../src/core/template';

const endorsedFacts: Facts = {
  group: 'Riverside Indivisible',
  race: 'District Attorney',
  endorsed: 'Ana Diaz',
  endorsedList: [{ name: 'Ana Diaz' }],
  outcome: 'Ana Diaz endorsed',
  summary: 'Ana Diaz is endorsed with 38 of 52 votes (73.1%) in the runoff; two-thirds were needed.',
  threshold: '2/3',
  thresholdWords: 'at least two-thirds of the votes cast',
  decidingVotes: '38',
  decidingShare: '73.1%',
  votesCast: '52',
  turnout: '68%',
  roundsCount: '2',
  voteDate: 'May 27, 2026',
  announcementDate: 'May 29, 2026',
  embargo: 'June 2, 2026, 9:00 AM',
  candidate: [
    { name: 'Ben Okafor', endorsed: false, votes: '14', share: '26.9%' },
    { name: 'Cleo Park', endorsed: false, votes: '6', share: '11.5%' },
    { name: 'Ana Diaz', endorsed: true, votes: '38', share: '73.1%' },
  ],
  round: [
    { label: 'Round 1', option: 'Ana Diaz', votes: '30', share: '55.6%', decision: 'advances' },
    { label: 'Round 1', option: 'Ben Okafor', votes: '18', share: '33.3%', decision: 'advances' },
    { label: 'Round 1', option: 'Cleo Park', votes: '6', share: '11.1%', decision: 'eliminated' },
    { label: 'Runoff', option: 'Ana Diaz', votes: '38', share: '73.1%', decision: 'endorsed' },
  ],
};
const noEndorsementFacts: Facts = {
  ...endorsedFacts,
  endorsed: '',
  endorsedList: [],
  embargo: '',
  candidate: (endorsedFacts['candidate'] as Facts[]).map((c) => ({ ...c, endorsed: false })),
};

const template = (audience: string) => DEFAULT_TEMPLATES.find((t) => t.audience === audience)!.markdown;
const paragraphs = (html: string) => html.split('\n').filter((l) => l.startsWith('<p>'));

describe('the default templates', () => {
  it('come in the order the audiences hear: members, then candidates, then the press', () => {
    expect(DEFAULT_TEMPLATES.map((t) => t.audience)).toEqual(['members', 'candidates', 'press']);
  });

  it('use only placeholders the reference documents', () => {
    const documented = placeholderList().map((p) => p.name);
    for (const t of DEFAULT_TEMPLATES) {
      for (const name of namesUsed(parse(t.markdown, t.title))) expect(documented, `${t.title} uses ${name}`).toContain(name);
    }
  });

  it('fill completely from the facts of a result, for both outcomes', () => {
    for (const facts of [endorsedFacts, noEndorsementFacts]) {
      for (const t of DEFAULT_TEMPLATES) {
        for (const f of t.audience === 'candidates' ? letterFacts(facts) : [facts]) {
          const { text, unfilled } = render(t.markdown, f, { format: 'markdown' });
          expect(unfilled, t.title).toEqual([]);
          expect(text, t.title).not.toContain('{{');
        }
      }
    }
  });

  it("the members' statement gives the result, the rules applied, the whole count and what comes next", () => {
    const { text } = render(template('members'), endorsedFacts, { format: 'markdown' });
    expect(text).toContain('endorses **Ana Diaz** for District Attorney');
    expect(text).toContain('at least two-thirds of the votes cast');
    expect(text).toContain('| Round 1 | Cleo Park | 6 | 11.1% |\n| Runoff | Ana Diaz | 38 | 73.1% |');
    expect(text).toContain('## What comes next');
    expect(text).toMatch(/canvassing/);
  });

  it("the members' statement says plainly when the group does not endorse", () => {
    const { text } = render(template('members'), noEndorsementFacts, { format: 'text' });
    expect(text).toContain('Riverside Indivisible makes no endorsement for District Attorney');
    expect(text).not.toContain('endorses');
  });

  it('the press release has at most three paragraphs between its headline and the media contact', () => {
    for (const facts of [endorsedFacts, noEndorsementFacts]) {
      const html = render(template('press'), facts, { format: 'html' }).text;
      const body = paragraphs(html.slice(html.indexOf('</h1>'))).filter((p) => !p.startsWith('<p>Media contact'));
      expect(body.length).toBeGreaterThan(0);
      expect(body.length).toBeLessThanOrEqual(3);
    }
  });

  it('the press release opens with EMBARGOED UNTIL only when an embargo is set, and leaves room for member quotes', () => {
    const embargoed = render(template('press'), endorsedFacts, { format: 'text' }).text;
    expect(embargoed.split('\n')[0]).toBe('EMBARGOED UNTIL June 2, 2026, 9:00 AM');
    expect(embargoed).toContain('"[A member\'s words');
    const open = render(template('press'), { ...endorsedFacts, embargo: '' }, { format: 'text' }).text;
    expect(open).not.toContain('EMBARGOED');
    expect(open.split('\n')[0]).toBe('Riverside Indivisible endorses Ana Diaz for District Attorney');
  });
});

describe('the letters to candidates', () => {
  it('are one per candidate, the endorsed candidate first', () => {
    const names = letterFacts(endorsedFacts).map((f) => render('{{candidate.name}}', f).text);
    expect(names).toEqual(['Ana Diaz', 'Ben Okafor', 'Cleo Park']);
  });

  it('congratulate the endorsed candidate and thank the others', () => {
    const [first, second] = letterFacts(endorsedFacts).map((f) => render(template('candidates'), f, { format: 'text' }).text);
    expect(first).toContain('Dear Ana Diaz,');
    expect(first).toContain('congratulations');
    expect(second).toContain('Dear Ben Okafor,');
    expect(second).toContain('Thank you for answering our questionnaire');
    expect(second).toContain('chose to endorse Ana Diaz');
  });

  it('are none when the result has no candidates', () => {
    expect(letterFacts({ group: 'RI' })).toEqual([]);
  });
});

describe('the placeholder reference', () => {
  it('names every fact the brief asks for, once, each with a one-line description', () => {
    const list = placeholderList();
    const names = list.map((p) => p.name);
    for (const name of ['group', 'race', 'endorsed', 'endorsedList', 'outcome', 'summary', 'threshold', 'thresholdWords',
      'decidingVotes', 'decidingShare', 'votesCast', 'turnout', 'roundsCount', 'voteDate', 'announcementDate', 'embargo',
      'candidate.name', 'round.label', 'round.option', 'round.votes', 'round.share']) {
      expect(names).toContain(name);
    }
    expect(new Set(names).size).toBe(names.length);
    for (const p of list) expect(p.description).toMatch(/^[^\n]{10,}$/);
  });

  it('is the one docs/announcements.md documents, name by name', () => {
    const docs = readFileSync(join(import.meta.dirname, '../../../docs/announcements.md'), 'utf8');
    for (const p of placeholderList()) expect(docs, p.name).toMatch(new RegExp('\\| `(\\{\\{)?' + p.name.replace('.', '\\.') + '(\\}\\})?` \\| ' + p.kind));
  });

  it('is a copy the caller may change without changing the next one', () => {
    placeholderList()[0]!.description = 'changed';
    expect(placeholderList()[0]!.description).not.toBe('changed');
  });
});
