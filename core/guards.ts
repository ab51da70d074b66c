/** Checks every layer shares on untrusted input (records, fact packs, settings files). Pure. */

/** A plain object: not null, not an array. */
export const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Strings are shown as text, never as HTML; markup in a record or pack is a mistake worth refusing. */
export const MARKUP_RE = /<[a-z/!]/i;
