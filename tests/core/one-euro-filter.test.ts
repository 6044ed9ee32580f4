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
});
