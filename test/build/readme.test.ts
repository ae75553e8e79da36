import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const scripts = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;

describe('the README, the user\'s door', () => {
  it('opens with the two commands after npm install, and both exist', () => {
    const quickStart = readme.slice(readme.indexOf('## Quick start'), readme.indexOf('## ', readme.indexOf('## Quick start') + 3));
    expect(quickStart).toMatch(/npm install\nnpm run demo .*\nnpm test /);
    expect(scripts['demo']).toBeDefined();
    expect(scripts['test']).toBeDefined();
  });

  it('keeps the sections a leader and a developer look for', () => {
    for (const heading of ['Running a vote in Google Sheets', 'Formulas', 'The command line', 'Rules reference', 'Pushing to a spreadsheet with clasp', 'What is verified only against fakes', 'Reliability']) {
      expect(readme, heading).toContain(`## ${heading}`);
    }
  });

  it('links only to files that exist', () => {
    const links = [...readme.matchAll(/\]\(((?:docs|examples)\/[^)#]+)/g)].map((m) => m[1]!);
    expect(links.length).toBeGreaterThan(5);
    for (const link of links) expect(existsSync(join(root, link)), link).toBe(true);
  });

  it('names every scope of the manifest, with its reason', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'appsscript.json'), 'utf8')) as { oauthScopes: string[] };
    for (const scope of manifest.oauthScopes) {
      const short = scope.replace('https://www.googleapis.com/auth/', '');
      expect(readme, short).toMatch(new RegExp(`\\| \`${short.replace('.', '\\.')}\` \\| \\S`));
    }
  });
});
