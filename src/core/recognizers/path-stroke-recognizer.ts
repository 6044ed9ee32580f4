import { type ContactMeasure, ContactSelector } from '../contact';
import type { HandSlot } from '../hand-tracker';
import { type PolylineProjection, projectOntoPolyline } from '../polyline';
import type { Side } from '../regions';
import { REGIONS } from '../regions';
import type { PathStrokeKind, StepOf } from '../routine-schema';
import {
  type PathApproach,
  type PathSample,
  STROKE_TUNING,
  type StrokeAttempt,
  StrokeTracker,
} from '../stroke-tracker';
import type { Vec2 } from '../vec2';
import {
  type Judgement,
  type RecognizerFrame,
  RegionGeometry,
  type StepRecognizer,
} from './recognizer';

/** Distance (face widths) within which a contact touches down on a path; hysteresis keeps it on until the exit distance. */
export const PATH_ENTER_DISTANCE = 0.11;
export const PATH_EXIT_DISTANCE = 0.15;
/** A contact this near a path (face widths) is approaching it: a stroke that touches down next frame set off from there. */
const APPROACH_DISTANCE = 0.25;
/**
 * A hand touching down within this long (ms) of coming into view was not seen touching down: it
 * may have been on the path, unseen, for a while.
 */
const APPEARED_MS = 150;
/** Where paths meet (the chin), a stroke's own path keeps its hand unless another is nearer by this much. */
const OWN_PATH_BIAS = 0.03;

/**
 * A hand sweeping across the face passes over the paths of both sides in one movement; that is
 * not a stroke. A judged stroke waits CROSS_HOLD_MS and is dropped if the same hand was beyond
 * CROSS_MARGIN (face widths) on the other side of the face, its palm past the midline, from
 * CROSS_WINDOW_MS before the stroke began until then.
 */
const CROSS_MARGIN = 0.15;
/** How far past the midline (face widths) that hand's palm must be too: a palm at the chin is on neither side. */
const PALM_CROSS_MARGIN = 0.075;
/** Landmarks on the face's midline (nose bridge, chin): a turned head moves it off x = 0. */
const MIDLINE_LANDMARKS = [168, 152] as const;
const CROSS_WINDOW_MS = 350;
const CROSS_HOLD_MS = 350;

interface PendingJudgement extends Judgement {
  /** The hand that made the stroke. */
  readonly handId: number;
  readonly startT: number;
  /** The stroke's own end plus CROSS_HOLD_MS. */
  readonly releaseAt: number;
}

/** A hand's contact on a path this frame. */
interface PathHit {
  slot: HandSlot;
  /** The hand's contact moved this frame off a point held past a path's end. */
  jumped: boolean;
  s: number;
  distance: number;
}

/** Glides, walks, flicks and pinches: one hand's contact point moving along a path, one tracker per path. */
export class PathStrokeRecognizer implements StepRecognizer {
  readonly needsHands = true;
  onTarget = false;
  hold: Partial<Record<Side, number>> = {};
  private readonly geometry: RegionGeometry;
  private readonly trackers: StrokeTracker[];
  /** Per path, the hand (slot id) that made its latest stroke (kept while it waits for a verdict). */
  private readonly owners: (number | null)[];
  private readonly contacts: ContactSelector;
  private readonly projection: PolylineProjection = { s: 0, distance: 0 };
  private readonly bilateral: boolean;
  private pending: PendingJudgement[] = [];
  /** Per hand id: when it was last far on the person's right (x < -margin) and left (x > margin). */
  private readonly farRightAt = new Map<number, number>();
  private readonly farLeftAt = new Map<number, number>();
  /** Per path, where each hand (by id) was beside it this frame and the frame before. */
  private approaches: Map<number, PathApproach>[];
  private nextApproaches: Map<number, PathApproach>[];
  /** Ids of the hands with a contact point this frame. */
  private readonly touching = new Set<number>();
  /** The face's midline in face coordinates, this frame. */
  private midlineX = 0;
  private readonly scratch: Vec2 = { x: 0, y: 0 };
  private readonly pathMeasure: ContactMeasure = {
    distance: (p) => this.distanceToPaths(p),
    pastEnd: (p) => this.pastPathEnd(p),
  };

  constructor(step: StepOf<PathStrokeKind>) {
    const region = REGIONS[step.region];
    this.geometry = new RegionGeometry(region);
    const tuning = { ...STROKE_TUNING[step.kind], holdMs: step.holdMs ?? 0 };
    this.trackers = region.paths.map(() => new StrokeTracker(tuning));
    this.owners = region.paths.map(() => null);
    this.approaches = region.paths.map(() => new Map());
    this.nextApproaches = region.paths.map(() => new Map());
    this.contacts = new ContactSelector(step.effectors);
    this.bilateral = region.paths.some((p) => p.side !== 'center');
  }

  update(frame: RecognizerFrame): Judgement[] {
    const judgements: Judgement[] = [];
    const paths = this.geometry.region.paths;
    this.onTarget = false;
    this.hold = {};
    if (frame.face) {
      this.geometry.update(frame.face, frame.space);
      this.midlineX = 0;
      for (const index of MIDLINE_LANDMARKS) {
        const p = frame.face.landmarks[index];
        if (p) this.midlineX += frame.space.toFace(p[0], p[1], this.scratch).x / 2;
      }
    }
    const hits = this.findHits(frame);
    paths.forEach((path, i) => {
      const tracker = this.trackers[i] as StrokeTracker;
      const owner = this.owners[i] ?? null;
      const hit = hits[i] ?? null;
      let sample: PathSample = null;
      const ownerElsewhere =
        hit !== null &&
        hit.slot.id !== owner &&
        hits.some((h) => h !== null && h.slot.id === owner);
      if (tracker.inStroke && ownerElsewhere && hit) {
        // Where paths meet (the chin), the hand that touched first may be the other side's on its
        // way to its own path: once it is there, the hand on this path has it.
        for (const attempt of tracker.flush()) this.defer(path.side, attempt, owner, judgements);
        sample = this.contact(hit, frame.t);
      } else if (tracker.inStroke && owner !== null) {
        // The stroke follows its own hand only: seen elsewhere or lifted, that hand has lifted
        // off; seen with no contact point at all, where it touches is unknown (as in a dropout).
        const own = frame.hands.slots.find((slot) => slot.id === owner && slot.seenNow);
        if (hit && hit.slot.id === owner) sample = this.contact(hit, frame.t);
        else sample = own && this.touching.has(owner) ? 'off' : null;
      } else if (hit) {
        sample = this.contact(hit, frame.t);
      }
      if (sample && sample !== 'off') {
        this.owners[i] = hit?.slot.id ?? null;
        this.onTarget = true;
      }
      tracker.setPathLength(this.geometry.lengths[i] ?? 0);
      const approach = hit ? this.approaches[i]?.get(hit.slot.id) : undefined;
      const attempt = tracker.update(frame.t, sample, approach);
      if (attempt) this.defer(path.side, attempt, owner, judgements);
      const held = tracker.holdProgress(frame.t);
      if (held > 0) this.hold[path.side] = held;
    });
    [this.approaches, this.nextApproaches] = [this.nextApproaches, this.approaches];
    this.release(frame.t, judgements, false);
    return judgements;
  }

  flush(t: number): Judgement[] {
    const judgements: Judgement[] = [];
    this.geometry.region.paths.forEach((path, i) => {
      for (const attempt of this.trackers[i]?.flush() ?? [])
        this.defer(path.side, attempt, this.owners[i] ?? null, judgements);
    });
    this.release(t, judgements, true);
    return judgements;
  }

  nearTarget(point: Vec2): boolean {
    return this.distanceToPaths(point) <= 2 * PATH_EXIT_DISTANCE;
  }

  /**
   * Each seen hand's contact point, given to the one path it is nearest (its own stroke's path
   * keeps it unless another is clearly nearer), within reach of that path.
   */
  private findHits(frame: RecognizerFrame): (PathHit | null)[] {
    const hits: (PathHit | null)[] = this.geometry.region.paths.map(() => null);
    this.touching.clear();
    for (const next of this.nextApproaches) next.clear();
    if (!frame.face) return hits;
    frame.hands.slots.forEach((slot, slotIndex) => {
      if (!slot.seenNow) return;
      const contact = this.contacts.pick(slotIndex, slot, frame.t, this.pathMeasure);
      if (!contact) return;
      this.touching.add(slot.id);
      this.noteSide(slot.id, contact.point, slot.center, frame.t);
      let best: { index: number; hit: PathHit; score: number } | null = null;
      this.geometry.region.paths.forEach((_, i) => {
        this.project(contact.point, i);
        if (this.projection.distance <= APPROACH_DISTANCE)
          this.nextApproaches[i]?.set(slot.id, {
            t: frame.t,
            s: this.projection.s,
            distance: this.projection.distance,
          });
        const owned = this.owners[i] === slot.id && this.trackers[i]?.inStroke;
        const reach = owned ? PATH_EXIT_DISTANCE : PATH_ENTER_DISTANCE;
        if (this.projection.distance > reach) return;
        const score = this.projection.distance - (owned ? OWN_PATH_BIAS : 0);
        if (!best || score < best.score) {
          const hit = {
            slot,
            jumped: contact.jumped,
            s: this.projection.s,
            distance: this.projection.distance,
          };
          best = { index: i, hit, score };
        }
      });
      const found = best as { index: number; hit: PathHit; score: number } | null;
      if (!found) return;
      const taken = hits[found.index];
      // Two hands on one path: the nearer one has it.
      if (!taken || found.hit.distance < taken.distance) hits[found.index] = found.hit;
    });
    return hits;
  }

  private contact(hit: PathHit, t: number): PathSample {
    return {
      s: hit.s,
      pinch: hit.slot.pinchClosed,
      distance: hit.distance,
      palm: hit.slot.palmSize,
      appeared: t - hit.slot.inViewSince <= APPEARED_MS,
      jumped: hit.jumped,
    };
  }

  private project(point: Vec2, pathIndex: number): PolylineProjection {
    return projectOntoPolyline(
      point,
      this.geometry.points[pathIndex] ?? [],
      this.projection,
      this.geometry.lengths[pathIndex],
    );
  }

  /** Distance (face widths) from a point to the nearest of the region's paths. */
  private distanceToPaths(point: Vec2): number {
    let distance = Infinity;
    this.geometry.region.paths.forEach((_, i) => {
      distance = Math.min(distance, this.project(point, i).distance);
    });
    return distance;
  }

  /** Whether a point lies beyond an end of the path nearest it (its projection is that end). */
  private pastPathEnd(point: Vec2): boolean {
    let distance = Infinity;
    let s = 0.5;
    this.geometry.region.paths.forEach((_, i) => {
      const projection = this.project(point, i);
      if (projection.distance < distance) ({ distance, s } = projection);
    });
    return s <= 0 || s >= 1;
  }

  /**
   * A hand is far on one side when its contact point is beyond CROSS_MARGIN there and its palm is
   * well past the midline too: fingers reaching across the chin from the other side are not.
   */
  private noteSide(handId: number, contact: Vec2, palm: Vec2, t: number): void {
    const x = contact.x - this.midlineX;
    const palmX = palm.x - this.midlineX;
    if (x < -CROSS_MARGIN && palmX < -PALM_CROSS_MARGIN) this.farRightAt.set(handId, t);
    if (x > CROSS_MARGIN && palmX > PALM_CROSS_MARGIN) this.farLeftAt.set(handId, t);
  }

  /** Judgements on two-sided regions wait a moment, in case the hand is sweeping across the face. */
  private defer(side: Side, attempt: StrokeAttempt, handId: number | null, out: Judgement[]): void {
    const { verdict, startT, endT } = attempt;
    if (!this.bilateral || handId === null) out.push({ side, verdict });
    else this.pending.push({ side, verdict, handId, startT, releaseAt: endT + CROSS_HOLD_MS });
  }

  private release(t: number, out: Judgement[], all: boolean): void {
    this.pending = this.pending.filter((p) => {
      const otherSideAt =
        (p.side === 'right' ? this.farLeftAt : this.farRightAt).get(p.handId) ?? -Infinity;
      if (otherSideAt >= p.startT - CROSS_WINDOW_MS && otherSideAt <= p.releaseAt) return false;
      if (!all && t < p.releaseAt) return true;
      out.push({ side: p.side, verdict: p.verdict });
      return false;
    });
  }
}
