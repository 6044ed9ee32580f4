import { describe, expect, it } from 'vitest';
import type { FrameSize, Point3 } from '../../src/core/frame';
import { classifyGesture, fingerStates } from '../../src/core/hand-gesture';
import { readTraceFile } from '../corpus/recorded';
import { loadTrace, realHand } from '../support/traces';

/** Every hand of a recorded trace, with the trace's frame size. */
function hands(trace: {
  width: number;
  height: number;
  frames: readonly { hands: readonly { landmarks: readonly Point3[] }[] }[];
}) {
  const size: FrameSize = { width: trace.width, height: trace.height };
  return trace.frames.flatMap((f) => f.hands.map((h) => ({ size, landmarks: h.landmarks })));
}

const share = (list: ReturnType<typeof hands>, gesture: string | null) =>
  list.filter((h) => classifyGesture(h.landmarks, h.size) === gesture).length / list.length;

describe('hand signs on real landmarks', () => {
  it('reads a thumbs-up in three different photos', () => {
    for (const name of ['hand_thumb_up', 'thumbs_up_white_bg', 'two_hands_thumbs_up']) {
      const { hand, size } = realHand(name);
      expect(fingerStates(hand.landmarks, size)).toEqual(['curled', 'curled', 'curled', 'curled']);
      expect(classifyGesture(hand.landmarks, size), name).toBe('thumbs-up');
    }
  });

  it('reads open hands as an open palm, whichever way they point', () => {
    for (const name of ['two_children_faces', 'woman_sitting_street']) {
      for (const h of hands(loadTrace(name)))
        expect(classifyGesture(h.landmarks, h.size)).toBe('open-palm');
    }
    // The open hand of the fixture video, fingers down, moved along the face in a recording.
    expect(
      share(hands(readTraceFile('chin-flicks-correct-open.trace.json.gz', false)), 'open-palm'),
    ).toBe(1);
  });

  it('reads no sign in a fist, and none in a hand holding glasses', () => {
    for (const name of ['gesture_video_t1.6s', 'gesture_video_t2.6s', 'business_person']) {
      const { hand, size } = realHand(name);
      expect(classifyGesture(hand.landmarks, size), name).toBeNull();
    }
    const fists = hands(readTraceFile('jaw-to-cheekbone-reversed-fist.trace.json.gz', false));
    expect(share(fists, null)).toBe(1);
  });

  it('tells a thumbs-up from a fist with the thumb down', () => {
    const { hand, size } = realHand('hand_thumb_up');
    // The same hand upside down: the thumb points to the floor.
    const flipped = hand.landmarks.map(([x, y, z]) => [x, 1 - y, z] as Point3);
    expect(classifyGesture(flipped, size)).toBeNull();
  });

  it('reads a victory sign: index and middle finger straight, the others curled', () => {
    const open = hands(loadTrace('two_children_faces'))[0];
    if (!open) throw new Error('no open hand');
    const o = open.landmarks;
    // Ring and little fingertips folded back to their knuckles, 30% of the way to the wrist.
    const fold = (knuckle: number): Point3 => {
      const k = o[knuckle] as Point3;
      const w = o[0] as Point3;
      return [k[0] + (w[0] - k[0]) * 0.3, k[1] + (w[1] - k[1]) * 0.3, k[2]];
    };
    const victory = o.map((p, i) =>
      i === 15 || i === 16 ? fold(13) : i === 19 || i === 20 ? fold(17) : p,
    );
    expect(fingerStates(victory, open.size)).toEqual(['extended', 'extended', 'curled', 'curled']);
    expect(classifyGesture(victory, open.size)).toBe('victory');
    // Only the little finger folded: no sign.
    const three = o.map((p, i) => (i === 19 || i === 20 ? fold(17) : p));
    expect(classifyGesture(three, open.size)).toBeNull();
    // The index or the middle finger folded as well, or the ring finger straight: no sign.
    const folded = (tips: Record<number, number>) =>
      victory.map((p, i) => (tips[i] === undefined ? p : fold(tips[i] as number)));
    expect(classifyGesture(folded({ 7: 5, 8: 5 }), open.size)).toBeNull();
    expect(classifyGesture(folded({ 11: 9, 12: 9 }), open.size)).toBeNull();
    const ringUp = victory.map((p, i) => (i === 15 || i === 16 ? (o[i] as Point3) : p));
    expect(classifyGesture(ringUp, open.size)).toBeNull();
  });

  it('needs the thumb out of the fist and pointing up for a thumbs-up', () => {
    const { hand, size } = realHand('hand_thumb_up');
    const h = hand.landmarks;
    // Turned about the wrist in the picture (in pixels). The thumb leans 18° to the right: up to
    // about 45° either side of straight up it still points up.
    const turned = (degrees: number) => {
      const [wx, wy] = h[0] as Point3;
      const a = (degrees * Math.PI) / 180;
      return h.map(([x, y, z]) => {
        const px = (x - wx) * size.width;
        const py = (y - wy) * size.height;
        return [
          wx + (px * Math.cos(a) - py * Math.sin(a)) / size.width,
          wy + (px * Math.sin(a) + py * Math.cos(a)) / size.height,
          z,
        ] as Point3;
      });
    };
    expect(classifyGesture(turned(20), size)).toBe('thumbs-up');
    expect(classifyGesture(turned(-55), size)).toBe('thumbs-up');
    expect(classifyGesture(turned(35), size)).toBeNull();
    expect(classifyGesture(turned(-72), size)).toBeNull();
    // The thumb tucked against the index knuckle, still pointing up: a fist.
    const [ix, iy, iz] = h[5] as Point3;
    const [, my] = h[2] as Point3;
    const tucked = h.map((p, i) => (i === 4 ? ([ix, iy - 0.2 * (my - iy), iz] as Point3) : p));
    expect(classifyGesture(tucked, size)).toBeNull();
  });
});
