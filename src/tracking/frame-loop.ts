import type { FrameSize } from '../core/frame';
import type { LumaImage } from '../core/lighting';
import { AdaptiveQuality } from './adaptive-quality';
import type { FrameListener, FrameSource } from './frame-source';
import { LightMeter } from './light-meter';
import { PipelineStats } from './pipeline-stats';
import type { Tracker } from './tracker';

/** How often the tracked and camera rates are judged for the adaptive quality (ms). */
export const ADAPT_EVERY_MS = 500;
/** The rates are measured over this much time (ms). */
export const RATE_WINDOW_MS = 2000;

/** Reports a tracking failure that stopped the loop. */
export type LoopErrorListener = (error: Error) => void;

/**
 * The one frame loop: offers each new camera frame (via `requestVideoFrameCallback`) to the
 * tracker once, owns the timestamps (performance.now(), strictly increasing) and pauses while the
 * page is hidden. Frames that arrive while the tracker is busy are skipped, never queued.
 */
export class CameraFrameLoop implements FrameSource {
  framesTracked = 0;
  /** Timings of recent frames. */
  readonly stats = new PipelineStats();
  /** How much the tracker and the overlay spend, from the rates measured here. */
  readonly quality = new AdaptiveQuality();
  private listener: FrameListener | null = null;
  private readonly light: LightMeter;
  private callbackId: number | null = null;
  private running = false;
  private lastT = 0;
  /** Time spent paused or hidden (ms), left out of the frames' clock; and when that began. */
  private pausedMs = 0;
  private pausedAt: number | null = null;
  private adaptedAt = Number.NEGATIVE_INFINITY;
  /** The first frame tracked since frames began to flow again (start, or the page shown). */
  private firstTrackedAt: number | null = null;
  /** The video's count of frames presented, at the last callback. */
  private presentedFrames: number | null = null;
  private readonly onVisibility = () => {
    if (document.hidden) {
      this.cancel();
      this.pausedAt ??= performance.now();
    } else if (this.running) {
      this.resumeClock();
      this.schedule();
    }
  };

  /**
   * @param continueFrom the frame time of a loop this one takes over from (a restarted tracker):
   *   its frames go on from there, so the step clock does not count the time in between
   */
  constructor(
    private readonly video: HTMLVideoElement,
    private readonly tracker: Tracker,
    onError: LoopErrorListener,
    continueFrom?: number,
  ) {
    this.light = new LightMeter(video);
    if (continueFrom !== undefined) {
      this.lastT = continueFrom;
      this.pausedMs = performance.now() - continueFrom;
    }
    tracker.listen(
      (frame, capturedAt) => {
        if (!this.running) return;
        this.framesTracked++;
        this.firstTrackedAt ??= performance.now();
        this.listener?.(frame);
        this.stats.record(capturedAt, performance.now());
        this.stats.recordInference(tracker.lastTimings.faceMs, tracker.lastTimings.handMs);
      },
      (error) => {
        if (!this.running) return;
        this.stop();
        onError(error);
      },
    );
  }

  /** Time of the last frame offered (ms on the frames' clock). */
  get lastFrameT(): number {
    return this.lastT;
  }

  /** Where the models run: "GPU" where WebGL has a real GPU, else "CPU". */
  get delegate(): string {
    return this.tracker.delegate;
  }

  get frameSize(): FrameSize {
    return { width: this.video.videoWidth, height: this.video.videoHeight };
  }

  lightSample(): LumaImage | null {
    return this.light.sample();
  }

  /** How many hands the current step is done with (see {@link Tracker.setNumHands}). */
  setNumHands(numHands: number): void {
    this.tracker.setNumHands(numHands);
  }

  /**
   * Starts (or resumes) offering frames. Frame times leave out the time spent stopped or hidden,
   * so a paused step's clock stands still while MediaPipe's timestamps keep increasing.
   */
  start(listener: FrameListener): void {
    this.listener = listener;
    if (this.running) return;
    this.running = true;
    this.resumeClock();
    document.addEventListener('visibilitychange', this.onVisibility);
    if (!document.hidden) this.schedule();
  }

  stop(): void {
    if (this.running) this.pausedAt ??= performance.now();
    this.running = false;
    document.removeEventListener('visibilitychange', this.onVisibility);
    this.cancel();
  }

  dispose(): void {
    this.stop();
    this.listener = null;
    this.light.dispose();
    this.tracker.dispose();
  }

  private resumeClock(): void {
    this.firstTrackedAt = null;
    if (this.pausedAt === null) return;
    this.pausedMs += performance.now() - this.pausedAt;
    this.pausedAt = null;
  }

  private schedule(): void {
    if (this.callbackId !== null) return;
    this.callbackId = this.video.requestVideoFrameCallback((now, metadata) => {
      this.callbackId = null;
      this.onVideoFrame(
        metadata.captureTime ?? metadata.presentationTime ?? now,
        metadata.presentedFrames,
      );
    });
  }

  private cancel(): void {
    // Frames presented while stopped are no frames the loop missed.
    this.presentedFrames = null;
    if (this.callbackId !== null) this.video.cancelVideoFrameCallback(this.callbackId);
    this.callbackId = null;
  }

  private onVideoFrame(capturedAt: number, presentedFrames?: number): void {
    if (!this.running) return;
    this.schedule();
    const now = performance.now();
    // NOTE: a busy main thread is called back for the newest frame only; the video's count of
    // frames presented says how many the camera really sent in between.
    const sent =
      presentedFrames !== undefined && this.presentedFrames !== null
        ? Math.max(1, presentedFrames - this.presentedFrames)
        : 1;
    this.presentedFrames = presentedFrames ?? null;
    this.stats.recordCameraFrames(now, sent);
    this.adapt(now);
    const t = Math.max(performance.now() - this.pausedMs, this.lastT + 1);
    if (this.tracker.saturatedAt(t) || this.video.videoWidth === 0) return;
    this.lastT = t;
    this.tracker.offer(this.video, t, capturedAt);
  }

  /** Judges the rates of the last few seconds and passes a new quality level on to the tracker. */
  private adapt(now: number): void {
    if (now - this.adaptedAt < ADAPT_EVERY_MS || this.firstTrackedAt === null) return;
    // Rates from the first frame tracked: the models' first, slow run is no sign of a slow device.
    const since = Math.max(now - RATE_WINDOW_MS, this.firstTrackedAt);
    if (now - since < ADAPT_EVERY_MS) return;
    this.adaptedAt = now;
    const tracked = this.stats.frameRate(since, now);
    if (this.quality.update(now, tracked, this.stats.cameraRate(since, now))) {
      this.tracker.setQuality(this.quality.level);
    }
  }
}
