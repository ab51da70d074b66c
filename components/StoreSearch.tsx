/**
 * Search the whole fact store from the popup and read any entity's card there, without a page.
 * Browser access comes in through props (`search`, `card`), so it renders in happy-dom tests.
 */
import { useState } from 'preact/hooks';
import { t } from '../platform/i18n';
import type { CardBody } from '../core/messages';
import { FactCard } from './FactCard';
import { TYPE_GROUPS } from '../core/labels';
import type { SearchHit } from '../core/search';

export interface StoreSearchProps {
  search: (query: string) => SearchHit[];
  card: (id: string) => Promise<CardBody | null>;
}

const typeLabel = (type: SearchHit['type']) => TYPE_GROUPS.find((g) => g.type === type)?.label ?? type;

export function StoreSearch({ search, card }: StoreSearchProps) {
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState<CardBody | null>(null);
  const [missing, setMissing] = useState(false);
  const hits = query.trim() === '' ? [] : search(query);

  const show = async (id: string) => {
    const body = await card(id).catch(() => null);
    setMissing(body === null);
    setOpen(body);
  };

  if (open) {
    return (
      <div class="fc-search-card">
        <button type="button" class="fc-button fc-back" onClick={() => setOpen(null)}>
          {t('search_back')}
        </button>
        <FactCard card={open} onOpenRelated={(id) => void show(id)} />
      </div>
    );
  }
  return (
    <div class="fc-search" role="search">
      <label class="fc-visually-hidden" for="fc-search-input">
        {t('search_label')}
      </label>
      <input
        id="fc-search-input"
        class="fc-search-input"
        type="search"
        placeholder={t('search_label')}
        autoComplete="off"
        value={query}
        onInput={(e) => setQuery((e.target as HTMLInputElement).value)}
      />
      {missing && <p class="fc-empty">{t('search_card_failed')}</p>}
      {query.trim() !== '' && (
        <ul class="fc-entity-list fc-search-results" aria-label={t('search_results')}>
          {hits.length === 0 && <li class="fc-empty">{t('search_no_results')}</li>}
          {hits.map((h) => (
            <li key={h.id}>
              <button type="button" class="fc-entity" onClick={() => void show(h.id)}>
                <span class="fc-entity-name">
                  {h.name}
                  {h.via && <span class="fc-search-via"> ({h.via})</span>}
                </span>
                <span class="fc-search-type">{typeLabel(h.type)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
