import type { FrameSize, Point3 } from './frame';
import type { Vec2 } from './vec2';

/** Face-mesh landmarks that span the face-relative frame. */
export const FACE_FRAME_LANDMARKS = {
  /** Outer edge of the person's right cheek (image left in an unmirrored frame). */
  rightCheekEdge: 234,
  /** Outer edge of the person's left cheek. */
  leftCheekEdge: 454,
  /** Top of the forehead. */
  forehead: 10,
  /** Bottom of the chin. */
  chin: 152,
} as const;

/**
 * Height of the face (forehead to chin) over its width (cheek edge to cheek edge), measured on
 * real landmarks of frontal faces; it makes face units roughly the same length on both axes.
 */
export const FACE_HEIGHT_TO_WIDTH = 1.2;

/**
 * A 2D frame attached to the face, rebuilt from the landmarks of each camera frame.
 *
 * Face coordinates: origin midway between the cheek edges; +x toward the person's LEFT cheek
 * edge, +y from forehead toward chin; one unit is the face width along x and the face height
 * divided by {@link FACE_HEIGHT_TO_WIDTH} along y. Because the frame is fitted to the face's own
 * landmarks, moving, turning or tilting the head and sitting closer leave face coordinates of a
 * point resting on the skin (nearly) unchanged.
 */
export class FaceSpace {
  private ox = 0;
  private oy = 0;
  private ax = 1;
  private ay = 0;
  private bx = 0;
  private by = 1;
  private det = 1;
  private width = 1;
  private height = 1;

  /** Refits the frame to a face; returns false (and keeps the old fit) if the face is degenerate. */
  fit(landmarks: readonly Point3[], size: FrameSize): boolean {
    const right = landmarks[FACE_FRAME_LANDMARKS.rightCheekEdge];
    const left = landmarks[FACE_FRAME_LANDMARKS.leftCheekEdge];
    const top = landmarks[FACE_FRAME_LANDMARKS.forehead];
    const bottom = landmarks[FACE_FRAME_LANDMARKS.chin];
    if (!right || !left || !top || !bottom) return false;
    const w = size.width;
    const h = size.height;
    const ax = (left[0] - right[0]) * w;
    const ay = (left[1] - right[1]) * h;
    const bx = ((bottom[0] - top[0]) * w) / FACE_HEIGHT_TO_WIDTH;
    const by = ((bottom[1] - top[1]) * h) / FACE_HEIGHT_TO_WIDTH;
    const det = ax * by - ay * bx;
    if (Math.abs(det) < 1e-6) return false;
    this.ox = ((left[0] + right[0]) / 2) * w;
    this.oy = ((left[1] + right[1]) / 2) * h;
    this.ax = ax;
    this.ay = ay;
    this.bx = bx;
    this.by = by;
    this.det = det;
    this.width = w;
    this.height = h;
    return true;
  }

  /** Face coordinates of a normalised image point, written into `out`. */
  toFace(x: number, y: number, out: Vec2): Vec2 {
    const dx = x * this.width - this.ox;
    const dy = y * this.height - this.oy;
    out.x = (dx * this.by - dy * this.bx) / this.det;
    out.y = (this.ax * dy - this.ay * dx) / this.det;
    return out;
  }

  /** Normalised image coordinates of a face-coordinate point, written into `out`. */
  toImage(u: number, v: number, out: Vec2): Vec2 {
    out.x = (this.ox + u * this.ax + v * this.bx) / this.width;
    out.y = (this.oy + u * this.ay + v * this.by) / this.height;
    return out;
  }

  /** Width of the camera frame in pixels, as of the last fit. */
  get frameWidth(): number {
    return this.width;
  }

  /** Height of the camera frame in pixels, as of the last fit. */
  get frameHeight(): number {
    return this.height;
  }

  /** Face width in pixels of the camera frame (shrinks as the head turns away). */
  get pixelWidth(): number {
    return Math.hypot(this.ax, this.ay);
  }
}

/** Whether a point in face coordinates lies over the face (inside its outline, roughly). */
export function isOverFace(p: Vec2): boolean {
  return Math.abs(p.x) < 0.6 && p.y > -0.75 && p.y < 0.85;
}
