import { describe, expect, it } from 'vitest';
import type { Side } from '../../src/core/regions';
import type { RoutineStep } from '../../src/core/routine-schema';
import { findRoutine } from '../../src/core/routines';
import { arrowPaths, sidesShown } from '../../src/overlay/arrow-paths';

function step(routine: string, id: string): RoutineStep {
  const found = findRoutine(routine)?.steps.find((s) => s.id === id);
  if (!found) throw new Error(`no step ${routine}/${id}`);
  return found;
}

const counts = (
  good: Partial<Record<Side, number>>,
  wrong: Partial<Record<Side, number>> = {},
) => ({
  left: { good: good.left ?? 0, wrongDirection: wrong.left ?? 0, other: 0 },
  right: { good: good.right ?? 0, wrongDirection: wrong.right ?? 0, other: 0 },
  center: { good: 0, wrongDirection: 0, other: 0 },
});

describe('arrowPaths', () => {
  it('draws one arrow per side of a two-sided region, and circles in their sense', () => {
    const paths = arrowPaths(step('anma', 'jaw-to-cheekbone'));
    expect(paths.map((p) => p.side)).toEqual(['right', 'left']);
    expect(paths.every((p) => !p.closed)).toBe(true);
    const circles = arrowPaths(step('anma', 'eye-circles'));
    expect(circles.every((p) => p.closed)).toBe(true);
  });
});

describe('sidesShown', () => {
  const oneSide = step('anma', 'jaw-to-cheekbone');
  const reps = oneSide.reps;

  it('shows every arrow on a step done with both hands at once', () => {
    expect(sidesShown(step('facegym-daily', 'jawline-glide'), counts({}))).toBeNull();
  });

  it('shows one side at a time on a one-hand step: the right first, the left once it is done', () => {
    expect(oneSide.hands).toBe(1);
    expect(sidesShown(oneSide, counts({}))).toEqual(['right']);
    expect(sidesShown(oneSide, counts({ right: reps - 1 }))).toEqual(['right']);
    expect(sidesShown(oneSide, counts({ right: reps }))).toEqual(['left']);
  });

  it('follows the side the person began with, even a wrong-way stroke there', () => {
    expect(sidesShown(oneSide, counts({ left: 1 }))).toEqual(['left']);
    expect(sidesShown(oneSide, counts({}, { left: 1 }))).toEqual(['left']);
    // The left done first: the right is next.
    expect(sidesShown(oneSide, counts({ left: reps, right: 0 }))).toEqual(['right']);
  });

  it('shows both again once both sides are done', () => {
    expect(sidesShown(oneSide, counts({ left: reps, right: reps }))).toBeNull();
  });
});
