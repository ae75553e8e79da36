/** Logger and console: lines are kept for the test instead of going to Cloud Logging. */
import { exposed, type ExactSurface, type FakeContext } from './context';

export interface LogLine {
  level: 'log' | 'info' | 'warn' | 'error';
  text: string;
}

/** Logger.log's "%s" substitution, and console's way of printing other values. */
function text(first: unknown, rest: unknown[]): string {
  const show = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v) ?? String(v));
  if (typeof first === 'string' && /%[sdo]/.test(first)) {
    let i = 0;
    return first.replace(/%[sdo]/g, () => (i < rest.length ? show(rest[i++]) : '')) + rest.slice(i).map((v) => ` ${show(v)}`).join('');
  }
  return [first, ...rest].map(show).join(' ');
}

export type LoggerMethod = 'log' | 'getLog' | 'clear';

export class FakeLogger implements Pick<GoogleAppsScript.Base.Logger, LoggerMethod> {
  constructor(readonly model: LogLine[], private readonly ctx: FakeContext) {}

  log(data: any, ...values: any[]): GoogleAppsScript.Base.Logger {
    this.ctx.calls.record('Logger.log');
    this.model.push({ level: 'log', text: text(data, values) });
    return exposed<GoogleAppsScript.Base.Logger>(this);
  }

  getLog(): string {
    this.ctx.calls.record('Logger.getLog');
    return this.model.map((l) => l.text).join('\n');
  }

  clear(): void {
    this.ctx.calls.record('Logger.clear');
    this.model.length = 0;
  }
}

export const loggerSurface: ExactSurface<FakeLogger, LoggerMethod> = true;

export type ConsoleMethod = 'log' | 'info' | 'warn' | 'error' | 'time' | 'timeEnd';

export class FakeConsole implements Pick<Console, ConsoleMethod> {
  constructor(readonly model: LogLine[], private readonly ctx: FakeContext) {}

  log(formatOrObject?: any, ...values: any[]): void {
    this.line('log', formatOrObject, values);
  }

  info(formatOrObject?: any, ...values: any[]): void {
    this.line('info', formatOrObject, values);
  }

  warn(formatOrObject?: any, ...values: any[]): void {
    this.line('warn', formatOrObject, values);
  }

  error(formatOrObject?: any, ...values: any[]): void {
    this.line('error', formatOrObject, values);
  }

  time(label: string): void {
    this.ctx.calls.record('console.time');
    void label;
  }

  timeEnd(label: string): void {
    this.ctx.calls.record('console.timeEnd');
    void label;
  }

  private line(level: LogLine['level'], first: unknown, rest: unknown[]): void {
    this.ctx.calls.record(`console.${level}`);
    this.model.push({ level, text: first === undefined && rest.length === 0 ? '' : text(first, rest) });
  }
}

export const consoleSurface: ExactSurface<FakeConsole, ConsoleMethod> = true;
