/**
 * A whole count from the menu's "Count the votes" on 100,000 responses from
 * 100,000 rostered members, in this process against the fakes: how many
 * service calls it makes (the same as for 100 responses: batched I/O) and how
 * long it takes, the fakes' own work included.
 */
import { performance } from 'node:perf_hooks';
import * as main from '../src/main';
import { generatedSettings, generatedSheets, GENERATED_FORM } from '../test/server/generated';
import { installWorld } from '../test/server/world';
import type { Figure } from './figure.js';

const RESPONSES = 100_000;

function countOnce(n: number): { ms: number; calls: number; writes: number } {
  const env = installWorld({ sheets: generatedSheets(n), formUrl: GENERATED_FORM });
  try {
    main.saveSettings(generatedSettings());
    env.world.calls.reset();
    const start = performance.now();
    main.runCount();
    const ms = performance.now() - start;
    return { ms: Math.round(ms), calls: env.world.calls.total(), writes: env.world.calls.count('Range.setValues') + env.world.calls.count('Range.setNumberFormats') };
  } finally {
    env.restore();
  }
}

export default async function serverFigures(): Promise<Figure[]> {
  const small = countOnce(100);
  const large = countOnce(RESPONSES);
  return [
    { name: 'count of 100,000 responses: service calls', value: large.calls, unit: 'calls', target: `= ${small.calls} (as for 100 responses)` },
    { name: 'count of 100,000 responses: setValues + setNumberFormats', value: large.writes, unit: 'calls', target: '2 per sheet written (5 sheets)' },
    { name: 'count of 100,000 responses against the fakes', value: large.ms, unit: 'ms', target: '< 60,000 ms (Apps Script allows 6 min)' },
  ];
}
