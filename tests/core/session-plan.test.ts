import { describe, expect, it } from 'vitest';
import { ROUTINES, SESSIONS, sessionRoutine, TOOL_STEPS } from '../../src/core/routines';
import {
  buildSessionRoutine,
  estimateRemainingMs,
  estimateStepMs,
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
});
