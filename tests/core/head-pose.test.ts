import { describe, expect, it } from 'vitest';
import type { FaceObservation } from '../../src/core/frame';
import { headPitchDegrees } from '../../src/core/head-pose';
import { StrokeSynth } from '../support/stroke-synth';

const synth = new StrokeSynth();

/** The real face with its head pitched by `deg` (chin up positive), as the models would see it. */
function pitched(deg: number): FaceObservation {
  const [frame] = synth.render([{ durationMs: 40, at: () => null, pose: () => pose(deg) }]);
  if (!frame?.face) throw new Error('no face');
  return frame.face;
}
const pose = (pitchDeg: number) => ({ angle: 0, scale: 1, dx: 0, dy: 0, pitchDeg });

describe('headPitchDegrees', () => {
  it('reads the pitch from the facial transformation matrix, chin up positive', () => {
    expect(headPitchDegrees(pitched(0), synth.size)).toBeCloseTo(0, 6);
    expect(headPitchDegrees(pitched(25), synth.size)).toBeCloseTo(25, 4);
    expect(headPitchDegrees(pitched(-15), synth.size)).toBeCloseTo(-15, 4);
  });

  it('falls back on the 3D landmarks without a matrix: raising the chin raises the pitch by as much', () => {
    const noMatrix = (deg: number) => {
      const { matrix: _, ...face } = pitched(deg);
      return headPitchDegrees(face, synth.size) ?? Number.NaN;
    };
    const rest = noMatrix(0);
    // The landmark pitch has a per-person offset at rest; changes follow the head.
    expect(noMatrix(20) - rest).toBeCloseTo(20, 0);
    expect(noMatrix(-10) - rest).toBeCloseTo(-10, 0);
  });

  it('ignores a malformed matrix and uses the landmarks instead', () => {
    const face = pitched(20);
    const fromLandmarks = headPitchDegrees({ landmarks: face.landmarks }, synth.size);
    const truncated = { ...face, matrix: face.matrix?.slice(0, 12) };
    expect(headPitchDegrees(truncated, synth.size)).toBe(fromLandmarks);
  });

  it('gives no pitch when the forehead or chin landmark is missing', () => {
    const { landmarks } = pitched(0);
    expect(headPitchDegrees({ landmarks: landmarks.slice(0, 100) }, synth.size)).toBeNull();
  });
});
