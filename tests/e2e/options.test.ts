/** The options page in the built extension: opens in a tab, stores at once, and open pages react. */
import { describe, expect, it } from 'vitest';
import { markCount, until, useExtension, waitForMarks } from './harness';

const h = useExtension();

/** The part of the worker's `chrome` these tests use (the e2e project has no extension typings). */
interface Chrome {
  runtime: { getManifest(): { options_ui?: unknown } };
  storage: {
    local: {
      get(key: string): Promise<{ factPacks?: { packs: { records: { id: string }[] }[] } }>;
      remove(key: string): Promise<void>;
    };
  };
}

const pack = JSON.stringify({
  format: 'fact-cards-pack',
  version: 1,
  name: 'E2E pack',
  records: [
    {
      id: 'e2e-test-person',
      type: 'person',
      name: 'Quentin Examplewright',
      wikipedia: 'Quentin Examplewright',
      summary: 'A person who exists only in this test.',
      aliases: [],
      facts: [],
      sources: ['https://example.org/e2e'],
      related: ['syria'],
    },
  ],
});

describe('options page', () => {
  it('is declared to open in a tab', async () => {
    const worker = await h.worker();
    const manifest = await worker.evaluate(() =>
      (globalThis as unknown as { chrome: Chrome }).chrome.runtime.getManifest(),
    );
    expect(manifest.options_ui).toEqual({ page: 'options.html', open_in_tab: true });
  });

  it('adds a site that open tabs switch off at once, and removes it', async () => {
    const news = await h.open('/news.html');
    await waitForMarks(news);
    const options = await h.context.newPage();
    try {
      await options.goto(`chrome-extension://${h.extensionId}/options.html`);
      await options.getByRole('heading', { name: 'Sites where Fact Cards is off' }).waitFor();
      await options.getByLabel('Add a site').fill('127.0.0.1');
      await options.getByRole('button', { name: 'Add', exact: true }).click();
      await until(async () => (await markCount(news)) === 0, 3_000, 'marks to clear after adding the site');

      await options.getByRole('button', { name: 'Remove 127.0.0.1' }).click();
      await until(async () => (await markCount(news)) > 0, 3_000, 'marks to return after removing the site');
    } finally {
      const worker = await h.worker();
      await worker.evaluate(() =>
        (globalThis as unknown as { chrome: Chrome }).chrome.storage.local.remove('siteSettings'),
      );
      await options.close();
      await news.close();
    }
  });

  it('imports a pack into storage and lists it, and shows errors for a bad one', async () => {
    const options = await h.context.newPage();
    try {
      await options.goto(`chrome-extension://${h.extensionId}/options.html`);
      const file = options.getByLabel('Import a fact pack (.json)');
      await file.setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"format":1}') });
      await expect(options.getByRole('alert').textContent()).resolves.toContain('bad.json was not imported');

      await file.setInputFiles({ name: 'pack.json', mimeType: 'application/json', buffer: Buffer.from(pack) });
      await options.getByRole('button', { name: 'Remove pack E2E pack' }).waitFor();
      const worker = await h.worker();
      const stored = await worker.evaluate(() =>
        (globalThis as unknown as { chrome: Chrome }).chrome.storage.local.get('factPacks'),
      );
      expect(stored.factPacks?.packs[0]?.records[0]?.id).toBe('e2e-test-person');
      await options.getByRole('button', { name: 'Remove pack E2E pack' }).click();
      await options.getByText('No packs imported.').waitFor();
    } finally {
      const worker = await h.worker();
      await worker.evaluate(() =>
        (globalThis as unknown as { chrome: Chrome }).chrome.storage.local.remove('factPacks'),
      );
      await options.close();
    }
  });
});
