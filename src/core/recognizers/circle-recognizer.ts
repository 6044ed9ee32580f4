import { type ContactMeasure, ContactSelector } from '../contact';
import { fitRing, type RingFit } from '../polyline';
import { REGIONS, type Side } from '../regions';
import type { StepOf } from '../routine-schema';
import { DROPOUT_MS } from '../stroke-tracker';
import type { Vec2 } from '../vec2';
import {
  type Judgement,
  type RecognizerFrame,
  RegionGeometry,
  type StepRecognizer,
} from './recognizer';

/** Share of a full turn that counts as one circle. */
const FULL_TURN = 0.85 * 2 * Math.PI;
/** A partial circle of at least this much is judged too short rather than ignored. */
const PARTIAL_TURN = Math.PI;
/** Circles are made between these multiples of the ring's mean radius from its centre. */
const INNER_REACH = 0.2;
const OUTER_REACH = 2.2;
/** A circle must sweep at least this share of the ring's radius on average. */
const MIN_RADIUS = 0.3;
/** No turning for this long ends the attempt (ms). */
const STALL_MS = 900;
/**
 * A circle goes one way round: turning back by more than this (rad) from the furthest it went ends
 * it (the hand going away round the ring's edge, or coming in), and what follows is a new circle.
 */
const TURN_BACK = 1;
/**
 * A step of the angle this large (rad) is near half a turn: the hand passed close by the ring's
 * centre between two frames, and the step says nothing of the sense by itself. A hand going
 * straight across the ring (coming in, going away) makes it as well as a circle off the ring's
 * centre. Such a passage turns the way the hand's own heading turns across it, by at least
 * PASSAGE_TURN (rad); a straighter passage turns not at all.
 */
const PASSAGE_STEP = 2.5;
const PASSAGE_TURN = 0.5;

interface CircleState extends RingFit {
  /** The hand (slot id) making the circle under way. */
  owner: number | null;
  lastAngle: number | null;
  /** Where the hand was last, while it has an angle. */
  readonly lastPoint: Vec2;
  /** Heading (rad) of the hand's last step, or null before one. */
  heading: number | null;
  /** The angle (rad, unsigned) of the passage across the centre under way, waiting for its sense. */
  passage: number;
  /** The hand's heading (rad) as the passage began, or null if unknown. */
  passageFrom: number | null;
  turned: number;
  /** The sense the circle under way goes round (-1 or 1), or 0 until it has turned TURN_BACK. */
  sense: number;
  /** How far the circle went in its sense: its furthest value of `turned`. */
  peak: number;
  radiusSum: number;
  samples: number;
  lastSeen: number;
  lastTurnT: number;
  /** The circle's hand was seen off the ring after its last point there (lifted away, not lost). */
  seenLeaving: boolean;
}

/**
 * Circles on a ring region (cheeks, eye sockets): follows the effector's angle around the ring's
 * centre, counts full turns and judges their sense. "up-near-nose" means up on the side nearer
 * the nose and out over the top: clockwise on the person's right cheek as the camera sees it,
 * anticlockwise on the left.
 */
export class CircleRecognizer implements StepRecognizer {
  readonly needsHands = true;
  onTarget = false;
  private readonly geometry: RegionGeometry;
  private readonly states: CircleState[];
  private readonly contacts: ContactSelector;
  /** Rings have no ends: a point is only nearer or farther from their band. */
  private readonly ringMeasure: ContactMeasure = {
    distance: (p) => Math.min(...this.states.map((state) => this.outsideReach(p, state))),
    pastEnd: () => false,
  };
  /** This frame's contact point per slot. */
  private readonly contactPoints: ({ id: number; point: Vec2 } | null)[] = [null, null];

  constructor(private readonly step: StepOf<'circle'>) {
    this.geometry = new RegionGeometry(REGIONS[step.region ?? 'cheek-circle']);
    this.states = this.geometry.region.paths.map(() => ({
      center: { x: 0, y: 0 },
      radius: 1,
      owner: null,
      lastAngle: null,
      lastPoint: { x: 0, y: 0 },
      heading: null,
      passage: 0,
      passageFrom: null,
      turned: 0,
      sense: 0,
      peak: 0,
      radiusSum: 0,
      samples: 0,
      lastSeen: -Infinity,
      lastTurnT: 0,
      seenLeaving: false,
    }));
    this.contacts = new ContactSelector(step.effectors ?? ['fingertips']);
  }

  update(frame: RecognizerFrame): Judgement[] {
    const judgements: Judgement[] = [];
    this.onTarget = false;
    if (frame.face) {
      this.geometry.update(frame.face, frame.space);
      this.states.forEach((state, i) => {
        fitRing(this.geometry.points[i] ?? [], state);
      });
    }
    this.findContacts(frame);
    this.geometry.region.paths.forEach((path, i) => {
      const state = this.states[i] as CircleState;
      const point = frame.face ? this.pick(state) : null;
      if (!point) {
        const owner = state.owner;
        if (frame.hands.slots.some((slot) => slot.seenNow && slot.id === owner))
          state.seenLeaving = true;
        // A circle whose hand was lost rather than seen leaving may have gone on unseen.
        if (state.lastAngle !== null && frame.t - state.lastSeen > DROPOUT_MS)
          this.end(state, path.side, judgements, state.seenLeaving);
        return;
      }
      this.onTarget = true;
      state.lastSeen = frame.t;
      state.seenLeaving = false;
      const dx = point.x - state.center.x;
      const dy = point.y - state.center.y;
      const angle = Math.atan2(dy, dx);
      state.radiusSum += Math.hypot(dx, dy) / state.radius;
      state.samples++;
      const from = state.lastPoint;
      const moved = point.x !== from.x || point.y !== from.y;
      const heading = Math.atan2(point.y - from.y, point.x - from.x);
      from.x = point.x;
      from.y = point.y;
      if (state.lastAngle === null) {
        state.lastAngle = angle;
        state.lastTurnT = frame.t;
        return;
      }
      const delta = wrapAngle(angle - state.lastAngle);
      state.lastAngle = angle;
      if (Math.abs(delta) > 0.02) state.lastTurnT = frame.t;
      if (Math.abs(delta) > PASSAGE_STEP) {
        if (state.passage === 0) state.passageFrom = state.heading;
        state.passage += Math.abs(delta);
      } else {
        if (state.passage > 0) {
          // Across the passage, the hand's heading tells which way (if any) it went round.
          const turn =
            state.passageFrom === null || !moved ? 0 : wrapAngle(heading - state.passageFrom);
          if (Math.abs(turn) >= PASSAGE_TURN) state.turned += Math.sign(turn) * state.passage;
          state.passage = 0;
        }
        state.turned += delta;
      }
      if (moved) state.heading = heading;
      this.followSense(state);
      if (Math.abs(state.turned) >= FULL_TURN) {
        judgements.push({ side: path.side, verdict: this.judge(state, path.side) });
        const whole = Math.sign(state.turned) * 2 * Math.PI;
        state.turned -= whole;
        state.peak -= whole;
        state.radiusSum = 0;
        state.samples = 0;
      } else if (frame.t - state.lastTurnT > STALL_MS) {
        this.end(state, path.side, judgements, true);
      }
    });
    return judgements;
  }

  flush(): Judgement[] {
    const judgements: Judgement[] = [];
    this.geometry.region.paths.forEach((path, i) => {
      this.end(this.states[i] as CircleState, path.side, judgements, true);
    });
    return judgements;
  }

  nearTarget(point: Vec2): boolean {
    return this.states.some((state) => this.reach(point, state) <= OUTER_REACH);
  }

  /** Each seen hand's contact point: the effector nearest a ring's band of reach, kept with hysteresis. */
  private findContacts(frame: RecognizerFrame): void {
    frame.hands.slots.forEach((slot, slotIndex) => {
      this.contactPoints[slotIndex] = null;
      if (!slot.seenNow || !frame.face) return;
      const contact = this.contacts.pick(slotIndex, slot, frame.t, this.ringMeasure);
      if (contact) this.contactPoints[slotIndex] = { id: slot.id, point: contact.point };
    });
  }

  /** A point's distance from a ring's centre, in ring radii. */
  private reach(p: Vec2, state: CircleState): number {
    return Math.hypot(p.x - state.center.x, p.y - state.center.y) / state.radius;
  }

  /** How far (face widths) a point lies outside the band where circles on a ring are made. */
  private outsideReach(p: Vec2, state: CircleState): number {
    const d = this.reach(p, state);
    if (d < INNER_REACH) return (INNER_REACH - d) * state.radius;
    return Math.max(0, d - OUTER_REACH) * state.radius;
  }

  /** The contact working on this ring: the circle's own hand while it stays in reach, else the first in reach. */
  private pick(state: CircleState): Vec2 | null {
    const inReach = (p: Vec2) => this.outsideReach(p, state) === 0;
    const own = this.contactPoints.find((c) => c !== null && c.id === state.owner);
    if (own && inReach(own.point)) return own.point;
    const found = this.contactPoints.find((c) => c !== null && inReach(c.point));
    if (!found) return null;
    // Here the hand is never the owner (an owner in reach was returned above): its angle
    // history does not carry over.
    state.lastAngle = null;
    state.heading = null;
    state.passage = 0;
    state.owner = found.id;
    return found.point;
  }

  private judge(state: CircleState, side: Side): Judgement['verdict'] {
    const meanRadius = state.samples > 0 ? state.radiusSum / state.samples : 0;
    if (meanRadius < MIN_RADIUS) return 'too-short';
    return Math.sign(state.turned) === this.expectedSign(side) ? 'good' : 'wrong-direction';
  }

  /** Sign of the angle change (face coordinates, y down) of a circle in the step's sense. */
  private expectedSign(side: Side): number {
    // Up on the nose side and out over the top turns the angle negative on the right cheek.
    const upNearNose = side === 'left' ? 1 : -1;
    return this.step.circleSense === 'down-near-nose' ? -upNearNose : upNearNose;
  }

  /**
   * Learns the sense of the circle under way; when the hand turns back, what it turned before was
   * no circle (it came in, or goes away round the ring's edge) and is dropped unjudged.
   */
  private followSense(state: CircleState): void {
    if (state.sense === 0) {
      if (Math.abs(state.turned) < TURN_BACK) return;
      state.sense = Math.sign(state.turned);
      state.peak = state.turned;
      return;
    }
    if (state.sense * (state.turned - state.peak) > 0) {
      state.peak = state.turned;
      return;
    }
    if (state.sense * (state.peak - state.turned) <= TURN_BACK) return;
    // A new circle starts here; the turning back that ended the last is no part of it.
    state.turned = 0;
    state.sense = 0;
    state.peak = 0;
    state.radiusSum = 0;
    state.samples = 0;
  }

  /** `seenToEnd`: the circle was seen stopping or leaving the ring, not cut off by lost tracking. */
  private end(state: CircleState, side: Side, judgements: Judgement[], seenToEnd: boolean): void {
    if (Math.abs(state.turned) >= PARTIAL_TURN) {
      // Half a turn the wrong way is already plainly reversed: saying so helps more than "too short".
      const reversed = Math.sign(state.turned) !== this.expectedSign(side);
      if (reversed) judgements.push({ side, verdict: 'wrong-direction' });
      else if (seenToEnd) judgements.push({ side, verdict: 'too-short' });
    }
    state.lastAngle = null;
    state.heading = null;
    state.passage = 0;
    state.turned = 0;
    state.sense = 0;
    state.peak = 0;
    state.radiusSum = 0;
    state.samples = 0;
    state.owner = null;
    state.seenLeaving = false;
  }
}

/** An angle (rad) brought into (-π, π]. */
function wrapAngle(a: number): number {
  if (a > Math.PI) return a - 2 * Math.PI;
  if (a <= -Math.PI) return a + 2 * Math.PI;
  return a;
}
