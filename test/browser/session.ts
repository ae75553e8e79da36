/** One sidebar in one page, served with a handler, for as long as a test needs it. */
import type { Browser, Locator, Page } from 'playwright-core';
import { sidebarPage, type PageTrouble } from './chromium';
import { serveSidebar, type SidebarHandler } from './sidebarServer';

export interface Session {
  page: Page;
  trouble: PageTrouble;
  /** The section of one step: #step-rules, #step-sources… */
  step(key: 'rules' | 'sources' | 'eligibility' | 'count' | 'announce'): Locator;
}

export async function withSidebar(browser: Browser, handler: SidebarHandler, test: (s: Session) => Promise<void>): Promise<void> {
  const server = await serveSidebar(handler);
  const { page, trouble } = await sidebarPage(browser, server.url);
  try {
    await test({ page, trouble, step: (key) => page.locator(`#step-${key}`) });
  } finally {
    await page.close();
    await server.close();
  }
}

/** The text of a step's badge: "Not started", "Done", "Needs attention". */
export function badge(step: Locator): Locator {
  return step.locator('summary .badge');
}

/** A table's body rows as the cells' text. */
export function rowsOf(table: Locator): Promise<string[][]> {
  return table.locator('tbody tr').evaluateAll((rows) =>
    rows.map((row) => Array.from((row as unknown as PageElement).children).map((cell) => (cell.textContent ?? '').trim())),
  );
}

/**
 * The little of the DOM that the tests read inside the page. The tests compile
 * without the DOM library (they run in Node), so functions passed to
 * page.evaluate cast to these.
 */
export interface PageElement {
  tagName: string;
  textContent: string | null;
  hidden: boolean;
  open: boolean;
  disabled: boolean;
  parentElement: PageElement | null;
  classList: { contains(name: string): boolean };
  children: ArrayLike<PageElement>;
}

export interface PageWindow {
  document: { activeElement: PageElement };
  getComputedStyle(element: PageElement): { outlineStyle: string };
  __xss?: unknown;
}
