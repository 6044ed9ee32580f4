import { FaceSpace, isOverFace } from './face-space';
import { FaceViewState } from './face-view';
import type { FaceObservation, FrameSize, TrackedFrame } from './frame';
import { FramingHold, type FramingIssue, framingIssue } from './framing';
import { type HandSlot, HandTracker } from './hand-tracker';
import { createRecognizer, type Judgement, type StepRecognizer } from './recognizers';
import { REGIONS, type Side } from './regions';
import type { Effector, Routine, RoutineStep } from './routine-schema';
import type { StrokeVerdict } from './stroke-tracker';
import type { Vec2 } from './vec2';

/** Rest between a completed step and the next (ms). */
export const STEP_REST_MS = 2000;
/** A longer gap between two frames adds only this much to a step's active time (ms). */
const MAX_FRAME_GAP_MS = 1000;
/** A face lost while hands are in view is taken as hidden by them for this long (ms). */
export const FACE_HIDDEN_MS = 1000;
/** Motion off the targets (face widths, within OFF_TARGET_WINDOW_MS) that earns an off-target hint. */
const OFF_TARGET_TRAVEL = 0.45;
const OFF_TARGET_WINDOW_MS = 1500;
const OFF_TARGET_COOLDOWN_MS = 2500;
/**
 * For this long (ms) after it worked on the target, a hand moving over the face is going back or
 * over to the other side for its next stroke, not wandering: no off-target hint yet.
 */
const OFF_TARGET_GRACE_MS = 1500;
/** On the target this long without a break (ms), a hand is working there, not passing over it. */
const WORKING_MS = 300;
/** The point of a hand whose travel over the face is measured: present in every posture. */
const TRAVEL_POINT: Effector = 'knuckles';

/** What the coach can say about the current moment. */
export type LiveFeedback =
  | 'no-face'
  | 'face-part-out'
  | 'two-faces'
  | 'no-hands'
  | 'off-target'
  | 'on-target'
  | 'hands-ready'
  | 'timed'
  | FramingIssue
  | 'hold-still';

/** Events the engine emits. Times are the frames' `t`. */
export type EngineEvent =
  | { type: 'stroke'; t: number; step: string; side: Side; verdict: StrokeVerdict }
  | { type: 'step-complete'; t: number; step: string }
  | { type: 'step-start'; t: number; step: string }
  | { type: 'routine-complete'; t: number; routine: string };

/** Good, wrong-direction and other judged strokes on one side. */
export interface SideCount {
  good: number;
  wrongDirection: number;
  other: number;
}

/** Per-step tallies, kept for the routine summary. */
export interface StepTally {
  readonly step: string;
  readonly counts: Record<Side, SideCount>;
  /** Every judged stroke by verdict, over all sides. */
  readonly verdicts: Partial<Record<StrokeVerdict, number>>;
  /** Time the step was the one being done (ms), over every visit, rests and pauses left out. */
  activeMs: number;
  startedAt: number | null;
  completedAt: number | null;
}

/** How an engine starts. */
export interface EngineOptions {
  /**
   * Counting starts only once the face is framed (centred, near enough, turned to the camera)
   * and held still for a moment, so getting into position is never a stroke: for live sessions.
   */
  readonly settle?: boolean;
}

/** A step's counts from an earlier run of the same routine, as kept for resuming. */
export interface SavedStepCounts {
  readonly step: string;
  readonly counts: Readonly<Record<Side, SideCount>>;
  readonly verdicts?: Readonly<Partial<Record<StrokeVerdict, number>>>;
  readonly activeMs?: number;
  readonly completed?: boolean;
}

/** The engine's state for the UI. */
export interface EngineSnapshot {
  readonly routine: Routine;
  readonly stepIndex: number;
  readonly step: RoutineStep;
  readonly phase: 'active' | 'rest' | 'done';
  readonly tally: StepTally;
  /** The sides the step's region has paths on (none for steps without a region). */
  readonly sides: readonly Side[];
  readonly feedback: LiveFeedback;
  /** How much of the press at the end of a stroke is held (0..1) per side, for steps with a hold. */
  readonly hold: Readonly<Partial<Record<Side, number>>>;
  /** Waiting for the face to be framed and still before counting starts (see {@link EngineOptions}). */
  readonly settling: boolean;
  /** Time spent in the step (ms), and for timed steps the time left. */
  readonly elapsedMs: number;
  readonly remainingMs: number | null;
}

/** One count added up over every side. */
export function countOverSides(
  counts: Readonly<Record<Side, SideCount>>,
  key: keyof SideCount,
): number {
  return counts.left[key] + counts.right[key] + counts.center[key];
}

const emptyCounts = (): Record<Side, SideCount> => ({
  left: { good: 0, wrongDirection: 0, other: 0 },
  right: { good: 0, wrongDirection: 0, other: 0 },
  center: { good: 0, wrongDirection: 0, other: 0 },
});

/**
 * The step engine: a pure function of the frames fed to it and their times. It follows a
 * routine step by step, hands each frame (in face-relative coordinates) to the step's
 * recogniser, counts the judged strokes and moves on when a step is done.
 */
export class StepEngine {
  private readonly space = new FaceSpace();
  private readonly hands = new HandTracker();
  private readonly faceView = new FaceViewState();
  private readonly tallies: StepTally[];
  private recognizer: StepRecognizer | null = null;
  private index = 0;
  private phase: EngineSnapshot['phase'] = 'active';
  private restUntil = 0;
  private feedback: LiveFeedback = 'no-face';
  private offTarget = {
    travel: 0,
    since: 0,
    lastHint: -Infinity,
    /** Where the measured hand was in the frame before. */
    last: { x: 0, y: 0 } as Vec2,
    /** Since when the hands have been on the target without a break (null: not on it now). */
    onTargetSince: null as number | null,
    /** The hand whose travel is measured (null: none since the last frame). */
    handId: null as number | null,
    /** When a hand last worked on the target. */
    workedAt: -Infinity,
  };
  private lastT = -Infinity;
  /** The face last seen and fitted, and when. */
  private lastFace: { face: FaceObservation; t: number } | null = null;
  /** Counting waits for a framed, still face (a live session's start). */
  private settling: boolean;
  private readonly framing = new FramingHold();

  constructor(
    readonly routine: Routine,
    private readonly frameSize: FrameSize,
    startStep?: string,
    options: EngineOptions = {},
  ) {
    this.settling = options.settle ?? false;
    this.tallies = routine.steps.map((s) => newTally(s.id));
    const start = startStep ? routine.steps.findIndex((s) => s.id === startStep) : 0;
    if (start < 0) throw new RangeError(`Routine "${routine.id}" has no step "${startStep}".`);
    this.enterStep(start);
  }

  /** The current state, for display: a new, unchanging object each time. */
  get snapshot(): EngineSnapshot {
    const step = this.currentStep;
    const started = this.tally.startedAt;
    const elapsedMs = started === null || this.lastT === -Infinity ? 0 : this.lastT - started;
    return {
      routine: this.routine,
      stepIndex: this.index,
      step,
      phase: this.phase,
      tally: copyTally(this.tally),
      sides: step.region ? REGIONS[step.region].paths.map((p) => p.side) : [],
      feedback: this.feedback,
      settling: this.settling,
      hold: this.recognizer?.hold ?? {},
      elapsedMs,
      remainingMs: step.kind === 'timed' ? Math.max(0, (step.durationMs ?? 0) - elapsedMs) : null,
    };
  }

  /** Tallies of every step so far, for the routine summary (a copy: later strokes do not change it). */
  get summary(): readonly StepTally[] {
    return this.tallies.map(copyTally);
  }

  /**
   * Takes the counts of an earlier run of the same routine (a session resumed after a reload):
   * steps are matched by id, and a step goes on from the strokes and time it already has.
   */
  restoreCounts(saved: readonly SavedStepCounts[]): void {
    for (const tally of this.tallies) {
      const earlier = saved.find((s) => s.step === tally.step);
      if (!earlier) continue;
      for (const side of ['left', 'right', 'center'] as const)
        Object.assign(tally.counts[side], earlier.counts[side]);
      // Progress kept before verdicts were counted by kind has only good and wrong-way counts.
      Object.assign(tally.verdicts, earlier.verdicts ?? verdictsFromCounts(tally.counts));
      tally.activeMs = earlier.activeMs ?? 0;
      // Its frame time is gone with the earlier run; only that it was done matters now.
      if (earlier.completed) tally.completedAt ??= 0;
    }
  }

  /** Jumps to a step (next, previous or any); strokes already counted on it stay counted. */
  goToStep(index: number): void {
    if (index < 0 || index >= this.routine.steps.length) return;
    // The step's strokes so far stay counted; its clock (and a timed step's time) starts again.
    const tally = this.tallies[index];
    if (tally) tally.startedAt = null;
    this.enterStep(index);
  }

  /** Feeds one frame; returns what happened in it. Frames with a time not after the last are ignored. */
  update(frame: TrackedFrame): EngineEvent[] {
    const t = frame.t;
    if (t <= this.lastT) return [];
    const gap = Math.min(t - this.lastT, MAX_FRAME_GAP_MS);
    this.lastT = t;
    const events: EngineEvent[] = [];
    if (this.phase === 'done') return events;
    if (this.settling && !this.settle(frame)) return events;
    if (this.phase === 'active' && this.tally.startedAt !== null) this.tally.activeMs += gap;
    if (this.phase === 'rest') {
      if (t < this.restUntil) return events;
      this.enterStep(this.index + 1);
    }
    if (this.tally.startedAt === null) {
      this.tally.startedAt = t;
      events.push({ type: 'step-start', t, step: this.currentStep.id });
    }
    const face = this.faceOrHidden(frame);
    const faceSeen = face !== null;
    if (faceSeen) this.hands.update(frame.hands, t, this.space);
    else this.hands.miss(t);
    const recognizer = this.recognizer;
    if (!recognizer) {
      this.feedback = 'timed';
      if (t - (this.tally.startedAt ?? t) >= (this.currentStep.durationMs ?? 0))
        this.complete(t, events);
      return events;
    }
    const judgements = recognizer.update({
      t,
      face,
      space: this.space,
      hands: this.hands,
    });
    this.record(t, judgements, events);
    if (this.phase !== 'active') return events;
    const view = this.faceView.update(t, face, frame.facesInView ?? (faceSeen ? 1 : 0));
    if (view === 'no-face') this.feedback = 'no-face';
    else if (view === 'part-out') this.feedback = 'face-part-out';
    else if (view === 'two-faces') this.feedback = 'two-faces';
    else if (recognizer.onTarget || !recognizer.needsHands) this.feedback = 'on-target';
    else if (!this.hands.anyPresent) this.feedback = 'no-hands';
    else this.feedback = this.trackOffTarget(t, events) ? 'off-target' : 'hands-ready';
    const offTarget = this.offTarget;
    offTarget.onTargetSince = recognizer.onTarget ? (offTarget.onTargetSince ?? t) : null;
    if (offTarget.onTargetSince !== null && t - offTarget.onTargetSince >= WORKING_MS)
      offTarget.workedAt = t;
    return events;
  }

  /**
   * The frame's face, fitted to the face space; or, while hands are in view and the face was seen
   * less than FACE_HIDDEN_MS ago, the face last seen: hands over the eyes or cheeks hide the face
   * from the model, and the head moves little in that time.
   */
  private faceOrHidden(frame: TrackedFrame): FaceObservation | null {
    if (frame.face !== null && this.space.fit(frame.face.landmarks, this.frameSize)) {
      this.lastFace = { face: frame.face, t: frame.t };
      return frame.face;
    }
    const last = this.lastFace;
    // The face space keeps the last face's fit.
    if (last && frame.hands.length > 0 && frame.t - last.t <= FACE_HIDDEN_MS) return last.face;
    this.lastFace = null;
    return null;
  }

  /**
   * Before counting starts: says what keeps the face from being framed, and once it is framed and
   * held still, starts counting (true).
   */
  private settle(frame: TrackedFrame): boolean {
    const t = frame.t;
    const face = frame.face;
    const faceSeen = face !== null && this.space.fit(face.landmarks, this.frameSize);
    const view = this.faceView.update(
      t,
      faceSeen ? face : null,
      frame.facesInView ?? (faceSeen ? 1 : 0),
    );
    const issue = faceSeen ? framingIssue(face.landmarks, this.frameSize) : null;
    // A second face in view does not stop counting from starting: the face followed is framed.
    if (!faceSeen || view === 'no-face' || view === 'part-out' || issue) {
      this.framing.reset();
      this.feedback =
        !faceSeen || view === 'no-face'
          ? 'no-face'
          : view === 'part-out'
            ? 'face-part-out'
            : (issue as FramingIssue);
      return false;
    }
    if (!this.framing.still(t, face.landmarks)) {
      this.feedback = view === 'two-faces' ? 'two-faces' : 'hold-still';
      return false;
    }
    this.settling = false;
    return true;
  }

  /** Ends any stroke under way, judging it (at the end of a recording, say). */
  finish(t: number): EngineEvent[] {
    const events: EngineEvent[] = [];
    if (this.phase === 'active' && this.recognizer)
      this.record(t, this.recognizer.flush(t), events);
    return events;
  }

  private get currentStep(): RoutineStep {
    return this.routine.steps[this.index] as RoutineStep;
  }

  private get tally(): StepTally {
    return this.tallies[this.index] as StepTally;
  }

  private enterStep(index: number): void {
    this.index = index;
    this.phase = 'active';
    this.recognizer = createRecognizer(this.currentStep, this.frameSize);
    this.hands.reset();
    this.offTarget.travel = 0;
  }

  /** Hands moving over the face but away from the targets earn an off-target hint. */
  private trackOffTarget(t: number, events: EngineEvent[]): boolean {
    const wandering = this.handOverFace();
    // NOTE: travel is followed on one part of the hand whatever its posture: the effectors its
    // posture allows can change from one frame to the next.
    const point = wandering?.smoothed.get(TRAVEL_POINT);
    const state = this.offTarget;
    if (!wandering || !point || t - state.workedAt < OFF_TARGET_GRACE_MS) {
      state.handId = null;
      return false;
    }
    // Travel is one hand's: from one hand to the other it would be a jump.
    if (state.handId === wandering.id && t - state.since <= OFF_TARGET_WINDOW_MS) {
      state.travel += Math.hypot(point.x - state.last.x, point.y - state.last.y);
    } else {
      state.travel = 0;
      state.since = t;
    }
    state.handId = wandering.id;
    state.last.x = point.x;
    state.last.y = point.y;
    if (state.travel < OFF_TARGET_TRAVEL) return t - state.lastHint < OFF_TARGET_COOLDOWN_MS;
    state.travel = 0;
    state.since = t;
    if (t - state.lastHint >= OFF_TARGET_COOLDOWN_MS) {
      state.lastHint = t;
      const region = this.currentStep.region;
      const side: Side =
        !region || REGIONS[region].paths.every((p) => p.side === 'center')
          ? 'center'
          : point.x < 0
            ? 'right'
            : 'left';
      this.record(t, [{ side, verdict: 'off-target' }], events);
    }
    return true;
  }

  /**
   * A hand with a point over the face (inside its outline, roughly) and no point near the step's
   * target, if any: a hand working near the target is not wandering.
   */
  private handOverFace(): HandSlot | null {
    const recognizer = this.recognizer;
    for (const slot of this.hands.slots) {
      if (!slot.seenNow) continue;
      let over = false;
      let near = false;
      for (const point of slot.points.values()) {
        if (recognizer?.nearTarget?.(point)) near = true;
        else if (isOverFace(point)) over = true;
      }
      if (over && !near) return slot;
    }
    return null;
  }

  private record(t: number, judgements: readonly Judgement[], events: EngineEvent[]): void {
    for (const { side, verdict } of judgements) {
      if (this.phase !== 'active') return;
      const counts = this.tally.counts[side];
      this.tally.verdicts[verdict] = (this.tally.verdicts[verdict] ?? 0) + 1;
      if (verdict === 'good') counts.good++;
      else if (verdict === 'wrong-direction') counts.wrongDirection++;
      else counts.other++;
      events.push({ type: 'stroke', t, step: this.currentStep.id, side, verdict });
      if (verdict === 'good' && this.isComplete()) this.complete(t, events);
    }
  }

  private complete(t: number, events: EngineEvent[]): void {
    this.tally.completedAt = t;
    events.push({ type: 'step-complete', t, step: this.currentStep.id });
    if (this.index + 1 < this.routine.steps.length) {
      this.phase = 'rest';
      this.restUntil = t + STEP_REST_MS;
    } else {
      this.phase = 'done';
      events.push({ type: 'routine-complete', t, routine: this.routine.id });
    }
  }

  private isComplete(): boolean {
    const step = this.currentStep;
    const counts = this.tally.counts;
    if (step.sides === 'each')
      return counts.left.good >= step.reps && counts.right.good >= step.reps;
    return countOverSides(counts, 'good') >= step.reps;
  }
}

function verdictsFromCounts(
  counts: Readonly<Record<Side, SideCount>>,
): Partial<Record<StrokeVerdict, number>> {
  const good = countOverSides(counts, 'good');
  const wrong = countOverSides(counts, 'wrongDirection');
  return { ...(good ? { good } : {}), ...(wrong ? { 'wrong-direction': wrong } : {}) };
}

/** A tally that the engine's later strokes cannot change. */
function copyTally(tally: StepTally): StepTally {
  const { left, right, center } = tally.counts;
  return Object.freeze({
    ...tally,
    counts: Object.freeze({ left: { ...left }, right: { ...right }, center: { ...center } }),
    verdicts: Object.freeze({ ...tally.verdicts }),
  });
}

function newTally(step: string): StepTally {
  return {
    step,
    counts: emptyCounts(),
    verdicts: {},
    activeMs: 0,
    startedAt: null,
    completedAt: null,
  };
}
