import type { FrameSize } from '../frame';
import type { RoutineStep, StepKind, StepOf } from '../routine-schema';
import { BrowRaiseRecognizer } from './brow-raise-recognizer';
import { CircleRecognizer } from './circle-recognizer';
import { HeadTiltRecognizer } from './head-tilt-recognizer';
import { PathStrokeRecognizer } from './path-stroke-recognizer';
import { PluckRecognizer } from './pluck-recognizer';
import type { StepRecognizer } from './recognizer';

export type { Judgement, RecognizerFrame, StepRecognizer } from './recognizer';

/** How each kind of step is recognised (a `Record`: a new kind needs one), from a step of that kind. */
const RECOGNIZERS: {
  readonly [K in StepKind]: (step: StepOf<K>, frameSize: FrameSize) => StepRecognizer | null;
} = {
  glide: (step) => new PathStrokeRecognizer(step),
  walk: (step) => new PathStrokeRecognizer(step),
  flick: (step) => new PathStrokeRecognizer(step),
  pinch: (step) => new PathStrokeRecognizer(step),
  circle: (step) => new CircleRecognizer(step),
  pluck: (step) => new PluckRecognizer(step),
  'head-tilt': (_step, frameSize) => new HeadTiltRecognizer(frameSize),
  'brow-raise': (step) => new BrowRaiseRecognizer(step),
  // Nothing to recognise: the step moves on when its time is up.
  timed: () => null,
};

/** The recogniser for a step, or null for timed steps (nothing to recognise). */
export function createRecognizer(step: RoutineStep, frameSize: FrameSize): StepRecognizer | null {
  const create = RECOGNIZERS[step.kind] as (
    step: RoutineStep,
    frameSize: FrameSize,
  ) => StepRecognizer | null;
  return create(step, frameSize);
}
