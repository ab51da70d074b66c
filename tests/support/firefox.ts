/**
 * Launches Firefox (Debian's `firefox-esr` or any Firefox 146+) with the built extension, for the Firefox
 * smoke test. Node only.
 *
 * Firefox is driven over WebDriver BiDi with puppeteer-core: Firefox speaks BiDi itself (no geckodriver, no
 * patched browser build), and BiDi's `webExtension.install` (Firefox 138+) loads the unpacked build as a
 * temporary add-on, like `about:debugging` → "Load Temporary Add-on".
 */
import puppeteer, { type Browser } from 'puppeteer-core';
import { assertManifest, buildDir, findExecutable } from './executables';

/** Where Debian, Ubuntu and Mozilla's tarball put Firefox; ESR first, since that is what Debian ships. */
const FIREFOX_CANDIDATES = [
  '/usr/bin/firefox-esr',
  '/usr/lib/firefox-esr/firefox-esr',
  '/usr/bin/firefox',
  '/usr/lib/firefox/firefox',
  '/opt/firefox/firefox',
  '/snap/bin/firefox',
];

/** The built Firefox extension (MV3, see docs/firefox.md), relative to the repository root. */
export const FIREFOX_EXTENSION_DIR = buildDir('firefox-mv3');

/** The add-on id from wxt.config.ts (`browser_specific_settings.gecko.id`). */
export const FIREFOX_ADDON_ID = 'fact-cards@factcards.example';

/**
 * The moz-extension:// host the launcher gives the add-on. Firefox picks a random UUID per profile; the
 * `extensions.webextensions.uuids` pref fixes it so tests can open extension pages (popup.html).
 */
export const FIREFOX_EXTENSION_UUID = '3f1c2a9e-5b7d-4e8a-9c61-0fac7ca2d5e1';

/**
 * The oldest Firefox the manifest accepts (`strict_min_version` in wxt.config.ts): the first that paints
 * text-decoration in `::highlight()`. (BiDi `webExtension.install` needs 138.)
 */
export const FIREFOX_MIN_MAJOR = 146;

/**
 * Path of a Firefox binary: `FIREFOX_PATH` if set, else the first known install location.
 * Throws with install instructions when none exists.
 */
export function findFirefox(): string {
  return findExecutable('Firefox', 'FIREFOX_PATH', FIREFOX_CANDIDATES, [
    'Install it (Debian: `sudo apt-get install -y firefox-esr`; needs Firefox 146 or newer) or set FIREFOX_PATH',
    'to a Firefox binary.',
  ]);
}

/** Throws unless `extensionPath` holds a built Firefox extension. */
export function assertFirefoxBuilt(extensionPath: string = FIREFOX_EXTENSION_DIR): void {
  assertManifest(extensionPath, `No Firefox build at ${extensionPath}: run \`npm run build:firefox\` first.`);
}

export interface LaunchedFirefox {
  browser: Browser;
  /** The add-on id Firefox reports after installing the build. */
  addonId: string;
  /** `moz-extension://<uuid>`, the origin of the add-on's pages. */
  extensionOrigin: string;
  /** `Mozilla Firefox 153.7.0esr` style version string of the running browser. */
  version: string;
  close: () => Promise<void>;
}

/**
 * Starts Firefox with a fresh profile (puppeteer makes and removes it) and installs the build as a
 * temporary add-on. Everything that is not 127.0.0.1 is unreachable: the profile sends all proxied traffic
 * to a closed port, so saved pages cannot reach the web.
 */
export async function launchFirefoxWithExtension({
  extensionPath = FIREFOX_EXTENSION_DIR,
  headless = true,
}: { extensionPath?: string; headless?: boolean } = {}): Promise<LaunchedFirefox> {
  assertFirefoxBuilt(extensionPath);
  const executablePath = findFirefox();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless,
    defaultViewport: { width: 1280, height: 800 },
    // WebDriver BiDi only navigates to web URLs unless this is set; the popup lives at moz-extension://.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      // Nothing leaves the machine: every request but 127.0.0.1 goes to a proxy that is not there.
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': 9,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': 9,
      'network.proxy.allow_hijacking_localhost': false,
      'network.proxy.no_proxies_on': '127.0.0.1',
      // MV3 host permissions (our content_scripts matches) are granted at install, as for a user who accepts
      // the install prompt; this is Firefox's default since 127 and is spelled out so a changed default shows.
      'extensions.originControls.grantByDefault': true,
      'extensions.webextensions.uuids': JSON.stringify({ [FIREFOX_ADDON_ID]: FIREFOX_EXTENSION_UUID }),
    },
  });
  try {
    const version = await browser.version();
    const major = Number(/(\d+)\./.exec(version)?.[1] ?? 0);
    if (major < FIREFOX_MIN_MAJOR) {
      throw new Error(
        `${executablePath} is ${version}; Fact Cards needs Firefox ${FIREFOX_MIN_MAJOR}+ (::highlight() underlines).`,
      );
    }
    const addonId = await browser.installExtension(extensionPath);
    if (addonId !== FIREFOX_ADDON_ID) {
      throw new Error(`Installed add-on id is ${addonId}, expected ${FIREFOX_ADDON_ID} (wxt.config.ts gecko.id).`);
    }
    const extensionOrigin = `moz-extension://${FIREFOX_EXTENSION_UUID}`;
    return { browser, addonId, extensionOrigin, version, close: () => browser.close().catch(() => {}) };
  } catch (err) {
    await browser.close().catch(() => {});
    throw err;
  }
}
