import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCardLayer, type CardLayerHandlers } from '../../entrypoints/content/card-layer';
import { MarkStore, type PageMention } from '../../entrypoints/content/marks';
import {
  captureShadowRoots,
  dispatchTrusted,
  installPopovers,
  installStaticRange,
  testContext,
  testEngine,
} from '../support/content-dom';
import { sampleCard } from '../support/ui-fixtures';

beforeAll(installStaticRange);
beforeEach(installPopovers);
afterEach(() => {
  vi.restoreAllMocks();
  document.body.replaceChildren();
});

const engine = testEngine();

function mention(): PageMention {
  document.body.innerHTML = '<p>Putin spoke.</p>';
  const text = document.body.querySelector('p')!.firstChild as Text;
  const marks = new MarkStore(null, engine.entities);
  marks.add(0, 'Putin', new StaticRange({ startContainer: text, startOffset: 0, endContainer: text, endOffset: 5 }), [
    text,
  ]);
  return [...marks.all][0]!;
}

async function open() {
  const roots = captureShadowRoots();
  const handlers: CardLayerHandlers = {
    onPointerOnCard: vi.fn(),
    onClose: vi.fn(),
    onOpenRelated: vi.fn(),
    onPin: vi.fn(),
  };
  const anchor = mention();
  const layer = await createCardLayer(testContext(), handlers);
  const host = document.querySelector('fact-cards')!;
  const popover = host.shadowRoot!.querySelector<HTMLElement>('.fc-layer-popover')!;
  // The card body's closed root: the one attached inside the popover.
  const body = () => roots.find((r) => r.host.className === 'fc-layer-body')!;
  return { handlers, anchor, layer, host, popover, body };
}

describe('createCardLayer', () => {
  it('adds one host to the page, holding a manual popover dialog', async () => {
    const { host, popover, layer } = await open();
    expect(document.querySelectorAll('fact-cards')).toHaveLength(1);
    expect(popover.getAttribute('popover')).toBe('manual');
    expect(popover.getAttribute('role')).toBe('dialog');
    expect(layer.owns(host)).toBe(true);
    expect(layer.owns(document.body)).toBe(false);
  });

  it('shows a card named by its entity in the closed root, and hides it again', async () => {
    const { layer, anchor, popover, body } = await open();
    layer.show(anchor, sampleCard(), 3, false);
    expect(popover.matches(':popover-open')).toBe(true);
    expect(popover.getAttribute('aria-label')).toBe('Hmeimim Air Base');
    expect(body().mode).toBe('closed');
    expect(body().textContent).toContain('Russian air base in Latakia');
    layer.replace(sampleCard({ name: 'Syria', summary: 'Country in West Asia.' }), 7);
    expect(popover.getAttribute('aria-label')).toBe('Syria');
    expect(body().textContent).toContain('Country in West Asia.');
    layer.hide();
    expect(popover.matches(':popover-open')).toBe(false);
    expect(popover.hasAttribute('aria-label')).toBe(false);
    expect(body().textContent).not.toContain('Country in West Asia.');
  });

  it('takes focus when asked, and gives it back on hide', async () => {
    const { layer, anchor, popover, host } = await open();
    const button = document.createElement('button');
    document.body.append(button);
    button.focus();
    layer.show(anchor, sampleCard(), 1, true);
    // The page sees focus on our host; inside, it is on the dialog.
    expect(document.activeElement).toBe(host);
    expect(host.shadowRoot!.activeElement).toBe(popover);
    layer.hide();
    expect(document.activeElement).toBe(button);
  });

  it('follows a forced theme', async () => {
    const { layer, anchor, popover } = await open();
    layer.setTheme('dark');
    layer.show(anchor, sampleCard(), 1, false);
    expect(popover.dataset.theme).toBe('dark');
    layer.setTheme('light');
    layer.show(anchor, sampleCard(), 1, false);
    expect(popover.dataset.theme).toBe('light');
  });

  it('reports the user pointer on the card, and ignores events a page script makes up', async () => {
    const { handlers, popover } = await open();
    popover.dispatchEvent(new Event('pointerenter'));
    expect(handlers.onPointerOnCard).not.toHaveBeenCalled();
    dispatchTrusted(popover, new Event('pointerenter'));
    dispatchTrusted(popover, new Event('pointerleave'));
    expect(vi.mocked(handlers.onPointerOnCard).mock.calls).toEqual([[true], [false]]);
  });

  it('passes the card buttons to its handlers', async () => {
    const { handlers, layer, anchor, body } = await open();
    layer.show(anchor, sampleCard(), 1, false);
    const button = (sel: string) => body().querySelector<HTMLButtonElement>(sel)!;
    button('.fc-pin').click();
    expect(handlers.onPin).toHaveBeenCalledWith(true);
    button('.fc-related-item').click();
    expect(handlers.onOpenRelated).toHaveBeenCalledWith('syria');
    button('.fc-close').click();
    expect(handlers.onClose).toHaveBeenCalled();
  });

  it('leaves nothing in the page once removed', async () => {
    const { layer, anchor } = await open();
    layer.show(anchor, sampleCard(), 1, false);
    layer.remove();
    expect(document.querySelector('fact-cards')).toBeNull();
    expect([...document.body.children].map((e) => e.tagName)).toEqual(['P']);
  });
});
