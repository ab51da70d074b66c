/**
 * Locator maps for places, drawn at build time (Node only) from Natural Earth 1:50m country outlines
 * (`world-atlas`, public-domain data) with d3-geo. Each map is a few kilobytes of SVG path data in a
 * 160×100 box that travels inside the card body; nothing here is bundled into the extension, only its output.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { geoAzimuthalEqualArea, geoBounds, geoCentroid, geoPath, type GeoProjection } from 'd3-geo';
import type { Feature, MultiPoint, MultiPolygon, Polygon, Position } from 'geojson';
import { feature } from 'topojson-client';
import worldCountries from 'world-countries';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { CardBody, CardMap } from '../core/messages';

export const MAP_WIDTH = 160;
export const MAP_HEIGHT = 100;
const VIEW_BOX = `0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`;
/** Room around the fitted country, in viewBox units. */
const PAD = 10;
/** The narrowest stretch of land a map shows across its width: a city-state or Lebanon still gets neighbours. */
const MIN_SPAN_KM = 700;
/** Places at sea (or on islands Natural Earth 1:50m leaves out) get this window around the point. */
const SEA_SPAN_KM = 1600;
/** A place this close to a country's outline, but outside it (a coastal point, a small island), belongs to it. */
const NEAR_KM = 60;
/** Parts of a country further than this from the place (Alaska for Texas, Réunion for Paris) are not fitted. */
const PART_KM = 2000;
const EARTH_KM = 6371;
/** Douglas–Peucker tolerance in tenths of a viewBox unit: detail below half a unit is invisible at card size. */
const TOLERANCE = 6;
/** Rings smaller than this (in square viewBox units) are dropped from the faint background, not from the focus. */
const MIN_AREA = 1.5;

type Country = Feature<Polygon | MultiPolygon, { name: string }>;
interface Part {
  country: number;
  polygon: Position[][];
  centroid: [number, number];
  /** Angular radius (radians) of the smallest circle around the centroid holding the whole polygon. */
  radius: number;
}
interface Atlas {
  countries: Country[];
  parts: Part[];
}

const RAD = Math.PI / 180;
/** Great-circle angle in radians between two [lon, lat] points (d3's geoDistance is exact but far slower). */
function angle([lon1, lat1]: [number, number], [lon2, lat2]: [number, number]): number {
  const h =
    Math.sin(((lat2 - lat1) * RAD) / 2) ** 2 +
    Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(((lon2 - lon1) * RAD) / 2) ** 2;
  return 2 * Math.asin(Math.min(1, Math.sqrt(h)));
}

const atlases = new Map<string, Atlas>();

/** Natural Earth countries at 1:50m (finding and fitting; close-ups) or 1:110m (continent-wide maps). */
function loadAtlas(scale: '50m' | '110m' = '50m'): Atlas {
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
function contains(polygon: Position[][], [x, y]: [number, number]): boolean {
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

const km = (radians: number) => radians * EARTH_KM;

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

/** Collects the projected rings a d3 path draws, as integer tenths of a viewBox unit. */
class RingContext {
  rings: [number, number][][] = [];
  private ring: [number, number][] | null = null;
  beginPath() {}
  moveTo(x: number, y: number) {
    this.ring = [[Math.round(x * 10), Math.round(y * 10)]];
    this.rings.push(this.ring);
  }
  lineTo(x: number, y: number) {
    this.ring?.push([Math.round(x * 10), Math.round(y * 10)]);
  }
  closePath() {
    this.ring = null;
  }
  arc() {}
}

/** Douglas–Peucker on a closed ring (first point kept as an anchor along with the farthest from it). */
function simplify(ring: [number, number][], tolerance: number): [number, number][] {
  const pts = ring.filter((p, i) => i === 0 || p[0] !== ring[i - 1]![0] || p[1] !== ring[i - 1]![1]);
  if (pts.length > 1 && pts[0]![0] === pts.at(-1)![0] && pts[0]![1] === pts.at(-1)![1]) pts.pop();
  if (pts.length < 4) return pts;
  const keep = new Uint8Array(pts.length);
  let far = 0;
  let farD = -1;
  pts.forEach((p, i) => {
    const d = (p[0] - pts[0]![0]) ** 2 + (p[1] - pts[0]![1]) ** 2;
    if (d > farD) [far, farD] = [i, d];
  });
  keep[0] = keep[far] = 1;
  const stack: [number, number][] = [
    [0, far],
    [far, pts.length],
  ];
  while (stack.length) {
    const [a, b] = stack.pop()!;
    const A = pts[a]!;
    const B = pts[b % pts.length]!;
    const dx = B[0] - A[0];
    const dy = B[1] - A[1];
    const len = Math.hypot(dx, dy);
    let idx = -1;
    let max = tolerance;
    for (let i = a + 1; i < b; i++) {
      const P = pts[i]!;
      const d =
        len === 0 ? Math.hypot(P[0] - A[0], P[1] - A[1]) : Math.abs(dx * (P[1] - A[1]) - dy * (P[0] - A[0])) / len;
      if (d > max) [idx, max] = [i, d];
    }
    if (idx >= 0) {
      keep[idx] = 1;
      stack.push([a, idx], [idx, b]);
    }
  }
  return pts.filter((_, i) => keep[i]);
}

/** Area in square viewBox units (rings are in tenths). */
const ringArea = (ring: [number, number][]) =>
  Math.abs(
    ring.reduce((s, p, i) => s + p[0] * ring[(i + 1) % ring.length]![1] - ring[(i + 1) % ring.length]![0] * p[1], 0),
  ) / 200;

/** A number of tenths as the shortest SVG number: 15 → "1.5", -3 → "-.3", 20 → "2". */
function num(tenths: number): string {
  const sign = tenths < 0 ? '-' : '';
  const a = Math.abs(tenths);
  const whole = Math.floor(a / 10);
  const frac = a % 10;
  return sign + (frac === 0 ? String(whole) : `${whole === 0 ? '' : whole}.${frac}`);
}

/** Joins numbers with the fewest separators the SVG path grammar allows. */
function joinNums(values: number[]): string {
  let out = '';
  let prev = '';
  for (const v of values) {
    const s = num(v);
    const bare = s.startsWith('-') || (s.startsWith('.') && prev.includes('.'));
    out += prev === '' || bare ? s : ` ${s}`;
    prev = s;
  }
  return out;
}

/** Rings as compact path data: an absolute move, then relative lines, closed. */
function encode(rings: [number, number][][]): string {
  return rings
    .map((ring) => {
      const [first, ...rest] = ring;
      const deltas: number[] = [];
      let [x, y] = first!;
      for (const [px, py] of rest) {
        deltas.push(px - x, py - y);
        [x, y] = [px, py];
      }
      return `M${joinNums(first!)}l${joinNums(deltas)}z`;
    })
    .join('');
}

type Ring = [number, number][];

/** Projects polygons to rings in tenths of a viewBox unit, clipped to the box. */
function project(projection: GeoProjection, polygons: Position[][][]): Ring[] {
  const context = new RingContext();
  geoPath(projection, context)({ type: 'MultiPolygon', coordinates: polygons });
  return context.rings;
}

/** Path data for both layers within `budget` characters, simplifying harder until it fits. */
function encodeLayers(land: Ring[], focus: Ring[], budget: number): { land: string; focus: string } {
  for (let tolerance = TOLERANCE; ; tolerance = Math.round(tolerance * 1.4)) {
    const minArea = MIN_AREA * (tolerance / TOLERANCE) ** 2;
    const out = {
      land: encode(land.map((r) => simplify(r, tolerance)).filter((r) => r.length >= 3 && ringArea(r) >= minArea)),
      // The focus keeps every ring that survives: a small island state may be nothing but small rings.
      focus: encode(focus.map((r) => simplify(r, tolerance)).filter((r) => r.length >= 3)),
    };
    if (out.land.length + out.focus.length <= budget || tolerance > 60) return out;
  }
}

/** The scale at which MAP_WIDTH units span `spanKm` near the centre of an azimuthal equal-area projection. */
const scaleForSpan = (spanKm: number) => (MAP_WIDTH * EARTH_KM) / spanKm;
/** Maps wider than this draw from the 1:110m outlines: 1:50m detail would be below a pixel. */
const COARSE_SPAN_KM = 2500;
/** Characters of path data per map (both layers), so that a card body stays a few kilobytes. */
const PATH_BUDGET = 2000;

const drawn = new Map<string, { land: string; focus: string }>();

/** Draws the countries seen through a projection, the one at `focus` (an index into the 1:50m atlas) apart. */
function drawLayers(projection: GeoProjection, focus: number): { land: string; focus: string } {
  const key = [focus, projection.scale(), ...projection.rotate(), ...projection.translate()].join();
  const cached = drawn.get(key);
  if (cached) return cached;
  const fine = loadAtlas('50m');
  const coarse = MAP_WIDTH * (EARTH_KM / projection.scale()) > COARSE_SPAN_KM;
  const atlas = coarse ? loadAtlas('110m') : fine;
  const focusCountry = focus >= 0 ? fine.countries[focus]! : undefined;
  // The same country in the atlas drawn from (1:110m leaves out the smallest; then 1:50m draws it).
  const same = (c: Country) =>
    focusCountry !== undefined &&
    (focusCountry.id !== undefined ? c.id === focusCountry.id : c.properties.name === focusCountry.properties.name);
  const focusIndex = atlas.countries.findIndex(same);
  // Only parts within sight of the window are projected at all.
  const centre = projection.invert!([MAP_WIDTH / 2, MAP_HEIGHT / 2])!;
  const reach = 2 * Math.asin(Math.min(1, Math.hypot(MAP_WIDTH, MAP_HEIGHT) / 2 / projection.scale() / 2));
  const seen = atlas.parts.filter(
    (p) => p.country !== focusIndex && angle(centre, p.centroid) <= p.radius + reach + 0.01,
  );
  const focusParts =
    focusIndex >= 0
      ? atlas.parts.filter((p) => p.country === focusIndex)
      : fine.parts.filter((p) => p.country === focus);
  const out = encodeLayers(
    project(
      projection,
      seen.map((p) => p.polygon),
    ),
    project(
      projection,
      focusParts.map((p) => p.polygon),
    ),
    PATH_BUDGET,
  );
  drawn.set(key, out);
  return out;
}

/**
 * A locator map for a point given as [latitude, longitude] (the records' order): the country holding it
 * highlighted and fitted (with its nearby parts only), the neighbours faint, and a dot at the point.
 * `countryId` (ISO 3166 numeric, as Natural Earth has it) picks the country when the place is a country itself.
 */
export function placeMap(coordinates: [number, number], countryId?: string): CardMap & { countryIndex: number } {
  const { countries, parts } = loadAtlas();
  const point: [number, number] = [coordinates[1], coordinates[0]];
  let ci = countryId ? countries.findIndex((c) => c.id === countryId) : -1;
  if (ci < 0) ci = countryAt(point);

  let projection: GeoProjection;
  if (ci >= 0) {
    const own = parts.filter((p) => p.country === ci);
    const holding = own.find((p) => contains(p.polygon, point));
    let fitted = own.filter((p) => p === holding || km(angle(point, p.centroid)) <= PART_KM);
    if (fitted.length === 0) fitted = own;
    // Fitted to a sample of the outline's points: the same box within a fraction of a unit, at a fraction of
    // the cost of streaming the whole 1:50m outline through the projection.
    const outline = fitted.flatMap((p) => p.polygon[0]!);
    const stride = Math.max(1, Math.floor(outline.length / 2000));
    const fit: MultiPoint = { type: 'MultiPoint', coordinates: outline.filter((_, i) => i % stride === 0) };
    // Centre on the fitted parts, so a city in the far corner of a country still shows the whole country.
    const [[west, south], [east, north]] = geoBounds(fit);
    const centreLon = east >= west ? (west + east) / 2 : (west + east + 360) / 2;
    projection = geoAzimuthalEqualArea()
      .rotate([-centreLon, -(south + north) / 2])
      .clipAngle(90)
      .fitExtent(
        [
          [PAD, PAD],
          [MAP_WIDTH - PAD, MAP_HEIGHT - PAD],
        ],
        fit,
      );
    if (projection.scale() > scaleForSpan(MIN_SPAN_KM)) {
      projection
        .scale(scaleForSpan(MIN_SPAN_KM))
        .rotate([-point[0], -point[1]])
        .translate([MAP_WIDTH / 2, MAP_HEIGHT / 2]);
    }
  } else {
    projection = geoAzimuthalEqualArea()
      .rotate([-point[0], -point[1]])
      .clipAngle(90)
      .scale(scaleForSpan(SEA_SPAN_KM))
      .translate([MAP_WIDTH / 2, MAP_HEIGHT / 2]);
  }
  // Clip just outside the box so no outline runs along its edge.
  projection.clipExtent([
    [-1, -1],
    [MAP_WIDTH + 1, MAP_HEIGHT + 1],
  ]);
  const { land, focus } = drawLayers(projection, ci);
  const [x, y] = projection(point)!;
  const round = (v: number) => Math.round(v * 10) / 10;
  return { viewBox: VIEW_BOX, land, focus, dot: [round(x), round(y)], countryIndex: ci };
}

/** Natural Earth abbreviates long names ("Dem. Rep. Congo"); spelled out for a screen reader. */
const SPELLED: [RegExp, string][] = [
  [/\bIs\./g, 'Islands'],
  [/\bRep\./g, 'Republic'],
  [/\bDem\./g, 'Democratic'],
  [/\bEq\./g, 'Equatorial'],
  [/\bN\./g, 'Northern'],
  [/\bS\./g, 'South'],
  [/\bW\./g, 'Western'],
  [/\bSt\./g, 'Saint'],
  [/\bBr\./g, 'British'],
  [/\bFr\./g, 'French'],
  [/\bHerz\./g, 'Herzegovina'],
];
const spellOut = (name: string) => SPELLED.reduce((s, [re, to]) => s.replace(re, to), name);

/** Place kinds that stand for a whole country or territory (the generated ones and some hand-written). */
const COUNTRY_KINDS = new Set(['country', 'territory', 'partially recognised state']);

/** The ISO numeric code of the country a country card stands for, found through the world-countries names. */
function countryIdOf(card: CardBody): string | undefined {
  const names = new Set([card.name, card.wikipedia, ...card.aliases]);
  return worldCountries.find((c) => names.has(c.name.common) || names.has(c.name.official))?.ccn3 || undefined;
}

/**
 * Adds a locator map to every place card with coordinates. The country is named after our own country
 * card where one stands for it ("Syria"), else after Natural Earth ("N. Cyprus" → "Northern Cyprus").
 */
export function withMaps(cards: Record<string, CardBody>): Record<string, CardBody> {
  const { countries } = loadAtlas();
  const places = Object.values(cards).filter((c) => c.type === 'place' && c.coordinates);
  const isCountry = (c: CardBody) => COUNTRY_KINDS.has(c.kind ?? '');
  const names = new Map<number, string>();
  const maps = new Map<string, ReturnType<typeof placeMap>>();
  for (const card of places) {
    const id = isCountry(card) ? countryIdOf(card) : undefined;
    const map = placeMap(card.coordinates!, id);
    // Only a country card found by its own code names the country: Vatican City's point lies in Italy.
    if (id !== undefined && map.countryIndex >= 0 && countries[map.countryIndex]!.id === id) {
      names.set(map.countryIndex, card.name);
    }
    maps.set(card.id, map);
  }
  const out: Record<string, CardBody> = {};
  for (const [id, card] of Object.entries(cards)) {
    const made = maps.get(id);
    if (!made) {
      out[id] = card;
      continue;
    }
    const { countryIndex, ...map } = made;
    const country =
      countryIndex >= 0 ? (names.get(countryIndex) ?? spellOut(countries[countryIndex]!.properties.name)) : undefined;
    out[id] = { ...card, map: country !== undefined && country !== card.name ? { ...map, country } : map };
  }
  return out;
}
