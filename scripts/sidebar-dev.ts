/**
 * npm run sidebar:dev [-- --port 5180] [--handler path/to/handler.ts] [--no-build]
 *
 * Serves the sidebar on localhost with a google.script.run that forwards every
 * call to a handler module, so the whole vote can be clicked through in a
 * browser without Google. By default the handler is the real add-on:
 * dist/Code.js on the fakes, with the example election's spreadsheet loaded
 * and its rules saved (test/browser/realServer.ts); what it writes lives in
 * memory until the server stops. `--handler test/browser/scripted.ts` gives the
 * canned answers of the browser tests instead. A handler module's default
 * export makes the handler: `() => (name, args) => result` (return a value or
 * a promise, or throw to fail the call).
 */
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { buildSidebar } from '../test/browser/buildSidebar';
import { serveSidebar, type SidebarHandler } from '../test/browser/sidebarServer';

const DEFAULT_HANDLER = 'test/browser/realServer.ts';
const root = join(import.meta.dirname, '..');

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '5180' },
    handler: { type: 'string', default: DEFAULT_HANDLER },
    'no-build': { type: 'boolean', default: false },
  },
});

/** The real server runs dist/Code.js, so it needs the whole build; another handler needs only the sidebar. */
async function build(handler: string): Promise<void> {
  if (resolve(handler) === resolve(root, DEFAULT_HANDLER)) {
    execFileSync(process.execPath, ['--import', 'tsx', join(root, 'scripts/build.ts')], { stdio: 'inherit', cwd: root });
  } else {
    await buildSidebar();
  }
}

async function loadHandler(path: string): Promise<SidebarHandler> {
  const module = (await import(pathToFileURL(resolve(path)).href)) as { default?: () => SidebarHandler | Promise<SidebarHandler> };
  if (typeof module.default !== 'function') throw new Error(`${path} must export default a function that returns the handler`);
  return module.default();
}

/** Prints each call, so what the sidebar asked and what failed shows in the terminal. */
function logged(handler: SidebarHandler): SidebarHandler {
  return async (name, args) => {
    const shown = args.map((a) => JSON.stringify(a)).join(', ');
    try {
      const value = await handler(name, args);
      console.log(`  ${name}(${shown.length > 120 ? `${shown.slice(0, 117)}...` : shown})`);
      return value;
    } catch (error) {
      console.log(`  ${name}(...) failed: ${error instanceof Error ? error.message : String(error)}`);
      throw error;
    }
  };
}

async function main(): Promise<void> {
  if (!values['no-build']) await build(values.handler);
  const handler = logged(await loadHandler(values.handler));
  const server = await serveSidebar(handler, undefined, Number(values.port));
  console.log(`Endorse sidebar: ${server.url}  (calls go to ${values.handler}; Ctrl-C to stop)`);
  console.log('Open it in a window 300 px wide to see it as Sheets shows it.');
  process.once('SIGINT', () => {
    void server.close().then(() => process.exit(0));
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
