import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TrackedFrame } from '../../src/core/frame';
import type { Trace } from '../../src/core/trace';
import { TraceFrameSource } from '../../src/tracking/trace-frame-source';

const trace: Trace = {
  format: 'massage-trace',
  version: 1,
  width: 640,
  height: 480,
  frames: [1000, 1040, 1100, 1200].map((t) => ({ t, face: null, hands: [] })),
};

describe('TraceFrameSource', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('delivers frames at their times, on its own clock, and says when it is done', () => {
    const got: TrackedFrame[] = [];
    const onEnd = vi.fn();
    const source = new TraceFrameSource(trace, onEnd, () => Date.now());
    const start = Date.now();
    source.start((f) => got.push(f));
    vi.advanceTimersByTime(50);
    expect(got.map((f) => f.t - start)).toEqual([0, 40]);
    vi.advanceTimersByTime(200);
    expect(got.map((f) => f.t - start)).toEqual([0, 40, 100, 200]);
    expect(onEnd).toHaveBeenCalledTimes(1);
    expect(source.frameSize).toEqual({ width: 640, height: 480 });
  });

  it('resumes after a pause with times that keep increasing', () => {
    const got: TrackedFrame[] = [];
    const source = new TraceFrameSource(trace, undefined, () => Date.now());
    source.start((f) => got.push(f));
    vi.advanceTimersByTime(60);
    source.stop();
    vi.advanceTimersByTime(5000);
    expect(got).toHaveLength(2);
    source.start((f) => got.push(f));
    vi.advanceTimersByTime(500);
    expect(got).toHaveLength(4);
    const times = got.map((f) => f.t);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect((times[2] ?? 0) - (times[1] ?? 0)).toBeGreaterThan(5000);
  });
});
