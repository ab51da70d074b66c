/**
 * Geometry of mentions: hit-testing a point against the marks (no events exist on highlights), and live
 * ranges built on demand from the static ranges we store.
 */
import type { MarkStore, PageMention } from './marks';

/** A live Range over a mention, for measuring (StaticRange has no geometry). */
export function liveRange(m: PageMention): Range {
  const r = document.createRange();
  r.setStart(m.range.startContainer, m.range.startOffset);
  r.setEnd(m.range.endContainer, m.range.endOffset);
  return r;
}

type CaretDoc = Document & {
  caretPositionFromPoint?: (
    x: number,
    y: number,
    options?: { shadowRoots?: ShadowRoot[] },
  ) => { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?: (x: number, y: number) => Range | null;
};

/**
 * The open shadow roots on the way down to the element under the point, outermost first. Hit-testing stops at
 * a shadow host unless it is handed the host's shadow root.
 */
function shadowRootsAt(x: number, y: number): ShadowRoot[] {
  const roots: ShadowRoot[] = [];
  let el = document.elementFromPoint(x, y);
  // Our own card layer is a shadow host too; it never holds marks.
  while (el?.shadowRoot && el.tagName !== 'FACT-CARDS' && roots.length < 32) {
    roots.push(el.shadowRoot);
    const inner = el.shadowRoot.elementFromPoint(x, y);
    el = inner === el ? null : inner;
  }
  return roots;
}

function caretAt(x: number, y: number): [Node, number] | null {
  const doc = document as CaretDoc;
  if (doc.caretPositionFromPoint) {
    const shadowRoots = shadowRootsAt(x, y);
    const p =
      shadowRoots.length > 0 ? doc.caretPositionFromPoint(x, y, { shadowRoots }) : doc.caretPositionFromPoint(x, y);
    return p ? [p.offsetNode, p.offset] : null;
  }
  const r = doc.caretRangeFromPoint?.(x, y);
  return r ? [r.startContainer, r.startOffset] : null;
}

/**
 * The mention under the point (client coordinates), if any. The caret resolves to the nearest character even
 * beside the text, so the point must also fall inside one of the mention's client rects.
 */
export function mentionAt(x: number, y: number, marks: MarkStore): PageMention | undefined {
  const caret = caretAt(x, y);
  if (!caret || caret[0].nodeType !== Node.TEXT_NODE) return undefined;
  const m = marks.at(caret[0], caret[1]);
  if (!m) return undefined;
  for (const rect of liveRange(m).getClientRects()) {
    if (x >= rect.left - 1 && x <= rect.right + 1 && y >= rect.top - 1 && y <= rect.bottom + 1) return m;
  }
  return undefined;
}
