/**
 * What the options page tests share (tests/unit/options*.test.tsx): in-memory deps, pack records, and queries
 * and actions on the rendered page by label and accessible name.
 */
import { render } from 'preact';
import { afterEach, expect, vi } from 'vitest';
import { compileIndex } from '../../store/compile';
import type { FactRecord } from '../../store/schema';
import { App } from '../../entrypoints/options/App';
import type { OptionsDeps, OptionsState } from '../../entrypoints/options/deps';
import { builtInKeys } from '../../store/packs';
import { DEFAULT_PREFERENCES } from '../../core/settings';
import { useRoot } from './mount';

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
export const builtIn = builtInKeys(compileIndex([SYRIA]));

export const packRecord = (id: string, patch: Partial<FactRecord> = {}) => ({
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
export const packText = (records: unknown[]) =>
  JSON.stringify({ format: 'fact-cards-pack', version: 1, name: 'Local politics', records });

/** In-memory deps: storage as plain state, so each test reads exactly what was "stored". */
export function fakeDeps(initial: Partial<OptionsState> = {}) {
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

/**
 * Registers a fresh mount point per test (and resets the page theme and spies after it) and returns the
 * helpers that work on the page mounted there.
 */
export function useOptionsPage() {
  const root = useRoot();
  afterEach(() => {
    delete document.documentElement.dataset.theme;
    vi.restoreAllMocks();
  });
  const text = () => root().textContent ?? '';
  const byLabel = <T extends HTMLElement = HTMLInputElement>(label: string): T => {
    const l = [...root().querySelectorAll('label')].find((x) => x.textContent?.trim().startsWith(label));
    if (!l) throw new Error(`no label "${label}"`);
    return (l.htmlFor ? root().querySelector(`#${l.htmlFor}`) : l.querySelector('input')) as T;
  };
  const buttonNamed = (name: string) =>
    [...root().querySelectorAll<HTMLButtonElement>('button')].find(
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
    render(<App deps={fake.deps} />, root());
    await vi.waitFor(() => expect(root().querySelector('h2')).not.toBeNull());
    return fake;
  }
  return { root, text, byLabel, buttonNamed, type, chooseFile, mount };
}
