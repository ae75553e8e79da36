/**
 * Step 1, the rules: what the group agreed before the vote, each setting with a
 * line that says what it means with the current number of ballots.
 */
import { parseRules, RulesError, type RulesInput } from '../../src/core/rules';
import type { SidebarState } from '../../src/shared/sidebarApi';
import { messageOf, type App, type StepView } from '../app';
import { append, button, checkbox, field, fill, h, select, setAttr } from '../dom';
import { call } from '../server';
import {
  explainComparison, explainEligibility, explainNoEndorsement, explainProxies, explainQuorum, explainRunoff,
  explainThreshold, explainTies, explainWindow, type ExplainContext, type Explanation,
} from './rulesExplanation';
import {
  COMPARISON_CHOICES, formFromRules, rulesFromForm, RUNOFF_CHOICES, sameForm, THRESHOLD_CHOICES, TIE_CHOICES,
  type RulesForm,
} from './rulesForm';
import type { Step } from './step';

const DATE_HINT = 'like 2026-05-20 or 2026-05-20 19:00';

function input(id: string, attrs: Record<string, string> = {}): HTMLInputElement {
  return h('input', { id, attrs: { type: 'text', autocomplete: 'off', spellcheck: 'false', ...attrs } });
}

function textarea(id: string, rows: number): HTMLTextAreaElement {
  return h('textarea', { id, attrs: { rows: String(rows), spellcheck: 'false' } });
}

/** Reads the saved rules into a form, even when they no longer pass validation. */
function safeForm(rules: RulesInput): RulesForm {
  try {
    return formFromRules(rules);
  } catch {
    return formFromRules({});
  }
}

export function rulesStep(step: Step, app: App): StepView {
  const c = {
    threshold: select('rules-threshold', THRESHOLD_CHOICES, '2/3'),
    customThreshold: input('rules-custom-threshold', { placeholder: 'like 3/4 or 60%' }),
    comparison: select('rules-comparison', COMPARISON_CHOICES, 'at-least'),
    runoff: select('rules-runoff', RUNOFF_CHOICES, 'top-two'),
    ties: select('rules-ties', TIE_CHOICES, 'all-advance'),
    seed: input('rules-seed', { placeholder: 'like May 27 meeting' }),
    tieOrder: textarea('rules-tie-order', 3),
    noEndorsement: textarea('rules-no-endorsement', 2),
    asOf: input('rules-as-of', { placeholder: 'like 2026-05-20', inputmode: 'numeric' }),
    weeks: input('rules-weeks', { type: 'number', min: '0', step: '1', inputmode: 'numeric' }),
    minAttendance: input('rules-min-attendance', { type: 'number', min: '0', step: '1', inputmode: 'numeric' }),
    opens: input('rules-opens', { placeholder: DATE_HINT }),
    closes: input('rules-closes', { placeholder: DATE_HINT }),
    maxPerHolder: input('rules-max-per-holder', { type: 'number', min: '1', step: '1', inputmode: 'numeric' }),
    minTurnout: input('rules-min-turnout', { placeholder: 'like 25% or 1/4; empty for none' }),
  };
  const proxies = checkbox('rules-proxies', 'Members may vote by proxy', true);

  const threshold = field('Votes needed', c.threshold);
  const custom = field('Fraction or percentage', c.customThreshold);
  const comparison = field('Comparison', c.comparison);
  const runoff = field('When nobody reaches it', c.runoff);
  const ties = field('Ties', c.ties);
  const seed = field('Seed of the draw', c.seed);
  const order = field('Order that settles a tie (one name per line)', c.tieOrder);
  const noEndorsement = field('Its label on the ballot (one per line)', c.noEndorsement);
  const asOf = field('Eligible as of (the day the list is sent)', c.asOf);
  const weeks = field('Attended within (weeks)', c.weeks);
  const minAttendance = field('Attended at least (times)', c.minAttendance);
  const opens = field('Voting opens', c.opens);
  const closes = field('Voting closes', c.closes);
  const maxPerHolder = field('Most proxies per member', c.maxPerHolder);
  const quorum = field('Least turnout', c.minTurnout);
  // One explanation for a group of fields, read out with each of them.
  const eligibilityHelp = h('p', { id: 'rules-eligibility-help', class: 'help' });
  const windowHelp = h('p', { id: 'rules-window-help', class: 'help' });
  const proxiesHelp = h('p', { id: 'rules-proxies-help', class: 'help' });
  for (const [group, help] of [[[asOf, weeks, minAttendance], eligibilityHelp], [[opens, closes], windowHelp], [[maxPerHolder], proxiesHelp]] as const) {
    for (const f of group) {
      f.help.remove();
      setAttr(f.row.querySelector('input')!, 'aria-describedby', help.id);
    }
  }
  setAttr(proxies.input, 'aria-describedby', proxiesHelp.id);

  const problemLine = h('p', { class: 'settings-problem error', attrs: { role: 'alert' } });
  const unsaved = h('span', { class: 'secondary unsaved' }, 'Changes not saved');
  const save = button('Save rules', () => void saveRules(), 'action');
  const fieldset = (legend: string, ...rows: HTMLElement[]) => h('fieldset', {}, h('legend', {}, legend), ...rows);
  const form = h(
    'form',
    { class: 'rules', attrs: { novalidate: true, 'aria-label': 'Rules of the vote' } },
    fieldset('Threshold', threshold.row, custom.row, comparison.row),
    fieldset('Runoff and ties', runoff.row, ties.row, seed.row, order.row),
    fieldset('No endorsement', noEndorsement.row),
    fieldset('Who may vote', asOf.row, weeks.row, minAttendance.row, eligibilityHelp),
    fieldset('Voting window', opens.row, closes.row, windowHelp),
    fieldset('Proxies', proxies.row, maxPerHolder.row, proxiesHelp),
    fieldset('Quorum', quorum.row),
    h('div', { class: 'buttons' }, save, unsaved),
  );
  form.addEventListener('submit', (e) => e.preventDefault());
  form.addEventListener('input', () => refresh());
  form.addEventListener('change', () => refresh());
  append(step.body, problemLine, form);

  let saved: RulesForm | null = null;
  let savedRules: RulesInput = {};

  const read = (): RulesForm => ({
    threshold: c.threshold.value as RulesForm['threshold'],
    customThreshold: c.customThreshold.value,
    comparison: c.comparison.value as RulesForm['comparison'],
    runoff: c.runoff.value as RulesForm['runoff'],
    ties: c.ties.value as RulesForm['ties'],
    seed: c.seed.value,
    tieOrder: c.tieOrder.value,
    noEndorsement: c.noEndorsement.value,
    asOf: c.asOf.value,
    weeks: c.weeks.value,
    minAttendance: c.minAttendance.value,
    opens: c.opens.value,
    closes: c.closes.value,
    proxiesAllowed: proxies.input.checked,
    maxPerHolder: c.maxPerHolder.value,
    minTurnout: c.minTurnout.value,
  });

  const write = (f: RulesForm) => {
    c.threshold.value = f.threshold;
    c.customThreshold.value = f.customThreshold;
    c.comparison.value = f.comparison;
    c.runoff.value = f.runoff;
    c.ties.value = f.ties;
    c.seed.value = f.seed;
    c.tieOrder.value = f.tieOrder;
    c.noEndorsement.value = f.noEndorsement;
    c.asOf.value = f.asOf;
    c.weeks.value = f.weeks;
    c.minAttendance.value = f.minAttendance;
    c.opens.value = f.opens;
    c.closes.value = f.closes;
    proxies.input.checked = f.proxiesAllowed;
    c.maxPerHolder.value = f.maxPerHolder;
    c.minTurnout.value = f.minTurnout;
  };

  const context = (): ExplainContext => {
    const s = app.state;
    return {
      ballots: s.preview?.responses ?? s.lastCount?.ballots.received ?? null,
      eligible: app.eligibility?.eligible ?? s.lastCount?.turnout.eligible ?? null,
      timeZone: savedRules.window?.timeZone ?? savedRules.timeZone ?? s.timeZone,
    };
  };

  const show = (help: HTMLElement, e: Explanation) => {
    help.textContent = e.text;
    help.classList.toggle('error', e.problem);
  };

  function refresh(): Explanation[] {
    const f = read();
    const ctx = context();
    custom.row.hidden = f.threshold !== 'custom';
    seed.row.hidden = f.ties !== 'lot';
    order.row.hidden = f.ties !== 'order';
    maxPerHolder.row.hidden = !f.proxiesAllowed;
    const shown: [HTMLElement, Explanation][] = [
      [threshold.help, explainThreshold(f, ctx)],
      [comparison.help, explainComparison(f)],
      [runoff.help, explainRunoff(f)],
      [ties.help, explainTies(f)],
      [noEndorsement.help, explainNoEndorsement(f)],
      [eligibilityHelp, explainEligibility(f)],
      [windowHelp, explainWindow(f, ctx)],
      [proxiesHelp, explainProxies(f)],
      [quorum.help, explainQuorum(f, ctx)],
    ];
    for (const [help, e] of shown) show(help, e);
    unsaved.hidden = saved === null || sameForm(f, saved);
    return shown.map(([, e]) => e);
  }

  /**
   * Every reason the form cannot be saved. The explanations word them for the
   * form (and catch what the schema lets through, like a threshold of 3/2);
   * the rules schema, the server's own check, has the last word.
   */
  function problemsOf(f: RulesForm): { rules: RulesInput; problems: string[] } {
    const { rules, problems } = rulesFromForm(f, savedRules);
    problems.push(...refresh().filter((e) => e.problem).map((e) => e.text.replace(/\.$/, '')));
    if (problems.length === 0) {
      try {
        parseRules(rules);
      } catch (e) {
        problems.push(...(e instanceof RulesError ? e.problems : [messageOf(e)]));
      }
    }
    return { rules, problems: Array.from(new Set(problems)) };
  }

  async function saveRules(): Promise<void> {
    step.clearFailure();
    const f = read();
    const { rules, problems } = problemsOf(f);
    if (problems.length > 0) {
      step.fail(`Check the rules: ${problems.join('; ')}.`);
      return;
    }
    try {
      const state = await app.busy.run('Saving the rules…', () => call('saveSettings', { sources: app.state.settings.sources, rules }));
      saved = f;
      savedRules = state.settings.rules;
      app.apply(state);
      // The saved rules are summed up in the step's header: fold the long form away and move on.
      step.close();
      app.openNext('rules');
    } catch (e) {
      step.fail(messageOf(e));
    }
  }

  return {
    update(state: SidebarState) {
      fill(problemLine, state.settingsProblem ? `The saved rules need attention: ${state.settingsProblem}` : '');
      problemLine.hidden = !state.settingsProblem;
      if (saved === null) {
        savedRules = state.settings.rules;
        saved = safeForm(savedRules);
        write(saved);
      }
      refresh();
    },
  };
}
