import type { FrameSize } from '../core/frame';
import type { FrameListener, FrameSource } from './frame-source';
import type { Tracker } from './tracker';

/** Reports a tracking failure that stopped the loop. */
export type LoopErrorListener = (error: Error) => void;

/**
 * The one frame loop: tracks each new camera frame once (via `requestVideoFrameCallback`), skips
 * frames that arrive while the tracker is busy instead of queueing them, owns the timestamps
 * (performance.now(), strictly increasing) and pauses while the page is hidden.
 */
export class CameraFrameLoop implements FrameSource {
  framesTracked = 0;
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
    private readonly onError: LoopErrorListener,
  ) {}

  get frameSize(): FrameSize {
    return { width: this.video.videoWidth, height: this.video.videoHeight };
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
    this.callbackId = this.video.requestVideoFrameCallback(() => {
      this.callbackId = null;
      this.onVideoFrame();
    });
  }

  private cancel(): void {
    if (this.callbackId !== null) this.video.cancelVideoFrameCallback(this.callbackId);
    this.callbackId = null;
  }

  private onVideoFrame(): void {
    if (!this.running) return;
    this.schedule();
    // A frame that arrives while the last one is still being tracked is dropped, never queued.
    if (this.tracker.busy || this.video.videoWidth === 0) return;
    const t = Math.max(performance.now(), this.lastT + 1);
    this.lastT = t;
    this.tracker.track(this.video, t).then(
      (frame) => {
        if (!this.running) return;
        this.framesTracked++;
        this.listener?.(frame);
      },
      (error: unknown) => {
        if (!this.running) return;
        this.stop();
        this.onError(error instanceof Error ? error : new Error(String(error)));
      },
    );
  }
}
