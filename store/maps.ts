/**
 * Locator maps for places, drawn at build time (Node only) from Natural Earth 1:50m country outlines
 * (`world-atlas`, public-domain data) with d3-geo. Each map is a few kilobytes of SVG path data in a
 * 160×100 box that travels inside the card body; nothing here is bundled into the extension, only its output.
 */
import { geoAzimuthalEqualArea, geoBounds, type GeoProjection } from 'd3-geo';
import type { MultiPoint } from 'geojson';
import worldCountries from 'world-countries';
import type { CardBody, CardMap } from '../core/messages';
import { EARTH_KM, angle, contains, countryAt, km, loadAtlas, type Country } from './map-atlas';
import { encodeLayers, project } from './map-path';

export { countryAt } from './map-atlas';

export const MAP_WIDTH = 160;
export const MAP_HEIGHT = 100;
const VIEW_BOX = `0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`;
/** Room around the fitted country, in viewBox units. */
const PAD = 10;
/** The narrowest stretch of land a map shows across its width: a city-state or Lebanon still gets neighbours. */
const MIN_SPAN_KM = 700;
/** Places at sea (or on islands Natural Earth 1:50m leaves out) get this window around the point. */
const SEA_SPAN_KM = 1600;
/** Parts of a country further than this from the place (Alaska for Texas, Réunion for Paris) are not fitted. */
const PART_KM = 2000;

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
