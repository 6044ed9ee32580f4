import { describe, expect, it } from 'vitest';
import { parseTrace, TraceRecorder, toTrace } from '../../src/core/trace';
import { loadTrace } from '../support/traces';

describe('landmark traces (format v1)', () => {
  const recorded = loadTrace('business_person');

  it('accepts a trace recorded from the real models', () => {
    const result = parseTrace(recorded);
    expect(result.ok).toBe(true);
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
    expect(bad({ format: 'other' })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/format/),
    });
    expect(bad({ frames: [frame, frame] })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/frames\.1\.t.*strictly increase/),
    });
    expect(bad({ frames: [{ t: 0, face: { landmarks: [[0, 0, 0]] }, hands: [] }] })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/frames\.0\.face\.landmarks/),
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
});
