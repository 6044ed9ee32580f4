import { describe, expect, it } from 'vitest';
import type { TrackedFrame } from '../../src/core/frame';
import { FrameStore } from '../../src/core/frame-store';
import { loadTrace } from '../support/traces';

const recorded = loadTrace('gesture_video_t1.6s').frames;

describe('FrameStore', () => {
  it('gives back the frames it took, landmarks to four decimals', () => {
    const store = new FrameStore(100);
    const frames: TrackedFrame[] = recorded.map((f, i) => ({ ...f, t: i * 33.3 }));
    for (const frame of frames) store.add(frame);
    const back = store.frames();
    expect(back).toHaveLength(frames.length);
    back.forEach((frame, i) => {
      const original = frames[i] as TrackedFrame;
      expect(frame.t).toBe(original.t);
      expect(frame.face === null).toBe(original.face === null);
      original.face?.landmarks.forEach((p, k) => {
        const q = frame.face?.landmarks[k] ?? [9, 9, 9];
        for (let c = 0; c < 3; c++)
          expect(Math.abs((q[c] ?? 0) - (p[c] ?? 0))).toBeLessThanOrEqual(5e-5);
      });
      expect(frame.face?.matrix?.length).toBe(original.face?.matrix?.length);
      expect(Object.keys(frame.face?.blendshapes ?? {})).toEqual(
        Object.keys(original.face?.blendshapes ?? {}),
      );
      expect(frame.hands.map((h) => h.handedness)).toEqual(original.hands.map((h) => h.handedness));
      frame.hands.forEach((hand, h) => {
        expect(hand.score).toBeCloseTo(original.hands[h]?.score ?? -1, 5);
        expect(hand.landmarks[8]?.[0]).toBeCloseTo(original.hands[h]?.landmarks[8]?.[0] ?? -1, 4);
      });
    });
  });

  it('keeps only the most recent frames, and lets go of the memory of older ones', () => {
    const store = new FrameStore(300);
    const frame = recorded.find((f) => f.face && f.hands.length > 0) as TrackedFrame;
    for (let t = 0; t < 2000; t++) store.add({ ...frame, t });
    expect(store.length).toBe(300);
    expect(store.frames().map((f) => f.t)).toEqual(Array.from({ length: 300 }, (_, i) => 1700 + i));
    // Storage comes in blocks of 256 frames of under 3.5 kB each: 300 frames span two blocks,
    // whatever came before (a JS array of arrays takes some 40 kB a frame).
    expect(store.bytes).toBeLessThanOrEqual(2 * 256 * 3500);
    store.clear();
    expect(store.length).toBe(0);
    expect(store.bytes).toBe(0);
  });
});
