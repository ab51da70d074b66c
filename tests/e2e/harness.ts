/**
 * The end-to-end fixture: one Chromium with the built extension per test file, plus a local server for
 * `demo/` and any pages a test generates. A missing build or missing Chromium fails every test of the file
 * that uses the harness, with the reason; nothing is skipped.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import {
  assertBuilt,
  launchWithExtension,
  serve,
  type GeneratedPage,
  type LaunchedExtension,
  type StaticServer,
} from '../support/chromium';
import * as helpers from '../support/page-helpers';

export {
  card,
  cardText,
  clickInCard,
  focused,
  hover,
  inCard,
  inExtensionWorld,
  markCount,
  marks,
  reachableMark,
  until,
  waitForMarks,
  type Mark,
  type Summary,
} from '../support/page-helpers';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const DEMO_DIR = path.join(REPO_ROOT, 'demo');

export interface Harness {
  readonly context: BrowserContext;
  readonly extensionId: string;
  /** Origin of the local server, e.g. `http://127.0.0.1:41234`. */
  readonly baseUrl: string;
  /** The extension's service worker (restarted one if Chromium stopped it). */
  worker(): Promise<Worker>;
  /** Opens `pathname` of the local server in a new tab. */
  open(pathname: string): Promise<Page>;
  /** Opens the popup as a tab, pointed at `tabId`, at the popup's real size. */
  openPopup(tabId: number): Promise<Page>;
  tabIdOf(page: Page): Promise<number>;
  summary(tabId: number): Promise<helpers.Summary>;
}

/**
 * Registers beforeAll/afterAll for the calling test file and returns the harness; its members are usable
 * inside tests and hooks. `routes` are extra generated pages (path → body), served besides `demo/`.
 */
export function useExtension(routes: Record<string, GeneratedPage> = {}): Harness {
  let launched: LaunchedExtension | undefined;
  let server: StaticServer | undefined;
  let setupError: unknown;
  const ready = () => {
    // Rethrown in every test that uses the harness, so each one fails with the reason (no build, no Chromium)
    // rather than being reported as skipped, which is what a throwing beforeAll would do.
    if (setupError) throw setupError;
    if (!launched || !server) throw new Error('The e2e harness is not running.');
    return { launched, server };
  };

  beforeAll(async () => {
    try {
      assertBuilt();
      server = await serve(DEMO_DIR, routes);
      launched = await launchWithExtension({ headless: true });
    } catch (err) {
      setupError = err;
    }
  });

  afterAll(async () => {
    await launched?.close();
    await server?.close();
  });

  const harness: Harness = {
    get context() {
      return ready().launched.context;
    },
    get extensionId() {
      return ready().launched.extensionId;
    },
    get baseUrl() {
      return ready().server.url;
    },
    worker: () => ready().launched.worker(),
    async open(pathname) {
      const page = await harness.context.newPage();
      await page.goto(harness.baseUrl + pathname);
      return page;
    },
    async openPopup(tabId) {
      const page = await harness.context.newPage();
      await page.setViewportSize({ width: 380, height: 600 });
      await page.goto(`chrome-extension://${harness.extensionId}/popup.html?tabId=${tabId}`);
      return page;
    },
    tabIdOf: async (page) => helpers.tabIdOf(await harness.worker(), page),
    summary: async (tabId) => helpers.summary(await harness.worker(), tabId),
  };
  return harness;
}
