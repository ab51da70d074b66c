/** The popup's "Export JSON" payload. Pure, so the exact shape is pinned by a unit test. */
import type { EntitySummary, PageSummary } from './messages';

export interface ExportedEntity {
  id: string;
  name: string;
  type: EntitySummary['type'];
  wikipedia: string;
  count: number;
  mentions: string[];
}

export interface FactsExport {
  url: string;
  title: string;
  entities: ExportedEntity[];
}

/** Copies exactly the exported fields, so anything else the content script adds to a summary stays out of the file. */
export function toExport(summary: PageSummary): FactsExport {
  return {
    url: summary.url,
    title: summary.title,
    entities: summary.entities.map(({ id, name, type, wikipedia, count, mentions }) => ({
      id,
      name,
      type,
      wikipedia,
      count,
      mentions: [...mentions],
    })),
  };
}

/** "facts-<host>.json", with anything unsafe in a file name (a port's ":", say) replaced by "-". */
export function exportFileName(host: string): string {
  const safe = host
    .toLowerCase()
    .replace(/[^a-z0-9.-]+/g, '-')
    .replace(/^[.-]+|[.-]+$/g, '');
  return `facts-${safe || 'page'}.json`;
}
