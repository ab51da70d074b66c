import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FactCard } from '../../components/FactCard';
import { sampleCard } from './ui-fixtures';

let root: HTMLDivElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

const $ = <E extends Element = HTMLElement>(sel: string) => root.querySelector<E>(sel);
const $$ = <E extends Element = HTMLElement>(sel: string) => [...root.querySelectorAll<E>(sel)];

describe('FactCard', () => {
  it('is a dialog named by its heading, which is exactly the card name', () => {
    render(<FactCard card={sampleCard()} />, root);
    const dialog = $('section[role="dialog"]')!;
    const labelId = dialog.getAttribute('aria-labelledby')!;
    expect(labelId).toBeTruthy();
    const heading = root.querySelector(`[id="${labelId}"]`)!;
    expect(heading.tagName).toBe('H2');
    expect(heading.textContent).toBe('Hmeimim Air Base');
  });

  it('gives two cards on one page different heading ids', () => {
    render(
      <>
        <FactCard card={sampleCard()} />
        <FactCard card={sampleCard({ id: 'syria', name: 'Syria' })} />
      </>,
      root,
    );
    const ids = $$('section[role="dialog"]').map((d) => d.getAttribute('aria-labelledby'));
    expect(new Set(ids).size).toBe(2);
  });

  it('shows type and kind, summary, facts with readable as-of dates', () => {
    render(<FactCard card={sampleCard()} />, root);
    expect($('.fc-kind')!.textContent).toBe('Place · air base');
    expect($('.fc-summary')!.textContent).toBe('Russian air base in Latakia Governorate, Syria, used since 2015.');
    const facts = $$('.fc-fact').map((f) => [f.querySelector('dt')!.textContent, f.querySelector('dd')!.textContent]);
    expect(facts).toEqual([
      ['Operator', 'Russian Aerospace Forces as of Oct 2025'],
      ['Opened', '1975 as of 2024'],
      ['Runway', '2,800 m as of 7 Mar 2025'],
    ]);
  });

  it('omits the kind separator when there is no kind', () => {
    render(<FactCard card={sampleCard({ type: 'organization', kind: undefined })} />, root);
    expect($('.fc-kind')!.textContent).toBe('Organisation');
  });

  it('lists the first five other names', () => {
    render(<FactCard card={sampleCard()} />, root);
    expect($('.fc-aliases')!.textContent).toBe(
      'also: Khmeimim, Hmeymim, Humaymim, Hmeimim airbase, Basel Al-Assad airport +1 more',
    );
  });

  it('hides the aliases line when there are none', () => {
    render(<FactCard card={sampleCard({ aliases: [] })} />, root);
    expect($('.fc-aliases')).toBeNull();
  });

  it('links sources in a new tab without opener or referrer, labelled by host', () => {
    render(<FactCard card={sampleCard()} />, root);
    const links = $$<HTMLAnchorElement>('a.fc-source');
    expect(links.map((a) => a.getAttribute('href'))).toEqual(sampleCard().sources);
    expect(links.map((a) => a.textContent)).toEqual(['en.wikipedia.org', 'reuters.com (1)', 'reuters.com (2)']);
    for (const a of links) {
      expect(a.getAttribute('target')).toBe('_blank');
      expect(a.getAttribute('rel')).toBe('noopener noreferrer');
    }
  });

  it('never links a non-http source', () => {
    render(<FactCard card={sampleCard({ sources: ['javascript:alert(1)', 'https://example.org/'] })} />, root);
    expect($$('a').map((a) => a.getAttribute('href'))).toEqual(['https://example.org/']);
  });

  it('renders markup in record strings as text', () => {
    const evil = '<img src=x onerror=alert(1)>';
    render(
      <FactCard
        card={sampleCard({
          name: `Name ${evil}`,
          summary: `Summary ${evil}`,
          aliases: [evil],
          facts: [{ label: evil, value: evil, asOf: '2025' }],
          related: [{ id: 'x', name: evil }],
        })}
        count={2}
        onOpenRelated={() => {}}
      />,
      root,
    );
    expect(root.querySelector('img')).toBeNull();
    expect($('.fc-summary')!.textContent).toBe(`Summary ${evil}`);
    expect($('h2')!.textContent).toBe(`Name ${evil}`);
    expect($('.fc-aliases')!.textContent).toBe(`also: ${evil}`);
    expect($('.fc-related-item')!.textContent).toBe(evil);
  });

  it('shows the page count only when given', () => {
    render(<FactCard card={sampleCard()} />, root);
    expect($('.fc-count')).toBeNull();
    render(<FactCard card={sampleCard()} count={3} />, root);
    expect($('.fc-count')!.textContent).toBe('Mentioned 3 times on this page');
    render(<FactCard card={sampleCard()} count={1} />, root);
    expect($('.fc-count')!.textContent).toBe('Mentioned 1 time on this page');
  });

  it('opens related entities through onOpenRelated', () => {
    const onOpenRelated = vi.fn();
    render(<FactCard card={sampleCard()} onOpenRelated={onOpenRelated} />, root);
    const buttons = $$<HTMLButtonElement>('button.fc-related-item');
    expect(buttons.map((b) => b.textContent)).toEqual(['Syria', 'Latakia']);
    buttons[1]!.click();
    expect(onOpenRelated).toHaveBeenCalledWith('latakia');
  });

  it('lists related entities as text when nothing can open them', () => {
    render(<FactCard card={sampleCard()} />, root);
    expect($$('button.fc-related-item')).toHaveLength(0);
    expect($$('.fc-related-item').map((s) => s.textContent)).toEqual(['Syria', 'Latakia']);
  });

  it('has a Close button when onClose is given', () => {
    const onClose = vi.fn();
    render(<FactCard card={sampleCard()} />, root);
    expect($('button[aria-label="Close"]')).toBeNull();
    render(<FactCard card={sampleCard()} onClose={onClose} />, root);
    $<HTMLButtonElement>('button[aria-label="Close"]')!.click();
    expect(onClose).toHaveBeenCalledOnce();
  });
});
