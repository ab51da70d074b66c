/**
 * The WXT module around the store build: adds the Vite plugin that compiles `facts/` into the virtual card and
 * index modules (`store/vite-plugin.ts`), and writes the binary index the content script opens
 * (`fact-index.bin`, web-accessible under a per-session random URL) and the card bodies in shards
 * (`cards/<n>.json`, read by the background only). WXT loads every module in `modules/` itself.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { addViteConfig, defineWxtModule } from 'wxt/modules';
import { INDEX_FILE } from '../engine/index-format';
import { loadRecords } from '../store/load';
import { FactError } from '../store/schema';
import { binaryIndex, cardBodies, factsPlugin } from '../store/vite-plugin';
import { CARD_SHARDS, cardShard, cardShardFile } from '../core/card-shards';
import type { CardBody } from '../core/messages';

export default defineWxtModule({
  name: 'fact-store',
  setup(wxt) {
    addViteConfig(wxt, () => ({ plugins: [factsPlugin()] }));
    wxt.hooks.hook('build:publicAssets', (_wxt, files) => {
      let records;
      try {
        records = loadRecords();
      } catch (err) {
        if (err instanceof FactError) throw new Error(`Invalid fact record: ${err.message}`);
        throw err;
      }
      mkdirSync(join(wxt.config.wxtDir, 'cards'), { recursive: true });
      const file = join(wxt.config.wxtDir, INDEX_FILE);
      writeFileSync(file, binaryIndex(records));
      files.push({ absoluteSrc: file, relativeDest: INDEX_FILE });
      // Card bodies in shards: the background parses only the shard of the card it is asked for.
      const shards: Record<string, CardBody>[] = Array.from({ length: CARD_SHARDS }, () => ({}));
      for (const [id, card] of Object.entries(cardBodies(records))) shards[cardShard(id)]![id] = card;
      shards.forEach((shard, n) => {
        const path = join(wxt.config.wxtDir, cardShardFile(n));
        writeFileSync(path, JSON.stringify(shard));
        files.push({ absoluteSrc: path, relativeDest: cardShardFile(n) });
      });
    });
    wxt.hooks.hook('build:manifestGenerated', (_wxt, manifest) => {
      // The content script fetches the index from the page's side, so it must be web-accessible. A dynamic URL
      // changes every session, so a page cannot probe for the extension by fetching a fixed address; Firefox has
      // no use_dynamic_url (its extension host is already a random per-install UUID).
      const entry = { resources: [INDEX_FILE], matches: ['http://*/*', 'https://*/*'] };
      manifest.web_accessible_resources = [
        ...(manifest.web_accessible_resources ?? []),
        wxt.config.browser === 'firefox' ? entry : { ...entry, use_dynamic_url: true },
      ] as typeof manifest.web_accessible_resources;
    });
  },
});
