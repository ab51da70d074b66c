/** The popup's list of entities found on a page, grouped by type. Styles: entrypoints/popup/style.css. */
import type { EntityType } from '../engine/types';
import { t } from '../platform/i18n';
import type { EntitySummary } from '../core/messages';
import { TYPE_GROUPS } from '../core/labels';

/** `count`: most mentioned first; `first`: in order of first appearance on the page (the summary's own order). */
export type SummaryOrder = 'count' | 'first';

export interface PageSummaryProps {
  entities: EntitySummary[];
  order?: SummaryOrder;
  /** Called with the entity id when its button is chosen. */
  onChoose: (id: string) => void;
}

/**
 * One group per entity type that has entities, in TYPE_GROUPS order; by default most-mentioned first, then by
 * name; with `first`, in the order the entities first appear on the page.
 */
export function groupEntities(
  entities: EntitySummary[],
  order: SummaryOrder = 'count',
): { type: EntityType; label: string; entities: EntitySummary[] }[] {
  return TYPE_GROUPS.map(({ type, label }) => {
    const list = entities.filter((e) => e.type === type);
    if (order === 'count') list.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
    return { type, label, entities: list };
  }).filter((g) => g.entities.length > 0);
}

export function PageSummary({ entities, onChoose, order = 'count' }: PageSummaryProps) {
  if (entities.length === 0) return <p class="fc-empty">{t('summary_empty')}</p>;
  return (
    <div class="fc-summary-groups">
      {groupEntities(entities, order).map((group) => (
        <section class="fc-group" key={group.type} aria-labelledby={`fc-group-${group.type}`}>
          <h2 class="fc-group-title" id={`fc-group-${group.type}`}>
            {group.label} <span class="fc-group-count">({group.entities.length})</span>
          </h2>
          <ul class="fc-entity-list">
            {group.entities.map((e) => (
              <li key={e.id}>
                <button type="button" class="fc-entity" data-id={e.id} onClick={() => onChoose(e.id)}>
                  <span class="fc-entity-name">{e.name}</span>
                  <span class="fc-entity-count" aria-hidden="true">
                    {e.count}
                  </span>
                  <span class="fc-visually-hidden">
                    , {e.count === 1 ? t('summary_mentions_one', e.count) : t('summary_mentions_other', e.count)}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
