import { quantile } from './pipeline-stats';

/** Inference times kept per model for the medians the load decisions read. */
const WINDOW = 15;
/** Median hand inference (ms) above which a second hand worker only takes CPU from the first. */
export const SLOW_HAND_MS = 120;
/** Median hand inference (ms) below which a second hand worker is worth its CPU again. */
export const FAST_HAND_MS = 60;
/** How often the number of hand workers may change (ms), so that it does not flap. */
export const RECONSIDER_MS = 2000;
/** The face model runs at most this often (ms) at full quality, and less often when it is slow. */
export const FACE_INTERVAL_MS = 100;
/** A face older than this is not carried forward (ms), unless the face model is slower. */
export const FACE_MAX_AGE_MS = 400;

/**
 * Adapts the tracking work to the machine from the measured inference times: on a machine too
 * slow to keep up, one hand worker instead of several (each would see every other frame, too far
 * apart for MediaPipe to follow a hand from one to the next) and a face model run less often, so
 * that the hands get the CPU. Pure: times come in as arguments.
 */
export class TrackingLoad {
  private readonly face: number[] = [];
  private readonly hand: number[] = [];
  /** The models whose first inference has been seen. */
  private readonly measured = new Set<'face' | 'hand'>();
  private handWorkers: number;
  private decidedAt = -Infinity;
  private faceInterval = FACE_INTERVAL_MS;

  /** @param maxHandWorkers the hand workers there are */
  constructor(private readonly maxHandWorkers: number) {
    this.handWorkers = maxHandWorkers;
  }

  /**
   * Notes how long one inference took. The first one of each model is left out.
   * NOTE: a MediaPipe task's first detection also sets up its graph and takes many times longer
   * than the rest (seconds on a slow machine): counted, it held the face model back for seconds
   * just after loading, while the face carried forward went stale under a moving head.
   */
  record(model: 'face' | 'hand', ms: number): void {
    if (!this.measured.has(model)) {
      this.measured.add(model);
      return;
    }
    const list = model === 'face' ? this.face : this.hand;
    list.push(ms);
    if (list.length > WINDOW) list.shift();
  }

  /** How many hand workers should take frames at time `t`. */
  activeHandWorkers(t: number): number {
    if (this.hand.length >= WINDOW && t - this.decidedAt >= RECONSIDER_MS) {
      const typical = median(this.hand);
      const wanted =
        typical > SLOW_HAND_MS
          ? 1
          : typical < FAST_HAND_MS
            ? this.maxHandWorkers
            : this.handWorkers;
      if (wanted !== this.handWorkers) {
        this.handWorkers = wanted;
        this.decidedAt = t;
        // Times measured with the other number of workers say little about this one.
        this.hand.length = 0;
      }
    }
    return this.handWorkers;
  }

  /** Sets the shortest time between face model runs (ms), from the adaptive quality. */
  setFaceInterval(ms: number): void {
    this.faceInterval = ms;
  }

  /** Time between face model runs (ms): the interval set, and at least twice its inference time. */
  get faceIntervalMs(): number {
    return Math.max(this.faceInterval, 2 * median(this.face));
  }

  /** How old a face may be and still stand for the current one (ms). */
  get faceMaxAgeMs(): number {
    return Math.max(FACE_MAX_AGE_MS, this.faceIntervalMs + 2 * median(this.face));
  }
}

/** The median of some times, 0 while there are none. */
function median(values: readonly number[]): number {
  return values.length ? quantile(values, 0.5) : 0;
}
