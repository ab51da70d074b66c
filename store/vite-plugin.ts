/**
 * Compiles the fact store at build time into the virtual module `virtual:fact-index` (the compiled index as JSON,
 * for the popup's and options page's store search). `modules/fact-store.ts` writes the rest as files: the binary
 * index the content script opens (`binaryIndex`) and the card bodies in shards the background reads on demand
 * (`cardBodies`). Place cards gain their locator maps here (`facts/maps.ts`, d3 in Node only), so
 * `compile.ts` stays free of Node and of map data. A bad record fails the build with the file and field named.
 */
import { existsSync } from 'node:fs';
import type { Plugin } from 'vite';
import { buildMatcher } from '../engine/matcher-build';
import { writeIndex } from '../engine/index-format';
import { compileCards, compileIndex, type CompiledIndex } from './compile';
import type { CardBody } from '../core/messages';
import { FACTS_DIR, loadRecords } from './load';
import { withMaps } from './maps';
import { FactError } from './schema';

/** `index`: the whole index as JSON, parsed when the module loads (popup and options, for the store search). */
function indexModule(index: CompiledIndex): string {
  // JSON.parse of a string literal parses faster than the same data as a JS object literal.
  return `export const index = /* @__PURE__ */ JSON.parse(${JSON.stringify(JSON.stringify(index))});`;
}

const MODULES: Record<string, (records: ReturnType<typeof loadRecords>) => string> = {
  'virtual:fact-index': (rs) => indexModule(compileIndex(rs.map((r) => r.record))),
};

/** The binary index the content script opens (`engine/index-format.ts`), from validated records. */
/** Every card body with its locator map, from validated records (the build writes them as shards). */
export function cardBodies(records: ReturnType<typeof loadRecords>): Record<string, CardBody> {
  return withMaps(compileCards(records.map((r) => r.record)));
}

export function binaryIndex(records: ReturnType<typeof loadRecords>): Uint8Array {
  const index = compileIndex(records.map((r) => r.record));
  return writeIndex(buildMatcher(index), index.entities, index.related);
}

/** Loads the records, turning a bad one into the build error that names its file and field. */
function loadOrFail(ctx: { error(message: string): never }, root: string) {
  try {
    return loadRecords(root);
  } catch (err) {
    if (err instanceof FactError) ctx.error(`Invalid fact record: ${err.message}`);
    throw err;
  }
}

export function factsPlugin(root: string = FACTS_DIR): Plugin {
  return {
    name: 'fact-cards:facts',
    resolveId(id) {
      return id in MODULES ? `\0${id}` : undefined;
    },
    load(id) {
      const make = id.startsWith('\0') ? MODULES[id.slice(1)] : undefined;
      if (!make) return undefined;
      const records = loadOrFail(this, root);
      // Generated records name their source ("facts/countries.ts (world-countries)"), not a file to watch.
      for (const r of records) if (existsSync(`${root}/../${r.file}`)) this.addWatchFile(`${root}/../${r.file}`);
      return make(records);
    },
  };
}
