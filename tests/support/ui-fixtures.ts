/** Sample card and summary data for the UI tests; hand-written so the tests never need the compiled facts. */
import type { CardBody, EntitySummary, PageSummary } from '../../core/messages';

export function sampleCard(overrides: Partial<CardBody> = {}): CardBody {
  return {
    id: 'hmeimim-air-base',
    name: 'Hmeimim Air Base',
    type: 'place',
    kind: 'air base',
    wikipedia: 'Khmeimim Air Base',
    summary: 'Russian air base in Latakia Governorate, Syria, used since 2015.',
    aliases: ['Khmeimim', 'Hmeymim', 'Humaymim', 'Hmeimim airbase', 'Basel Al-Assad airport', 'Latakia air base'],
    facts: [
      { label: 'Operator', value: 'Russian Aerospace Forces', asOf: '2025-10' },
      { label: 'Opened', value: '1975', asOf: '2024' },
      { label: 'Runway', value: '2,800 m', asOf: '2025-03-07' },
    ],
    sources: [
      'https://en.wikipedia.org/wiki/Khmeimim_Air_Base',
      'https://www.reuters.com/world/middle-east/a',
      'https://www.reuters.com/world/middle-east/b',
    ],
    related: [
      { id: 'syria', name: 'Syria' },
      { id: 'latakia', name: 'Latakia' },
    ],
    coordinates: [35.4, 35.95],
    ...overrides,
  };
}

export function entity(id: string, name: string, type: EntitySummary['type'], count: number): EntitySummary {
  return {
    id,
    name,
    type,
    wikipedia: name,
    count,
    mentions: Array.from({ length: count }, () => name),
  };
}

export function sampleSummary(overrides: Partial<PageSummary> = {}): PageSummary {
  return {
    url: 'https://www.example.com/news/story?x=1',
    title: 'Story about Syria',
    host: 'www.example.com',
    enabled: true,
    entities: [
      entity('vladimir-putin', 'Vladimir Putin', 'person', 4),
      entity('sergey-lavrov', 'Sergey Lavrov', 'person', 2),
      entity('syria', 'Syria', 'place', 7),
      entity('hmeimim-air-base', 'Hmeimim Air Base', 'place', 1),
      entity('reuters', 'Reuters', 'organization', 1),
    ],
    sequence: ['syria', 'vladimir-putin', 'hmeimim-air-base', 'reuters'],
    ...overrides,
  };
}
