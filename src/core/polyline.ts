import type { Vec2 } from './vec2';

/** Where a point projects onto a polyline. */
export interface PolylineProjection {
  /** Position along the polyline as a fraction of its length, 0 at the first point, 1 at the last. */
  s: number;
  /** Distance from the point to the polyline. */
  distance: number;
}

/** Total length of a polyline. */
export function polylineLength(points: readonly Vec2[]): number {
  let total = 0;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1] as Vec2;
    const b = points[i] as Vec2;
    total += Math.hypot(b.x - a.x, b.y - a.y);
  }
  return total;
}

/** Projects `p` onto the nearest point of the polyline (of length `total`, if known); writes and returns `out`. */
export function projectOntoPolyline(
  p: Vec2,
  points: readonly Vec2[],
  out: PolylineProjection,
  total: number = polylineLength(points),
): PolylineProjection {
  let best = Infinity;
  let bestAlong = 0;
  let walked = 0;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1] as Vec2;
    const b = points[i] as Vec2;
    const ex = b.x - a.x;
    const ey = b.y - a.y;
    const segment = Math.hypot(ex, ey);
    const k =
      segment > 0
        ? Math.min(1, Math.max(0, ((p.x - a.x) * ex + (p.y - a.y) * ey) / (segment * segment)))
        : 0;
    const d = Math.hypot(a.x + ex * k - p.x, a.y + ey * k - p.y);
    if (d < best) {
      best = d;
      bestAlong = walked + segment * k;
    }
    walked += segment;
  }
  out.s = total > 0 ? bestAlong / total : 0;
  out.distance = best;
  return out;
}

/** A ring's centre and mean radius: where circles on a ring region turn. */
export interface RingFit {
  readonly center: Vec2;
  radius: number;
}

/** Fits a circle to a closed ring of points (centroid and mean distance); writes and returns `out`. */
export function fitRing(points: readonly Vec2[], out: RingFit): RingFit {
  let x = 0;
  let y = 0;
  for (const p of points) {
    x += p.x;
    y += p.y;
  }
  out.center.x = x / points.length;
  out.center.y = y / points.length;
  let r = 0;
  for (const p of points) r += Math.hypot(p.x - out.center.x, p.y - out.center.y);
  out.radius = Math.max(1e-3, r / points.length);
  return out;
}
