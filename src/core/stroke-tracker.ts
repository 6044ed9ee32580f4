import type { PathStrokeKind } from './routine-schema';

/** What a finished stroke attempt was judged to be. */
export type StrokeVerdict =
  | 'good'
  | 'wrong-direction'
  | 'off-target'
  | 'too-fast'
  | 'too-slow'
  | 'too-short'
  | 'no-pinch'
  | 'no-hold'
  | 'jaw-relaxed'
  | 'fingers-pulling';

/** Tuning of stroke segmentation for one stroke kind. Lengths are fractions of the path. */
export interface StrokeKindTuning {
  /** Net travel along the path needed for a full stroke. */
  readonly minTravel: number;
  /** Travel below which a movement is ignored as jitter or repositioning. */
  readonly noiseTravel: number;
  /** A stroke ends when the hand has not progressed for this long (ms). */
  readonly stallMs: number;
  /** Going back this far from the furthest point ends the stroke (reversal). */
  readonly reverseTravel: number;
  /** A stroke faster than this (ms for a full path) is too fast; 0 for no limit. */
  readonly minDurationMs: number;
  /** A stroke slower than this (ms) is too slow; Infinity for no limit. */
  readonly maxDurationMs: number;
  /** Whether the stroke must include a thumb-index pinch. */
  readonly needsPinch: boolean;
  /** A press to hold at the end of the path (ms); 0 for none. */
  readonly holdMs?: number;
}

/** Where along the path the end-of-stroke hold counts (fraction of the path). */
const HOLD_ZONE = 0.8;
/**
 * Floors in face widths under the path-relative thresholds, so that on short paths (smile
 * lines, the chin) tracking jitter of a few pixels is neither an attempt nor a stroke.
 */
const NOISE_FACE_WIDTHS = 0.05;
const MIN_STROKE_FACE_WIDTHS = 0.1;
/** A forward stroke shorter than this share of a full one is ignored rather than called too short. */
const SHORT_SHARE = 0.6;

export const STROKE_TUNING: Readonly<Record<PathStrokeKind, StrokeKindTuning>> = {
  glide: {
    minTravel: 0.45,
    noiseTravel: 0.15,
    stallMs: 700,
    reverseTravel: 0.2,
    minDurationMs: 180,
    maxDurationMs: Infinity,
    needsPinch: false,
  },
  walk: {
    minTravel: 0.45,
    noiseTravel: 0.15,
    stallMs: 1500,
    reverseTravel: 0.25,
    minDurationMs: 0,
    maxDurationMs: Infinity,
    needsPinch: false,
  },
  flick: {
    minTravel: 0.35,
    noiseTravel: 0.15,
    stallMs: 400,
    reverseTravel: 0.25,
    minDurationMs: 0,
    maxDurationMs: 600,
    needsPinch: false,
  },
  pinch: {
    minTravel: 0.35,
    noiseTravel: 0.15,
    stallMs: 1800,
    reverseTravel: 0.25,
    minDurationMs: 0,
    maxDurationMs: Infinity,
    needsPinch: true,
  },
};

/** A finished stroke attempt on one path. */
export interface StrokeAttempt {
  readonly verdict: StrokeVerdict;
  readonly startT: number;
  readonly endT: number;
}

/** How long after a stroke a movement the other way counts as the hand's return, not a stroke (ms). */
export const RETURN_WINDOW_MS = 1500;
/** How long the hand may vanish (MediaPipe often drops hands touching the face) before a stroke ends (ms). */
export const DROPOUT_MS = 350;
/**
 * A jump along the path bigger than this between frames (share of the path, and face widths for
 * short paths) is a different hand or a tracking glitch.
 */
const JUMP_TRAVEL = 0.5;
const JUMP_FACE_WIDTHS = 0.2;
/** Movement along the path that counts as progress for the stall timer. */
const PROGRESS_STEP = 0.03;

/**
 * Segments the motion of one effector along one path into stroke attempts and judges each.
 * Fed once per frame with the effector's position along the path (or null when no hand is on
 * the path); pure and deterministic.
 */
export class StrokeTracker {
  private active = false;
  private startS = 0;
  private startT = 0;
  private minS = 0;
  private maxS = 0;
  private minT = 0;
  private maxT = 0;
  private lastS = 0;
  private lastSeenT = 0;
  private lastProgressT = 0;
  private progressHigh = 0;
  private progressLow = 0;
  private pinches = 0;
  private pinchClosed = false;
  private lastJudged: { direction: number; endT: number } | null = null;
  private holdSince: number | null = null;
  private longestHold = 0;
  private readonly stallMs: number;
  private noiseTravel: number;
  private minTravel: number;
  private jumpTravel = JUMP_TRAVEL;

  constructor(private readonly tuning: StrokeKindTuning) {
    // A hold at the end must not be mistaken for the hand stopping.
    this.stallMs = Math.max(tuning.stallMs, (tuning.holdMs ?? 0) + 400);
    this.noiseTravel = tuning.noiseTravel;
    this.minTravel = tuning.minTravel;
  }

  /** Sets the path's length in face widths, which puts floors under the travel thresholds. */
  setPathLength(faceWidths: number): void {
    if (!(faceWidths > 0)) return;
    this.noiseTravel = Math.max(
      this.tuning.noiseTravel,
      Math.min(0.5, NOISE_FACE_WIDTHS / faceWidths),
    );
    this.minTravel = Math.max(
      this.tuning.minTravel,
      Math.min(0.8, MIN_STROKE_FACE_WIDTHS / faceWidths),
    );
    this.jumpTravel = Math.max(JUMP_TRAVEL, JUMP_FACE_WIDTHS / faceWidths);
  }

  /** True while a stroke is under way. */
  get inStroke(): boolean {
    return this.active;
  }

  /** How much of the end-of-stroke hold is done (0..1) at time `t`; 0 when not holding. */
  holdProgress(t: number): number {
    const holdMs = this.tuning.holdMs ?? 0;
    if (!this.active || holdMs <= 0 || this.holdSince === null) return 0;
    return Math.min(1, (t - this.holdSince) / holdMs);
  }

  /**
   * Advances by one frame.
   * @param s position along the path (0..1) or null if no effector is on the path this frame
   * @param pinchClosed whether thumb and index are pinched together this frame
   */
  update(t: number, s: number | null, pinchClosed = false): StrokeAttempt | null {
    if (s === null) {
      if (this.active && t - this.lastSeenT > DROPOUT_MS) return this.finish(t);
      return null;
    }
    if (!this.active) {
      this.begin(t, s);
      this.trackPinch(pinchClosed);
      return null;
    }
    if (Math.abs(s - this.lastS) > this.jumpTravel) {
      const attempt = this.finish(this.lastSeenT);
      this.begin(t, s);
      return attempt;
    }
    this.lastSeenT = t;
    this.lastS = s;
    this.trackPinch(pinchClosed);
    this.trackHold(t, s);
    if (s > this.maxS) {
      this.maxS = s;
      this.maxT = t;
    }
    if (s < this.minS) {
      this.minS = s;
      this.minT = t;
    }
    // Progress is a new extreme by a margin, so that jitter at rest does not keep a stroke alive.
    if (s > this.progressHigh + PROGRESS_STEP || s < this.progressLow - PROGRESS_STEP) {
      this.lastProgressT = t;
      this.progressHigh = Math.max(this.progressHigh, s);
      this.progressLow = Math.min(this.progressLow, s);
    }
    const forward = this.maxS - this.startS;
    const backward = this.startS - this.minS;
    const reversed =
      (forward >= backward &&
        forward > this.noiseTravel &&
        this.maxS - s > this.tuning.reverseTravel) ||
      (backward > forward &&
        backward > this.noiseTravel &&
        s - this.minS > this.tuning.reverseTravel);
    if (reversed) {
      const attempt = this.finish(forward >= backward ? this.maxT : this.minT);
      const turnS = forward >= backward ? this.maxS : this.minS;
      this.begin(forward >= backward ? this.maxT : this.minT, turnS);
      this.update(t, s, pinchClosed);
      return attempt;
    }
    if (t - this.lastProgressT > this.stallMs) return this.finish(this.lastProgressT);
    return null;
  }

  /** Ends any stroke under way, e.g. when the step changes; returns its attempt if it was one. */
  flush(t: number): StrokeAttempt | null {
    return this.active ? this.finish(t) : null;
  }

  private begin(t: number, s: number): void {
    this.active = true;
    this.startS = this.minS = this.maxS = this.lastS = this.progressHigh = this.progressLow = s;
    this.startT = this.minT = this.maxT = this.lastSeenT = this.lastProgressT = t;
    this.pinches = 0;
    this.pinchClosed = false;
    this.holdSince = null;
    this.longestHold = 0;
  }

  private trackHold(t: number, s: number): void {
    if (s < HOLD_ZONE) {
      this.holdSince = null;
      return;
    }
    this.holdSince ??= t;
    this.longestHold = Math.max(this.longestHold, t - this.holdSince);
  }

  private trackPinch(closed: boolean): void {
    if (closed && !this.pinchClosed) this.pinches++;
    this.pinchClosed = closed;
  }

  private finish(endT: number): StrokeAttempt | null {
    this.active = false;
    const forward = this.maxS - this.startS;
    const backward = this.startS - this.minS;
    const travel = forward >= backward ? forward : -backward;
    const strokeEndT = forward >= backward ? this.maxT : this.minT;
    const magnitude = Math.abs(travel);
    if (magnitude < this.noiseTravel) return null;
    const direction = Math.sign(travel);
    const previous = this.lastJudged;
    // The hand coming back to the start of the path after a stroke is a return, not a stroke.
    if (
      previous &&
      previous.direction !== direction &&
      this.startT - previous.endT < RETURN_WINDOW_MS
    ) {
      this.lastJudged = null;
      return null;
    }
    const duration = Math.max(0, strokeEndT - this.startT);
    let verdict: StrokeVerdict;
    if (direction < 0) {
      // A short backward slide is repositioning, not an attempt.
      if (magnitude < this.minTravel) return null;
      verdict = 'wrong-direction';
    } else if (magnitude < this.minTravel) {
      // Only a real try earns the hint; a shorter slide is repositioning or a hand passing by.
      if (magnitude < SHORT_SHARE * this.minTravel) return null;
      verdict = 'too-short';
    } else if (duration < this.tuning.minDurationMs * magnitude) verdict = 'too-fast';
    else if (duration > this.tuning.maxDurationMs) verdict = 'too-slow';
    else if (this.tuning.needsPinch && this.pinches === 0) verdict = 'no-pinch';
    else if ((this.tuning.holdMs ?? 0) > 0 && this.longestHold < (this.tuning.holdMs ?? 0))
      verdict = 'no-hold';
    else verdict = 'good';
    this.lastJudged = { direction, endT: Math.max(endT, strokeEndT) };
    return { verdict, startT: this.startT, endT: strokeEndT };
  }
}
