/**
 * Preferences and fact packs reach open tabs at once: pause everywhere, mark style, types shown, and a user
 * fact pack whose entity is marked and opens its own card like a built-in one.
 */
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { card, cardText, hover, markCount, until, useExtension, waitForMarks } from './harness';

const h = useExtension({
  '/pack-page.html': () =>
    '<!doctype html><title>Pack</title><p>The Zorvania Institute met in Damascus with Vladimir Putin.</p>',
});

type Chrome = { storage: { local: { set(v: object): Promise<void>; remove(k: string[]): Promise<void> } } };
declare const chrome: Chrome;
const store = async (value: object) => (await h.worker()).evaluate((v) => chrome.storage.local.set(v), value);
const names = (page: Page) => page.evaluate(() => [...CSS.highlights.keys()]);

const prefs = (patch: object) => ({
  preferences: {
    paused: false,
    hoverDelayMs: 350,
    types: { person: true, place: true, organization: true, event: true },
    markStyle: 'dotted',
    theme: 'auto',
    ...patch,
  },
  preferences$: { v: 1 },
});

afterEach(async () => {
  await (await h.worker()).evaluate(() => chrome.storage.local.remove(['preferences', 'factPacks']));
});

describe('preferences', () => {
  it('pauses everywhere at once and resumes', async () => {
    const page = await h.open('/news.html');
    await waitForMarks(page);
    await store(prefs({ paused: true }));
    await until(async () => (await markCount(page)) === 0, 3_000, 'marks to clear when paused');
    await store(prefs({ paused: false }));
    await waitForMarks(page);
    await page.close();
  });

  it('switches the mark style and the types shown without a reload', async () => {
    const page = await h.open('/news.html');
    await waitForMarks(page);
    expect(await names(page)).toEqual(['fact-cards-dotted']);
    await store(prefs({ markStyle: 'background' }));
    await until(async () => (await names(page)).join() === 'fact-cards-background', 3_000, 'the background style');
    const all = await markCount(page);
    await store(prefs({ types: { person: false, place: true, organization: true, event: true } }));
    await until(async () => (await markCount(page)) < all, 3_000, 'people to be unmarked');
    const texts = await page.evaluate(() =>
      [...CSS.highlights.values()].flatMap((h) =>
        [...h].map((r) => (r.startContainer as Text).data.slice(r.startOffset, r.endOffset)),
      ),
    );
    expect(texts).not.toContain('Vladimir Putin');
    expect(texts).toContain('Damascus');
    await page.close();
  });
});

describe('fact packs', () => {
  it('marks a pack entity and opens its card like a built-in one', async () => {
    const record = {
      id: 'zorvania-institute',
      type: 'organization',
      name: 'Zorvania Institute',
      wikipedia: 'Zorvania Institute',
      summary: 'A made-up research body used to test fact packs.',
      aliases: [],
      facts: [{ label: 'Founded', value: '2020', asOf: '2020' }],
      sources: ['https://example.org/zorvania'],
    };
    await store({
      factPacks: {
        packs: [{ id: 'test-pack', name: 'Test pack', importedAt: '2026-01-01T00:00:00Z', records: [record] }],
      },
      factPacks$: { v: 1 },
    });
    const page = await h.open('/pack-page.html');
    await until(async () => (await markCount(page)) >= 3, 10_000, 'three marks incl. the pack entity');
    await hover(page, 'Zorvania Institute');
    await card(page, 'Zorvania Institute').waitFor({ state: 'visible', timeout: 3_000 });
    expect(await cardText(page)).toContain('made-up research body');
    await page.close();
  });
});
