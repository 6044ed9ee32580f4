import { describe, expect, it } from 'vitest';
import { FaceSpace } from '../../src/core/face-space';
import type { Point3 } from '../../src/core/frame';
import { REGIONS, type RegionId, type Side } from '../../src/core/regions';
import { ROUTINES, TOOL_STEPS } from '../../src/core/routines';
import type { Vec2 } from '../../src/core/vec2';
import { realFace } from '../support/traces';

const faces = ['bg_face_640x480', 'business_person'].map((name) => realFace(name));

/** A region path's points in face coordinates of a real face (+x toward the person's left). */
function pathOn(face: (typeof faces)[number], region: RegionId, side: Side): Vec2[] {
  const space = new FaceSpace();
  space.fit(face.landmarks, face.size);
  const path = REGIONS[region].paths.find((p) => p.side === side);
  if (!path) throw new Error(`${region} has no ${side} path`);
  return path.landmarks.map((i) => {
    const p = face.landmarks[i] as Point3;
    return space.toFace(p[0], p[1], { x: 0, y: 0 });
  });
}
const first = (points: Vec2[]) => points[0] as Vec2;
const last = (points: Vec2[]) => points[points.length - 1] as Vec2;

describe('target regions', () => {
  it('describes every region in words and keys it by its own id', () => {
    for (const [id, region] of Object.entries(REGIONS)) {
      expect(region.id).toBe(id);
      expect(region.label.length).toBeGreaterThan(10);
    }
  });

  it('uses face-mesh landmarks only (no iris points), enough of them for the shape', () => {
    for (const region of Object.values(REGIONS)) {
      expect(region.paths.length).toBeGreaterThan(0);
      for (const path of region.paths) {
        expect(path.landmarks.length).toBeGreaterThanOrEqual(3);
        for (const i of path.landmarks) expect(i).toBeLessThan(468);
      }
    }
  });

  it('gives each kind of step a region of the shape it works on', () => {
    const shapes = new Map<string, Set<string>>();
    for (const step of [...ROUTINES.flatMap((r) => r.steps), ...TOOL_STEPS]) {
      if (!step.region) continue;
      const kinds = shapes.get(REGIONS[step.region].shape) ?? new Set();
      shapes.set(REGIONS[step.region].shape, kinds.add(step.kind));
    }
    // Circles turn around rings; hands rest on areas; every stroke follows a path.
    expect([...(shapes.get('ring') ?? [])]).toEqual(['circle']);
    expect([...(shapes.get('area') ?? [])]).toEqual(['brow-raise']);
    expect([...(shapes.get('path') ?? [])].sort()).toEqual([
      'flick',
      'glide',
      'pinch',
      'pluck',
      'walk',
    ]);
    // The temples are a resting place too, not a stroke.
    expect(REGIONS.temples.shape).toBe('area');
  });

  for (const [index, face] of faces.entries()) {
    it(`puts each side's path on that side of a real face, mirroring the other (face ${index})`, () => {
      for (const region of Object.values(REGIONS)) {
        const sides = region.paths.map((p) => p.side);
        if (sides.includes('center')) {
          expect(sides.every((s) => s === 'center')).toBe(true);
          continue;
        }
        expect(sides).toEqual(['right', 'left']);
        const right = pathOn(face, region.id, 'right');
        const left = pathOn(face, region.id, 'left');
        expect(left).toHaveLength(right.length);
        const shared = region.paths[0]?.landmarks.filter((i) =>
          region.paths[1]?.landmarks.includes(i),
        );
        right.forEach((r, i) => {
          const l = left[i] as Vec2;
          // The person's right is -x in face coordinates, the left +x (the chin point is shared).
          if (!shared?.includes(region.paths[0]?.landmarks[i] as number)) {
            expect(r.x, `${region.id} ${i}`).toBeLessThan(0);
            expect(l.x, `${region.id} ${i}`).toBeGreaterThan(0);
          }
          expect(Math.abs(l.x + r.x), `${region.id} ${i}`).toBeLessThan(0.15);
          expect(Math.abs(l.y - r.y), `${region.id} ${i}`).toBeLessThan(0.1);
        });
      }
    });

    it(`keeps the eye circle on the bone around the eye, off the eyelids (face ${index})`, () => {
      // Eye corners and lids, person's right then left.
      const eyes = { right: [33, 133, 159, 145], left: [263, 362, 386, 374] } as const;
      for (const side of ['right', 'left'] as const) {
        const space = new FaceSpace();
        space.fit(face.landmarks, face.size);
        const at = (i: number) => {
          const p = face.landmarks[i] as Point3;
          return space.toFace(p[0], p[1], { x: 0, y: 0 });
        };
        const [outer, inner] = eyes[side].map(at) as [Vec2, Vec2];
        const points = eyes[side].map(at);
        const centre = {
          x: points.reduce((a, p) => a + p.x, 0) / points.length,
          y: points.reduce((a, p) => a + p.y, 0) / points.length,
        };
        const width = Math.hypot(outer.x - inner.x, outer.y - inner.y);
        // The mesh's ring just around the eye, on the lids, comes within 0.39-0.42 eye widths.
        for (const p of pathOn(face, 'eye-socket-circle', side))
          expect(Math.hypot(p.x - centre.x, p.y - centre.y) / width).toBeGreaterThan(0.47);
      }
    });

    // Directions, rings and the other regions are checked in face-space.test.ts.
    it(`runs the cheek stroke from beside the nose out to the ear (face ${index})`, () => {
      for (const side of ['right', 'left'] as const) {
        const path = pathOn(face, 'cheek-outward', side);
        expect(Math.abs(last(path).x)).toBeGreaterThan(Math.abs(first(path).x) + 0.2);
        expect(Math.abs(last(path).x)).toBeGreaterThan(0.4);
      }
    });
  }
});
