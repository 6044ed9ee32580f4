import { describe, expect, it } from 'vitest';
import type { TrackedFrame } from '../../../src/core/frame';
import type { RegionId, Side } from '../../../src/core/regions';
import type { Routine, RoutineStep } from '../../../src/core/routine-schema';
import { findRoutine } from '../../../src/core/routines';
import { type EngineEvent, StepEngine } from '../../../src/core/step-engine';
import { readTraceFile } from '../../corpus/recorded';
import { away, type MotionSegment, StrokeSynth } from '../../support/stroke-synth';

const synth = new StrokeSynth();
const anma = findRoutine('anma') as Routine;

function circleStep(id: string): RoutineStep {
  const step = anma.steps.find((s) => s.id === id);
  if (!step) throw new Error(`no step ${id}`);
  return step;
}

/** The stroke verdicts the engine gives `step` over synthetic frames, as "side:verdict". */
function verdicts(step: RoutineStep, frames: TrackedFrame[]): string[] {
  const routine: Routine = { ...anma, steps: [step] };
  const engine = new StepEngine(routine, synth.size, step.id);
  const events: EngineEvent[] = frames.flatMap((f) => engine.update(f));
  const last = frames.at(-1);
  if (last) events.push(...engine.finish(last.t + 40));
  return events.flatMap((e) => (e.type === 'stroke' ? [`${e.side}:${e.verdict}`] : []));
}

interface CircleOptions {
  /** Turns made; negative turns go against the step's sense. */
  turns: number;
  /** Radius of the circle, in radii of the step's ring. */
  scale?: number;
  /** Time per full turn (ms). */
  turnMs?: number;
}

/** Circles on one side's ring, starting on its outer side, in the step's own sense for positive turns. */
function circles(step: RoutineStep, side: Side, options: CircleOptions): MotionSegment {
  const { turns, scale = 1, turnMs = 1200 } = options;
  const { center, radius } = synth.ring(step.region as RegionId, side);
  const own = (side === 'left' ? 1 : -1) * (step.circleSense === 'down-near-nose' ? -1 : 1);
  const start = side === 'left' ? Math.PI : 0;
  return {
    durationMs: Math.abs(turns) * turnMs,
    effector: step.effectors?.[0] ?? 'fingertips',
    at: (k) => {
      const a = start + own * 2 * Math.PI * turns * k;
      return {
        face: {
          x: center.x + scale * radius * Math.cos(a),
          y: center.y + scale * radius * Math.sin(a),
        },
      };
    },
  };
}

/** The hand resting still on the ring, where a circle of `turns` turns from the start ends. */
function restAfter(
  step: RoutineStep,
  side: Side,
  turns: number,
  durationMs: number,
): MotionSegment {
  const end = circles(step, side, { turns }).at(1);
  return { durationMs, effector: step.effectors?.[0] ?? 'fingertips', at: () => end };
}

const cheeks = circleStep('cheek-circles');
const eyes = circleStep('eye-circles');

describe('CircleRecognizer', () => {
  it('counts each full circle in the step’s sense as good, on either side', () => {
    const frames = synth.render([
      away(300),
      circles(cheeks, 'right', { turns: 3 }),
      away(600),
      circles(cheeks, 'left', { turns: 2 }),
      away(600),
    ]);
    expect(verdicts(cheeks, frames)).toEqual([
      'right:good',
      'right:good',
      'right:good',
      'left:good',
      'left:good',
    ]);
  });

  it('counts circles that pass near the ring’s centre at a few frames a second', () => {
    // The hand's own circle lies off the ring's centre and passes close by it: between two frames
    // at 7.5 a second, the angle about the ring's centre goes nearly half a turn, either way.
    const { center, radius } = synth.ring('cheek-circle', 'right');
    const offCentre = (turns: number): MotionSegment => ({
      durationMs: Math.abs(turns) * 1300,
      effector: 'fingertips',
      at: (k) => {
        const a = -Math.sign(turns) * 2 * Math.PI * Math.abs(turns) * k;
        return {
          face: {
            x: center.x + 0.55 * radius + 0.7 * radius * Math.cos(a),
            y: center.y + 0.7 * radius * Math.sin(a),
          },
        };
      },
    });
    const at = (turns: number) =>
      verdicts(cheeks, synth.render([away(300), offCentre(turns), away(900)], { fps: 7.5 })).filter(
        (v) => !v.endsWith('off-target'),
      );
    // A little more than whole turns: the hand ends a bit past where it began, as people do.
    expect(at(3.2)).toEqual(['right:good', 'right:good', 'right:good']);
    expect(at(-2.2)).toEqual(['right:wrong-direction', 'right:wrong-direction']);
  });

  it('counts a fist’s circles as tracked live, where the fist comes in and goes away across the ring', () => {
    // One fist circles its knuckles on each cheek, two turns at a time, the head moving. Between
    // contacts it goes away and rests beside the face, then comes back straight across the ring's
    // centre (the angle about the centre jumps by half a turn) or round its edge the other way.
    const trace = readTraceFile('live/cheek-circles-correct-fist-head.trace.json.gz');
    const engine = new StepEngine(anma, trace, 'cheek-circles');
    const events = trace.frames.flatMap((f) => engine.update(f));
    const verdicts = events.flatMap((e) =>
      e.type === 'stroke' && e.step === 'cheek-circles' ? [e.verdict] : [],
    );
    expect(verdicts.filter((v) => v !== 'good')).toEqual([]);
    expect(events.some((e) => e.type === 'step-complete' && e.step === 'cheek-circles')).toBe(true);
  });

  it('takes a hand coming in straight across the ring’s centre for no turn either way', () => {
    // At 15 frames a second the hand crosses the centre between two frames (the angle about it
    // jumps by nearly half a turn), its path bending a little against the step's sense after.
    const { center, radius } = synth.ring('cheek-circle', 'right');
    const circle = circles(cheeks, 'right', { turns: 2.1 });
    const start = circle.at(0);
    const target = start && 'face' in start ? start.face : center;
    const comeIn: MotionSegment = {
      durationMs: 500,
      effector: 'fingertips',
      at: (k) => ({
        face: {
          x: center.x - 1.4 * radius + (target.x - center.x + 1.4 * radius) * k,
          y: center.y - 0.02 * radius + 0.25 * radius * k * k,
        },
      }),
    };
    const frames = synth.render([away(300), comeIn, circle, away(900)], { fps: 15 });
    expect(verdicts(cheeks, frames).filter((v) => !v.endsWith('off-target'))).toEqual([
      'right:good',
      'right:good',
    ]);
  });

  it('drops the hand going away round the ring’s edge the other way before it circles again', () => {
    // Two circles, then the hand slides away a third of a turn back round the edge and rests
    // there, trembling, for 1 s; then it circles once more from where it rests.
    const two = circles(cheeks, 'right', { turns: 2 });
    const away3 = circles(cheeks, 'right', { turns: -0.35 });
    const { center, radius } = synth.ring('cheek-circle', 'right');
    const last = away3.at(1);
    const rest = last && 'face' in last ? last.face : center;
    const angle = Math.atan2(rest.y - center.y, rest.x - center.x);
    const tremble: MotionSegment = {
      durationMs: 1000,
      effector: 'fingertips',
      at: (k) => {
        const a = angle + 0.06 * Math.sin(k * 60);
        return { face: { x: center.x + radius * Math.cos(a), y: center.y + radius * Math.sin(a) } };
      },
    };
    const again: MotionSegment = {
      durationMs: 1300,
      effector: 'fingertips',
      // Round in the step's sense (the angle falling on the right cheek) from where it rests.
      at: (k) => {
        const a = angle - 2 * Math.PI * 1.05 * k;
        return { face: { x: center.x + radius * Math.cos(a), y: center.y + radius * Math.sin(a) } };
      },
    };
    const frames = synth.render([away(300), two, away3, tremble, again, away(900)]);
    expect(verdicts(cheeks, frames).filter((v) => !v.endsWith('off-target'))).toEqual([
      'right:good',
      'right:good',
      'right:good',
    ]);
  });

  it('says a circle the other way round goes the wrong way', () => {
    const frames = synth.render([
      away(300),
      circles(eyes, 'right', { turns: -2 }),
      away(600),
      circles(eyes, 'left', { turns: -1 }),
      away(600),
    ]);
    expect(verdicts(eyes, frames)).toEqual([
      'right:wrong-direction',
      'right:wrong-direction',
      'left:wrong-direction',
    ]);
  });

  it('turns its judgement round for a step whose circles go down near the nose', () => {
    const down = { ...cheeks, circleSense: 'down-near-nose' } as RoutineStep;
    // The motion of the step's own sense for an up-near-nose step goes against a down-near-nose one.
    const frames = synth.render([away(300), circles(cheeks, 'right', { turns: 2 }), away(600)]);
    expect(verdicts(down, frames)).toEqual(['right:wrong-direction', 'right:wrong-direction']);
    const own = synth.render([away(300), circles(down, 'left', { turns: 1 }), away(600)]);
    expect(verdicts(down, own)).toEqual(['left:good']);
  });

  it('calls a half circle that stops on the skin too short, and a quarter nothing', () => {
    const half = synth.render([
      away(300),
      circles(cheeks, 'right', { turns: 0.6 }),
      restAfter(cheeks, 'right', 0.6, 1500),
      away(600),
    ]);
    expect(verdicts(cheeks, half)).toEqual(['right:too-short']);
    const quarter = synth.render([
      away(300),
      circles(cheeks, 'right', { turns: 0.3 }),
      restAfter(cheeks, 'right', 0.3, 1500),
      away(600),
    ]);
    expect(verdicts(cheeks, quarter)).toEqual([]);
  });

  it('says a half circle the wrong way goes the wrong way, not that it is too short', () => {
    const reversedHalf = synth.render([
      away(300),
      circles(cheeks, 'right', { turns: -0.6 }),
      restAfter(cheeks, 'right', -0.6, 1500),
      away(600),
    ]);
    expect(verdicts(cheeks, reversedHalf)).toEqual(['right:wrong-direction']);
    const gone = synth.render([away(300), circles(eyes, 'left', { turns: -0.6 }), away(900)]);
    expect(verdicts(eyes, gone)).toEqual(['left:wrong-direction']);
  });

  it('does not add up two half circles with a long rest on the skin between them', () => {
    // One circle and a fifth, cut in two halves by a rest of 1.2 s where the first stops.
    const whole = circles(cheeks, 'right', { turns: 1.2 });
    const half = whole.durationMs / 2;
    const frames = synth.render([
      away(300),
      { ...whole, durationMs: half, at: (k) => whole.at(k / 2) },
      { ...whole, durationMs: 1200, at: () => whole.at(0.5) },
      { ...whole, durationMs: half, at: (k) => whole.at(0.5 + k / 2) },
      away(600),
    ]);
    expect(verdicts(cheeks, frames)).not.toContain('right:good');
    // Without the rest, the same two halves are one full circle.
    const straight = synth.render([away(300), circles(cheeks, 'right', { turns: 1.2 }), away(600)]);
    expect(verdicts(cheeks, straight)).toEqual(['right:good']);
  });

  it('calls a half circle too short when the hand is seen leaving, and says nothing when it was lost', () => {
    // Lost at the face, the hand may have gone on round unseen: no verdict on what was seen.
    const gone = synth.render([away(300), circles(cheeks, 'left', { turns: 0.6 }), away(900)]);
    expect(verdicts(cheeks, gone)).toEqual([]);
    const half = circles(cheeks, 'left', { turns: 0.6 });
    const end = half.at(1);
    const from = end && 'face' in end ? end.face : { x: 0, y: 0 };
    const leaving: MotionSegment = {
      durationMs: 900,
      at: (k) => ({ face: { x: from.x + (1.4 - from.x) * k, y: from.y } }),
    };
    const seenLeaving = synth.render([away(300), half, leaving, away(300)]);
    expect(verdicts(cheeks, seenLeaving)).toEqual(['left:too-short']);
    // Seen leaving, then lost: what was seen last counts.
    const leftThenLost = synth.render([
      away(300),
      half,
      { durationMs: 400, at: (k) => leaving.at((k * 400) / 900) },
      away(900),
    ]);
    expect(verdicts(cheeks, leftThenLost)).toEqual(['left:too-short']);
  });

  it('ends a circle only when the hand is gone for longer than a dropout', () => {
    // A short dropout in the middle of a circle leaves it whole.
    const whole = circles(cheeks, 'left', { turns: 1.2 });
    const withDropout: MotionSegment = {
      ...whole,
      at: (k) => (k > 0.4 && k < 0.46 ? null : whole.at(k)),
    };
    const frames = synth.render([away(300), withDropout, away(600)]);
    expect(verdicts(cheeks, frames)).toEqual(['left:good']);
  });

  it('keeps a circle with the hand making it when the other hand comes within reach', () => {
    // The other hand is seen first (on the forehead, out of reach), so it holds the first slot;
    // then it rests beside the nose, within reach of the ring the first hand circles on.
    const { center, radius } = synth.ring('cheek-circle', 'right');
    const circling = synth.render([
      away(600),
      { ...circles(cheeks, 'right', { turns: 3 }), hand: 'right' },
      away(600),
    ]);
    const resting = synth.render([
      { durationMs: 1200, hand: 'left', at: () => ({ face: { x: 0, y: -0.6 } }) },
      {
        durationMs: 4200,
        hand: 'left',
        at: () => ({ face: { x: center.x + 0.6 * radius, y: center.y } }),
      },
    ]);
    const frames = circling.map((frame, i) => ({
      ...frame,
      hands: [...(resting[i]?.hands ?? []), ...frame.hands],
    }));
    expect(verdicts(cheeks, frames).filter((v) => v === 'right:good')).toHaveLength(3);
  });

  it('starts the angle afresh when another hand takes the ring over', () => {
    // Three quarters of a circle; then that hand goes off the face and the other, resting a
    // radian further round the ring, takes over: the jump between them is no turning.
    const ahead = circles(cheeks, 'right', { turns: 0.75 + 1 / (2 * Math.PI) }).at(1);
    const circling = synth.render([
      away(300),
      { ...circles(cheeks, 'right', { turns: 0.75 }), hand: 'right' },
      { durationMs: 1500, hand: 'right', at: () => ({ face: { x: -1.5, y: 0.2 } }) },
    ]);
    const resting = synth.render([
      { durationMs: 1200, hand: 'left', at: () => ({ face: { x: 0, y: -0.6 } }) },
      { durationMs: 1500, hand: 'left', at: () => ahead },
    ]);
    const frames = circling.map((frame, i) => ({
      ...frame,
      hands: [...frame.hands, ...(resting[i]?.hands ?? [])],
    }));
    expect(verdicts(cheeks, frames)).toEqual(['right:too-short']);
  });

  it('calls circles too small to work the cheek too short', () => {
    const frames = synth.render([
      away(300),
      circles(cheeks, 'right', { turns: 2, scale: 0.25 }),
      away(600),
    ]);
    expect(verdicts(cheeks, frames)).toEqual(['right:too-short', 'right:too-short']);
  });

  it('counts no circle made far outside the ring, and says the hand is off target', () => {
    const frames = synth.render([
      away(300),
      circles(eyes, 'right', { turns: 2, scale: 3 }),
      away(600),
    ]);
    expect(verdicts(eyes, frames)).toEqual(['right:off-target']);
  });

  it('judges the circle under way when the step ends', () => {
    const frames = synth.render([away(300), circles(cheeks, 'right', { turns: 1.6 })]);
    expect(verdicts(cheeks, frames)).toEqual(['right:good', 'right:too-short']);
  });

  it('takes no circle made around the ring’s very centre', () => {
    const frames = synth.render([
      away(300),
      circles(cheeks, 'left', { turns: 2, scale: 0.1 }),
      away(600),
    ]);
    expect(verdicts(cheeks, frames).filter((v) => !v.endsWith('off-target'))).toEqual([]);
  });

  it('says the hand is on target while it circles on the ring, and not once it is gone', () => {
    const routine: Routine = { ...anma, steps: [cheeks] };
    const engine = new StepEngine(routine, synth.size, cheeks.id);
    const circling = synth.render([away(300), circles(cheeks, 'right', { turns: 1 })]);
    const feedback = circling.map((f) => {
      engine.update(f);
      return engine.snapshot.feedback;
    });
    // Most frames of the circle, after the engine has settled on the face, are on target.
    const onTarget = feedback.slice(-20).filter((f) => f === 'on-target').length;
    expect(onTarget).toBeGreaterThanOrEqual(18);
    const last = circling.at(-1)?.t ?? 0;
    const gone = synth.render([away(1000)], { startT: last + 33 });
    for (const f of gone) engine.update(f);
    expect(engine.snapshot.feedback).not.toBe('on-target');
  });
});
