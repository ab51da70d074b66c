import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FactCard } from '../../components/FactCard';
import { sampleCard } from '../support/ui-fixtures';
import { useRoot } from '../support/mount';

const root = useRoot();

const $ = <E extends Element = HTMLElement>(sel: string) => root().querySelector<E>(sel);
const $$ = <E extends Element = HTMLElement>(sel: string) => [...root().querySelectorAll<E>(sel)];

describe('FactCard', () => {
  it('is a dialog named by its heading, which is exactly the card name', () => {
    render(<FactCard card={sampleCard()} />, root());
    const dialog = $('section[role="dialog"]')!;
    const labelId = dialog.getAttribute('aria-labelledby')!;
    expect(labelId).toBeTruthy();
    const heading = root().querySelector(`[id="${labelId}"]`)!;
    expect(heading.tagName).toBe('H2');
    expect(heading.textContent).toBe('Hmeimim Air Base');
  });

  it('embedded in a caller that is the dialog, is a plain section with the same heading', () => {
    render(<FactCard card={sampleCard()} embedded />, root());
    const section = $('section.fc-card')!;
    expect([
      section.getAttribute('role'),
      section.getAttribute('aria-labelledby'),
      section.getAttribute('tabindex'),
    ]).toEqual([null, null, null]);
    expect($('h2')!.textContent).toBe('Hmeimim Air Base');
  });

  it('gives two cards on one page different heading ids', () => {
    render(
      <>
        <FactCard card={sampleCard()} />
        <FactCard card={sampleCard({ id: 'syria', name: 'Syria' })} />
      </>,
      root(),
    );
    const ids = $$('section[role="dialog"]').map((d) => d.getAttribute('aria-labelledby'));
    expect(new Set(ids).size).toBe(2);
  });

  it('shows type and kind, summary, facts with readable as-of dates', () => {
    render(<FactCard card={sampleCard()} />, root());
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
    render(<FactCard card={sampleCard({ type: 'organization', kind: undefined })} />, root());
    expect($('.fc-kind')!.textContent).toBe('Organisation');
  });

  it('lists the first five other names', () => {
    render(<FactCard card={sampleCard()} />, root());
    expect($('.fc-aliases')!.textContent).toBe(
      'also: Khmeimim, Hmeymim, Humaymim, Hmeimim airbase, Basel Al-Assad airport +1 more',
    );
  });

  it('hides the aliases line when there are none', () => {
    render(<FactCard card={sampleCard({ aliases: [] })} />, root());
    expect($('.fc-aliases')).toBeNull();
  });

  it('links sources in a new tab without opener or referrer, labelled by host', () => {
    render(<FactCard card={sampleCard()} />, root());
    const links = $$<HTMLAnchorElement>('a.fc-source');
    expect(links.map((a) => a.getAttribute('href'))).toEqual(sampleCard().sources);
    expect(links.map((a) => a.textContent)).toEqual(['en.wikipedia.org', 'reuters.com (1)', 'reuters.com (2)']);
    for (const a of links) {
      expect(a.getAttribute('target')).toBe('_blank');
      expect(a.getAttribute('rel')).toBe('noopener noreferrer');
    }
  });

  it('never links a non-http source', () => {
    render(<FactCard card={sampleCard({ sources: ['javascript:alert(1)', 'https://example.org/'] })} />, root());
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
      root(),
    );
    expect(root().querySelector('img')).toBeNull();
    expect($('.fc-summary')!.textContent).toBe(`Summary ${evil}`);
    expect($('h2')!.textContent).toBe(`Name ${evil}`);
    expect($('.fc-aliases')!.textContent).toBe(`also: ${evil}`);
    expect($('.fc-related-item')!.textContent).toBe(evil);
  });

  it('shows the page count only when given', () => {
    render(<FactCard card={sampleCard()} />, root());
    expect($('.fc-count')).toBeNull();
    render(<FactCard card={sampleCard()} count={3} />, root());
    expect($('.fc-count')!.textContent).toBe('Mentioned 3 times on this page');
    render(<FactCard card={sampleCard()} count={1} />, root());
    expect($('.fc-count')!.textContent).toBe('Mentioned 1 time on this page');
  });

  it('opens related entities through onOpenRelated', () => {
    const onOpenRelated = vi.fn();
    render(<FactCard card={sampleCard()} onOpenRelated={onOpenRelated} />, root());
    const buttons = $$<HTMLButtonElement>('button.fc-related-item');
    expect(buttons.map((b) => b.textContent)).toEqual(['Syria', 'Latakia']);
    buttons[1]!.click();
    expect(onOpenRelated).toHaveBeenCalledWith('latakia');
  });

  it('lists related entities as text when nothing can open them', () => {
    render(<FactCard card={sampleCard()} />, root());
    expect($$('button.fc-related-item')).toHaveLength(0);
    expect($$('.fc-related-item').map((s) => s.textContent)).toEqual(['Syria', 'Latakia']);
  });

  it('has a Close button when onClose is given', () => {
    const onClose = vi.fn();
    render(<FactCard card={sampleCard()} />, root());
    expect($('button[aria-label="Close"]')).toBeNull();
    render(<FactCard card={sampleCard()} onClose={onClose} />, root());
    $<HTMLButtonElement>('button[aria-label="Close"]')!.click();
    expect(onClose).toHaveBeenCalledOnce();
  });

  describe('locator map', () => {
    const map = {
      viewBox: '0 0 160 100',
      land: 'M0 0l10 0 0 10z',
      focus: 'M20 20l10 0 0 10z',
      dot: [25, 25] as [number, number],
    };

    it('is an image named "Map: name, country" with the country highlighted and a dot', () => {
      render(<FactCard card={sampleCard({ map: { ...map, country: 'Syria' } })} />, root());
      const svg = $('svg[role="img"]')!;
      expect(svg.getAttribute('aria-label')).toBe('Map: Hmeimim Air Base, Syria');
      expect(svg.getAttribute('viewBox')).toBe('0 0 160 100');
      expect(svg.querySelector('.fc-map-focus')!.getAttribute('d')).toBe(map.focus);
      const dot = svg.querySelector('.fc-map-dot')!;
      expect([dot.getAttribute('cx'), dot.getAttribute('cy')]).toEqual(['25', '25']);
    });

    it('falls back to the kind when the place has no country of its own (a country, a sea)', () => {
      render(<FactCard card={sampleCard({ name: 'Black Sea', kind: 'sea', map: { ...map, focus: '' } })} />, root());
      expect($('svg[role="img"]')!.getAttribute('aria-label')).toBe('Map: Black Sea, sea');
      expect($('.fc-map-focus')).toBeNull();
    });

    it('is absent without map data', () => {
      render(<FactCard card={sampleCard()} />, root());
      expect($('svg[role="img"]')).toBeNull();
    });
  });

  it('leaves the as-of date off facts about the past and groups repeated labels', () => {
    render(
      <FactCard
        card={sampleCard({
          type: 'person',
          facts: [
            { label: 'Office', value: 'President of Egypt (since June 2014)', asOf: '2025-10' },
            { label: 'Former office', value: 'Minister of Defence (2012–2014)', asOf: '2014' },
            { label: 'Former office', value: 'Director of Military Intelligence (2010–2012)', asOf: '2012' },
            { label: 'Born', value: '19 November 1954, Cairo', asOf: '1954-11-19' },
          ],
        })}
      />,
      root(),
    );
    const facts = $$('.fc-fact').map((f) => [
      f.querySelector('dt')!.textContent,
      [...f.querySelectorAll('dd')].map((d) => d.textContent),
    ]);
    expect(facts).toEqual([
      ['Office', ['President of Egypt (since June 2014) as of Oct 2025']],
      ['Former office', ['Minister of Defence (2012–2014)', 'Director of Military Intelligence (2010–2012)']],
      ['Born', ['19 November 1954, Cairo']],
    ]);
  });

  describe('Copy citation', () => {
    afterEach(() => vi.restoreAllMocks());

    it('copies the citation and says "Copied" in a polite live region', async () => {
      const writeText = vi.fn().mockResolvedValue(undefined);
      vi.spyOn(navigator, 'clipboard', 'get').mockReturnValue({ writeText } as unknown as Clipboard);
      render(<FactCard card={sampleCard()} />, root());
      const live = $('[aria-live="polite"]')!;
      expect(live.textContent).toBe('');
      const button = $$<HTMLButtonElement>('button').find((b) => b.textContent === 'Copy citation')!;
      await act(async () => {
        button.click();
      });
      expect(writeText).toHaveBeenCalledWith(
        'Hmeimim Air Base: Russian air base in Latakia Governorate, Syria, used since 2015. ' +
          'Source: https://en.wikipedia.org/wiki/Khmeimim_Air_Base (as of Oct 2025)',
      );
      await vi.waitFor(() => expect(live.textContent).toBe('Copied'));
    });
  });

  describe('Pin', () => {
    const pinButton = () => $<HTMLButtonElement>('button[aria-label="Pin"]');

    it('is shown only with onPin', () => {
      render(<FactCard card={sampleCard()} />, root());
      expect(pinButton()).toBeNull();
    });

    it('is a toggle reporting the new state through onPin', async () => {
      const onPin = vi.fn();
      render(<FactCard card={sampleCard()} onPin={onPin} />, root());
      expect(pinButton()!.getAttribute('aria-pressed')).toBe('false');
      await act(() => pinButton()!.click());
      expect(onPin).toHaveBeenLastCalledWith(true);
      expect(pinButton()!.getAttribute('aria-pressed')).toBe('true');
      await act(() => pinButton()!.click());
      expect(onPin).toHaveBeenLastCalledWith(false);
      expect(pinButton()!.getAttribute('aria-pressed')).toBe('false');
    });

    it('follows the pinned prop when given', () => {
      const onPin = vi.fn();
      render(<FactCard card={sampleCard()} pinned onPin={onPin} />, root());
      expect(pinButton()!.getAttribute('aria-pressed')).toBe('true');
      pinButton()!.click();
      expect(onPin).toHaveBeenCalledWith(false);
    });
  });
});
