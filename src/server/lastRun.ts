/**
 * What the last eligibility check and the last count found, kept in document
 * properties so a sidebar opened tomorrow still shows them, with a fingerprint
 * of the settings they ran with: a count made under other rules is flagged.
 * A count's view can pass the 9 KB a property value may hold, so it is split.
 */
import { fnv1a } from '../core/lot';
import type { CountView, EligibilityView } from '../shared/sidebarApi';
import { isServiceError } from './errors';
import { RULES_KEY, SOURCES_KEY } from './settings';

const COUNT_PREFIX = 'endorse.lastCount.';
const COUNT_PARTS = 'endorse.lastCount';
const ELIGIBILITY_KEY = 'endorse.lastEligibility';
const ANNOUNCED_KEY = 'endorse.lastAnnouncements';
/** 3,000 UTF-16 units are at most 9,000 bytes of UTF-8. */
const PART_LENGTH = 3000;

export interface Remembered<T> {
  view: T;
  /** The fingerprint of the settings it ran with. */
  settings: string;
}

/** What one "Create the announcement" wrote for a race, for the Announce step's summary. */
export interface Announced {
  race: string;
  /** How many Docs were created. */
  documents: number;
  /** How many warnings (placeholders left as written) came back with them. */
  warnings: number;
}

export interface LastRun {
  count: Remembered<CountView> | null;
  eligibility: Remembered<EligibilityView> | null;
  /** The races announced since the settings last changed, the latest creation per race. */
  announced: Remembered<Announced[]> | null;
}

/** A fingerprint of the saved rules and sources: it changes whenever either does. */
export function settingsFingerprint(properties: Record<string, string>): string {
  return fnv1a(`${properties[RULES_KEY] ?? ''}\n${properties[SOURCES_KEY] ?? ''}`).toString(16);
}

export function readLastRun(properties: Record<string, string>): LastRun {
  const parts = Number(properties[COUNT_PARTS] ?? 0);
  let countText = '';
  for (let i = 0; i < parts; i++) countText += properties[`${COUNT_PREFIX}${i}`] ?? '';
  return {
    count: parse<CountView>(countText),
    eligibility: parse<EligibilityView>(properties[ELIGIBILITY_KEY] ?? ''),
    announced: announcedOf(properties),
  };
}

function announcedOf(properties: Record<string, string>): Remembered<Announced[]> | null {
  const announced = parse<Announced[]>(properties[ANNOUNCED_KEY] ?? '');
  return announced && Array.isArray(announced.view) ? announced : null;
}

export interface PropertyChanges {
  set: Record<string, string>;
  remove: string[];
}

/** The properties that remember `view` as the last count, and the stale parts of an older, longer one. */
export function countChanges(view: CountView, properties: Record<string, string>): PropertyChanges {
  const text = JSON.stringify({ view, settings: settingsFingerprint(properties) } satisfies Remembered<CountView>);
  const set: Record<string, string> = {};
  let parts = 0;
  for (let at = 0; at < text.length; at += PART_LENGTH, parts++) set[`${COUNT_PREFIX}${parts}`] = text.slice(at, at + PART_LENGTH);
  set[COUNT_PARTS] = String(parts);
  const remove = Object.keys(properties).filter((k) => k.startsWith(COUNT_PREFIX) && !(k in set));
  return { set, remove };
}

export function eligibilityChanges(view: EligibilityView, properties: Record<string, string>): PropertyChanges {
  const remembered: Remembered<EligibilityView> = { view, settings: settingsFingerprint(properties) };
  return { set: { [ELIGIBILITY_KEY]: JSON.stringify(remembered) }, remove: [] };
}

/**
 * Remembers the races just announced, over the races announced earlier under
 * the same settings; under other settings those said what an older count said.
 */
export function announcedChanges(done: Announced[], properties: Record<string, string>): PropertyChanges {
  const settings = settingsFingerprint(properties);
  const before = announcedOf(properties);
  const kept = before && before.settings === settings ? before.view.filter((a) => !done.some((d) => d.race === a.race)) : [];
  const remembered: Remembered<Announced[]> = { view: [...kept, ...done], settings };
  return { set: { [ANNOUNCED_KEY]: JSON.stringify(remembered) }, remove: [] };
}

/**
 * Writes the changes: one call, plus one per stale part. This runs after the
 * sheets are written, so a store that fails (full, or down) must not turn a
 * finished count into a failed one: the sidebar only loses its summary.
 */
export function applyChanges(store: GoogleAppsScript.Properties.Properties, changes: PropertyChanges): void {
  try {
    store.setProperties(changes.set);
    for (const key of changes.remove) store.deleteProperty(key);
  } catch (error) {
    if (!isServiceError(error)) throw error;
  }
}

function parse<T>(text: string): Remembered<T> | null {
  if (text === '') return null;
  try {
    const value = JSON.parse(text) as Remembered<T>;
    return value && typeof value === 'object' && 'view' in value ? value : null;
  } catch {
    // A record cut short (an older version, a failed write) is forgotten, not an error.
    return null;
  }
}
