import { describe, expect, it } from 'vitest';
import { handsFor, parseRoutine, type RoutineStep } from '../../src/core/routine-schema';
import { findRoutine, ROUTINES, TOOL_STEPS } from '../../src/core/routines';
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

describe('routine data checks', () => {
  const anma = findRoutine('anma');
  if (!anma) throw new Error('anma missing');
  const circles = anma.steps[0] as RoutineStep;
  const errorOf = (routine: object) => {
    const result = parseRoutine(routine);
    return result.ok ? null : result.error;
  };
  const withStep = (patch: object) => errorOf({ ...anma, steps: [{ ...circles, ...patch }] });

  it('takes ids of lower-case words joined by hyphens only', () => {
    for (const id of ['cheek-circles', 'step2', 'a-1-b']) expect(withStep({ id })).toBeNull();
    for (const id of ['Cheek-circles', 'cheek circles', '-cheek', 'cheek-', 'cheek--circles', ''])
      expect(withStep({ id }), id).toMatch(/steps\.0\.id: use lower-case words joined by hyphens/);
    expect(errorOf({ ...anma, id: 'Anma' })).toMatch(/^id: use lower-case/);
  });

  it('keeps reps, holds, durations and hands within sensible bounds', () => {
    expect(withStep({ reps: 100 })).toBeNull();
    expect(withStep({ reps: 101 })).toMatch(/steps\.0\.reps/);
    expect(withStep({ reps: 2.5 })).toMatch(/steps\.0\.reps/);
    expect(withStep({ reps: 0 })).toMatch(/steps\.0\.reps: needs at least 1 rep/);
    expect(withStep({ holdMs: 100 })).toBeNull();
    expect(withStep({ holdMs: 99 })).toMatch(/steps\.0\.holdMs/);
    expect(withStep({ holdMs: 10_001 })).toMatch(/steps\.0\.holdMs/);
    expect(withStep({ hands: 1 })).toBeNull();
    expect(withStep({ hands: 3 })).toMatch(/steps\.0\.hands/);
    expect(withStep({ effectors: [] })).toMatch(/steps\.0\.effectors/);
    expect(withStep({ instructions: [] })).toMatch(/steps\.0\.instructions/);
    expect(withStep({ title: '' })).toMatch(/steps\.0\.title/);
    const timed = { kind: 'timed', region: undefined, sides: 'none', reps: 0 };
    expect(withStep({ ...timed, durationMs: 1000 })).toBeNull();
    expect(withStep({ ...timed, durationMs: 999 })).toMatch(/steps\.0\.durationMs/);
    expect(withStep({ ...timed, durationMs: 600_001 })).toMatch(/steps\.0\.durationMs/);
  });

  it('asks for a region for every kind but the head tilt and timed steps', () => {
    const noRegion = { region: undefined, sides: 'none' };
    expect(withStep({ ...noRegion })).toMatch(/steps\.0\.region: a circle step needs a region/);
    expect(withStep({ ...noRegion, kind: 'brow-raise' })).toMatch(
      /a brow-raise step needs a region/,
    );
    expect(withStep({ ...noRegion, kind: 'head-tilt', effectors: undefined })).toBeNull();
    // Without a region there are no sides to work.
    expect(withStep({ region: undefined, kind: 'head-tilt', sides: 'each' })).toMatch(
      /steps\.0\.sides: a step without a region has sides "none"/,
    );
  });

  it('asks hand strokes for effectors, and the face exercises not', () => {
    for (const kind of ['glide', 'walk', 'flick', 'pinch', 'circle', 'pluck'])
      expect(withStep({ kind, effectors: undefined }), kind).toMatch(
        new RegExp(`steps\\.0\\.effectors: a ${kind} step needs effectors`),
      );
    expect(
      withStep({ kind: 'brow-raise', region: 'forehead', sides: 'none', effectors: undefined }),
    ).toBeNull();
  });

  it('accepts the options imported routines may use that the built-in ones do not', () => {
    expect(withStep({ sides: 'both' })).toBeNull();
    expect(withStep({ circleSense: 'down-near-nose' })).toBeNull();
    expect(withStep({ tool: 'roller' })).toBeNull();
    expect(withStep({ sides: 'all' })).toMatch(/steps\.0\.sides/);
    expect(withStep({ circleSense: 'clockwise' })).toMatch(/steps\.0\.circleSense/);
    expect(withStep({ tool: 'spoon' })).toMatch(/steps\.0\.tool/);
  });

  it('wants "none" for a midline region', () => {
    expect(withStep({ kind: 'pluck', region: 'lips', sides: 'each' })).toMatch(
      /steps\.0\.sides: region "lips" is on the midline: use "none"/,
    );
    expect(withStep({ kind: 'pluck', region: 'lips', sides: 'none' })).toBeNull();
  });

  it('names the top level when the data is not a routine at all, and lists every problem', () => {
    expect(errorOf([])).toMatch(/^\(top level\): /);
    expect(withStep({ title: '', reps: 101 })?.split('; ')).toEqual([
      expect.stringMatching(/^steps\.0\.title: /),
      expect.stringMatching(/^steps\.0\.reps: /),
    ]);
    expect(errorOf({ ...anma, steps: [] })).toMatch(/^steps: /);
  });

  it('tracks the hands a step says, else one for face exercises and timed steps, else two', () => {
    expect(handsFor(circles)).toBe(2);
    expect(handsFor({ ...circles, hands: 1 })).toBe(1);
    const stepOf = (kind: string) =>
      [...ROUTINES.flatMap((r) => r.steps), ...TOOL_STEPS].find(
        (s) => s.kind === kind,
      ) as RoutineStep;
    expect(handsFor(stepOf('head-tilt'))).toBe(1);
    expect(handsFor(stepOf('timed'))).toBe(1);
    expect(handsFor(stepOf('brow-raise'))).toBe(2);
  });
});
