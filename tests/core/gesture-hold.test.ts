import { describe, expect, it } from 'vitest';
import type { HandObservation, Point3, TrackedFrame } from '../../src/core/frame';
import { GESTURE_HOLD_MS, GestureHold } from '../../src/core/gesture-hold';
import { readTraceFile, recordedLabels } from '../corpus/recorded';
import { realFace, realHand } from '../support/traces';

const face = realFace();
const thumb = realHand('hand_thumb_up').hand;

/** The thumbs-up hand with its wrist moved to (x, y), `scale` times its size in its picture. */
function handAt(
  x: number,
  y: number,
  hand: HandObservation = thumb,
  // The size a hand has beside a face at this distance.
  scale = 0.5,
): HandObservation {
  const [wx, wy] = hand.landmarks[0] as Point3;
  return {
    ...hand,
    landmarks: hand.landmarks.map(
      ([px, py, pz]) => [x + (px - wx) * scale, y + (py - wy) * scale, pz] as Point3,
    ),
  };
}

const frame = (t: number, hands: HandObservation[]): TrackedFrame => ({
  t,
  face: { landmarks: face.landmarks },
  hands,
});

/** Frames every 66 ms (15 fps) from `from` to `to`, each with what `hands(t)` gives. */
function run(hold: GestureHold, from: number, to: number, hands: (t: number) => HandObservation[]) {
  const fired: { t: number; gesture: string }[] = [];
  let last = null as ReturnType<GestureHold['update']> | null;
  for (let t = from; t <= to; t += 66) {
    last = hold.update(frame(t, hands(t)));
    if (last.fired) fired.push({ t, gesture: last.fired });
  }
  return { fired, last };
}

describe('GestureHold', () => {
  it('gives a command once when a sign is held still beside the face for a second', () => {
    const hold = new GestureHold(face.size);
    const { fired } = run(hold, 0, 3000, () => [handAt(0.08, 0.9)]);
    expect(fired).toHaveLength(1);
    expect(fired[0]?.gesture).toBe('thumbs-up');
    expect(fired[0]?.t).toBeGreaterThanOrEqual(GESTURE_HOLD_MS);
    expect(fired[0]?.t).toBeLessThan(GESTURE_HOLD_MS + 100);
  });

  it('shows how far the hold has got, and where', () => {
    const hold = new GestureHold(face.size);
    const { last } = run(hold, 0, 528, () => [handAt(0.08, 0.9)]);
    expect(last?.gesture).toBe('thumbs-up');
    expect(last?.progress).toBeCloseTo(0.53, 1);
    expect(last?.at?.x).toBeGreaterThan(0);
  });

  it('never takes a sign made at the face for a command', () => {
    const hold = new GestureHold(face.size);
    const nose = face.landmarks[1] as Point3;
    const { fired, last } = run(hold, 0, 3000, () => [handAt(nose[0], nose[1])]);
    expect(fired).toEqual([]);
    expect(last?.gesture).toBeNull();
  });

  it('takes no sign from a hand reaching onto the face, wherever its palm is', () => {
    const hold = new GestureHold(face.size);
    const chin = face.landmarks[152] as Point3;
    // The wrist well below the chin, the thumb's tip up on the face.
    const hand = handAt(chin[0], chin[1]);
    const tip = hand.landmarks[4] as Point3;
    const reach = chin[1] - tip[1] + 0.02;
    const { fired } = run(hold, 0, 3000, () => [handAt(chin[0], chin[1] + reach)]);
    expect(fired).toEqual([]);
  });

  it('takes no sign while the face is lost (most often covered by the hands)', () => {
    const hold = new GestureHold(face.size);
    const fired: string[] = [];
    for (let t = 0; t <= 3000; t += 66) {
      const state = hold.update({ t, face: null, hands: [handAt(0.08, 0.9)] });
      if (state.fired) fired.push(state.fired);
    }
    expect(fired).toEqual([]);
  });

  it('takes no sign while a second face is in view, whose hand it may be', () => {
    const hold = new GestureHold(face.size);
    const fired: string[] = [];
    for (let t = 0; t <= 3000; t += 66) {
      const state = hold.update({ ...frame(t, [handAt(0.08, 0.9)]), facesInView: 2 });
      if (state.fired) fired.push(state.fired);
    }
    expect(fired).toEqual([]);
  });

  it('starts over when the hand moves, and only counts a sign held still', () => {
    // Held still low on the right, clear of the face, the sign counts...
    expect(run(new GestureHold(face.size), 0, 1500, () => [handAt(0.8, 0.9)]).fired).toHaveLength(
      1,
    );
    // ...but not sweeping across the same stretch of the picture.
    const hold = new GestureHold(face.size);
    const { fired } = run(hold, 0, 3000, (t) => [handAt(0.68 + (t / 3000) * 0.28, 0.9)]);
    expect(fired).toEqual([]);
  });

  it('keeps a hold through a short dropout, not a long one', () => {
    const short = new GestureHold(face.size);
    const gap = (from: number, to: number) => (t: number) =>
      t >= from && t < to ? [] : [handAt(0.08, 0.9)];
    expect(run(short, 0, 1300, gap(400, 1000)).fired).toHaveLength(1);
    const long = new GestureHold(face.size);
    expect(run(long, 0, 1900, gap(400, 1300)).fired).toEqual([]);
    // Once the hand has been gone that long, the progress ring goes too.
    const gone = new GestureHold(face.size);
    expect(run(gone, 0, 1290, gap(400, 1300)).last?.gesture).toBeNull();
  });

  it('starts over when the sign changes, or when frames stop coming for a while', () => {
    const palm = realHand('woman_sitting_street').hand;
    // Thumbs up 0.6 s, then an open palm, the palm's centre where it was: the palm's second
    // starts there.
    const palmAt = (x: number, y: number, hand: HandObservation) => {
      const wristAtOrigin = handAt(0, 0, hand).landmarks;
      const centre = [0, 5, 9, 13, 17].map((i) => wristAtOrigin[i] as Point3);
      const cx = centre.reduce((sum, p) => sum + p[0], 0) / centre.length;
      const cy = centre.reduce((sum, p) => sum + p[1], 0) / centre.length;
      return handAt(x - cx, y - cy, hand);
    };
    const changed = new GestureHold(face.size);
    const { fired } = run(changed, 0, 2000, (t) => [palmAt(0.12, 0.8, t < 600 ? thumb : palm)]);
    expect(fired).toHaveLength(1);
    expect(fired[0]?.gesture).toBe('open-palm');
    expect(fired[0]?.t).toBeGreaterThanOrEqual(600 + GESTURE_HOLD_MS);
    // No frames at all for 0.8 s (the page hidden, say): the hold before does not count.
    const paused = new GestureHold(face.size);
    expect(run(paused, 0, 400, () => [handAt(0.08, 0.9)]).fired).toEqual([]);
    expect(run(paused, 1200, 1900, () => [handAt(0.08, 0.9)]).fired).toEqual([]);
  });

  it('takes the sign of the hand that makes one, beside a hand that makes none, and says where', () => {
    const fist = realHand('gesture_video_t1.6s').hand;
    const hold = new GestureHold(face.size);
    let given: ReturnType<GestureHold['update']> | null = null;
    for (let t = 0; t <= 1500 && !given; t += 66) {
      const state = hold.update(frame(t, [handAt(0.85, 0.9, fist), handAt(0.08, 0.9)]));
      if (state.fired) given = state;
    }
    expect(given?.fired).toBe('thumbs-up');
    // Where the sign was made: the thumbs-up's palm, low on the left of the picture.
    expect(given?.at?.x).toBeLessThan(0.3);
    expect(given?.at?.y).toBeGreaterThan(0.6);
  });

  it('waits for the hand to be let down before the next command', () => {
    const hold = new GestureHold(face.size);
    const down = (from: number, to: number) => (t: number) =>
      t >= from && t < to ? [] : [handAt(0.08, 0.9)];
    // Up 3 s, down 0.3 s (too short), up again: one command. Then down 1 s and up: a second.
    expect(run(hold, 0, 5000, down(3000, 3300)).fired).toHaveLength(1);
    expect(run(hold, 5066, 8000, down(5066, 6100)).fired).toHaveLength(1);
  });

  it('reports the hold’s progress from when it began, and the palm’s centre', () => {
    const hold = new GestureHold(face.size);
    const hand = handAt(0.08, 0.9);
    const { last } = run(hold, 5000, 5528, () => [hand]);
    expect(last?.progress).toBeCloseTo(0.53, 1);
    const palm = [0, 5, 9, 13, 17].map((i) => hand.landmarks[i] as Point3);
    expect(last?.at?.x).toBeCloseTo(palm.reduce((a, p) => a + p[0], 0) / 5, 6);
    expect(last?.at?.y).toBeCloseTo(palm.reduce((a, p) => a + p[1], 0) / 5, 6);
    // In a short dropout the ring stays where the hold began.
    const gap = hold.update(frame(5600, []));
    expect(gap.gesture).toBe('thumbs-up');
    expect(gap.at).toEqual(last?.at);
  });

  it('takes a sign made above the head or below the chin, clear of the face', () => {
    const ys = face.landmarks.map((p) => p[1]);
    const xs = face.landmarks.map((p) => p[0]);
    const [top, bottom] = [Math.min(...ys), Math.max(...ys)];
    const margin = (Math.max(...xs) - Math.min(...xs)) * 0.15;
    const middle = (Math.min(...xs) + Math.max(...xs)) / 2;
    // This face fills half the picture's height: a hand three fifths its usual size fits above
    // and below it without leaving the picture.
    const small = (x: number, y: number) => handAt(x, y, thumb, 0.3);
    const probe = small(middle, 0.5);
    const handTop = Math.min(...probe.landmarks.map((p) => p[1]));
    const handBottom = Math.max(...probe.landmarks.map((p) => p[1]));
    // Wrist placed so the whole hand sits just above the face's box, then just below it.
    const above = small(middle, 0.5 - (handBottom - (top - margin)) - 0.01);
    const below = small(middle, 0.5 + (bottom + margin - handTop) + 0.01);
    expect(run(new GestureHold(face.size), 0, 1500, () => [above]).fired).toHaveLength(1);
    expect(run(new GestureHold(face.size), 0, 1500, () => [below]).fired).toHaveLength(1);
    // A little nearer, inside the margin around the face, it is at the face.
    const nearAbove = small(middle, 0.5 - (handBottom - (top - margin)) + 0.02);
    expect(run(new GestureHold(face.size), 0, 1500, () => [nearAbove]).fired).toEqual([]);
  });

  it('counts the margin beside the face as the face', () => {
    const xs = face.landmarks.map((p) => p[0]);
    const [left, right] = [Math.min(...xs), Math.max(...xs)];
    const margin = (right - left) * 0.15;
    const chinY = (face.landmarks[152] as Point3)[1];
    const probe = handAt(0.5, chinY);
    const handLeft = Math.min(...probe.landmarks.map((p) => p[0]));
    const handRight = Math.max(...probe.landmarks.map((p) => p[0]));
    // The hand's nearest point half a margin, then a margin and a half, beyond the face's right edge.
    const at = (gap: number) => handAt(0.5 + right + gap - handLeft, chinY);
    expect(run(new GestureHold(face.size), 0, 1500, () => [at(margin / 2)]).fired).toEqual([]);
    expect(run(new GestureHold(face.size), 0, 1500, () => [at(1.5 * margin)]).fired).toHaveLength(
      1,
    );
    // And beyond the left edge.
    const atLeft = (gap: number) => handAt(0.5 - (handRight - (left - gap)), chinY);
    expect(run(new GestureHold(face.size), 0, 1500, () => [atLeft(margin / 2)]).fired).toEqual([]);
    expect(
      run(new GestureHold(face.size), 0, 1500, () => [atLeft(1.5 * margin)]).fired,
    ).toHaveLength(1);
  });

  it('takes no sign from a hand cut by the picture’s edge', () => {
    // Its wrist below the bottom edge, as a hand leaving the picture is still tracked there.
    expect(run(new GestureHold(face.size), 0, 1500, () => [handAt(0.08, 1.02)]).fired).toEqual([]);
    expect(run(new GestureHold(face.size), 0, 1500, () => [handAt(0.08, 0.98)]).fired).toHaveLength(
      1,
    );
  });

  it('forgets a hold under way on reset', () => {
    const hold = new GestureHold(face.size);
    run(hold, 0, 800, () => [handAt(0.08, 0.9)]);
    hold.reset();
    expect(run(hold, 866, 1400, () => [handAt(0.08, 0.9)]).fired).toEqual([]);
  });
});

describe('GestureHold on real massage recordings', () => {
  // Strokes are made with open hands and fists held at the face, often still for a moment: none of
  // it may be taken for a command (an open hand on the smile lines once paused the session).
  for (const { file, label } of recordedLabels()) {
    if (label.expect === 'no-strokes') continue;
    it(`gives no command during ${file.replace('.label.json', '')}`, () => {
      const trace = readTraceFile(label.trace, false);
      const hold = new GestureHold(trace);
      const fired = trace.frames.flatMap((f) => hold.update(f).fired ?? []);
      expect(fired).toEqual([]);
    });
  }
});
