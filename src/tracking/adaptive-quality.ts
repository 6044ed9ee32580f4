/** What the app spends on each tracked second, from the richest to the cheapest. */
export interface QualityLevel {
  /** Shortest time between two runs of the face model (ms). */
  readonly faceIntervalMs: number;
  /** Shortest time between two overlay frames (ms); 0 draws at the display's rate. */
  readonly overlayFrameMs: number;
  /** Highest device pixel ratio the overlay draws at. */
  readonly maxPixelRatio: number;
}

/**
 * The levels, richest first. The face moves little during a massage, so its model is the first to
 * run less often; then the overlay draws fewer, smaller frames. The face interval stays short
 * enough for the face carried between its runs to follow a turning head.
 */
export const QUALITY_LEVELS: readonly QualityLevel[] = [
  { faceIntervalMs: 100, overlayFrameMs: 0, maxPixelRatio: 2 },
  { faceIntervalMs: 150, overlayFrameMs: 50, maxPixelRatio: 1 },
  { faceIntervalMs: 200, overlayFrameMs: 80, maxPixelRatio: 0.75 },
  { faceIntervalMs: 250, overlayFrameMs: 125, maxPixelRatio: 0.5 },
];

/** Tracked frames a second that follow any stroke: a faster camera is not tracked in full. */
export const ENOUGH_FPS = 20;
/** Below this share of the wanted rate the level is lowered... */
export const LOWER_BELOW = 0.75;
/** ...and at or above this one it may be raised again. */
export const RAISE_FROM = 0.9;
/** How long a rate must last before the level changes (ms). */
export const SUSTAIN_MS = 2000;
/** Rates measured this soon after a change still count frames from before it (ms). */
export const SETTLE_MS = 2000;
/** How long tracking must keep up before the first try at a richer level (ms). */
export const RAISE_AFTER_MS = 5000;
/** The longest wait before another try, after tries that failed (ms). */
export const MAX_RAISE_AFTER_MS = 80_000;
/**
 * A level lowered this soon after being raised was too rich: wait twice as long next time (ms).
 * A raise that holds this long halves the wait again.
 */
export const FAILED_RAISE_MS = 10_000;

/** Frame rates measured over the last few seconds (frames a second). */
export interface MeasuredRates {
  /** Frames tracked. */
  readonly tracked: number;
  /** Frames the camera sent. */
  readonly camera: number;
  /** Frames worth tracking from this camera: its rate, up to {@link ENOUGH_FPS}. */
  readonly wanted: number;
}

/**
 * Chooses how much to spend on tracking and drawing from the measured frame rates, as model-viewer
 * scales its rendering to the measured frame time: a level lower when tracking falls behind the
 * camera, a level higher after it has kept up for a while, with a doubling wait after a raise that
 * did not hold, so the level does not flap. Pure: times and rates come in as arguments.
 */
export class AdaptiveQuality {
  private index = 0;
  private behindSince: number | null = null;
  private keptUpSince: number | null = null;
  private changedAt = Number.NEGATIVE_INFINITY;
  private raisedAt = Number.NEGATIVE_INFINITY;
  private raiseAfterMs = RAISE_AFTER_MS;
  private lastRates: MeasuredRates | null = null;
  private judgedAt = Number.NEGATIVE_INFINITY;

  /** The level in force. */
  get level(): QualityLevel {
    return QUALITY_LEVELS[this.index] as QualityLevel;
  }

  /** How many steps below the richest level (0 = full quality). */
  get levelIndex(): number {
    return this.index;
  }

  /** The rates last judged, null before the first: what the slow-tracking message quotes. */
  get rates(): MeasuredRates | null {
    return this.lastRates;
  }

  /**
   * Judges the rates measured over the last few seconds at time `t` (ms): `trackedFps` frames
   * tracked a second while the camera sent `cameraFps`. Returns true when the level changed.
   */
  update(t: number, trackedFps: number, cameraFps: number): boolean {
    const wanted = Math.min(cameraFps, ENOUGH_FPS);
    this.lastRates = { tracked: trackedFps, camera: cameraFps, wanted };
    if (Number.isFinite(this.raisedAt) && t - this.raisedAt >= FAILED_RAISE_MS) {
      this.raiseAfterMs = Math.max(RAISE_AFTER_MS, this.raiseAfterMs / 2);
      this.raisedAt = Number.NEGATIVE_INFINITY;
    }
    // After a gap (a pause, a hidden page) what was seen before it no longer runs on.
    const resumed = t - this.judgedAt > SUSTAIN_MS;
    this.judgedAt = t;
    if (wanted <= 0 || resumed || t - this.changedAt < SETTLE_MS) {
      this.behindSince = null;
      this.keptUpSince = null;
      return false;
    }
    const share = trackedFps / wanted;
    if (share < LOWER_BELOW) {
      this.keptUpSince = null;
      this.behindSince ??= t;
      if (t - this.behindSince >= SUSTAIN_MS && this.index < QUALITY_LEVELS.length - 1) {
        if (t - this.raisedAt < FAILED_RAISE_MS) {
          this.raiseAfterMs = Math.min(2 * this.raiseAfterMs, MAX_RAISE_AFTER_MS);
        }
        this.raisedAt = Number.NEGATIVE_INFINITY;
        this.change(t, this.index + 1);
        return true;
      }
    } else if (share >= RAISE_FROM) {
      this.behindSince = null;
      this.keptUpSince ??= t;
      if (t - this.keptUpSince >= this.raiseAfterMs && this.index > 0) {
        this.change(t, this.index - 1);
        this.raisedAt = t;
        return true;
      }
    } else {
      this.behindSince = null;
      this.keptUpSince = null;
    }
    return false;
  }

  private change(t: number, index: number): void {
    this.index = index;
    this.changedAt = t;
    this.behindSince = null;
    this.keptUpSince = null;
  }
}
