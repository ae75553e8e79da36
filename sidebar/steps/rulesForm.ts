/**
 * The rules as the sidebar's form holds them (text in inputs), and back. The
 * form shows the settings a leader decides before every vote; every other
 * setting (races, ranked ballots, response columns…) is kept as it was saved.
 */
import type { RulesInput } from '../../src/core/rules';

export type ThresholdChoice = '2/3' | '3/5' | '1/2' | 'custom' | 'plurality' | 'consensus';
export type TieChoice = 'all-advance' | 'lot' | 'ask' | 'order';
export type Comparison = 'at-least' | 'more-than';
export type RunoffChoice = 'top-two' | 'eliminate-lowest' | 'none';

export interface RulesForm {
  threshold: ThresholdChoice;
  /** "N/D" or "N%", used when threshold is 'custom'. */
  customThreshold: string;
  comparison: Comparison;
  runoff: RunoffChoice;
  ties: TieChoice;
  seed: string;
  /** The published order that settles a tie, one name per line. */
  tieOrder: string;
  /** The ballot's "no endorsement" labels, one per line. */
  noEndorsement: string;
  asOf: string;
  weeks: string;
  minAttendance: string;
  opens: string;
  closes: string;
  proxiesAllowed: boolean;
  maxPerHolder: string;
  minTurnout: string;
}

export const THRESHOLD_CHOICES: ReadonlyArray<readonly [ThresholdChoice, string]> = [
  ['2/3', 'Two-thirds (recommended)'],
  ['3/5', 'Three-fifths (60%)'],
  ['1/2', 'Half'],
  ['custom', 'Another fraction or percentage'],
  ['plurality', 'Plurality: the most votes'],
  ['consensus', 'Consensus: every vote'],
];
export const COMPARISON_CHOICES: ReadonlyArray<readonly [Comparison, string]> = [
  ['at-least', 'At least the threshold'],
  ['more-than', 'More than the threshold'],
];
export const RUNOFF_CHOICES: ReadonlyArray<readonly [RunoffChoice, string]> = [
  ['top-two', 'Runoff between the top two'],
  ['eliminate-lowest', 'Eliminate the last, count again'],
  ['none', 'No runoff'],
];
export const TIE_CHOICES: ReadonlyArray<readonly [TieChoice, string]> = [
  ['all-advance', 'All tied candidates go on'],
  ['lot', 'Draw by lot, from a seed'],
  ['ask', 'The group decides'],
  ['order', 'An order published in advance'],
];

// The defaults of src/core/rules.ts, written out so the form never shows an empty field for a default.
const DEFAULTS = { threshold: '2/3', weeks: '6', minAttendance: '1', maxPerHolder: '1', noEndorsement: 'No endorsement' };

const lines = (text: string): string[] => text.split('\n').map((l) => l.trim()).filter((l) => l !== '');
const text = (value: number | undefined, fallback: string): string => (value === undefined ? fallback : String(value));

export function formFromRules(rules: RulesInput): RulesForm {
  const threshold = (rules.threshold ?? DEFAULTS.threshold).trim();
  const key = threshold.replace(/\s+/g, '').toLowerCase();
  const preset = THRESHOLD_CHOICES.find(([choice]) => choice === key && choice !== 'custom');
  const ties = rules.ties ?? 'all-advance';
  const noEndorsement = rules.noEndorsement ?? DEFAULTS.noEndorsement;
  return {
    threshold: preset ? preset[0] : 'custom',
    customThreshold: preset ? '' : threshold,
    comparison: rules.comparison ?? 'at-least',
    runoff: rules.runoff ?? 'top-two',
    ties: Array.isArray(ties) ? 'order' : ties,
    seed: rules.seed ?? '',
    tieOrder: Array.isArray(ties) ? ties.join('\n') : '',
    noEndorsement: Array.isArray(noEndorsement) ? noEndorsement.join('\n') : noEndorsement,
    asOf: rules.eligibility?.asOf ?? '',
    weeks: text(rules.eligibility?.attendedWithinWeeks, DEFAULTS.weeks),
    minAttendance: text(rules.eligibility?.minAttendance, DEFAULTS.minAttendance),
    opens: rules.window?.opens ?? '',
    closes: rules.window?.closes ?? '',
    proxiesAllowed: rules.proxies?.allowed ?? true,
    maxPerHolder: text(rules.proxies?.maxPerHolder, DEFAULTS.maxPerHolder),
    minTurnout: rules.minTurnout ?? '',
  };
}

/** The threshold the form states, as the rules write it: "2/3", "60%", "plurality". */
export function thresholdOf(form: RulesForm): string {
  return form.threshold === 'custom' ? form.customThreshold.trim() : form.threshold;
}

/** Numbers typed into the form; an empty field means the default. */
function numberIn(value: string, what: string, problems: string[]): number | undefined {
  if (value.trim() === '') return undefined;
  const n = Number(value);
  if (!Number.isFinite(n)) problems.push(`${what} must be a number, got "${value.trim()}"`);
  return Number.isFinite(n) ? n : undefined;
}

/**
 * The rules to save: `base` (what was saved) with the form's settings written
 * over it. `problems` lists what the form cannot express; the rules schema
 * checks the rest (parseRules).
 */
export function rulesFromForm(form: RulesForm, base: RulesInput): { rules: RulesInput; problems: string[] } {
  const problems: string[] = [];
  const rules: RulesInput = { ...base };
  rules.threshold = thresholdOf(form);
  if (rules.threshold === '') problems.push('threshold: write a fraction like 3/4 or a percentage like 60%');
  rules.comparison = form.comparison;
  rules.runoff = form.runoff;

  delete rules.seed;
  if (form.ties === 'order') {
    rules.ties = lines(form.tieOrder);
    if (rules.ties.length === 0) problems.push('ties: list the candidates in the published order, one per line');
  } else {
    rules.ties = form.ties;
    if (form.ties === 'lot' && form.seed.trim() !== '') rules.seed = form.seed.trim();
  }

  const labels = lines(form.noEndorsement);
  rules.noEndorsement = labels.length === 1 ? labels[0]! : labels;

  const eligibility = { ...base.eligibility };
  delete eligibility.asOf;
  if (form.asOf.trim() !== '') eligibility.asOf = form.asOf.trim();
  eligibility.attendedWithinWeeks = numberIn(form.weeks, 'eligibility: weeks', problems);
  eligibility.minAttendance = numberIn(form.minAttendance, 'eligibility: minimum attendance', problems);
  rules.eligibility = withoutUndefined(eligibility);

  const window = { ...base.window };
  delete window.opens;
  delete window.closes;
  if (form.opens.trim() !== '') window.opens = form.opens.trim();
  if (form.closes.trim() !== '') window.closes = form.closes.trim();
  if (Object.keys(window).length > 0) rules.window = window;
  else delete rules.window;

  rules.proxies = withoutUndefined({
    ...base.proxies,
    allowed: form.proxiesAllowed,
    maxPerHolder: numberIn(form.maxPerHolder, 'proxies: most per member', problems),
  });

  if (form.minTurnout.trim() !== '') rules.minTurnout = form.minTurnout.trim();
  else delete rules.minTurnout;
  return { rules, problems };
}

/** Settings saved as JSON: an undefined key would only be dropped on the way, so drop it here. */
function withoutUndefined<T extends object>(o: T): T {
  const copy = { ...o };
  for (const key of Object.keys(copy) as (keyof T)[]) if (copy[key] === undefined) delete copy[key];
  return copy;
}

/** Whether the form differs from the saved rules, so the leader knows a change is not saved yet. */
export function sameForm(a: RulesForm, b: RulesForm): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
