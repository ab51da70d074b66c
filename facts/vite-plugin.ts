/**
 * Compiles the fact store at build time into two virtual modules:
 * `virtual:fact-index` (matching index, for the content script) and `virtual:fact-cards` (card bodies, for the
 * background and popup). Place cards gain their locator maps here (`facts/maps.ts`, d3 in Node only), so
 * `compile.ts` stays free of Node and of map data. A bad record fails the build with the file and field named.
 */
import type { Plugin } from 'vite';
import { compileCards, compileIndex } from './compile';
import { FACTS_DIR, loadRecords } from './load';
import { withMaps } from './maps';
import { FactError } from './schema';

const MODULES: Record<string, (records: ReturnType<typeof loadRecords>) => string> = {
  // JSON.parse of a string literal parses faster than the same data as a JS object literal.
  'virtual:fact-index': (rs) =>
    `export const index = JSON.parse(${JSON.stringify(JSON.stringify(compileIndex(rs.map((r) => r.record))))});`,
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
      for (const r of records) this.addWatchFile(`${root}/../${r.file}`);
      return make(records);
    },
  };
}
