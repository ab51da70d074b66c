/**
 * Reads a page's text as blocks: the text of consecutive text nodes under one block element, joined, so a name
 * can span inline elements (`<b>Sergey</b> Lavrov`) and offsets map back to (node, offset) pairs.
 * Skips what is not prose or not the page's: scripts, styles, form fields, code, editable regions, our UI.
 */

/** Elements whose text is never read. */
const SKIP = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'TEXTAREA',
  'INPUT',
  'SELECT',
  'OPTION',
  'BUTTON',
  'CODE',
  'PRE',
  'KBD',
  'SAMP',
  'VAR',
  'SVG',
  'svg',
  'MATH',
  'math',
  'IFRAME',
  'CANVAS',
  'VIDEO',
  'AUDIO',
  'OBJECT',
  'FACT-CARDS',
]);

/** Elements that flow inside a line: their text joins the surrounding block. */
const INLINE = new Set([
  'A',
  'ABBR',
  'B',
  'BDI',
  'BDO',
  'CITE',
  'DATA',
  'DFN',
  'EM',
  'FONT',
  'I',
  'INS',
  'DEL',
  'LABEL',
  'MARK',
  'Q',
  'S',
  'SMALL',
  'SPAN',
  'STRONG',
  'SUB',
  'SUP',
  'TIME',
  'U',
  'WBR',
  'NOBR',
  'BIG',
  'TT',
  'ACRONYM',
]);

export interface TextBlock {
  text: string;
  nodes: Text[];
  /** offsets[i] is where nodes[i] starts in `text`. */
  offsets: number[];
}

const isEditable = (el: Element): boolean => {
  const v = el.getAttribute('contenteditable');
  return v !== null && v !== 'false';
};

/** True when an element's subtree must not be read. */
export const skipsSubtree = (el: Element): boolean => SKIP.has(el.tagName) || isEditable(el);

/** True when `node` sits inside something we never read (walks up to the root). */
export function insideSkipped(node: Node): boolean {
  for (let el = node.nodeType === 1 ? (node as Element) : node.parentElement; el; el = el.parentElement) {
    if (skipsSubtree(el)) return true;
  }
  return (node.ownerDocument ?? document).designMode === 'on';
}

/** The nearest ancestor that is not inline: the unit a rescan re-reads after a change. */
export function blockOf(node: Node): Element | null {
  let el = node.nodeType === 1 ? (node as Element) : node.parentElement;
  while (el && INLINE.has(el.tagName) && el.parentElement) el = el.parentElement;
  return el;
}

/** Yields the text blocks under `root` in document order. */
export function* textBlocks(root: Node): Generator<TextBlock> {
  let block: Element | null = null;
  let cur: TextBlock = { text: '', nodes: [], offsets: [] };
  const flush = function* () {
    if (cur.nodes.length > 0) yield cur;
    cur = { text: '', nodes: [], offsets: [] };
  };
  let node: Node | null = root;
  // Iterative pre-order walk with parent pointers: skipping a subtree costs nothing.
  while (node) {
    let descend = true;
    if (node.nodeType === 3) {
      const data = (node as Text).data;
      if (data.length > 0) {
        const b = blockOf(node);
        if (b !== block) {
          yield* flush();
          block = b;
        }
        cur.nodes.push(node as Text);
        cur.offsets.push(cur.text.length);
        cur.text += data;
      }
      descend = false;
    } else if (node.nodeType === 1) {
      const el = node as Element;
      if (node !== root && skipsSubtree(el)) descend = false;
      else if (el.tagName === 'BR' && cur.nodes.length > 0) cur.text += '\n';
    }
    if (descend && node.firstChild) {
      node = node.firstChild;
      continue;
    }
    while (node && node !== root && !node.nextSibling) node = node.parentNode;
    node = node && node !== root ? node.nextSibling : null;
  }
  yield* flush();
}

/** Maps a text offset in a block to (node, offset). `end` picks the node that ends there rather than the next. */
export function locate(block: TextBlock, offset: number, end: boolean): [Text, number] {
  const { nodes, offsets } = block;
  let lo = 0;
  let hi = nodes.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    const at = offsets[mid]!;
    if (at < offset || (!end && at === offset)) lo = mid;
    else hi = mid - 1;
  }
  const node = nodes[lo]!;
  return [node, Math.min(offset - offsets[lo]!, node.data.length)];
}
