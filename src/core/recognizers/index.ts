import type { FrameSize } from '../frame';
import type { PathStrokeKind, RoutineStep } from '../routine-schema';
import { BrowRaiseRecognizer } from './brow-raise-recognizer';
import { CircleRecognizer } from './circle-recognizer';
import { HeadTiltRecognizer } from './head-tilt-recognizer';
import { PathStrokeRecognizer } from './path-stroke-recognizer';
import { PluckRecognizer } from './pluck-recognizer';
import type { StepRecognizer } from './recognizer';

export type { Judgement, RecognizerFrame, StepRecognizer } from './recognizer';

/** The recogniser for a step, or null for timed steps (nothing to recognise). */
export function createRecognizer(step: RoutineStep, frameSize: FrameSize): StepRecognizer | null {
  switch (step.kind) {
    case 'glide':
    case 'walk':
    case 'flick':
    case 'pinch':
      return new PathStrokeRecognizer(step as RoutineStep & { kind: PathStrokeKind });
    case 'circle':
      return new CircleRecognizer(step);
    case 'pluck':
      return new PluckRecognizer(step);
    case 'head-tilt':
      return new HeadTiltRecognizer(frameSize);
    case 'brow-raise':
      return new BrowRaiseRecognizer(step);
    case 'timed':
      return null;
  }
}
