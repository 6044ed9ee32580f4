import { chooseFace } from '../core/face-view';
import type { FaceObservation, HandObservation, TrackedFrame } from '../core/frame';
import type { QualityLevel } from './adaptive-quality';
import { HandWorkerPolicy } from './hand-worker-policy';
import {
  type DetectionResult,
  LandmarkWorkerClient,
  type RuntimeUrls,
} from './landmark-worker-client';
import { type LoadProgress, LoadProgressSum } from './load-progress';
import { TrackingLoad } from './tracking-load';

/** A landmark model the tracker can run: a {@link LandmarkWorkerClient}, or a fake in tests. */
export interface LandmarkDetector {
  /** Where the model runs ("GPU" or "CPU"). */
  readonly delegate: string;
  /** Runs the model on `bitmap`, which it takes over. */
  detect(bitmap: ImageBitmap, timestamp: number): Promise<DetectionResult>;
  /** Sets how many hands a hand model looks for. */
  configure(numHands: number): Promise<void>;
  dispose(): void;
}

/** Timing of the last tracked frame, for diagnostics and benchmarks. */
export interface TrackingTimings {
  readonly faceMs: number;
  readonly handMs: number;
}

/** Receives each tracked frame with the capture time of the camera frame its hands come from. */
export type TrackedFrameListener = (frame: TrackedFrame, capturedAt: number) => void;

/** Receives a tracking failure. */
export type TrackingErrorListener = (error: Error) => void;

/** Hand workers taking turns on camera frames (on a machine fast enough for them). */
export const HAND_WORKERS = 2;
/** Results of two hand workers this close in time (ms) see the same hands. */
const AGREE_MS = 300;

/** How to load a tracker: see {@link Tracker.create}. */
export interface TrackerOptions {
  /** Hands the hand model looks for at first. */
  readonly numHands?: number;
  /** Hand workers taking turns on camera frames. */
  readonly handWorkers?: number;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: LoadProgress) => void;
}

/**
 * Runs the face and hand landmarkers in two workers and turns their results into
 * {@link TrackedFrame}s: the only place where MediaPipe output becomes app data.
 *
 * The workers run independently, each on the newest camera frame whenever it is free, so neither
 * waits for the other and no queue builds up. A frame is emitted for every hand result, with the
 * most recent face carried forward (the face model runs at a lower rate).
 */
export class Tracker {
  lastTimings: TrackingTimings = { faceMs: 0, handMs: 0 };
  private face: FaceObservation | null = null;
  private facesInView = 0;
  private faceT = -Infinity;
  private faceStartedT = -Infinity;
  private lastEmittedT = -Infinity;
  private readonly numHands: number[];
  private readonly policy: HandWorkerPolicy;
  /** Each hand worker's latest result: its frame time and how many hands it found. */
  private readonly handsSeen: ({ t: number; count: number } | undefined)[] = [];
  private listener: TrackedFrameListener | null = null;
  /** The newest camera frame offered, so a worker that frees up can take it at once. */
  private latest: { source: ImageBitmapSource; t: number; capturedAt: number } | null = null;
  private handT = -Infinity;
  private onError: TrackingErrorListener | null = null;
  private disposed = false;
  /**
   * Workers given a frame and not yet done with it. Claimed when the frame is handed out, not when
   * the worker gets its request: the image is copied in between, and a second frame arriving then
   * must not pick the same worker.
   */
  private readonly working = new Set<LandmarkDetector>();
  private readonly load: TrackingLoad;

  private constructor(
    private readonly faceWorker: LandmarkDetector,
    private readonly handWorkers: LandmarkDetector[],
    numHands: number,
  ) {
    this.numHands = handWorkers.map(() => numHands);
    this.load = new TrackingLoad(handWorkers.length);
    this.policy = new HandWorkerPolicy(handWorkers.length, numHands);
  }

  /**
   * Loads the models (in parallel): one face worker and `handWorkers` hand workers, which take
   * turns on successive camera frames so that a frame's overhead overlaps the next one's inference.
   * Aborting `signal` ends every worker still loading; `onProgress` hears the models' bytes.
   */
  static async create(urls: RuntimeUrls, options: TrackerOptions = {}): Promise<Tracker> {
    const { numHands = 2, handWorkers = HAND_WORKERS, signal, onProgress } = options;
    const progress = new LoadProgressSum(1 + handWorkers);
    const report = (index: number) => (loaded: number, total: number) =>
      onProgress?.(progress.update(index, loaded, total));
    const started = await Promise.allSettled([
      LandmarkWorkerClient.create('face', urls, numHands, signal, report(0)),
      ...Array.from({ length: handWorkers }, (_, i) =>
        LandmarkWorkerClient.create('hand', urls, numHands, signal, report(i + 1)),
      ),
    ]);
    const failed = started.find((s) => s.status === 'rejected');
    const ready = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
    if (failed) {
      for (const worker of ready) worker.dispose();
      throw (failed as PromiseRejectedResult).reason;
    }
    const [face, ...hands] = ready as [LandmarkWorkerClient, ...LandmarkWorkerClient[]];
    return new Tracker(face, hands, numHands);
  }

  /** A tracker over detectors already loaded (fakes in tests). */
  static fromDetectors(face: LandmarkDetector, hands: LandmarkDetector[], numHands = 2): Tracker {
    return new Tracker(face, hands, numHands);
  }

  /** Where the models run ("GPU" or "CPU"). */
  get delegate(): string {
    return this.faceWorker.delegate;
  }

  /** Sets where frames and errors go. */
  listen(listener: TrackedFrameListener, onError: TrackingErrorListener): void {
    this.listener = listener;
    this.onError = onError;
  }

  /**
   * How many hands to look for. MediaPipe's hand model skips palm detection while it tracks that
   * many hands, so a one-handed step is much cheaper with 1. Applied when the worker is idle.
   */
  setNumHands(numHands: number): void {
    this.policy.setWanted(numHands);
  }

  /** Runs the face model no more often than `level` allows (see {@link AdaptiveQuality}). */
  setQuality(level: QualityLevel): void {
    this.load.setFaceInterval(level.faceIntervalMs);
  }

  /**
   * True when a camera frame at time `t` (the frame clock of `offer`) would go unused: every hand
   * worker is busy and the face worker is busy or not yet due.
   */
  saturatedAt(t: number): boolean {
    return (
      this.handWorkers.every((w) => this.working.has(w)) &&
      (this.working.has(this.faceWorker) || !this.faceDue(t))
    );
  }

  /**
   * Offers a new camera frame: each idle worker takes it. `t` must increase from call to call
   * (MediaPipe rejects timestamps that do not); `capturedAt` is when the camera captured it.
   */
  offer(source: ImageBitmapSource, t: number, capturedAt: number): void {
    if (this.disposed) return;
    this.latest = { source, t, capturedAt };
    this.dispatch();
  }

  /** Starts each idle worker on the newest frame it has not seen yet. */
  private dispatch(): void {
    const frame = this.latest;
    if (!frame || this.disposed) return;
    if (
      !this.working.has(this.faceWorker) &&
      this.faceDue(frame.t) &&
      frame.t > this.faceStartedT
    ) {
      this.faceStartedT = frame.t;
      this.working.add(this.faceWorker);
      void this.runFace(frame.source, frame.t);
    }
    const active = this.load.activeHandWorkers(frame.t);
    const idle = this.handWorkers.findIndex(
      (w, i) => i < active && !this.working.has(w) && this.policy.takesFrame(i, frame.t, active),
    );
    if (idle >= 0 && frame.t > this.handT) {
      this.handT = frame.t;
      this.working.add(this.handWorkers[idle] as LandmarkDetector);
      void this.runHands(idle, frame.source, frame.t, frame.capturedAt);
    }
  }

  /** Closes both models and ends their workers. */
  dispose(): void {
    this.disposed = true;
    this.faceWorker.dispose();
    for (const worker of this.handWorkers) worker.dispose();
  }

  private faceDue(t: number): boolean {
    return t - this.faceStartedT >= this.load.faceIntervalMs;
  }

  private async runFace(source: ImageBitmapSource, t: number): Promise<void> {
    let result: DetectionResult;
    try {
      result = await this.faceWorker.detect(await createImageBitmap(source), t);
    } catch (error) {
      this.fail(error);
      return;
    } finally {
      this.working.delete(this.faceWorker);
    }
    this.lastTimings = { ...this.lastTimings, faceMs: result.inferenceMs };
    this.load.record('face', result.inferenceMs);
    if (t > this.faceT) {
      this.face = chooseFace(result.faces, this.face);
      this.facesInView = result.faces.length;
      this.faceT = t;
    }
    this.dispatch();
  }

  private async runHands(
    index: number,
    source: ImageBitmapSource,
    t: number,
    capturedAt: number,
  ): Promise<void> {
    const worker = this.handWorkers[index] as LandmarkDetector;
    let result: DetectionResult;
    try {
      const wanted = this.policy.handsFor(index, t, this.load.activeHandWorkers(t));
      if (wanted !== this.numHands[index]) {
        await worker.configure(wanted);
        this.numHands[index] = wanted;
      }
      result = await worker.detect(await createImageBitmap(source), t);
    } catch (error) {
      this.fail(error);
      return;
    } finally {
      this.working.delete(worker);
    }
    this.lastTimings = { ...this.lastTimings, handMs: result.inferenceMs };
    this.load.record('hand', result.inferenceMs);
    this.policy.observe(t, result.hands.length);
    const missesHands = this.missesHandsSeenByOthers(index, t, result.hands.length);
    this.handsSeen[index] = { t, count: result.hands.length };
    // The worker starts on the next frame before this one's results are handled.
    this.dispatch();
    if (!missesHands) this.emit(t, result.hands, capturedAt);
  }

  /**
   * Whether worker `index` found fewer hands at `t` than another worker found a moment before.
   * NOTE: a worker that is not tracking must find hands by palm detection, which often misses a
   * hand on the face that the worker tracking it still follows; its frame would be a false
   * dropout, so it is left out (the hand really gone, the tracking worker soon says so too).
   */
  private missesHandsSeenByOthers(index: number, t: number, count: number): boolean {
    return this.handsSeen.some(
      (seen, other) =>
        other !== index &&
        seen !== undefined &&
        Math.abs(t - seen.t) <= AGREE_MS &&
        seen.count > count,
    );
  }

  private emit(t: number, hands: HandObservation[], capturedAt: number): void {
    if (this.disposed || t <= this.lastEmittedT) return;
    this.lastEmittedT = t;
    const face = t - this.faceT <= this.load.faceMaxAgeMs ? this.face : null;
    const others = face && this.facesInView > 1 ? { facesInView: this.facesInView } : {};
    this.listener?.({ t, face, hands, ...others }, capturedAt);
  }

  private fail(error: unknown): void {
    if (this.disposed) return;
    this.onError?.(error instanceof Error ? error : new Error(String(error)));
  }
}
