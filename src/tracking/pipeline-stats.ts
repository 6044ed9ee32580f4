/** The q-quantile (0..1) of some values (the nearest rank), NaN when there are none. */
export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

/** A bounded record of recent frame timings, for diagnostics and the pipeline benchmark. */
export class PipelineStats {
  private readonly latencies: number[] = [];
  private readonly trackedAt: number[] = [];
  private readonly inference: { face: number; hand: number }[] = [];
  private readonly cameraAt: number[] = [];
  private readonly cameraFrames: number[] = [];

  constructor(private readonly capacity = 2000) {}

  /** Records one tracked frame: when it was captured and when its feedback was applied (ms, performance.now()). */
  record(capturedAt: number, appliedAt: number): void {
    this.latencies.push(appliedAt - capturedAt);
    this.trackedAt.push(appliedAt);
    if (this.latencies.length > this.capacity) {
      this.latencies.shift();
      this.trackedAt.shift();
    }
  }

  /**
   * Records frames from the camera, tracked or not, seen at `at` (ms, performance.now()): more than
   * one when the page was too busy to be called back for each.
   */
  recordCameraFrames(at: number, frames = 1): void {
    this.cameraAt.push(at);
    this.cameraFrames.push(frames);
    if (this.cameraAt.length > this.capacity) {
      this.cameraAt.shift();
      this.cameraFrames.shift();
    }
  }

  /** Frames the camera sent per second between `since` and `until`. */
  cameraRate(since: number, until: number): number {
    let count = 0;
    this.cameraAt.forEach((t, i) => {
      if (t >= since && t <= until) count += this.cameraFrames[i] ?? 0;
    });
    return until > since ? (count * 1000) / (until - since) : 0;
  }

  /** Records how long the face and hand models took on one frame (ms, inside their workers). */
  recordInference(faceMs: number, handMs: number): void {
    this.inference.push({ face: faceMs, hand: handMs });
    if (this.inference.length > this.capacity) this.inference.shift();
  }

  /** Median inference times (ms) of the recent frames. */
  get medianInference(): { face: number; hand: number } {
    return {
      face: quantile(
        this.inference.map((i) => i.face),
        0.5,
      ),
      hand: quantile(
        this.inference.map((i) => i.hand),
        0.5,
      ),
    };
  }

  /** Capture-to-feedback latencies (ms) of the frames tracked at or after `since`. */
  latenciesSince(since: number): number[] {
    return this.latencies.filter((_, i) => (this.trackedAt[i] ?? 0) >= since);
  }

  /** Frames tracked per second between `since` and `until`. */
  frameRate(since: number, until: number): number {
    const count = this.trackedAt.filter((t) => t >= since && t <= until).length;
    return until > since ? (count * 1000) / (until - since) : 0;
  }
}
