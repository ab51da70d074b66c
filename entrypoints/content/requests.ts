/**
 * What the content script asks of the background: card bodies (fetched once per entity and kept for the
 * session) and the count of entities found (for the badge).
 */
import { browser } from '#imports';
import type { BackgroundRequest, CardBody } from '../../core/messages';

const send = (msg: BackgroundRequest) => browser.runtime.sendMessage(msg);

export interface Requests {
  /** The card body of an entity, or null when the background has none (or is gone). */
  body(id: string): Promise<CardBody | null>;
  /** Reports how many entities the page names, skipping a report that would repeat the last one. */
  found(entities: number): void;
  /** Reports that the page names nothing any more (the session stopped), whatever was reported before. */
  cleared(): void;
}

export function createRequests(): Requests {
  const bodies = new Map<string, Promise<CardBody | null>>();
  let reported = -1;
  const report = (entities: number) => {
    reported = entities;
    send({ type: 'found', entities }).catch(() => undefined);
  };
  return {
    body(id) {
      let p = bodies.get(id);
      if (!p) {
        p = (send({ type: 'card', id }) as Promise<CardBody | null>).catch(() => null);
        bodies.set(id, p);
      }
      return p;
    },
    found(entities) {
      if (entities !== reported) report(entities);
    },
    cleared: () => report(0),
  };
}
