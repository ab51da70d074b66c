import { describe, expect, it } from 'vitest';
import { blockOf, nodeAt, textBlocks } from '../../entrypoints/content/walk';

const html = (markup: string): HTMLElement => {
  const root = document.createElement('div');
  root.innerHTML = markup;
  return root;
};
const texts = (root: Node, onShadowRoot?: (r: ShadowRoot) => void) =>
  [...textBlocks(root, onShadowRoot)].map((b) => b.text);

describe('textBlocks', () => {
  it.each([
    ['<p>Hello <b>Sergey</b> Lavrov</p><p>next</p>', ['Hello Sergey Lavrov', 'next']],
    ['<p>one<br>two</p>', ['one\ntwo']],
    ['<p>a <script>x</script><style>y</style><code>z</code> b</p>', ['a  b']],
    ['<p>a <span contenteditable="true">edit</span><span contenteditable="false">kept</span></p>', ['a kept']],
    ['<div>top <p>inner <i>it</i></p> tail</div>', ['top ', 'inner it', ' tail']],
    ['<fact-cards>ours</fact-cards><p>page</p>', ['page']],
  ])('%s', (markup, expected) => {
    expect(texts(html(markup))).toEqual(expected);
  });

  it('reads an inline root as part of its block, and a text node alone', () => {
    const root = html('<p>x <b>bold <i>it</i></b> y</p>');
    const b = root.querySelector('b')!;
    const [block] = [...textBlocks(b)];
    expect(block!.text).toBe('bold it');
    expect(blockOf(b.firstChild!)).toBe(root.querySelector('p'));
    expect(texts(b.firstChild!)).toEqual(['bold ']);
  });

  it('reads open shadow roots where their host is, each top-level inline element its own block', () => {
    const root = html('<p>before</p><my-el>light</my-el><p>after</p>');
    const shadow = root.querySelector('my-el')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = 'top <b>bold</b><span>own</span><div>block <em>in</em></div>';
    const seen: ShadowRoot[] = [];
    expect(texts(root, (r) => seen.push(r))).toEqual(['before', 'top ', 'bold', 'own', 'block in', 'light', 'after']);
    expect(seen).toEqual([shadow]);
    expect(texts(shadow)).toEqual(['top ', 'bold', 'own', 'block in']);
  });

  it('maps offsets back to nodes', () => {
    const [block] = [...textBlocks(html('<p>ab<b>cd</b>ef</p>'))];
    expect([0, 2, 3, 4].map((o) => nodeAt(block!, o, false))).toEqual([0, 1, 1, 2]);
    expect(nodeAt(block!, 2, true)).toBe(0);
    expect(nodeAt(block!, 4, true)).toBe(1);
  });
});
