import { describe, expect, it } from 'vitest';
import { PipelineStats } from '../../src/tracking/pipeline-stats';

describe('PipelineStats', () => {
  it('reports frame rate and latencies over a window', () => {
    const stats = new PipelineStats();
    for (let i = 0; i < 50; i++) stats.record(i * 40 - 30, i * 40);
    expect(stats.frameRate(1000, 2000)).toBeCloseTo(25, 5);
    expect(stats.latenciesSince(1000)).toEqual(Array(25).fill(30));
  });

  it('keeps a bounded history', () => {
    const stats = new PipelineStats(10);
    for (let i = 0; i < 100; i++) {
      stats.record(i, i + 5);
      stats.recordInference(i, 2 * i);
    }
    expect(stats.latenciesSince(0)).toHaveLength(10);
    expect(stats.medianInference).toEqual({ face: 95, hand: 190 });
  });
});
