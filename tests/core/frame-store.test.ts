import { describe, expect, it } from 'vitest';
import type { Point3, TrackedFrame } from '../../src/core/frame';
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

  it('keeps every part of every frame apart, over several blocks of storage', () => {
    // 600 frames, each with its own values everywhere: none, one or two hands of either side, a
    // face with or without its matrix and blendshapes, or no face at all.
    const value = (frame: number, k: number) =>
      (((frame * 7919 + k * 104729) % 20000) - 10000) / 1e4;
    const frames: TrackedFrame[] = Array.from({ length: 600 }, (_, i) => {
      const face =
        i % 5 === 4
          ? null
          : {
              landmarks: Array.from({ length: 478 }, (_, p) => {
                const point: Point3 = [value(i, 3 * p), value(i, 3 * p + 1), value(i, 3 * p + 2)];
                return point;
              }),
              ...(i % 2 === 0
                ? { matrix: Array.from({ length: 16 }, (_, m) => value(i, 5000 + m)) }
                : {}),
              ...(i % 3 !== 1
                ? {
                    blendshapes: { jawOpen: value(i, 6000) / 2 + 0.5, browInnerUp: value(i, 6001) },
                  }
                : {}),
            };
      const hands = Array.from({ length: i % 3 }, (_, h) => ({
        handedness: (i + h) % 2 === 0 ? ('Left' as const) : ('Right' as const),
        score: 0.5 + value(i, 7000 + h) / 4,
        landmarks: Array.from({ length: 21 }, (_, p) => {
          const point: Point3 = [
            value(i, 8000 + 100 * h + 3 * p),
            value(i, 8001 + 100 * h + 3 * p),
            value(i, 8002 + 100 * h + 3 * p),
          ];
          return point;
        }),
      }));
      return { t: 1000 + 33.3 * i, face, hands };
    });
    const store = new FrameStore(1000);
    for (const frame of frames) store.add(frame);
    const back = store.frames();
    const round = (v: number) => Math.round(v * 1e4) / 1e4;
    const rounded = (points: readonly Point3[]) => points.map((p) => p.map(round));
    expect(back).toHaveLength(600);
    back.forEach((frame, i) => {
      const original = frames[i] as TrackedFrame;
      expect(frame.t).toBe(original.t);
      expect(frame.face === null, String(i)).toBe(original.face === null);
      if (original.face && frame.face) {
        expect(rounded(frame.face.landmarks), String(i)).toEqual(rounded(original.face.landmarks));
        expect(frame.face.matrix?.map((m) => Math.fround(m))).toEqual(
          original.face.matrix?.map((m) => Math.fround(m)),
        );
        const blend = frame.face.blendshapes;
        expect(blend && Object.keys(blend)).toEqual(
          original.face.blendshapes && Object.keys(original.face.blendshapes),
        );
        for (const [name, score] of Object.entries(original.face.blendshapes ?? {}))
          expect(blend?.[name]).toBeCloseTo(score, 6);
      }
      expect(
        frame.hands.map((h) => h.handedness),
        String(i),
      ).toEqual(original.hands.map((h) => h.handedness));
      frame.hands.forEach((hand, h) => {
        const was = original.hands[h];
        expect(hand.score).toBeCloseTo(was?.score ?? -1, 6);
        expect(rounded(hand.landmarks)).toEqual(rounded(was?.landmarks ?? []));
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
    expect(store.bytes).toBeGreaterThan(2 * 256 * 3000);
    store.clear();
    expect(store.length).toBe(0);
    expect(store.bytes).toBe(0);
  });
});
