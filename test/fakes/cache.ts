/**
 * CacheService: document, script and user caches of strings, with Apps
 * Script's limit on one value. Every call goes to the world's call log (so a
 * fault can be armed on "Cache.put"), and every put is kept in order, so a test
 * can read what a poller could have seen while a count ran.
 */
import { exposed, type ExactSurface, type FakeContext } from './context';

type GasCache = GoogleAppsScript.Cache.Cache;

export type CacheScope = 'document' | 'script' | 'user';

/** Apps Script's limit on one cached value: 100 KB. */
export const CACHE_VALUE_LIMIT = 100 * 1024;
export const CACHE_VALUE_TOO_LARGE = 'Argument too large: value';

/** One cache's contents; tests may read and seed `values` directly. */
export class CacheState {
  readonly values = new Map<string, string>();
  /** Every put, oldest first. */
  readonly puts: { key: string; value: string; expirationInSeconds?: number }[] = [];
}

export type CacheMethod = 'get' | 'put' | 'remove';

export class FakeCache implements Pick<GasCache, CacheMethod> {
  constructor(readonly model: CacheState, private readonly scope: CacheScope, private readonly ctx: FakeContext) {}

  get(key: string): string | null {
    this.log('get');
    return this.model.values.get(String(key)) ?? null;
  }

  // Expiry is recorded, not enforced: a test's run is far shorter than any expiration.
  put(key: string, value: string, expirationInSeconds?: number): void {
    this.log('put');
    const text = String(value);
    if (text.length > CACHE_VALUE_LIMIT) throw this.ctx.exception(CACHE_VALUE_TOO_LARGE);
    this.model.values.set(String(key), text);
    this.model.puts.push({ key: String(key), value: text, ...(expirationInSeconds === undefined ? {} : { expirationInSeconds }) });
  }

  remove(key: string): void {
    this.log('remove');
    this.model.values.delete(String(key));
  }

  private log(method: CacheMethod): void {
    this.ctx.calls.record(`Cache.${method}`, this.scope);
  }
}

export const cacheSurface: ExactSurface<FakeCache, CacheMethod> = true;

export type CacheServiceMethod = 'getDocumentCache' | 'getScriptCache' | 'getUserCache';

export class FakeCacheService implements Pick<GoogleAppsScript.Cache.CacheService, CacheServiceMethod> {
  constructor(readonly model: Record<CacheScope, CacheState>, private readonly ctx: FakeContext) {}

  getDocumentCache(): GasCache {
    return this.cache('getDocumentCache', 'document');
  }

  getScriptCache(): GasCache {
    return this.cache('getScriptCache', 'script');
  }

  getUserCache(): GasCache {
    return this.cache('getUserCache', 'user');
  }

  private cache(method: CacheServiceMethod, scope: CacheScope): GasCache {
    this.ctx.calls.record(`CacheService.${method}`);
    return exposed<GasCache>(new FakeCache(this.model[scope], scope, this.ctx));
  }
}

export const cacheServiceSurface: ExactSurface<FakeCacheService, CacheServiceMethod> = true;
