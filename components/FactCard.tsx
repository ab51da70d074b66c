/**
 * The hover card for one entity. Every string from a record is rendered as text (JSX escapes it);
 * nothing here uses innerHTML. Styles live in `fact-card.css`; the caller imports that file into
 * whatever root the card is rendered in (the content script's shadow root, or the popup page).
 */
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { t } from '../platform/i18n';
import type { CardBody, CardMap } from '../core/messages';
import { citation, copyText } from '../core/citation';
import { TYPE_LABEL, formatAsOf, groupFacts, isHistorical, mentionedText, sourceLabel } from '../core/labels';

/** How many other names the card lists before "+N more"; more than this turns into noise. */
export const MAX_ALIASES = 5;
/** How long "Copied" stays after copying a citation: long enough to read, short enough not to linger. */
export const COPIED_MS = 2000;

export interface FactCardProps {
  card: CardBody;
  /** Mentions of this entity on the current page; the line is hidden when undefined. */
  count?: number;
  /** Shows the close button when given. */
  onClose?: () => void;
  /** Makes related entities buttons when given; otherwise they are listed as plain text. */
  onOpenRelated?: (id: string) => void;
  /** Whether the card is pinned (stays open when the pointer leaves); the card tracks it itself when omitted. */
  pinned?: boolean;
  /** Shows the Pin toggle when given; called with the new state. */
  onPin?: (pinned: boolean) => void;
  /**
   * The caller is the dialog (the page's card layer names its popover and keeps the body in a closed shadow
   * root): the card is then a plain section instead of a dialog of its own.
   */
  embedded?: boolean;
}

export function FactCard({ card, count, onClose, onOpenRelated, pinned, onPin, embedded }: FactCardProps) {
  const titleId = `fc-title-${useId()}`;
  const [ownPinned, setOwnPinned] = useState(false);
  const isPinned = pinned ?? ownPinned;
  const [copied, setCopied] = useState('');
  const copiedTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(copiedTimer.current), []);
  const copy = async (e: MouseEvent) => {
    const ok = await copyText(citation(card), e.currentTarget as Element);
    setCopied(ok ? t('card_copied') : t('card_copy_failed'));
    clearTimeout(copiedTimer.current);
    copiedTimer.current = setTimeout(() => setCopied(''), COPIED_MS);
  };
  const aliases = card.aliases.slice(0, MAX_ALIASES);
  const moreAliases = card.aliases.length - aliases.length;
  // Records are validated as https at build time; checked again here because an href is the one
  // place a bad string could become script (javascript: URLs).
  const sources = card.sources.filter((url) => /^https?:\/\//i.test(url));
  const labels = sourceLabels(sources);

  return (
    <section
      class="fc-card"
      role={embedded ? undefined : 'dialog'}
      aria-labelledby={embedded ? undefined : titleId}
      tabIndex={embedded ? undefined : -1}
    >
      <header class="fc-header">
        <h2 class="fc-name" id={titleId}>
          {card.name}
        </h2>
        {onPin && (
          <button
            type="button"
            class="fc-icon-button fc-pin"
            aria-label={t('card_pin')}
            aria-pressed={isPinned}
            title={isPinned ? t('card_unpin_title') : t('card_pin_title')}
            onClick={() => {
              setOwnPinned(!isPinned);
              onPin(!isPinned);
            }}
          >
            <PinIcon />
          </button>
        )}
        {onClose && (
          <button type="button" class="fc-icon-button fc-close" aria-label={t('card_close')} onClick={onClose}>
            <span aria-hidden="true">×</span>
          </button>
        )}
      </header>
      {card.map && (
        <PlaceMap
          map={card.map}
          label={t('card_map_label', [card.name, card.map.country ?? card.kind ?? t('card_map_place')])}
        />
      )}
      <p class="fc-kind">
        {TYPE_LABEL[card.type]}
        {card.kind && ` · ${card.kind}`}
      </p>
      <p class="fc-summary">{card.summary}</p>

      {card.facts.length > 0 && (
        <dl class="fc-facts">
          {groupFacts(card.facts).map((group, i) => (
            <div class="fc-fact" key={i}>
              <dt class="fc-fact-label">{group.label}</dt>
              {group.facts.map((fact, j) => (
                <dd class="fc-fact-value" key={j}>
                  {fact.value}
                  {!isHistorical(fact.label) && (
                    <>
                      {' '}
                      <span class="fc-asof">{t('card_as_of', formatAsOf(fact.asOf))}</span>
                    </>
                  )}
                </dd>
              ))}
            </div>
          ))}
        </dl>
      )}

      {aliases.length > 0 && (
        <p class="fc-aliases">
          {t('card_aliases', aliases.join(', '))}
          {moreAliases > 0 && ` ${t('card_aliases_more', moreAliases)}`}
        </p>
      )}

      {count !== undefined && <p class="fc-count">{mentionedText(count)}</p>}

      {card.related.length > 0 && (
        <div class="fc-related">
          <span class="fc-section-label">{t('card_related')}</span>
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
          <span class="fc-section-label">{t('card_sources')}</span>
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

      <div class="fc-actions">
        <button type="button" class="fc-action" onClick={copy}>
          {t('card_copy_citation')}
        </button>
        <span class="fc-copied" aria-live="polite">
          {copied}
        </span>
      </div>
    </section>
  );
}

/** The locator map: path data drawn at build time (`facts/maps.ts`), coloured by the card's theme. */
function PlaceMap({ map, label }: { map: CardMap; label: string }) {
  const [, , width = 160, height = 100] = map.viewBox.split(/\s+/).map(Number);
  return (
    <svg class="fc-map" role="img" aria-label={label} viewBox={map.viewBox} preserveAspectRatio="xMidYMid meet">
      <rect class="fc-map-sea" width={width} height={height} />
      <path class="fc-map-land" d={map.land} />
      {map.focus && <path class="fc-map-focus" d={map.focus} />}
      <circle class="fc-map-dot" cx={map.dot[0]} cy={map.dot[1]} r={2.6} />
    </svg>
  );
}

function PinIcon() {
  return (
    <svg class="fc-icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path d="M5 1.5h6l-1 1.2v4.1l2.4 2.4v1.3H8.7V15L8 15.8 7.3 15v-4.5H3.6V9.2L6 6.8V2.7z" />
    </svg>
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
