/**
 * The messages between the extension's parts. Nothing here carries page text out of the browser:
 * every message stays inside the extension (content script ↔ background ↔ popup).
 */
import type { EntityType, Fact } from '../engine/types';

/** What a card shows; compiled from a fact record at build time and served by the background on demand. */
export interface CardBody {
  id: string;
  name: string;
  type: EntityType;
  kind?: string;
  wikipedia: string;
  summary: string;
  /** Other names worth showing ("Khmeimim"), without surname-only forms. */
  aliases: string[];
  facts: Fact[];
  sources: string[];
  related: { id: string; name: string }[];
  coordinates?: [number, number];
  /** Locator map of a place, drawn at build time (`facts/maps.ts`). */
  map?: CardMap;
}

/** A small SVG locator map: path data in a 160×100 viewBox, the place's country highlighted. */
export interface CardMap {
  viewBox: string;
  /** Neighbouring countries (drawn faint). */
  land: string;
  /** The country holding the place ("" at sea). */
  focus: string;
  /** The place, in viewBox units. */
  dot: [number, number];
  /** The highlighted country's name, when it is not the place itself. */
  country?: string;
}

/** One entity found on a page. `mentions` are the linked texts in page order. */
export interface EntitySummary {
  id: string;
  name: string;
  type: EntityType;
  wikipedia: string;
  count: number;
  mentions: string[];
}

/** The popup's view of one tab. */
export interface PageSummary {
  url: string;
  title: string;
  host: string;
  enabled: boolean;
  /** Why Fact Cards is off here: paused everywhere, switched off for this site; null when it runs. */
  reason?: 'paused' | 'site' | 'unsupported' | null;
  entities: EntitySummary[];
  /** The entity id of every mention in page order (lets tests score spans; not part of the export). */
  sequence: string[];
}

/** Popup or keyboard command → content script (tabs.sendMessage, frameId 0). */
export type ContentRequest =
  { type: 'summary' } | { type: 'reveal'; id: string } | { type: 'next-mention' } | { type: 'toggle-site' };

/** Keyboard commands declared in the manifest; the background forwards each to the active tab. */
export const COMMANDS = ['next-mention', 'toggle-site'] as const;

/** Content script / popup → background (runtime.sendMessage). */
/** `pack-index`: the user's fact packs as one small binary index, base64 (null when there are none).
 * `set-site`: the content script's site switch (keyboard command), stored by the background's versioned item.
 * `settings`: the migrated settings, for a content script that found values of an older version. */
export type BackgroundRequest =
  | { type: 'card'; id: string }
  | { type: 'found'; entities: number }
  | { type: 'pack-index' }
  | { type: 'set-site'; host: string; enabled: boolean }
  | { type: 'settings' };

export const isContentRequest = (m: unknown): m is ContentRequest =>
  typeof m === 'object' &&
  m !== null &&
  ['summary', 'reveal', 'next-mention', 'toggle-site'].includes((m as { type?: string }).type ?? '');

export const isBackgroundRequest = (m: unknown): m is BackgroundRequest =>
  typeof m === 'object' &&
  m !== null &&
  ['card', 'found', 'pack-index', 'set-site', 'settings'].includes((m as { type?: string }).type ?? '');
