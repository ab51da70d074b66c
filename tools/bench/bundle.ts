/** Bundles the page side of the benchmark (`page.ts`) into one IIFE string for `page.evaluate`. */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

export async function bundlePageScript(): Promise<string> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL('./page.ts', import.meta.url))],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    // Minified like the shipped content script, but identifiers kept so CPU profiles name functions.
    minifyWhitespace: true,
    minifySyntax: true,
  });
  return result.outputFiles[0]!.text;
}
