import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { compileIndex } from '../../store/compile';
import type { FactRecord } from '../../store/schema';
import { App } from '../../entrypoints/options/App';
import { createOptionsDeps, type OptionsDeps, type OptionsState } from '../../entrypoints/options/deps';
import { builtInKeys } from '../../store/packs';
import { DEFAULT_PREFERENCES } from '../../core/settings';
import { factPacks, preferences, siteSettings } from '../../platform/storage';

const SYRIA: FactRecord = {
  id: 'syria',
  type: 'place',
  name: 'Syria',
  wikipedia: 'Syria',
  summary: 'A country.',
  aliases: [],
  facts: [],
  sources: ['https://example.org/syria'],
  coordinates: [35, 38],
};
const builtIn = builtInKeys(compileIndex([SYRIA]));

const packRecord = (id: string, patch: Partial<FactRecord> = {}) => ({
  id,
  type: 'person',
  name: `Person ${id}`,
  wikipedia: `Person ${id}`,
  summary: 'Someone in a test.',
  aliases: [],
  facts: [],
  sources: ['https://example.org/p'],
  ...patch,
});
const packText = (records: unknown[]) =>
  JSON.stringify({ format: 'fact-cards-pack', version: 1, name: 'Local politics', records });

/** In-memory deps: storage as plain state, so each test reads exactly what was "stored". */
function fakeDeps(initial: Partial<OptionsState> = {}) {
  const stored: OptionsState = {
    siteSettings: { disabled: [] },
    preferences: DEFAULT_PREFERENCES,
    packs: { packs: [] },
    ...initial,
  };
  let listener: ((patch: Partial<OptionsState>) => void) | undefined;
  const deps = {
    load: vi.fn(async () => ({ ...stored })),
    saveSiteSettings: vi.fn(async (v: OptionsState['siteSettings']) => void (stored.siteSettings = v)),
    savePreferences: vi.fn(async (v: OptionsState['preferences']) => void (stored.preferences = v)),
    savePacks: vi.fn(async (v: OptionsState['packs']) => void (stored.packs = v)),
    replaceSettings: vi.fn(
      async (v: Pick<OptionsState, 'siteSettings' | 'preferences'>) => void Object.assign(stored, v),
    ),
    subscribe: vi.fn((cb: (patch: Partial<OptionsState>) => void) => {
      listener = cb;
      return () => (listener = undefined);
    }),
    builtIn,
    download: vi.fn(),
    now: () => '2026-02-03T10:00:00.000Z',
    newId: () => 'pack-1',
  } satisfies OptionsDeps;
  return { deps, stored, emit: (patch: Partial<OptionsState>) => listener?.(patch) };
}

let root: HTMLDivElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
  delete document.documentElement.dataset.theme;
  vi.restoreAllMocks();
});

const text = () => root.textContent ?? '';
const byLabel = <T extends HTMLElement = HTMLInputElement>(label: string): T => {
  const l = [...root.querySelectorAll('label')].find((x) => x.textContent?.trim().startsWith(label));
  if (!l) throw new Error(`no label "${label}"`);
  return (l.htmlFor ? root.querySelector(`#${l.htmlFor}`) : l.querySelector('input')) as T;
};
const buttonNamed = (name: string) =>
  [...root.querySelectorAll<HTMLButtonElement>('button')].find(
    (b) => (b.getAttribute('aria-label') ?? b.textContent?.trim()) === name,
  );
const type = (input: HTMLInputElement, value: string) => {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
};
const chooseFile = (input: HTMLInputElement, name: string, content: string) => {
  Object.defineProperty(input, 'files', {
    configurable: true,
    value: [new File([content], name, { type: 'application/json' })],
  });
  input.dispatchEvent(new Event('change', { bubbles: true }));
};
async function mount(initial: Partial<OptionsState> = {}) {
  const fake = fakeDeps(initial);
  render(<App deps={fake.deps} />, root);
  await vi.waitFor(() => expect(root.querySelector('h2')).not.toBeNull());
  return fake;
}

describe('options App', () => {
  it('has a heading per section and a label on every control', async () => {
    await mount({ siteSettings: { disabled: ['a.com'] } });
    expect([...root.querySelectorAll('h1, h2')].map((h) => h.textContent)).toEqual([
      'Fact Cards settings',
      'Fact Cards everywhere',
      'Sites where Fact Cards is off',
      'Marks and cards',
      'Fact packs',
      'Settings file',
    ]);
    for (const input of root.querySelectorAll('input')) {
      const labelled = input.closest('label') ?? root.querySelector(`label[for="${input.id}"]`);
      expect(labelled, `input ${input.outerHTML}`).not.toBeNull();
    }
    for (const button of root.querySelectorAll('button')) {
      expect(button.getAttribute('aria-label') ?? button.textContent?.trim()).toBeTruthy();
    }
  });

  it('adds a site (normalised) and removes it', async () => {
    const { deps, stored } = await mount();
    expect(text()).toContain('Fact Cards runs on every site.');
    type(byLabel('Add a site'), 'https://www.Example.com/story');
    root.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    await vi.waitFor(() =>
      expect(root.querySelector('[role="status"]')?.textContent).toContain('now off on example.com'),
    );
    expect(stored.siteSettings.disabled).toEqual(['example.com']);
    expect(root.querySelector('.fc-list')!.textContent).toContain('example.com');

    buttonNamed('Remove example.com')!.click();
    await vi.waitFor(() => expect(text()).toContain('Fact Cards runs on every site.'));
    expect(stored.siteSettings.disabled).toEqual([]);
    expect(deps.saveSiteSettings).toHaveBeenCalledTimes(2);
  });

  it('refuses a site that is not a host, storing nothing', async () => {
    const { deps } = await mount();
    type(byLabel('Add a site'), 'not a host');
    root.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    await vi.waitFor(() => expect(root.querySelector('[role="alert"]')).not.toBeNull());
    expect(root.querySelector('[role="alert"]')!.textContent).toContain('"not a host" is not a site address');
    expect(deps.saveSiteSettings).not.toHaveBeenCalled();
  });

  it('pauses everywhere through a switch', async () => {
    const { stored } = await mount();
    const sw = root.querySelector<HTMLButtonElement>('[role="switch"]')!;
    expect(sw.textContent).toBe('Pause Fact Cards on every site');
    expect(sw.getAttribute('aria-checked')).toBe('false');
    sw.click();
    await vi.waitFor(() => expect(stored.preferences.paused).toBe(true));
    expect(sw.getAttribute('aria-checked')).toBe('true');
  });

  it('stores the hover delay (clamped), types, mark style and theme at once', async () => {
    const { stored } = await mount();
    const number = byLabel('Hover delay in milliseconds');
    number.value = '5000';
    number.dispatchEvent(new Event('change', { bubbles: true }));
    await vi.waitFor(() => expect(stored.preferences.hoverDelayMs).toBe(1500));
    await vi.waitFor(() => expect(number.value).toBe('1500'));

    // Two boxes in a row, without waiting for a re-render: both changes are kept.
    byLabel('Events').click();
    byLabel('Places').click();
    await vi.waitFor(() => expect(stored.preferences.types).toMatchObject({ event: false, place: false }));
    byLabel('Tinted background').click();
    await vi.waitFor(() => expect(stored.preferences.markStyle).toBe('background'));
    byLabel('Dark').click();
    await vi.waitFor(() => expect(stored.preferences.theme).toBe('dark'));
    await vi.waitFor(() => expect(document.documentElement.dataset.theme).toBe('dark'));
    // Earlier changes survive later ones.
    expect(stored.preferences).toMatchObject({
      hoverDelayMs: 1500,
      types: { event: false, place: false, person: true },
    });
  });

  it('follows changes made elsewhere (the popup switching a site off)', async () => {
    const { emit } = await mount();
    emit({ siteSettings: { disabled: ['elsewhere.org'] } });
    await vi.waitFor(() => expect(root.querySelector('.fc-list')?.textContent).toContain('elsewhere.org'));
  });

  it('imports a pack, lists it with its record count, and removes it', async () => {
    const { stored } = await mount();
    chooseFile(byLabel('Import a fact pack'), 'local.json', packText([packRecord('a'), packRecord('b')]));
    await vi.waitFor(() => expect(stored.packs.packs).toHaveLength(1));
    expect(stored.packs.packs[0]).toMatchObject({
      id: 'pack-1',
      name: 'Local politics',
      importedAt: '2026-02-03T10:00:00.000Z',
    });
    const item = root.querySelector('[data-pack="pack-1"]')!;
    expect(item.textContent).toContain('Local politics (2 records, imported 2026-02-03)');
    expect(text()).toContain('Imported "Local politics": 2 records.');

    buttonNamed('Remove pack Local politics')!.click();
    await vi.waitFor(() => expect(text()).toContain('No packs imported.'));
    expect(stored.packs.packs).toEqual([]);
  });

  it('shows every pack error with record and field, and stores nothing', async () => {
    const { deps } = await mount();
    const bad = packText([packRecord('a', { summary: '' }), packRecord('syria', { name: 'Syria' })]);
    chooseFile(byLabel('Import a fact pack'), 'bad.json', bad);
    await vi.waitFor(() => expect(root.querySelector('[role="alert"]')).not.toBeNull());
    const alert = root.querySelector('[role="alert"]')!;
    expect(alert.textContent).toContain('bad.json was not imported: 3 problems.');
    const items = [...alert.querySelectorAll('li')].map((li) => li.textContent);
    expect(items).toEqual([
      'pack record 1 (a): field "summary": must be a non-empty string',
      'pack record 2 (syria): field "id": "syria" is already a built-in entity',
      'pack record 2 (syria): field "name": "Syria" is already a name of the built-in entity "Syria"; packs may not claim built-in names',
    ]);
    expect(deps.savePacks).not.toHaveBeenCalled();
  });

  it('refuses a second pack that reuses the first one’s ids', async () => {
    const { deps } = await mount();
    chooseFile(byLabel('Import a fact pack'), 'one.json', packText([packRecord('a')]));
    await vi.waitFor(() => expect(deps.savePacks).toHaveBeenCalledOnce());
    chooseFile(byLabel('Import a fact pack'), 'two.json', packText([packRecord('a')]));
    await vi.waitFor(() =>
      expect(root.querySelector('[role="alert"]')?.textContent).toContain('already used by the pack'),
    );
    expect(deps.savePacks).toHaveBeenCalledOnce();
  });

  it('exports settings as fact-cards-settings.json', async () => {
    const { deps } = await mount({ siteSettings: { disabled: ['a.com'] } });
    buttonNamed('Export JSON')!.click();
    expect(deps.download).toHaveBeenCalledOnce();
    const [name, json] = deps.download.mock.calls[0]!;
    expect(name).toBe('fact-cards-settings.json');
    expect(JSON.parse(json)).toMatchObject({
      format: 'fact-cards-settings',
      version: 1,
      siteSettings: { disabled: ['a.com'] },
    });
  });

  it('imports a settings file, and a bad one changes nothing', async () => {
    const { deps, stored } = await mount({ siteSettings: { disabled: ['keep.me'] } });
    const good = JSON.stringify({
      format: 'fact-cards-settings',
      version: 1,
      siteSettings: { disabled: ['b.com'] },
      preferences: { ...DEFAULT_PREFERENCES, paused: true },
    });
    const bad = good.replace('"b.com"', '"b.com/x"');
    chooseFile(byLabel('Import settings'), 'bad.json', bad);
    await vi.waitFor(() => expect(root.querySelector('[role="alert"]')).not.toBeNull());
    expect(root.querySelector('[role="alert"]')!.textContent).toBe(
      'bad.json was not imported: siteSettings.disabled[0] "b.com/x" is not a hostname (expected something like example.com). Nothing was changed.',
    );
    expect(deps.replaceSettings).not.toHaveBeenCalled();
    expect(stored.siteSettings.disabled).toEqual(['keep.me']);

    chooseFile(byLabel('Import settings'), 'good.json', good);
    await vi.waitFor(() => expect(deps.replaceSettings).toHaveBeenCalledOnce());
    await vi.waitFor(() => expect(root.querySelector('.fc-list')?.textContent).toContain('b.com'));
    expect(root.querySelector<HTMLButtonElement>('[role="switch"]')!.getAttribute('aria-checked')).toBe('true');
    expect(stored.preferences.paused).toBe(true);
  });
});

describe('createOptionsDeps', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('reads and writes the stored items', async () => {
    const deps = createOptionsDeps(builtIn);
    expect(await deps.load()).toEqual({
      siteSettings: { disabled: [] },
      preferences: DEFAULT_PREFERENCES,
      packs: { packs: [] },
    });
    await deps.saveSiteSettings({ disabled: ['a.com'] });
    await deps.savePreferences({ ...DEFAULT_PREFERENCES, paused: true });
    await deps.savePacks({ packs: [] });
    expect(await siteSettings.getValue()).toEqual({ disabled: ['a.com'] });
    expect((await preferences.getValue()).paused).toBe(true);
    expect(await factPacks.getValue()).toEqual({ packs: [] });
  });

  it('passes on changes made in other pages', async () => {
    const deps = createOptionsDeps(builtIn);
    const seen: unknown[] = [];
    const stop = deps.subscribe((patch) => seen.push(patch));
    await siteSettings.setValue({ disabled: ['b.com'] });
    await new Promise((r) => setTimeout(r, 0));
    stop();
    expect(seen).toEqual([{ siteSettings: { disabled: ['b.com'] } }]);
  });
});
