/**
 * PropertiesService: document, script and user stores of string values, with
 * the limits Apps Script enforces (9 KB per value, 500 KB per store) and its
 * messages when they are passed.
 */
import { exposed, type ExactSurface, type FakeContext } from './context';

type GasProperties = GoogleAppsScript.Properties.Properties;

export const VALUE_LIMIT_BYTES = 9 * 1024;
export const STORE_LIMIT_BYTES = 500 * 1024;
export const VALUE_TOO_LARGE = 'Argument too large: value';
export const STORE_FULL = 'You have exceeded the property storage quota. Please remove some properties and try again.';

export type Scope = 'document' | 'script' | 'user';

const bytes = (text: string) => Buffer.byteLength(text, 'utf8');

/** One store's contents; tests may read and seed it directly. */
export class PropertyStore {
  readonly values = new Map<string, string>();

  /** Keys and values together, as they count toward the store's quota. */
  size(values: ReadonlyMap<string, string> = this.values): number {
    let total = 0;
    for (const [k, v] of values) total += bytes(k) + bytes(v);
    return total;
  }
}

export type PropertiesMethod =
  | 'getProperty' | 'setProperty' | 'deleteProperty' | 'getProperties' | 'setProperties' | 'getKeys' | 'deleteAllProperties';

export class FakeProperties implements Pick<GasProperties, PropertiesMethod> {
  constructor(readonly model: PropertyStore, private readonly scope: Scope, private readonly ctx: FakeContext) {}

  getProperty(key: string): string | null {
    this.log('getProperty');
    return this.model.values.get(String(key)) ?? null;
  }

  setProperty(key: string, value: string): GasProperties {
    this.log('setProperty');
    this.commit([[String(key), String(value)]], false);
    return exposed<GasProperties>(this);
  }

  deleteProperty(key: string): GasProperties {
    this.log('deleteProperty');
    this.model.values.delete(String(key));
    return exposed<GasProperties>(this);
  }

  /** A copy: changing it changes nothing in the store. */
  getProperties(): { [key: string]: string } {
    this.log('getProperties');
    return Object.fromEntries(this.model.values);
  }

  setProperties(properties: { [key: string]: string }, deleteAllOthers = false): GasProperties {
    this.log('setProperties');
    this.commit(Object.entries(properties).map(([k, v]) => [k, String(v)]), deleteAllOthers);
    return exposed<GasProperties>(this);
  }

  getKeys(): string[] {
    this.log('getKeys');
    return [...this.model.values.keys()];
  }

  deleteAllProperties(): GasProperties {
    this.log('deleteAllProperties');
    this.model.values.clear();
    return exposed<GasProperties>(this);
  }

  /** All or nothing: a value over 9 KB, or a store over 500 KB, leaves the store as it was. */
  private commit(entries: [string, string][], replace: boolean): void {
    if (entries.some(([, v]) => bytes(v) > VALUE_LIMIT_BYTES)) throw this.ctx.exception(VALUE_TOO_LARGE);
    const next = new Map(replace ? [] : this.model.values);
    for (const [k, v] of entries) next.set(k, v);
    if (this.model.size(next) > STORE_LIMIT_BYTES) throw this.ctx.exception(STORE_FULL);
    this.model.values.clear();
    for (const [k, v] of next) this.model.values.set(k, v);
  }

  private log(method: PropertiesMethod): void {
    this.ctx.calls.record(`Properties.${method}`, this.scope);
  }
}

export const propertiesSurface: ExactSurface<FakeProperties, PropertiesMethod> = true;

export type PropertiesServiceMethod = 'getDocumentProperties' | 'getScriptProperties' | 'getUserProperties';

export class FakePropertiesService implements Pick<GoogleAppsScript.Properties.PropertiesService, PropertiesServiceMethod> {
  constructor(readonly model: Record<Scope, PropertyStore>, private readonly ctx: FakeContext) {}

  getDocumentProperties(): GasProperties {
    return this.store('getDocumentProperties', 'document');
  }

  getScriptProperties(): GasProperties {
    return this.store('getScriptProperties', 'script');
  }

  getUserProperties(): GasProperties {
    return this.store('getUserProperties', 'user');
  }

  private store(method: PropertiesServiceMethod, scope: Scope): GasProperties {
    this.ctx.calls.record(`PropertiesService.${method}`);
    return exposed<GasProperties>(new FakeProperties(this.model[scope], scope, this.ctx));
  }
}

export const propertiesServiceSurface: ExactSurface<FakePropertiesService, PropertiesServiceMethod> = true;
