/**
 * HtmlService: pages built from a file of dist/ (as clasp pushes them) or from a
 * string; what a sidebar or dialog would show is kept as text.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { exposed, type ExactSurface, type FakeContext } from './context';

type GasOutput = GoogleAppsScript.HTML.HtmlOutput;

export const DIST_DIR = join(import.meta.dirname, '../../dist');

export interface HtmlModel {
  title: string;
  content: string;
  width: number;
  height: number;
}

export type HtmlOutputMethod =
  | 'getContent' | 'setContent' | 'append' | 'getTitle' | 'setTitle' | 'getWidth' | 'setWidth' | 'getHeight' | 'setHeight';

export class FakeHtmlOutput implements Pick<GasOutput, HtmlOutputMethod> {
  // Apps Script's default size for a dialog built from this output.
  readonly model: HtmlModel = { title: '', content: '', width: 600, height: 400 };

  constructor(content: string, private readonly ctx: FakeContext) {
    this.model.content = content;
  }

  getContent(): string {
    this.log('getContent');
    return this.model.content;
  }

  setContent(content: string): GasOutput {
    this.log('setContent');
    this.model.content = String(content);
    return exposed<GasOutput>(this);
  }

  append(addedContent: string): GasOutput {
    this.log('append');
    this.model.content += String(addedContent);
    return exposed<GasOutput>(this);
  }

  getTitle(): string {
    this.log('getTitle');
    return this.model.title;
  }

  setTitle(title: string): GasOutput {
    this.log('setTitle');
    this.model.title = String(title);
    return exposed<GasOutput>(this);
  }

  getWidth(): number {
    this.log('getWidth');
    return this.model.width;
  }

  setWidth(width: number): GasOutput {
    this.log('setWidth');
    this.model.width = width;
    return exposed<GasOutput>(this);
  }

  getHeight(): number {
    this.log('getHeight');
    return this.model.height;
  }

  setHeight(height: number): GasOutput {
    this.log('setHeight');
    this.model.height = height;
    return exposed<GasOutput>(this);
  }

  private log(method: HtmlOutputMethod): void {
    this.ctx.calls.record(`HtmlOutput.${method}`);
  }
}

export const htmlOutputSurface: ExactSurface<FakeHtmlOutput, HtmlOutputMethod> = true;

export type HtmlServiceMethod = 'createHtmlOutput' | 'createHtmlOutputFromFile';

export class FakeHtmlService implements Pick<GoogleAppsScript.HTML.HtmlService, HtmlServiceMethod> {
  /** `dir` holds the project's .html files, as pushed: dist/ by default. */
  constructor(private readonly ctx: FakeContext, private readonly dir = DIST_DIR) {}

  createHtmlOutput(html?: string | GoogleAppsScript.Base.BlobSource): GasOutput {
    this.ctx.calls.record('HtmlService.createHtmlOutput');
    if (html !== undefined && typeof html !== 'string') throw this.ctx.exception('The fake HtmlService takes HTML as a string, not a blob.');
    return exposed<GasOutput>(new FakeHtmlOutput(html ?? '', this.ctx));
  }

  /** "sidebar" reads sidebar.html, as Apps Script names a project's HTML files. */
  createHtmlOutputFromFile(filename: string): GasOutput {
    this.ctx.calls.record('HtmlService.createHtmlOutputFromFile');
    const file = join(this.dir, filename.endsWith('.html') ? filename : `${filename}.html`);
    if (!existsSync(file)) throw this.ctx.exception(`No HTML file named ${filename} was found.`);
    return exposed<GasOutput>(new FakeHtmlOutput(readFileSync(file, 'utf8'), this.ctx));
  }
}

export const htmlServiceSurface: ExactSurface<FakeHtmlService, HtmlServiceMethod> = true;
