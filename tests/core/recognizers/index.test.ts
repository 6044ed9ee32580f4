import { describe, expect, it } from 'vitest';
import { createRecognizer } from '../../../src/core/recognizers';
import { BrowRaiseRecognizer } from '../../../src/core/recognizers/brow-raise-recognizer';
import { CircleRecognizer } from '../../../src/core/recognizers/circle-recognizer';
import { HeadTiltRecognizer } from '../../../src/core/recognizers/head-tilt-recognizer';
import { PathStrokeRecognizer } from '../../../src/core/recognizers/path-stroke-recognizer';
import { PluckRecognizer } from '../../../src/core/recognizers/pluck-recognizer';
import type { RoutineStep } from '../../../src/core/routine-schema';
import { ROUTINES, TOOL_STEPS } from '../../../src/core/routines';

const size = { width: 640, height: 480 };
const steps: RoutineStep[] = [...ROUTINES.flatMap((r) => r.steps), ...TOOL_STEPS];
const byKind = (kind: RoutineStep['kind']) => steps.filter((s) => s.kind === kind);

describe('createRecognizer', () => {
  it('gives every built-in step of each kind its recogniser, and timed steps none', () => {
    const expected = {
      glide: PathStrokeRecognizer,
      walk: PathStrokeRecognizer,
      flick: PathStrokeRecognizer,
      pinch: PathStrokeRecognizer,
      circle: CircleRecognizer,
      pluck: PluckRecognizer,
      'head-tilt': HeadTiltRecognizer,
      'brow-raise': BrowRaiseRecognizer,
    } as const;
    for (const [kind, type] of Object.entries(expected)) {
      const ofKind = byKind(kind as RoutineStep['kind']);
      expect(ofKind.length, kind).toBeGreaterThan(0);
      for (const step of ofKind) expect(createRecognizer(step, size), step.id).toBeInstanceOf(type);
    }
    expect(byKind('timed').length).toBeGreaterThan(0);
    for (const step of byKind('timed')) expect(createRecognizer(step, size)).toBeNull();
  });
});
