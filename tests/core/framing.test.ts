import { describe, expect, it } from 'vitest';
import { FACE_VIEW_RETURN_MS } from '../../src/core/face-view';
import type { Point3, TrackedFrame } from '../../src/core/frame';
import { FramingHold, framingIssue, SETTLE_MS } from '../../src/core/framing';
import { findRoutine } from '../../src/core/routines';
import { StepEngine } from '../../src/core/step-engine';
import { away, type MotionSegment, StrokeSynth, stroke } from '../support/stroke-synth';
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

  const settling = () => new StepEngine(routine, synth.size, 'jawline-glide', { settle: true });
  const empty = (t: number): TrackedFrame => ({ t, face: null, hands: [] });
  const still = (ms: number, startT = 0, pose?: MotionSegment['pose']) =>
    synth.render([{ ...away(ms), ...(pose ? { pose } : {}) }], { startT });

  it('starts counting once the face has been framed and still for a second', () => {
    const engine = settling();
    expect(engine.update(empty(0))).toEqual([]);
    expect(engine.snapshot.feedback).toBe('no-face');
    expect(engine.snapshot.settling).toBe(true);
    const frames = still(1600, 40);
    const events = frames.flatMap((f) => engine.update(f));
    const start = events.find((e) => e.type === 'step-start');
    expect(start?.t).toBeGreaterThanOrEqual(40 + SETTLE_MS);
    expect(start?.t).toBeLessThan(40 + SETTLE_MS + 80);
    expect(engine.snapshot.settling).toBe(false);
    expect(engine.snapshot.feedback).toBe('no-hands');
  });

  it('asks to hold still while the head moves, and starts the hold over when the face is lost', () => {
    const engine = settling();
    const moving = still(1500, 0, (k) => ({
      angle: 0,
      scale: 1,
      dx: 0.3 * Math.sin(k * 20),
      dy: 0,
    }));
    for (const frame of moving) expect(engine.update(frame)).toEqual([]);
    expect(engine.snapshot.feedback).toBe('hold-still');
    const held = still(800, 1600);
    for (const frame of held) engine.update(frame);
    engine.update(empty(2440));
    expect(engine.snapshot.feedback).toBe('no-face');
    // Held still again, but the second before the face was lost does not count.
    const again = still(600, 2480);
    expect(again.flatMap((f) => engine.update(f))).toEqual([]);
    expect(engine.snapshot.settling).toBe(true);
  });

  it('says what keeps the face from being framed', () => {
    const cases: [MotionSegment['pose'], string][] = [
      [() => ({ angle: 0, scale: 0.4, dx: 0, dy: 0 }), 'face-too-far'],
      [() => ({ angle: 0, scale: 1, dx: 0, dy: 0, yawDeg: 45 }), 'face-turned'],
    ];
    for (const [pose, feedback] of cases) {
      const engine = settling();
      for (const frame of still(1600, 0, pose)) expect(engine.update(frame)).toEqual([]);
      expect(engine.snapshot.feedback, feedback).toBe(feedback);
    }
    const [frame] = still(40);
    const face = (frame as TrackedFrame).face;
    if (!face) throw new Error('no face');
    const engine = settling();
    const shift = (dx: number, dy: number) => ({
      ...face,
      landmarks: face.landmarks.map(
        ([x, y, z]) => [x + dx, y + dy, z] as (typeof face.landmarks)[0],
      ),
    });
    engine.update({ t: 0, face: shift(0, 0.4), hands: [] });
    expect(engine.snapshot.feedback).toBe('face-part-out');
    const offCentre = settling();
    offCentre.update({ t: 0, face: shift(-0.3, 0), hands: [] });
    expect(offCentre.snapshot.feedback).toBe('face-off-centre');
  });

  it('waits for a face come back into view to be reported so before the hold begins', () => {
    const engine = settling();
    for (const frame of still(400)) engine.update(frame);
    for (let t = 440; t <= 1000; t += 40) engine.update(empty(t));
    expect(engine.snapshot.feedback).toBe('no-face');
    // Back at 1040 ms, reported in view FACE_VIEW_RETURN_MS later: the hold starts there.
    const [back, ...rest] = still(2000, 1040);
    const events = back ? engine.update(back) : [];
    expect(engine.snapshot.feedback).toBe('no-face');
    events.push(...rest.flatMap((f) => engine.update(f)));
    const start = events.find((e) => e.type === 'step-start');
    expect(start?.t).toBeGreaterThanOrEqual(1040 + FACE_VIEW_RETURN_MS + SETTLE_MS);
  });

  it('does not start counting on a face so near that part of it is out of the picture', () => {
    // Centred, but so large that a twentieth of its landmarks fall outside the picture.
    const engine = settling();
    const near = still(2000, 0, () => ({ angle: 0, scale: 2.5, dx: 0, dy: 0 }));
    expect(near.flatMap((f) => engine.update(f))).toEqual([]);
    expect(engine.snapshot.feedback).toBe('face-part-out');
  });

  it('lets a second face in view wait for the person followed to hold still, then count', () => {
    const engine = settling();
    const frames = still(1600).map((f) => ({ ...f, facesInView: 2 }));
    const first = frames.slice(0, 5).flatMap((f) => engine.update(f));
    expect(first).toEqual([]);
    expect(engine.snapshot.feedback).toBe('two-faces');
    const rest = frames.slice(5).flatMap((f) => engine.update(f));
    expect(rest.map((e) => e.type)).toContain('step-start');
  });
});
