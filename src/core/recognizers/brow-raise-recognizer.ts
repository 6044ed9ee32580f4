import { type PolylineProjection, projectOntoPolyline } from '../polyline';
import { REGIONS, type Side } from '../regions';
import type { RoutineStep } from '../routine-schema';
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
  progress: Partial<Record<Side, number>> = {};
  private readonly geometry: RegionGeometry;
  private readonly projection: PolylineProjection = { s: 0, distance: 0 };
  private raised = false;
  private placedFrames = 0;
  private frames = 0;
  private fingerStart: number | null = null;
  private fingerTop = 0;
  private restingFinger: number | null = null;

  constructor(step: RoutineStep) {
    this.geometry = new RegionGeometry(REGIONS[step.region ?? 'forehead']);
  }

  update(frame: RecognizerFrame): Judgement[] {
    const face = frame.face;
    this.onTarget = false;
    if (!face) return [];
    this.geometry.update(face, frame.space);
    const finger = this.fingerOnForehead(frame);
    this.onTarget = finger !== null;
    const b = face.blendshapes ?? {};
    const lift = Math.max(
      b.browInnerUp ?? 0,
      ((b.browOuterUpLeft ?? 0) + (b.browOuterUpRight ?? 0)) / 2,
    );
    this.progress = { center: Math.min(1, lift / RAISED) };
    if (!this.raised) {
      if (finger !== null) this.restingFinger = finger;
      if (lift < RAISED) return [];
      this.raised = true;
      this.frames = 0;
      this.placedFrames = 0;
      this.fingerStart = this.restingFinger ?? finger;
      this.fingerTop = this.fingerStart ?? 0;
    }
    this.frames++;
    if (finger !== null) {
      this.placedFrames++;
      this.fingerTop = Math.min(this.fingerTop, finger);
    }
    if (lift > LOWERED) return [];
    return this.endRep();
  }

  flush(): Judgement[] {
    return this.raised ? this.endRep() : [];
  }

  private endRep(): Judgement[] {
    this.raised = false;
    if (this.fingerStart === null || this.placedFrames < this.frames / 2)
      return [{ side: 'center', verdict: 'off-target' }];
    if (this.fingerStart - this.fingerTop > FINGER_PULL)
      return [{ side: 'center', verdict: 'fingers-pulling' }];
    return [{ side: 'center', verdict: 'good' }];
  }

  /** Height (face y) of the index fingertip nearest the top of the forehead, if one rests there. */
  private fingerOnForehead(frame: RecognizerFrame): number | null {
    const line = this.geometry.points[0] ?? [];
    let best: { y: number; d: number } | null = null;
    for (const slot of frame.hands.slots) {
      if (!slot.seenNow) continue;
      const tip = slot.points.get('index');
      if (!tip) continue;
      projectOntoPolyline(tip, line, this.projection);
      if (
        this.projection.distance <= FOREHEAD_REACH &&
        (!best || this.projection.distance < best.d)
      ) {
        best = { y: tip.y, d: this.projection.distance };
      }
    }
    return best ? (best as { y: number }).y : null;
  }
}
