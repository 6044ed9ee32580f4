/**
 * The one frame type the app works with. The tracker produces it from MediaPipe's results; the
 * engine, the overlay and the trace files consume it. Nothing outside `src/tracking/` sees a
 * MediaPipe type.
 *
 * Coordinates: MediaPipe's normalised image coordinates of the UNMIRRORED camera frame: x to the
 * right, y down, both 0..1 across the frame; z is MediaPipe's relative depth (face: same scale as
 * x, smaller is nearer the camera; hands: relative to the wrist). Mirroring is a display concern
 * handled by the overlay projection only.
 *
 * Sides: "left" and "right" always mean the person's own (anatomical) sides. In an unmirrored
 * frame the person's right side appears on the image's left (smaller x).
 */

/** A landmark as `[x, y, z]`. */
export type Point3 = readonly [number, number, number];

/** One tracked face. */
export interface FaceObservation {
  /** The 478 face-mesh landmarks (468 mesh + 10 iris). */
  readonly landmarks: readonly Point3[];
  /** MediaPipe's 52 blendshape scores by category name, when available. */
  readonly blendshapes?: Readonly<Record<string, number>>;
  /** The facial transformation matrix (column-major 4x4, as MediaPipe returns it), when available. */
  readonly matrix?: readonly number[];
}

/** MediaPipe's handedness label, as the hand landmarker returns it. */
export type Handedness = 'Left' | 'Right';

/** One tracked hand. */
export interface HandObservation {
  readonly handedness: Handedness;
  readonly score: number;
  /** The 21 hand landmarks. */
  readonly landmarks: readonly Point3[];
}

/** Everything tracked in one camera frame. */
export interface TrackedFrame {
  /** Milliseconds, strictly increasing within a session. */
  readonly t: number;
  readonly face: FaceObservation | null;
  readonly hands: readonly HandObservation[];
  /** Faces the face model found, when more than the one followed (`face`) were in view. */
  readonly facesInView?: number;
}

/** Size of the camera frame in pixels; needed to undo the aspect ratio of normalised coords. */
export interface FrameSize {
  readonly width: number;
  readonly height: number;
}

/** Number of landmarks in a face observation. */
export const FACE_LANDMARK_COUNT = 478;
/** Number of landmarks in a hand observation. */
export const HAND_LANDMARK_COUNT = 21;
