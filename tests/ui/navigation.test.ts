import { describe, expect, it } from 'vitest';
import { needsOf, parseDeepLink, START_CHOICES } from '../../src/ui/navigation';

describe('start choices', () => {
  it('lists what the extended session needs, each thing once, and nothing for a routine', () => {
    const extended = START_CHOICES.find((c) => c.id === 'extended');
    expect(extended?.needs).toEqual([
      'a facial roller',
      'a serum',
      'a moisturiser',
      'a gua sha stone',
    ]);
    expect(START_CHOICES.find((c) => c.id === 'anma')?.needs).toEqual([]);
    expect(needsOf([])).toEqual([]);
  });

  it('carries every step, so that the start screen can start at any of them', () => {
    for (const choice of START_CHOICES) expect(choice.steps.length).toBeGreaterThan(1);
  });
});

describe('parseDeepLink', () => {
  it('reads a routine or a session with an optional step', () => {
    expect(parseDeepLink('?routine=anma&step=eye-circles')).toEqual({
      kind: 'routine',
      id: 'anma',
      step: 'eye-circles',
    });
    expect(parseDeepLink('?session=daily')).toEqual({
      kind: 'session',
      id: 'daily',
      step: undefined,
    });
    expect(parseDeepLink('?summary')).toBeNull();
  });
});
