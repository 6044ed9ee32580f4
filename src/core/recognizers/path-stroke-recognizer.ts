import { type PolylineProjection, projectOntoPolyline } from '../polyline';
import type { Side } from '../regions';
import { REGIONS } from '../regions';
import type { Effector, PathStrokeKind, RoutineStep } from '../routine-schema';
import { STROKE_TUNING, type StrokeAttempt, StrokeTracker } from '../stroke-tracker';
import {
  type Judgement,
  type RecognizerFrame,
  RegionGeometry,
  type StepRecognizer,
} from './recognizer';

/** Distance (face widths) within which an effector is on a path; hysteresis keeps it on until the exit distance. */
export const PATH_ENTER_DISTANCE = 0.11;
export const PATH_EXIT_DISTANCE = 0.15;

/**
 * A hand sweeping across the face passes over the paths of both sides in one movement; that is
 * not a stroke. A judged stroke waits CROSS_HOLD_MS and is dropped if the same hand was beyond
 * CROSS_MARGIN (face widths) on the other side of the face from CROSS_WINDOW_MS before the stroke
 * began until then.
 */
const CROSS_MARGIN = 0.15;
const CROSS_WINDOW_MS = 350;
const CROSS_HOLD_MS = 350;

interface PendingJudgement extends Judgement {
  /** "slot:effector" of the hand part that made the stroke. */
  readonly maker: string;
  readonly startT: number;
  /** The stroke's own end plus CROSS_HOLD_MS. */
  readonly releaseAt: number;
}

/** The effector of a hand found on a path this frame. */
interface PathHit {
  slot: number;
  effector: Effector;
  s: number;
  distance: number;
}

/** Glides, walks, flicks and pinches: an effector moving along a path, one tracker per path. */
export class PathStrokeRecognizer implements StepRecognizer {
  readonly needsHands = true;
  onTarget = false;
  hold: Partial<Record<Side, number>> = {};
  private readonly geometry: RegionGeometry;
  private readonly trackers: StrokeTracker[];
  private readonly owners: ({ slot: number; effector: Effector } | null)[];
  private readonly effectors: readonly Effector[];
  private readonly projection: PolylineProjection = { s: 0, distance: 0 };
  private readonly bilateral: boolean;
  private pending: PendingJudgement[] = [];
  /** Per "slot:effector": when it was last far on the person's right (x < -margin) and left (x > margin). */
  private readonly farRightAt = new Map<string, number>();
  private readonly farLeftAt = new Map<string, number>();

  constructor(step: RoutineStep & { kind: PathStrokeKind }) {
    const region = REGIONS[step.region ?? 'jawline-outward'];
    this.geometry = new RegionGeometry(region);
    const tuning = { ...STROKE_TUNING[step.kind], holdMs: step.holdMs ?? 0 };
    this.trackers = region.paths.map(() => new StrokeTracker(tuning));
    this.owners = region.paths.map(() => null);
    this.effectors = step.effectors ?? ['fingertips'];
    this.bilateral = region.paths.some((p) => p.side !== 'center');
  }

  update(frame: RecognizerFrame): Judgement[] {
    const judgements: Judgement[] = [];
    const paths = this.geometry.region.paths;
    if (frame.face) this.geometry.update(frame.face, frame.space);
    const hits: (PathHit | null)[] = frame.face
      ? paths.map((_, i) => this.bestOnPath(frame, i))
      : [];
    // One hand works on one path at a time: where paths meet (the chin), the closer path gets it.
    hits.forEach((hit, i) => {
      if (!hit) return;
      hits.forEach((other, j) => {
        if (j !== i && other && other.slot === hit.slot && other.distance < hit.distance)
          hits[i] = null;
      });
    });
    this.onTarget = false;
    this.hold = {};
    this.noteSides(frame);
    paths.forEach((path, i) => {
      const tracker = this.trackers[i] as StrokeTracker;
      const hit = hits[i] ?? null;
      if (hit) {
        this.owners[i] = { slot: hit.slot, effector: hit.effector };
        this.onTarget = true;
      } else if (!tracker.inStroke) {
        this.owners[i] = null;
      }
      const pinch = hit ? (frame.hands.slots[hit.slot]?.pinchClosed ?? false) : false;
      tracker.setPathLength(this.geometry.lengths[i] ?? 0);
      const attempt = tracker.update(frame.t, hit ? hit.s : null, pinch);
      if (attempt) this.defer(path.side, attempt, this.owners[i], judgements);
      const held = tracker.holdProgress(frame.t);
      if (held > 0) this.hold[path.side] = held;
    });
    this.release(frame.t, judgements, false);
    return judgements;
  }

  private noteSides(frame: RecognizerFrame): void {
    frame.hands.slots.forEach((slot, i) => {
      if (!slot.seenNow) return;
      for (const effector of this.effectors) {
        const p = slot.points.get(effector);
        if (p && p.x < -CROSS_MARGIN) this.farRightAt.set(`${i}:${effector}`, frame.t);
        if (p && p.x > CROSS_MARGIN) this.farLeftAt.set(`${i}:${effector}`, frame.t);
      }
    });
  }

  /** Judgements on two-sided regions wait a moment, in case the hand is sweeping across the face. */
  private defer(
    side: Side,
    attempt: StrokeAttempt,
    owner: { slot: number; effector: Effector } | null | undefined,
    out: Judgement[],
  ): void {
    const { verdict, startT, endT } = attempt;
    if (!this.bilateral || !owner) out.push({ side, verdict });
    else
      this.pending.push({
        side,
        verdict,
        maker: `${owner.slot}:${owner.effector}`,
        startT,
        releaseAt: endT + CROSS_HOLD_MS,
      });
  }

  private release(t: number, out: Judgement[], all: boolean): void {
    this.pending = this.pending.filter((p) => {
      const otherSideAt =
        (p.side === 'right' ? this.farLeftAt : this.farRightAt).get(p.maker) ?? -Infinity;
      if (otherSideAt >= p.startT - CROSS_WINDOW_MS && otherSideAt <= p.releaseAt) return false;
      if (!all && t < p.releaseAt) return true;
      out.push({ side: p.side, verdict: p.verdict });
      return false;
    });
  }

  flush(t: number): Judgement[] {
    const judgements: Judgement[] = [];
    this.geometry.region.paths.forEach((path, i) => {
      const attempt = this.trackers[i]?.flush(t);
      if (attempt) this.defer(path.side, attempt, this.owners[i], judgements);
    });
    this.release(t, judgements, true);
    return judgements;
  }

  /** The hand effector closest to a path, if within reach; keeps the stroke's own effector while it stays close. */
  private bestOnPath(frame: RecognizerFrame, pathIndex: number): PathHit | null {
    const points = this.geometry.points[pathIndex] ?? [];
    const tracker = this.trackers[pathIndex] as StrokeTracker;
    const owner = this.owners[pathIndex];
    let best: PathHit | null = null;
    frame.hands.slots.forEach((slot, slotIndex) => {
      if (!slot.seenNow) return;
      for (const effector of this.effectors) {
        const point = slot.points.get(effector);
        if (!point) continue;
        projectOntoPolyline(point, points, this.projection, this.geometry.lengths[pathIndex]);
        const owned = owner?.slot === slotIndex && owner.effector === effector && tracker.inStroke;
        if (this.projection.distance > (owned ? PATH_EXIT_DISTANCE : PATH_ENTER_DISTANCE)) continue;
        // The stroke's own effector wins while it stays within reach, so strokes don't hop between
        // fingers; otherwise the step's main effector (listed first) goes before the others.
        const rank = this.effectors.indexOf(effector);
        const distance = owned ? -1 : rank + this.projection.distance;
        if (!best || distance < best.distance)
          best = { slot: slotIndex, effector, s: this.projection.s, distance };
      }
    });
    return best;
  }
}
