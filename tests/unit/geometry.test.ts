import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { liveRange, mentionAt } from '../../entrypoints/content/geometry';
import { MarkStore } from '../../entrypoints/content/marks';
import { installStaticRange, testEngine } from '../support/content-dom';

beforeAll(installStaticRange);
afterEach(() => {
  vi.restoreAllMocks();
  const doc = document as unknown as Record<string, unknown>;
  delete doc.caretPositionFromPoint;
  delete doc.caretRangeFromPoint;
});

const engine = testEngine();

/** "Putin in Syria", with Putin marked over [0, 5), and its one client rect at (10..50, 10..30). */
function setup() {
  document.body.innerHTML = '<p>Putin in Syria</p>';
  const text = document.body.querySelector('p')!.firstChild as Text;
  const marks = new MarkStore(null, engine.entities);
  marks.add(0, 'Putin', new StaticRange({ startContainer: text, startOffset: 0, endContainer: text, endOffset: 5 }), [
    text,
  ]);
  vi.spyOn(Range.prototype, 'getClientRects').mockReturnValue([new DOMRect(10, 10, 40, 20)] as unknown as DOMRectList);
  return { text, marks, mention: [...marks.all][0]! };
}

const caretAt = (node: Node, offset: number) => {
  const fn = vi.fn(() => ({ offsetNode: node, offset }));
  (document as unknown as Record<string, unknown>).caretPositionFromPoint = fn;
  return fn;
};

describe('liveRange', () => {
  it('spans exactly the stored static range', () => {
    const { mention, text } = setup();
    const r = liveRange(mention);
    expect([r.startContainer, r.startOffset, r.endContainer, r.endOffset]).toEqual([text, 0, text, 5]);
    expect(r.toString()).toBe('Putin');
  });
});

describe('mentionAt', () => {
  it('finds the mention under the caret when the point is inside its rects', () => {
    const { text, marks, mention } = setup();
    const caret = caretAt(text, 2);
    expect(mentionAt(20, 20, marks)).toBe(mention);
    expect(caret).toHaveBeenCalledWith(20, 20);
  });

  it('finds nothing where the caret snaps to a mention from beside its text', () => {
    const { text, marks } = setup();
    caretAt(text, 5);
    expect(mentionAt(200, 20, marks)).toBeUndefined();
  });

  it('finds nothing off a mention or off text', () => {
    const { text, marks } = setup();
    caretAt(text, 8);
    expect(mentionAt(20, 20, marks)).toBeUndefined();
    caretAt(document.body, 0);
    expect(mentionAt(20, 20, marks)).toBeUndefined();
  });

  it('falls back to caretRangeFromPoint where caretPositionFromPoint is missing', () => {
    const { text, marks, mention } = setup();
    const r = document.createRange();
    r.setStart(text, 1);
    (document as unknown as Record<string, unknown>).caretRangeFromPoint = () => r;
    expect(mentionAt(20, 20, marks)).toBe(mention);
  });

  it('hands caretPositionFromPoint the open shadow roots under the point', () => {
    const { text, marks, mention } = setup();
    const host = document.createElement('my-el');
    document.body.append(host);
    const shadow = host.attachShadow({ mode: 'open' });
    vi.spyOn(document, 'elementFromPoint').mockReturnValue(host);
    shadow.elementFromPoint = () => host;
    const caret = caretAt(text, 1);
    expect(mentionAt(20, 20, marks)).toBe(mention);
    expect(caret).toHaveBeenCalledWith(20, 20, { shadowRoots: [shadow] });
  });
});
