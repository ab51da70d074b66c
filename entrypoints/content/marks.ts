/**
 * The mentions found on the page: their static ranges, indexed by text node for hit-testing and by entity
 * for the summary. Registers and unregisters each one with the highlight sink.
 */
import type { EntityTable } from '../../engine/index-format';
import type { EntitySummary } from '../../core/messages';
import type { HighlightSink } from './highlights';

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
  readonly all = new Set<PageMention>();

  constructor(
    private sink: HighlightSink | null,
    private readonly entities: EntityTable,
  ) {}

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
    this.sink?.add(info.type, range);
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
    const info = this.entities.get(m.entity);
    if (info) this.sink?.delete(info.type, m.range);
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

  /** Entities with their counts and mention texts in page order, in order of first appearance. */
  summary(ordered = this.ordered()): EntitySummary[] {
    const out = new Map<number, EntitySummary>();
    for (const m of ordered) {
      const info = this.entities.get(m.entity);
      let s = out.get(m.entity);
      if (!s) {
        s = { id: info.id, name: info.name, type: info.type, wikipedia: info.wikipedia, count: 0, mentions: [] };
        out.set(m.entity, s);
      }
      s.count++;
      s.mentions.push(m.text);
    }
    return [...out.values()];
  }

  /** Moves every mark to another sink (a new mark style), unregistering them from the old one. */
  setSink(sink: HighlightSink | null): void {
    this.sink?.clear();
    this.sink = sink;
    for (const m of this.all) {
      const info = this.entities.get(m.entity);
      if (info) sink?.add(info.type, m.range);
    }
  }

  clear(): void {
    this.sink?.clear();
    this.all.clear();
    this.byNode.clear();
  }
}
