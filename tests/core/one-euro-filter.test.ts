import { describe, expect, it } from 'vitest';
import { OneEuroFilter } from '../../src/core/one-euro-filter';
import { seededRandom } from '../support/stroke-synth';

describe('OneEuroFilter', () => {
  it('smooths jitter at rest', () => {
    const filter = new OneEuroFilter();
    const random = seededRandom(3);
    let worst = 0;
    for (let i = 0; i < 200; i++) {
      const y = filter.filter(1 + (random() - 0.5) * 0.02, i * 40);
      if (i > 20) worst = Math.max(worst, Math.abs(y - 1));
    }
    // The raw samples wander up to 0.01 from rest.
    expect(worst).toBeLessThan(0.008);
  });

  it('follows fast motion with little lag', () => {
    const filter = new OneEuroFilter();
    let y = 0;
    for (let i = 0; i <= 25; i++) y = filter.filter(i / 25, i * 40);
    expect(y).toBeGreaterThan(0.85);
  });

  it('starts afresh after reset', () => {
    const filter = new OneEuroFilter();
    filter.filter(0, 0);
    filter.reset();
    expect(filter.filter(5, 40)).toBe(5);
  });

  it('forgets the speed too on reset: a fresh start filters like a new filter', () => {
    const used = new OneEuroFilter();
    for (let i = 0; i <= 10; i++) used.filter(i, i * 40); // fast motion
    used.reset();
    const fresh = new OneEuroFilter();
    for (let i = 0; i < 10; i++) {
      const x = 20 + (i % 2) * 0.5;
      expect(used.filter(x, 1000 + i * 40)).toBe(fresh.filter(x, 1000 + i * 40));
    }
  });

  it('holds its value for a repeated or earlier timestamp instead of jumping', () => {
    const filter = new OneEuroFilter();
    filter.filter(0, 0);
    const y = filter.filter(1, 40);
    expect(filter.filter(5, 40)).toBe(y);
    expect(filter.filter(5, 20)).toBe(y);
    // A later stamp filters again.
    expect(filter.filter(1, 60)).toBeGreaterThan(y);
  });

  it('lags less with a higher beta and smooths more with a lower cut-off', () => {
    const ramp = (filter: OneEuroFilter) => {
      let y = 0;
      for (let i = 0; i <= 10; i++) y = filter.filter(i / 10, i * 40);
      return y;
    };
    expect(ramp(new OneEuroFilter(1.5, 4))).toBeGreaterThan(ramp(new OneEuroFilter(1.5, 0)));
    expect(ramp(new OneEuroFilter(0.5, 0))).toBeLessThan(ramp(new OneEuroFilter(3, 0)));
    // The speed estimate's own cut-off: a slower one reacts later to the start of a motion.
    expect(ramp(new OneEuroFilter(1.5, 4, 0.2))).toBeLessThan(ramp(new OneEuroFilter(1.5, 4, 5)));
  });
});
