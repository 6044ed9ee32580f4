import { describe, expect, it } from 'vitest';
import { FaceSpace } from '../../src/core/face-space';
import type { Point3 } from '../../src/core/frame';
import { REGIONS, type RegionId, type Side } from '../../src/core/regions';
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

    it(`runs each path in the direction of a correct stroke (face ${index})`, () => {
      const outward = ['jawline-outward', 'laugh-line-outward', 'brow-outward', 'cheek-outward'];
      for (const id of outward as RegionId[]) {
        for (const side of ['right', 'left'] as const) {
          const path = pathOn(face, id, side);
          expect(Math.abs(last(path).x), `${id} ${side}`).toBeGreaterThan(
            Math.abs(first(path).x) + 0.15,
          );
        }
      }
      for (const id of ['jaw-to-cheekbone', 'smile-line-upward'] as RegionId[]) {
        for (const side of ['right', 'left'] as const) {
          const path = pathOn(face, id, side);
          expect(last(path).y, `${id} ${side}`).toBeLessThan(first(path).y - 0.1);
        }
      }
      const chin = pathOn(face, 'chin-upward', 'center');
      expect(last(chin).y).toBeLessThan(first(chin).y - 0.1);
    });

    it(`places the regions where their labels say (face ${index})`, () => {
      const mean = (id: RegionId, side: Side) => {
        const pts = pathOn(face, id, side);
        return {
          x: pts.reduce((a, p) => a + p.x, 0) / pts.length,
          y: pts.reduce((a, p) => a + p.y, 0) / pts.length,
        };
      };
      const y = (id: RegionId, side: Side = 'right') => mean(id, side).y;
      // From the top of the face down.
      expect(y('forehead', 'center')).toBeLessThan(y('brow-outward'));
      expect(y('temples')).toBeLessThan(y('eye-socket-circle'));
      expect(y('brow-outward')).toBeLessThan(y('eye-socket-circle'));
      expect(y('eye-socket-circle')).toBeLessThan(y('cheek-circle'));
      expect(y('cheek-circle')).toBeLessThan(y('lips', 'center'));
      expect(y('lips', 'center')).toBeLessThan(y('chin-upward', 'center'));
      // The temples lie outside the eye socket, the lips across the midline.
      expect(Math.abs(mean('temples', 'right').x)).toBeGreaterThan(
        Math.abs(mean('eye-socket-circle', 'right').x),
      );
      const lips = REGIONS.lips.paths.map((p) => p.landmarks);
      expect(lips.map((l) => [l[0], l[l.length - 1]])).toEqual([
        [61, 291],
        [61, 291],
      ]);
      const [upper, lower] = [0, 1].map((k) => {
        const space = new FaceSpace();
        space.fit(face.landmarks, face.size);
        const mid = face.landmarks[(lips[k] as number[])[5] as number] as Point3;
        return space.toFace(mid[0], mid[1], { x: 0, y: 0 });
      });
      expect((upper as Vec2).y).toBeLessThan((lower as Vec2).y);
    });
  }
});
