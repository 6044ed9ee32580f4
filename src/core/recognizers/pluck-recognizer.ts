import { isOverFace } from '../face-space';
import { type PolylineProjection, projectOntoPolyline } from '../polyline';
import { REGIONS } from '../regions';
import type { StepOf } from '../routine-schema';
import {
  type Judgement,
  type RecognizerFrame,
  RegionGeometry,
  type StepRecognizer,
} from './recognizer';

/** How near the lips (face widths) the pinch must close. */
const LIP_REACH = 0.12;
/** A pluck is a pinch released within this time (ms); longer is a squeeze, judged too slow. */
const QUICK_MS = 600;

/**
 * Plucks along the lips: a thumb-index pinch that closes on a lip and opens again quickly. Each
 * pluck is one rep.
 */
export class PluckRecognizer implements StepRecognizer {
  readonly needsHands = true;
  onTarget = false;
  private readonly geometry: RegionGeometry;
  private readonly projection: PolylineProjection = { s: 0, distance: 0 };
  /** Per hand slot: when its pinch closed on a lip, or null. */
  private readonly closedAt: (number | null)[] = [null, null];
  private readonly wasClosed: boolean[] = [false, false];
  private readonly closedOnLip: boolean[] = [false, false];

  constructor(step: StepOf<'pluck'>) {
    this.geometry = new RegionGeometry(REGIONS[step.region ?? 'lips']);
  }

  update(frame: RecognizerFrame): Judgement[] {
    const judgements: Judgement[] = [];
    this.onTarget = false;
    if (!frame.face) return judgements;
    this.geometry.update(frame.face, frame.space);
    frame.hands.slots.forEach((slot, i) => {
      if (!slot.seenNow) {
        if (!slot.present) this.closedAt[i] = null;
        return;
      }
      const point = slot.points.get('pinch');
      let onLip = false;
      if (point) {
        for (const [k, lip] of this.geometry.points.entries()) {
          projectOntoPolyline(point, lip, this.projection, this.geometry.lengths[k]);
          if (this.projection.distance <= LIP_REACH) {
            onLip = true;
          }
        }
      }
      if (onLip) this.onTarget = true;
      const closed = slot.pinchClosed;
      if (closed && !this.wasClosed[i]) {
        // Pinches that close over the face count; elsewhere the hand is just moving.
        this.closedAt[i] = onLip || (point && isOverFace(point)) ? frame.t : null;
        this.closedOnLip[i] = onLip;
      }
      const since = this.closedAt[i] ?? null;
      if (!closed && this.wasClosed[i] && since !== null) {
        const quick = frame.t - since <= QUICK_MS;
        if (!this.closedOnLip[i]) {
          if (quick) judgements.push({ side: 'center', verdict: 'off-target' });
        } else {
          judgements.push({ side: 'center', verdict: quick ? 'good' : 'too-slow' });
        }
        this.closedAt[i] = null;
      }
      this.wasClosed[i] = closed;
    });
    return judgements;
  }

  flush(): Judgement[] {
    this.closedAt.fill(null);
    this.wasClosed.fill(false);
    return [];
  }
}
