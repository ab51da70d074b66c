import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { MarkStore } from '../../entrypoints/content/marks';
import { scanNow, startScanner } from '../../entrypoints/content/scanner';
import { installStaticRange, marked, recordingSink, testEngine } from '../support/content-dom';

beforeAll(installStaticRange);

const engine = testEngine();

function start(markup: string, accept?: (entity: number) => boolean) {
  document.body.innerHTML = markup;
  const sink = recordingSink();
  const marks = new MarkStore(sink, engine.entities);
  const settled = vi.fn();
  const abort = new AbortController();
  const scanner = startScanner(document.body, engine, marks, settled, abort.signal, accept);
  const found = () => marked(marks.ordered(), engine);
  return { marks, sink, settled, abort, scanner, found };
}

afterEach(() => document.body.replaceChildren());

describe('scanNow', () => {
  it('marks the linked names of a subtree at once, across inline elements', () => {
    const root = document.createElement('div');
    root.innerHTML = '<p>Vladimir Putin met <b>Sergey</b> Lavrov in Syria.</p><p>Putin left.</p>';
    const marks = new MarkStore(null, engine.entities);
    expect(scanNow(root, engine, marks)).toBe(4);
    expect(marked(marks.ordered(), engine)).toEqual([
      'Vladimir Putin→putin',
      'Sergey Lavrov→lavrov',
      'Syria→syria',
      'Putin→putin',
    ]);
    const lavrov = marks.ordered()[1]!;
    expect(lavrov.nodes.map((n) => n.data)).toEqual(['Sergey', ' Lavrov in Syria.']);
    expect([lavrov.range.startOffset, lavrov.range.endOffset]).toEqual([0, 7]);
  });
});

describe('startScanner', () => {
  it('scans the page in the background, then reports it settled', async () => {
    const s = start('<p>Reuters reports from Syria.</p>');
    expect(s.found()).toEqual([]);
    await s.scanner.idle();
    expect(s.found()).toEqual(['Reuters→reuters', 'Syria→syria']);
    expect(s.sink.size()).toBe(2);
    expect(s.settled).toHaveBeenCalledTimes(1);
  });

  it('follows added, edited and removed text', async () => {
    const s = start('<p id="a">Syria</p>');
    await s.scanner.idle();
    const p = document.createElement('p');
    p.textContent = 'Reuters';
    document.body.append(p);
    await vi.waitFor(() => expect(s.found()).toEqual(['Syria→syria', 'Reuters→reuters']));
    (document.getElementById('a')!.firstChild as Text).data = 'Sergey Lavrov';
    await vi.waitFor(() => expect(s.found()).toEqual(['Sergey Lavrov→lavrov', 'Reuters→reuters']));
    p.remove();
    await vi.waitFor(() => expect(s.found()).toEqual(['Sergey Lavrov→lavrov']));
    expect(s.sink.size()).toBe(1);
  });

  it('re-reads the body when one of its children goes, without marking the page twice', async () => {
    const s = start('<p>Syria</p><div><p>Reuters</p></div>');
    await s.scanner.idle();
    document.body.lastElementChild!.remove();
    await vi.waitFor(() => expect(s.found()).toEqual(['Syria→syria']));
    expect(s.sink.size()).toBe(1);
  });

  it('ignores our own card layer host', async () => {
    const s = start('<p>Syria</p>');
    await s.scanner.idle();
    const host = document.createElement('fact-cards');
    host.textContent = 'Reuters';
    document.body.append(host);
    await new Promise((r) => setTimeout(r, 20));
    await s.scanner.idle();
    expect(s.found()).toEqual(['Syria→syria']);
  });

  it('marks only accepted entities', async () => {
    const s = start('<p>Reuters reports from Syria.</p>', (e) => engine.entities.get(e).type === 'place');
    await s.scanner.idle();
    expect(s.found()).toEqual(['Syria→syria']);
  });

  it('rescans from scratch on rescanAll', async () => {
    const s = start('<p>Syria</p>');
    await s.scanner.idle();
    const before = s.marks.ordered()[0]!.key;
    s.scanner.rescanAll();
    expect(s.marks.all.size).toBe(0);
    await s.scanner.idle();
    expect(s.found()).toEqual(['Syria→syria']);
    expect(s.marks.ordered()[0]!.key).not.toBe(before);
  });

  it('stops following the page once its signal aborts', async () => {
    const s = start('<p>Syria</p>');
    await s.scanner.idle();
    s.abort.abort();
    const p = document.createElement('p');
    p.textContent = 'Reuters';
    document.body.append(p);
    await new Promise((r) => setTimeout(r, 20));
    await s.scanner.idle();
    expect(s.found()).toEqual(['Syria→syria']);
    expect(s.settled).toHaveBeenCalledTimes(1);
  });
});
