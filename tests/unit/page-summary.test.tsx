import { render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import { PageSummary, groupEntities } from '../../components/PageSummary';
import { SiteSwitch } from '../../components/SiteSwitch';
import { entity, sampleSummary } from '../support/ui-fixtures';
import { useRoot } from '../support/mount';

const root = useRoot();

describe('groupEntities', () => {
  it('groups in People, Places, Organisations, Events order, skipping empty groups, most mentioned first', () => {
    const groups = groupEntities([
      entity('e', 'Summit', 'event', 1),
      entity('b', 'Bravo', 'person', 2),
      entity('a', 'Alpha', 'person', 2),
      entity('c', 'Charlie', 'person', 5),
      entity('p', 'Paris', 'place', 1),
    ]);
    expect(groups.map((g) => [g.label, g.entities.map((e) => e.id)])).toEqual([
      ['People', ['c', 'a', 'b']],
      ['Places', ['p']],
      ['Events', ['e']],
    ]);
  });
});

describe('PageSummary', () => {
  it('shows each group with its size and each entity with its count', () => {
    render(<PageSummary entities={sampleSummary().entities} onChoose={() => {}} />, root());
    const groups = [...root().querySelectorAll('.fc-group')].map((g) => ({
      title: g.querySelector('h2')!.textContent,
      entities: [...g.querySelectorAll('button')].map((b) => [
        b.querySelector('.fc-entity-name')!.textContent,
        b.querySelector('.fc-entity-count')!.textContent,
      ]),
    }));
    expect(groups).toEqual([
      {
        title: 'People (2)',
        entities: [
          ['Vladimir Putin', '4'],
          ['Sergey Lavrov', '2'],
        ],
      },
      {
        title: 'Places (2)',
        entities: [
          ['Syria', '7'],
          ['Hmeimim Air Base', '1'],
        ],
      },
      { title: 'Organisations (1)', entities: [['Reuters', '1']] },
    ]);
  });

  it('names each button with its mention count for screen readers', () => {
    render(
      <PageSummary
        entities={[entity('syria', 'Syria', 'place', 7), entity('x', 'X', 'person', 1)]}
        onChoose={() => {}}
      />,
      root(),
    );
    expect([...root().querySelectorAll('button')].map((b) => b.textContent)).toEqual([
      'X1, 1 mention',
      'Syria7, 7 mentions',
    ]);
  });

  it('calls onChoose with the entity id', () => {
    const onChoose = vi.fn();
    render(<PageSummary entities={sampleSummary().entities} onChoose={onChoose} />, root());
    root().querySelector<HTMLButtonElement>('button[data-id="syria"]')!.click();
    expect(onChoose).toHaveBeenCalledWith('syria');
  });

  it('has an empty state', () => {
    render(<PageSummary entities={[]} onChoose={() => {}} />, root());
    expect(root().textContent).toBe('No known names on this page yet.');
  });
});

describe('SiteSwitch', () => {
  it('is a switch named "Enabled on <host>" reporting its state', () => {
    render(<SiteSwitch host="example.com" checked={true} onChange={() => {}} />, root());
    const sw = root().querySelector('button')!;
    expect(sw.getAttribute('role')).toBe('switch');
    expect(sw.getAttribute('aria-checked')).toBe('true');
    expect(sw.getAttribute('type')).toBe('button');
    // The accessible name comes from the visible text; the track is hidden from assistive tech.
    expect(sw.querySelector('[aria-hidden="true"]')!.textContent).toBe('');
    expect(sw.textContent).toBe('Enabled on example.com');
    render(<SiteSwitch host="example.com" checked={false} onChange={() => {}} />, root());
    expect(sw.getAttribute('aria-checked')).toBe('false');
  });

  it('asks for the opposite state when clicked', () => {
    const onChange = vi.fn();
    render(<SiteSwitch host="example.com" checked={true} onChange={onChange} />, root());
    root().querySelector('button')!.click();
    expect(onChange).toHaveBeenCalledWith(false);
  });
});

describe('groupEntities order', () => {
  it('keeps first-appearance order when asked, and sorts by count by default', () => {
    const e = (id: string, count: number) => ({
      id,
      name: id,
      type: 'place' as const,
      wikipedia: id,
      count,
      mentions: [],
    });
    const page = [e('b', 1), e('a', 5), e('c', 2)];
    expect(groupEntities(page, 'first')[0]!.entities.map((x) => x.id)).toEqual(['b', 'a', 'c']);
    expect(groupEntities(page)[0]!.entities.map((x) => x.id)).toEqual(['a', 'c', 'b']);
  });
});
