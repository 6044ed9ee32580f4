import { describe, expect, it } from 'vitest';
import type { RoutineStep } from '../../src/core/routine-schema';
import { ROUTINES, SESSIONS, sessionRoutine, TOOL_STEPS } from '../../src/core/routines';
import {
  buildSessionRoutine,
  estimateRemainingMs,
  estimateStepMs,
  parseSessions,
  parseToolSteps,
} from '../../src/core/session-plan';

const minutes = (ms: number) => ms / 60_000;

describe('session plans', () => {
  it('builds the daily session from serum, the FaceGym routine and the stress-release pair', () => {
    const routine = sessionRoutine('daily');
    expect(routine?.steps.map((s) => s.id)).toEqual([
      'apply-serum',
      'chin-flicks',
      'laugh-line-walk',
      'jawline-glide',
      'brow-pinch',
      'platysma-stretch',
      'forehead-deadlift',
    ]);
    // Without a scale, the routines' own reps.
    const own = ROUTINES.flatMap((r) => r.steps).filter((s) =>
      routine?.steps.some((t) => t.id === s.id),
    );
    expect(routine?.steps.filter((s) => s.kind !== 'timed').map((s) => s.reps)).toEqual(
      own.map((s) => s.reps),
    );
  });

  it('puts the roller before the serum and the gua sha after the moisturiser in the extended session', () => {
    const ids = sessionRoutine('extended')?.steps.map((s) => s.id) ?? [];
    expect(ids.indexOf('gold-roller')).toBeLessThan(ids.indexOf('apply-serum'));
    expect(ids.indexOf('apply-moisturiser')).toBeLessThan(ids.indexOf('gua-sha-cheeks'));
    expect(ids).toContain('lip-pluck');
  });

  it('fits the lengths the FaceGym article recommends', () => {
    const daily = sessionRoutine('daily');
    const extended = sessionRoutine('extended');
    if (!daily || !extended) throw new Error('missing session');
    expect(minutes(estimateRemainingMs(daily, 0, 0))).toBeGreaterThan(4);
    expect(minutes(estimateRemainingMs(daily, 0, 0))).toBeLessThan(6.5);
    expect(minutes(estimateRemainingMs(extended, 0, 0))).toBeGreaterThan(15);
    expect(minutes(estimateRemainingMs(extended, 0, 0))).toBeLessThan(20);
  });

  it('scales reps in the extended session', () => {
    const jaw = sessionRoutine('extended')?.steps.find((s) => s.id === 'jawline-glide');
    expect(jaw?.reps).toBe(
      2 * (ROUTINES[0]?.steps.find((s) => s.id === 'jawline-glide')?.reps ?? 0),
    );
  });

  it('counts down the time left as a step goes on', () => {
    const daily = sessionRoutine('daily');
    if (!daily) throw new Error('missing session');
    const serum = estimateStepMs(daily.steps[0] as (typeof daily.steps)[number]);
    expect(estimateRemainingMs(daily, 0, 10_000)).toBe(estimateRemainingMs(daily, 0, 0) - 10_000);
    expect(estimateRemainingMs(daily, 1, 0)).toBe(estimateRemainingMs(daily, 0, 0) - serum);
  });

  it('refuses a session that names an unknown part', () => {
    const plan = { ...(SESSIONS[0] as (typeof SESSIONS)[number]), parts: [{ tool: 'jade-egg' }] };
    expect(() => buildSessionRoutine(plan, ROUTINES, TOOL_STEPS)).toThrow(
      /unknown tool step "jade-egg"/,
    );
  });

  it('refuses a session that names an unknown routine, or runs a step twice', () => {
    const base = SESSIONS[0] as (typeof SESSIONS)[number];
    expect(() =>
      buildSessionRoutine({ ...base, parts: [{ routine: 'yoga' }] }, ROUTINES, TOOL_STEPS),
    ).toThrow(/Session "daily" uses an unknown routine "yoga"/);
    const twice = { ...base, parts: [{ routine: 'anma' }, { routine: 'anma', repsScale: 2 }] };
    expect(() => buildSessionRoutine(twice, ROUTINES, TOOL_STEPS)).toThrow(
      /Session "daily" repeats a step/,
    );
  });

  it('runs as one routine named after the session, with at least one rep per step', () => {
    const base = SESSIONS[0] as (typeof SESSIONS)[number];
    const light = buildSessionRoutine(
      {
        ...base,
        parts: [{ tool: 'apply-serum' }, { routine: 'facegym-release', repsScale: 0.25 }],
      },
      ROUTINES,
      TOOL_STEPS,
    );
    expect(light).toMatchObject({ id: 'daily', title: base.title, summary: base.summary });
    expect(light.source.length).toBeGreaterThan(0);
    // Platysma 5 reps and forehead lift 10, scaled by a quarter and rounded; serum stays timed.
    expect(light.steps.map((s) => [s.id, s.reps])).toEqual([
      ['apply-serum', 0],
      ['platysma-stretch', 1],
      ['forehead-deadlift', 3],
    ]);
    // A single rep scaled down is still one rep, not a step done before it starts.
    const release = ROUTINES.find((r) => r.id === 'facegym-release') as (typeof ROUTINES)[number];
    const once = { ...release, steps: release.steps.map((s) => ({ ...s, reps: 1 })) };
    const scaled = buildSessionRoutine(
      { ...base, parts: [{ routine: 'facegym-release', repsScale: 0.25 }] },
      [once],
      TOOL_STEPS,
    );
    expect(scaled.steps.map((s) => s.reps)).toEqual([1, 1]);
  });

  it('names what is wrong in the sessions and tool steps files', () => {
    expect(() =>
      parseSessions({ sessions: [{ id: 'Daily', title: 'x', summary: 'y', parts: [] }] }),
    ).toThrow(/^Sessions are invalid: sessions\.0\.id: .*sessions\.0\.parts/);
    for (const id of ['daily session', '-daily', 'daily-', 'Daily'])
      expect(() => parseSessions({ sessions: [{ ...SESSIONS[0], id }] }), id).toThrow(
        /sessions\.0\.id/,
      );
    for (const id of ['daily-2', 'quick-evening-glow'])
      expect(parseSessions({ sessions: [{ ...SESSIONS[0], id }] }), id).toHaveLength(1);
    expect(() =>
      parseSessions({ sessions: [{ id: 'd', title: 'x', summary: 'y', parts: [{}] }] }),
    ).toThrow(/sessions\.0\.parts\.0/);
    expect(() =>
      parseSessions({
        sessions: [
          { id: 'd', title: 'x', summary: 'y', parts: [{ routine: 'anma', repsScale: 5 }] },
        ],
      }),
    ).toThrow(/repsScale/);
    expect(() => parseToolSteps({ steps: [{ id: 'serum' }] })).toThrow(
      /^Tool steps are invalid: steps\.0\./,
    );
    expect(parseToolSteps({ steps: [] })).toEqual([]);
  });

  it('estimates a step from its strokes, both sides, holds and settling in', () => {
    const anma = ROUTINES.find((r) => r.id === 'anma');
    const step = (id: string) => anma?.steps.find((s) => s.id === id) as RoutineStep;
    const circles = step('cheek-circles'); // 5 per side
    const held = step('jaw-to-cheekbone'); // 4 per side, with a hold
    const pluck = step('lip-pluck'); // 12 in all
    expect(
      estimateStepMs({ ...circles, sides: 'each' }) - estimateStepMs({ ...circles, sides: 'both' }),
    ).toBe(estimateStepMs({ ...circles, sides: 'both' }) - estimateStepMs({ ...circles, reps: 0 }));
    expect(estimateStepMs(held) - estimateStepMs({ ...held, holdMs: undefined })).toBe(
      8 * (held.holdMs ?? Number.NaN),
    );
    expect(estimateStepMs(pluck)).toBeLessThan(
      estimateStepMs({ ...pluck, kind: 'glide' } as RoutineStep),
    );
    // A timed step lasts its duration and a short lead-in.
    const serum = TOOL_STEPS.find((s) => s.id === 'apply-serum') as RoutineStep;
    expect(estimateStepMs(serum)).toBeGreaterThan(serum.durationMs ?? Number.NaN);
    expect(estimateStepMs(serum)).toBeLessThan((serum.durationMs ?? 0) + 5000);
  });

  it('never counts more than a step takes, nor less than nothing, for the current step', () => {
    const daily = sessionRoutine('daily');
    if (!daily) throw new Error('missing session');
    const rest = estimateRemainingMs(daily, 2, 0) - estimateStepMs(daily.steps[2] as RoutineStep);
    expect(estimateRemainingMs(daily, 2, 10 * 60_000)).toBe(rest);
    expect(estimateRemainingMs(daily, daily.steps.length, 0)).toBe(0);
  });
});
