import type { FrameSize, Point3 } from '../core/frame';

/** How the camera frame is laid out in the view. */
export interface ViewMapping {
  /** View pixels per camera pixel. */
  readonly scale: number;
  /** Where the camera frame's top-left corner lands in the view (before mirroring), in view pixels. */
  readonly offsetX: number;
  readonly offsetY: number;
  readonly viewWidth: number;
  readonly frameWidth: number;
  /** Whether the view shows the camera frame mirrored (as a selfie view does). */
  readonly mirrored: boolean;
}

/** Fits a camera frame into a view like CSS `object-fit` ("cover" crops, "contain" letterboxes). */
export function createViewMapping(
  frame: FrameSize,
  view: FrameSize,
  mirrored: boolean,
  fit: 'cover' | 'contain' = 'contain',
): ViewMapping {
  const sx = view.width / frame.width;
  const sy = view.height / frame.height;
  const scale = fit === 'cover' ? Math.max(sx, sy) : Math.min(sx, sy);
  return {
    scale,
    offsetX: (view.width - frame.width * scale) / 2,
    offsetY: (view.height - frame.height * scale) / 2,
    viewWidth: view.width,
    frameWidth: frame.width,
    mirrored,
  };
}

/** A point in view pixels: x right, y down, z toward the viewer (in view pixels). */
export interface ViewPoint {
  x: number;
  y: number;
  z: number;
}

/**
 * Projects a landmark (normalised, unmirrored camera coordinates; see core/frame.ts) into view
 * pixels, mirroring x when the view is mirrored. Writes and returns `out`.
 */
export function projectLandmark(
  p: Point3,
  frameHeight: number,
  mapping: ViewMapping,
  out: ViewPoint,
): ViewPoint {
  const x = mapping.offsetX + p[0] * mapping.frameWidth * mapping.scale;
  out.x = mapping.mirrored ? mapping.viewWidth - x : x;
  out.y = mapping.offsetY + p[1] * frameHeight * mapping.scale;
  // MediaPipe's face z shares x's scale and grows away from the camera.
  out.z = -p[2] * mapping.frameWidth * mapping.scale;
  return out;
}

/**
 * Share of the remaining distance to cover in `dtMs` when following a target with time constant
 * `tauMs` (exponential smoothing that does not depend on the frame rate).
 */
export function smoothingFactor(dtMs: number, tauMs: number): number {
  if (dtMs <= 0) return 0;
  return 1 - Math.exp(-dtMs / tauMs);
}

/** The thinnest an arrow's tube gets (radius, view pixels): still seen on a phone. */
export const MIN_ARROW_RADIUS = 2.5;
/** An arrow's tube radius as a share of the face's width on screen. */
const ARROW_RADIUS_SHARE = 0.016;

/** The radius of the arrows' tubes for a face `faceWidthPx` wide on screen: with the face, never thinner than {@link MIN_ARROW_RADIUS}. */
export function arrowRadius(faceWidthPx: number): number {
  return Math.max(MIN_ARROW_RADIUS, faceWidthPx * ARROW_RADIUS_SHARE);
}
