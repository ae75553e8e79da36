import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { readEntryPoints } from '../../scripts/entryPoints';
import { NODE_ONLY_GLOBALS, callEntry, loadBundle, readBundle } from '../sandbox/bundle';

const mainSource = readFileSync(join(import.meta.dirname, '../../src/main.ts'), 'utf8');
const entries = readEntryPoints('src/main.ts', mainSource);

describe('dist/Code.js', () => {
  const code = readBundle();
  const file = ts.createSourceFile('Code.js', code, ts.ScriptTarget.ES2020, true, ts.ScriptKind.JS);
  const topLevel = new Map(
    file.statements.filter(ts.isFunctionDeclaration).map((f) => [f.name!.text, f] as const),
  );

  it('declares every export of src/main.ts as a top-level function with its JSDoc', () => {
    expect(entries.length).toBeGreaterThan(0);
    for (const entry of entries) {
      const declaration = topLevel.get(entry.name);
      expect(declaration, `top-level function ${entry.name}`).toBeDefined();
      const docs = ts.getJSDocCommentsAndTags(declaration!).map((d) => d.getText(file));
      expect(docs.join('\n')).toBe(entry.jsdoc);
      expect(declaration!.parameters.map((p) => p.getText(file))).toEqual(entry.params);
    }
  });

  it('puts everything else inside one global, so only the entry points are visible', () => {
    const names = file.statements.flatMap((s) =>
      ts.isVariableStatement(s) ? s.declarationList.declarations.map((d) => d.name.getText(file)) : [],
    );
    expect(names).toEqual(['Endorse']);
    expect([...topLevel.keys()].sort()).toEqual(entries.map((e) => e.name).sort());
  });

  it('runs in a bare sandbox that has none of the Node globals', () => {
    const bundle = loadBundle();
    for (const name of NODE_ONLY_GLOBALS) {
      const path = name.split('.');
      const value = path.reduce<unknown>((v, key) => (v as Record<string, unknown> | undefined)?.[key], bundle);
      expect(value, name).toBeUndefined();
    }
    expect(typeof bundle['onOpen']).toBe('function');
  });

  it('builds the menu in AuthMode.NONE without touching PropertiesService', () => {
    const items: string[] = [];
    const menu = {
      addItem(label: string, fn: string) { items.push(`${label} -> ${fn}`); return menu; },
      addSeparator() { items.push('---'); return menu; },
      addToUi() { items.push('shown'); },
    };
    const untouchable = new Proxy({}, { get(_t, key) { throw new Error(`PropertiesService.${String(key)} touched in AuthMode.NONE`); } });
    const bundle = loadBundle({
      SpreadsheetApp: { getUi: () => ({ createAddonMenu: () => menu }) },
      PropertiesService: untouchable,
      ScriptApp: { AuthMode: { NONE: 'NONE', FULL: 'FULL' } },
    });
    callEntry(bundle, 'onOpen', { authMode: 'NONE' });
    expect(items[0]).toBe('Open Endorse -> showSidebar');
    expect(items.at(-1)).toBe('shown');
    for (const item of items.filter((i) => i.includes('->'))) {
      const fn = item.split(' -> ')[1]!;
      expect(typeof bundle[fn], `menu calls ${fn}`).toBe('function');
    }
  });
});

describe('dist/sidebar.html', () => {
  const html = readFileSync(join(import.meta.dirname, '../../dist/sidebar.html'), 'utf8');
  it('is one self-contained page: its script and style are inline', () => {
    expect(html).not.toMatch(/<script[^>]+src=/i);
    expect(html).not.toMatch(/<link[^>]+stylesheet/i);
    expect(html.match(/<script>/g)).toHaveLength(1);
    expect(html.match(/<\/script>/gi)).toHaveLength(1);
    expect(html).toContain('<style>');
  });
});
