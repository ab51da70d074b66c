import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App, type PopupDeps } from '../../entrypoints/popup/App';
import { createPopupDeps, tabIdParam } from '../../entrypoints/popup/deps';
import { downloadJson } from '../../platform/download';
import type { PageSummary } from '../../core/messages';
import { sampleSummary } from '../support/ui-fixtures';
import { useRoot } from '../support/mount';

const root = useRoot();
afterEach(() => {
  vi.restoreAllMocks();
});

function fakeDeps(summaries: (PageSummary | Error)[], extra: Partial<PopupDeps> = {}) {
  const queue = [...summaries];
  const deps = {
    getSummary: vi.fn(async () => {
      const next = queue.length > 1 ? queue.shift()! : queue[0]!;
      if (next instanceof Error) throw next;
      return next;
    }),
    reveal: vi.fn(async () => {}),
    setSiteEnabled: vi.fn(async () => {}),
    download: vi.fn(),
    close: vi.fn(),
    ...extra,
  };
  return deps;
}

const text = () => root().textContent ?? '';
const button = (label: string) =>
  [...root().querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent?.includes(label))!;
const switchEl = () => root().querySelector<HTMLButtonElement>('[role="switch"]')!;

describe('popup App', () => {
  it('explains when the tab has no content script', async () => {
    const deps = fakeDeps([new Error('Could not establish connection. Receiving end does not exist.')]);
    render(<App deps={deps} />, root());
    await vi.waitFor(() => expect(text()).toContain("Fact Cards can't run on this page."));
    expect(root().querySelector('.fc-notice-why')!.textContent).toMatch(/web pages/);
    expect(switchEl()).toBeNull();
  });

  it('treats a reply that is not a summary as unavailable', async () => {
    const deps = fakeDeps([undefined as unknown as PageSummary]);
    render(<App deps={deps} />, root());
    await vi.waitFor(() => expect(text()).toContain("Fact Cards can't run on this page."));
  });

  it('shows the switch off and says so when the site is off', async () => {
    const deps = fakeDeps([sampleSummary({ enabled: false, entities: [] })]);
    render(<App deps={deps} />, root());
    await vi.waitFor(() => expect(text()).toContain('Fact Cards is off for www.example.com'));
    expect(switchEl().getAttribute('aria-checked')).toBe('false');
    expect(switchEl().textContent).toBe('Enabled on www.example.com');
    expect(root().querySelector('.fc-group')).toBeNull();
  });

  it('lists the entities and the page title when on', async () => {
    const deps = fakeDeps([sampleSummary()]);
    render(<App deps={deps} />, root());
    await vi.waitFor(() => expect(root().querySelectorAll('.fc-entity')).toHaveLength(5));
    expect(switchEl().getAttribute('aria-checked')).toBe('true');
    expect(text()).toContain('Story about Syria');
    expect(text()).toContain('People (2)');
  });

  it('shows the empty state without an export button', async () => {
    const deps = fakeDeps([sampleSummary({ entities: [] })]);
    render(<App deps={deps} />, root());
    await vi.waitFor(() => expect(text()).toContain('No known names on this page yet.'));
    expect(button('Export JSON')).toBeUndefined();
  });

  it('switches the site off by its key, then asks the tab again', async () => {
    const deps = fakeDeps([sampleSummary(), sampleSummary({ enabled: false, entities: [] })]);
    render(<App deps={deps} />, root());
    await vi.waitFor(() => expect(switchEl()).not.toBeNull());
    switchEl().click();
    await vi.waitFor(() => expect(switchEl().getAttribute('aria-checked')).toBe('false'));
    // "www." is dropped: the stored key is the one isSiteEnabled(url) looks up.
    expect(deps.setSiteEnabled).toHaveBeenCalledWith('example.com', false);
    await vi.waitFor(() => expect(deps.getSummary).toHaveBeenCalledTimes(2), { timeout: 2000 });
    await vi.waitFor(() => expect(text()).toContain('Fact Cards is off for www.example.com'));
  });

  it('reveals a chosen entity in the tab and closes the popup', async () => {
    const deps = fakeDeps([sampleSummary()]);
    render(<App deps={deps} />, root());
    await vi.waitFor(() => expect(root().querySelector('.fc-entity')).not.toBeNull());
    root().querySelector<HTMLButtonElement>('[data-id="syria"]')!.click();
    await vi.waitFor(() => expect(deps.close).toHaveBeenCalledOnce());
    expect(deps.reveal).toHaveBeenCalledWith('syria');
  });

  it('does not close when opened as a tab (no close dependency)', async () => {
    const deps = fakeDeps([sampleSummary()], { close: undefined });
    render(<App deps={deps} />, root());
    await vi.waitFor(() => expect(root().querySelector('.fc-entity')).not.toBeNull());
    root().querySelector<HTMLButtonElement>('[data-id="syria"]')!.click();
    await vi.waitFor(() => expect(deps.reveal).toHaveBeenCalledWith('syria'));
  });

  it('exports the page as facts-<host>.json', async () => {
    const deps = fakeDeps([sampleSummary()]);
    render(<App deps={deps} />, root());
    await vi.waitFor(() => expect(button('Export JSON')).toBeDefined());
    button('Export JSON').click();
    expect(deps.download).toHaveBeenCalledOnce();
    const [name, json] = vi.mocked(deps.download).mock.calls[0]!;
    expect(name).toBe('facts-www.example.com.json');
    const parsed = JSON.parse(json);
    expect(Object.keys(parsed)).toEqual(['url', 'title', 'entities']);
    expect(parsed.entities).toHaveLength(5);
  });
});

describe('tabIdParam', () => {
  it.each([
    ['?tabId=12', 12],
    ['?tabId=0', 0],
    ['?tabId=abc', undefined],
    ['?tabId=', undefined],
    ['', undefined],
  ])('%s → %s', (search, expected) => {
    expect(tabIdParam(search)).toBe(expected);
  });
});

describe('createPopupDeps', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  const opts = { setSiteEnabled: async () => {}, download: () => {}, close: () => {} };

  // fakeBrowser tracks no active tab for created tabs, so the query's answer is stubbed and its arguments checked.
  it('asks the active tab of the current window, top frame only', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'https://example.com/' });
    const query = vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([tab]);
    const send = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(sampleSummary());
    const deps = createPopupDeps(fakeBrowser, opts);
    await expect(deps.getSummary()).resolves.toEqual(sampleSummary());
    expect(query).toHaveBeenCalledWith({ active: true, currentWindow: true });
    expect(send).toHaveBeenCalledWith(tab.id, { type: 'summary' }, { frameId: 0 });
    await deps.reveal('syria');
    expect(send).toHaveBeenLastCalledWith(tab.id, { type: 'reveal', id: 'syria' }, { frameId: 0 });
    expect(query).toHaveBeenCalledOnce();
    expect(deps.close).toBe(opts.close);
  });

  it('uses the tabId parameter when given, and then never closes', async () => {
    const send = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(sampleSummary());
    const query = vi.spyOn(fakeBrowser.tabs, 'query');
    const deps = createPopupDeps(fakeBrowser, { ...opts, tabId: 42 });
    await deps.getSummary();
    expect(send).toHaveBeenCalledWith(42, { type: 'summary' }, { frameId: 0 });
    expect(query).not.toHaveBeenCalled();
    expect(deps.close).toBeUndefined();
  });

  it('rejects when there is no active tab', async () => {
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([]);
    await expect(createPopupDeps(fakeBrowser, opts).getSummary()).rejects.toThrow('No active tab');
  });

  it('rejects when the tab has no receiver', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'chrome://extensions' });
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([tab]);
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(new Error('Receiving end does not exist.'));
    await expect(createPopupDeps(fakeBrowser, opts).getSummary()).rejects.toThrow('Receiving end');
  });
});

describe('downloadJson', () => {
  it('clicks a temporary download link to a JSON blob', () => {
    const create = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:fake');
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    let clicked: HTMLAnchorElement | undefined;
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      // The click target is `this`: the anchor the code under test created.
      // eslint-disable-next-line @typescript-eslint/no-this-alias
      clicked = this;
    });
    downloadJson('facts-example.com.json', '{"a":1}');
    expect(clicked?.download).toBe('facts-example.com.json');
    expect(clicked?.getAttribute('href')).toBe('blob:fake');
    expect(clicked?.isConnected).toBe(false);
    const blob = create.mock.calls[0]![0] as Blob;
    expect(blob.type).toBe('application/json');
  });
});

describe('popup pause', () => {
  it('says it is paused everywhere, keeps the site switch on, and resumes', async () => {
    const setPaused = vi.fn(async () => {});
    const deps = fakeDeps([sampleSummary({ enabled: false, reason: 'paused', entities: [] }), sampleSummary()], {
      setPaused,
    });
    render(<App deps={deps} />, root());
    await vi.waitFor(() => expect(text()).toContain('Fact Cards is paused everywhere.'));
    expect(switchEl().getAttribute('aria-checked')).toBe('true');
    const pause = root().querySelectorAll<HTMLButtonElement>('[role="switch"]')[1]!;
    expect(pause.textContent).toBe('Pause everywhere');
    expect(pause.getAttribute('aria-checked')).toBe('true');
    pause.click();
    await vi.waitFor(() => expect(setPaused).toHaveBeenCalledWith(false));
  });
});
