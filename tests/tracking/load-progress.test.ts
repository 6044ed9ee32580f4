import { describe, expect, it } from 'vitest';
import { LoadProgressSum, loadingText } from '../../src/tracking/load-progress';

describe('model download progress', () => {
  it('adds up the workers, and knows the total only once every size is known', () => {
    const sum = new LoadProgressSum(3);
    expect(sum.update(0, 1_000_000, 4_000_000)).toEqual({ loaded: 1_000_000, total: 0 });
    sum.update(1, 0, 8_000_000);
    expect(sum.update(2, 2_000_000, 8_000_000)).toEqual({ loaded: 3_000_000, total: 20_000_000 });
    expect(sum.update(0, 4_000_000, 4_000_000)).toEqual({ loaded: 6_000_000, total: 20_000_000 });
  });

  it('says how far the download is, in percent and megabytes', () => {
    expect(loadingText({ loaded: 5_000_000, total: 20_000_000 })).toBe(
      'Loading the tracking models… 25% (5.0 of 20.0 MB)',
    );
    expect(loadingText({ loaded: 1_234_567, total: 0 })).toBe(
      'Loading the tracking models… 1.2 MB so far',
    );
    expect(loadingText({ loaded: 30, total: 20 })).toMatch(/100%/);
  });
});
