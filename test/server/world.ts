/**
 * Worlds for the server tests: the fakes of test/fakes, installed as globals for Node-side tests of src/server, and the example
 * election of examples/mayoral-primary laid out as a leader's spreadsheet.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsv } from '../../src/cli/csv';
import type { RulesInput } from '../../src/core/rules';
import type { Settings } from '../../src/shared/sidebarApi';
import { createSheetsWorld, installGlobals, type SheetFixture, type SheetsWorld, type SheetsWorldOptions } from '../fakes/index';

const EXAMPLE = join(import.meta.dirname, '../../examples/mayoral-primary');

export const FORM_URL = 'https://docs.google.com/forms/d/e/1FAIpQLSexampleMayoralPrimary/viewform';

export function exampleCsv(file: string): string[][] {
  return parseCsv(readFileSync(join(EXAMPLE, file), 'utf8'), file);
}

export function exampleRules(): RulesInput {
  return JSON.parse(readFileSync(join(EXAMPLE, 'rules.json'), 'utf8')) as RulesInput;
}

/** The example's spreadsheet: the form's response sheet (linked to the form) and the group's own sheets. */
export function exampleSheets(): Record<string, unknown[][] | SheetFixture> {
  return {
    'Form Responses 1': { values: exampleCsv('responses.csv'), formUrl: FORM_URL },
    Roster: exampleCsv('roster.csv'),
    Attendance: exampleCsv('attendance.csv'),
    Proxies: exampleCsv('proxies.csv'),
    'Runoff responses': exampleCsv('round2.csv'),
  };
}

/** The settings a leader saves for the example: the group's rules and its sheets (the response sheet is found by its form link). */
export function exampleSettings(): Settings {
  return {
    rules: exampleRules(),
    sources: { roster: 'Roster', attendance: 'Attendance', proxies: 'Proxies', secondVotes: ['Runoff responses'] },
  };
}

export interface NodeWorld {
  world: SheetsWorld;
  restore: () => void;
}

/** A world whose services are globals of this process until `restore()`. */
export function installWorld(options: SheetsWorldOptions = {}): NodeWorld {
  const world = createSheetsWorld(options);
  return { world, restore: installGlobals(world.services) };
}

/** The cells of a sheet as a member sees them. */
export function shown(world: SheetsWorld, name: string): string[][] {
  return world.sheet(name).displayValues();
}

/** Everything a member could see of a sheet: cells, formats, bold rows, frozen rows, charts (ids aside), grid size. */
export function sheetState(world: SheetsWorld, name: string) {
  const sheet = world.sheet(name);
  const rows = sheet.grid.lastRow();
  const bold: number[] = [];
  for (let r = 1; r <= rows; r++) if (sheet.styleAt(r, 1, 'fontWeight') === 'bold') bold.push(r);
  return {
    values: sheet.displayValues(),
    formats: sheet.numberFormats(),
    bold,
    frozenRows: sheet.frozenRows,
    charts: sheet.chartRecords().map(({ id: _id, ...chart }) => chart),
    maxRows: sheet.grid.maxRows,
    marks: sheet.metadata.map((m) => ({ key: m.key, value: m.value })),
  };
}
