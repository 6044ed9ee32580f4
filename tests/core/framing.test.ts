import { describe, expect, it } from 'vitest';
import type { Point3, TrackedFrame } from '../../src/core/frame';
import { FramingHold, framingIssue, SETTLE_MS } from '../../src/core/framing';
import { findRoutine } from '../../src/core/routines';
import { StepEngine } from '../../src/core/step-engine';
import { away, StrokeSynth, stroke } from '../support/stroke-synth';
import { realFace } from '../support/traces';

const { size, landmarks } = realFace();

/** The face moved by (dx, dy) and scaled by `scale` about its nose tip. */
function moved(dx: number, dy: number, scale = 1): Point3[] {
  const [nx, ny] = landmarks[1] as Point3;
  return landmarks.map(
    ([x, y, z]) => [nx + (x - nx) * scale + dx, ny + (y - ny) * scale + dy, z] as Point3,
  );
}

describe('framing of the face before counting', () => {
  it('takes the recorded face as framed', () => {
    expect(framingIssue(landmarks, size)).toBeNull();
  });

  it('asks to move to the middle, come closer, or turn to the camera', () => {
    expect(framingIssue(moved(0.4, 0), size)).toBe('face-off-centre');
    expect(framingIssue(moved(0.2, 0), size)).toBeNull();
    expect(framingIssue(moved(0, 0.4), size)).toBe('face-off-centre');
    expect(framingIssue(moved(0, 0, 0.3), size)).toBe('face-too-far');
    // The nose tip pushed toward one cheek: a face turned away.
    const turned = landmarks.map((p, i) => {
      if (i !== 1) return p;
      const cheek = landmarks[234] as Point3;
      return [p[0] + (cheek[0] - p[0]) * 0.7, p[1], p[2]] as Point3;
    });
    expect(framingIssue(turned, size)).toBe('face-turned');
    // Toward the other cheek too.
    const other = landmarks.map((p, i) => {
      if (i !== 1) return p;
      const cheek = landmarks[454] as Point3;
      return [p[0] + (cheek[0] - p[0]) * 0.7, p[1], p[2]] as Point3;
    });
    expect(framingIssue(other, size)).toBe('face-turned');
  });

  it('measures a tilted face across its cheeks, not its width in the picture', () => {
    // Rolled 60° about the nose tip: narrow across the picture, as near as before.
    const [nx, ny] = landmarks[1] as Point3;
    const [c, s] = [Math.cos(Math.PI / 3), Math.sin(Math.PI / 3)];
    const rolled = landmarks.map(([x, y, z]) => {
      const [px, py] = [(x - nx) * size.width, (y - ny) * size.height];
      return [
        nx + (c * px - s * py) / size.width,
        ny + (s * px + c * py) / size.height,
        z,
      ] as Point3;
    });
    expect(framingIssue(moved(0, 0, 0.7), size)).toBeNull();
    const rolledSmaller = rolled.map(
      ([x, y, z]) => [nx + (x - nx) * 0.7, ny + (y - ny) * 0.7, z] as Point3,
    );
    expect(framingIssue(rolledSmaller, size)).not.toBe('face-too-far');
  });

  it('is ready once the face has been held still for a moment', () => {
    const hold = new FramingHold();
    expect(hold.still(0, landmarks)).toBe(false);
    expect(hold.still(SETTLE_MS - 1, landmarks)).toBe(false);
    expect(hold.still(SETTLE_MS, landmarks)).toBe(true);
    // Framing lost and found again: the second starts over.
    hold.reset();
    expect(hold.still(SETTLE_MS + 100, landmarks)).toBe(false);
    const moving = new FramingHold();
    for (let t = 0; t <= 3000; t += 100)
      expect(moving.still(t, moved((t / 3000) * 0.3 - 0.15, 0))).toBe(false);
  });
});

describe('StepEngine settling at the start of a live session', () => {
  const routine = findRoutine('facegym-daily');
  if (!routine) throw new Error('facegym-daily missing');
  const synth = new StrokeSynth();

  it('counts nothing and starts no clock until the face is framed and still', () => {
    const engine = new StepEngine(routine, synth.size, 'jawline-glide', { settle: true });
    const frames = synth.render([
      away(300),
      stroke('jawline-outward', 'right', 0.05, 0.95, 900),
      away(1500),
      stroke('jawline-outward', 'right', 0.05, 0.95, 900),
      away(600),
    ]);
    const events = frames.flatMap((f) => engine.update(f));
    // The first glide comes while the person gets into position: it is not judged.
    const strokes = events.filter((e) => e.type === 'stroke');
    expect(strokes).toHaveLength(1);
    const start = events.find((e) => e.type === 'step-start');
    expect(start?.t).toBeGreaterThanOrEqual((frames[0]?.t ?? 0) + SETTLE_MS);
    expect(engine.snapshot.settling).toBe(false);
  });

  it('says why it waits: no face, or hold still', () => {
    const engine = new StepEngine(routine, synth.size, 'jawline-glide', { settle: true });
    engine.update({ t: 0, face: null, hands: [] } as TrackedFrame);
    expect(engine.snapshot.feedback).toBe('no-face');
    expect(engine.snapshot.settling).toBe(true);
    const [frame] = synth.render([away(100)]);
    if (!frame) throw new Error('no frame');
    engine.update({ ...frame, t: 500 });
    expect(engine.snapshot.feedback).toBe('hold-still');
    expect(engine.snapshot.tally.startedAt).toBeNull();
  });
});
