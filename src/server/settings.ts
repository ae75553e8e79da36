/**
 * The settings of one spreadsheet, kept in its document properties: the rules
 * the group agreed and the sheets that hold responses, roster, attendance and
 * proxies. Both are validated by their schemas on every read, so a setting
 * edited by hand or saved by an older version is reported, never half-used.
 */
import * as z from 'zod/mini';
import { parseRules, RulesError, type Rules, type RulesInput } from '../core/rules';
import { SourcesSchema, type Settings, type Sources } from '../shared/sidebarApi';
import { UserError } from './errors';

export const RULES_KEY = 'endorse.rules';
export const SOURCES_KEY = 'endorse.sources';

/** Apps Script refuses a property value over 9 KB; a character may take up to 3 bytes. */
const MAX_VALUE_BYTES = 9 * 1024;

export interface SavedSettings {
  /** As saved: the rules as the group wrote them, the sources with their defaults. */
  settings: Settings;
  /** The rules with their defaults, or null when the saved ones cannot be used. */
  rules: Rules | null;
  /** What to fix when the saved settings cannot be used. */
  problem: string | null;
  saved: { rules: boolean; sources: boolean };
}

const WHERE_TO_FIX = 'Fix them in Extensions › Endorse › Open Endorse';

/** Reads the settings out of the document properties (all of them, read once by the caller). */
export function readSettings(properties: Record<string, string>): SavedSettings {
  const problems: string[] = [];
  const rulesText = properties[RULES_KEY];
  const sourcesText = properties[SOURCES_KEY];

  let rulesInput: RulesInput = {};
  let rules: Rules | null = null;
  const rulesJson = rulesText === undefined ? {} : parseJson(rulesText);
  if (rulesJson === undefined) {
    problems.push('The saved rules are not readable (not JSON): save the rules again');
  } else {
    rulesInput = rulesJson as RulesInput;
    try {
      rules = parseRules(rulesJson);
    } catch (error) {
      if (!(error instanceof RulesError)) throw error;
      problems.push(`The saved rules cannot be used: ${error.problems.join('; ')}`);
    }
  }

  let sources: Sources = { secondVotes: [] };
  const sourcesJson = sourcesText === undefined ? {} : parseJson(sourcesText);
  const parsed = z.safeParse(SourcesSchema, sourcesJson ?? null);
  if (parsed.success) sources = parsed.data;
  else problems.push('The saved choice of sheets is not readable: choose the sheets again in the Sources step');

  return {
    settings: { sources, rules: rulesInput },
    rules,
    problem: problems.length ? `${problems.join('. ')}. ${WHERE_TO_FIX}.` : null,
    saved: { rules: rulesText !== undefined, sources: sourcesText !== undefined },
  };
}

/** The rules to count with; a leader who never saved any gets the defaults. */
export function rulesInForce(saved: SavedSettings): Rules {
  if (saved.problem !== null || saved.rules === null) throw new UserError(saved.problem ?? `The saved rules cannot be used. ${WHERE_TO_FIX}.`);
  return saved.rules;
}

/**
 * Checks settings sent by the sidebar and returns the properties that hold
 * them. Throws RulesError or UserError saying what is wrong.
 */
export function settingsProperties(settings: unknown): Record<string, string> {
  if (settings === null || typeof settings !== 'object') throw new UserError('Nothing to save: the sidebar sent no settings. Reload the sidebar and try again.');
  const { rules, sources } = settings as Partial<Settings>;
  parseRules(rules ?? {});
  const parsed = z.safeParse(SourcesSchema, sources ?? {});
  if (!parsed.success) {
    const paths = parsed.error.issues.map((i) => i.path.map(String).join('.') || 'sources');
    throw new UserError(`The choice of sheets cannot be saved (${paths.join(', ')}): each must be the name of a sheet. Choose them again in the Sources step.`);
  }
  const entries = { [RULES_KEY]: JSON.stringify(rules ?? {}), [SOURCES_KEY]: JSON.stringify(parsed.data) };
  for (const [key, text] of Object.entries(entries)) {
    if (utf8Length(text) > MAX_VALUE_BYTES) {
      const what = key === RULES_KEY ? 'The rules are' : 'The choice of sheets is';
      throw new UserError(`${what} too long to save in this spreadsheet (${utf8Length(text)} bytes; Google allows ${MAX_VALUE_BYTES}). Shorten the lists of candidates or labels.`);
    }
  }
  return entries;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // A surrogate pair (two UTF-16 units) is one 4-byte character: 2 bytes per unit.
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code >= 0xd800 && code < 0xe000 ? 2 : 3;
  }
  return bytes;
}
