/**
 * The country outlines the locator maps are drawn from: Natural Earth at 1:50m and 1:110m (`world-atlas`),
 * loaded once per scale, with recognised borders, and the look-up of the country a point lies in. Node only.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { geoCentroid } from 'd3-geo';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

/** A place this close to a country's outline, but outside it (a coastal point, a small island), belongs to it. */
const NEAR_KM = 60;
export const EARTH_KM = 6371;

export type Country = Feature<Polygon | MultiPolygon, { name: string }>;
interface Part {
  country: number;
  polygon: Position[][];
  centroid: [number, number];
  /** Angular radius (radians) of the smallest circle around the centroid holding the whole polygon. */
  radius: number;
}
export interface Atlas {
  countries: Country[];
  parts: Part[];
}

const RAD = Math.PI / 180;
/** Great-circle angle in radians between two [lon, lat] points (d3's geoDistance is exact but far slower). */
export function angle([lon1, lat1]: [number, number], [lon2, lat2]: [number, number]): number {
  const h =
    Math.sin(((lat2 - lat1) * RAD) / 2) ** 2 +
    Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(((lon2 - lon1) * RAD) / 2) ** 2;
  return 2 * Math.asin(Math.min(1, Math.sqrt(h)));
}

const atlases = new Map<string, Atlas>();

/** Natural Earth countries at 1:50m (finding and fitting; close-ups) or 1:110m (continent-wide maps). */
export function loadAtlas(scale: '50m' | '110m' = '50m'): Atlas {
  const cached = atlases.get(scale);
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const file = require.resolve(`world-atlas/countries-${scale}.json`);
  const topo = JSON.parse(readFileSync(file, 'utf8')) as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const countries = recognised((feature(topo, topo.objects.countries).features as Country[]).filter((c) => c.geometry));
  const parts: Part[] = [];
  countries.forEach((c, i) => {
    const polygons = c.geometry.type === 'Polygon' ? [c.geometry.coordinates] : c.geometry.coordinates;
    for (const polygon of polygons) {
      const centroid = geoCentroid({ type: 'Polygon', coordinates: polygon });
      let radius = 0;
      for (const p of polygon[0]!) radius = Math.max(radius, angle(centroid, p as [number, number]));
      parts.push({ country: i, polygon, centroid, radius });
    }
  });
  const atlas = { countries, parts };
  atlases.set(scale, atlas);
  return atlas;
}

/**
 * Point in polygon on longitude/latitude as planes. Natural Earth is planar data in those coordinates (rings
 * are cut at the antimeridian), so this is its own definition of inside, and much faster than geoContains.
 */
export function contains(polygon: Position[][], [x, y]: [number, number]): boolean {
  let inside = false;
  for (const ring of polygon) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i] as [number, number];
      const [xj, yj] = ring[j] as [number, number];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

/** Simferopol: the point that identifies the Crimean peninsula's polygon. */
const CRIMEA: [number, number] = [34.1, 44.95];

/**
 * Natural Earth draws de facto control, which puts Crimea in Russia. The cards follow internationally
 * recognised borders (UN General Assembly resolution 68/262), as the Crimea record itself says: the
 * peninsula is drawn and named as part of Ukraine.
 */
function recognised(countries: Country[]): Country[] {
  const russia = countries.find((c) => c.id === '643');
  const ukraine = countries.find((c) => c.id === '804');
  if (!russia || !ukraine || russia.geometry.type !== 'MultiPolygon') return countries;
  const crimea = russia.geometry.coordinates.filter((p) => contains(p, CRIMEA));
  if (crimea.length === 0) return countries;
  russia.geometry.coordinates = russia.geometry.coordinates.filter((p) => !crimea.includes(p));
  const own = ukraine.geometry.type === 'Polygon' ? [ukraine.geometry.coordinates] : ukraine.geometry.coordinates;
  ukraine.geometry = { type: 'MultiPolygon', coordinates: [...own, ...crimea] };
  return countries;
}

export const km = (radians: number) => radians * EARTH_KM;

/** Angular distance (radians) from a point to the nearest vertex of a polygon's outer ring. */
function nearestVertex(point: [number, number], polygon: Position[][]): number {
  let best = Infinity;
  for (const p of polygon[0]!) best = Math.min(best, angle(point, p as [number, number]));
  return best;
}

/** The country a point lies in, or failing that the one whose outline passes within NEAR_KM; -1 at sea. */
export function countryAt(lonLat: [number, number]): number {
  const { parts } = loadAtlas();
  // The bounding-circle test spares the polygon test for all but a few parts.
  const near = parts.filter((p) => angle(lonLat, p.centroid) <= p.radius + NEAR_KM / EARTH_KM);
  for (const p of near) {
    if (contains(p.polygon, lonLat)) return p.country;
  }
  let best = -1;
  let bestDistance = NEAR_KM / EARTH_KM;
  for (const p of near) {
    const d = nearestVertex(lonLat, p.polygon);
    if (d < bestDistance) [best, bestDistance] = [p.country, d];
  }
  return best;
}
