/**
 * The real server for the sidebar: the built dist/Code.js in its vm sandbox,
 * on the fakes, with the example election (examples/mayoral-primary) laid out
 * as a leader's spreadsheet. Each call crosses as it does through
 * google.script.run: the arguments and the result as JSON (a Date arrives as
 * its ISO string, a function or undefined is dropped), and a thrown error
 * reaches the page's failure handler as "Name: message".
 *
 * (Apps Script is stricter than JSON: a Date in a result makes the whole
 * result null. The sidebar contract keeps dates as ISO strings for that reason.)
 *
 * The spreadsheet sits in a Drive folder of its own, with DocumentApp and
 * DriveApp faked beside Sheets (one call log for both, as in
 * test/server/announceWorld.ts), so the Announce step writes real fake Docs.
 */
import { callEntry, loadBundle, sandboxValue, type Bundle } from '../sandbox/bundle';
import { createDocsWorld, type DocsWorld } from '../fakes/docsWorld';
import { FileRecord, type FolderRecord } from '../fakes/drive';
import { createSheetsWorld, type SheetsWorld } from '../fakes/index';
import type { RulesInput } from '../../src/core/rules';
import { exampleRules, exampleSheets, FORM_URL } from '../server/world';
import type { SidebarHandler } from './sidebarServer';

/** The example's spreadsheet, in the group's time zone (the example's rules say America/Chicago too). */
export const SPREADSHEET_NAME = 'Riverside Indivisible: 2026 endorsements';

export interface RealServerOptions {
  /** Rules saved (through saveSettings) before the sidebar opens; none by default. */
  rules?: RulesInput;
  /** The sandbox's clock, so a count is stamped alike on every run; the real clock by default. */
  now?: number;
  /** Milliseconds each call waits before answering, as a call to Google does, so busy states can be seen. */
  latencyMs?: number;
}

export interface RealServer {
  handler: SidebarHandler;
  /** The fake spreadsheet the bundle reads and writes: inspect it, hold its lock, arm faults. */
  world: SheetsWorld;
  /** The Drive and Docs beside it: the templates and the announcement's Docs land here. */
  docs: DocsWorld;
  /** The Drive folder that holds the spreadsheet. */
  folder: FolderRecord;
  bundle: Bundle;
  /** Every call the page made, in order, with its arguments as they crossed. */
  calls: { name: string; args: unknown[] }[];
}

/** An error as the page's failure handler sees it: the class name, then the message. */
class CrossedError extends Error {
  constructor(name: string, message: string) {
    super(message);
    this.name = name;
  }
}

/** What the bundle threw, in this realm (a sandbox Error is not `instanceof Error` here). */
function crossed(error: unknown): unknown {
  if (typeof error === 'object' && error !== null && 'message' in error) {
    const { name, message } = error as { name?: unknown; message: unknown };
    return new CrossedError(typeof name === 'string' ? name : 'Error', String(message));
  }
  return error;
}

export function realServer(options: RealServerOptions = {}): RealServer {
  // The fakes' Dates and errors are made in the sandbox's realm once it exists, as loadSandboxWorld does.
  let realm: { Date: DateConstructor; Error: ErrorConstructor } = { Date, Error };
  const world = createSheetsWorld({
    name: SPREADSHEET_NAME, timeZone: 'America/Chicago', sheets: exampleSheets(), formUrl: FORM_URL,
    dateIn: (ms) => new realm.Date(ms), errorIn: (message) => new realm.Error(message),
  });
  const docs = createDocsWorld(world.calls, {
    exception: (message) => Object.assign(new realm.Error(message), { name: 'Exception' }),
  });
  const folder = docs.addFolder('Riverside Indivisible');
  const sheet = world.spreadsheet;
  docs.drive.files.set(sheet.id, new FileRecord(sheet.id, sheet.name, 'application/vnd.google-apps.spreadsheet', [folder], null));
  const bundle = loadBundle({ ...world.services, ...docs.services });
  realm = { Date: sandboxValue<DateConstructor>(bundle, 'Date'), Error: sandboxValue<ErrorConstructor>(bundle, 'Error') };
  if (options.now !== undefined) sandboxValue(bundle, `(Date.now = function () { return ${options.now}; }, 0)`);
  const calls: RealServer['calls'] = [];

  const call = (name: string, args: unknown[]): unknown => {
    if (typeof bundle[name] !== 'function') throw new CrossedError('ReferenceError', `Script function not found: ${name}`);
    // Built inside the sandbox, so the arguments belong to the bundle's realm as Apps Script's do.
    const inside = sandboxValue<unknown[]>(bundle, `JSON.parse(${JSON.stringify(JSON.stringify(args))})`);
    let result: unknown;
    try {
      result = callEntry(bundle, name, ...inside);
    } catch (error) {
      throw crossed(error);
    }
    return result === undefined ? null : (JSON.parse(JSON.stringify(result)) as unknown);
  };

  if (options.rules) call('saveSettings', [{ rules: options.rules, sources: { secondVotes: [] } }]);

  const handler: SidebarHandler = async (name, args) => {
    calls.push({ name, args });
    if (options.latencyMs) await new Promise((resolve) => setTimeout(resolve, options.latencyMs));
    return call(name, args);
  };
  return { handler, world, docs, folder, bundle, calls };
}

/**
 * The handler of `npm run sidebar:dev`: the example's spreadsheet with the
 * group's rules already saved; the leader picks the sheets and runs the vote.
 */
export default function devHandler(): SidebarHandler {
  return realServer({ rules: exampleRules(), latencyMs: 300 }).handler;
}
