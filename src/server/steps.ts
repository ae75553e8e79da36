/**
 * The state of each step of the sidebar (not started, done, needs attention)
 * with a one-line summary, from what is saved and what was last found. Pure:
 * everything it needs is passed in.
 */
import type { Rules } from '../core/rules';
import { listNames } from '../core/summary';
import { parseThreshold } from '../core/threshold';
import type { CountView, EligibilityView, RaceView, SidebarState, SourcesPreview, StepState } from '../shared/sidebarApi';
import type { Announced, Remembered } from './lastRun';

export interface StepFacts {
  /** Null when the saved rules cannot be used. */
  rules: Rules | null;
  rulesSaved: boolean;
  settingsProblem: string | null;
  preview: SourcesPreview | null;
  rosterChosen: boolean;
  eligibility: Remembered<EligibilityView> | null;
  count: Remembered<CountView> | null;
  /** The races announced (lastRun.ts); none when left out. */
  announced?: Remembered<Announced[]> | null;
  /** The fingerprint of the settings saved now. */
  settings: string;
}

const RUNOFF_WORDS: Record<Rules['runoff'], string> = {
  'top-two': 'a runoff between the top two when nobody reaches it',
  'eliminate-lowest': 'the lowest is eliminated round by round when nobody reaches it',
  none: 'no runoff',
};

const CHANGED = 'The rules or the sheets changed since';

export function stepStates(facts: StepFacts): SidebarState['steps'] {
  return {
    rules: rulesStep(facts),
    sources: sourcesStep(facts.preview),
    eligibility: eligibilityStep(facts),
    count: countStep(facts),
    announce: announceStep(facts),
  };
}

function rulesStep({ rules, rulesSaved, settingsProblem }: StepFacts): StepState {
  if (rules === null) return { state: 'needs-attention', summary: settingsProblem ?? 'The saved rules cannot be used' };
  let words: string;
  try {
    words = `${capitalize(parseThreshold(rules.threshold, rules.comparison).words)} of the votes cast, ${RUNOFF_WORDS[rules.runoff]}`;
  } catch (error) {
    return { state: 'needs-attention', summary: (error as Error).message };
  }
  return rulesSaved ? { state: 'done', summary: words } : { state: 'not-started', summary: `Not saved yet; the defaults apply: ${words}` };
}

function sourcesStep(preview: SourcesPreview | null): StepState {
  if (!preview) return { state: 'not-started', summary: 'Choose the sheet holding the form responses' };
  const [first, ...more] = preview.problems;
  if (first !== undefined) return { state: 'needs-attention', summary: more.length ? `${first} (and ${more.length} more)` : first };
  if (preview.responsesSheet === null) return { state: 'not-started', summary: 'Choose the sheet holding the form responses' };
  const races = preview.races.length === 1 ? '1 race' : `${preview.races.length} races`;
  const roster = preview.rosterMembers === null ? 'no roster' : `roster of ${preview.rosterMembers} members`;
  return { state: 'done', summary: `"${preview.responsesSheet}": ${plural(preview.responses, 'response')}, ${races}; ${roster}` };
}

function eligibilityStep({ eligibility, rosterChosen, settings }: StepFacts): StepState {
  if (!rosterChosen) return { state: 'not-started', summary: 'No roster chosen: every ballot with a voter identity counts' };
  if (!eligibility) return { state: 'not-started', summary: 'Not checked yet' };
  const { view } = eligibility;
  const found = `${view.eligible} of ${plural(view.members, 'member')} may vote${view.asOf ? ` (as of ${view.asOf.slice(0, 10)})` : ''}`;
  if (eligibility.settings !== settings) return { state: 'needs-attention', summary: `${CHANGED} the last check (${found}): check again` };
  return { state: 'done', summary: found };
}

function countStep({ count, settings }: StepFacts): StepState {
  if (!count) return { state: 'not-started', summary: 'Not counted yet' };
  const found = count.view.races.map((r) => `${r.race}: ${outcomeWords(r)}`).join('; ') || 'no race counted';
  if (count.settings !== settings) return { state: 'needs-attention', summary: `${CHANGED} the last count (${found}): count again` };
  return { state: 'done', summary: found };
}

/** Docs/announcements.md: a race waiting for its runoff vote, or tied, is not announced. */
function announceable(race: RaceView): boolean {
  return race.outcome !== 'runoff-needed' && race.outcome !== 'tie';
}

function announceStep({ count, announced, settings }: StepFacts): StepState {
  if (!count) return { state: 'not-started', summary: 'Available after a count' };
  // The server refuses to announce from a count made under other settings.
  if (count.settings !== settings) return { state: 'not-started', summary: 'Count again first: the rules or the sheets changed since the last count' };
  const made = announced && announced.settings === settings ? announced.view : [];
  if (made.length) {
    const created = made.map((a, i) => `${i === 0 ? `${plural(a.documents, 'document')} created` : a.documents} for ${a.race}`).join('; ');
    const warnings = made.reduce((n, a) => n + a.warnings, 0);
    if (warnings) return { state: 'needs-attention', summary: `${created}; ${plural(warnings, 'warning')}: placeholders left as written` };
    return { state: 'done', summary: created };
  }
  const ready = count.view.races.filter(announceable).map((r) => r.race);
  const waiting = count.view.races.filter((r) => !announceable(r)).map((r) => `${r.race} waits (${outcomeWords(r)})`);
  if (!ready.length) return { state: 'not-started', summary: waiting.length ? `Nothing to announce yet: ${waiting.join('; ')}` : 'The last count has no race to announce' };
  return { state: 'not-started', summary: [`Ready to announce ${listNames(ready)}`, ...waiting].join('; ') };
}

export function outcomeWords(race: RaceView): string {
  switch (race.outcome) {
    case 'endorsed': return `${race.endorsed.join(' and ')} endorsed`;
    case 'no-endorsement': return 'no endorsement';
    case 'runoff-needed': return race.finalists.length ? `runoff needed between ${race.finalists.join(' and ')}` : 'runoff needed';
    case 'tie': return 'a tie the rules leave to the group';
    case 'no-quorum': return 'no quorum';
  }
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
