import { browser, defineBackground } from '#imports';
import { cards } from 'virtual:fact-cards';
import { BADGE_COLOR, createBackgroundHandler } from '../core/background-handler';
import { COMMANDS, isBackgroundRequest, type CardBody } from '../core/messages';
import { compilePack, mergeIndexes } from '../store/packs';
import { buildMatcher } from '../engine/matcher-build';
import { writeIndex } from '../engine/index-format';
import { toBase64 } from '../core/base64';
import { type FactPacks } from '../core/settings';
import { factPacks } from '../platform/storage';

export default defineBackground(() => {
  // Built-in cards plus the cards of the user's fact packs (built-ins win on an id clash).
  const all: Record<string, CardBody> = { ...cards };
  let packIds: string[] = [];
  const loadPacks = (v: FactPacks) => {
    for (const id of packIds) delete all[id];
    const extra: Record<string, CardBody> = Object.assign({}, ...v.packs.map((p) => compilePack(p.records).cards));
    packIds = Object.keys(extra).filter((id) => !Object.hasOwn(cards, id));
    for (const id of packIds) all[id] = extra[id]!;
  };
  const packsReady = factPacks.getValue().then(loadPacks);
  factPacks.watch(loadPacks);

  // The packs' matcher is built here, once per change, and handed to tabs as a small binary index, so the
  // content script carries no compiler and builds nothing.
  let packBinary: { key: string; value: string | null } | undefined;
  const packIndex = async (): Promise<string | null> => {
    const v = await factPacks.getValue();
    const key = v.packs.map((p) => `${p.id}:${p.records.length}`).join('|');
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
    cards: all,
    packIndex,
    async setBadge(tabId, text) {
      try {
        await action.setBadgeText({ tabId, text });
        if (text) await action.setBadgeBackgroundColor({ tabId, color: BADGE_COLOR });
      } catch {
        // The tab closed before the content script's report arrived.
      }
    },
  });
  browser.runtime.onMessage.addListener((msg: unknown, sender: { tab?: { id?: number } }) =>
    isBackgroundRequest(msg) && msg.type === 'card' ? packsReady.then(() => handle(msg, sender)) : handle(msg, sender),
  );
  // Keyboard commands act on the page, so the content script (which knows its host and marks) handles them.
  browser.commands?.onCommand.addListener((command, tab) => {
    if (tab?.id !== undefined && (COMMANDS as readonly string[]).includes(command)) {
      browser.tabs.sendMessage(tab.id, { type: command }, { frameId: 0 }).catch(() => undefined);
    }
  });
});
