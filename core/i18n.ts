/**
 * Every user-visible word goes through `t`. The messages come from a source the browser edge installs
 * (`platform/i18n.ts` sets `browser.i18n.getMessage`, so the browser picks the user's locale from
 * `public/_locales/`); where there is none or it fails (unit tests under fakeBrowser, which does not implement
 * i18n) the English messages are formatted here the way Chrome does. Pure.
 */
import en from '../public/_locales/en/messages.json';

/** A key of `public/_locales/en/messages.json`; a unit test checks that every key is used and every use exists. */
export type MessageKey = keyof typeof en;

interface Message {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

type MessageSource = (key: string, substitutions: string[]) => string;
let source: MessageSource | null = null;

/** Installs the browser's message look-up (called once by `platform/i18n.ts`). */
export function setMessageSource(fn: MessageSource | null): void {
  source = fn;
}

/**
 * The message `key` in the browser's UI language, with `$1`…`$9` (and the named placeholders that stand for
 * them) replaced by `substitutions`. Numbers are written with `String`, as Chrome does.
 */
export function t(key: MessageKey, substitutions?: string | number | (string | number)[]): string {
  const subs = substitutions === undefined ? [] : [substitutions].flat().map(String);
  try {
    const text = source?.(key, subs);
    if (text) return text;
  } catch {
    // No i18n API here (tests): use the English messages below.
  }
  return formatMessage(en[key], subs);
}

/**
 * Chrome's formatting of one messages.json entry: named placeholders (`$HOST$`, case-insensitive) become their
 * content, then `$1`…`$9` become substitutions ('' when missing), `$$` becomes `$`, and a `$` before anything
 * else is dropped with that character (base::ReplaceStringPlaceholders).
 */
export function formatMessage(entry: Message, subs: readonly string[]): string {
  const named = new Map(Object.entries(entry.placeholders ?? {}).map(([k, v]) => [k.toLowerCase(), v.content]));
  const text = entry.message.replace(
    /\$([a-z0-9_@]+)\$/gi,
    (whole, name: string) => named.get(name.toLowerCase()) ?? whole,
  );
  let out = '';
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== '$') {
      out += text[i];
      continue;
    }
    const next = text[++i];
    if (next === '$') {
      while (text[i] === '$') {
        out += '$';
        i++;
      }
      i--;
    } else if (next !== undefined && next >= '1' && next <= '9') {
      out += subs[Number(next) - 1] ?? '';
    }
  }
  return out;
}
