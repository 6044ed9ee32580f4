import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTrace, TraceRecorder, toTrace } from '../../src/core/trace';
import { loadTrace } from '../support/traces';

describe('landmark traces (format v1)', () => {
  const recorded = loadTrace('business_person');

  it('accepts every trace recorded from the real models, left and right hands alike', () => {
    const dir = join(import.meta.dirname, '..', 'data');
    const names = readdirSync(dir).filter((n) => n.endsWith('.trace.json'));
    expect(names.length).toBeGreaterThan(5);
    const hands = new Set<string>();
    for (const name of names) {
      const result = parseTrace(JSON.parse(readFileSync(join(dir, name), 'utf8')));
      expect(result.ok, name).toBe(true);
      if (result.ok)
        for (const f of result.trace.frames) for (const h of f.hands) hands.add(h.handedness);
    }
    expect([...hands].sort()).toEqual(['Left', 'Right']);
  });

  it('round-trips frames through toTrace', () => {
    const frame = recorded.frames[0];
    if (!frame) throw new Error('no frame');
    const trace = toTrace({ width: 958, height: 1358 }, [frame, { ...frame, t: 40 }]);
    const result = parseTrace(JSON.parse(JSON.stringify(trace)));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.trace.frames).toHaveLength(2);
    const a = frame.face?.landmarks[1] ?? [0, 0, 0];
    const b = result.trace.frames[0]?.face?.landmarks[1] ?? [9, 9, 9];
    expect(b[0]).toBeCloseTo(a[0], 4);
    expect(result.trace.frames[0]?.hands[0]?.handedness).toBe(frame.hands[0]?.handedness);
  });

  it('names what is wrong with a bad trace', () => {
    const frame = recorded.frames[0];
    const bad = (patch: object) => parseTrace({ ...recorded, ...patch });
    expect(bad({ format: 'other' })).toEqual({
      ok: false,
      error: 'it is not a massage-coach landmark trace',
    });
    expect(bad({ frames: [frame, frame] })).toEqual({
      ok: false,
      error: 'frame 2 is out of order: times must increase from frame to frame',
    });
    expect(bad({ frames: [{ t: 0, face: { landmarks: [[0, 0, 0]] }, hands: [] }] })).toEqual({
      ok: false,
      error: 'the face in frame 1 does not have the 478 points a face has',
    });
    expect(
      bad({
        frames: [{ t: 0, face: null, hands: [{ handedness: 'Both', score: 1, landmarks: [] }] }],
      }),
    ).toMatchObject({
      ok: false,
    });
  });

  it('keeps only the most recent frames in the recorder', () => {
    const recorder = new TraceRecorder(10);
    for (let t = 0; t < 40; t++) recorder.add({ t, face: null, hands: [] });
    const trace = recorder.toTrace({ width: 640, height: 480 });
    expect(trace.frames).toHaveLength(10);
    expect(trace.frames[0]?.t).toBe(30);
  });

  it('keeps a few decimals: a tenth of a pixel for landmarks, microseconds for time', () => {
    const frame = recorded.frames.find((f) => f.face && f.hands.length > 0);
    if (!frame?.face) throw new Error('no face and hand frame');
    const jittered = {
      t: 1234.56789,
      face: {
        landmarks: frame.face.landmarks.map((p) => [p[0] + 1e-7, p[1], p[2]] as const),
        blendshapes: { jawOpen: 0.123456789 },
        matrix: Array.from({ length: 16 }, (_, i) => i + 0.123456789),
      },
      hands: frame.hands.map((h) => ({ ...h, score: 0.987654321 })),
    };
    const [out] = toTrace({ width: 640, height: 480 }, [jittered]).frames;
    expect(out?.t).toBe(1234.568);
    expect(out?.face?.landmarks[0]).toEqual(
      (frame.face.landmarks[0] as readonly number[]).map((v) => Math.round(v * 1e4) / 1e4),
    );
    expect(out?.face?.blendshapes).toEqual({ jawOpen: 0.1235 });
    expect(out?.face?.matrix?.[3]).toBe(3.12346);
    expect(out?.hands[0]?.score).toBe(0.9877);
    expect(out?.hands[0]?.landmarks).toHaveLength(21);
  });

  it('leaves out blendshapes and matrix that were not tracked, and keeps frames without a face', () => {
    const frame = recorded.frames.find((f) => f.face);
    if (!frame?.face) throw new Error('no face');
    const trace = toTrace({ width: 640, height: 480 }, [
      { t: 0, face: { landmarks: frame.face.landmarks }, hands: [] },
      { t: 40, face: null, hands: [] },
    ]);
    expect(Object.keys(trace.frames[0]?.face ?? {})).toEqual(['landmarks']);
    expect(trace.frames[1]?.face).toBeNull();
    expect(parseTrace(JSON.parse(JSON.stringify(trace))).ok).toBe(true);
  });

  it('accepts only whole positive frame sizes, format version 1 and 16-number matrices', () => {
    const frame = recorded.frames.find((f) => f.face?.matrix);
    if (!frame?.face) throw new Error('no matrix');
    const bad = (patch: object) => parseTrace({ ...recorded, ...patch });
    expect(bad({ width: 0 })).toEqual({ ok: false, error: 'its frame width is missing or wrong' });
    expect(bad({ height: 480.5 })).toMatchObject({ error: 'its frame height is missing or wrong' });
    expect(bad({ version: 2 })).toMatchObject({ error: expect.stringMatching(/version 2;/) });
    const face = { ...frame.face, matrix: frame.face.matrix?.slice(1) };
    expect(bad({ frames: [{ ...frame, face }] })).toMatchObject({
      error: 'the face in frame 1 is damaged',
    });
    expect(bad({ frames: [{ ...frame, t: Number.POSITIVE_INFINITY }] })).toMatchObject({
      error: 'frame 1 has no valid time',
    });
    expect(parseTrace('not a trace')).toEqual({
      ok: false,
      error: 'it holds no landmark trace (a JSON object was expected)',
    });
    // Times may start anywhere, even below zero, as long as they increase.
    const early = [-80, -40].map((t) => ({ ...frame, t }));
    expect(parseTrace({ ...recorded, frames: early }).ok).toBe(true);
    expect(bad({ frames: [] }).ok).toBe(true);
  });

  it('keeps memory bounded between saves and can be cleared', () => {
    const recorder = new TraceRecorder(100);
    let most = 0;
    for (let t = 0; t < 950; t++) {
      recorder.add({ t, face: null, hands: [] });
      most = Math.max(most, recorder.length);
    }
    expect(most).toBeLessThanOrEqual(125);
    expect(recorder.length).toBeGreaterThanOrEqual(100);
    const frames = recorder.toTrace({ width: 640, height: 480 }).frames;
    expect(frames.map((f) => f.t)).toEqual(Array.from({ length: 100 }, (_, i) => 850 + i));
    recorder.clear();
    expect(recorder.length).toBe(0);
    expect(recorder.toTrace({ width: 640, height: 480 }).frames).toEqual([]);
  });
});
