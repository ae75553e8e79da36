/**
 * A leader's spreadsheet and Drive for the announcement tests: the Sheets fakes
 * and the Docs fakes sharing one call log, around the built dist/Code.js in its
 * sandbox. The spreadsheet sits in a Drive folder of its own, as it would.
 */
import { expect } from 'vitest';
import { createDocsWorld, type DocsWorld } from '../fakes/docsWorld';
import { FileRecord, type FolderRecord } from '../fakes/drive';
import { createSheetsWorld, type SheetsWorld, type SheetsWorldOptions } from '../fakes/index';
import { callEntry, loadBundle, sandboxValue, type Bundle } from '../sandbox/bundle';
import type { AnnouncementView } from '../../src/shared/sidebarApi';
import { exampleSettings, exampleSheets, FORM_URL } from './world';

export interface AnnounceWorld {
  world: SheetsWorld;
  docs: DocsWorld;
  bundle: Bundle;
  /** The folder holding the spreadsheet. */
  folder: FolderRecord;
  /** Calls an entry point as google.script.run does: arguments and result cross as JSON. */
  run<T>(name: string, ...args: unknown[]): T;
  /** The message of the error an entry point throws. */
  failure(name: string, ...args: unknown[]): string;
  announce(request: Record<string, unknown>): AnnouncementView;
}

export function openAnnounceWorld(options: SheetsWorldOptions = { sheets: exampleSheets(), formUrl: FORM_URL }): AnnounceWorld {
  let realm: { Date: DateConstructor; Error: ErrorConstructor } = { Date, Error };
  const exception = (message: string) => {
    const error = new realm.Error(message);
    error.name = 'Exception';
    return error;
  };
  const world = createSheetsWorld({ ...options, dateIn: (ms) => new realm.Date(ms), errorIn: (message) => new realm.Error(message) });
  const docs = createDocsWorld(world.calls, { exception });
  const folder = docs.addFolder('Riverside Indivisible');
  const sheet = world.spreadsheet;
  docs.drive.files.set(sheet.id, new FileRecord(sheet.id, sheet.name, 'application/vnd.google-apps.spreadsheet', [folder], null));
  const bundle = loadBundle({ ...world.services, ...docs.services });
  realm = { Date: sandboxValue<DateConstructor>(bundle, 'Date'), Error: sandboxValue<ErrorConstructor>(bundle, 'Error') };

  const run = <T>(name: string, ...args: unknown[]): T => {
    const inside = args.map((a) => sandboxValue(bundle, `(${JSON.stringify(a)})`));
    const result = callEntry(bundle, name, ...inside);
    const crossed = result === undefined ? undefined : (JSON.parse(JSON.stringify(result)) as T);
    expect(crossed).toEqual(result);
    return crossed as T;
  };
  const failure = (name: string, ...args: unknown[]): string => {
    try {
      run(name, ...args);
    } catch (error) {
      return (error as Error).message;
    }
    throw new Error(`${name} was expected to fail`);
  };
  return { world, docs, bundle, folder, run, failure, announce: (request) => run<AnnouncementView>('createAnnouncements', request) };
}

/** The example vote, its settings saved and its votes counted, as a leader leaves it before announcing. */
export function countedExample(): AnnounceWorld {
  const env = openAnnounceWorld();
  env.run('saveSettings', exampleSettings());
  env.run('runCount');
  return env;
}

/** The Doc behind a link the sidebar got. */
export function docIdOf(url: string): string {
  const id = /\/document\/d\/([^/]+)/.exec(url)?.[1];
  if (!id) throw new Error(`not a Docs link: ${url}`);
  return id;
}
