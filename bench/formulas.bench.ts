/**
 * The custom functions as Sheets runs them: every call loads the whole bundle,
 * then counts what its arguments hold, all within Sheets' 30-second limit.
 * Issue 7's target: ENDORSE_TALLY on 50,000 rows in under 200 ms, through the
 * bundle in the sandbox. The ranges are built inside the sandbox, as Sheets'
 * own values would be.
 */
import { performance } from 'node:perf_hooks';
import { callEntry, loadBundle, sandboxValue } from '../test/sandbox/bundle.js';
import { bestOf, type Figure } from './figure.js';

const ROWS = 50_000;
const CANDIDATES = ['Ana Diaz', 'Bo Li', 'Cy Wu', 'Dee Ray', 'Eve Moss'];

/** A deterministic column of single choices, with blanks and "No endorsement", written as a script for the sandbox. */
const SINGLE_COLUMN = `(() => {
  let s = 1;
  const random = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
  const options = ${JSON.stringify([...CANDIDATES, 'No endorsement', ' ana diaz ', ''])};
  const weights = [40, 25, 15, 5, 3, 8, 2, 2];
  const total = weights.reduce((a, b) => a + b, 0);
  const rows = [];
  for (let i = 0; i < ${ROWS}; i++) {
    let r = random() * total, o = 0;
    while (r >= weights[o]) r -= weights[o++];
    rows.push([options[o]]);
  }
  return rows;
})()`;

/** A ranked block: a header row of candidates, then ranks 1..k for a random k of them, blanks for the rest. */
const RANKED_BLOCK = `(() => {
  let s = 2;
  const random = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
  const names = ${JSON.stringify(CANDIDATES)};
  const rows = [names.slice()];
  for (let i = 0; i < ${ROWS}; i++) {
    const order = names.map((_, c) => c).sort(() => random() - 0.5);
    const ranked = 1 + Math.floor(random() * names.length);
    const row = names.map(() => '');
    for (let r = 0; r < ranked; r++) row[order[r]] = r + 1;
    rows.push(row);
  }
  return rows;
})()`;

export default async function formulaFigures(): Promise<Figure[]> {
  const loadStart = performance.now();
  const bundle = loadBundle();
  const loadMs = Math.round((performance.now() - loadStart) * 10) / 10;
  const load = bestOf(5, () => loadBundle());

  const single = sandboxValue<unknown[][]>(bundle, SINGLE_COLUMN);
  const ranked = sandboxValue<unknown[][]>(bundle, RANKED_BLOCK);
  const emails = sandboxValue<unknown[][]>(bundle, `Array.from({ length: ${ROWS} }, (_, i) => ['member' + i + '@example.org'])`);
  const roster = sandboxValue<unknown[][]>(bundle, `Array.from({ length: ${ROWS} }, (_, i) => ['Member' + (2 * i) + '@example.org'])`);

  const tallySingle = bestOf(5, () => callEntry<unknown[][]>(bundle, 'ENDORSE_TALLY', single));
  const tallyRanked = bestOf(5, () => callEntry<unknown[][]>(bundle, 'ENDORSE_TALLY', ranked));
  const eligible = bestOf(5, () => callEntry<unknown[][]>(bundle, 'ENDORSE_ELIGIBLE', emails, roster));
  for (const { result } of [tallySingle, tallyRanked]) {
    const outcome = result[result.length - 1]!;
    if (outcome[0] !== 'Outcome') throw new Error(`ENDORSE_TALLY did not count the bench data: ${String(result[0]![0])}`);
  }
  if (eligible.result.length !== ROWS) throw new Error(`ENDORSE_ELIGIBLE answered ${eligible.result.length} rows for ${ROWS}`);

  return [
    { name: 'ENDORSE_TALLY, 50,000 single-choice rows, in the sandbox', value: tallySingle.ms, unit: 'ms', target: '< 200 ms' },
    { name: `ENDORSE_TALLY, 50,000 ranked rows x 5 candidates (${tallyRanked.result.length - 2} table rows)`, value: tallyRanked.ms, unit: 'ms', target: '< 200 ms' },
    { name: 'ENDORSE_ELIGIBLE, 50,000 emails against a 50,000-member roster', value: eligible.ms, unit: 'ms' },
    { name: 'loading the bundle into a fresh sandbox (first, best of 5)', value: `${loadMs} / ${load.ms}`, unit: 'ms' },
  ];
}
