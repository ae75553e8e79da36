/**
 * Two things the fakes do not provide yet (for their owner to fold in):
 * - CacheService: document, script and user caches of strings, counted in the
 *   world's call log (so faults can be armed on them), with every put kept in
 *   order for a test to read. `withCache(world)` makes one for a world; in the
 *   sandbox, set it on the bundle (`bundle.CacheService = cache.service`).
 * - Sheet.deleteColumns, added to FakeSheet when this module is imported.
 */
import { exposed, type ExactSurface, type FakeContext } from './context';
import type { SheetsWorld } from './index';
import { FakeSheet } from './sheet';

type GasCache = GoogleAppsScript.Cache.Cache;
type Scope = 'document' | 'script' | 'user';

/** Apps Script's limit on one cached value. */
export const CACHE_VALUE_LIMIT = 100 * 1024;

export class CacheState {
  readonly values = new Map<string, string>();
  /** Every put, oldest first: what a poller could have seen. */
  readonly puts: { key: string; value: string; expirationInSeconds?: number }[] = [];
}

export type CacheMethod = 'get' | 'put' | 'remove';

export class FakeCache implements Pick<GasCache, CacheMethod> {
  constructor(readonly model: CacheState, private readonly world: SheetsWorld, private readonly scope: Scope) {}

  get(key: string): string | null {
    this.world.calls.record('Cache.get', this.scope);
    return this.model.values.get(key) ?? null;
  }

  put(key: string, value: string, expirationInSeconds?: number): void {
    this.world.calls.record('Cache.put', this.scope);
    if (String(value).length > CACHE_VALUE_LIMIT) throw new Error('Argument too large: value');
    this.model.values.set(key, String(value));
    this.model.puts.push({ key, value: String(value), ...(expirationInSeconds === undefined ? {} : { expirationInSeconds }) });
  }

  remove(key: string): void {
    this.world.calls.record('Cache.remove', this.scope);
    this.model.values.delete(key);
  }
}

export const cacheSurface: ExactSurface<FakeCache, CacheMethod> = true;

export type CacheServiceMethod = 'getDocumentCache' | 'getScriptCache' | 'getUserCache';

export class FakeCacheService implements Pick<GoogleAppsScript.Cache.CacheService, CacheServiceMethod> {
  constructor(readonly model: Record<Scope, CacheState>, private readonly world: SheetsWorld) {}

  getDocumentCache(): GasCache {
    return this.cache('getDocumentCache', 'document');
  }

  getScriptCache(): GasCache {
    return this.cache('getScriptCache', 'script');
  }

  getUserCache(): GasCache {
    return this.cache('getUserCache', 'user');
  }

  private cache(method: CacheServiceMethod, scope: Scope): GasCache {
    this.world.calls.record(`CacheService.${method}`);
    return exposed<GasCache>(new FakeCache(this.model[scope], this.world, scope));
  }
}

export const cacheServiceSurface: ExactSurface<FakeCacheService, CacheServiceMethod> = true;

export interface CacheWorld {
  service: GoogleAppsScript.Cache.CacheService;
  caches: Record<Scope, CacheState>;
}

/** A CacheService for `world`, logging into its call log. */
export function withCache(world: SheetsWorld): CacheWorld {
  const caches: Record<Scope, CacheState> = { document: new CacheState(), script: new CacheState(), user: new CacheState() };
  return { service: exposed<GoogleAppsScript.Cache.CacheService>(new FakeCacheService(caches, world)), caches };
}

/**
 * Sheet.deleteColumns(columnPosition, howMany), with Sheets' checks: an add-on
 * trims the sheets it writes to their columns, as a spreadsheet may not hold
 * more than 10 million cells. The grid's cells right of the deleted ones move left.
 */
function deleteColumns(this: FakeSheet, columnPosition: number, howMany: number): GoogleAppsScript.Spreadsheet.Sheet {
  const ctx = (this as unknown as { ctx: FakeContext }).ctx;
  const { grid, name, deleted } = this.model;
  ctx.calls.record('Sheet.deleteColumns', name);
  if (deleted) throw ctx.exception(`The sheet "${name}" has been deleted.`);
  if (!Number.isInteger(columnPosition) || !Number.isInteger(howMany) || columnPosition < 1 || howMany < 1 || columnPosition + howMany - 1 > grid.maxColumns) {
    throw ctx.exception('Those columns are out of bounds.');
  }
  if (howMany === grid.maxColumns) throw ctx.exception("You can't delete all the columns on the sheet.");
  // The grid keeps its rows private; this reaches into them the way Grid.insertColumns does.
  const cells = grid as unknown as { values: (unknown[] | undefined)[]; formats: (unknown[] | undefined)[] };
  for (const rows of [cells.values, cells.formats]) for (const row of rows) row?.splice(columnPosition - 1, howMany);
  grid.maxColumns -= howMany;
  return exposed<GoogleAppsScript.Spreadsheet.Sheet>(this);
}

if (!('deleteColumns' in FakeSheet.prototype)) {
  Object.defineProperty(FakeSheet.prototype, 'deleteColumns', { value: deleteColumns, writable: true, configurable: true });
}
