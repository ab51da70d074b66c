/**
 * The background's message handling, apart from the browser so it can be tested with plain fakes.
 * `entrypoints/background.ts` only wires this to `runtime.onMessage` and the action badge.
 */
import { isBackgroundRequest, type CardBody } from './messages';
import type { StoredSettings } from './settings';

/** Calm dark blue: readable white text, and not the alarm red of Chrome's default badge. */
export const BADGE_COLOR = '#1f3a5f';

export interface BackgroundDeps {
  /** The card body of an entity id, or null. */
  card(id: string): Promise<CardBody | null>;
  setBadge(tabId: number, text: string): void | Promise<void>;
  /** The fact packs' binary index, base64, or null without packs. */
  packIndex?(): Promise<string | null>;
  /** Switches a site on or off in the stored settings. */
  setSite?(host: string, enabled: boolean): Promise<void>;
  /** The stored settings, migrated to their current versions. */
  settings?(): Promise<StoredSettings>;
}

/** Badge text for a number of entities: empty for none, capped because the badge shows about four characters. */
export function badgeText(entities: number): string {
  if (!Number.isFinite(entities) || entities <= 0) return '';
  return entities > 99 ? '99+' : String(Math.floor(entities));
}

/**
 * Returns a `runtime.onMessage` listener: `card` resolves to the card body or null; `pack-index` to the fact
 * packs' binary index (base64) or null; `settings` to the migrated settings; `set-site` stores a site switch and
 * resolves to true; `found` sets the sender tab's badge. Anything else returns undefined so other listeners may answer.
 */
export function createBackgroundHandler(deps: BackgroundDeps) {
  return (
    msg: unknown,
    sender: { tab?: { id?: number } },
  ): Promise<CardBody | StoredSettings | string | boolean | null> | undefined => {
    if (!isBackgroundRequest(msg)) return undefined;
    if (msg.type === 'pack-index') return deps.packIndex?.() ?? Promise.resolve(null);
    if (msg.type === 'settings') return deps.settings?.() ?? Promise.resolve(null);
    if (msg.type === 'set-site') {
      if (typeof msg.host !== 'string' || msg.host === '' || typeof msg.enabled !== 'boolean') return undefined;
      return (deps.setSite?.(msg.host, msg.enabled) ?? Promise.resolve()).then(() => true);
    }
    if (msg.type === 'card') {
      return deps.card(msg.id);
    }
    const tabId = sender.tab?.id;
    if (tabId !== undefined) void deps.setBadge(tabId, badgeText(msg.entities));
    return undefined;
  };
}
