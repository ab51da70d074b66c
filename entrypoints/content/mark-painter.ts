/**
 * Paints the marks: registers each mention's range with the highlight sink of the current mark style, and moves
 * them all when the style changes. Knows nothing of how mentions are found or indexed.
 */
import type { EntityTable } from '../../engine/index-format';
import type { HighlightSink } from './highlights';
import type { PageMention } from './marks';

export class MarkPainter {
  constructor(
    private sink: HighlightSink | null,
    private readonly entities: EntityTable,
  ) {}

  paint(m: PageMention): void {
    const info = this.entities.get(m.entity);
    if (info) this.sink?.add(info.type, m.range);
  }

  unpaint(m: PageMention): void {
    const info = this.entities.get(m.entity);
    if (info) this.sink?.delete(info.type, m.range);
  }

  /** Moves every mark to another sink (a new mark style), unregistering them from the old one. */
  setSink(sink: HighlightSink | null, marks: Iterable<PageMention>): void {
    this.sink?.clear();
    this.sink = sink;
    for (const m of marks) this.paint(m);
  }

  clear(): void {
    this.sink?.clear();
  }
}
