import type { BufferAttribute } from 'three';
import { describe, expect, it } from 'vitest';
import type { Point3 } from '../../src/core/frame';
import { FaceMeshLayer } from '../../src/overlay/face-mesh-layer';
import { createViewMapping, projectLandmark } from '../../src/overlay/projection';
import { realFace } from '../support/traces';

describe('FaceMeshLayer', () => {
  const face = realFace();
  const triangles = [0, 1, 2, 2, 3, 4, 10, 152, 234];

  it('lays its vertices on the projected landmarks, mirrored with the view, world y up', () => {
    const layer = new FaceMeshLayer(triangles);
    const mapping = createViewMapping(face.size, { width: 800, height: 600 }, true);
    layer.update({ t: 0, face: { landmarks: face.landmarks }, hands: [] }, face.size, mapping);
    expect(layer.object.visible).toBe(true);
    const positions = layer.object.geometry.getAttribute('position') as BufferAttribute;
    for (const i of [0, 152, 467]) {
      const view = projectLandmark(face.landmarks[i] as Point3, face.size.height, mapping, {
        x: 0,
        y: 0,
        z: 0,
      });
      expect(positions.getX(i)).toBeCloseTo(view.x, 3);
      expect(positions.getY(i)).toBeCloseTo(-view.y, 3);
    }
    expect(layer.object.geometry.getIndex()?.count).toBe(triangles.length);
    layer.update({ t: 1, face: null, hands: [] }, face.size, mapping);
    expect(layer.object.visible).toBe(false);
    layer.dispose();
  });

  it('refuses triangles that reach past the mesh landmarks', () => {
    expect(() => new FaceMeshLayer([0, 1, 470])).toThrow(RangeError);
  });
});
