import type { TrackedFrame } from '../core/frame';
import { LandmarkWorkerClient, type RuntimeUrls } from './landmark-worker-client';

/** Timing of the last tracked frame, for diagnostics and benchmarks. */
export interface TrackingTimings {
  readonly faceMs: number;
  readonly handMs: number;
  readonly totalMs: number;
}

/**
 * Runs the face and hand landmarkers in two workers, in parallel, and merges their results into
 * one {@link TrackedFrame}. The only place where MediaPipe output becomes app data.
 */
export class Tracker {
  lastTimings: TrackingTimings = { faceMs: 0, handMs: 0, totalMs: 0 };
  private lastTimestamp = -Infinity;

  private constructor(
    private readonly face: LandmarkWorkerClient,
    private readonly hand: LandmarkWorkerClient,
  ) {}

  /** Loads both models (in parallel). */
  static async create(urls: RuntimeUrls): Promise<Tracker> {
    const [face, hand] = await Promise.allSettled([
      LandmarkWorkerClient.create('face', urls),
      LandmarkWorkerClient.create('hand', urls, 2),
    ]);
    if (face.status === 'fulfilled' && hand.status === 'fulfilled')
      return new Tracker(face.value, hand.value);
    if (face.status === 'fulfilled') face.value.dispose();
    if (hand.status === 'fulfilled') hand.value.dispose();
    throw face.status === 'rejected' ? face.reason : (hand as PromiseRejectedResult).reason;
  }

  /** True while a frame is being tracked. */
  get busy(): boolean {
    return this.face.busy || this.hand.busy;
  }

  /**
   * Tracks one image. `t` must be strictly greater than the previous call's; it is nudged up by
   * a microsecond otherwise, since MediaPipe rejects non-increasing timestamps.
   */
  async track(source: ImageBitmapSource, t: number): Promise<TrackedFrame> {
    const timestamp = t > this.lastTimestamp ? t : this.lastTimestamp + 0.001;
    this.lastTimestamp = timestamp;
    const started = performance.now();
    const [faceBitmap, handBitmap] = await Promise.all([
      createImageBitmap(source),
      createImageBitmap(source),
    ]);
    const [faceResult, handResult] = await Promise.all([
      this.face.detect(faceBitmap, timestamp),
      this.hand.detect(handBitmap, timestamp),
    ]);
    this.lastTimings = {
      faceMs: faceResult.inferenceMs,
      handMs: handResult.inferenceMs,
      totalMs: performance.now() - started,
    };
    return { t: timestamp, face: faceResult.faces[0] ?? null, hands: handResult.hands };
  }

  /** Closes both models and ends their workers. */
  dispose(): void {
    this.face.dispose();
    this.hand.dispose();
  }
}
