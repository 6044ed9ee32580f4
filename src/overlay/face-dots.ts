import { BufferAttribute, BufferGeometry, Points, PointsMaterial } from 'three';
import { FACE_LANDMARK_COUNT, type FrameSize, type Point3 } from '../core/frame';
import { projectLandmark, type ViewMapping, type ViewPoint } from './projection';

/**
 * The face mesh as faint dots: shown when there is no video under the arrows (replaying a saved
 * trace), so the arrows have a face to sit on.
 */
export class FaceDots {
  readonly object: Points;
  private readonly positions = new Float32Array(FACE_LANDMARK_COUNT * 3);
  private readonly geometry = new BufferGeometry();
  private readonly material = new PointsMaterial({
    color: 0x9fb4c8,
    size: 2.5,
    sizeAttenuation: false,
  });
  private readonly projected: ViewPoint = { x: 0, y: 0, z: 0 };

  constructor() {
    this.geometry.setAttribute('position', new BufferAttribute(this.positions, 3));
    this.object = new Points(this.geometry, this.material);
    this.object.frustumCulled = false;
    this.object.visible = false;
  }

  /** Places the dots on the face's landmarks (view space, world y up). */
  update(landmarks: readonly Point3[], frame: FrameSize, mapping: ViewMapping): void {
    landmarks.forEach((p, i) => {
      if (i >= FACE_LANDMARK_COUNT) return;
      projectLandmark(p, frame.height, mapping, this.projected);
      this.positions[i * 3] = this.projected.x;
      this.positions[i * 3 + 1] = -this.projected.y;
      this.positions[i * 3 + 2] = this.projected.z;
    });
    (this.geometry.getAttribute('position') as BufferAttribute).needsUpdate = true;
    this.object.visible = true;
  }

  hide(): void {
    this.object.visible = false;
  }

  dispose(): void {
    this.object.removeFromParent();
    this.geometry.dispose();
    this.material.dispose();
  }
}
