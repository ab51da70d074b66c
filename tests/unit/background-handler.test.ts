import { describe, expect, it, vi } from 'vitest';
import { badgeText, createBackgroundHandler } from '../../core/background-handler';
import { DEFAULT_FACT_PACKS, DEFAULT_PREFERENCES } from '../../core/settings';
import { sampleCard } from '../support/ui-fixtures';

function setup() {
  const setBadge = vi.fn();
  const card = sampleCard();
  const cards: Record<string, typeof card> = { [card.id]: card };
  const handle = createBackgroundHandler({
    card: async (id) => (Object.hasOwn(cards, id) ? cards[id]! : null),
    setBadge,
  });
  return { handle, setBadge, card };
}

describe('badgeText', () => {
  it.each([
    [0, ''],
    [-1, ''],
    [Number.NaN, ''],
    [1, '1'],
    [42, '42'],
    [99, '99'],
    [100, '99+'],
  ])('%d → %j', (n, expected) => {
    expect(badgeText(n)).toBe(expected);
  });
});

describe('background handler', () => {
  it("answers a pack-index request with the packs' index, or null without packs", async () => {
    const { handle } = setup();
    await expect(handle({ type: 'pack-index' }, {})).resolves.toBeNull();
    const withPacks = createBackgroundHandler({
      card: async () => null,
      setBadge: vi.fn(),
      packIndex: async () => 'QUJD',
    });
    await expect(withPacks({ type: 'pack-index' }, {})).resolves.toBe('QUJD');
  });

  it('stores a site switch through its dependency and answers true; rejects a malformed one', async () => {
    const setSite = vi.fn(async () => undefined);
    const handle = createBackgroundHandler({ card: async () => null, setBadge: vi.fn(), setSite });
    await expect(handle({ type: 'set-site', host: 'example.com', enabled: false }, {})).resolves.toBe(true);
    expect(setSite).toHaveBeenCalledWith('example.com', false);
    expect(handle({ type: 'set-site', host: '', enabled: false }, {})).toBeUndefined();
    expect(handle({ type: 'set-site', host: 'a.com', enabled: 'no' }, {})).toBeUndefined();
    expect(setSite).toHaveBeenCalledTimes(1);
  });

  it('answers a settings request with the migrated settings', async () => {
    const settings = {
      siteSettings: { disabled: ['x.org'] },
      preferences: DEFAULT_PREFERENCES,
      factPacks: DEFAULT_FACT_PACKS,
    };
    const handle = createBackgroundHandler({
      card: async () => null,
      setBadge: vi.fn(),
      settings: async () => settings,
    });
    await expect(handle({ type: 'settings' }, {})).resolves.toBe(settings);
  });

  it('answers a card request with the card body', async () => {
    const { handle, card } = setup();
    await expect(handle({ type: 'card', id: card.id }, {})).resolves.toEqual(card);
  });

  it('answers an unknown id, including Object.prototype names, with null', async () => {
    const { handle } = setup();
    await expect(handle({ type: 'card', id: 'nobody' }, {})).resolves.toBeNull();
    await expect(handle({ type: 'card', id: 'constructor' }, {})).resolves.toBeNull();
  });

  it('sets the badge of the sending tab', () => {
    const { handle, setBadge } = setup();
    expect(handle({ type: 'found', entities: 3 }, { tab: { id: 7 } })).toBeUndefined();
    expect(handle({ type: 'found', entities: 0 }, { tab: { id: 8 } })).toBeUndefined();
    expect(setBadge.mock.calls).toEqual([
      [7, '3'],
      [8, ''],
    ]);
  });

  it('ignores found reports that come from no tab', () => {
    const { handle, setBadge } = setup();
    handle({ type: 'found', entities: 3 }, {});
    expect(setBadge).not.toHaveBeenCalled();
  });

  it.each([[undefined], [null], ['card'], [{ type: 'summary' }], [{ type: 'reveal', id: 'x' }]])(
    'returns undefined for %j',
    (msg) => {
      const { handle, setBadge } = setup();
      expect(handle(msg, { tab: { id: 1 } })).toBeUndefined();
      expect(setBadge).not.toHaveBeenCalled();
    },
  );
});
