import { render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import { StoreSearch } from '../../components/StoreSearch';
import { sampleCard } from '../support/ui-fixtures';
import { useRoot } from '../support/mount';

const root = useRoot();

const type = async (value: string) => {
  const input = root().querySelector<HTMLInputElement>('input[type="search"]')!;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
};

describe('StoreSearch', () => {
  it('lists hits and opens a card in place, with a way back', async () => {
    const card = sampleCard();
    const search = vi.fn((q: string) => (q === 'put' ? [{ id: card.id, name: card.name, type: card.type }] : []));
    const load = vi.fn(async () => card);
    render(<StoreSearch search={search} card={load} />, root());
    expect(root().querySelector('[role="search"] label')?.textContent).toBe('Search all Fact Cards');

    await type('put');
    await vi.waitFor(() => expect(root().textContent).toContain(card.name));
    root().querySelector<HTMLButtonElement>('.fc-entity')!.click();
    await vi.waitFor(() => expect(root().querySelector('[role="dialog"]')).not.toBeNull());
    expect(load).toHaveBeenCalledWith(card.id);

    root().querySelector<HTMLButtonElement>('.fc-back')!.click();
    await vi.waitFor(() => expect(root().querySelector('[role="dialog"]')).toBeNull());
  });

  it('says so when nothing matches', async () => {
    render(<StoreSearch search={() => []} card={async () => null} />, root());
    await type('zzz');
    await vi.waitFor(() => expect(root().textContent).toContain('No entity by that name.'));
  });
});
