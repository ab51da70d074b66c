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
