import { effectorPoint } from './effectors';
import type { FaceSpace } from './face-space';
import type { HandObservation, Point3 } from './frame';
import { OneEuroFilter } from './one-euro-filter';
import { EFFECTORS, type Effector } from './routine-schema';
import type { Vec2 } from './vec2';

/** Hands lost for longer than this no longer count as present (ms). */
export const HAND_HOLD_MS = 400;
/** Thumb-index gap (face widths) below which a pinch is closed, and above which it is open again. */
const PINCH_CLOSE = 0.07;
const PINCH_OPEN = 0.11;

/**
 * A fingertip counts as reaching out (able to touch the skin) when it is at least this many times
 * farther from the wrist than its knuckle; curled into a fist it is about as far.
 */
const FINGER_EXTENDED = 1.4;
/**
 * One-Euro settings for hand points in face widths: strong smoothing at rest (1.5 Hz) and a
 * cut-off that rises by 4 Hz per face width a second, so a brisk stroke (about one face width a
 * second) is followed at about 6 Hz with little lag.
 */
const HAND_MIN_CUTOFF_HZ = 1.5;
const HAND_BETA = 4;
/** A jump of a hand point (face widths) between frames beyond which its smoothing starts afresh. */
const JUMP_RESET = 0.25;
/** A pinch effector needs thumb and index tips within this many palm lengths of each other. */
const PINCH_REACH = 0.75;

/** One tracked hand: its effector points in face coordinates, smoothed. */
export interface HandSlot {
  /**
   * Effector points in face coordinates (filtered), for the effectors the hand's posture allows
   * this frame: no fingertips when the fingers are curled into a fist, no pinch point when thumb
   * and index are far apart.
   */
  readonly points: Map<Effector, Vec2>;
  /** Seen recently enough to count as present (hands vanish for a few frames near the face). */
  present: boolean;
  /** Seen in the current frame: only then do its points feed recognisers. */
  seenNow: boolean;
  /** Thumb and index tips pinched together (with hysteresis). */
  pinchClosed: boolean;
  lastSeen: number;
}

interface SlotState extends HandSlot {
  readonly filters: Map<Effector, [OneEuroFilter, OneEuroFilter]>;
  /** Filtered points of every effector, whatever the posture. */
  readonly smoothed: Map<Effector, Vec2>;
}

/**
 * Keeps up to two hands across frames (paired by MediaPipe's handedness label), expresses their
 * effector points in face coordinates and smooths them with One-Euro filters.
 */
export class HandTracker {
  private readonly states: SlotState[] = [0, 1].map(() => ({
    points: new Map(),
    filters: new Map(),
    smoothed: new Map(),
    present: false,
    seenNow: false,
    pinchClosed: false,
    lastSeen: -Infinity,
  }));
  private readonly scratch: Vec2 = { x: 0, y: 0 };
  private readonly thumb: Vec2 = { x: 0, y: 0 };

  /** The two hand slots. */
  get slots(): readonly HandSlot[] {
    return this.states;
  }

  /** Whether any hand is present. */
  get anyPresent(): boolean {
    return this.states.some((s) => s.present);
  }

  /** Forgets all hands (e.g. on a step change). */
  reset(): void {
    for (const state of this.states) {
      state.points.clear();
      state.smoothed.clear();
      state.filters.clear();
      state.present = false;
      state.seenNow = false;
      state.pinchClosed = false;
    }
  }

  /** Marks every hand unseen this frame (the face was lost, so hand positions mean nothing). */
  miss(t: number): void {
    for (const state of this.states) this.markMissing(state, t);
  }

  /** Takes this frame's hands, expressed in `space`. */
  update(hands: readonly HandObservation[], t: number, space: FaceSpace): void {
    const assigned = assignSlots(hands);
    this.states.forEach((state, i) => {
      const hand = assigned[i];
      if (!hand) {
        this.markMissing(state, t);
        return;
      }
      if (t - state.lastSeen > HAND_HOLD_MS) {
        for (const [fx, fy] of state.filters.values()) {
          fx.reset();
          fy.reset();
        }
      }
      state.lastSeen = t;
      state.present = true;
      state.seenNow = true;
      state.points.clear();
      for (const effector of EFFECTORS) {
        if (!effectorPoint(hand.landmarks, effector, this.scratch)) continue;
        let point = state.smoothed.get(effector);
        if (!point) {
          point = { x: 0, y: 0 };
          state.smoothed.set(effector, point);
        }
        const previousX = point.x;
        const previousY = point.y;
        space.toFace(this.scratch.x, this.scratch.y, point);
        let filters = state.filters.get(effector);
        if (!filters) {
          filters = [
            new OneEuroFilter(HAND_MIN_CUTOFF_HZ, HAND_BETA),
            new OneEuroFilter(HAND_MIN_CUTOFF_HZ, HAND_BETA),
          ];
          state.filters.set(effector, filters);
        } else if (Math.hypot(point.x - previousX, point.y - previousY) > JUMP_RESET) {
          // The hand reappeared elsewhere (or tracking jumped): smoothing across the gap would drag it.
          filters[0].reset();
          filters[1].reset();
        }
        point.x = filters[0].filter(point.x, t);
        point.y = filters[1].filter(point.y, t);
        if (postureAllows(hand.landmarks, effector)) state.points.set(effector, point);
      }
      const thumbTip = hand.landmarks[4];
      const indexTip = hand.landmarks[8];
      if (thumbTip && indexTip) {
        space.toFace(thumbTip[0], thumbTip[1], this.thumb);
        space.toFace(indexTip[0], indexTip[1], this.scratch);
        const gap = Math.hypot(this.thumb.x - this.scratch.x, this.thumb.y - this.scratch.y);
        state.pinchClosed = state.pinchClosed ? gap < PINCH_OPEN : gap < PINCH_CLOSE;
      }
    });
  }

  private markMissing(state: SlotState, t: number): void {
    state.seenNow = false;
    state.present = t - state.lastSeen <= HAND_HOLD_MS && state.smoothed.size > 0;
    if (!state.present) state.pinchClosed = false;
  }
}

/** Whether a hand's posture lets an effector touch the skin (see FINGER_EXTENDED and PINCH_REACH). */
export function postureAllows(hand: readonly Point3[], effector: Effector): boolean {
  const wrist = hand[0];
  if (!wrist) return false;
  const reach = (i: number) => {
    const p = hand[i];
    return p ? Math.hypot(p[0] - wrist[0], p[1] - wrist[1]) : 0;
  };
  const extended = (tip: number, knuckle: number) => reach(tip) >= FINGER_EXTENDED * reach(knuckle);
  switch (effector) {
    case 'fingertips':
      return extended(8, 5) && extended(12, 9);
    case 'index':
      return extended(8, 5);
    case 'pinch': {
      const thumb = hand[4];
      const index = hand[8];
      if (!thumb || !index) return false;
      return Math.hypot(thumb[0] - index[0], thumb[1] - index[1]) <= PINCH_REACH * reach(9);
    }
    default:
      return true;
  }
}

/** Pairs hands with the two slots by MediaPipe's handedness label, so each keeps its filters. */
function assignSlots(hands: readonly HandObservation[]): (HandObservation | undefined)[] {
  const slots: (HandObservation | undefined)[] = [undefined, undefined];
  for (const hand of hands) {
    const preferred = hand.handedness === 'Left' ? 0 : 1;
    if (!slots[preferred]) slots[preferred] = hand;
    else if (!slots[1 - preferred]) slots[1 - preferred] = hand;
  }
  return slots;
}
