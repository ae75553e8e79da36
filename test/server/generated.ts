/**
 * A generated election of any size, the same in every proportion whatever its
 * size: n responses from n rostered members, 70% for Ana Diaz, 20% for Bo Li,
 * 10% for no endorsement, one response in 50 from a visitor not on the roster.
 * Its outcome, rounds and kinds of refusal are the same for 100 and 100,000.
 */
import type { Settings } from '../../src/shared/sidebarApi';
import type { SheetFixture } from '../fakes/index';

export const GENERATED_FORM = 'https://docs.google.com/forms/d/e/1FAIpQLSgenerated/viewform';

const CHOICES = ['Ana Diaz', 'Ana Diaz', 'Ana Diaz', 'Ana Diaz', 'Ana Diaz', 'Ana Diaz', 'Ana Diaz', 'Bo Li', 'Bo Li', 'No endorsement'];

export function generatedSheets(n: number): Record<string, SheetFixture> {
  const opens = Date.UTC(2026, 4, 22, 14);
  const responses: unknown[][] = [['Timestamp', 'Email Address', 'Mayor']];
  const roster: unknown[][] = [['Name', 'Email', 'Other emails', 'Status']];
  for (let i = 0; i < n; i++) {
    const visitor = i % 50 === 49;
    const email = visitor ? `visitor${i}@elsewhere.example` : `member${i}@example.org`;
    // Forms writes the timestamp as a date.
    responses.push([new Date(opens + i * 1000), email, CHOICES[i % CHOICES.length]]);
    roster.push([`Member ${i}`, `member${i}@example.org`, '', 'Active']);
  }
  return { 'Form Responses 1': { values: responses, formUrl: GENERATED_FORM }, Roster: { values: roster } };
}

export function generatedSettings(): Settings {
  return {
    rules: { group: 'Generated Indivisible', races: { Mayor: { candidates: ['Ana Diaz', 'Bo Li'] } } },
    sources: { roster: 'Roster', secondVotes: [] },
  };
}
