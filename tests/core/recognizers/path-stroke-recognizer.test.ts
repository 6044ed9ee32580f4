import { describe, expect, it } from 'vitest';
import type { TrackedFrame } from '../../../src/core/frame';
import type { Routine } from '../../../src/core/routine-schema';
import { findRoutine, TOOL_STEPS } from '../../../src/core/routines';
import { type EngineEvent, StepEngine } from '../../../src/core/step-engine';
import { readTraceFile } from '../../corpus/recorded';
import {
  away,
  liftedReturn,
  type MotionSegment,
  StrokeSynth,
  stroke,
} from '../../support/stroke-synth';

const synth = new StrokeSynth();

function routine(id: string): Routine {
  const found =
    id === 'tools'
      ? { id, title: 'Tool steps', summary: '', source: '', steps: [...TOOL_STEPS] }
      : findRoutine(id);
  if (!found) throw new Error(`no routine ${id}`);
  return found;
}

/** The stroke verdicts the engine gives a step over synthetic frames, as "side:verdict". */
function strokes(routineId: string, step: string, frames: TrackedFrame[]): string[] {
  const engine = new StepEngine(routine(routineId), synth.size, step);
  const events: EngineEvent[] = frames.flatMap((f) => engine.update(f));
  const last = frames.at(-1);
  if (last) events.push(...engine.finish(last.t + 40));
  return events.flatMap((e) => (e.type === 'stroke' ? [`${e.side}:${e.verdict}`] : []));
}

describe('PathStrokeRecognizer', () => {
  it('takes no stroke from a hand sweeping across the face from one side to the other', () => {
    // Along the jawline from the right ear through the chin out to the left ear, in one pass.
    const sweep: MotionSegment = {
      durationMs: 1400,
      effector: 'knuckles',
      hand: 'right',
      at: (k) =>
        k < 0.5
          ? { region: 'jawline-outward', side: 'right', s: 1 - 2 * k }
          : { region: 'jawline-outward', side: 'left', s: 2 * k - 1 },
    };
    const frames = synth.render([away(300), sweep, away(800)]);
    expect(strokes('facegym-daily', 'jawline-glide', frames)).toEqual([]);
  });

  it('keeps a stroke from the chin begun with the fingertips reaching across onto the other side', () => {
    // Fingers tilted in toward the midline: at the chin the right hand's fingertips lie on the
    // left side's path while its palm stays on the right; then the hand glides out to the right.
    const reachAcross: MotionSegment = {
      durationMs: 200,
      effector: 'fingertips',
      hand: 'right',
      at: () => ({ region: 'jawline-outward', side: 'left', s: 0.3 }),
    };
    const frames = synth.render([
      away(300),
      reachAcross,
      stroke('jawline-outward', 'right', 0.05, 0.95, 1000, { effector: 'fingertips' }),
      away(800),
    ]);
    expect(strokes('facegym-daily', 'jawline-glide', frames)).toEqual(['right:good']);
  });

  it('keeps a stroke from the chin made with the head turned, measured from the turned midline', () => {
    // Turned, the chin sits well off the middle of the cheeks: a glide from there out along one
    // side is no sweep across the face.
    for (const [yawDeg, side] of [
      [-40, 'right'],
      [40, 'left'],
    ] as const) {
      const pose = () => ({ angle: 0, scale: 1, dx: 0, dy: 0, yawDeg });
      const frames = synth.render([
        { ...away(300), pose },
        { ...stroke('jawline-outward', side, 0, 0.95, 1200), pose },
        { ...away(800), pose },
      ]);
      expect(strokes('facegym-daily', 'jawline-glide', frames), String(yawDeg)).toEqual([
        `${side}:good`,
      ]);
    }
  });

  it('gives no "too short" to a hand that comes into view already part-way along the path', () => {
    const piece = stroke('jawline-outward', 'right', 0.6, 0.97, 500, { effector: 'knuckles' });
    // The hand model finds the hand only once it is part-way along: its start went unseen.
    const lift = {
      durationMs: 300,
      effector: 'knuckles' as const,
      at: (k: number) => ({
        region: 'jawline-outward' as const,
        side: 'right' as const,
        s: 0.97,
        offset: { x: 0, y: 0.3 * k },
      }),
    };
    const appearing = synth.render([away(600), piece, lift, away(600)]);
    expect(strokes('facegym-daily', 'jawline-glide', appearing)).toEqual([]);
    // The same piece, with the hand seen beside the jaw, then touching down and resting there
    // before it set off, is a short stroke.
    const a = synth.pathPoint('jawline-outward', 'right', 0.59);
    const b = synth.pathPoint('jawline-outward', 'right', 0.61);
    const length = Math.hypot(b.x - a.x, b.y - a.y);
    const normal = { x: -(b.y - a.y) / length, y: (b.x - a.x) / length };
    const beside = (durationMs: number, offset: (k: number) => number, s = 0.6): MotionSegment => ({
      durationMs,
      effector: 'knuckles',
      at: (k) => ({
        region: 'jawline-outward',
        side: 'right',
        s,
        offset: { x: normal.x * offset(k), y: normal.y * offset(k) },
      }),
    });
    const seen = synth.render([
      away(600),
      beside(300, () => 0.28),
      beside(200, (k) => 0.28 * (1 - k)),
      beside(300, () => 0),
      piece,
      beside(300, (k) => 0.28 * k, 0.97),
      away(600),
    ]);
    expect(strokes('facegym-daily', 'jawline-glide', seen)).toEqual(['right:too-short']);
  });

  it('keeps a stroke whose hand strays a little farther from the path than where it may touch down', () => {
    // Off the path by 0.13 face widths across it, over the middle of the stroke: past the
    // touch-down distance, inside the lift-off distance.
    const normal = (s: number) => {
      const a = synth.pathPoint('cheek-outward', 'right', s - 0.01);
      const b = synth.pathPoint('cheek-outward', 'right', s + 0.01);
      const length = Math.hypot(b.x - a.x, b.y - a.y);
      return { x: -(b.y - a.y) / length, y: (b.x - a.x) / length };
    };
    const wobbly: MotionSegment = {
      durationMs: 1200,
      effector: 'knuckles',
      at: (k) => {
        const s = 0.03 + 0.94 * k;
        const off = k > 0.3 && k < 0.7 ? 0.13 : 0;
        const n = normal(s);
        return {
          region: 'cheek-outward',
          side: 'right',
          s,
          offset: { x: n.x * off, y: n.y * off },
        };
      },
    };
    const frames = synth.render([away(300), wobbly, away(800)]);
    expect(strokes('tools', 'gua-sha-cheeks', frames)).toEqual(['right:good']);
  });

  it('counts strokes made with one part of the hand while the model flickers between postures', () => {
    const frames = synth.render(
      [
        away(300),
        stroke('jawline-outward', 'right', 0.03, 0.97, 1200, { effector: 'knuckles' }),
        liftedReturn('jawline-outward', 'right', 0.97, 0.03, 500, 1.35, { effector: 'knuckles' }),
        away(600),
      ],
      { stretchFingers: (f) => f % 3 === 0, flipLabel: (f) => f % 2 === 0 },
    );
    expect(strokes('facegym-daily', 'jawline-glide', frames)).toEqual(['right:good']);
  });

  it('judges both hands working both sides at once', () => {
    const both: MotionSegment[] = [
      away(300),
      stroke('jawline-outward', 'right', 0.03, 0.97, 1200, { effector: 'knuckles' }),
    ];
    const right = synth.render(both);
    const left = synth.render([
      away(300),
      stroke('jawline-outward', 'left', 0.03, 0.97, 1200, { effector: 'knuckles' }),
    ]);
    const frames = right.map((f, i) => ({
      ...f,
      hands: [...f.hands, ...(left[i]?.hands ?? [])],
    }));
    const tail = synth.render([away(800)], { startT: (frames.at(-1)?.t ?? 0) + 40 });
    expect(strokes('facegym-daily', 'jawline-glide', [...frames, ...tail]).sort()).toEqual([
      'left:good',
      'right:good',
    ]);
  });

  it('judges brisk two-hand glides from the chin as tracked live, where the hands cross paths', () => {
    // Two runs tracked live in the app at about 12 frames a second: both open hands glide briskly
    // from the chin out to the ears, six times each, their fingers tilted in. Where the paths
    // meet, one hand's fingertips often land first on the other side's path (run 1: the hand on
    // that path must have it as soon as the first has gone on to its own side), or reach across
    // the midline with the palm still at the chin (run 2: no sweep across the face).
    for (const run of [1, 2]) {
      const trace = readTraceFile(
        `live/jawline-glide-correct-open-both-fast-head-run${run}.trace.json.gz`,
      );
      const engine = new StepEngine(routine('facegym-daily'), trace, 'jawline-glide');
      const events = trace.frames.flatMap((f) => engine.update(f));
      const verdicts = events.flatMap((e) => (e.type === 'stroke' ? [e.verdict] : []));
      expect(
        verdicts.filter((v) => v !== 'good'),
        `run ${run}`,
      ).toEqual([]);
      expect(
        events.some((e) => e.type === 'step-complete'),
        `run ${run}`,
      ).toBe(true);
    }
  });

  it('keeps a glide whole when the hand model reports the hand twice for a frame, as tracked live', () => {
    // One open hand glides along the jaw, six times a side. Mid-glide the model reported a second,
    // misshapen copy of the hand for one frame; the hand went on in the copy's slot, and the glide
    // was lost to the slot that had followed it.
    const trace = readTraceFile('live/jawline-glide-correct-open.trace.json.gz');
    const engine = new StepEngine(routine('facegym-daily'), trace, 'jawline-glide');
    const events = trace.frames.flatMap((f) => engine.update(f));
    const verdicts = events.flatMap((e) =>
      e.type === 'stroke' && e.step === 'jawline-glide' ? [e.verdict] : [],
    );
    expect(verdicts.filter((v) => v !== 'good')).toEqual([]);
    expect(verdicts.length).toBeGreaterThanOrEqual(11);
    expect(events.some((e) => e.type === 'step-complete')).toBe(true);
  });

  /**
   * Plays a live trace of reversed strokes through the engine at its step: no good verdict, and at
   * least `wrongWays` wrong-way ones.
   */
  const expectReversedLiveTrace = (
    file: string,
    routineId: string,
    step: string,
    wrongWays: number,
  ) => {
    const trace = readTraceFile(`live/${file}.trace.json.gz`);
    const engine = new StepEngine(routine(routineId), trace, step);
    const verdicts = trace.frames
      .flatMap((f) => engine.update(f))
      .flatMap((e) => (e.type === 'stroke' ? [e.verdict] : []));
    expect(
      verdicts.filter((v) => v === 'good'),
      file,
    ).toEqual([]);
    expect(verdicts.filter((v) => v === 'wrong-direction').length, file).toBeGreaterThanOrEqual(
      wrongWays,
    );
  };

  /** Both live runs of a reversed smile-line clip, as {@link expectReversedLiveTrace}. */
  const expectReversedLiveRuns = (clip: string, wrongWays: number) => {
    for (const run of [1, 2])
      expectReversedLiveTrace(`${clip}-run${run}`, 'anma', 'smile-lines', wrongWays);
  };

  it('counts no lifted return good after wrong-way strokes lost from view, as tracked live', () => {
    // Both hands stroke the smile lines the wrong way (down) with the head moving, lifting off to
    // go back up. In run 1 one hand was lost at the face for 1.8 s, its stroke unseen, and found
    // again going back up in the air, its fingertips near the path; in run 2 a hand lost for 6 s
    // was found going back up, coming down onto the skin only near the top.
    expectReversedLiveRuns('smile-lines-reversed-open-both-head', 7);
  });

  it('counts no good for the hand coming up through the air to start a reversed stroke, as tracked live', () => {
    // One open hand strokes each smile line the wrong way (down), slowly, with the head moving.
    // Each time the hand comes into view from below, it goes up over the line in the air to the
    // side of the nose, first seen already on the line and moving, then strokes down.
    // Run 2: the palm on the way in only 4% larger than on the skin, but well off the path.
    expectReversedLiveRuns('smile-lines-reversed-open-slow-head', 9);
  });

  it('counts no good for a hand rising off the path as it goes back for the next walk, as tracked live', () => {
    // Both open hands walk out from the nose, the wrong way, with the head moving. Once the hand
    // on the person's right was seen only at the end of its walk, and went back up the path in the
    // air (0.07 to 0.14 face widths off it, the palm growing) for the next.
    expectReversedLiveTrace(
      'laugh-line-walk-reversed-open-both-head',
      'facegym-daily',
      'laugh-line-walk',
      8,
    );
  });

  it('counts no good for a hand going back up the jaw as it rises off the skin, as tracked live', () => {
    // Both open hands glide along the jaw the wrong way, with the head moving. Once a hand went
    // back up the jaw toward the ear near the path, its palm growing by a third as it rose.
    expectReversedLiveTrace(
      'jawline-glide-reversed-open-head',
      'facegym-daily',
      'jawline-glide',
      11,
    );
  });

  it('needs a pinch on the brow, and a hold at the cheekbone', () => {
    const brow = synth.render([
      away(300),
      stroke('brow-outward', 'left', 0.03, 0.97, 2000, { effector: 'pinch' }),
      away(800),
    ]);
    expect(strokes('facegym-daily', 'brow-pinch', brow)).toEqual(['left:no-pinch']);
    const cheekbone = synth.render([
      away(300),
      stroke('jaw-to-cheekbone', 'right', 0.03, 0.97, 900),
      { durationMs: 600, at: () => ({ region: 'jaw-to-cheekbone', side: 'right', s: 0.97 }) },
      away(800),
    ]);
    expect(strokes('anma', 'jaw-to-cheekbone', cheekbone)).toEqual(['right:good']);
  });

  it('shows the press filling up at the top of the cheekbone, on that side only', () => {
    const anmaRoutine = findRoutine('anma') as Routine;
    const engine = new StepEngine(anmaRoutine, synth.size, 'jaw-to-cheekbone');
    const frames = synth.render([
      away(300),
      stroke('jaw-to-cheekbone', 'right', 0.03, 0.97, 900),
      { durationMs: 600, at: () => ({ region: 'jaw-to-cheekbone', side: 'right', s: 0.97 }) },
      away(800),
    ]);
    const holds = frames.map((frame) => {
      engine.update(frame);
      return engine.snapshot.hold;
    });
    const pressing = holds.filter((hold) => (hold.right ?? 0) > 0);
    expect(pressing.length).toBeGreaterThan(3);
    // It fills as the press goes on, and no other side shows one.
    expect(Math.max(...pressing.map((hold) => hold.right ?? 0))).toBeGreaterThan(0.5);
    expect(holds.every((hold) => Object.keys(hold).every((side) => side === 'right'))).toBe(true);
    // Nothing shows before the stroke or once the hand has gone.
    expect(holds[0]).toEqual({});
    expect(holds.at(-1)).toEqual({});
  });
});
