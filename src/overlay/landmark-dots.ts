import { BufferAttribute, BufferGeometry, Color, Points, PointsMaterial } from 'three';
import {
  FACE_LANDMARK_COUNT,
  type FrameSize,
  HAND_LANDMARK_COUNT,
  type TrackedFrame,
} from '../core/frame';
import { projectLandmark, type ViewMapping, type ViewPoint } from './projection';

const CAPACITY = FACE_LANDMARK_COUNT + 2 * HAND_LANDMARK_COUNT;
const FACE_COLOR = new Color(0x9fb4c8);
const HAND_COLOR = new Color(0xffc94d);

/**
 * The tracked face and hands as dots: shown when there is no video under the arrows (replaying a
 * saved trace), so the arrows have a face to sit on and the hands can be seen at work.
 */
export class LandmarkDots {
  readonly object: Points;
  private readonly positions = new Float32Array(CAPACITY * 3);
  private readonly colors = new Float32Array(CAPACITY * 3);
  private readonly geometry = new BufferGeometry();
  private readonly material = new PointsMaterial({
    size: 3,
    sizeAttenuation: false,
    vertexColors: true,
  });
  private readonly projected: ViewPoint = { x: 0, y: 0, z: 0 };
  private readonly point: [number, number, number] = [0, 0, 0];

  constructor() {
    this.geometry.setAttribute('position', new BufferAttribute(this.positions, 3));
    this.geometry.setAttribute('color', new BufferAttribute(this.colors, 3));
    this.object = new Points(this.geometry, this.material);
    this.object.frustumCulled = false;
    this.object.visible = false;
  }

  /** Places the dots on the frame's landmarks (view space, world y up); the face's only if `face`. */
  update(frame: TrackedFrame, size: FrameSize, mapping: ViewMapping, face = true): void {
    let count = 0;
    const put = (x: number, y: number, z: number, color: Color) => {
      if (count >= CAPACITY) return;
      this.point[0] = x;
      this.point[1] = y;
      this.point[2] = z;
      projectLandmark(this.point, size.height, mapping, this.projected);
      const k = count * 3;
      this.positions[k] = this.projected.x;
      this.positions[k + 1] = -this.projected.y;
      this.positions[k + 2] = this.projected.z + 1;
      this.colors[k] = color.r;
      this.colors[k + 1] = color.g;
      this.colors[k + 2] = color.b;
      count++;
    };
    if (face) for (const p of frame.face?.landmarks ?? []) put(p[0], p[1], p[2], FACE_COLOR);
    // Hand depth is relative to the wrist; the dots sit in front of the face.
    for (const hand of frame.hands)
      for (const p of hand.landmarks) put(p[0], p[1], -0.2, HAND_COLOR);
    this.geometry.setDrawRange(0, count);
    (this.geometry.getAttribute('position') as BufferAttribute).needsUpdate = true;
    (this.geometry.getAttribute('color') as BufferAttribute).needsUpdate = true;
    this.object.visible = count > 0;
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
