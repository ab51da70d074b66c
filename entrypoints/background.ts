import { browser, defineBackground } from '#imports';
import { BADGE_COLOR, createBackgroundHandler } from '../core/background-handler';
import { toBase64 } from '../core/base64';
import { cardShard, cardShardFile } from '../core/card-shards';
import { COMMANDS, type CardBody } from '../core/messages';
import { packsKey, type FactPacks } from '../core/settings';
import { writeIndex } from '../engine/index-format';
import { buildMatcher } from '../engine/matcher-build';
import { factPacks, preferences, setSiteEnabled, siteSettings } from '../platform/storage';
import { compilePack, mergeIndexes } from '../store/packs';

/** Card shards kept parsed: a page's cards come from a few, and an idle worker is dropped anyway. */
const SHARDS_KEPT = 8;

export default defineBackground(() => {
  // Built-in cards come from their shard, read when first asked for; pack cards are compiled on change.
  const shards = new Map<number, Promise<Record<string, CardBody>>>();
  const shard = (n: number) => {
    let s = shards.get(n);
    if (!s) {
      const url = (browser.runtime.getURL as (path: string) => string)(`/${cardShardFile(n)}`);
      s = fetch(url).then((r) => r.json() as Promise<Record<string, CardBody>>);
      shards.set(n, s);
      if (shards.size > SHARDS_KEPT) shards.delete(shards.keys().next().value!);
    }
    return s;
  };
  let packCards: Record<string, CardBody> = {};
  const loadPacks = (v: FactPacks) => {
    packCards = Object.assign({}, ...v.packs.map((p) => compilePack(p.records).cards));
  };
  const packsReady = factPacks.getValue().then(loadPacks);
  factPacks.watch(loadPacks);
  const card = async (id: string): Promise<CardBody | null> => {
    // hasOwn: an id such as "constructor" must not reach Object.prototype. Built-ins win on an id clash.
    const built = await shard(cardShard(id));
    if (Object.hasOwn(built, id)) return built[id] ?? null;
    await packsReady;
    return Object.hasOwn(packCards, id) ? (packCards[id] ?? null) : null;
  };

  // The packs' matcher is built here, once per change, and handed to tabs as a small binary index, so the
  // content script carries no compiler and builds nothing.
  let packBinary: { key: string; value: string | null } | undefined;
  const packIndex = async (): Promise<string | null> => {
    const v = await factPacks.getValue();
    const key = packsKey(v);
    if (packBinary?.key !== key) {
      const index =
        v.packs.length === 0
          ? null
          : mergeIndexes(
              { version: 1, entities: [], aliases: [] },
              ...v.packs.map((p) => compilePack(p.records).index),
            );
      packBinary = {
        key,
        value: index ? toBase64(writeIndex(buildMatcher(index), index.entities, index.related)) : null,
      };
    }
    return packBinary.value;
  };

  // MV2 builds (Firefox) have browserAction where MV3 has action.
  const action = browser.action ?? browser.browserAction;
  const handle = createBackgroundHandler({
    card,
    packIndex,
    setSite: setSiteEnabled,
    settings: async () => ({
      siteSettings: await siteSettings.getValue(),
      preferences: await preferences.getValue(),
      factPacks: await factPacks.getValue(),
    }),
    async setBadge(tabId, text) {
      try {
        await action.setBadgeText({ tabId, text });
        if (text) await action.setBadgeBackgroundColor({ tabId, color: BADGE_COLOR });
      } catch {
        // The tab closed before the content script's report arrived.
      }
    },
  });
  browser.runtime.onMessage.addListener((msg: unknown, sender: { tab?: { id?: number } }) => handle(msg, sender));
  // Keyboard commands act on the page, so the content script (which knows its host and marks) handles them.
  browser.commands?.onCommand.addListener((command, tab) => {
    if (tab?.id !== undefined && (COMMANDS as readonly string[]).includes(command)) {
      browser.tabs.sendMessage(tab.id, { type: command }, { frameId: 0 }).catch(() => undefined);
    }
  });
});
