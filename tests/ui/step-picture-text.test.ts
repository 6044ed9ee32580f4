import { describe, expect, it } from 'vitest';
import { findRoutine, TOOL_STEPS } from '../../src/core/routines';
import { describeStepPicture } from '../../src/ui/step-picture-text';

const step = (routine: string, id: string) => {
  const found = findRoutine(routine)?.steps.find((s) => s.id === id);
  if (!found) throw new Error(`no step ${routine}/${id}`);
  return found;
};

describe('describeStepPicture', () => {
  it('names the part of the hand, the place and how the sides are worked', () => {
    expect(describeStepPicture(step('facegym-daily', 'jawline-glide'))).toBe(
      'Where the hands go: thumb on the ' +
        'jawline, from the chin out to the ear, on both sides at once.',
    );
    expect(describeStepPicture(step('anma', 'jaw-to-cheekbone'))).toMatch(
      /^Where the hands go: fingertips on the side of the face, .*, one side at a time\.$/,
    );
    expect(describeStepPicture(step('facegym-daily', 'brow-pinch'))).toMatch(/pinching/);
  });

  it('says what a tool step is done with', () => {
    const roller = TOOL_STEPS.find((s) => s.id === 'gold-roller');
    if (!roller) throw new Error('no roller step');
    expect(describeStepPicture(roller)).toBe(
      'What to use: a facial roller, over the face and neck.',
    );
  });
});
