/**
 * endorse tally … --announce [TEMPLATE.md] --out DIR: the texts a group sends
 * after the vote, for each race with a final outcome, as Markdown and HTML:
 *   members-<race>.md/.html, letter-<race>-<n>-<candidate>.md/.html (one per
 *   candidate, the endorsed first), press-<race>.md/.html.
 * Without a template the three defaults are used. A template file whose name
 * starts with "members", "candidates" (or "letter") or "press" replaces that
 * default; any other is written once per race as <name>-<race>.md/.html.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { DEFAULT_TEMPLATES, letterFacts, type Audience } from '../core/announcement';
import { factsFromResult, notAnnounceable } from '../core/announcementFacts';
import { InputError } from '../core/inputError';
import { escapeHtml } from '../core/markdown';
import { parse, render, TemplateError, type Facts, type Template } from '../core/template';
import type { VoteReport } from '../core/vote';

export interface AnnounceOptions {
  /** Template files as given to --announce; "" stands for the defaults. */
  templates: string[];
  out: string;
  /** --announce-date: the day the texts are sent (today in the vote's zone otherwise). */
  announcementDate?: string;
  /** --embargo: when the press may publish, e.g. 2026-06-09T09:00 in the vote's zone. */
  embargo?: string;
}

interface AnnouncementTemplate {
  /** Null for a template of the group's own that is for no audience in particular. */
  audience: Audience | null;
  /** The start of each output file's name. */
  stem: string;
  template: Template;
}

const TEMPLATE_FILE = /\.(md|markdown|txt)$/i;

/**
 * `--announce` takes a template only when a Markdown file follows it, so a bare
 * `--announce` (the defaults) can sit anywhere; parseArgs wants a value, so it gets "".
 */
export function announceArgv(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') return out.concat(argv.slice(i));
    if (arg !== '--announce') {
      out.push(arg);
      continue;
    }
    const next = argv[i + 1];
    if (next !== undefined && !next.startsWith('-') && TEMPLATE_FILE.test(next)) {
      out.push(`--announce=${next}`);
      i++;
    } else {
      out.push('--announce=');
    }
  }
  return out;
}

/** Writes every announcement into `out`; returns the files written and the notes for stderr. */
export function writeAnnouncements(report: VoteReport, options: AnnounceOptions): { files: string[]; notes: string[] } {
  const templates = readTemplates(options.templates);
  const files: Record<string, string> = {};
  const notes: string[] = [];
  const raceSlugs = uniqueSlugs(report.races.map((r) => r.race), 'race');
  report.races.forEach((result, r) => {
    const why = notAnnounceable(result);
    if (why !== null) {
      notes.push(`no announcement for ${why}`);
      return;
    }
    const facts = factsFromResult(report, result.race, {
      announcementDate: options.announcementDate ?? Date.now(),
      embargo: options.embargo ?? null,
    });
    for (const { audience, stem, template } of templates) {
      const letters = audience === 'candidates' ? letterFacts(facts) : [facts];
      const names = letters.map((f) => candidateName(f));
      const slugs = uniqueSlugs(names, 'candidate');
      letters.forEach((f, n) => {
        const name = audience === 'candidates' ? `${stem}-${raceSlugs[r]}-${n + 1}-${slugs[n]}` : `${stem}-${raceSlugs[r]}`;
        const markdown = render(template, f, { format: 'markdown' });
        if (markdown.unfilled.length) notes.push(`${name}.md: ${markdown.unfilled.map((u) => `{{${u}}}`).join(', ')} left as written (no such fact)`);
        files[`${name}.md`] = markdown.text;
        files[`${name}.html`] = page(titleOf(audience, result.race, names[n]), render(template, f, { format: 'html' }).text);
      });
    }
  });
  mkdirSync(options.out, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(options.out, name), text);
  return { files: Object.keys(files), notes };
}

/** The defaults, each replaced by a given file named for its audience; other files are added. */
function readTemplates(paths: readonly string[]): AnnouncementTemplate[] {
  const templates: AnnouncementTemplate[] = DEFAULT_TEMPLATES.map((t) => ({
    audience: t.audience,
    stem: t.audience === 'candidates' ? 'letter' : t.audience,
    template: parse(t.markdown, t.title),
  }));
  for (const path of paths) {
    if (path === '') continue;
    const file = basename(path);
    const audience = audienceOf(file);
    const own: AnnouncementTemplate = { audience, stem: slug(basename(file, extname(file))) || 'announcement', template: readTemplate(path, file) };
    const replaced = templates.findIndex((t) => audience !== null && t.audience === audience);
    if (replaced >= 0) templates[replaced] = { ...own, stem: templates[replaced]!.stem };
    else templates.push(own);
  }
  return templates;
}

function audienceOf(file: string): Audience | null {
  const word = /^([a-z]+)([-_. ]|$)/i.exec(file)?.[1]?.toLowerCase();
  if (word === 'members' || word === 'member') return 'members';
  if (word === 'candidates' || word === 'candidate' || word === 'letter' || word === 'letters') return 'candidates';
  return word === 'press' ? 'press' : null;
}

function readTemplate(path: string, file: string): Template {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError({ source: path }, code === 'ENOENT' ? 'no such file' : `cannot be read (${code ?? String(error)})`);
  }
  try {
    return parse(text.replace(/^\uFEFF/, ''), file);
  } catch (error) {
    if (error instanceof TemplateError) throw new InputError({ source: file }, `${error.unit} ${error.line}: ${error.problem}`);
    throw error;
  }
}

function candidateName(facts: Facts): string {
  const list = facts['candidate'];
  const name = Array.isArray(list) && list.length === 1 ? list[0]!['name'] : undefined;
  return typeof name === 'string' ? name : '';
}

function titleOf(audience: Audience | null, race: string, candidate: string | undefined): string {
  if (audience === 'candidates') return `Letter to ${candidate}: ${race}`;
  if (audience === 'press') return `Press release: ${race}`;
  if (audience === 'members') return `Members' statement: ${race}`;
  return race;
}

function page(title: string, body: string): string {
  return `<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>${escapeHtml(title)}</title>\n</head>\n<body>\n${body}\n</body>\n</html>\n`;
}

/** A file-name part: "District Attorney" → "district-attorney"; accents dropped, anything else a dash. */
export function slug(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60).replace(/-+$/, '');
}

/** Slugs that differ, as file names must: "mayor", "mayor-2"; `fallback` for a name with no letter or digit. */
function uniqueSlugs(names: readonly string[], fallback: string): string[] {
  const seen = new Set<string>();
  return names.map((name) => {
    const base = slug(name) || fallback;
    let candidate = base;
    for (let n = 2; seen.has(candidate); n++) candidate = `${base}-${n}`;
    seen.add(candidate);
    return candidate;
  });
}
