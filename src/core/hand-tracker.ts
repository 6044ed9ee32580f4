import { effectorPoint } from './effectors';
import type { FaceSpace } from './face-space';
import type { FrameSize, HandObservation, Point3 } from './frame';
import { OneEuroFilter } from './one-euro-filter';
import { EFFECTORS, type Effector } from './routine-schema';
import type { Vec2 } from './vec2';

/**
 * A hand slot outlives dropouts up to this long (ms): MediaPipe often loses a hand for a few
 * frames while it touches the face, and the stroke it was making must survive that.
 */
export const HAND_HOLD_MS = 500;
/**
 * A hand seen this frame is the same hand as a slot's when its palm centre lies within this many
 * face widths of where the slot's hand was, plus HAND_GATE_SPEED face widths per second of
 * absence (hands move fast between frames in a flick, and farther during a dropout).
 */
export const HAND_GATE = 0.3;
export const HAND_GATE_SPEED = 2.5;
/**
 * A slot's hand is confirmed once seen in this many frames. A hand the model reports for a single
 * frame is often a second, misshapen copy of a hand already followed: an unconfirmed slot never
 * takes a hand from a confirmed one.
 */
const CONFIRM_FRAMES = 2;
/** Thumb-index gap (face widths) below which a pinch is closed, and above which it is open again. */
const PINCH_CLOSE = 0.07;
const PINCH_OPEN = 0.11;

/**
 * A fingertip reaches out (able to touch the skin) once it is at least FINGER_EXTENDED times
 * farther from the wrist than its knuckle, and counts as curled again below FINGER_CURLED: the
 * gap keeps a borderline posture from flickering frame to frame.
 */
const FINGER_EXTENDED = 1.4;
const FINGER_CURLED = 1.25;
/**
 * One-Euro settings for hand points in face widths: strong smoothing at rest (1.5 Hz) and a
 * cut-off that rises by 4 Hz per face width a second, so a brisk stroke (about one face width a
 * second) is followed at about 6 Hz with little lag.
 */
const HAND_MIN_CUTOFF_HZ = 1.5;
const HAND_BETA = 4;
/** A jump of a hand point (face widths) between frames beyond which its smoothing starts afresh. */
export const JUMP_RESET = 0.25;
/** A hand unseen for longer than this (ms) starts its smoothing afresh. */
const REFILTER_AFTER_MS = 120;
/** A pinch effector needs thumb and index tips within this many palm lengths of each other. */
const PINCH_REACH = 0.75;
/** Palm landmarks: wrist and the four finger bases. */
const PALM = [0, 5, 9, 13, 17] as const;
/** Time constant (ms) of the palm size's smoothing: a share of 0.35 per frame at 15 frames a second. */
const PALM_SIZE_SMOOTHING_MS = 150;

/** One tracked hand: its effector points in face coordinates, smoothed. */
export interface HandSlot {
  /**
   * Changes whenever the slot starts following a different hand, so users of a slot can tell a
   * hand that came back from a new one.
   */
  readonly id: number;
  /**
   * Effector points in face coordinates (filtered), for the effectors the hand's posture allows:
   * no fingertips when the fingers are curled into a fist, no pinch point when thumb and index
   * are far apart.
   */
  readonly points: Map<Effector, Vec2>;
  /** Filtered points of every effector, whatever the posture. */
  readonly smoothed: Map<Effector, Vec2>;
  /** Palm centre in face coordinates (unfiltered). */
  readonly center: Vec2;
  /**
   * Palm size in face widths, from the 3D palm landmarks so that turning the hand changes it
   * little: it grows as the hand comes off the skin toward the camera.
   */
  palmSize: number;
  /** Seen recently enough to count as present (hands vanish for a few frames near the face). */
  present: boolean;
  /**
   * Since when the hand has been in view without a break of more than a frame or
   * REFILTER_AFTER_MS, whichever is longer.
   */
  inViewSince: number;
  /** Seen in the current frame: only then do its points feed recognisers. */
  seenNow: boolean;
  /** Thumb and index tips pinched together (with hysteresis). */
  pinchClosed: boolean;
  lastSeen: number;
}

interface SlotState extends HandSlot {
  id: number;
  /** Frames in which this slot's hand was seen since the slot started following it. */
  framesSeen: number;
  readonly filters: Map<Effector, [OneEuroFilter, OneEuroFilter]>;
  /** Posture per effector, kept with hysteresis. */
  readonly reaching: Map<Effector, boolean>;
}

let nextHandId = 1;

/**
 * Keeps up to two hands across frames, paired by where they are (never by MediaPipe's
 * handedness label, which flips while a hand touches the face), expresses their effector points
 * in face coordinates and smooths them with One-Euro filters.
 */
export class HandTracker {
  private readonly states: SlotState[] = [0, 1].map(() => ({
    id: 0,
    framesSeen: 0,
    points: new Map(),
    filters: new Map(),
    smoothed: new Map(),
    reaching: new Map(),
    center: { x: 0, y: 0 },
    palmSize: 0,
    present: false,
    seenNow: false,
    pinchClosed: false,
    lastSeen: -Infinity,
    inViewSince: -Infinity,
  }));
  /** Times of the previous update (or miss) and of the current one. */
  private previousUpdateT = Number.NaN;
  private updateT = Number.NaN;
  private readonly scratch: Vec2 = { x: 0, y: 0 };
  private readonly thumb: Vec2 = { x: 0, y: 0 };
  private readonly centers: Vec2[] = [];
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
      this.restart(state);
      state.present = false;
      state.seenNow = false;
      state.lastSeen = -Infinity;
    }
  }

  /** Marks every hand unseen this frame (the face was lost, so hand positions mean nothing). */
  miss(t: number): void {
    this.advance(t);
    for (const state of this.states) this.markMissing(state, t);
  }

  /** Takes this frame's hands, expressed in `space`. */
  update(hands: readonly HandObservation[], t: number, space: FaceSpace): void {
    this.advance(t);
    const observed = hands.slice(0, this.states.length);
    observed.forEach((hand, i) => {
      this.centers[i] ??= { x: 0, y: 0 };
      palmCenter(hand.landmarks, space, this.centers[i] as Vec2);
    });
    const assigned = this.pair(observed.length, t);
    this.states.forEach((state, i) => {
      const index = assigned[i] ?? -1;
      const hand = observed[index];
      if (!hand) {
        this.markMissing(state, t);
        return;
      }
      this.follow(state, hand, this.centers[index] as Vec2, t, space);
    });
  }

  private advance(t: number): void {
    this.previousUpdateT = this.updateT;
    this.updateT = t;
  }

  /**
   * Pairs this frame's hands with the slots: the pairing with the least total distance among
   * those within the gate; a hand with no slot in reach takes a free slot (or the staler one).
   * Returns, per slot, the index of its hand or -1.
   */
  private pair(count: number, t: number): number[] {
    const [a, b] = this.states as [SlotState, SlotState];
    const cost = (state: SlotState, hand: number): number => {
      if (!state.present || hand >= count) return Infinity;
      const c = this.centers[hand] as Vec2;
      const d = Math.hypot(c.x - state.center.x, c.y - state.center.y);
      const gate = HAND_GATE + (HAND_GATE_SPEED * Math.max(0, t - state.lastSeen)) / 1000;
      return d <= gate ? d : Infinity;
    };
    // With two slots and at most two hands there are two ways to pair them: compare both. The one
    // that keeps more confirmed hands wins, then the one that keeps more hands, then the nearer.
    const straight = [cost(a, 0), cost(b, 1)];
    const crossed = [cost(a, 1), cost(b, 0)];
    const score = (pair: number[]): number[] => {
      const confirmed = pair.filter(
        (d, slot) =>
          Number.isFinite(d) && (this.states[slot] as SlotState).framesSeen >= CONFIRM_FRAMES,
      );
      const matched = pair.filter(Number.isFinite);
      return [confirmed.length, matched.length, -matched.reduce((s, d) => s + d, 0)];
    };
    const useCrossed = ranksHigher(score(crossed), score(straight));
    const pairs = useCrossed ? crossed : straight;
    const result = [-1, -1];
    const taken = new Set<number>();
    pairs.forEach((d, slot) => {
      if (!Number.isFinite(d)) return;
      const hand = useCrossed ? 1 - slot : slot;
      result[slot] = hand;
      taken.add(hand);
    });
    for (let hand = 0; hand < count; hand++) {
      if (taken.has(hand)) continue;
      const free = [0, 1]
        .filter((slot) => result[slot] === -1)
        .sort((x, y) => {
          const sx = this.states[x] as SlotState;
          const sy = this.states[y] as SlotState;
          // An absent slot goes first, then the one seen longest ago.
          return Number(sx.present) - Number(sy.present) || sx.lastSeen - sy.lastSeen;
        })[0];
      if (free === undefined) break;
      result[free] = hand;
      this.restart(this.states[free] as SlotState);
    }
    return result;
  }

  /** Makes a slot follow a new hand: nothing of the previous hand carries over. */
  private restart(state: SlotState): void {
    state.id = nextHandId++;
    state.framesSeen = 0;
    state.smoothed.clear();
    state.filters.clear();
    state.reaching.clear();
    state.points.clear();
    state.pinchClosed = false;
    state.palmSize = 0;
    state.lastSeen = -Infinity;
  }

  private follow(
    state: SlotState,
    hand: HandObservation,
    center: Vec2,
    t: number,
    space: FaceSpace,
  ): void {
    // Missing from a frame or more, for longer than REFILTER_AFTER_MS (at a low frame rate one
    // frame is longer than that, and a hand seen in every frame has not been away).
    const away = state.lastSeen !== this.previousUpdateT && t - state.lastSeen > REFILTER_AFTER_MS;
    if (away) {
      // The hand moved unseen: smoothing from where it vanished would drag it along a path it never took.
      for (const [fx, fy] of state.filters.values()) {
        fx.reset();
        fy.reset();
      }
      state.inViewSince = t;
    }
    const sinceSeen = t - state.lastSeen;
    state.lastSeen = t;
    state.framesSeen++;
    state.present = true;
    state.seenNow = true;
    state.center.x = center.x;
    state.center.y = center.y;
    const size = palmSize(hand.landmarks, space);
    const share = 1 - Math.exp(-sinceSeen / PALM_SIZE_SMOOTHING_MS);
    state.palmSize = state.palmSize > 0 ? state.palmSize + share * (size - state.palmSize) : size;
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
        // Tracking jumped: smoothing across the gap would drag the point through places it never was.
        filters[0].reset();
        filters[1].reset();
      }
      point.x = filters[0].filter(point.x, t);
      point.y = filters[1].filter(point.y, t);
      const reaching = postureReaches(
        hand.landmarks,
        effector,
        { width: space.frameWidth, height: space.frameHeight },
        state.reaching.get(effector),
      );
      state.reaching.set(effector, reaching);
      if (reaching) state.points.set(effector, point);
    }
    const thumbTip = hand.landmarks[4];
    const indexTip = hand.landmarks[8];
    if (thumbTip && indexTip) {
      space.toFace(thumbTip[0], thumbTip[1], this.thumb);
      space.toFace(indexTip[0], indexTip[1], this.scratch);
      const gap = Math.hypot(this.thumb.x - this.scratch.x, this.thumb.y - this.scratch.y);
      state.pinchClosed = state.pinchClosed ? gap < PINCH_OPEN : gap < PINCH_CLOSE;
    }
  }

  private markMissing(state: SlotState, t: number): void {
    state.seenNow = false;
    state.present = t - state.lastSeen <= HAND_HOLD_MS && state.smoothed.size > 0;
    if (!state.present) state.pinchClosed = false;
  }
}

/** Palm centre (wrist and finger bases) in face coordinates, written into `out`. */
function palmCenter(hand: readonly Point3[], space: FaceSpace, out: Vec2): Vec2 {
  let x = 0;
  let y = 0;
  let n = 0;
  for (const i of PALM) {
    const p = hand[i];
    if (!p) continue;
    x += p[0];
    y += p[1];
    n++;
  }
  return n > 0 ? space.toFace(x / n, y / n, out) : out;
}

/**
 * Palm size in face widths: the mean 3D length of the wrist-to-index-base, wrist-to-little-base
 * and index-to-little-base edges. MediaPipe's hand z is on the scale of x, so the 3D lengths
 * change little when the hand turns, and mostly with its distance from the camera.
 */
export function palmSize(hand: readonly Point3[], space: FaceSpace): number {
  const edge = (i: number, j: number) => {
    const p = hand[i];
    const q = hand[j];
    if (!p || !q) return 0;
    return Math.hypot(
      (p[0] - q[0]) * space.frameWidth,
      (p[1] - q[1]) * space.frameHeight,
      (p[2] - q[2]) * space.frameWidth,
    );
  };
  const pixels = (edge(0, 5) + edge(0, 17) + edge(5, 17)) / 3;
  return space.pixelWidth > 0 ? pixels / space.pixelWidth : 0;
}

/**
 * Whether a hand's posture lets an effector touch the skin (see FINGER_EXTENDED and PINCH_REACH),
 * for a hand in a camera frame of `size`.
 */
export function postureAllows(
  hand: readonly Point3[],
  effector: Effector,
  size: FrameSize,
): boolean {
  return postureReaches(hand, effector, size, undefined);
}

/**
 * Posture with hysteresis: `before` is the previous frame's answer for the same hand (undefined
 * for a hand just seen), which moves the finger threshold between FINGER_EXTENDED and
 * FINGER_CURLED.
 */
function postureReaches(
  hand: readonly Point3[],
  effector: Effector,
  size: FrameSize,
  before: boolean | undefined,
): boolean {
  const wrist = hand[0];
  if (!wrist) return false;
  // NOTE: normalised coordinates stretch x and y differently in a wide frame; compare pixels.
  const gap = (p: Point3, q: Point3) =>
    Math.hypot((p[0] - q[0]) * size.width, (p[1] - q[1]) * size.height);
  const reach = (i: number) => {
    const p = hand[i];
    return p ? gap(p, wrist) : 0;
  };
  const threshold = before ? FINGER_CURLED : FINGER_EXTENDED;
  const extended = (tip: number, knuckle: number) => reach(tip) >= threshold * reach(knuckle);
  switch (effector) {
    case 'fingertips':
      return extended(8, 5) && extended(12, 9);
    case 'index':
      return extended(8, 5);
    case 'pinch': {
      const thumb = hand[4];
      const index = hand[8];
      if (!thumb || !index) return false;
      return gap(thumb, index) <= PINCH_REACH * reach(9);
    }
    default:
      return true;
  }
}

/** Whether one score ranks above another: compared item by item, the first difference decides. */
function ranksHigher(one: number[], other: number[]): boolean {
  for (let i = 0; i < one.length; i++) {
    const x = one[i] ?? 0;
    const y = other[i] ?? 0;
    if (x !== y) return x > y;
  }
  return false;
}
