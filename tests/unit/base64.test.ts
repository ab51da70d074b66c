import { describe, expect, it } from 'vitest';
import { fromBase64, toBase64 } from '../../core/base64';

describe('base64', () => {
  it('round-trips bytes of every value, also past one chunk', () => {
    const bytes = Uint8Array.from({ length: 70_000 }, (_, i) => (i * 7) % 256);
    const text = toBase64(bytes);
    expect(text).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(fromBase64(text)).toEqual(bytes);
  });
});

describe('card shards', () => {
  it('put every id in one of the shards, spread evenly enough', async () => {
    const { CARD_SHARDS, cardShard, cardShardFile } = await import('../../core/card-shards');
    const counts = new Array<number>(CARD_SHARDS).fill(0);
    for (let i = 0; i < 6400; i++) counts[cardShard(`entity-${i}`)]!++;
    expect(Math.min(...counts)).toBeGreaterThan(50);
    expect(Math.max(...counts)).toBeLessThan(160);
    expect(cardShard('vladimir-putin')).toBe(cardShard('vladimir-putin'));
    expect(cardShardFile(3)).toBe('cards/03.json');
  });
});
