import { type PolylineProjection, projectOntoPolyline } from '../polyline';
import type { Side } from '../regions';
import { REGIONS } from '../regions';
import type { Effector, PathStrokeKind, RoutineStep } from '../routine-schema';
import { STROKE_TUNING, StrokeTracker } from '../stroke-tracker';
import {
  type Judgement,
  type RecognizerFrame,
  RegionGeometry,
  type StepRecognizer,
} from './recognizer';

/** Distance (face widths) within which an effector is on a path; hysteresis keeps it on until the exit distance. */
export const PATH_ENTER_DISTANCE = 0.11;
export const PATH_EXIT_DISTANCE = 0.15;

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
  progress: Partial<Record<Side, number>> = {};
  private readonly geometry: RegionGeometry;
  private readonly trackers: StrokeTracker[];
  private readonly owners: ({ slot: number; effector: Effector } | null)[];
  private readonly effectors: readonly Effector[];
  private readonly projection: PolylineProjection = { s: 0, distance: 0 };

  constructor(step: RoutineStep & { kind: PathStrokeKind }) {
    const region = REGIONS[step.region ?? 'jawline-outward'];
    this.geometry = new RegionGeometry(region);
    const tuning = { ...STROKE_TUNING[step.kind], holdMs: step.holdMs ?? 0 };
    this.trackers = region.paths.map(() => new StrokeTracker(tuning));
    this.owners = region.paths.map(() => null);
    this.effectors = step.effectors ?? ['fingertips'];
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
    this.progress = {};
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
      const attempt = tracker.update(frame.t, hit ? hit.s : null, pinch);
      if (attempt) judgements.push({ side: path.side, verdict: attempt.verdict });
      const s = tracker.position;
      if (s !== null) this.progress[path.side] = s;
    });
    return judgements;
  }

  flush(t: number): Judgement[] {
    const judgements: Judgement[] = [];
    this.geometry.region.paths.forEach((path, i) => {
      const attempt = this.trackers[i]?.flush(t);
      if (attempt) judgements.push({ side: path.side, verdict: attempt.verdict });
    });
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
        projectOntoPolyline(point, points, this.projection);
        const owned = owner?.slot === slotIndex && owner.effector === effector && tracker.inStroke;
        if (this.projection.distance > (owned ? PATH_EXIT_DISTANCE : PATH_ENTER_DISTANCE)) continue;
        // The stroke's own effector wins while it stays within reach, so strokes don't hop between fingers.
        const distance = owned ? -1 : this.projection.distance;
        if (!best || distance < best.distance)
          best = { slot: slotIndex, effector, s: this.projection.s, distance };
      }
    });
    return best;
  }
}
