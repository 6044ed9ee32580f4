import { type PolylineProjection, projectOntoPolyline } from '../polyline';
import { REGIONS } from '../regions';
import type { StepOf } from '../routine-schema';
import {
  type Judgement,
  type RecognizerFrame,
  RegionGeometry,
  type StepRecognizer,
} from './recognizer';

/** Brow lift (from MediaPipe's brow blendshapes) that counts as raised, and as lowered again. */
const RAISED = 0.45;
const LOWERED = 0.25;
/** How near the top of the forehead (face widths) the index fingertips rest. */
const FOREHEAD_REACH = 0.25;
/** Index fingertips rising more than this (face widths) during a lift are pulling the skin up. */
const FINGER_PULL = 0.08;

/**
 * The forehead "deadlift": index fingertips rest at the top of the forehead while the forehead
 * muscle alone lifts the brows. Each lift and release is a rep; a lift made with the hands away
 * is off target, and one where the fingertips travel up with it is the fingers pulling.
 */
export class BrowRaiseRecognizer implements StepRecognizer {
  readonly needsHands = true;
  onTarget = false;
  private readonly geometry: RegionGeometry;
  private readonly projection: PolylineProjection = { s: 0, distance: 0 };
  private raised = false;
  /** The hand whose index fingertip rested on the forehead before the lift, and that fingertip's height. */
  private restingSlot: number | null = null;
  private restingY = 0;
  private liftSlot: number | null = null;
  private liftStartY = 0;
  private liftTopY = 0;

  constructor(step: StepOf<'brow-raise'>) {
    this.geometry = new RegionGeometry(REGIONS[step.region ?? 'forehead']);
  }

  update(frame: RecognizerFrame): Judgement[] {
    const face = frame.face;
    this.onTarget = false;
    if (!face) return [];
    this.geometry.update(face, frame.space);
    const resting = this.fingerOnForehead(frame);
    this.onTarget = resting !== null;
    const b = face.blendshapes ?? {};
    const lift = Math.max(
      b.browInnerUp ?? 0,
      ((b.browOuterUpLeft ?? 0) + (b.browOuterUpRight ?? 0)) / 2,
    );
    if (!this.raised) {
      if (resting) {
        this.restingSlot = resting.slot;
        this.restingY = resting.y;
      } else if (!frame.hands.anyPresent) {
        this.restingSlot = null;
      }
      if (lift < RAISED) return [];
      this.raised = true;
      this.liftSlot = this.restingSlot;
      this.liftStartY = this.restingY;
      this.liftTopY = this.restingY;
    }
    // Follow the resting fingertip through the lift, wherever it goes.
    const slot = this.liftSlot === null ? undefined : frame.hands.slots[this.liftSlot];
    const tip = slot?.seenNow ? slot.points.get('index') : undefined;
    if (tip) this.liftTopY = Math.min(this.liftTopY, tip.y);
    // Mid-lift the fingertip may leave the hairline (pulling); it is still this step's hand at work.
    if (this.liftSlot !== null) this.onTarget = true;
    if (lift > LOWERED) return [];
    return this.endRep();
  }

  flush(): Judgement[] {
    return this.raised ? this.endRep() : [];
  }

  private endRep(): Judgement[] {
    this.raised = false;
    if (this.liftSlot === null) return [{ side: 'center', verdict: 'off-target' }];
    if (this.liftStartY - this.liftTopY > FINGER_PULL)
      return [{ side: 'center', verdict: 'fingers-pulling' }];
    return [{ side: 'center', verdict: 'good' }];
  }

  /** The index fingertip resting nearest the top of the forehead, if any: its hand slot and height (face y). */
  private fingerOnForehead(frame: RecognizerFrame): { slot: number; y: number } | null {
    const line = this.geometry.points[0] ?? [];
    let best: { slot: number; y: number; d: number } | null = null;
    frame.hands.slots.forEach((slot, index) => {
      if (!slot.seenNow) return;
      const tip = slot.points.get('index');
      if (!tip) return;
      projectOntoPolyline(tip, line, this.projection);
      if (
        this.projection.distance <= FOREHEAD_REACH &&
        (!best || this.projection.distance < best.d)
      ) {
        best = { slot: index, y: tip.y, d: this.projection.distance };
      }
    });
    return best;
  }
}
