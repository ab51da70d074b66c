/**
 * Launches Chromium with the built extension and serves local pages to it.
 * Shared by the end-to-end tests, the demo and the benchmarks; Node only.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Worker } from 'playwright-core';
import { assertManifest, buildDir, findExecutable } from './executables';

/** Where distributions put unbranded Chromium; the first is Debian's real binary behind the /usr/bin wrapper. */
const CHROMIUM_CANDIDATES = [
  '/usr/lib/chromium/chromium',
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/snap/bin/chromium',
];

/** The built MV3 extension, relative to the repository root. */
export const EXTENSION_DIR = buildDir('chrome-mv3');

/** The service worker registers about 3 s after launch on a two-core machine; allow for a slow CI box. */
const SERVICE_WORKER_TIMEOUT_MS = 20_000;

/**
 * Path of an unbranded Chromium: `CHROME_PATH` if set, else the first known install location.
 * Throws with install instructions when none exists; branded Google Chrome is no substitute,
 * since it ignores `--load-extension`.
 */
export function findChromium(): string {
  return findExecutable('Chromium', 'CHROME_PATH', CHROMIUM_CANDIDATES, [
    'Install it (Debian/Ubuntu: `sudo apt-get install -y chromium`) or set CHROME_PATH to a Chromium',
    'or Chrome for Testing binary. Branded Google Chrome will not do: it ignores --load-extension.',
  ]);
}

/** Throws unless `extensionPath` holds a built extension (a manifest.json). */
export function assertBuilt(extensionPath: string = EXTENSION_DIR): void {
  assertManifest(extensionPath, `No extension build at ${extensionPath}: run \`npm run build\` first.`);
}

export interface LaunchedExtension {
  context: BrowserContext;
  extensionId: string;
  /** The extension's background service worker at launch; use `worker()` for one that is surely alive. */
  serviceWorker: Worker;
  /** The running service worker, waiting for a restart if Chromium stopped the idle one. */
  worker: () => Promise<Worker>;
  /** Closes the browser and deletes its throw-away profile. */
  close: () => Promise<void>;
}

/**
 * Starts Chromium with a fresh profile and only our extension loaded.
 * Every request that is not to 127.0.0.1 or to an extension is aborted, so saved pages cannot reach the web.
 */
export async function launchWithExtension({
  extensionPath = EXTENSION_DIR,
  headless = true,
}: { extensionPath?: string; headless?: boolean } = {}): Promise<LaunchedExtension> {
  assertBuilt(extensionPath);
  const executablePath = findChromium();
  const userDataDir = await mkdtemp(path.join(os.tmpdir(), 'factcards-profile-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath,
      headless,
      viewport: { width: 1280, height: 800 },
      args: [
        `--disable-extensions-except=${extensionPath}`,
        `--load-extension=${extensionPath}`,
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  } catch (err) {
    await rm(userDataDir, { recursive: true, force: true });
    throw err;
  }
  const close = async () => {
    await context.close().catch(() => {});
    await rm(userDataDir, { recursive: true, force: true });
  };
  try {
    await blockOutside(context);
    const isOurs = (w: Worker) => w.url().startsWith('chrome-extension://');
    const worker = async () =>
      context.serviceWorkers().find(isOurs) ??
      (await context.waitForEvent('serviceworker', { predicate: isOurs, timeout: SERVICE_WORKER_TIMEOUT_MS }));
    let serviceWorker: Worker;
    try {
      serviceWorker = await worker();
    } catch {
      throw new Error(
        `The extension's service worker did not start within ${SERVICE_WORKER_TIMEOUT_MS / 1000} s. ` +
          `Is ${extensionPath} a complete MV3 build with a background entry? Try \`npm run build\`.`,
      );
    }
    const extensionId = new URL(serviceWorker.url()).host;
    return { context, extensionId, serviceWorker, worker, close };
  } catch (err) {
    await close();
    throw err;
  }
}

/** Aborts every request that is not to 127.0.0.1 or inside the browser (extension, data, blob, about). */
export async function blockOutside(context: BrowserContext): Promise<void> {
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    const local = url.hostname === '127.0.0.1' && (url.protocol === 'http:' || url.protocol === 'https:');
    const inside = ['chrome-extension:', 'data:', 'blob:', 'about:'].includes(url.protocol);
    return local || inside ? route.continue() : route.abort('blockedbyclient');
  });
}

/**
 * Starts headless Chromium without extensions (for baselines and benchmarks); `args` are extra switches.
 * Contexts made from it should call `blockOutside` themselves.
 */
export function launchPlain({
  args = [],
  headless = true,
}: { args?: string[]; headless?: boolean } = {}): Promise<Browser> {
  return chromium.launch({ executablePath: findChromium(), headless, args: ['--no-first-run', ...args] });
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/** A page made at request time: its body, and a content type (HTML unless said otherwise). */
export type GeneratedPage = () =>
  string | { body: string; type: string } | Promise<string | { body: string; type: string }>;

export interface StaticServer {
  /** Origin without a trailing slash, e.g. `http://127.0.0.1:41234`. */
  url: string;
  close: () => Promise<void>;
}

/**
 * Serves `rootDir` (and any generated `routes`, keyed by path such as `/seed.html`) on 127.0.0.1 at a free port.
 * Requests outside `rootDir` get 404; nothing is cached.
 */
export async function serve(rootDir: string, routes: Record<string, GeneratedPage> = {}): Promise<StaticServer> {
  const root = path.resolve(rootDir);
  const server = createServer(async (req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    const send = (status: number, type: string, body: string | Buffer) => {
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    try {
      const generated = routes[pathname];
      if (generated) {
        const page = await generated();
        const { body, type } = typeof page === 'string' ? { body: page, type: CONTENT_TYPES['.html']! } : page;
        return send(200, type, body);
      }
      const file = path.resolve(root, '.' + (pathname.endsWith('/') ? pathname + 'index.html' : pathname));
      if (file !== root && !file.startsWith(root + path.sep)) return send(404, 'text/plain', 'not found');
      const body = await readFile(file);
      send(200, CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream', body);
    } catch (err) {
      const missing =
        (err as NodeJS.ErrnoException).code === 'ENOENT' || (err as NodeJS.ErrnoException).code === 'EISDIR';
      send(missing ? 404 : 500, 'text/plain', missing ? 'not found' : String(err));
    }
  });
  return listen(server);
}

/** Starts an HTTP server on a free port of 127.0.0.1; `close` also ends open keep-alive connections. */
export async function listen(server: Server): Promise<StaticServer> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
