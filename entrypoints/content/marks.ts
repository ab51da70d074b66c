/**
 * The mentions found on the page: their static ranges, indexed by text node for hit-testing, in document order
 * on demand. Painting them is the `MarkPainter`'s job; the summary is `summary.ts`'s.
 */
import type { EntityTable } from '../../engine/index-format';
import type { HighlightSink } from './highlights';
import { MarkPainter } from './mark-painter';

export interface PageMention {
  /** Stable key for the hover machine. */
  key: string;
  entity: number;
  text: string;
  range: StaticRange;
  /** The text nodes the mention touches (usually one). */
  nodes: Text[];
}

/** Orders two mentions as they appear in the document. */
function docOrder(a: PageMention, b: PageMention): number {
  const na = a.range.startContainer;
  const nb = b.range.startContainer;
  if (na === nb) return a.range.startOffset - b.range.startOffset;
  return na.compareDocumentPosition(nb) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
}

export class MarkStore {
  private byNode = new Map<Text, PageMention[]>();
  private seq = 0;
  private readonly painter: MarkPainter;
  readonly all = new Set<PageMention>();

  constructor(
    sink: HighlightSink | null,
    private readonly entities: EntityTable,
  ) {
    this.painter = new MarkPainter(sink, entities);
  }

  add(entity: number, text: string, range: StaticRange, nodes: Text[]): void {
    const info = this.entities.get(entity);
    if (!info) return;
    const m: PageMention = { key: `m${++this.seq}`, entity, text, range, nodes };
    this.all.add(m);
    for (const n of nodes) {
      const list = this.byNode.get(n);
      if (list) list.push(m);
      else this.byNode.set(n, [m]);
    }
    this.painter.paint(m);
  }

  /** Removes every mention that touches one of these text nodes. */
  removeNodes(nodes: Iterable<Text>): void {
    for (const n of nodes) {
      const list = this.byNode.get(n);
      if (!list) continue;
      for (const m of list) this.remove(m);
    }
  }

  /** Removes mentions whose text left the document (cheap sweep over the nodes we know). */
  removeDetached(): void {
    for (const n of [...this.byNode.keys()]) if (!n.isConnected) this.removeNodes([n]);
  }

  private remove(m: PageMention): void {
    if (!this.all.delete(m)) return;
    for (const n of m.nodes) {
      const list = this.byNode.get(n)?.filter((x) => x !== m);
      if (list && list.length > 0) this.byNode.set(n, list);
      else this.byNode.delete(n);
    }
    this.painter.unpaint(m);
  }

  /** The mention covering (node, offset), if any. */
  at(node: Node, offset: number): PageMention | undefined {
    const list = this.byNode.get(node as Text);
    return list?.find((m) => {
      const afterStart = node !== m.range.startContainer || offset >= m.range.startOffset;
      const beforeEnd = node !== m.range.endContainer || offset <= m.range.endOffset;
      return afterStart && beforeEnd;
    });
  }

  /** All mentions in document order (sorted on demand: only the summary and keyboard paths need it). */
  ordered(): PageMention[] {
    return [...this.all].sort(docOrder);
  }

  /** Moves every mark to another sink (a new mark style), unregistering them from the old one. */
  setSink(sink: HighlightSink | null): void {
    this.painter.setSink(sink, this.all);
  }

  clear(): void {
    this.painter.clear();
    this.all.clear();
    this.byNode.clear();
  }
}
