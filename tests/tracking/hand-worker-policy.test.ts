import { describe, expect, it } from 'vitest';
import {
  DISCOVERY_INTERVAL_MS,
  HandWorkerPolicy,
  ONE_HAND_AFTER_MS,
} from '../../src/tracking/hand-worker-policy';

describe('HandWorkerPolicy', () => {
  it('asks every worker for one hand on a one-hand step', () => {
    const policy = new HandWorkerPolicy(1);
    expect([policy.handsFor(0, 0), policy.handsFor(1, 0), policy.handsFor(0, 30)]).toEqual([
      1, 1, 1,
    ]);
  });

  it('keeps every worker on two hands while two are in view', () => {
    const policy = new HandWorkerPolicy(2);
    policy.observe(1000, 2);
    for (const t of [1010, 1040, 1000 + ONE_HAND_AFTER_MS]) {
      expect([policy.handsFor(0, t), policy.handsFor(1, t)]).toEqual([2, 2]);
    }
  });

  it('tracks one hand cheaply when only one is seen, and looks for a second now and then', () => {
    const policy = new HandWorkerPolicy(2);
    policy.observe(0, 2);
    const t = ONE_HAND_AFTER_MS + 10;
    // The first worker looks for two on one frame, then tracks one until the next look is due.
    expect(policy.handsFor(0, t)).toBe(2);
    expect(policy.handsFor(1, t + 30)).toBe(1);
    expect(policy.handsFor(0, t + 60)).toBe(1);
    expect(policy.handsFor(0, t + DISCOVERY_INTERVAL_MS - 1)).toBe(1);
    expect(policy.handsFor(0, t + DISCOVERY_INTERVAL_MS)).toBe(2);
    // Only the first worker ever looks for a second hand.
    expect(policy.handsFor(1, t + 3 * DISCOVERY_INTERVAL_MS)).toBe(1);
    // A second hand comes into view: back to two hands everywhere.
    policy.observe(t + 300, 2);
    expect([policy.handsFor(0, t + 310), policy.handsFor(1, t + 320)]).toEqual([2, 2]);
  });

  it('starts a two-hand step tracking one hand and looking for both at once', () => {
    const policy = new HandWorkerPolicy(2);
    expect(policy.handsFor(0, 0)).toBe(2);
    expect(policy.handsFor(0, 30)).toBe(1);
  });

  it('follows a change of step', () => {
    const policy = new HandWorkerPolicy(1);
    policy.setWanted(2);
    expect(policy.handsFor(0, 0)).toBe(2);
    policy.setWanted(1);
    expect(policy.handsFor(0, DISCOVERY_INTERVAL_MS)).toBe(1);
  });
});
