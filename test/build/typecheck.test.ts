import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');

function diagnosticsUnder(configFile: string, file: string): string[] {
  const config = ts.getParsedCommandLineOfConfigFile(join(root, configFile), {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => { throw new Error(String(d.messageText)); },
  })!;
  const program = ts.createProgram([join(root, file)], config.options);
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe('each part is type-checked against the world it runs in', () => {
  it('server code cannot call setTimeout, fetch, URL, TextEncoder or structuredClone', () => {
    const messages = diagnosticsUnder('tsconfig.server.json', 'test/fixtures/typecheck/server-uses-settimeout.ts');
    for (const name of ['setTimeout', 'fetch', 'URL', 'TextEncoder', 'structuredClone']) {
      expect(messages.some((m) => m.includes(`Cannot find name '${name}'`)), name).toBe(true);
    }
    // The Apps Script services themselves are known there.
    expect(messages.some((m) => m.includes("'SpreadsheetApp'"))).toBe(false);
  });

  it('the core cannot see Apps Script services', () => {
    const messages = diagnosticsUnder('tsconfig.core.json', 'test/fixtures/typecheck/server-uses-settimeout.ts');
    expect(messages.some((m) => m.includes("Cannot find name 'SpreadsheetApp'"))).toBe(true);
  });
});
