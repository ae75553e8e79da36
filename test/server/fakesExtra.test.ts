import { describe, expect, it } from 'vitest';
import { withCache } from '../fakes/extra';
import { createSheetsWorld } from '../fakes/index';

describe('the additions of test/fakes/extra.ts', () => {
  it('Sheet.deleteColumns removes columns, moving the cells right of them left, and refuses out-of-bounds ones', () => {
    const world = createSheetsWorld({ sheets: { Grid: [['a', 'b', 'c', 'd']] } });
    const sheet = world.services.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Grid')!;
    sheet.deleteColumns(2, 2);
    expect(world.sheet('Grid').displayValues()).toEqual([['a', 'd']]);
    expect(world.sheet('Grid').grid.maxColumns).toBe(24);
    expect(() => sheet.deleteColumns(24, 2)).toThrow('Those columns are out of bounds.');
    expect(() => sheet.deleteColumns(1, 24)).toThrow("You can't delete all the columns on the sheet.");
    expect(world.calls.count('Sheet.deleteColumns', 'Grid')).toBe(3);
  });

  it('CacheService keeps strings per scope and logs each call', () => {
    const world = createSheetsWorld();
    const { service, caches } = withCache(world);
    service.getDocumentCache()!.put('k', 'v', 60);
    expect(service.getDocumentCache()!.get('k')).toBe('v');
    expect(service.getUserCache()!.get('k')).toBeNull();
    service.getDocumentCache()!.remove('k');
    expect(caches.document.values.size).toBe(0);
    expect(caches.document.puts).toEqual([{ key: 'k', value: 'v', expirationInSeconds: 60 }]);
    expect(world.calls.count('Cache.*')).toBe(4);
  });
});
