import { describe, expect, it } from 'vitest';
import { FaceSpace } from '../../src/core/face-space';
import type { HandObservation, Point3 } from '../../src/core/frame';
import {
  HAND_GATE,
  HAND_HOLD_MS,
  HandTracker,
  JUMP_RESET,
  palmSize,
  postureAllows,
} from '../../src/core/hand-tracker';
import { realFace, realHand } from '../support/traces';

describe('hand posture on real hands', () => {
  it('lets extended fingers touch with their tips', () => {
    for (const name of ['woman_sitting_street', 'two_children_faces']) {
      const { hand, size } = realHand(name);
      expect(postureAllows(hand.landmarks, 'fingertips', size), name).toBe(true);
      expect(postureAllows(hand.landmarks, 'index', size), name).toBe(true);
    }
  });

  it('does not take the curled fingertips of a fist or a thumbs-up as touching', () => {
    for (const name of ['hand_thumb_up', 'thumbs_up_white_bg', 'gesture_video_t1.6s']) {
      const { hand, size } = realHand(name);
      expect(postureAllows(hand.landmarks, 'fingertips', size), name).toBe(false);
      expect(postureAllows(hand.landmarks, 'knuckles', size), name).toBe(true);
    }
  });

  it('has no pinch point when the thumb stands far from the index', () => {
    const { hand, size } = realHand('hand_thumb_up');
    expect(postureAllows(hand.landmarks, 'pinch', size)).toBe(false);
    const pinching = hand.landmarks.map((p, i) => (i === 4 ? (hand.landmarks[8] ?? p) : p));
    expect(postureAllows(pinching, 'pinch', size)).toBe(true);
  });

  it('measures the posture in pixels, so a wide frame does not curl the fingers', () => {
    const { hand, size } = realHand('woman_sitting_street');
    // The same hand in a frame twice as wide: normalised x halves, the pixels stay.
    const wide = { width: size.width * 2, height: size.height };
    const squeezed = hand.landmarks.map((p) => [p[0] / 2, p[1], p[2]] as Point3);
    expect(postureAllows(squeezed, 'fingertips', wide)).toBe(
      postureAllows(hand.landmarks, 'fingertips', size),
    );
  });
});

const face = realFace('bg_face_640x480');
const space = new FaceSpace();
space.fit(face.landmarks, face.size);
const source = realHand('woman_sitting_street');

/** The real hand moved so its wrist sits at face coordinates (x, y), scaled about the wrist. */
function handAt(
  x: number,
  y: number,
  scale = 1,
  handedness: 'Left' | 'Right' = 'Right',
): HandObservation {
  const target = space.toImage(x, y, { x: 0, y: 0 });
  const wrist = source.hand.landmarks[0] as Point3;
  const k = (space.pixelWidth * 0.45) / (palmSize(source.hand.landmarks, space) * space.pixelWidth);
  return {
    handedness,
    score: 0.9,
    landmarks: source.hand.landmarks.map((p) => [
      target.x + (p[0] - wrist[0]) * k * scale,
      target.y + (p[1] - wrist[1]) * k * scale,
      (p[2] - wrist[2]) * k * scale,
    ]),
  };
}

describe('HandTracker', () => {
  it('keeps each hand in its slot by position while the handedness labels flip', () => {
    const tracker = new HandTracker();
    tracker.update([handAt(-0.4, 0.3, 1, 'Right'), handAt(0.4, 0.3, 1, 'Left')], 0, space);
    const ids = tracker.slots.map((s) => s.id);
    const xs = tracker.slots.map((s) => Math.sign(s.center.x));
    for (let i = 1; i <= 10; i++) {
      // Both labels flip, and the order MediaPipe lists them in swaps too.
      const labels = i % 2 ? (['Left', 'Right'] as const) : (['Right', 'Left'] as const);
      tracker.update(
        [handAt(0.4 - i * 0.01, 0.3, 1, labels[1]), handAt(-0.4 + i * 0.01, 0.3, 1, labels[0])],
        i * 40,
        space,
      );
      expect(tracker.slots.map((s) => s.id)).toEqual(ids);
      expect(tracker.slots.map((s) => Math.sign(s.center.x))).toEqual(xs);
    }
  });

  it('keeps a hand through a dropout of half a second, and takes one seen far away as new', () => {
    const tracker = new HandTracker();
    tracker.update([handAt(-0.3, 0.4)], 0, space);
    const id = tracker.slots[0]?.id;
    tracker.update([], 200, space);
    expect(tracker.slots[0]?.present).toBe(true);
    expect(tracker.slots[0]?.seenNow).toBe(false);
    tracker.update([handAt(-0.25, 0.42)], HAND_HOLD_MS, space);
    expect(tracker.slots[0]?.id).toBe(id);
    // Beyond the gate a frame later: another hand, not this one.
    tracker.update([handAt(-0.25 + HAND_GATE + 0.25, 0.42)], HAND_HOLD_MS + 40, space);
    expect(tracker.slots.find((s) => s.seenNow)?.id).not.toBe(id);
    tracker.update([], HAND_HOLD_MS * 3, space);
    expect(tracker.anyPresent).toBe(false);
  });

  it('keeps its hand when the model reports a second copy of it for a frame', () => {
    // Seen live: a hand gliding along the jaw reported twice in one frame, a misshapen copy beside
    // it; the next frame, only the hand, moved on past where the copy was. The copy must not take
    // the hand from the slot that has followed it.
    const tracker = new HandTracker();
    // Seen once before: from its second frame on, a hand is confirmed.
    tracker.update([handAt(-0.27, 0.4)], 198, space);
    const followed = tracker.slots.find((s) => s.seenNow)?.id;
    // The copy where the hand just was, the hand gone on: the slot keeps the nearer, the copy.
    tracker.update([handAt(-0.21, 0.4, 0.9), handAt(-0.13, 0.4)], 264, space);
    expect(tracker.slots.filter((s) => s.seenNow)).toHaveLength(2);
    tracker.update([handAt(-0.09, 0.4)], 400, space);
    const seen = tracker.slots.filter((s) => s.seenNow);
    expect(seen.map((s) => s.id)).toEqual([followed]);
  });

  it('starts the smoothing afresh when a point jumps, instead of dragging it across', () => {
    const tracker = new HandTracker();
    for (let i = 0; i < 10; i++) tracker.update([handAt(-0.3, 0.4)], i * 40, space);
    const before = { ...(tracker.slots[0]?.smoothed.get('knuckles') ?? { x: 0, y: 0 }) };
    const jump = JUMP_RESET + 0.03;
    tracker.update([handAt(-0.3 + jump, 0.4)], 400, space);
    const after = tracker.slots[0]?.smoothed.get('knuckles') ?? { x: 0, y: 0 };
    expect(tracker.slots[0]?.seenNow).toBe(true);
    expect(after.x - before.x).toBeCloseTo(jump, 3);
  });

  it('smooths small moves', () => {
    const tracker = new HandTracker();
    for (let i = 0; i < 10; i++) tracker.update([handAt(-0.3, 0.4)], i * 40, space);
    tracker.update([handAt(-0.28, 0.4)], 400, space);
    const x = tracker.slots[0]?.smoothed.get('knuckles')?.x ?? 0;
    const raw = new HandTracker();
    raw.update([handAt(-0.28, 0.4)], 0, space);
    const rawX = raw.slots[0]?.smoothed.get('knuckles')?.x ?? 0;
    expect(rawX - x).toBeGreaterThan(0.005);
  });

  it('restarts the smoothing of a hand seen again after missing a few frames', () => {
    const tracker = new HandTracker();
    for (let i = 0; i < 10; i++) tracker.update([handAt(-0.3, 0.4)], i * 40, space);
    for (let t = 400; t < 600; t += 40) tracker.update([], t, space);
    tracker.update([handAt(-0.2, 0.4)], 600, space);
    const x = tracker.slots[0]?.smoothed.get('knuckles')?.x ?? 0;
    const raw = new HandTracker();
    raw.update([handAt(-0.2, 0.4)], 0, space);
    expect(x).toBeCloseTo(raw.slots[0]?.smoothed.get('knuckles')?.x ?? 0, 6);
    expect(tracker.slots[0]?.inViewSince).toBe(600);
  });

  it('keeps smoothing a hand seen in every frame, however slow the frames come', () => {
    const tracker = new HandTracker();
    // Four frames a second: each frame is longer than a short dropout, but none was missed.
    for (let i = 0; i < 8; i++) tracker.update([handAt(-0.3, 0.4)], i * 250, space);
    tracker.update([handAt(-0.2, 0.4)], 2000, space);
    const x = tracker.slots[0]?.smoothed.get('knuckles')?.x ?? 0;
    const raw = new HandTracker();
    raw.update([handAt(-0.2, 0.4)], 0, space);
    expect((raw.slots[0]?.smoothed.get('knuckles')?.x ?? 0) - x).toBeGreaterThan(1e-4);
    expect(tracker.slots[0]?.inViewSince).toBe(0);
  });

  it('measures the palm in 3D, so turning the hand changes its size little', () => {
    const hand = handAt(0, 0.4).landmarks;
    const size = palmSize(hand, space);
    // Turned 50 degrees about the vertical axis through the wrist.
    const w = hand[0] as Point3;
    const a = (50 * Math.PI) / 180;
    const turned = hand.map((p) => {
      const x = (p[0] - w[0]) * face.size.width;
      const z = (p[2] - w[2]) * face.size.width;
      return [
        w[0] + (x * Math.cos(a) + z * Math.sin(a)) / face.size.width,
        p[1],
        w[2] + (-x * Math.sin(a) + z * Math.cos(a)) / face.size.width,
      ] as Point3;
    });
    expect(palmSize(turned, space)).toBeCloseTo(size, 2);
    expect(palmSize(handAt(0, 0.4, 1.3).landmarks, space)).toBeCloseTo(size * 1.3, 2);
  });

  it('forgets its hands on reset: the next hand seen is a new one', () => {
    const tracker = new HandTracker();
    tracker.update([handAt(-0.3, 0.4)], 0, space);
    const before = tracker.slots[0]?.id;
    tracker.reset();
    expect(tracker.anyPresent).toBe(false);
    expect(tracker.slots.every((s) => s.smoothed.size === 0 && !s.seenNow)).toBe(true);
    tracker.update([handAt(-0.3, 0.4)], 40, space);
    const seen = tracker.slots.find((s) => s.seenNow);
    expect(seen?.id).not.toBe(before);
  });

  it('marks hands unseen when the face is lost', () => {
    const tracker = new HandTracker();
    tracker.update([handAt(-0.3, 0.4)], 0, space);
    tracker.miss(40);
    expect(tracker.slots[0]?.seenNow).toBe(false);
    expect(tracker.slots[0]?.present).toBe(true);
    tracker.miss(40 + HAND_HOLD_MS + 1);
    expect(tracker.slots[0]?.present).toBe(false);
  });
});

/** A flat hand: wrist at (0.5, 0.5), fingers pointing up; `curl` folds a finger's tip back to its knuckle. */
function flatHand(curled: { index?: boolean; middle?: boolean } = {}): Point3[] {
  const points: Point3[] = Array.from({ length: 21 }, () => [0.5, 0.5, 0] as Point3);
  const finger = (base: number, x: number, curl: boolean) => {
    for (let k = 0; k < 4; k++) {
      const along = curl && k > 0 ? 0.1 - 0.02 * k : 0.1 + 0.04 * k;
      points[base + k] = [x, 0.5 - along, 0];
    }
  };
  finger(1, 0.44, false);
  finger(5, 0.47, curled.index ?? false);
  finger(9, 0.5, curled.middle ?? false);
  finger(13, 0.53, false);
  finger(17, 0.56, false);
  return points;
}

describe('hand measures', () => {
  const size = { width: 640, height: 480 };

  it('needs both the index and the middle finger out for a fingertip touch, only the index for an index touch', () => {
    expect(postureAllows(flatHand(), 'fingertips', size)).toBe(true);
    expect(postureAllows(flatHand({ middle: true }), 'fingertips', size)).toBe(false);
    expect(postureAllows(flatHand({ middle: true }), 'index', size)).toBe(true);
    expect(postureAllows(flatHand({ index: true }), 'index', size)).toBe(false);
    expect(postureAllows(flatHand({ index: true, middle: true }), 'knuckles', size)).toBe(true);
    expect(postureAllows([], 'knuckles', size)).toBe(false);
  });

  it('measures the palm as the mean of its three edges in pixels, over the face width', () => {
    const hand: Point3[] = Array.from({ length: 21 }, () => [0.5, 0.5, 0] as Point3);
    hand[5] = [0.6, 0.5, 0]; // 64 px from the wrist
    hand[17] = [0.5, 0.6, 0]; // 48 px from the wrist, 80 px from the index base
    expect(palmSize(hand, space) * space.pixelWidth).toBeCloseTo(64, 6);
  });

  it('keeps a pinch closed while the hand is briefly unseen, and opens it once the hand is gone', () => {
    const tracker = new HandTracker();
    const pinching = handAt(-0.3, 0.4);
    const landmarks = pinching.landmarks.map((p, i) =>
      i === 4 ? (pinching.landmarks[8] as Point3) : p,
    );
    tracker.update([{ ...pinching, landmarks }], 0, space);
    expect(tracker.slots[0]?.pinchClosed).toBe(true);
    tracker.miss(HAND_HOLD_MS);
    expect(tracker.slots[0]?.present).toBe(true);
    expect(tracker.slots[0]?.pinchClosed).toBe(true);
    tracker.miss(HAND_HOLD_MS + 1);
    expect(tracker.slots[0]?.pinchClosed).toBe(false);
  });

  it('centres a hand on its palm: the wrist and the bases of the fingers', () => {
    const tracker = new HandTracker();
    const hand = handAt(-0.3, 0.4);
    tracker.update([hand], 0, space);
    const palm = [0, 5, 9, 13, 17].map((i) => hand.landmarks[i] as Point3);
    const mean = (c: 0 | 1) => palm.reduce((sum, p) => sum + p[c], 0) / palm.length;
    const expected = space.toFace(mean(0), mean(1), { x: 0, y: 0 });
    expect(tracker.slots[0]?.center.x).toBeCloseTo(expected.x, 9);
    expect(tracker.slots[0]?.center.y).toBeCloseTo(expected.y, 9);
  });

  it('lets a hand unseen for longer have moved farther and still be the same hand', () => {
    const tracker = new HandTracker();
    tracker.update([handAt(-0.3, 0.4)], 0, space);
    const id = tracker.slots[0]?.id;
    // 0.6 face widths in 400 ms unseen: within the gate, which widens with the time unseen.
    tracker.update([handAt(0.3, 0.4)], 400, space);
    expect(tracker.slots.find((s) => s.seenNow)?.id).toBe(id);
  });

  it('follows the palm size smoothly from frame to frame, and at once after a long gap', () => {
    const tracker = new HandTracker();
    tracker.update([handAt(-0.3, 0.4, 1)], 0, space);
    const first = tracker.slots[0]?.palmSize ?? 0;
    tracker.update([handAt(-0.3, 0.4, 1.5)], 40, space);
    const grown = palmSize(handAt(-0.3, 0.4, 1.5).landmarks, space);
    const share = ((tracker.slots[0]?.palmSize ?? 0) - first) / (grown - first);
    // One frame at 25 a second goes about a quarter of the way.
    expect(share).toBeGreaterThan(0.2);
    expect(share).toBeLessThan(0.3);
    tracker.update([handAt(-0.3, 0.4, 1.5)], 1040, space);
    const after = ((tracker.slots[0]?.palmSize ?? 0) - first) / (grown - first);
    expect(after).toBeGreaterThan(0.99);
    expect(after).toBeLessThanOrEqual(1);
  });
});
