import type { FrameSize, Point3 } from './frame';

/** What keeps a face from being well framed for counting. */
export type FramingIssue = 'face-off-centre' | 'face-too-far' | 'face-turned';

/** The face's centre must lie within this margin of the picture's middle (share of each side). */
const CENTRE_MARGIN = 0.18;
/** The face must be at least this wide (share of the picture's width, cheek to cheek). */
const MIN_FACE_WIDTH = 0.16;
/** The nose tip must sit between these shares of the way from one cheek to the other. */
const FRONTAL_RANGE = [0.27, 0.73] as const;
/** Landmarks at the cheeks (the face's width) and the nose tip. */
const RIGHT_CHEEK = 234;
const LEFT_CHEEK = 454;
const NOSE_TIP = 1;

/** Whether a tracked face is framed for counting: centred, near enough, turned to the camera. */
export function framingIssue(face: readonly Point3[], size: FrameSize): FramingIssue | null {
  const right = face[RIGHT_CHEEK];
  const left = face[LEFT_CHEEK];
  const nose = face[NOSE_TIP];
  if (!right || !left || !nose) return 'face-off-centre';
  let minY = Infinity;
  let maxY = -Infinity;
  for (const p of face) {
    minY = Math.min(minY, p[1]);
    maxY = Math.max(maxY, p[1]);
  }
  const centreX = (right[0] + left[0]) / 2;
  const centreY = (minY + maxY) / 2;
  if (
    Math.abs(centreX - 0.5) > 0.5 - CENTRE_MARGIN ||
    Math.abs(centreY - 0.5) > 0.5 - CENTRE_MARGIN
  )
    return 'face-off-centre';
  // Widths compared in pixels, so a wide picture does not make the face look narrow.
  const width = Math.hypot((left[0] - right[0]) * size.width, (left[1] - right[1]) * size.height);
  if (width < MIN_FACE_WIDTH * size.width) return 'face-too-far';
  const across = (nose[0] - Math.min(left[0], right[0])) / Math.abs(left[0] - right[0]);
  if (across < FRONTAL_RANGE[0] || across > FRONTAL_RANGE[1]) return 'face-turned';
  return null;
}

/** How long a framed face must be held still before counting starts (ms). */
export const SETTLE_MS = 1000;
/** "Still": the nose tip stays within this share of the picture's width of where the hold began. */
const STILL_SHARE = 0.04;

/**
 * Getting into position is never a stroke: counting starts only once the face has been framed and
 * held still for a moment. Pure: times come in with the frames.
 */
export class FramingHold {
  private since: number | null = null;
  private anchor: { x: number; y: number } = { x: 0, y: 0 };

  /** Takes a framed face at time `t`; true once it has been held still long enough. */
  still(t: number, face: readonly Point3[]): boolean {
    const nose = face[NOSE_TIP];
    if (!nose) return false;
    if (
      this.since === null ||
      Math.hypot(nose[0] - this.anchor.x, nose[1] - this.anchor.y) > STILL_SHARE
    ) {
      this.since = t;
      this.anchor = { x: nose[0], y: nose[1] };
    }
    return t - this.since >= SETTLE_MS;
  }

  /** The face was lost or badly framed: the hold starts over. */
  reset(): void {
    this.since = null;
  }
}
