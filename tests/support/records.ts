import type { FactRecord } from '../../store/schema';

/** A minimal valid fact record for matcher, linker and search tests: a person unless `type` says otherwise. */
export const record = (
  id: string,
  name: string,
  aliases: FactRecord['aliases'] = [],
  type: FactRecord['type'] = 'person',
): FactRecord => ({
  id,
  type,
  name,
  wikipedia: name,
  summary: 's',
  aliases,
  facts: [],
  sources: ['https://example.org'],
});
