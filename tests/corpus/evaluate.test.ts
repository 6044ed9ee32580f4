import { describe, expect, it } from 'vitest';
import type { HandObservation, Point3, TrackedFrame } from '../../src/core/frame';
import type { Routine, RoutineStep } from '../../src/core/routine-schema';
import { findRoutine } from '../../src/core/routines';
import { realFace, realHand } from '../support/traces';
import { align, evaluate, formatReport, strokeSeen } from './evaluate';
import type { PlannedStroke, Scenario } from './scenarios';

describe('align', () => {
  it('pairs equal sequences one to one', () => {
    expect(align(['a', 'b'], ['a', 'b'])).toEqual([
      ['a', 'a'],
      ['b', 'b'],
    ]);
  });

  it('marks missed, extra and substituted verdicts', () => {
    expect(align(['r:good', 'l:good'], ['r:good', 'l:too-short', 'l:good'])).toEqual([
      ['r:good', 'r:good'],
      ['-', 'l:too-short'],
      ['l:good', 'l:good'],
    ]);
    expect(align(['r:good'], ['r:wrong-direction'])).toEqual([['r:good', 'r:wrong-direction']]);
    expect(align(['r:good'], [])).toEqual([['r:good', '-']]);
  });
});

describe('strokeSeen', () => {
  const { size, landmarks } = realFace();
  const { hand } = realHand();
  const noseX = (landmarks[1] as Point3)[0];
  /** The real hand moved so that its middle knuckle sits at image x. */
  const handAt = (x: number): HandObservation => {
    const dx = x - (hand.landmarks[9] as Point3)[0];
    return {
      ...hand,
      landmarks: hand.landmarks.map(([px, py, pz]) => [px + dx, py, pz] as Point3),
    };
  };
  const frame = (t: number, hands: HandObservation[], face = true): TrackedFrame => ({
    t,
    face: face ? { landmarks } : null,
    hands,
  });
  const planned = (side: PlannedStroke['side']): PlannedStroke => ({
    side,
    direction: 'reversed',
    startMs: 1000,
    endMs: 2000,
  });

  it('sees a stroke only with a hand on its own side of the face, during the stroke', () => {
    const onImageLeft = [frame(1500, [handAt(noseX - 0.1)])];
    // Unmirrored frame: the person's right side is the image's left.
    expect(strokeSeen(onImageLeft, planned('right'))).toBe(true);
    expect(strokeSeen(onImageLeft, planned('left'))).toBe(false);
    expect(strokeSeen(onImageLeft, planned('center'))).toBe(true);
    expect(strokeSeen([frame(1500, [handAt(noseX + 0.1)])], planned('left'))).toBe(true);
    expect(
      strokeSeen(
        [frame(999, [handAt(noseX - 0.1)]), frame(2001, [handAt(noseX - 0.1)])],
        planned('right'),
      ),
    ).toBe(false);
    expect(strokeSeen([frame(1500, [])], planned('center'))).toBe(false);
    expect(strokeSeen([frame(1500, [handAt(noseX - 0.1)], false)], planned('right'))).toBe(false);
  });

  it("leaves strokes the hand model never saw out of a recording's count, and counts the others missed", () => {
    const routine = findRoutine('anma') as Routine;
    const step = routine.steps.find((s) => s.id === 'smile-lines') as RoutineStep;
    const frames = Array.from({ length: 60 }, (_, i) =>
      frame(i * 66, i * 66 >= 1000 && i * 66 <= 2000 ? [handAt(noseX - 0.1)] : []),
    );
    const recording = (strokes: PlannedStroke[]): Scenario => ({
      name: 'still hand',
      routine,
      step,
      size,
      frames,
      expected: [],
      complete: false,
      recorded: { expect: 'reversed', planned: strokes, handsFound: 0.5 },
    });
    const unseen = evaluate([recording([planned('left')])]);
    expect(unseen.strokesUnseen).toBe(1);
    expect(unseen.verdictsTotal).toBe(0);
    const seen = evaluate([recording([planned('right'), planned('left')])]);
    expect(seen.strokesUnseen).toBe(1);
    expect(seen.verdictsTotal - seen.verdictsRight).toBe(1);
    expect(formatReport(seen)).toContain('never saw on their side (not counted): 1');
  });
});
