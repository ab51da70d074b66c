/** Display words and formats shared by the card and the popup. No DOM; the words come from `lib/i18n`. */
import type { EntityType } from '../engine/types';
import { t } from './i18n';

/** Singular label shown on a card ("Place · air base"). */
export const TYPE_LABEL: Record<EntityType, string> = {
  person: t('type_person'),
  place: t('type_place'),
  organization: t('type_organization'),
  event: t('type_event'),
};

/** Group headings in the popup, in the order they are shown. */
export const TYPE_GROUPS: readonly { type: EntityType; label: string }[] = [
  { type: 'person', label: t('group_person') },
  { type: 'place', label: t('group_place') },
  { type: 'organization', label: t('group_organization') },
  { type: 'event', label: t('group_event') },
];

// Fixed month names rather than toLocaleDateString: the output must not depend on the browser's time zone (an
// ISO "2025-10-01" parsed as UTC can render as 30 Sep west of Greenwich). They are English in every locale.
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2025" → "2025", "2025-10" → "Oct 2025", "2025-10-03" → "3 Oct 2025"; anything else is returned unchanged. */
export function formatAsOf(iso: string): string {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(iso);
  if (!m) return iso;
  const [, year, month, day] = m;
  const name = month === undefined ? undefined : MONTHS[Number(month) - 1];
  if (month === undefined) return year!;
  if (name === undefined) return iso;
  return day === undefined ? `${name} ${year}` : `${Number(day)} ${name} ${year}`;
}

/** "Mentioned 1 time on this page" / "Mentioned 4 times on this page". */
export function mentionedText(count: number): string {
  return count === 1 ? t('card_mentioned_one', count) : t('card_mentioned_other', count);
}

/** Short link text for a source URL: its hostname without "www.", or the URL itself if it does not parse. */
export function sourceLabel(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}

/**
 * Facts about the past ("Born", "Died", "Earlier", "Previously", "Former office") carry their years in the
 * value; an "as of" beside them would only repeat the date, so the card leaves it out.
 */
export function isHistorical(label: string): boolean {
  return /^(born|died|earlier|previously|former\b.*)$/i.test(label.trim());
}

/** Consecutive facts with the same label ("Former office", "Former office") as one group, in order. */
export function groupFacts<F extends { label: string }>(facts: readonly F[]): { label: string; facts: F[] }[] {
  const groups: { label: string; facts: F[] }[] = [];
  for (const fact of facts) {
    const last = groups.at(-1);
    if (last && last.label === fact.label) last.facts.push(fact);
    else groups.push({ label: fact.label, facts: [fact] });
  }
  return groups;
}
