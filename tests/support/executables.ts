/**
 * What the Chromium and Firefox launchers share: finding a browser binary (an environment variable, else the
 * first known install location) and the folder of a build. Node only.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** One build target's folder (`chrome-mv3`, `firefox-mv3`) under `$FACTCARDS_OUT_DIR`, else `.output/`. */
export const buildDir = (target: string): string =>
  path.resolve(process.env.FACTCARDS_OUT_DIR ?? fileURLToPath(new URL('../../.output', import.meta.url)), target);

/** Throws `message` unless `dir` holds a built extension (a manifest.json). */
export function assertManifest(dir: string, message: string): void {
  if (!existsSync(path.join(dir, 'manifest.json'))) throw new Error(message);
}

/**
 * Path of a browser binary: `$envVar` if set (and then it must exist), else the first candidate that exists.
 * Throws "`name` not found" with the places looked at and `howToInstall` lines when none does.
 */
export function findExecutable(
  name: string,
  envVar: string,
  candidates: readonly string[],
  howToInstall: readonly string[],
): string {
  const fromEnv = process.env[envVar];
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`${envVar} is set to ${fromEnv}, but no file exists there.`);
  }
  const found = candidates.find((p) => existsSync(p));
  if (found) return found;
  throw new Error([`${name} not found. Looked at: ${candidates.join(', ')}.`, ...howToInstall].join('\n'));
}
