import { describe, expect, it } from 'vitest';
import { BrowRaiseRecognizer } from '../../../src/core/recognizers/brow-raise-recognizer';
import { findRoutine } from '../../../src/core/routines';
import type { Vec2 } from '../../../src/core/vec2';
import { recognize } from '../../support/recognize';
import { type MotionSegment, StrokeSynth } from '../../support/stroke-synth';

const synth = new StrokeSynth();
const found = findRoutine('facegym-release')?.steps.find((s) => s.id === 'forehead-deadlift');
if (found?.kind !== 'brow-raise') throw new Error('forehead-deadlift missing');
const step = found;

type Brows = Record<string, number>;
const inner = (v: number): Brows => ({ browInnerUp: v });

/** The index fingertip resting at the top of the forehead (or nowhere), lifting `rise` face widths. */
type Hand = 'forehead' | 'chin' | null;
function lift(
  durationMs: number,
  brows: (k: number) => Brows,
  hand: Hand = 'forehead',
  rise = 0,
): MotionSegment {
  return {
    durationMs,
    effector: 'index',
    at: (k) => {
      if (hand === null) return null;
      if (hand === 'chin') return { region: 'chin-upward', side: 'center', s: 0.5 };
      // Fingers that pull slide up as the lift peaks, and back down with the brows.
      const offset: Vec2 = { x: 0, y: -rise * Math.max(0, (Math.sin(Math.PI * k) - 0.7) / 0.3) };
      return { region: 'forehead', side: 'center', s: 0.5, offset };
    },
    blendshapes: brows,
  };
}
/** Rest, then brows up to `peak` and down again over 1.5 s. */
function rep(peak: (v: number) => Brows = inner, hand: Hand = 'forehead', rise = 0) {
  return [
    lift(500, () => peak(0), hand),
    lift(1500, (k) => peak(0.05 + 0.6 * Math.sin(Math.PI * k)), hand, rise),
    lift(300, () => peak(0), hand),
  ];
}

const judge = (segments: MotionSegment[], flush = true) =>
  recognize(new BrowRaiseRecognizer(step), synth.size, synth.render(segments), { flush });

describe('BrowRaiseRecognizer (forehead lift)', () => {
  it('counts each lift and release of the brows under resting fingertips', () => {
    expect(judge([...rep(), ...rep()])).toEqual(['center:good', 'center:good']);
  });

  it('reads the outer brows too, but not one brow alone', () => {
    const outer = (v: number) => ({ browOuterUpLeft: v, browOuterUpRight: v });
    const oneSide = (v: number) => ({ browOuterUpLeft: v });
    expect(judge(rep(outer))).toEqual(['center:good']);
    expect(judge(rep(oneSide))).toEqual([]);
  });

  it('calls a lift with no hand on the forehead off target', () => {
    expect(judge(rep(inner, null))).toEqual(['center:off-target']);
    expect(judge(rep(inner, 'chin'))).toEqual(['center:off-target']);
  });

  it('calls a lift where the fingertips travel up with the skin fingers-pulling', () => {
    expect(judge(rep(inner, 'forehead', 0.15))).toEqual(['center:fingers-pulling']);
    // A little give under the fingertips is still a good rep.
    expect(judge(rep(inner, 'forehead', 0.04))).toEqual(['center:good']);
  });

  it('keeps one rep while the brows waver between raised and lowered', () => {
    const wavering = (k: number) => inner(k < 0.3 ? 0.6 : k < 0.6 ? 0.35 : k < 0.8 ? 0.6 : 0.1);
    expect(judge([lift(500, () => inner(0)), lift(2000, wavering)])).toEqual(['center:good']);
  });

  it('remembers the resting hand through the lift, and forgets it once the hands are gone', () => {
    // The fingertip leaves as the brows go up: the rep still belongs to the hand that rested.
    expect(
      judge([
        lift(500, () => inner(0)),
        lift(800, () => inner(0.6), null),
        lift(400, () => inner(0)),
      ]),
    ).toEqual(['center:good']);
    // Hands gone well before the lift: nothing rests on the forehead any more.
    expect(
      judge([lift(500, () => inner(0)), lift(1200, () => inner(0), null), ...rep(inner, null)]),
    ).toEqual(['center:off-target']);
  });

  it('follows the hand resting nearest the hairline when two are on the forehead', () => {
    // One fingertip rests at the hairline; the other sits lower and slides up during the lift.
    const place =
      (s: number, below: number, pulls: boolean): MotionSegment['at'] =>
      (k) => ({
        region: 'forehead',
        side: 'center',
        s,
        offset: {
          x: 0,
          y: below - (pulls ? 0.2 * Math.max(0, (Math.sin(Math.PI * k) - 0.7) / 0.3) : 0),
        },
      });
    const brows = (k: number) => inner(0.05 + 0.6 * Math.sin(Math.PI * k));
    const both = (resting: number, lower: number) => {
      const render = (at: MotionSegment['at'], pulls: MotionSegment['at']) =>
        synth.render([
          { durationMs: 500, effector: 'index', at, blendshapes: () => inner(0) },
          { durationMs: 1500, effector: 'index', at: pulls, blendshapes: brows },
          { durationMs: 300, effector: 'index', at, blendshapes: () => inner(0) },
        ]);
      const a = render(place(resting, 0, false), place(resting, 0, false));
      const b = render(place(lower, 0.15, false), place(lower, 0.15, true));
      return a.map((f, i) => ({ ...f, hands: [...f.hands, ...(b[i]?.hands ?? [])] }));
    };
    // Both ways round, so neither hand's slot decides.
    for (const [resting, lower] of [
      [0.25, 0.8],
      [0.8, 0.25],
    ] as const)
      expect(
        recognize(new BrowRaiseRecognizer(step), synth.size, both(resting, lower)),
        `resting at ${resting}`,
      ).toEqual(['center:good']);
  });

  it('judges a lift still under way when the step ends', () => {
    const raised = [lift(500, () => inner(0)), lift(500, () => inner(0.6))];
    expect(judge(raised, false)).toEqual([]);
    expect(judge(raised)).toEqual(['center:good']);
    expect(judge([lift(500, () => inner(0))])).toEqual([]);
  });

  it('is on target while a fingertip rests on the forehead or works through a lift', () => {
    const recognizer = new BrowRaiseRecognizer(step);
    expect(recognizer.needsHands).toBe(true);
    const seen: boolean[] = [];
    const frames = synth.render([
      lift(200, () => inner(0), 'chin'),
      lift(200, () => inner(0)),
      lift(200, () => inner(0.6), 'chin'),
    ]);
    recognize(recognizer, synth.size, [...frames, { t: 9999, face: null, hands: [] }], {
      flush: false,
      onFrame: () => seen.push(recognizer.onTarget),
    });
    // Chin: no; forehead: yes; lifting with the resting hand now on the chin: still its work; no face: no.
    expect(seen).toEqual([
      ...Array(5).fill(false),
      ...Array(5).fill(true),
      ...Array(5).fill(true),
      false,
    ]);
  });
});
