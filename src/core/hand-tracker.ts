import { EFFECTORS, effectorPoint } from './effectors';
import type { FaceSpace } from './face-space';
import type { HandObservation } from './frame';
import { OneEuroFilter } from './one-euro-filter';
import type { Effector } from './routine-schema';
import type { Vec2 } from './vec2';

/** Hands lost for longer than this no longer count as present (ms). */
export const HAND_HOLD_MS = 400;
/** Thumb-index gap (face widths) below which a pinch is closed, and above which it is open again. */
const PINCH_CLOSE = 0.07;
const PINCH_OPEN = 0.11;

/** One tracked hand: its effector points in face coordinates, smoothed. */
export interface HandSlot {
  /** Effector points in face coordinates (filtered). */
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
}

/**
 * Keeps up to two hands across frames (paired by MediaPipe's handedness label), expresses their
 * effector points in face coordinates and smooths them with One-Euro filters.
 */
export class HandTracker {
  private readonly states: SlotState[] = [0, 1].map(() => ({
    points: new Map(),
    filters: new Map(),
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
      for (const effector of EFFECTORS) {
        if (!effectorPoint(hand.landmarks, effector, this.scratch)) continue;
        let point = state.points.get(effector);
        if (!point) {
          point = { x: 0, y: 0 };
          state.points.set(effector, point);
        }
        space.toFace(this.scratch.x, this.scratch.y, point);
        let filters = state.filters.get(effector);
        if (!filters) {
          filters = [new OneEuroFilter(), new OneEuroFilter()];
          state.filters.set(effector, filters);
        }
        point.x = filters[0].filter(point.x, t);
        point.y = filters[1].filter(point.y, t);
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
    state.present = t - state.lastSeen <= HAND_HOLD_MS && state.points.size > 0;
    if (!state.present) state.pinchClosed = false;
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
