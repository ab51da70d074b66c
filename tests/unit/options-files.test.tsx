import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_PREFERENCES } from '../../core/settings';
import { packRecord, packText, useOptionsPage } from '../support/options-page';

const { root, text, byLabel, buttonNamed, chooseFile, mount } = useOptionsPage();

describe('options App: fact packs and the settings file', () => {
  it('imports a pack, lists it with its record count, and removes it', async () => {
    const { stored } = await mount();
    chooseFile(byLabel('Import a fact pack'), 'local.json', packText([packRecord('a'), packRecord('b')]));
    await vi.waitFor(() => expect(stored.packs.packs).toHaveLength(1));
    expect(stored.packs.packs[0]).toMatchObject({
      id: 'pack-1',
      name: 'Local politics',
      importedAt: '2026-02-03T10:00:00.000Z',
    });
    const item = root().querySelector('[data-pack="pack-1"]')!;
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
    await vi.waitFor(() => expect(root().querySelector('[role="alert"]')).not.toBeNull());
    const alert = root().querySelector('[role="alert"]')!;
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
      expect(root().querySelector('[role="alert"]')?.textContent).toContain('already used by the pack'),
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
    await vi.waitFor(() => expect(root().querySelector('[role="alert"]')).not.toBeNull());
    expect(root().querySelector('[role="alert"]')!.textContent).toBe(
      'bad.json was not imported: siteSettings.disabled[0] "b.com/x" is not a hostname (expected something like example.com). Nothing was changed.',
    );
    expect(deps.replaceSettings).not.toHaveBeenCalled();
    expect(stored.siteSettings.disabled).toEqual(['keep.me']);

    chooseFile(byLabel('Import settings'), 'good.json', good);
    await vi.waitFor(() => expect(deps.replaceSettings).toHaveBeenCalledOnce());
    await vi.waitFor(() => expect(root().querySelector('.fc-list')?.textContent).toContain('b.com'));
    expect(root().querySelector<HTMLButtonElement>('[role="switch"]')!.getAttribute('aria-checked')).toBe('true');
    expect(stored.preferences.paused).toBe(true);
  });
});
