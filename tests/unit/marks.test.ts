import { beforeAll, describe, expect, it } from 'vitest';
import { MarkStore } from '../../entrypoints/content/marks';
import { MarkPainter } from '../../entrypoints/content/mark-painter';
import { summarise } from '../../entrypoints/content/summary';
import { installStaticRange, recordingSink, testEngine } from '../support/content-dom';

beforeAll(installStaticRange);

const engine = testEngine();
const id = (name: string) => {
  for (let e = 0; ; e++) if (engine.entities.get(e).id === name) return e;
};

/** A paragraph of text nodes, and a range over [start, end) of one of them. */
function page(...texts: string[]) {
  const p = document.createElement('p');
  const nodes = texts.map((t) => document.createTextNode(t));
  p.append(...nodes);
  document.body.replaceChildren(p);
  const range = (node: Text, start: number, end: number, endNode = node) =>
    new StaticRange({ startContainer: node, startOffset: start, endContainer: endNode, endOffset: end });
  return { p, nodes, range };
}

describe('MarkStore', () => {
  it('paints each mention it adds under its entity type, and finds it by (node, offset)', () => {
    const sink = recordingSink();
    const store = new MarkStore(sink, engine.entities);
    const { nodes, range } = page('Putin met Reuters');
    const t = nodes[0]!;
    store.add(id('putin'), 'Putin', range(t, 0, 5), [t]);
    store.add(id('reuters'), 'Reuters', range(t, 10, 17), [t]);
    expect(sink.ranges.get('person')?.size).toBe(1);
    expect(sink.ranges.get('organization')?.size).toBe(1);
    expect(store.at(t, 2)?.text).toBe('Putin');
    expect(store.at(t, 5)?.text).toBe('Putin');
    expect(store.at(t, 7)).toBeUndefined();
    expect(store.at(t, 12)?.text).toBe('Reuters');
  });

  it('indexes a mention that spans nodes under each of them', () => {
    const store = new MarkStore(null, engine.entities);
    const { nodes, range } = page('Sergey ', 'Lavrov');
    const [a, b] = nodes as [Text, Text];
    store.add(id('lavrov'), 'Sergey Lavrov', range(a, 0, 6, b), [a, b]);
    expect(store.at(a, 3)?.text).toBe('Sergey Lavrov');
    expect(store.at(b, 3)?.text).toBe('Sergey Lavrov');
    store.removeNodes([b]);
    expect(store.at(a, 3)).toBeUndefined();
    expect(store.all.size).toBe(0);
  });

  it('removes the mentions of nodes that left the document, and unpaints them', () => {
    const sink = recordingSink();
    const store = new MarkStore(sink, engine.entities);
    const { p, nodes, range } = page('Syria', ' and ', 'Putin');
    const [syria, , putin] = nodes as [Text, Text, Text];
    store.add(id('syria'), 'Syria', range(syria, 0, 5), [syria]);
    store.add(id('putin'), 'Putin', range(putin, 0, 5), [putin]);
    p.removeChild(putin);
    store.removeDetached();
    expect([...store.all].map((m) => m.text)).toEqual(['Syria']);
    expect(sink.size()).toBe(1);
    expect(sink.ranges.get('person')?.size ?? 0).toBe(0);
  });

  it('orders mentions as the document does, whatever order they were added in', () => {
    const store = new MarkStore(null, engine.entities);
    const { nodes, range } = page('Syria ', 'Putin Reuters');
    const [a, b] = nodes as [Text, Text];
    store.add(id('reuters'), 'Reuters', range(b, 6, 13), [b]);
    store.add(id('syria'), 'Syria', range(a, 0, 5), [a]);
    store.add(id('putin'), 'Putin', range(b, 0, 5), [b]);
    expect(store.ordered().map((m) => m.text)).toEqual(['Syria', 'Putin', 'Reuters']);
    expect(new Set([...store.all].map((m) => m.key)).size).toBe(3);
  });

  it('moves every mark to a new sink and empties the old one; clear empties the sink too', () => {
    const first = recordingSink();
    const second = recordingSink();
    const store = new MarkStore(first, engine.entities);
    const { nodes, range } = page('Putin in Syria');
    const t = nodes[0]!;
    store.add(id('putin'), 'Putin', range(t, 0, 5), [t]);
    store.add(id('syria'), 'Syria', range(t, 9, 14), [t]);
    store.setSink(second);
    expect(first.size()).toBe(0);
    expect(second.size()).toBe(2);
    store.setSink(null);
    expect(second.size()).toBe(0);
    store.setSink(first);
    store.clear();
    expect(first.size()).toBe(0);
    expect(store.all.size).toBe(0);
    expect(store.at(t, 1)).toBeUndefined();
  });
});

describe('MarkPainter', () => {
  it('paints and unpaints by entity type', () => {
    const sink = recordingSink();
    const painter = new MarkPainter(sink, engine.entities);
    const { nodes, range } = page('Reuters');
    const m = { key: 'm1', entity: id('reuters'), text: 'Reuters', range: range(nodes[0]!, 0, 7), nodes };
    painter.paint(m);
    expect([...sink.ranges.get('organization')!]).toEqual([m.range]);
    painter.unpaint(m);
    expect(sink.size()).toBe(0);
  });
});

describe('summarise', () => {
  it('counts each entity and lists its texts in page order, entities in order of first mention', () => {
    const store = new MarkStore(null, engine.entities);
    const { nodes, range } = page('Lavrov, Syria, Sergey Lavrov');
    const t = nodes[0]!;
    store.add(id('syria'), 'Syria', range(t, 8, 13), [t]);
    store.add(id('lavrov'), 'Sergey Lavrov', range(t, 15, 28), [t]);
    store.add(id('lavrov'), 'Lavrov', range(t, 0, 6), [t]);
    const out = summarise(store.ordered(), engine.entities);
    expect(out.map((s) => [s.id, s.count, s.mentions])).toEqual([
      ['lavrov', 2, ['Lavrov', 'Sergey Lavrov']],
      ['syria', 1, ['Syria']],
    ]);
    expect(out[0]).toMatchObject({ name: 'Sergey Lavrov', type: 'person', wikipedia: 'Sergey Lavrov' });
  });
});
