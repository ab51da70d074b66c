/**
 * Card bodies ship as shards (`cards/<n>.json`), so the background reads only the shard a card is in, not every
 * body of the store. One rule for the build that writes them and the background that reads them. Pure.
 */

/** Shards of the card store: a few hundred bodies each at tens of thousands of entities. */
export const CARD_SHARDS = 64;

/** The shard an entity's card is in: FNV-1a of its id. */
export function cardShard(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return (h >>> 0) % CARD_SHARDS;
}

export const cardShardFile = (shard: number): string => `cards/${String(shard).padStart(2, '0')}.json`;
