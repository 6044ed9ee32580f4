import { describe, expect, it } from 'vitest';
import { parseRoutine } from '../../src/core/routine-schema';
import { findRoutine, ROUTINES } from '../../src/core/routines';
import anma from '../../src/core/routines/anma.json';
import facegymDaily from '../../src/core/routines/facegym-daily.json';
import facegymRelease from '../../src/core/routines/facegym-release.json';

describe('routines', () => {
  it('ships the FaceGym daily routine with its four steps in order', () => {
    expect(findRoutine('facegym-daily')?.steps.map((s) => s.id)).toEqual([
      'chin-flicks',
      'laugh-line-walk',
      'jawline-glide',
      'brow-pinch',
    ]);
  });

  it('accepts every routine file as it is on disk', () => {
    for (const data of [anma, facegymDaily, facegymRelease])
      expect(parseRoutine(data).ok).toBe(true);
  });

  it('ships the three routines of the seed articles', () => {
    expect(ROUTINES.map((r) => r.id)).toEqual(['facegym-daily', 'facegym-release', 'anma']);
  });

  it('asks each kind of step for what it needs', () => {
    const base = structuredClone(findRoutine('anma'));
    const [circles, glide] = base?.steps ?? [];
    const result = parseRoutine({
      ...base,
      steps: [
        { ...circles, circleSense: undefined },
        { ...glide, effectors: undefined },
        { ...glide, id: 'rest', kind: 'timed', region: undefined, sides: 'none', reps: 0 },
      ],
    });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toMatch(/steps\.0\.circleSense: a circle step needs circleSense/);
      expect(result.error).toMatch(/steps\.1\.effectors: a glide step needs effectors/);
      expect(result.error).toMatch(/steps\.2\.durationMs: a timed step needs durationMs/);
    }
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
