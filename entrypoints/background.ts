import { browser, defineBackground } from '#imports';
import { cards } from 'virtual:fact-cards';
import { BADGE_COLOR, createBackgroundHandler } from '../lib/background-handler';
import { COMMANDS } from '../lib/messages';

export default defineBackground(() => {
  // MV2 builds (Firefox) have browserAction where MV3 has action.
  const action = browser.action ?? browser.browserAction;
  browser.runtime.onMessage.addListener(
    createBackgroundHandler({
      cards,
      async setBadge(tabId, text) {
        try {
          await action.setBadgeText({ tabId, text });
          if (text) await action.setBadgeBackgroundColor({ tabId, color: BADGE_COLOR });
        } catch {
          // The tab closed before the content script's report arrived.
        }
      },
    }),
  );
  // Keyboard commands act on the page, so the content script (which knows its host and marks) handles them.
  browser.commands?.onCommand.addListener((command, tab) => {
    if (tab?.id !== undefined && (COMMANDS as readonly string[]).includes(command)) {
      browser.tabs.sendMessage(tab.id, { type: command }, { frameId: 0 }).catch(() => undefined);
    }
  });
});
