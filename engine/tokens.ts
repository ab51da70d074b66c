/** Text that names nothing because it is part of a token: URLs, e-mail addresses, identifiers. Pure. */
import { isWordChar } from './text';

/**
 * True when the span sits inside a URL, an e-mail address or an identifier ("reuters.com", "a@afp.com",
 * "/wiki/Syria", "syria_map"): such text names nothing.
 */
export function insideToken(text: string, start: number, end: number): boolean {
  const before = text.charAt(start - 1);
  const after = text.charAt(end);
  const afterNext = text.charCodeAt(end + 1);
  if ('/@_\\'.includes(before) && before !== '') return true;
  if ('@_'.includes(after) && after !== '') return true;
  if ((after === '.' || after === '/') && !Number.isNaN(afterNext) && isWordChar(afterNext)) return true;
  if (before === '.' && isWordChar(text.charCodeAt(start - 2))) return true;
  // A run with a scheme or "www." in front of the name: part of a URL.
  let a = start;
  while (a > 0 && start - a < 200 && !/\s/.test(text.charAt(a - 1))) a--;
  if (a === start) return false;
  const run = text.slice(a, start);
  return run.includes('://') || run.toLowerCase().startsWith('www.');
}
