import type { HandSlot } from './hand-tracker';
import type { Effector } from './routine-schema';
import type { Vec2 } from './vec2';

/** Per rank down the step's list of effectors, a candidate must be this much nearer (face widths). */
const RANK_BIAS = 0.02;
/** Another effector takes over only when nearer by this margin (face widths)… */
const SWITCH_MARGIN = 0.05;
/** …for this long (ms), or at once when the posture no longer allows the current one for this long. */
const SWITCH_MS = 200;
/**
 * A contact the hand's posture no longer affords (curled fingertips, say) is kept through a
 * flicker this long (ms), and dropped after it when nothing else can take over.
 */
const POSTURE_GRACE_MS = 250;
/** A point past an end of the target by more than this (face widths) is off it, not at it. */
const OVERRUN_DISTANCE = 0.05;

/** The point of a hand that touches the target, with the effector it stands for. */
export interface Contact {
  readonly effector: Effector;
  readonly point: Vec2;
  /**
   * The contact moved this frame off a point held past an end of the target: where it lies along
   * the target does not follow on from the frame before.
   */
  readonly jumped: boolean;
}

/** How far a point is from the target, and whether it lies past an end of it. */
export interface ContactMeasure {
  /** Distance (face widths) from the point to the target. */
  distance(p: Vec2): number;
  /** The point lies beyond an end of the target (a path's start or end), not beside it. */
  pastEnd(p: Vec2): boolean;
}

interface Choice {
  handId: number;
  effector: Effector;
  /** Since when a challenger has been clearly better (or the posture has refused the current one). */
  challengedSince: number | null;
  /** Since when the hand's posture has refused the current effector. */
  refusedSince: number | null;
}

/** An effector the posture affords, where it is and how it scores. */
interface Candidate {
  effector: Effector;
  /** Distance to the target plus the rank bias. */
  score: number;
  point: Vec2;
  distance: number;
}

/** What a slot's hand afforded in the frame before. */
interface Afforded {
  handId: number;
  readonly effectors: Set<Effector>;
}

/**
 * Chooses one contact point per hand: from the step's effectors, the one the hand's posture
 * affords that lies nearest the target, kept until another is clearly better for a moment. A
 * flicker in posture or a finger passing nearer for a frame never moves the point, so a stroke is
 * followed on one part of the hand from start to end.
 */
export class ContactSelector {
  private readonly choices: (Choice | null)[] = [];
  private readonly afforded: Afforded[] = [];

  /**
   * @param effectors the step's effectors, main one first
   */
  constructor(private readonly effectors: readonly Effector[]) {}

  /**
   * The contact of the hand in slot `slotIndex` at time `t`, or null if the hand has none of the
   * effectors. `measure` places a point against the target.
   */
  pick(slotIndex: number, slot: HandSlot, t: number, measure: ContactMeasure): Contact | null {
    const challenger = this.bestSteady(slotIndex, slot, measure);
    let jumped = false;
    this.remember(slotIndex, slot);
    let choice = this.choices[slotIndex] ?? null;
    if (choice && choice.handId !== slot.id) choice = null;
    if (!choice) {
      if (!challenger) return null;
      choice = {
        handId: slot.id,
        effector: challenger.effector,
        challengedSince: null,
        refusedSince: null,
      };
      this.choices[slotIndex] = choice;
    } else {
      const allowed = slot.points.has(choice.effector);
      choice.refusedSince = allowed ? null : (choice.refusedSince ?? t);
      if (
        !challenger &&
        choice.refusedSince !== null &&
        t - choice.refusedSince > POSTURE_GRACE_MS
      ) {
        this.choices[slotIndex] = null;
        return null;
      }
      const current = slot.smoothed.get(choice.effector);
      const currentScore = current
        ? measure.distance(current) + this.effectors.indexOf(choice.effector) * RANK_BIAS
        : Infinity;
      const rival = challenger !== null && challenger.effector !== choice.effector;
      // NOTE: fingers laid across a short path from the side (the chin) put one fingertip past
      // its end, where it stays while the hand strokes: a part of the hand beside the path and
      // nearer than that one is the one stroking, at once.
      const overrun =
        rival &&
        current !== undefined &&
        measure.pastEnd(current) &&
        !measure.pastEnd(challenger.point) &&
        measure.distance(current) > Math.max(OVERRUN_DISTANCE, challenger.distance);
      const beaten = rival && (!allowed || challenger.score < currentScore - SWITCH_MARGIN);
      if (!beaten) choice.challengedSince = null;
      // A refused effector has been challenged since the posture refused it, not since the
      // other part of the hand was steady: the wait is not served twice.
      else if (choice.challengedSince === null) choice.challengedSince = choice.refusedSince ?? t;
      if (
        challenger &&
        (overrun || (choice.challengedSince !== null && t - choice.challengedSince >= SWITCH_MS))
      ) {
        choice.effector = challenger.effector;
        choice.challengedSince = null;
        jumped = overrun;
      }
    }
    const point = slot.smoothed.get(choice.effector);
    return point ? { effector: choice.effector, point, jumped } : null;
  }

  /**
   * The nearest effector the posture has afforded this frame and the one before: a posture seen
   * in a single frame is a flicker and takes nothing over.
   */
  private bestSteady(slotIndex: number, slot: HandSlot, measure: ContactMeasure): Candidate | null {
    const before = this.afforded[slotIndex];
    let best: Candidate | null = null;
    this.effectors.forEach((effector, rank) => {
      const p = slot.points.get(effector);
      if (!p || before?.handId !== slot.id || !before.effectors.has(effector)) return;
      const near = measure.distance(p);
      const score = near + rank * RANK_BIAS;
      if (!best || score < best.score) best = { effector, score, point: p, distance: near };
    });
    return best;
  }

  private remember(slotIndex: number, slot: HandSlot): void {
    let afforded = this.afforded[slotIndex];
    if (!afforded) {
      afforded = { handId: slot.id, effectors: new Set() };
      this.afforded[slotIndex] = afforded;
    }
    afforded.handId = slot.id;
    afforded.effectors.clear();
    for (const effector of slot.points.keys()) afforded.effectors.add(effector);
  }
}
