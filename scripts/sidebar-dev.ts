/**
 * npm run sidebar:dev [-- --port 5180] [--handler path/to/handler.ts] [--no-build]
 *
 * Serves the sidebar on localhost with a google.script.run that forwards every
 * call to a handler module, so the whole vote can be clicked through in a
 * browser without Google. The module's default export makes the handler:
 * `() => (name, args) => result` (return a value or a promise, or throw to fail
 * the call). The default is the scripted server of the browser tests.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { buildSidebar } from '../test/browser/buildSidebar';
import { serveSidebar, type SidebarHandler } from '../test/browser/sidebarServer';

const DEFAULT_HANDLER = 'test/browser/scripted.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '5180' },
    handler: { type: 'string', default: DEFAULT_HANDLER },
    'no-build': { type: 'boolean', default: false },
  },
});

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
  if (!values['no-build']) await buildSidebar();
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
