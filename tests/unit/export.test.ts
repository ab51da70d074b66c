import { describe, expect, it } from 'vitest';
import { exportFileName, toExport } from '../../core/export';
import { sampleSummary } from '../support/ui-fixtures';

describe('toExport', () => {
  it('keeps exactly url, title and the six entity fields (no host, enabled or sequence)', () => {
    const summary = sampleSummary();
    // Extra fields a content script might add must not leak into the file.
    const withExtras = {
      ...summary,
      entities: summary.entities.map((e) => ({ ...e, ranges: [1, 2] })),
    };
    const out = toExport(withExtras);
    expect(Object.keys(out)).toEqual(['url', 'title', 'entities']);
    expect(out.url).toBe('https://www.example.com/news/story?x=1');
    expect(out.title).toBe('Story about Syria');
    expect(out.entities).toHaveLength(5);
    for (const e of out.entities)
      expect(Object.keys(e)).toEqual(['id', 'name', 'type', 'wikipedia', 'count', 'mentions']);
    expect(out.entities[0]).toEqual({
      id: 'vladimir-putin',
      name: 'Vladimir Putin',
      type: 'person',
      wikipedia: 'Vladimir Putin',
      count: 4,
      mentions: ['Vladimir Putin', 'Vladimir Putin', 'Vladimir Putin', 'Vladimir Putin'],
    });
  });

  it('round-trips through JSON unchanged', () => {
    const out = toExport(sampleSummary());
    expect(JSON.parse(JSON.stringify(out))).toEqual(out);
  });

  it('exports an empty page as an empty list', () => {
    expect(toExport(sampleSummary({ entities: [] })).entities).toEqual([]);
  });
});

describe('exportFileName', () => {
  it.each([
    ['example.com', 'facts-example.com.json'],
    ['www.BBC.co.uk', 'facts-www.bbc.co.uk.json'],
    ['127.0.0.1:8080', 'facts-127.0.0.1-8080.json'],
    ['', 'facts-page.json'],
  ])('%s → %s', (host, expected) => {
    expect(exportFileName(host)).toBe(expected);
  });
});
