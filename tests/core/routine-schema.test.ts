import { describe, expect, it } from 'vitest';
import { parseRoutine } from '../../src/core/routine-schema';
import { findRoutine, ROUTINES } from '../../src/core/routines';

describe('routines', () => {
  it('ships the FaceGym daily routine with its four steps in order', () => {
    expect(findRoutine('facegym-daily')?.steps.map((s) => s.id)).toEqual([
      'chin-flicks',
      'laugh-line-walk',
      'jawline-glide',
      'brow-pinch',
    ]);
  });

  it('accepts every built-in routine', () => {
    for (const routine of ROUTINES) expect(parseRoutine(routine).ok).toBe(true);
  });

  it('names the field and the problem in imported data', () => {
    const base = structuredClone(findRoutine('facegym-daily'));
    const broken = { ...base, steps: [{ ...base?.steps[0], kind: 'wiggle', reps: -1 }] };
    const result = parseRoutine(broken);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toMatch(/steps\.0\.kind/);
      expect(result.error).toMatch(/steps\.0\.reps/);
    }
  });

  it('rejects duplicate step ids and sides that do not fit the region', () => {
    const base = structuredClone(findRoutine('facegym-daily'));
    const step = base?.steps[2];
    const result = parseRoutine({ ...base, steps: [step, { ...step, sides: 'none' }] });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toMatch(/duplicate step id "jawline-glide"/);
      expect(result.error).toMatch(/use "each" or "both"/);
    }
  });
});
