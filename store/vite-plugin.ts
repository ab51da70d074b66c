/**
 * Compiles the fact store at build time into two virtual modules:
 * `virtual:fact-index` (matching index, for the content script) and `virtual:fact-cards` (card bodies, for the
 * background and popup). Place cards gain their locator maps here (`facts/maps.ts`, d3 in Node only), so
 * `compile.ts` stays free of Node and of map data. A bad record fails the build with the file and field named.
 */
import { existsSync } from 'node:fs';
import type { Plugin } from 'vite';
import { compileCards, compileIndex, type CompiledIndex } from './compile';
import { FACTS_DIR, loadRecords } from './load';
import { withMaps } from './maps';
import { FactError } from './schema';

/** Aliases per JSON text the content script parses in one go: a few milliseconds each on a slow machine. */
export const INDEX_CHUNK = 4000;

/**
 * `index`: the whole index, parsed when the module loads (popup and options; pure, so bundles that do not use it
 * drop it). `loadIndex(pause)`: the same index from several JSON texts parsed one at a time with `pause()`
 * between them, so the content script's start-up is no long task even on a cold machine.
 */
function indexModule(index: CompiledIndex): string {
  const parts = [JSON.stringify(index.entities)];
  for (let i = 0; i < index.aliases.length; i += INDEX_CHUNK) {
    parts.push(JSON.stringify(index.aliases.slice(i, i + INDEX_CHUNK)));
  }
  // JSON.parse of a string literal parses faster than the same data as a JS object literal.
  return `export const index = /* @__PURE__ */ JSON.parse(${JSON.stringify(JSON.stringify(index))});
const parts = ${JSON.stringify(parts)};
export async function loadIndex(pause) {
  const entities = JSON.parse(parts[0]);
  const aliases = [];
  for (let i = 1; i < parts.length; i++) {
    await pause();
    for (const a of JSON.parse(parts[i])) aliases.push(a);
  }
  return { version: ${index.version}, entities, aliases };
}`;
}

const MODULES: Record<string, (records: ReturnType<typeof loadRecords>) => string> = {
  'virtual:fact-index': (rs) => indexModule(compileIndex(rs.map((r) => r.record))),
  'virtual:fact-cards': (rs) =>
    `export const cards = JSON.parse(${JSON.stringify(JSON.stringify(withMaps(compileCards(rs.map((r) => r.record)))))});`,
};

export function factsPlugin(root: string = FACTS_DIR): Plugin {
  return {
    name: 'fact-cards:facts',
    resolveId(id) {
      return id in MODULES ? `\0${id}` : undefined;
    },
    load(id) {
      const make = id.startsWith('\0') ? MODULES[id.slice(1)] : undefined;
      if (!make) return undefined;
      let records;
      try {
        records = loadRecords(root);
      } catch (err) {
        if (err instanceof FactError) this.error(`Invalid fact record: ${err.message}`);
        throw err;
      }
      // Generated records name their source ("facts/countries.ts (world-countries)"), not a file to watch.
      for (const r of records) if (existsSync(`${root}/../${r.file}`)) this.addWatchFile(`${root}/../${r.file}`);
      return make(records);
    },
  };
}
