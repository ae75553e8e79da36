/**
 * Builds dist/sidebar.html alone (scripts/build.ts's own sidebar step), for when
 * the rest of the build is broken by work in progress elsewhere in src/:
 *   npx tsx test/browser/buildSidebar.ts
 */
import { pathToFileURL } from 'node:url';
import { buildSidebar as buildSidebarPage } from '../../scripts/build';
import { SIDEBAR_HTML } from './sidebarServer';

export function buildSidebar(out = SIDEBAR_HTML): Promise<number> {
  return buildSidebarPage(out);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const size = await buildSidebar();
  console.log(`${SIDEBAR_HTML} ${(size / 1024).toFixed(1)} KiB`);
}
