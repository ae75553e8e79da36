/**
 * Serves the built sidebar (dist/sidebar.html) on 127.0.0.1 with a stand-in
 * for google.script.run injected before the sidebar's own script. Every call
 * the page makes goes over HTTP to `handler(name, args)`, in Node: a scripted
 * server for the browser tests, or dist/Code.js on the fakes for a whole vote.
 * Arguments and results cross as JSON, as they do through google.script.run.
 */
import { createServer, type IncomingMessage } from 'node:http';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

export const SIDEBAR_HTML = join(import.meta.dirname, '../../dist/sidebar.html');

/** One server function call: return its value (or a promise of it), or throw to fail it. */
export type SidebarHandler = (name: string, args: unknown[]) => unknown;

export interface SidebarServer {
  url: string;
  close(): Promise<void>;
}

/**
 * The page's google.script.run: withSuccessHandler / withFailureHandler /
 * withUserObject chain as in Apps Script, and any other name is a server
 * function. Plain ES5 text, so no compiler helper ends up in the page.
 */
export const SHIM = `(function () {
  function runner(success, failure, user) {
    return new Proxy({}, {
      get: function (_target, name) {
        if (typeof name !== 'string' || name === 'then') return undefined;
        if (name === 'withSuccessHandler') return function (f) { return runner(f, failure, user); };
        if (name === 'withFailureHandler') return function (f) { return runner(success, f, user); };
        if (name === 'withUserObject') return function (u) { return runner(success, failure, u); };
        return function () {
          var args = Array.prototype.slice.call(arguments);
          fetch('/__run/' + encodeURIComponent(name), {
            method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(args)
          }).then(function (r) { return r.json(); }).then(function (reply) {
            if (reply.ok) { if (success) success(reply.value, user); }
            else if (failure) failure(new Error(reply.message), user);
          }, function (e) {
            if (failure) failure(new Error('The development server did not answer: ' + e.message), user);
          });
        };
      }
    });
  }
  window.google = { script: {
    run: runner(null, null, undefined),
    host: { close: function () {}, setHeight: function () {}, setWidth: function () {}, editor: { focus: function () {} } }
  } };
})();`;

/** The sidebar page with the shim in front of everything else. */
export function pageWithShim(html: string): string {
  const parts = html.split('<head>');
  if (parts.length !== 2) throw new Error('the sidebar page must hold exactly one <head>');
  return parts.join(`<head>\n<script>${SHIM}</script>`);
}

/**
 * Apps Script shows a failed call as "Name: message", like the error's own
 * toString; the sidebar must turn that into the message alone.
 */
function failure(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}

async function body(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Starts the server on a free port of 127.0.0.1. The page is read on every request, so a rebuild shows on reload. */
export async function serveSidebar(handler: SidebarHandler, page = SIDEBAR_HTML, port = 0): Promise<SidebarServer> {
  const server = createServer((request, response) => {
    void (async () => {
      const path = (request.url ?? '/').split('?')[0]!;
      if (request.method === 'GET' && (path === '/' || path === '/sidebar.html')) {
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
        response.end(pageWithShim(readFileSync(page, 'utf8')));
        return;
      }
      if (request.method === 'POST' && path.startsWith('/__run/')) {
        const name = decodeURIComponent(path.slice('/__run/'.length));
        let reply: { ok: true; value: unknown } | { ok: false; message: string };
        try {
          const args = JSON.parse(await body(request)) as unknown[];
          const value = await handler(name, args);
          reply = { ok: true, value: value === undefined ? null : value };
        } catch (error) {
          reply = { ok: false, message: failure(error) };
        }
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify(reply));
        return;
      }
      response.writeHead(404, { 'content-type': 'text/plain' });
      response.end('not found');
    })().catch((error: unknown) => {
      response.writeHead(500, { 'content-type': 'text/plain' });
      response.end(String(error));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}/`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
