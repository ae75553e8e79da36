/**
 * Builds dist/sidebar.html alone, exactly as scripts/build.ts does, for when
 * the rest of the build is broken by work in progress elsewhere in src/:
 *   npx tsx test/browser/buildSidebar.ts
 */
import * as esbuild from 'esbuild';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { SIDEBAR_HTML } from './sidebarServer';

const root = join(import.meta.dirname, '../..');

export async function buildSidebar(out = SIDEBAR_HTML): Promise<number> {
  const script = await esbuild.build({
    entryPoints: [join(root, 'sidebar/main.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    legalComments: 'none',
    logLevel: 'silent',
  });
  const js = script.outputFiles[0]!.text;
  const css = readFileSync(join(root, 'sidebar/style.css'), 'utf8');
  if (/<\/script/i.test(js) || /<\/style/i.test(css)) throw new Error('the sidebar script or style would end its inline tag early');
  const page = readFileSync(join(root, 'sidebar/index.html'), 'utf8')
    .split('<!-- inline:style -->').join(`<style>\n${css}</style>`)
    .split('<!-- inline:script -->').join(`<script>${js}</script>`);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, page);
  return page.length;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const size = await buildSidebar();
  console.log(`${SIDEBAR_HTML} ${(size / 1024).toFixed(1)} KiB`);
}
