import { describe, expect, it } from 'vitest';
import {
  DISCOVERY_INTERVAL_MS,
  HandWorkerPolicy,
  ONE_HAND_AFTER_MS,
} from '../../src/tracking/hand-worker-policy';

describe('HandWorkerPolicy', () => {
  it('asks every worker for one hand on a one-hand step', () => {
    const policy = new HandWorkerPolicy(2, 1);
    expect([policy.handsFor(0, 0), policy.handsFor(1, 0)]).toEqual([1, 1]);
    expect(policy.takesFrame(0, 0)).toBe(true);
  });

  it('keeps both workers on two hands while two are in view', () => {
    const policy = new HandWorkerPolicy(2, 2);
    policy.observe(1000, 2);
    expect(policy.handsFor(1, 1000 + ONE_HAND_AFTER_MS - 1)).toBe(2);
    expect(policy.takesFrame(0, 1500)).toBe(true);
    expect(policy.takesFrame(0, 1510)).toBe(true);
  });

  it('tracks one hand cheaply when only one is seen, and looks for a second now and then', () => {
    const policy = new HandWorkerPolicy(2, 2);
    policy.observe(0, 2);
    const t = ONE_HAND_AFTER_MS + 10;
    expect(policy.handsFor(0, t)).toBe(2);
    expect(policy.handsFor(1, t)).toBe(1);
    expect(policy.takesFrame(0, t)).toBe(true);
    expect(policy.takesFrame(0, t + 30)).toBe(false);
    expect(policy.takesFrame(1, t + 30)).toBe(true);
    expect(policy.takesFrame(0, t + DISCOVERY_INTERVAL_MS)).toBe(true);
    // A second hand comes into view: back to two hands everywhere.
    policy.observe(t + 300, 2);
    expect(policy.handsFor(1, t + 310)).toBe(2);
    expect(policy.takesFrame(0, t + 320)).toBe(true);
  });

  it('lets a worker left alone on a slow machine take every frame, looking for both hands', () => {
    const policy = new HandWorkerPolicy(2, 2);
    policy.observe(0, 1);
    const t = ONE_HAND_AFTER_MS + 10;
    expect(policy.takesFrame(0, t, 1)).toBe(true);
    expect(policy.takesFrame(0, t + 30, 1)).toBe(true);
    expect(policy.handsFor(0, t + 30, 1)).toBe(2);
    // Two workers again: the first goes back to looking now and then.
    expect(policy.takesFrame(0, t + 60, 2)).toBe(true);
    expect(policy.takesFrame(0, t + 90, 2)).toBe(false);
  });
});
