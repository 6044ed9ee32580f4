import type { FrameSize, TrackedFrame } from '../core/frame';
import type { Trace } from '../core/trace';
import type { FrameListener, FrameSource } from './frame-source';

/**
 * Plays a recorded trace as if it came from the camera: each frame is delivered when its time
 * comes (relative to the first), with its timestamp moved onto this clock so times keep
 * increasing across pauses. Used to replay a saved session, and by tests.
 */
export class TraceFrameSource implements FrameSource {
  framesTracked = 0;
  readonly frameSize: FrameSize;
  private next = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private listener: FrameListener | null = null;
  /** Clock time that corresponds to the trace's time 0 while playing. */
  private origin = 0;

  /**
   * @param clock current time in ms (performance.now in the app)
   * @param onEnd called once when the last frame has been delivered
   */
  constructor(
    private readonly trace: Trace,
    private readonly onEnd: () => void = () => undefined,
    private readonly clock: () => number = () => performance.now(),
  ) {
    this.frameSize = { width: trace.width, height: trace.height };
  }

  /** Whether every frame has been delivered. */
  get finished(): boolean {
    return this.next >= this.trace.frames.length;
  }

  start(listener: FrameListener): void {
    this.listener = listener;
    if (this.timer !== null || this.finished) return;
    const first = this.trace.frames[0]?.t ?? 0;
    const resumeAt = this.trace.frames[this.next]?.t ?? first;
    this.origin = this.clock() - (resumeAt - first);
    this.schedule();
  }

  stop(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  dispose(): void {
    this.stop();
    this.listener = null;
  }

  private schedule(): void {
    const frame = this.trace.frames[this.next];
    if (!frame) {
      this.timer = null;
      this.onEnd();
      return;
    }
    const first = this.trace.frames[0]?.t ?? 0;
    const due = this.origin + (frame.t - first);
    this.timer = setTimeout(() => this.deliver(), Math.max(0, due - this.clock()));
  }

  private deliver(): void {
    const frame = this.trace.frames[this.next];
    if (!frame) return;
    this.next++;
    this.framesTracked++;
    const first = this.trace.frames[0]?.t ?? 0;
    const played: TrackedFrame = { ...frame, t: this.origin + (frame.t - first) };
    this.listener?.(played);
    this.schedule();
  }
}
