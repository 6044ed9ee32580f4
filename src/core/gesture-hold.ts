import type { FrameSize, Point3, TrackedFrame } from './frame';
import { classifyGesture, type HandGesture } from './hand-gesture';

/** How long a sign must be held still to count (ms). */
export const GESTURE_HOLD_MS = 1000;
/**
 * A sign lost for longer than this starts over (ms): hands drop out for a frame or two, and a
 * slow machine tracks only two or three frames a second.
 */
const DROPOUT_MS = 800;
/** After a sign counted, no hand may make one for this long before the next can count (ms). */
const RELEASE_MS = 600;
/** "Still": the palm stays within this many palm lengths of where the hold began. */
const STILL_PALMS = 0.6;
/** Around the face, this much of its width on each side is still "at the face" (no commands there). */
const FACE_MARGIN = 0.15;

const PALM = [0, 5, 9, 13, 17] as const;

/** What the hold machine makes of a frame. */
export interface GestureState {
  /** The sign being held, if any. */
  readonly gesture: HandGesture | null;
  /** How far along the hold is (0..1). */
  readonly progress: number;
  /** Where the holding palm is (normalised image coordinates), for the progress ring. */
  readonly at: { readonly x: number; readonly y: number } | null;
  /** A sign that has just been held long enough: the command to carry out, once. */
  readonly fired: HandGesture | null;
}

const IDLE: GestureState = Object.freeze({ gesture: null, progress: 0, at: null, fired: null });

/**
 * Hands-free commands: a hand sign (an open palm, a thumbs-up, a victory sign) held still for a
 * second away from the face. Strokes are made on the face, so a hand at the face is never taken
 * for a command, whatever shape it makes. Pure: times come with the frames.
 */
export class GestureHold {
  private gesture: HandGesture | null = null;
  private since = 0;
  private lastSeen = -Infinity;
  private anchor = { x: 0, y: 0, palm: 0 };
  private firedAt = -Infinity;
  private fired = false;

  constructor(private readonly size: FrameSize) {}

  /** Takes one frame; says what is being held and whether a command was just given. */
  update(frame: TrackedFrame): GestureState {
    const t = frame.t;
    const found = this.candidate(frame);
    if (!found) {
      if (t - this.lastSeen > DROPOUT_MS) this.gesture = null;
      return this.gesture ? this.state(t, null) : IDLE;
    }
    if (this.fired) {
      // The sign that fired is still up: nothing more until the hand is let down.
      this.firedAt = t;
      this.lastSeen = t;
      return IDLE;
    }
    const moved = Math.hypot(found.x - this.anchor.x, found.y - this.anchor.y);
    if (
      found.gesture !== this.gesture ||
      t - this.lastSeen > DROPOUT_MS ||
      moved > STILL_PALMS * this.anchor.palm
    ) {
      this.gesture = found.gesture;
      this.since = t;
      this.anchor = { x: found.x, y: found.y, palm: found.palm };
    }
    this.lastSeen = t;
    if (t - this.since < GESTURE_HOLD_MS) return this.state(t, found);
    this.fired = true;
    this.firedAt = t;
    const fired = this.gesture;
    this.gesture = null;
    return { gesture: fired, progress: 1, at: { x: found.x, y: found.y }, fired };
  }

  /** Forgets any hold under way (a new step, a pause ended by other means). */
  reset(): void {
    this.gesture = null;
    this.fired = false;
    this.lastSeen = -Infinity;
  }

  private state(t: number, at: { x: number; y: number } | null): GestureState {
    return {
      gesture: this.gesture,
      progress: Math.min(1, (t - this.since) / GESTURE_HOLD_MS),
      at: at ? { x: at.x, y: at.y } : { x: this.anchor.x, y: this.anchor.y },
      fired: null,
    };
  }

  /** The hand making a sign away from the face, if one does. */
  private candidate(
    frame: TrackedFrame,
  ): { gesture: HandGesture; x: number; y: number; palm: number } | null {
    if (this.fired && frame.t - this.firedAt > RELEASE_MS) this.fired = false;
    // A sign is made beside a face in view; a face lost is most often a face covered by the hands.
    // With a second face in view, a hand may be the other person's: no command is taken.
    if (!frame.face || (frame.facesInView ?? 1) > 1) return null;
    const box = faceBox(frame.face.landmarks);
    for (const hand of frame.hands) {
      const gesture = classifyGesture(hand.landmarks, this.size);
      if (!gesture) continue;
      const { x, y } = palmCentre(hand.landmarks);
      if (hand.landmarks.some(([px, py]) => inside(box, px, py))) continue;
      // NOTE: a hand leaving the picture, cut by its edge, is still tracked for a while where it
      // went out (the hand model guesses the rest, often as an open palm): no sign is made so.
      if (hand.landmarks.some(([px, py]) => px < 0 || px > 1 || py < 0 || py > 1)) continue;
      const wrist = hand.landmarks[0] as Point3;
      const knuckle = hand.landmarks[9] as Point3;
      const palm = Math.hypot(wrist[0] - knuckle[0], wrist[1] - knuckle[1]);
      return { gesture, x, y, palm };
    }
    return null;
  }
}

function palmCentre(hand: readonly Point3[]): { x: number; y: number } {
  let x = 0;
  let y = 0;
  for (const i of PALM) {
    const p = hand[i] as Point3;
    x += p[0];
    y += p[1];
  }
  return { x: x / PALM.length, y: y / PALM.length };
}

function inside(box: ReturnType<typeof faceBox>, x: number, y: number): boolean {
  return x > box.minX && x < box.maxX && y > box.minY && y < box.maxY;
}

/** The face's bounding box, grown by a margin: a hand reaching into it is at the face. */
function faceBox(face: readonly Point3[]) {
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (const [x, y] of face) {
    minX = Math.min(minX, x);
    maxX = Math.max(maxX, x);
    minY = Math.min(minY, y);
    maxY = Math.max(maxY, y);
  }
  const margin = (maxX - minX) * FACE_MARGIN;
  return { minX: minX - margin, maxX: maxX + margin, minY: minY - margin, maxY: maxY + margin };
}
