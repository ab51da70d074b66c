/**
 * Reads a page's text as blocks: the text of consecutive text nodes under one block element, joined, so a name
 * can span inline elements (`<b>Sergey</b> Lavrov`) and offsets map back to (node, offset) pairs.
 * Skips what is not prose or not the page's: scripts, styles, form fields, code, editable regions, our UI.
 * Descends into the page's open shadow roots (closed ones are out of reach by design); a name does not span a
 * shadow boundary.
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

/** Elements that may carry a shadow root (custom elements, with a "-" in their name, aside): only these are
 * asked for one. https://dom.spec.whatwg.org/#dom-element-attachshadow */
const SHADOW_HOSTS = new Set(
  'ARTICLE ASIDE BLOCKQUOTE BODY DIV FOOTER H1 H2 H3 H4 H5 H6 HEADER MAIN NAV P SECTION SPAN'.split(' '),
);

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

const isShadowRoot = (node: Node | null): node is ShadowRoot => node?.nodeType === 11 && 'host' in node;

/** The parent element, crossing from a shadow root's top level to its host. */
const composedParent = (node: Node): Element | null => {
  if (node.parentElement) return node.parentElement;
  const up = isShadowRoot(node) ? node : node.parentNode;
  return isShadowRoot(up) ? up.host : null;
};

/** True when `node` sits inside something we never read (walks up to the document, through shadow hosts). */
export function insideSkipped(node: Node): boolean {
  for (let el = node.nodeType === 1 ? (node as Element) : composedParent(node); el; el = composedParent(el)) {
    if (skipsSubtree(el)) return true;
  }
  return (node.ownerDocument ?? document).designMode === 'on';
}

/**
 * The nearest ancestor that is not inline: the unit a rescan re-reads after a change. Inside a shadow root
 * whose top level holds text, the shadow root itself.
 */
export function blockOf(node: Node): Element | ShadowRoot | null {
  let el = node.nodeType === 1 ? (node as Element) : node.parentElement;
  if (!el) return isShadowRoot(node) ? node : isShadowRoot(node.parentNode) ? node.parentNode : null;
  while (el && INLINE.has(el.tagName) && el.parentElement) el = el.parentElement;
  return el;
}

/** Every text node under `root`, including those in open shadow roots below it (for dropping old marks). */
export function textNodesIn(root: Node): Text[] {
  const out: Text[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
  for (let n: Node | null = root; n; n = walker.nextNode()) {
    if (n.nodeType === 3) out.push(n as Text);
    else if (n.nodeType === 1 && (n as Element).shadowRoot && (n as Element).tagName !== 'FACT-CARDS') {
      out.push(...textNodesIn((n as Element).shadowRoot!));
    }
  }
  return out;
}

/** The elements under `root` whose `contenteditable` makes them editable, or null when there are none (most pages):
 * one native query instead of reading an attribute on every element. */
function editablesUnder(root: Node): Set<Element> | null {
  const query = (root as ParentNode).querySelectorAll;
  if (typeof query !== 'function') return null;
  const found = (root as ParentNode).querySelectorAll('[contenteditable]');
  if (found.length === 0) return null;
  const out = new Set<Element>();
  for (const el of found) if (isEditable(el)) out.add(el);
  return out.size > 0 ? out : null;
}

/**
 * Yields the text blocks under `root` in document order, an open shadow root's blocks where its host is.
 * `onShadowRoot` hears of every open shadow root read, so the caller can follow changes inside it.
 */
export function* textBlocks(root: Node, onShadowRoot?: (root: ShadowRoot) => void): Generator<TextBlock> {
  let block: Node | null = null;
  let cur: TextBlock = { text: '', nodes: [], offsets: [] };
  const editables = editablesUnder(root);
  const rootIsElement = root.nodeType === 1;
  // The block of the current node's text siblings (`blockOf` of a text node there), kept on a stack as the
  // walk goes down and up instead of looked up through the ancestors of each text node.
  let siblingsBlock: Node | null = root.nodeType === 3 ? blockOf(root) : null;
  const stack: (Node | null)[] = [];
  let node: Node | null = root;
  // Iterative pre-order walk with parent pointers: skipping a subtree costs nothing.
  while (node) {
    let descend = true;
    const type = node.nodeType;
    if (type === 3) {
      const data = (node as Text).data;
      if (data.length > 0) {
        if (siblingsBlock !== block) {
          if (cur.nodes.length > 0) {
            yield cur;
            cur = { text: '', nodes: [], offsets: [] };
          }
          block = siblingsBlock;
        }
        cur.nodes.push(node as Text);
        cur.offsets.push(cur.text.length);
        cur.text += data;
      }
      descend = false;
    } else if (type === 1) {
      const el = node as Element;
      const tag = el.tagName;
      if (node !== root && (SKIP.has(tag) || (editables !== null && editables.has(el)))) descend = false;
      else {
        if (tag === 'BR') {
          if (cur.nodes.length > 0) cur.text += '\n';
        } else if ((SHADOW_HOSTS.has(tag) || tag.includes('-')) && el.shadowRoot) {
          // The element's shadow tree is what renders; its light children still show through slots.
          onShadowRoot?.(el.shadowRoot);
          if (cur.nodes.length > 0) {
            yield cur;
            cur = { text: '', nodes: [], offsets: [] };
          }
          yield* textBlocks(el.shadowRoot, onShadowRoot);
        }
        const first: Node | null = el.firstChild;
        if (first) {
          stack.push(siblingsBlock);
          // An inline element's text belongs to its parent's block; an inline element with no parent element
          // (at the top of a shadow root) is its own block, as `blockOf` has it.
          if (node === root) siblingsBlock = blockOf(el);
          else if (!INLINE.has(tag) || (stack.length === 2 && !rootIsElement)) siblingsBlock = el;
          node = first;
          continue;
        }
      }
      descend = false;
    }
    if (descend) {
      const first: Node | null = node.firstChild;
      if (first) {
        // A shadow root or fragment at the top: its text is its own block (a shadow root) or none.
        stack.push(siblingsBlock);
        siblingsBlock = isShadowRoot(node) ? node : null;
        node = first;
        continue;
      }
    }
    let next: Node | null = null;
    while (node !== root) {
      next = node.nextSibling;
      if (next) break;
      node = node.parentNode!;
      siblingsBlock = stack.pop() ?? null;
    }
    node = next;
  }
  if (cur.nodes.length > 0) yield cur;
}

/**
 * The index in `block.nodes` of the node holding text offset `offset`. `end` picks the node that ends there
 * rather than the next one.
 */
export function nodeAt(block: TextBlock, offset: number, end: boolean): number {
  const { offsets } = block;
  let lo = 0;
  let hi = offsets.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    const at = offsets[mid]!;
    if (at < offset || (!end && at === offset)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
