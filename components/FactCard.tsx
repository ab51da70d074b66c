/**
 * The hover card for one entity. Every string from a record is rendered as text (JSX escapes it);
 * nothing here uses innerHTML. Styles live in `fact-card.css`; the caller imports that file into
 * whatever root the card is rendered in (the content script's shadow root, or the popup page).
 */
import { useId } from 'preact/hooks';
import type { CardBody } from '../lib/messages';
import { TYPE_LABEL, formatAsOf, mentionedText, sourceLabel } from './labels';

/** How many other names the card lists before "+N more"; more than this turns into noise. */
export const MAX_ALIASES = 5;

export interface FactCardProps {
  card: CardBody;
  /** Mentions of this entity on the current page; the line is hidden when undefined. */
  count?: number;
  /** Shows the close button when given. */
  onClose?: () => void;
  /** Makes related entities buttons when given; otherwise they are listed as plain text. */
  onOpenRelated?: (id: string) => void;
}

export function FactCard({ card, count, onClose, onOpenRelated }: FactCardProps) {
  const titleId = `fc-title-${useId()}`;
  const aliases = card.aliases.slice(0, MAX_ALIASES);
  const moreAliases = card.aliases.length - aliases.length;
  // Records are validated as https at build time; checked again here because an href is the one
  // place a bad string could become script (javascript: URLs).
  const sources = card.sources.filter((url) => /^https?:\/\//i.test(url));
  const labels = sourceLabels(sources);

  return (
    <section class="fc-card" role="dialog" aria-labelledby={titleId} tabIndex={-1}>
      <header class="fc-header">
        <h2 class="fc-name" id={titleId}>
          {card.name}
        </h2>
        {onClose && (
          <button type="button" class="fc-close" aria-label="Close" onClick={onClose}>
            <span aria-hidden="true">×</span>
          </button>
        )}
      </header>
      <p class="fc-kind">
        {TYPE_LABEL[card.type]}
        {card.kind && ` · ${card.kind}`}
      </p>
      <p class="fc-summary">{card.summary}</p>

      {card.facts.length > 0 && (
        <dl class="fc-facts">
          {card.facts.map((fact, i) => (
            <div class="fc-fact" key={i}>
              <dt class="fc-fact-label">{fact.label}</dt>
              <dd class="fc-fact-value">
                {fact.value} <span class="fc-asof">as of {formatAsOf(fact.asOf)}</span>
              </dd>
            </div>
          ))}
        </dl>
      )}

      {aliases.length > 0 && (
        <p class="fc-aliases">
          also: {aliases.join(', ')}
          {moreAliases > 0 && ` +${moreAliases} more`}
        </p>
      )}

      {count !== undefined && <p class="fc-count">{mentionedText(count)}</p>}

      {card.related.length > 0 && (
        <div class="fc-related">
          <span class="fc-section-label">Related</span>
          <ul class="fc-related-list">
            {card.related.map((r) => (
              <li key={r.id}>
                {onOpenRelated ? (
                  <button type="button" class="fc-related-item" onClick={() => onOpenRelated(r.id)}>
                    {r.name}
                  </button>
                ) : (
                  <span class="fc-related-item">{r.name}</span>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}

      {sources.length > 0 && (
        <div class="fc-sources">
          <span class="fc-section-label">Sources</span>
          <ul class="fc-source-list">
            {sources.map((url, i) => (
              <li key={url}>
                <a class="fc-source" href={url} title={url} target="_blank" rel="noopener noreferrer">
                  {labels[i]}
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

/** Hostnames as link text, numbered when two sources share a host so each link stays distinguishable. */
function sourceLabels(sources: string[]): string[] {
  const base = sources.map(sourceLabel);
  const seen = new Map<string, number>();
  return base.map((label) => {
    const total = base.filter((b) => b === label).length;
    if (total === 1) return label;
    const n = (seen.get(label) ?? 0) + 1;
    seen.set(label, n);
    return `${label} (${n})`;
  });
}
