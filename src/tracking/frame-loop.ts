import type { FrameSize } from '../core/frame';
import type { FrameListener, FrameSource } from './frame-source';
import { PipelineStats } from './pipeline-stats';
import type { Tracker } from './tracker';

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
  private listener: FrameListener | null = null;
  private callbackId: number | null = null;
  private running = false;
  private lastT = 0;
  private readonly onVisibility = () => {
    if (document.hidden) this.cancel();
    else if (this.running) this.schedule();
  };

  constructor(
    private readonly video: HTMLVideoElement,
    private readonly tracker: Tracker,
    onError: LoopErrorListener,
  ) {
    tracker.listen(
      (frame, capturedAt) => {
        if (!this.running) return;
        this.framesTracked++;
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

  /** Where the models run: "GPU" where WebGL has a real GPU, else "CPU". */
  get delegate(): string {
    return this.tracker.delegate;
  }

  get frameSize(): FrameSize {
    return { width: this.video.videoWidth, height: this.video.videoHeight };
  }

  /** How many hands the current step is done with (see {@link Tracker.setNumHands}). */
  setNumHands(numHands: number): void {
    this.tracker.setNumHands(numHands);
  }

  start(listener: FrameListener): void {
    this.listener = listener;
    if (this.running) return;
    this.running = true;
    document.addEventListener('visibilitychange', this.onVisibility);
    if (!document.hidden) this.schedule();
  }

  stop(): void {
    this.running = false;
    document.removeEventListener('visibilitychange', this.onVisibility);
    this.cancel();
  }

  dispose(): void {
    this.stop();
    this.listener = null;
    this.tracker.dispose();
  }

  private schedule(): void {
    if (this.callbackId !== null) return;
    this.callbackId = this.video.requestVideoFrameCallback((now, metadata) => {
      this.callbackId = null;
      this.onVideoFrame(metadata.captureTime ?? metadata.presentationTime ?? now);
    });
  }

  private cancel(): void {
    if (this.callbackId !== null) this.video.cancelVideoFrameCallback(this.callbackId);
    this.callbackId = null;
  }

  private onVideoFrame(capturedAt: number): void {
    if (!this.running) return;
    this.schedule();
    if (this.tracker.saturated || this.video.videoWidth === 0) return;
    const t = Math.max(performance.now(), this.lastT + 1);
    this.lastT = t;
    this.tracker.offer(this.video, t, capturedAt);
  }
}
