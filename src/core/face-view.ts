import type { FaceObservation, Point3 } from './frame';

/** How the face is in view, as the person is told. */
export type FaceView = 'in-view' | 'no-face' | 'part-out' | 'two-faces';

/** A change of view must last this long before it is reported, so that one lost frame is no news (ms). */
export const FACE_VIEW_ENTER_MS = 400;
/** Coming back into full view is reported sooner (ms). */
export const FACE_VIEW_RETURN_MS = 150;
/** Share of the face's landmarks outside the picture above which the face is partly out of view. */
const OUT_SHARE = 0.04;

/** Share of `landmarks` outside the picture. */
export function shareOutOfFrame(landmarks: readonly Point3[]): number {
  if (landmarks.length === 0) return 0;
  let out = 0;
  for (const [x, y] of landmarks) if (x < 0 || x > 1 || y < 0 || y > 1) out++;
  return out / landmarks.length;
}

/**
 * Follows whether the face is fully in view, with hysteresis: the view reported changes only once
 * the new one has lasted a moment. Pure: times come in as arguments.
 */
export class FaceViewState {
  private reported: FaceView = 'no-face';
  private candidate: FaceView = 'no-face';
  private candidateSince = -Infinity;
  /** A face has been in view: before that, what is seen is reported at once. */
  private seen = false;

  /** Takes one frame: the face followed (or null) and how many faces were in view. */
  update(t: number, face: FaceObservation | null, facesInView: number): FaceView {
    const now = this.classify(face, facesInView);
    if (now !== this.candidate) {
      this.candidate = now;
      this.candidateSince = t;
    }
    if (!this.seen) {
      this.reported = now;
      this.seen = now !== 'no-face';
      return now;
    }
    const wait = now === 'in-view' ? FACE_VIEW_RETURN_MS : FACE_VIEW_ENTER_MS;
    if (now !== this.reported && t - this.candidateSince >= wait) this.reported = now;
    return this.reported;
  }

  private classify(face: FaceObservation | null, facesInView: number): FaceView {
    if (!face) return 'no-face';
    if (facesInView > 1) return 'two-faces';
    return shareOutOfFrame(face.landmarks) > OUT_SHARE ? 'part-out' : 'in-view';
  }
}

/**
 * Of the faces in a frame, the one to follow: the one nearest the face followed so far (by the
 * tip of the nose), else the largest. Someone walking behind the person never takes over.
 */
export function chooseFace<F extends FaceObservation>(
  faces: readonly F[],
  previous: FaceObservation | null,
): F | null {
  if (faces.length <= 1) return faces[0] ?? null;
  let best: F | null = null;
  let bestScore = Infinity;
  const anchor = previous?.landmarks[NOSE_TIP];
  for (const face of faces) {
    const nose = face.landmarks[NOSE_TIP];
    if (!nose) continue;
    const score = anchor
      ? Math.hypot(nose[0] - anchor[0], nose[1] - anchor[1])
      : -faceWidth(face.landmarks);
    if (score < bestScore) {
      bestScore = score;
      best = face;
    }
  }
  return best;
}

const NOSE_TIP = 1;

function faceWidth(landmarks: readonly Point3[]): number {
  const left = landmarks[234];
  const right = landmarks[454];
  return left && right ? Math.abs(right[0] - left[0]) : 0;
}
