import { describe, expect, it } from 'vitest';
import { PipelineStats } from '../../src/tracking/pipeline-stats';

describe('PipelineStats', () => {
  it('reports frame rate and latencies over a window', () => {
    const stats = new PipelineStats();
    for (let i = 0; i < 50; i++) stats.record(i * 40 - 30, i * 40);
    expect(stats.frameRate(1000, 2000)).toBeCloseTo(25, 5);
    expect(stats.latenciesSince(1000)).toEqual(Array(25).fill(30));
  });

  it('counts the camera frames apart from the tracked ones', () => {
    const stats = new PipelineStats(100);
    for (let i = 0; i < 300; i++) {
      stats.recordCameraFrames(i * 33);
      if (i % 3 === 0) stats.record(i * 33 - 20, i * 33);
    }
    // Only the newest 100 camera frames are kept: 30 a second over the last 3.3 s.
    expect(stats.cameraRate(8000, 9000)).toBeCloseTo(30, 0);
    expect(stats.cameraRate(0, 1000)).toBe(0);
    expect(stats.frameRate(8000, 9000)).toBeCloseTo(10, 0);
  });

  it('counts the camera frames a busy page was called back for only once', () => {
    const stats = new PipelineStats();
    // Called back every 100 ms, three frames presented each time: a 30 fps camera.
    for (let i = 1; i <= 20; i++) stats.recordCameraFrames(i * 100, 3);
    expect(stats.cameraRate(1050, 2050)).toBeCloseTo(30, 5);
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
