/** The "Copy citation" text of a card, and copying it. */
import { t } from './i18n';
import type { CardBody } from './messages';
import { formatAsOf } from './labels';

const ISO = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/;

/** The latest as-of date among the facts (ISO dates compare as strings: "2025" < "2025-03" < "2025-03-07"). */
export function latestAsOf(facts: CardBody['facts']): string | undefined {
  let latest: string | undefined;
  for (const { asOf } of facts) if (ISO.test(asOf) && (latest === undefined || asOf > latest)) latest = asOf;
  return latest;
}

/**
 * "{name}: {summary} Source: {first http(s) source} (as of {latest fact date})". Parts without data are left
 * out, so a card without facts cites no date and one without sources names no source.
 */
export function citation(card: CardBody): string {
  const source = card.sources.find((url) => /^https?:\/\//i.test(url));
  const asOf = latestAsOf(card.facts);
  let text = `${card.name}: ${card.summary}`;
  if (source) text += ` ${t('citation_source', source)}`;
  if (asOf) text += ` ${t('citation_as_of', formatAsOf(asOf))}`;
  return text;
}

/**
 * Copies text to the clipboard. `navigator.clipboard` exists only in secure contexts, and a content script on
 * an http:// page inherits the page's context, so the fallback copies a selected textarea with execCommand
 * (still allowed during the click that called us). The textarea goes beside `near`, inside our shadow root.
 */
export async function copyText(text: string, near: Element): Promise<boolean> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Denied (no focus, permissions policy): try the fallback.
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.cssText = 'position:fixed;top:0;left:0;width:1px;height:1px;opacity:0;';
  const root = near.getRootNode() as Document | ShadowRoot;
  const focused = root.activeElement as HTMLElement | null;
  near.append(area);
  try {
    area.select();
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
    focused?.focus({ preventScroll: true });
  }
}
