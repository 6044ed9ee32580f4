import { describe, expect, it } from 'vitest';
import { FACE_VIEW_ENTER_MS } from '../../src/core/face-view';
import type { TrackedFrame } from '../../src/core/frame';
import type { Side } from '../../src/core/regions';
import type { Routine } from '../../src/core/routine-schema';
import { findRoutine, TOOL_STEPS } from '../../src/core/routines';
import {
  type EngineEvent,
  FACE_HIDDEN_MS,
  STEP_REST_MS,
  StepEngine,
} from '../../src/core/step-engine';
import {
  away,
  liftedReturn,
  type MotionSegment,
  StrokeSynth,
  stroke,
} from '../support/stroke-synth';

const synth = new StrokeSynth();
const routine = findRoutine('facegym-daily');
if (!routine) throw new Error('facegym-daily missing');

const anma = findRoutine('anma');
if (!anma) throw new Error('anma missing');

function runIn(
  on: Routine,
  step: string,
  frames: TrackedFrame[],
): { events: EngineEvent[]; engine: StepEngine } {
  const engine = new StepEngine(on, synth.size, step);
  const events = frames.flatMap((f) => engine.update(f));
  return { events, engine };
}

function run(step: string, frames: TrackedFrame[]): { events: EngineEvent[]; engine: StepEngine } {
  return runIn(routine as Routine, step, frames);
}

const strokes = (events: EngineEvent[]) =>
  events
    .filter((e) => e.type === 'stroke')
    .map((e) => (e.type === 'stroke' ? `${e.side}:${e.verdict}` : ''));

describe('StepEngine on real landmarks', () => {
  it('counts a jawline glide from the chin to the ear as good, on each side', () => {
    const frames = synth.render(
      [
        away(300),
        stroke('jawline-outward', 'right', 0.05, 0.95, 1200, { effector: 'knuckles' }),
        away(600),
        stroke('jawline-outward', 'left', 0.05, 0.95, 1200, { effector: 'thumb' }),
        away(600),
      ],
      { jitterPx: 1 },
    );
    expect(strokes(run('jawline-glide', frames).events)).toEqual(['right:good', 'left:good']);
  });

  it('calls a jawline glide from the ear to the chin wrong-direction', () => {
    const frames = synth.render([
      away(300),
      stroke('jawline-outward', 'left', 0.95, 0.05, 1200),
      away(600),
    ]);
    expect(strokes(run('jawline-glide', frames).events)).toEqual(['left:wrong-direction']);
  });

  it('counts quick chin flicks and calls a slow one too slow', () => {
    const frames = synth.render([
      away(300),
      stroke('chin-upward', 'center', 0, 1, 240),
      away(400),
      stroke('chin-upward', 'center', 0, 1, 240),
      away(400),
      stroke('chin-upward', 'center', 0, 1, 1600),
      away(1600),
    ]);
    expect(strokes(run('chin-flicks', frames).events)).toEqual([
      'center:good',
      'center:good',
      'center:too-slow',
    ]);
  });

  it('follows a stepwise laugh-line walk outward', () => {
    const walk = (side: 'left' | 'right') => ({
      durationMs: 2400,
      at: (k: number) => ({
        region: 'laugh-line-outward' as const,
        side,
        s: Math.min(1, Math.floor(k * 5) / 4),
      }),
    });
    const frames = synth.render([away(300), walk('right'), away(500), walk('left'), away(500)], {
      jitterPx: 1,
    });
    expect(strokes(run('laugh-line-walk', frames).events)).toEqual(['right:good', 'left:good']);
  });

  it('needs pinches along the brow for a brow-pinch stroke', () => {
    const pinching = (k: number) => Math.floor(k * 8) % 2 === 0;
    const frames = synth.render([
      away(300),
      stroke('brow-outward', 'right', 0, 1, 2400, { effector: 'pinch', pinch: pinching }),
      away(600),
      stroke('brow-outward', 'right', 0, 1, 2400, { effector: 'pinch' }),
      away(600),
    ]);
    expect(strokes(run('brow-pinch', frames).events)).toEqual(['right:good', 'right:no-pinch']);
  });

  it('does not count a hand resting on the cheek while the head moves and turns', () => {
    const frames = synth.render([
      {
        durationMs: 4000,
        at: () => ({ region: 'jawline-outward', side: 'right', s: 0.5 }),
        pose: (k) => ({
          angle: Math.sin(k * 6) * 0.25,
          scale: 1 + 0.3 * k,
          dx: Math.sin(k * 5) * 0.15,
          dy: 0.05 * k,
        }),
      },
    ]);
    expect(strokes(run('jawline-glide', frames).events)).toEqual([]);
  });

  it('counts a glide made while the head moves', () => {
    const frames = synth.render([
      away(200),
      stroke('jawline-outward', 'right', 0.05, 0.95, 1500, {
        pose: (k) => ({ angle: 0.2 * k, scale: 1 - 0.25 * k, dx: 0.1 * k, dy: -0.05 * k }),
      }),
      away(500),
    ]);
    expect(strokes(run('jawline-glide', frames).events)).toEqual(['right:good']);
  });

  it('keeps one stroke through hand dropouts near the face', () => {
    const frames = synth.render(
      [away(300), stroke('jawline-outward', 'right', 0.05, 0.95, 1500), away(600)],
      {
        dropHandsEvery: 3,
        jitterPx: 1.5,
      },
    );
    expect(strokes(run('jawline-glide', frames).events)).toEqual(['right:good']);
  });

  it('does not judge the hand going back to the start lifted off the skin', () => {
    const frames = synth.render([
      away(300),
      stroke('jawline-outward', 'right', 0.05, 0.95, 1200),
      liftedReturn('jawline-outward', 'right', 0.95, 0.05, 600),
      stroke('jawline-outward', 'right', 0.05, 0.95, 1200),
      away(600),
    ]);
    expect(strokes(run('jawline-glide', frames).events)).toEqual(['right:good', 'right:good']);
  });

  it('calls a slide back on the skin right after a stroke wrong-direction', () => {
    const frames = synth.render([
      away(300),
      stroke('jawline-outward', 'right', 0.05, 0.95, 1200),
      stroke('jawline-outward', 'right', 0.95, 0.05, 900),
      away(600),
    ]);
    expect(strokes(run('jawline-glide', frames).events)).toEqual([
      'right:good',
      'right:wrong-direction',
    ]);
  });

  it('ignores a lifted return on a short path after a reversed stroke', () => {
    const frames = synth.render([
      away(300),
      stroke('smile-line-upward', 'left', 0.97, 0.03, 900),
      liftedReturn('smile-line-upward', 'left', 0.03, 0.97, 500),
      stroke('smile-line-upward', 'left', 0.97, 0.03, 900),
      away(600),
    ]);
    expect(strokes(runIn(anma, 'smile-lines', frames).events)).toEqual([
      'left:wrong-direction',
      'left:wrong-direction',
    ]);
  });

  it('hints off-target when the hand rubs the forehead during the jawline step', () => {
    const frames = synth.render([
      away(200),
      { durationMs: 2000, at: (k) => ({ face: { x: -0.2 + 0.4 * Math.sin(k * 12), y: -0.55 } }) },
    ]);
    const { events, engine } = run('jawline-glide', frames);
    expect(strokes(events)[0]).toMatch(/:off-target$/);
    expect(engine.snapshot.feedback).toBe('off-target');
  });

  it('waits 1.5 s after the hand worked on the target before an off-target hint', () => {
    // Straight from a glide, the hand crosses the face to the other side: its way over, not
    // wandering. Still off the target after the grace, it earns the hint.
    const rub = (durationMs: number): MotionSegment => ({
      durationMs,
      at: (k) => ({ face: { x: -0.2 + 0.4 * Math.sin(k * 12 * (durationMs / 2000)), y: -0.55 } }),
    });
    const glide = stroke('jawline-outward', 'right', 0.05, 0.95, 1200, { effector: 'knuckles' });
    const within = synth.render([away(300), glide, rub(1300)]);
    const { events, engine } = run('jawline-glide', within);
    expect(strokes(events)).toEqual(['right:good']);
    expect(engine.snapshot.feedback).toBe('hands-ready');

    const beyond = synth.render([away(300), glide, rub(3500)]);
    const late = run('jawline-glide', beyond).events.filter((e) => e.type === 'stroke');
    expect(late.map((e) => e.type === 'stroke' && e.verdict)).toEqual(['good', 'off-target']);
    const glideEnd = (within.at(-1)?.t ?? 0) - 1300;
    expect(late[1]?.t).toBeGreaterThanOrEqual(glideEnd + 1500);
    expect(late[1]?.t).toBeLessThan(glideEnd + 2000);
  });

  it('hints off-target once per cooldown while the hand keeps rubbing off the target', () => {
    const frames = synth.render(
      [
        away(200),
        {
          durationMs: 6000,
          hand: 'right',
          at: (k) => ({ face: { x: -0.2 + 0.4 * Math.sin(k * 36), y: -0.55 } }),
        },
      ],
      { startT: 20_000 },
    );
    const hints = run('jawline-glide', frames).events.filter((e) => e.type === 'stroke');
    expect(hints.map((e) => e.type === 'stroke' && e.verdict)).toEqual([
      'off-target',
      'off-target',
      'off-target',
    ]);
    const gaps = hints.slice(1).map((e, i) => e.t - (hints[i] as EngineEvent).t);
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(2500);
    expect(hints[0]?.t).toBeLessThan(20_000 + 1200);
  });

  it('measures the travel of one hand at a time, on one point of it', () => {
    // Two hands resting on the forehead, seen in turn (each drops out every other frame): the
    // point over the face alternates between them, which is no travel at all.
    const rest = (x: number, hand: 'right' | 'left'): MotionSegment => ({
      durationMs: 3000,
      hand,
      at: () => ({ face: { x, y: -0.5 } }),
    });
    const first = synth.render([away(200), rest(-0.35, 'right')], {
      dropHands: (i) => i % 2 === 1,
    });
    const second = synth.render([away(200), rest(0.35, 'left')], {
      dropHands: (i) => i % 2 === 0,
    });
    const both = first.map((frame, i) => ({
      ...frame,
      hands: [...frame.hands, ...(second[i]?.hands ?? [])],
    }));
    expect(strokes(run('jawline-glide', both).events)).toEqual([]);
    // A fist resting there whose fingers the model sees stretched out every other frame: the
    // first point over the face flips between fingertips and knuckles.
    const fist = synth.render([away(200), { ...rest(-0.35, 'right'), effector: 'knuckles' }], {
      stretchFingers: (i) => i % 2 === 1,
    });
    expect(strokes(run('jawline-glide', fist).events)).toEqual([]);
  });

  it('gives no off-target hint for a hand waving beside the face', () => {
    const frames = synth.render([
      away(200),
      {
        durationMs: 3000,
        hand: 'right',
        at: (k) => ({ face: { x: -1.3, y: -0.2 + 0.4 * Math.sin(k * 36) } }),
      },
    ]);
    expect(strokes(run('jawline-glide', frames).events)).toEqual([]);
  });

  it('gives no off-target hint for a hand drifting slowly over the face', () => {
    // 0.15 face widths a second: never the hint's travel within its window.
    const frames = synth.render(
      [away(200), { durationMs: 5000, at: (k) => ({ face: { x: -0.4 + 0.75 * k, y: -0.55 } }) }],
      { startT: 20_000 },
    );
    const { events, engine } = run('jawline-glide', frames);
    expect(strokes(events)).toEqual([]);
    expect(engine.snapshot.feedback).toBe('hands-ready');
  });

  it('names the side of the face where the hand wanders off the target', () => {
    for (const [side, x] of [
      ['left', 0.3],
      ['right', -0.3],
    ] as const) {
      const frames = synth.render([
        away(200),
        // Rubbing the temple on one side, well above the jawline.
        {
          durationMs: 2000,
          at: (k) => ({
            face: { x: x + 0.08 * Math.sin(k * 30), y: -0.45 + 0.08 * Math.cos(k * 30) },
          }),
        },
      ]);
      const hints = strokes(run('jawline-glide', frames).events);
      expect(hints.length, side).toBeGreaterThan(0);
      expect(
        hints.every((h) => h === `${side}:off-target`),
        hints.join(),
      ).toBe(true);
    }
  });

  it('gives no off-target hint for a hand working on the target', () => {
    const frames = synth.render([
      away(200),
      {
        durationMs: 2500,
        effector: 'knuckles',
        at: (k) => ({ region: 'jawline-outward', side: 'right', s: 0.5 + 0.1 * Math.sin(k * 25) }),
      },
    ]);
    expect(strokes(run('jawline-glide', frames).events)).toEqual([]);
  });

  it('starts each step with no hand carried over from the one before', () => {
    const engine = new StepEngine(routine as Routine, synth.size, 'jawline-glide');
    const frames = synth.render([
      stroke('jawline-outward', 'right', 0.05, 0.95, 600, { effector: 'knuckles' }),
    ]);
    for (const frame of frames) engine.update(frame);
    expect(engine.snapshot.feedback).toBe('on-target');
    engine.goToStep(engine.snapshot.stepIndex + 1);
    const [faceOnly] = synth.render([away(40)], { startT: (frames.at(-1)?.t ?? 0) + 40 });
    engine.update(faceOnly as TrackedFrame);
    expect(engine.snapshot.feedback).toBe('no-hands');
  });

  it('keeps the strokes counted on a step when the person goes to the next one and back', () => {
    const engine = new StepEngine(routine as Routine, synth.size, 'jawline-glide');
    const frames = synth.render([
      away(300),
      stroke('jawline-outward', 'right', 0.05, 0.95, 900, { effector: 'knuckles' }),
      away(800),
    ]);
    for (const frame of frames) engine.update(frame);
    engine.finish((frames.at(-1)?.t ?? 0) + 40);
    const index = engine.snapshot.stepIndex;
    expect(engine.snapshot.tally.counts.right.good).toBe(1);
    engine.goToStep(index + 1);
    expect(engine.snapshot.tally.counts.right.good).toBe(0);
    engine.goToStep(index);
    expect(engine.snapshot.stepIndex).toBe(index);
    expect(engine.snapshot.tally.counts.right.good).toBe(1);
    expect(engine.snapshot.elapsedMs).toBe(0);
  });

  it('goes on from the counts of a session resumed after a reload', () => {
    const engine = new StepEngine(routine as Routine, synth.size, 'jawline-glide');
    const four = { good: 4, wrongDirection: 1, other: 2 };
    const none = { good: 0, wrongDirection: 0, other: 0 };
    engine.restoreCounts([
      { step: 'chin-flicks', counts: { left: none, right: none, center: four }, completed: true },
      { step: 'jawline-glide', counts: { left: four, right: four, center: none } },
      { step: 'no-such-step', counts: { left: four, right: four, center: four } },
    ]);
    expect(engine.snapshot.tally.counts.left).toEqual(four);
    expect(engine.summary.find((s) => s.step === 'brow-pinch')?.counts.left).toEqual(none);
    expect(engine.summary.find((s) => s.step === 'chin-flicks')?.completedAt).not.toBeNull();
    // Kept before verdicts were counted by kind: good and wrong-way come from the counts.
    expect(engine.snapshot.tally.verdicts).toEqual({ good: 8, 'wrong-direction': 2 });
    expect(engine.summary.find((s) => s.step === 'jawline-glide')?.completedAt).toBeNull();
    // The saved counts are copied, not shared.
    four.good = 0;
    expect(engine.snapshot.tally.counts.left.good).toBe(4);
    // One more good stroke each side completes a five-rep step.
    const frames = synth.render([
      away(300),
      stroke('jawline-outward', 'right', 0.05, 0.95, 900),
      away(400),
      stroke('jawline-outward', 'left', 0.05, 0.95, 900),
      away(1500),
    ]);
    const events = frames.flatMap((f) => engine.update(f));
    expect(events.filter((e) => e.type === 'step-complete')).toHaveLength(1);
  });

  it('counts every verdict by kind and the time spent on the step, over visits', () => {
    const engine = new StepEngine(routine as Routine, synth.size, 'jawline-glide');
    const frames = synth.render([
      away(300),
      stroke('jawline-outward', 'right', 0.05, 0.95, 900),
      away(400),
      stroke('jawline-outward', 'left', 0.95, 0.05, 900),
      away(600),
    ]);
    for (const frame of frames) engine.update(frame);
    const first = frames[0]?.t ?? 0;
    const last = frames.at(-1)?.t ?? 0;
    const tally = engine.snapshot.tally;
    expect(tally.verdicts).toEqual({ good: 1, 'wrong-direction': 1 });
    expect(tally.activeMs).toBeCloseTo(last - first, 0);
    // Away on another step and back: the time of both visits adds up, a long gap counts 1 s at most.
    const index = engine.snapshot.stepIndex;
    engine.goToStep(index + 1);
    engine.update({ t: last + 100, face: null, hands: [] });
    engine.update({ t: last + 200, face: null, hands: [] });
    expect(engine.snapshot.tally.activeMs).toBe(100);
    engine.goToStep(index);
    engine.update({ t: last + 60_000, face: null, hands: [] });
    engine.update({ t: last + 60_500, face: null, hands: [] });
    expect(engine.snapshot.tally.activeMs).toBeCloseTo(last - first + 500, 0);
    const restored = new StepEngine(routine as Routine, synth.size, 'jawline-glide');
    restored.restoreCounts(engine.summary);
    expect(restored.snapshot.tally.verdicts).toEqual({ good: 1, 'wrong-direction': 1 });
    expect(restored.snapshot.tally.activeMs).toBe(engine.snapshot.tally.activeMs);
  });

  it('adds no time to a step while it rests after completion', () => {
    const engine = new StepEngine(routine as Routine, synth.size, 'jawline-glide');
    engine.restoreCounts([
      {
        step: 'jawline-glide',
        counts: {
          left: { good: 8, wrongDirection: 0, other: 0 },
          right: { good: 7, wrongDirection: 0, other: 0 },
          center: { good: 0, wrongDirection: 0, other: 0 },
        },
      },
    ]);
    const frames = synth.render([
      away(300),
      stroke('jawline-outward', 'right', 0.05, 0.95, 900),
      away(1000),
    ]);
    const events = frames.flatMap((f) => engine.update(f));
    const done = events.find((e) => e.type === 'step-complete');
    expect(done).toBeDefined();
    const tally = engine.summary.find((t) => t.step === 'jawline-glide');
    expect(tally?.activeMs).toBeCloseTo((done?.t ?? 0) - (frames[0]?.t ?? 0), 0);
  });

  it('hands out snapshots and summaries that later strokes do not change', () => {
    const engine = new StepEngine(routine as Routine, synth.size, 'jawline-glide');
    const before = engine.snapshot;
    const summaryBefore = engine.summary;
    const frames = synth.render([
      away(300),
      stroke('jawline-outward', 'right', 0.05, 0.95, 900),
      away(1500),
    ]);
    for (const frame of frames) engine.update(frame);
    expect(engine.snapshot.tally.counts.right.good).toBe(1);
    expect(before.tally.counts.right.good).toBe(0);
    expect(summaryBefore.find((t) => t.step === 'jawline-glide')?.counts.right.good).toBe(0);
    expect(Object.isFrozen(before.tally)).toBe(true);
  });

  it('reports no face and no hands', () => {
    const engine = new StepEngine(routine, synth.size, 'chin-flicks');
    engine.update({ t: 0, face: null, hands: [] });
    expect(engine.snapshot.feedback).toBe('no-face');
    const [frame] = synth.render([away(40)]);
    engine.update({ ...(frame as TrackedFrame), t: 40 });
    expect(engine.snapshot.feedback).toBe('no-hands');
  });

  it('completes a step after its reps, rests, then moves to the next step', () => {
    const reps: Parameters<typeof synth.render>[0] = [away(300)];
    for (let i = 0; i < 5; i++) {
      reps.push(stroke('jawline-outward', 'right', 0.05, 0.95, 900), away(400));
      reps.push(stroke('jawline-outward', 'left', 0.05, 0.95, 900), away(400));
    }
    reps.push(away(2500));
    const { events, engine } = run('jawline-glide', synth.render(reps));
    const complete = events.filter((e) => e.type === 'step-complete');
    expect(complete).toHaveLength(1);
    expect(engine.snapshot.step.id).toBe('brow-pinch');
    expect(engine.summary.find((s) => s.step === 'jawline-glide')?.counts.right.good).toBe(5);
  });

  it('rejects an unknown start step', () => {
    expect(() => new StepEngine(routine, synth.size, 'nope')).toThrow(/no step "nope"/);
  });
});

/** A routine of a one-second timed step, then a copy of it: enough to see completion, rest and the end. */
function timedRoutine(): Routine {
  const serum = TOOL_STEPS.find((s) => s.kind === 'timed');
  if (!serum) throw new Error('no timed tool step');
  return {
    ...(routine as Routine),
    id: 'two-timed',
    steps: [
      { ...serum, id: 'first', durationMs: 1000 },
      { ...serum, id: 'second', durationMs: 1000 },
    ],
  };
}

const none = { good: 0, wrongDirection: 0, other: 0 };

/** An engine on `step` of the daily routine with the counts of a session resumed part-way. */
function resumed(step: string, counts: Partial<Record<Side, typeof none>>): StepEngine {
  const engine = new StepEngine(routine as Routine, synth.size, step);
  engine.restoreCounts([{ step, counts: { left: none, right: none, center: none, ...counts } }]);
  return engine;
}

/** Renders `segments` from `startT` and feeds them to `engine`; returns its events. */
function feed(engine: StepEngine, segments: MotionSegment[], startT = 0): EngineEvent[] {
  return synth.render(segments, { startT }).flatMap((f) => engine.update(f));
}
const empty = (t: number): TrackedFrame => ({ t, face: null, hands: [] });
const types = (events: EngineEvent[]) => events.map((e) => e.type);

describe('StepEngine state and timing', () => {
  it('starts active, with no face, no time spent and the sides of its region', () => {
    const engine = new StepEngine(routine as Routine, synth.size, 'jawline-glide');
    const snapshot = engine.snapshot;
    expect(snapshot.phase).toBe('active');
    expect(snapshot.feedback).toBe('no-face');
    expect(snapshot.elapsedMs).toBe(0);
    expect(snapshot.remainingMs).toBeNull();
    expect([...snapshot.sides].sort()).toEqual(['left', 'right']);
    expect(new StepEngine(routine as Routine, synth.size, 'chin-flicks').snapshot.sides).toEqual([
      'center',
    ]);
  });

  it('times a timed step, completes it when its time is up, rests, then starts the next', () => {
    const engine = new StepEngine(timedRoutine(), synth.size);
    expect(types(engine.update(empty(5000)))).toEqual(['step-start']);
    expect(engine.snapshot.feedback).toBe('timed');
    expect(engine.snapshot.hold).toEqual({});
    expect(engine.update(empty(5400))).toEqual([]);
    expect(engine.snapshot.elapsedMs).toBe(400);
    expect(engine.snapshot.remainingMs).toBe(600);
    expect(engine.update(empty(5999))).toEqual([]);
    expect(engine.snapshot.phase).toBe('active');
    expect(engine.update(empty(6000))).toEqual([{ type: 'step-complete', t: 6000, step: 'first' }]);
    expect(engine.snapshot.phase).toBe('rest');
    expect(engine.update(empty(6000 + STEP_REST_MS - 1))).toEqual([]);
    expect(engine.snapshot.step.id).toBe('first');
    expect(engine.update(empty(6000 + STEP_REST_MS))).toEqual([
      { type: 'step-start', t: 6000 + STEP_REST_MS, step: 'second' },
    ]);
    expect(engine.snapshot.remainingMs).toBe(1000);
  });

  it('never leaves less than no time on a timed step', () => {
    const engine = new StepEngine(timedRoutine(), synth.size);
    engine.update(empty(0));
    engine.update(empty(900));
    // Jumping back to the step restarts its clock; a frame long after ends it at once.
    engine.goToStep(0);
    engine.update(empty(1000));
    engine.update(empty(1500));
    expect(engine.snapshot.remainingMs).toBe(500);
  });

  it('ends the routine after its last step and takes no frames after that', () => {
    const engine = new StepEngine(timedRoutine(), synth.size, 'second');
    engine.update(empty(0));
    expect(engine.update(empty(1000))).toEqual([
      { type: 'step-complete', t: 1000, step: 'second' },
      { type: 'routine-complete', t: 1000, routine: 'two-timed' },
    ]);
    expect(engine.snapshot.phase).toBe('done');
    expect(engine.update(empty(5000))).toEqual([]);
    expect(engine.snapshot.step.id).toBe('second');
  });

  it('starts a step once, and ignores a frame that is not later than the last', () => {
    const engine = new StepEngine(timedRoutine(), synth.size);
    const events = [0, 40, 80].flatMap((t) => engine.update(empty(t)));
    expect(types(events)).toEqual(['step-start']);
    expect(engine.update(empty(80))).toEqual([]);
    expect(engine.update(empty(60))).toEqual([]);
    // A step gone to anew starts with the next new frame, not with one already seen.
    engine.goToStep(1);
    expect(engine.update(empty(80))).toEqual([]);
    expect(engine.update(empty(120))).toEqual([{ type: 'step-start', t: 120, step: 'second' }]);
  });

  it('has nothing to end on a timed step', () => {
    const engine = new StepEngine(timedRoutine(), synth.size);
    engine.update(empty(0));
    expect(engine.finish(500)).toEqual([]);
    expect(engine.snapshot.phase).toBe('active');
  });

  it('completes a step on a good stroke, never on a stroke of another verdict', () => {
    const five = { ...none, good: 5 };
    const engine = resumed('jawline-glide', { left: five, right: five });
    const first = feed(engine, [
      away(300),
      stroke('jawline-outward', 'left', 0.95, 0.05, 1200),
      away(1800),
    ]);
    expect(strokes(first)).toEqual(['left:wrong-direction']);
    expect(types(first)).not.toContain('step-complete');
    const second = feed(
      engine,
      [stroke('jawline-outward', 'left', 0.05, 0.95, 1200), away(600)],
      3320,
    );
    expect(types(second)).toContain('step-complete');
  });

  it('stays on the step for a step number out of range', () => {
    const engine = new StepEngine(routine as Routine, synth.size, 'laugh-line-walk');
    for (const index of [-1, routine.steps.length, routine.steps.length + 3]) {
      engine.goToStep(index);
      expect(engine.snapshot.stepIndex, String(index)).toBe(1);
    }
    engine.goToStep(0);
    expect(engine.snapshot.stepIndex).toBe(0);
    engine.goToStep(routine.steps.length - 1);
    expect(engine.snapshot.step.id).toBe(routine.steps.at(-1)?.id);
  });

  it('completes a step done on each side only once both sides have their reps', () => {
    const engine = resumed('jawline-glide', { left: { ...none, good: 4 } });
    const events = feed(engine, [
      away(300),
      stroke('jawline-outward', 'left', 0.05, 0.95, 900),
      away(1000),
    ]);
    expect(strokes(events)).toEqual(['left:good']);
    expect(engine.snapshot.tally.counts.left.good).toBe(5);
    expect(types(events)).not.toContain('step-complete');
  });

  it('completes a step counted over both sides on exactly its reps', () => {
    const engine = resumed('chin-flicks', { center: { ...none, good: 9 } });
    const events = feed(engine, [
      away(300),
      stroke('chin-upward', 'center', 0, 1, 240),
      away(1600),
    ]);
    expect(types(events).filter((t) => t !== 'step-start')).toEqual(['stroke', 'step-complete']);
    expect(engine.snapshot.phase).toBe('rest');
  });

  it('counts wrong-direction and other verdicts apart, on the side they happened', () => {
    const frames = synth.render([
      away(300),
      stroke('jawline-outward', 'left', 0.95, 0.05, 1200),
      away(600),
      stroke('chin-upward', 'center', 0, 1, 1600),
      away(600),
    ]);
    const { engine } = run('jawline-glide', frames);
    const counts = engine.snapshot.tally.counts;
    expect(counts.left).toEqual({ good: 0, wrongDirection: 1, other: 0 });
    const chin = run('chin-flicks', frames).engine.snapshot.tally.counts.center;
    expect(chin).toEqual({ good: 0, wrongDirection: 0, other: 1 });
  });

  it('follows no hand once the face has been lost for longer than hands may hide it', () => {
    // The face is seen, then lost while a hand waits in view, and stays lost through a glide.
    const frames = synth.render([
      away(200),
      away(FACE_HIDDEN_MS + 100),
      stroke('jawline-outward', 'right', 0.05, 0.95, 1200),
      away(600),
    ]);
    // No face from 200 ms to the last 100 ms.
    const faceLost = (seen: TrackedFrame[]) =>
      seen.map((f) => (f.t < 200 || f.t > (seen.at(-1)?.t ?? 0) - 100 ? f : { ...f, face: null }));
    const { events, engine } = run('jawline-glide', faceLost(frames));
    expect(strokes(events)).toEqual([]);
    expect(engine.snapshot.tally.counts.right).toEqual(none);
    // The same with the hand resting in view at the start of the path all the while: hands hide
    // a face for a moment, not for good.
    const resting = synth.render([
      away(200),
      stroke('jawline-outward', 'right', 0.05, 0.05, FACE_HIDDEN_MS + 100),
      stroke('jawline-outward', 'right', 0.05, 0.95, 1200),
      away(600),
    ]);
    expect(strokes(run('jawline-glide', faceLost(resting)).events)).toEqual([]);
    // Seen, the face makes that glide a stroke: the test above can fail.
    expect(strokes(run('jawline-glide', resting).events)).toEqual(['right:good']);
  });

  it('follows hands over the face they hide for a moment, on the face last seen', () => {
    // Hands over the eyes hide the face from the model: the glide goes on where the face was.
    const frames = synth.render([
      away(200),
      stroke('jawline-outward', 'right', 0.05, 0.95, 1200),
      away(600),
    ]);
    const hidden = (from: number, ms: number) =>
      frames.map((f) => (f.t >= from && f.t < from + ms ? { ...f, face: null } : f));
    const brief = run('jawline-glide', hidden(400, 800));
    expect(strokes(brief.events)).toEqual(['right:good']);
    // Still hidden after FACE_VIEW_ENTER_MS, the face is not reported lost.
    const whileHidden = hidden(400, 800).filter((f) => f.t < 400 + FACE_VIEW_ENTER_MS + 200);
    expect(run('jawline-glide', whileHidden).engine.snapshot.feedback).toBe('on-target');
    // Without hands in view a lost face is only lost, and the person is told.
    const gone = frames
      .filter((f) => f.t < 400 + FACE_VIEW_ENTER_MS + 200)
      .map((f) => (f.t >= 400 ? { ...f, face: null, hands: [] } : f));
    expect(run('jawline-glide', gone).engine.snapshot.feedback).toBe('no-face');
  });

  it('says a hand is ready when it is in view but neither on the target nor over the face', () => {
    const frames = synth.render([
      away(200),
      { durationMs: 800, at: () => ({ face: { x: 1.2, y: 0.9 } }) },
    ]);
    const { events, engine } = run('jawline-glide', frames);
    expect(engine.snapshot.feedback).toBe('hands-ready');
    expect(strokes(events)).toEqual([]);
  });

  it('reports a second face and a face partly out of the picture', () => {
    const [framed] = synth.render([away(40)]);
    const face = (framed as TrackedFrame).face;
    const twoFaces = new StepEngine(routine as Routine, synth.size, 'jawline-glide');
    twoFaces.update({ t: 0, face, hands: [], facesInView: 2 });
    expect(twoFaces.snapshot.feedback).toBe('two-faces');
    const partOut = new StepEngine(routine as Routine, synth.size, 'jawline-glide');
    const shifted = face && {
      ...face,
      landmarks: face.landmarks.map(([x, y, z]) => [x, y + 0.35, z] as (typeof face.landmarks)[0]),
    };
    partOut.update({ t: 0, face: shifted, hands: [] });
    expect(partOut.snapshot.feedback).toBe('face-part-out');
  });
});
