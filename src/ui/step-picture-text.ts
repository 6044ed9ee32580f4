import { REGIONS } from '../core/regions';
import type { Effector, RoutineStep } from '../core/routine-schema';

/** How each part of the hand is named in the picture's description. */
const EFFECTOR_WORDS: Readonly<Record<Effector, string>> = {
  fingertips: 'fingertips',
  index: 'index finger',
  thumb: 'thumb',
  knuckles: 'knuckles of a loose fist',
  pinch: 'thumb and index finger pinching',
};

/** The words a screen reader gets for a step's picture. */
export function describeStepPicture(step: RoutineStep): string {
  const region = step.region ? REGIONS[step.region].label : null;
  const effector = step.effectors?.[0];
  const sides =
    step.sides === 'each'
      ? (step.hands ?? 2) === 1
        ? ', one side at a time'
        : ', on both sides at once'
      : '';
  switch (step.kind) {
    case 'head-tilt':
      return 'Where to move: the chin lifts toward the ceiling, the head tilting back.';
    case 'brow-raise':
      return `Where the hands go: index fingers resting across the ${region ?? 'forehead'}, which lifts against them.`;
    case 'timed':
      return `What to use: ${step.needs?.join(' and ') ?? 'your hands'}, over the face and neck.`;
    default:
      return `Where the hands go: ${effector ? EFFECTOR_WORDS[effector] : 'fingertips'} on the ${region ?? 'face'}${sides}.`;
  }
}
