/**
 * Map outlines as compact SVG path data: projected rings in tenths of a viewBox unit, simplified
 * (Douglas–Peucker) until both layers fit a character budget, and written with the fewest characters the path
 * grammar allows.
 */
import { geoPath, type GeoProjection } from 'd3-geo';
import type { Position } from 'geojson';

/** Douglas–Peucker tolerance in tenths of a viewBox unit: detail below half a unit is invisible at card size. */
const TOLERANCE = 6;
/** Rings smaller than this (in square viewBox units) are dropped from the faint background, not from the focus. */
const MIN_AREA = 1.5;

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

export type Ring = [number, number][];

/** Projects polygons to rings in tenths of a viewBox unit, clipped to the box. */
export function project(projection: GeoProjection, polygons: Position[][][]): Ring[] {
  const context = new RingContext();
  geoPath(projection, context)({ type: 'MultiPolygon', coordinates: polygons });
  return context.rings;
}

/** Path data for both layers within `budget` characters, simplifying harder until it fits. */
export function encodeLayers(land: Ring[], focus: Ring[], budget: number): { land: string; focus: string } {
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
