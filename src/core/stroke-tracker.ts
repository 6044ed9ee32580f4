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
  /**
   * Judge the direction by where the hand ends up rather than by the furthest point: walks and
   * walking pinches go back and forth a little with every step.
   */
  readonly netProgress?: boolean;
  /**
   * The hand comes back over the same skin after every stroke (a flick whips up and drops back):
   * any movement back soon after a stroke is its return, on the skin or not.
   */
  readonly returnsOnSkin?: boolean;
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
/** A stroke seen in fewer frames than this may have lost its ends between them. */
const SPARSE_SAMPLES = 6;
/** Longer gaps between frames are dropouts, not the frame rate (ms). */
const MAX_FRAME_INTERVAL_MS = 400;
/** How fast the typical frame interval follows the latest (share per frame). */
const INTERVAL_SMOOTHING = 0.1;

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
    reverseTravel: 0.4,
    minDurationMs: 0,
    maxDurationMs: Infinity,
    needsPinch: false,
    netProgress: true,
  },
  flick: {
    minTravel: 0.35,
    noiseTravel: 0.15,
    stallMs: 400,
    reverseTravel: 0.25,
    minDurationMs: 0,
    maxDurationMs: 600,
    needsPinch: false,
    returnsOnSkin: true,
  },
  pinch: {
    minTravel: 0.35,
    noiseTravel: 0.15,
    stallMs: 1800,
    reverseTravel: 0.4,
    minDurationMs: 0,
    maxDurationMs: Infinity,
    needsPinch: true,
    netProgress: true,
  },
};

/** A finished stroke attempt on one path. */
export interface StrokeAttempt {
  readonly verdict: StrokeVerdict;
  readonly startT: number;
  readonly endT: number;
}

/** What the hand making (or about to make) a stroke does on the path this frame. */
export interface PathContact {
  /** Position along the path, 0..1. */
  readonly s: number;
  /** Thumb and index pinched together. */
  readonly pinch: boolean;
  /** Distance from the path (face widths). */
  readonly distance: number;
  /**
   * The hand's palm size (face widths; compared only with the same hand's): it grows as the hand
   * comes off the skin toward the camera.
   */
  readonly palm: number;
  /** The hand has just come into view: it was not seen in the frames before this one. */
  readonly appeared?: boolean;
  /**
   * The contact moved this frame to another part of the hand, off one held past the path's end:
   * its position does not follow on from the frame before.
   */
  readonly jumped?: boolean;
}

/**
 * Per frame, one of: the hand on the path (a contact), the stroke's hand seen but off the path or
 * lifted off the skin ("off"), or no hand seen (null: MediaPipe drops hands touching the face).
 */
export type PathSample = PathContact | 'off' | null;

/** Where the hand was beside a path in the frame before it touched down. */
export interface PathApproach {
  readonly t: number;
  readonly s: number;
  /** Distance from the path (face widths). */
  readonly distance: number;
}

/** How long after a stroke a movement the other way can be the hand's return (ms). */
export const RETURN_WINDOW_MS = 1500;
/**
 * How soon after a movement the arrow's way by a hand that arrived on the path already under way
 * a stroke the other way must set off for the first to be taken as the hand coming in to its
 * start (ms).
 */
const ENTRY_WINDOW_MS = 200;
/**
 * A hand coming in through the air is nearer the camera than on the skin, its palm this share
 * larger, and farther from the path by ENTRY_DISTANCE face widths.
 */
const ENTRY_PALM_GROWTH = 0.03;
const ENTRY_DISTANCE = 0.01;
/** How long the hand may vanish (MediaPipe often drops hands touching the face) inside one stroke (ms). */
export const DROPOUT_MS = 500;
/** The stroke's hand seen off the path for this long has lifted off (ms); shorter is a wobble. */
export const LIFT_MS = 100;
/**
 * A jump along the path bigger than this between frames (share of the path, and face widths for
 * short paths) is a different hand or a tracking glitch.
 */
const JUMP_TRAVEL = 0.5;
const JUMP_FACE_WIDTHS = 0.2;
/**
 * A hand seen again after missing this long (ms) may have moved anywhere meanwhile: if it comes
 * back nearer the start than where it vanished, it has begun a new stroke.
 */
const RESUME_MS = 120;
/** Movement along the path that counts as progress for the stall timer. */
const PROGRESS_STEP = 0.03;
/** Within this much of its starting extreme the hand has not yet set off (share of the path). */
const DEPART_SLACK = 0.05;
/**
 * A movement back after a stroke is the hand's return, not a stroke, when it is clearly less on
 * the skin than the stroke was: the palm larger by this share (nearer the camera) or the path
 * farther by RETURN_DISTANCE face widths on average.
 */
const RETURN_PALM_GROWTH = 0.08;
const RETURN_DISTANCE = 0.025;
/**
 * A movement back this long after a stroke (ms), its stroke unseen in between (lost tracking), is
 * still the hand's return when its palm is larger than the stroke's by LIFTED_PALM_GROWTH: well
 * off the skin, toward the camera.
 */
const LIFTED_RETURN_WINDOW_MS = 3000;
const LIFTED_PALM_GROWTH = 0.16;
/**
 * After a stroke judged wrong-way, the window (ms) for its lifted return the arrow's way: a good
 * verdict needs the hand on the skin, the wrong-way strokes after it may go unseen for seconds
 * (the hand lost at the face), and a hand's palm on the skin changes little in face widths.
 */
const LIFTED_AFTER_WRONG_WAY_MS = 6000;
/**
 * A movement that ends this much nearer the path (face widths) than it set off is the hand coming
 * in to the start of a stroke: no verdict, unless it is a full stroke the right way, or one the
 * wrong way that glided SKIN_GLIDE_SHARE of its way on the skin.
 */
const APPROACH_CLOSING = 0.05;

/**
 * A movement backward that closes in on the path is a reversed stroke, not the hand coming in to
 * the start, when at least this share of it glides on the skin.
 */
const SKIN_GLIDE_SHARE = 0.4;
/** How much farther from the path than the second half of the way (face widths) is still on the skin. */
const SKIN_DISTANCE_SLACK = 0.0125;

/** Within this much (face widths) of each other, a flick and its return are a tie. */
const PAIR_TIE = 0.005;
/** Face widths of distance that a palm one tenth larger (nearer the camera) counts as. */
const PAIR_PALM_WEIGHT = 0.1;

/**
 * A contact this much farther from the path (face widths) than the one before may be the hand
 * model placing the hand wrong for a frame.
 */
const OUTLIER_DISTANCE = 0.06;

/**
 * A movement whose contact point never came this near the path (face widths) never touched the
 * skin there: it is the hand passing over the path in the air, which is no stroke either way.
 * Not for flicks: of a flick and its way back, the one nearer the path is the stroke.
 */
const SKIN_REACH = 0.05;

/** How an attempt ended: only an attempt seen to end can be judged too short. */
type Ending = 'lift' | 'stall' | 'reverse' | 'gap' | 'jump' | 'flush';

/**
 * Segments the motion of one hand along one path into stroke attempts and judges each. An attempt
 * runs from touch-down to lift-off; dropouts shorter than DROPOUT_MS and wobbles off the path
 * shorter than LIFT_MS are part of it. Pure and deterministic.
 */
export class StrokeTracker {
  private active = false;
  /** The attempt was seen from its start (not begun by a hand coming into view on the path, or a jump). */
  private startSeen = true;
  /**
   * The attempt began with the hand arriving on the path already under way: coming into view on
   * it, or touching down mid-way from just beside it.
   */
  private arrivedUnderWay = false;
  private startS = 0;
  private startT = 0;
  private minS = 0;
  private maxS = 0;
  private minT = 0;
  private maxT = 0;
  private lastS = 0;
  private lastSeenT = 0;
  /** When the hand was last seen on the path, whatever the attempt. */
  private lastSampleT = -Infinity;
  /** A frame went by without the hand since its last contact (frame rates differ: time alone cannot tell). */
  private missedFrame = false;
  /** Time of the frame before the current one. */
  private previousFrameT = -Infinity;
  private frameT = -Infinity;
  /** Typical time between frames (ms), smoothed: what a stroke's ends may have gone unseen for. */
  private frameInterval = 0;
  private lastSampleS = 0;
  /** The hand was seen off the path since its last contact: it lifted, it did not vanish. */
  private seenOffPath = false;
  private offSince: number | null = null;
  private lastProgressT = 0;
  private progressHigh = 0;
  private progressLow = 0;
  /** Last time the hand was near its lowest and highest point, and their values when the extremes were set. */
  private nearLowT = 0;
  private nearHighT = 0;
  /** Distance from the path when the hand was last near each extreme, set off each way, and reached each. */
  private nearLowDistance = 0;
  private nearHighDistance = 0;
  private forwardDepartDistance = 0;
  private backwardDepartDistance = 0;
  private distanceAtMax = 0;
  private distanceAtMin = 0;
  private forwardDepartT = 0;
  private backwardDepartT = 0;
  /** A pinch was closed at some point of the attempt. */
  private pinched = false;
  private distanceSum = 0;
  private palmSum = 0;
  private samples = 0;
  /** The skin measures up to the furthest point either way: a stroke ends there, its return does not count. */
  private readonly upToMax = { distance: 0, palm: 0, samples: 0, leastPalm: 1, nearest: 0 };
  private readonly upToMin = { distance: 0, palm: 0, samples: 0, leastPalm: 1, nearest: 0 };
  /**
   * The smallest palm seen in the attempt (the hand nearest the skin; a single frame of a hand
   * just found again is often sized wrong, so not the first), and the palm at its furthest point
   * either way.
   */
  private leastPalm = 1;
  /** The distance from the path (face widths) of the attempt's contact nearest it. */
  private nearest = 0;
  /** Each contact's place along the path, palm size and distance from it, in order: where the hand came down. */
  private readonly trailS: number[] = [];
  private readonly trailPalm: number[] = [];
  private readonly trailDistance: number[] = [];
  /** How many contacts were taken when the hand reached its furthest point forward. */
  private samplesAtMax = 0;
  /** Where the hand first touched the path in this attempt (null until it has). */
  private landedS: number | null = 0;
  private palmAtMax = 1;
  private palmAtMin = 1;
  private waiting: Waiting | null = null;
  private lastJudged: { direction: number; endT: number; distance: number; palm: number } | null =
    null;
  /** The movement before this one, judged or not: when it ended and its smallest palm. */
  private lastMovement: {
    endT: number;
    leastPalm: number;
    direction: number;
    palm: number;
  } | null = null;
  private holdSince: number | null = null;
  private longestHold = 0;
  private readonly stallMs: number;
  private noiseTravel: number;
  private minTravel: number;
  private jumpTravel = JUMP_TRAVEL;
  /** A contact that leapt off the path, kept one frame to see whether the hand is really there. */
  private heldLeap: { t: number; sample: PathContact } | null = null;
  /** Attempts that ended in the same frame as another, given out one a frame. */
  private readonly queued: StrokeAttempt[] = [];

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

  /** Advances by one frame; returns the attempt that ended in it, if it earned a verdict. */
  update(t: number, sample: PathSample, approach?: PathApproach): StrokeAttempt | null {
    this.previousFrameT = this.frameT;
    this.frameT = t;
    if (Number.isFinite(this.previousFrameT)) {
      const dt = Math.min(t - this.previousFrameT, MAX_FRAME_INTERVAL_MS);
      this.frameInterval = this.frameInterval
        ? this.frameInterval + INTERVAL_SMOOTHING * (dt - this.frameInterval)
        : dt;
    }
    const ended = this.stepPastOutliers(t, sample, approach);
    if (ended) this.queued.push(ended);
    const attempt = this.queued.shift();
    if (attempt) return attempt;
    // A flick waiting for its return long enough goes out alone.
    const waiting = this.waiting;
    if (
      waiting &&
      t - waiting.endT >= waiting.window &&
      !(this.active && this.startT - waiting.endT < waiting.window)
    ) {
      this.waiting = null;
      return waiting.attempt;
    }
    return null;
  }

  /**
   * A contact that leaps off the path, or back against a glide, in the middle of a stroke waits a
   * frame: if the next one is back where the stroke was, the hand model placed the hand wrong in a
   * single frame, and the leap is dropped; else both are taken as seen, in order.
   */
  private stepPastOutliers(
    t: number,
    sample: PathSample,
    approach?: PathApproach,
  ): StrokeAttempt | null {
    const held = this.heldLeap;
    this.heldLeap = null;
    const contact = sample !== null && sample !== 'off';
    const leaps = contact && this.leaps(sample);
    // The hand went on through the dropped place: a stride over two frames is no jump if each
    // half of it is not.
    if (held && contact && !leaps) return this.step(t, sample, approach, held.sample.s);
    if (held) {
      const first = this.step(held.t, held.sample);
      const second = this.step(t, sample, approach);
      if (first && second) this.queued.push(first);
      return second ?? first;
    }
    if (leaps) {
      this.heldLeap = { t, sample: { ...sample } };
      return null;
    }
    return this.step(t, sample, approach);
  }

  /**
   * Whether a contact in a stroke lies much farther from the path than the one just taken, or
   * turns the stroke back at once. Flicks are left out of the second: their way back is brisk.
   */
  private leaps(sample: PathContact): boolean {
    const before = this.trailDistance.at(-1);
    if (!this.active || before === undefined) return false;
    if (sample.distance - before > OUTLIER_DISTANCE) return true;
    return !this.tuning.returnsOnSkin && !sample.jumped && this.turnsBackAt(sample.s);
  }

  /** Whether a place along the path lies back from the stroke's furthest point by a reversal. */
  private turnsBackAt(s: number): boolean {
    const forward = this.maxS - this.startS;
    const backward = this.startS - this.minS;
    return forward >= backward
      ? forward > this.noiseTravel && this.maxS - s > this.tuning.reverseTravel
      : backward > this.noiseTravel && s - this.minS > this.tuning.reverseTravel;
  }

  /** `passedS`: where along the path the hand was seen in the frame before, placed off the path. */
  private step(
    t: number,
    sample: PathSample,
    approach?: PathApproach,
    passedS?: number,
  ): StrokeAttempt | null {
    if (sample === null) {
      this.missedFrame = true;
      // Seen leaving the path before it vanished, the hand lifted off; else the end went unseen.
      if (this.active && t - this.lastSeenT > DROPOUT_MS)
        return this.finish(this.offSince === null ? 'gap' : 'lift');
      return null;
    }
    if (sample === 'off') {
      this.seenOffPath = true;
      this.missedFrame = true;
      if (!this.active) return null;
      this.offSince ??= t;
      return t - this.offSince >= LIFT_MS ? this.finish('lift') : null;
    }
    const unseenMs = this.missedFrame ? t - this.lastSampleT : 0;
    this.missedFrame = false;
    const lastSampleS = this.lastSampleS;
    const dropout = !this.seenOffPath;
    this.lastSampleT = t;
    this.lastSampleS = sample.s;
    this.seenOffPath = false;
    if (!this.active) {
      if (dropout && unseenMs > RESUME_MS && unseenMs <= DROPOUT_MS && sample.s > lastSampleS) {
        // Seen again further along after a dropout: the stroke set off while the hand was unseen.
        this.begin(t - unseenMs, { ...sample, s: lastSampleS });
        return this.step(t, sample);
      }
      if (approach && approach.t >= this.previousFrameT && approach.s !== sample.s) {
        // Touched down mid-way, coming from just beside the path: a flick whipped up from under
        // the chin starts under the chin.
        this.begin(
          approach.t,
          { ...sample, s: approach.s, distance: approach.distance },
          true,
          false,
        );
        this.arrivedUnderWay = true;
        return this.step(t, sample);
      }
      // A hand that comes into view already on the path was not seen touching down.
      this.begin(t, sample, !sample.appeared);
      this.arrivedUnderWay = sample.appeared === true;
      return null;
    }
    const moved = Math.abs(sample.s - this.lastS);
    const stride =
      passedS === undefined
        ? moved
        : Math.max(Math.abs(passedS - this.lastS), Math.abs(sample.s - passedS));
    if (stride > this.jumpTravel || (sample.jumped && moved > this.tuning.noiseTravel)) {
      const attempt = this.finish('jump');
      this.begin(t, sample, false);
      return attempt;
    }
    if (this.restartedAfterGap(unseenMs, sample)) {
      const vanishedS = this.lastS;
      const vanishedT = this.lastSeenT;
      const liftedFirst = this.offSince !== null;
      const attempt = this.finish('jump');
      if (liftedFirst) {
        // Seen lifting off before it vanished: back on the path, it was not seen touching down.
        this.begin(t, sample, false);
      } else if (sample.s > vanishedS) {
        // Moved forward unseen: a new stroke set off from where the hand vanished.
        this.begin(vanishedT, { ...sample, s: vanishedS });
        this.step(t, sample);
      } else {
        // Moved back unseen: the hand went back to start again, which is no stroke.
        this.begin(t, sample);
      }
      return attempt;
    }
    this.offSince = null;
    this.lastSeenT = t;
    this.lastS = sample.s;
    this.take(t, sample);
    if (this.turnsBackAt(sample.s)) {
      const atHigh = this.maxS - this.startS >= this.startS - this.minS;
      const turnT = atHigh ? this.maxT : this.minT;
      const turnS = atHigh ? this.maxS : this.minS;
      // Where the hand last was at the turn: it may have rested there, coming down to the skin.
      const turnDistance = atHigh ? this.nearHighDistance : this.nearLowDistance;
      // …and how near the camera it was there: a way back that lifts off grows from that palm.
      const turnPalm = atHigh ? this.palmAtMax : this.palmAtMin;
      const attempt = this.finish('reverse');
      this.begin(turnT, { ...sample, s: turnS, distance: turnDistance, palm: turnPalm });
      this.step(t, sample);
      return attempt;
    }
    if (t - this.lastProgressT > this.stallMs) return this.finish('stall');
    return null;
  }

  /** Whether the hand, back after a dropout, has gone back against the stroke's direction meanwhile. */
  private restartedAfterGap(unseenMs: number, sample: PathContact): boolean {
    if (unseenMs <= RESUME_MS) return false;
    const direction = this.maxS - this.startS >= this.startS - this.minS ? 1 : -1;
    return (this.lastS - sample.s) * direction > this.noiseTravel;
  }

  /** Ends any stroke under way, e.g. when the step changes; returns the attempts still to judge. */
  flush(): StrokeAttempt[] {
    const held = this.heldLeap;
    this.heldLeap = null;
    const turned = held ? this.step(held.t, held.sample) : null;
    const attempt = this.active ? this.finish('flush') : null;
    const waiting = this.waiting?.attempt ?? null;
    this.waiting = null;
    const queued = this.queued.splice(0);
    return [...queued, turned, attempt, waiting].filter((a): a is StrokeAttempt => a !== null);
  }

  /** `onPath`: the attempt begins with the hand on the path (not beside it, coming in). */
  private begin(t: number, sample: PathContact, startSeen = true, onPath = true): void {
    const s = sample.s;
    this.active = true;
    this.startSeen = startSeen;
    this.arrivedUnderWay = false;
    this.startS = this.minS = this.maxS = this.lastS = this.progressHigh = this.progressLow = s;
    this.startT = this.minT = this.maxT = this.lastSeenT = this.lastProgressT = t;
    this.nearLowT = this.nearHighT = this.forwardDepartT = this.backwardDepartT = t;
    this.offSince = null;
    this.pinched = false;
    this.holdSince = null;
    this.longestHold = 0;
    this.distanceSum = this.palmSum = this.samples = 0;
    this.trailS.length = this.trailPalm.length = this.trailDistance.length = 0;
    this.take(t, sample);
    this.landedS = onPath ? s : null;
  }

  /** Takes a contact into the attempt's extremes, timings, pinches, hold and skin measures. */
  private take(t: number, { s, pinch, distance, palm }: PathContact): void {
    this.landedS ??= s;
    if (this.samples === 0 || palm < this.leastPalm) this.leastPalm = palm;
    if (this.samples === 0 || distance < this.nearest) this.nearest = distance;
    this.trailS.push(s);
    this.trailPalm.push(palm);
    this.trailDistance.push(distance);
    this.pinched ||= pinch;
    this.distanceSum += distance;
    this.palmSum += palm;
    this.samples++;
    if (s <= this.minS + DEPART_SLACK) {
      this.nearLowT = t;
      this.nearLowDistance = distance;
    }
    if (s >= this.maxS - DEPART_SLACK) {
      this.nearHighT = t;
      this.nearHighDistance = distance;
    }
    if (s > this.maxS || this.samples === 1) {
      this.maxS = s;
      this.maxT = t;
      this.forwardDepartT = this.nearLowT;
      this.forwardDepartDistance = this.nearLowDistance;
      this.distanceAtMax = distance;
      this.palmAtMax = palm;
      this.samplesAtMax = this.samples;
      this.snapshot(this.upToMax);
    }
    if (s < this.minS || this.samples === 1) {
      this.minS = s;
      this.minT = t;
      this.backwardDepartT = this.nearHighT;
      this.backwardDepartDistance = this.nearHighDistance;
      this.distanceAtMin = distance;
      this.palmAtMin = palm;
      this.snapshot(this.upToMin);
    }
    // Progress is a new extreme by a margin, so that jitter at rest does not keep a stroke alive.
    if (s > this.progressHigh + PROGRESS_STEP || s < this.progressLow - PROGRESS_STEP) {
      this.lastProgressT = t;
      this.progressHigh = Math.max(this.progressHigh, s);
      this.progressLow = Math.min(this.progressLow, s);
    }
    if (s < HOLD_ZONE) {
      this.holdSince = null;
    } else {
      this.holdSince ??= t;
      this.longestHold = Math.max(this.longestHold, t - this.holdSince);
    }
  }

  /** The largest palm seen on the second half of the way to the furthest point forward. */
  private largestPalmInSecondHalf(): number {
    const middle = (this.startS + this.maxS) / 2;
    let largest = 0;
    for (let i = 0; i < this.samplesAtMax; i++)
      if ((this.trailS[i] ?? 0) >= middle) largest = Math.max(largest, this.trailPalm[i] ?? 0);
    return largest;
  }

  /**
   * Whether the way forward went SKIN_GLIDE_SHARE of its length with the palm the skin's: from
   * where the palm first was, to the furthest point it reached still so (not growing as the hand
   * rises off the skin).
   */
  private glidedForwardOnSkin(skinPalm: number, magnitude: number): boolean {
    let from: number | null = null;
    let furthest = -Infinity;
    for (let i = 0; i < this.samplesAtMax; i++) {
      if ((this.trailPalm[i] ?? Infinity) > skinPalm * (1 + RETURN_PALM_GROWTH)) continue;
      const s = this.trailS[i] ?? 0;
      from ??= s;
      furthest = Math.max(furthest, s);
    }
    return from !== null && furthest - from >= SKIN_GLIDE_SHARE * magnitude;
  }

  /**
   * Whether a movement backward went much of its way on the skin: from the first contact as near
   * the path as the second half of the way was, with a palm as small (not still coming down), to
   * its furthest point back.
   */
  private glidedBackOnSkin(skinPalm: number, magnitude: number): boolean {
    const count = this.upToMin.samples;
    const middle = (this.startS + this.minS) / 2;
    const secondHalf: number[] = [];
    for (let i = 0; i < count; i++)
      if ((this.trailS[i] ?? 0) <= middle) secondHalf.push(this.trailDistance[i] ?? 0);
    secondHalf.sort((a, b) => a - b);
    const skinDistance = secondHalf[Math.floor(secondHalf.length / 2)] ?? this.distanceAtMin;
    for (let i = 0; i < count; i++) {
      const palm = this.trailPalm[i] ?? Infinity;
      const distance = this.trailDistance[i] ?? Infinity;
      if (
        palm <= skinPalm * (1 + RETURN_PALM_GROWTH) &&
        distance <= skinDistance + SKIN_DISTANCE_SLACK
      )
        return (this.trailS[i] ?? this.minS) - this.minS >= SKIN_GLIDE_SHARE * magnitude;
    }
    return false;
  }

  /**
   * How far the movement went its way near the path, within APPROACH_CLOSING of the distance from
   * it where it set off: the way gone on the skin, not through the air as the hand rises.
   */
  private wayOnSkin(forward: boolean): number {
    const count = forward ? this.samplesAtMax : this.upToMin.samples;
    const limit =
      (forward ? this.forwardDepartDistance : this.backwardDepartDistance) + APPROACH_CLOSING;
    let furthest = this.startS;
    for (let i = 0; i < count; i++) {
      if ((this.trailDistance[i] ?? Infinity) > limit) continue;
      const s = this.trailS[i] ?? furthest;
      furthest = forward ? Math.max(furthest, s) : Math.min(furthest, s);
    }
    return Math.abs(furthest - this.startS);
  }

  private snapshot(out: {
    distance: number;
    palm: number;
    samples: number;
    leastPalm: number;
    nearest: number;
  }): void {
    out.distance = this.distanceSum;
    out.palm = this.palmSum;
    out.samples = this.samples;
    out.leastPalm = this.leastPalm;
    out.nearest = this.nearest;
  }

  private finish(ending: Ending): StrokeAttempt | null {
    this.active = false;
    const forward = this.maxS - this.startS;
    const backward = this.startS - this.minS;
    const goesForward = this.tuning.netProgress ? this.lastS >= this.startS : forward >= backward;
    const magnitude = goesForward ? forward : backward;
    if (magnitude < this.noiseTravel) return null;
    const direction = goesForward ? 1 : -1;
    const strokeEndT = goesForward ? this.maxT : this.minT;
    const skin = goesForward ? this.upToMax : this.upToMin;
    const distance = skin.distance / skin.samples;
    const palm = skin.palm / skin.samples;
    const previous = this.lastJudged;
    // The palm on the skin: this movement's smallest, or the one just before's if smaller.
    const before = this.lastMovement;
    const skinPalm =
      before && this.startT - before.endT < RETURN_WINDOW_MS
        ? Math.min(skin.leastPalm, before.leastPalm)
        : skin.leastPalm;
    this.lastMovement = { endT: this.lastSeenT, leastPalm: skin.leastPalm, direction, palm };
    if (!this.tuning.returnsOnSkin && skin.nearest > SKIN_REACH) return null;
    // The hand going back after a stroke, less on the skin than the stroke was or coming off it
    // as it goes (the palm growing toward the camera), is its return.
    const palmAtEnd = goesForward ? this.palmAtMax : this.palmAtMin;
    const palmGrowth = palmAtEnd / skin.leastPalm;
    if (
      !this.tuning.returnsOnSkin &&
      previous &&
      previous.direction !== direction &&
      ((this.startT - previous.endT < RETURN_WINDOW_MS &&
        (palm > previous.palm * (1 + RETURN_PALM_GROWTH) ||
          palmGrowth > 1 + RETURN_PALM_GROWTH ||
          distance > previous.distance + RETURN_DISTANCE)) ||
        (this.startT - previous.endT <
          (direction > 0 ? LIFTED_AFTER_WRONG_WAY_MS : LIFTED_RETURN_WINDOW_MS) &&
          palm > previous.palm * (1 + LIFTED_PALM_GROWTH)))
    ) {
      return null;
    }
    // So is a movement the arrow's way well off the skin after one the other way too short or
    // too little seen to be judged (the stroke before it half lost): it is never a good stroke.
    // Not the other way round: a palm misjudged small in the movement before must not hide a
    // wrong-way stroke.
    if (
      !this.tuning.returnsOnSkin &&
      direction > 0 &&
      before &&
      before.direction < 0 &&
      this.startT - before.endT < LIFTED_RETURN_WINDOW_MS &&
      palm > before.palm * (1 + LIFTED_PALM_GROWTH)
    ) {
      return null;
    }
    // A movement closing in on the path as it goes is the hand coming in to the start of a
    // stroke: no stroke on the skin unless it is a full one the right way, or one the wrong way
    // that glided much of its way on the skin (touched down just beside the path).
    const closing = goesForward
      ? this.forwardDepartDistance - this.distanceAtMax
      : this.backwardDepartDistance - this.distanceAtMin;
    // A full stroke the right way is seen gliding on the skin, not only arriving through the air
    // at the far end and staying there, nor coming down onto the skin only as it ends (the palm
    // shrinking as the hand goes away from the camera).
    const landedS = this.landedS ?? this.maxS;
    const glidedOnSkin = this.maxS - landedS >= this.noiseTravel;
    const cameDown =
      goesForward && palmAtEnd * (1 + RETURN_PALM_GROWTH) < this.largestPalmInSecondHalf();
    if (
      !this.tuning.returnsOnSkin &&
      closing > APPROACH_CLOSING &&
      (magnitude < this.minTravel ||
        (goesForward ? !glidedOnSkin || cameDown : !this.glidedBackOnSkin(skinPalm, magnitude)))
    ) {
      return null;
    }
    // A movement back that rises off the skin as it goes (ending well off the path, its palm grown
    // toward the camera) is the hand lifting away after a stroke not seen (found only at its end).
    // Its furthest point back is its start on a movement forward: this never holds there.
    if (
      !this.tuning.returnsOnSkin &&
      this.distanceAtMin - this.backwardDepartDistance > APPROACH_CLOSING &&
      palmGrowth > 1 + LIFTED_PALM_GROWTH
    ) {
      return null;
    }
    // After a wrong-way stroke, a movement the arrow's way is only a stroke if it glides on the
    // skin for much of its way: one whose palm comes down to the skin's only near its end was in
    // the air until then, the hand lifted to go back, seen over the path (however long after, as
    // the wrong-way strokes between may have gone unseen).
    if (
      !this.tuning.returnsOnSkin &&
      goesForward &&
      previous !== null &&
      previous.direction < 0 &&
      !this.glidedForwardOnSkin(skinPalm, magnitude)
    ) {
      return null;
    }
    const departT = goesForward ? this.forwardDepartT : this.backwardDepartT;
    const duration = Math.max(0, strokeEndT - departT);
    const seenWhole = this.startSeen && ending !== 'gap' && ending !== 'jump';
    // Between frames the hand goes on unseen: a brisk stroke seen from touch-down to lift-off in
    // only a handful of frames (a flick at a few frames a second) has its first and last stretches
    // fall between them. Half a frame's travel at each end, at the speed seen.
    const unseenEnds =
      seenWhole && skin.samples < SPARSE_SAMPLES
        ? (magnitude * this.frameInterval) / Math.max(duration, this.frameInterval)
        : 0;
    const travel = magnitude + unseenEnds;
    let verdict: StrokeVerdict;
    if (direction < 0) {
      // A short backward slide is repositioning, not an attempt (only what was seen counts
      // against the person); and only the way gone on the skin counts: a short slide back that
      // then rises off the path is the hand going away.
      if (this.wayOnSkin(false) < this.minTravel) return null;
      verdict = 'wrong-direction';
    } else if (
      !this.tuning.returnsOnSkin &&
      travel >= this.minTravel &&
      palmGrowth > 1 + RETURN_PALM_GROWTH &&
      this.wayOnSkin(true) + unseenEnds < this.minTravel
    ) {
      // So for a stroke the arrow's way: a hand that rises off the path as it goes on (its palm
      // growing toward the camera) is lifting away, its stroke (if any) gone the other way unseen.
      return null;
    } else if (travel < this.minTravel) {
      // Only a real try, seen from start to end, earns the hint; a shorter slide or a piece cut
      // off by lost tracking is no stroke at all.
      if (!seenWhole || magnitude < SHORT_SHARE * this.minTravel) {
        // A piece of a stroke, though: a movement back after it is its return.
        if (!seenWhole) this.lastJudged = { direction, endT: this.lastSeenT, distance, palm };
        return null;
      }
      verdict = 'too-short';
    } else if (duration < this.tuning.minDurationMs * magnitude) verdict = 'too-fast';
    else if (duration > this.tuning.maxDurationMs) verdict = 'too-slow';
    else if (this.tuning.needsPinch && !this.pinched) verdict = 'no-pinch';
    else if ((this.tuning.holdMs ?? 0) > 0 && this.longestHold < (this.tuning.holdMs ?? 0))
      verdict = 'no-hold';
    else verdict = 'good';
    const endT = Math.max(this.lastSeenT, strokeEndT);
    this.lastJudged = { direction, endT, distance, palm };
    const attempt = { verdict, startT: departT, endT: strokeEndT };
    const judged = { attempt, direction, startT: this.startT, endT, distance, palm };
    if (this.tuning.returnsOnSkin)
      return this.pairWithReturn({ ...judged, window: RETURN_WINDOW_MS });
    return this.pairWithEntry(judged, direction > 0 && this.arrivedUnderWay);
  }

  /**
   * A hand that arrives on the path already moving the arrow's way may be coming in, lifted, to
   * the start of a stroke the other way: a movement like that waits a moment, and is dropped if a
   * stroke the other way sets off at once and is clearly on the skin where it was not. Anything
   * else goes out in order.
   */
  private pairWithEntry(
    current: Omit<Waiting, 'window'>,
    arrivedUnderWay: boolean,
  ): StrokeAttempt | null {
    const waiting = this.waiting;
    this.waiting = null;
    // The way in was in the air when the stroke back is both nearer the path and farther from
    // the camera (its palm smaller).
    if (
      waiting &&
      current.direction < 0 &&
      current.startT - waiting.endT < waiting.window &&
      waiting.palm > current.palm * (1 + ENTRY_PALM_GROWTH) &&
      waiting.distance > current.distance + ENTRY_DISTANCE
    )
      return current.attempt;
    if (waiting) this.queued.push(waiting.attempt);
    if (!arrivedUnderWay) return current.attempt;
    this.waiting = { ...current, window: ENTRY_WINDOW_MS };
    return null;
  }

  /**
   * Strokes whose return runs over the same skin (flicks) come in pairs, a stroke and its way
   * back, and which one is the stroke is not known from the order alone (the hand may come in
   * from either end). Each waits for the other; of the two, the one nearer the path, the one on
   * the skin, is the stroke.
   */
  private pairWithReturn(current: Waiting): StrokeAttempt | null {
    const waiting = this.waiting;
    if (
      waiting &&
      waiting.direction !== current.direction &&
      current.startT - waiting.endT < RETURN_WINDOW_MS
    ) {
      this.waiting = null;
      const [forward, backward] = current.direction > 0 ? [current, waiting] : [waiting, current];
      // Nearer the path and not grown toward the camera is on the skin; the arrow's way wins a
      // near tie, as people follow it.
      const growth = backward.palm / forward.palm - 1;
      const backwardNearer = forward.distance - backward.distance - PAIR_PALM_WEIGHT * growth;
      return (backwardNearer > PAIR_TIE ? backward : forward).attempt;
    }
    this.waiting = current;
    return waiting?.attempt ?? null;
  }
}

/** A judged stroke waiting for its return. */
interface Waiting {
  readonly attempt: StrokeAttempt;
  /** How long it waits for the movement it pairs with (ms). */
  readonly window: number;
  readonly direction: number;
  readonly startT: number;
  readonly endT: number;
  readonly distance: number;
  readonly palm: number;
}
