import { effectorPoint } from './effectors';
import { FaceSpace } from './face-space';
import type { FrameSize, HandObservation, TrackedFrame } from './frame';
import { OneEuroFilter } from './one-euro-filter';
import { type PolylineProjection, projectOntoPolyline } from './polyline';
import { REGIONS, type RegionPath, type Side } from './regions';
import type { Effector, Routine, RoutineStep } from './routine-schema';
import { STROKE_TUNING, StrokeTracker, type StrokeVerdict } from './stroke-tracker';
import type { Vec2 } from './vec2';

/** Distance (face widths) within which an effector is on a path; hysteresis keeps it on until the exit distance. */
export const PATH_ENTER_DISTANCE = 0.11;
export const PATH_EXIT_DISTANCE = 0.15;
/** Thumb-index gap (face widths) below which a pinch is closed, and above which it is open again. */
const PINCH_CLOSE = 0.07;
const PINCH_OPEN = 0.11;
/** Rest between a completed step and the next (ms). */
export const STEP_REST_MS = 2000;
/** Motion off the targets (face widths, within OFF_TARGET_WINDOW_MS) that earns an off-target hint. */
const OFF_TARGET_TRAVEL = 0.45;
const OFF_TARGET_WINDOW_MS = 1500;
const OFF_TARGET_COOLDOWN_MS = 2500;
/** Hands lost for longer than this no longer count as present (ms). */
const HAND_HOLD_MS = 400;

/** What the coach can say about the current moment. */
export type LiveFeedback = 'no-face' | 'no-hands' | 'off-target' | 'on-target' | 'hands-ready';

/** Events the engine emits. Times are the frames' `t`. */
export type EngineEvent =
  | { type: 'stroke'; t: number; step: string; side: Side; verdict: StrokeVerdict }
  | { type: 'step-complete'; t: number; step: string }
  | { type: 'step-start'; t: number; step: string }
  | { type: 'routine-complete'; t: number; routine: string };

/** Good and wrong-direction strokes on one side. */
export interface SideCount {
  good: number;
  wrongDirection: number;
  other: number;
}

/** Per-step tallies, kept for the routine summary. */
export interface StepTally {
  readonly step: string;
  readonly counts: Record<Side, SideCount>;
  startedAt: number | null;
  completedAt: number | null;
}

/** The engine's state for the UI. */
export interface EngineSnapshot {
  readonly routine: Routine;
  readonly stepIndex: number;
  readonly step: RoutineStep;
  readonly phase: 'active' | 'rest' | 'done';
  readonly tally: StepTally;
  /** Good strokes needed per side (sides "each"), or in total on the listed sides. */
  readonly sides: readonly Side[];
  readonly feedback: LiveFeedback;
  readonly lastStroke: { verdict: StrokeVerdict; side: Side; t: number } | null;
  /** Where on each path a stroke is under way (0..1), for the overlay. */
  readonly progress: Readonly<Partial<Record<Side, number>>>;
}

interface PathState {
  readonly path: RegionPath;
  readonly tracker: StrokeTracker;
  /** Path points in face coordinates, refreshed every frame. */
  readonly points: Vec2[];
  /** Hand slot and effector the current stroke is made with. */
  owner: { slot: number; effector: Effector } | null;
}

/** The effector of a hand found on a path this frame. */
interface PathHit {
  slot: number;
  effector: Effector;
  s: number;
  distance: number;
}

interface HandSlot {
  readonly filters: Map<Effector, [OneEuroFilter, OneEuroFilter]>;
  readonly points: Map<Effector, Vec2>;
  lastSeen: number;
  /** Seen recently enough to count as present (hands vanish for a few frames near the face). */
  present: boolean;
  /** Seen in the current frame: only then do its points feed the stroke trackers. */
  seenNow: boolean;
  pinchClosed: boolean;
}

const emptyCounts = (): Record<Side, SideCount> => ({
  left: { good: 0, wrongDirection: 0, other: 0 },
  right: { good: 0, wrongDirection: 0, other: 0 },
  center: { good: 0, wrongDirection: 0, other: 0 },
});

/**
 * The step engine: a pure function of the frames fed to it (and their times). It follows a
 * routine step by step, recognises strokes along each step's target paths in face-relative
 * coordinates, judges their direction and counts them.
 */
export class StepEngine {
  private readonly space = new FaceSpace();
  private readonly slots: HandSlot[] = [0, 1].map(() => ({
    filters: new Map(),
    points: new Map(),
    lastSeen: -Infinity,
    present: false,
    seenNow: false,
    pinchClosed: false,
  }));
  private readonly tallies: StepTally[];
  private readonly projection: PolylineProjection = { s: 0, distance: 0 };
  private readonly scratch: Vec2 = { x: 0, y: 0 };
  private paths: PathState[] = [];
  private index = 0;
  private phase: EngineSnapshot['phase'] = 'active';
  private restUntil = 0;
  private feedback: LiveFeedback = 'no-face';
  private lastStroke: EngineSnapshot['lastStroke'] = null;
  private offTarget = { travel: 0, since: 0, lastHint: -Infinity, last: null as Vec2 | null };
  private lastT = -Infinity;

  constructor(
    readonly routine: Routine,
    private readonly frameSize: FrameSize,
    startStep?: string,
  ) {
    this.tallies = routine.steps.map((s) => ({
      step: s.id,
      counts: emptyCounts(),
      startedAt: null,
      completedAt: null,
    }));
    const start = startStep ? routine.steps.findIndex((s) => s.id === startStep) : 0;
    if (start < 0) throw new RangeError(`Routine "${routine.id}" has no step "${startStep}".`);
    this.enterStep(start);
  }

  /** The current state, for display. */
  get snapshot(): EngineSnapshot {
    const step = this.currentStep;
    const progress: Partial<Record<Side, number>> = {};
    for (const p of this.paths) {
      const s = p.tracker.position;
      if (s !== null) progress[p.path.side] = s;
    }
    return {
      routine: this.routine,
      stepIndex: this.index,
      step,
      phase: this.phase,
      tally: this.tally,
      sides: REGIONS[step.region].paths.map((p) => p.side),
      feedback: this.feedback,
      lastStroke: this.lastStroke,
      progress,
    };
  }

  /** Tallies of every step so far, for the routine summary. */
  get summary(): readonly StepTally[] {
    return this.tallies;
  }

  /** Jumps to a step (next, previous or any); its tally starts afresh. */
  goToStep(index: number): void {
    if (index < 0 || index >= this.routine.steps.length) return;
    this.tallies[index] = {
      step: this.routine.steps[index]?.id ?? '',
      counts: emptyCounts(),
      startedAt: null,
      completedAt: null,
    };
    this.enterStep(index);
  }

  /** Feeds one frame; returns what happened in it. Frames with a time not after the last are ignored. */
  update(frame: TrackedFrame): EngineEvent[] {
    const t = frame.t;
    if (t <= this.lastT) return [];
    this.lastT = t;
    const events: EngineEvent[] = [];
    const step = this.currentStep;
    if (this.tally.startedAt === null) {
      this.tally.startedAt = t;
      events.push({ type: 'step-start', t, step: step.id });
    }
    if (this.phase === 'done') return events;
    if (this.phase === 'rest') {
      if (t < this.restUntil) return events;
      this.enterStep(this.index + 1);
      this.tally.startedAt = t;
      events.push({ type: 'step-start', t, step: this.currentStep.id });
      return events;
    }
    if (!frame.face || !this.space.fit(frame.face.landmarks, this.frameSize)) {
      this.feedback = 'no-face';
      this.feedTrackers(t, events, true);
      return events;
    }
    const landmarks = frame.face.landmarks;
    for (const state of this.paths) {
      state.path.landmarks.forEach((index, i) => {
        const p = landmarks[index];
        const out = state.points[i] as Vec2;
        if (p) this.space.toFace(p[0], p[1], out);
      });
    }
    this.updateHands(frame.hands, t, step);
    this.feedTrackers(t, events, false);
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
    const step = this.currentStep;
    const tuning = STROKE_TUNING[step.kind];
    this.paths = REGIONS[step.region].paths.map((path) => ({
      path,
      tracker: new StrokeTracker(tuning),
      points: path.landmarks.map(() => ({ x: 0, y: 0 })),
      owner: null,
    }));
    for (const slot of this.slots) {
      slot.filters.clear();
      slot.points.clear();
    }
    this.lastStroke = null;
  }

  private updateHands(hands: readonly HandObservation[], t: number, step: RoutineStep): void {
    const assigned = assignSlots(hands);
    this.slots.forEach((slot, i) => {
      const hand = assigned[i];
      slot.seenNow = hand !== undefined;
      if (!hand) {
        slot.present = t - slot.lastSeen <= HAND_HOLD_MS && slot.points.size > 0;
        if (!slot.present) slot.points.clear();
        return;
      }
      if (t - slot.lastSeen > HAND_HOLD_MS) {
        for (const [fx, fy] of slot.filters.values()) {
          fx.reset();
          fy.reset();
        }
      }
      slot.lastSeen = t;
      slot.present = true;
      for (const effector of step.effectors) {
        if (!effectorPoint(hand.landmarks, effector, this.scratch)) continue;
        const face = this.space.toFace(this.scratch.x, this.scratch.y, { x: 0, y: 0 });
        let filters = slot.filters.get(effector);
        if (!filters) {
          filters = [new OneEuroFilter(), new OneEuroFilter()];
          slot.filters.set(effector, filters);
        }
        face.x = filters[0].filter(face.x, t);
        face.y = filters[1].filter(face.y, t);
        slot.points.set(effector, face);
      }
      const thumb = hand.landmarks[4];
      const index = hand.landmarks[8];
      if (thumb && index) {
        const a = this.space.toFace(thumb[0], thumb[1], { x: 0, y: 0 });
        const b = this.space.toFace(index[0], index[1], this.scratch);
        const gap = Math.hypot(a.x - b.x, a.y - b.y);
        slot.pinchClosed = slot.pinchClosed ? gap < PINCH_OPEN : gap < PINCH_CLOSE;
      }
    });
  }

  private feedTrackers(t: number, events: EngineEvent[], faceLost: boolean): void {
    const step = this.currentStep;
    let onTarget = false;
    const hits = faceLost ? [] : this.paths.map((state) => this.bestOnPath(state, step));
    // One hand works on one path at a time: where paths meet (the chin), the closer path gets it.
    hits.forEach((hit, i) => {
      if (!hit) return;
      hits.forEach((other, j) => {
        if (j !== i && other && other.slot === hit.slot && other.distance < hit.distance)
          hits[i] = null;
      });
    });
    for (const [i, state] of this.paths.entries()) {
      const hit = hits[i] ?? null;
      if (hit) {
        state.owner = { slot: hit.slot, effector: hit.effector };
        onTarget = true;
      } else if (!state.tracker.inStroke) {
        state.owner = null;
      }
      const pinch = hit ? (this.slots[hit.slot]?.pinchClosed ?? false) : false;
      const attempt = state.tracker.update(t, hit ? hit.s : null, pinch);
      if (attempt) this.record(t, state.path.side, attempt.verdict, events);
      if (this.phase !== 'active') return;
    }
    const handsPresent = this.slots.some((s) => s.present);
    if (faceLost) this.feedback = 'no-face';
    else if (!handsPresent) this.feedback = 'no-hands';
    else if (onTarget) this.feedback = 'on-target';
    else this.feedback = this.trackOffTarget(t, events) ? 'off-target' : 'hands-ready';
    if (onTarget || !handsPresent) this.offTarget.travel = 0;
  }

  /** The hand effector closest to a path, if within reach; keeps the stroke's own effector while it stays close. */
  private bestOnPath(state: PathState, step: RoutineStep): PathHit | null {
    let best: PathHit | null = null;
    this.slots.forEach((slot, slotIndex) => {
      if (!slot.seenNow) return;
      for (const effector of step.effectors) {
        const point = slot.points.get(effector);
        if (!point) continue;
        projectOntoPolyline(point, state.points, this.projection);
        const owned = state.owner?.slot === slotIndex && state.owner.effector === effector;
        const reach = owned && state.tracker.inStroke ? PATH_EXIT_DISTANCE : PATH_ENTER_DISTANCE;
        if (this.projection.distance > reach) continue;
        // The stroke's own effector wins while it stays within reach, so strokes don't hop between fingers.
        const distance = owned && state.tracker.inStroke ? -1 : this.projection.distance;
        if (!best || distance < best.distance) {
          best = { slot: slotIndex, effector, s: this.projection.s, distance };
        }
      }
    });
    return best as PathHit | null;
  }

  /** Hands moving over the face but away from every target path earn an off-target hint. */
  private trackOffTarget(t: number, events: EngineEvent[]): boolean {
    const point = this.nearestFacePoint();
    const state = this.offTarget;
    if (!point) {
      state.travel = 0;
      state.last = null;
      return false;
    }
    if (state.last && t - state.since <= OFF_TARGET_WINDOW_MS) {
      state.travel += Math.hypot(point.x - state.last.x, point.y - state.last.y);
    } else {
      state.travel = 0;
      state.since = t;
    }
    state.last = { x: point.x, y: point.y };
    if (state.travel < OFF_TARGET_TRAVEL) return t - state.lastHint < OFF_TARGET_COOLDOWN_MS;
    state.travel = 0;
    state.since = t;
    if (t - state.lastHint >= OFF_TARGET_COOLDOWN_MS) {
      state.lastHint = t;
      const side: Side = this.paths.length === 1 ? 'center' : point.x < 0 ? 'right' : 'left';
      this.record(t, side, 'off-target', events);
    }
    return true;
  }

  /** An effector point over the face (inside its outline, roughly), if any. */
  private nearestFacePoint(): Vec2 | null {
    for (const slot of this.slots) {
      if (!slot.seenNow) continue;
      for (const point of slot.points.values()) {
        if (Math.abs(point.x) < 0.6 && point.y > -0.75 && point.y < 0.85) return point;
      }
    }
    return null;
  }

  private record(t: number, side: Side, verdict: StrokeVerdict, events: EngineEvent[]): void {
    const step = this.currentStep;
    const counts = this.tally.counts[side];
    if (verdict === 'good') counts.good++;
    else if (verdict === 'wrong-direction') counts.wrongDirection++;
    else counts.other++;
    this.lastStroke = { verdict, side, t };
    events.push({ type: 'stroke', t, step: step.id, side, verdict });
    if (verdict === 'good' && this.isComplete()) {
      this.tally.completedAt = t;
      events.push({ type: 'step-complete', t, step: step.id });
      if (this.index + 1 < this.routine.steps.length) {
        this.phase = 'rest';
        this.restUntil = t + STEP_REST_MS;
      } else {
        this.phase = 'done';
        events.push({ type: 'routine-complete', t, routine: this.routine.id });
      }
    }
  }

  private isComplete(): boolean {
    const step = this.currentStep;
    const counts = this.tally.counts;
    if (step.sides === 'each')
      return counts.left.good >= step.reps && counts.right.good >= step.reps;
    return counts.left.good + counts.right.good + counts.center.good >= step.reps;
  }
}

/** Pairs hands with the two slots by MediaPipe's handedness label, so each keeps its filters. */
function assignSlots(hands: readonly HandObservation[]): (HandObservation | undefined)[] {
  const slots: (HandObservation | undefined)[] = [undefined, undefined];
  for (const hand of hands) {
    const preferred = hand.handedness === 'Left' ? 0 : 1;
    if (!slots[preferred]) slots[preferred] = hand;
    else if (!slots[1 - preferred]) slots[1 - preferred] = hand;
  }
  return slots;
}
