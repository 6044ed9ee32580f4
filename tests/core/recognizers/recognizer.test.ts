import { describe, expect, it } from 'vitest';
import { FaceSpace } from '../../../src/core/face-space';
import type { Point3 } from '../../../src/core/frame';
import { polylineLength } from '../../../src/core/polyline';
import { RegionGeometry } from '../../../src/core/recognizers/recognizer';
import { REGIONS } from '../../../src/core/regions';
import { realFace } from '../../support/traces';

describe('RegionGeometry', () => {
  const { size, landmarks } = realFace();
  const space = new FaceSpace();
  space.fit(landmarks, size);
  const toFace = (i: number) => {
    const p = landmarks[i] as Point3;
    return space.toFace(p[0], p[1], { x: 0, y: 0 });
  };

  it("follows each of a region's paths on the face, with its length in face widths", () => {
    const geometry = new RegionGeometry(REGIONS['jawline-outward']);
    geometry.update({ landmarks }, space);
    REGIONS['jawline-outward'].paths.forEach((path, k) => {
      expect(geometry.points[k]).toEqual(path.landmarks.map(toFace));
      expect(geometry.lengths[k]).toBe(polylineLength(path.landmarks.map(toFace)));
      // Chin to ear is more than half a face width.
      expect(geometry.lengths[k]).toBeGreaterThan(0.5);
    });
  });

  it('keeps the last known place of a landmark the face is missing', () => {
    const geometry = new RegionGeometry(REGIONS.lips);
    geometry.update({ landmarks }, space);
    const before = structuredClone(geometry.points);
    const holed = landmarks.map((p, i) => (i === 0 ? undefined : p)) as Point3[];
    const shifted = holed.map((p) => p && ([p[0] + 0.01, p[1], p[2]] as Point3));
    geometry.update({ landmarks: shifted }, space);
    // Landmark 0 (middle of the top lip) stays; the others moved.
    expect(geometry.points[0]?.[5]).toEqual(before[0]?.[5]);
    expect(geometry.points[0]?.[4]?.x).toBeGreaterThan(before[0]?.[4]?.x ?? Number.NaN);
  });
});
