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

/** The point of a hand that touches the target, with the effector it stands for. */
export interface Contact {
  readonly effector: Effector;
  readonly point: Vec2;
}

interface Choice {
  handId: number;
  effector: Effector;
  /** Since when a challenger has been clearly better (or the posture has refused the current one). */
  challengedSince: number | null;
  /** Since when the hand's posture has refused the current effector. */
  refusedSince: number | null;
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
   * effectors. `distance` measures a point's distance (face widths) to the target.
   */
  pick(
    slotIndex: number,
    slot: HandSlot,
    t: number,
    distance: (p: Vec2) => number,
  ): Contact | null {
    const challenger = this.bestSteady(slotIndex, slot, distance);
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
        ? distance(current) + this.effectors.indexOf(choice.effector) * RANK_BIAS
        : Infinity;
      const beaten =
        challenger !== null &&
        challenger.effector !== choice.effector &&
        (!allowed || challenger.score < currentScore - SWITCH_MARGIN);
      if (!beaten) choice.challengedSince = null;
      else if (choice.challengedSince === null) choice.challengedSince = t;
      else if (t - choice.challengedSince >= SWITCH_MS && challenger) {
        choice.effector = challenger.effector;
        choice.challengedSince = null;
      }
    }
    const point = slot.smoothed.get(choice.effector);
    return point ? { effector: choice.effector, point } : null;
  }

  /**
   * The nearest effector the posture has afforded this frame and the one before: a posture seen
   * in a single frame is a flicker and takes nothing over.
   */
  private bestSteady(
    slotIndex: number,
    slot: HandSlot,
    distance: (p: Vec2) => number,
  ): { effector: Effector; score: number } | null {
    const before = this.afforded[slotIndex];
    let best: { effector: Effector; score: number } | null = null;
    this.effectors.forEach((effector, rank) => {
      const p = slot.points.get(effector);
      if (!p || before?.handId !== slot.id || !before.effectors.has(effector)) return;
      const score = distance(p) + rank * RANK_BIAS;
      if (!best || score < best.score) best = { effector, score };
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
