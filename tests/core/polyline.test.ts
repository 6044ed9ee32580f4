import { describe, expect, it } from 'vitest';
import { fitRing, polylineLength, projectOntoPolyline } from '../../src/core/polyline';
import type { Vec2 } from '../../src/core/vec2';

// An L: 3 along x, then 4 up y.
const ell: Vec2[] = [
  { x: 0, y: 0 },
  { x: 3, y: 0 },
  { x: 3, y: 4 },
];
const project = (p: Vec2, points: Vec2[] = ell) =>
  projectOntoPolyline(p, points, { s: -1, distance: -1 });

describe('polylines', () => {
  it('measures a path over all its segments', () => {
    expect(polylineLength(ell)).toBe(7);
    expect(polylineLength([{ x: 1, y: 1 }])).toBe(0);
  });

  it('says how far along the path a point lies and how far off it', () => {
    expect(project({ x: 1.5, y: 1 })).toEqual({ s: 1.5 / 7, distance: 1 });
    // Beside the second segment: along the first one in full, then 2 of 4.
    expect(project({ x: 4, y: 2 })).toEqual({ s: 5 / 7, distance: 1 });
  });

  it('clamps points beyond the ends to the ends', () => {
    expect(project({ x: -3, y: -4 })).toEqual({ s: 0, distance: 5 });
    expect(project({ x: 3, y: 6 })).toEqual({ s: 1, distance: 2 });
  });

  it('takes the nearest segment when the path folds back past a point', () => {
    // A U whose arms are 1 and 3 away from the point: the far arm must not win.
    const u: Vec2[] = [
      { x: 0, y: 4 },
      { x: 0, y: 0 },
      { x: 4, y: 0 },
      { x: 4, y: 4 },
    ];
    expect(project({ x: 1, y: 2 }, u)).toEqual({ s: 2 / 12, distance: 1 });
    expect(project({ x: 3.5, y: 3 }, u)).toEqual({ s: 11 / 12, distance: 0.5 });
  });

  it('copes with repeated points and uses a known total length as given', () => {
    const doubled: Vec2[] = [{ x: 0, y: 0 }, { x: 0, y: 0 }, ...ell.slice(1)];
    expect(project({ x: 1.5, y: 1 }, doubled)).toEqual({ s: 1.5 / 7, distance: 1 });
    expect(projectOntoPolyline({ x: 1.5, y: 1 }, ell, { s: 0, distance: 0 }, 14).s).toBe(1.5 / 14);
    // A path of one point (or all one point) has no length: everything is at its start.
    expect(
      project({ x: 1, y: 0 }, [
        { x: 0, y: 0 },
        { x: 0, y: 0 },
      ]),
    ).toEqual({
      s: 0,
      distance: 1,
    });
  });

  it('fits the centre and radius of a ring of points', () => {
    const ring = Array.from({ length: 12 }, (_, i) => ({
      x: 5 + 2 * Math.cos((i * Math.PI) / 6),
      y: -1 + 2 * Math.sin((i * Math.PI) / 6),
    }));
    const fit = fitRing(ring, { center: { x: 0, y: 0 }, radius: 0 });
    expect(fit.center.x).toBeCloseTo(5, 9);
    expect(fit.center.y).toBeCloseTo(-1, 9);
    expect(fit.radius).toBeCloseTo(2, 9);
  });

  it('keeps a small positive radius for a ring collapsed to a point, so angles stay defined', () => {
    const point = { x: 1, y: 1 };
    expect(fitRing([point, point, point], { center: { x: 0, y: 0 }, radius: 0 }).radius).toBe(1e-3);
  });
});
