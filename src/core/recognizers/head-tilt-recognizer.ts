import type { FrameSize } from '../frame';
import { headPitchDegrees } from '../head-pose';
import type { Judgement, RecognizerFrame, StepRecognizer } from './recognizer';

/** Degrees above the resting pitch that start a rep, and that count as the chin raised. */
const LEAVE_REST = 7;
/** Within this many degrees of the baseline the head counts as still. */
const SETTLE = 2.5;
const CHIN_UP = 18;
/** A raise from leaving rest to the highest point quicker than this is too fast for the slow five-count lift (ms). */
const MIN_RAISE_MS = 1200;
/** MediaPipe's `jawForward` blendshape averaged over a rep must reach this for the jaw to count as pushed forward. */
const JAW_FORWARD = 0.12;

/**
 * The platysma stretch: with the lower jaw pushed forward, the chin rises slowly toward the
 * ceiling and comes back down. Each rise and return is one rep, judged on its height, its pace
 * and whether the jaw stayed forward.
 */
export class HeadTiltRecognizer implements StepRecognizer {
  readonly needsHands = false;
  onTarget = false;
  private baseline: number | null = null;
  private phase: 'rest' | 'rising' | 'up' = 'rest';
  private riseStart = 0;
  private peakAt = 0;
  private peak = 0;
  private jawSum = 0;
  private jawSamples = 0;

  constructor(private readonly frameSize: FrameSize) {}

  update(frame: RecognizerFrame): Judgement[] {
    this.onTarget = frame.face !== null;
    const pitch = frame.face ? headPitchDegrees(frame.face, this.frameSize) : null;
    if (pitch === null || !frame.face) return [];
    if (this.baseline === null) this.baseline = pitch;
    const lift = pitch - this.baseline;
    const jaw = frame.face.blendshapes?.jawForward ?? 0;
    if (this.phase === 'rest') {
      // The resting pitch drifts as people settle: follow it slowly while the head is still, and
      // at once when it drops lower, but never while the chin starts to rise.
      if (lift < 0) this.baseline += 0.5 * lift;
      else if (lift < SETTLE) this.baseline += 0.02 * lift;
      if (lift > LEAVE_REST) {
        this.phase = 'rising';
        this.riseStart = frame.t;
        this.peak = lift;
        this.peakAt = frame.t;
        this.jawSum = 0;
        this.jawSamples = 0;
      }
      return [];
    }
    if (lift > this.peak) {
      this.peak = lift;
      this.peakAt = frame.t;
    }
    this.jawSum += jaw;
    this.jawSamples++;
    if (this.phase === 'rising' && lift >= CHIN_UP) this.phase = 'up';
    if (lift >= LEAVE_REST) return [];
    return this.endRep();
  }

  flush(): Judgement[] {
    return this.phase === 'rest' ? [] : this.endRep();
  }

  private endRep(): Judgement[] {
    const reachedUp = this.phase === 'up';
    this.phase = 'rest';
    if (!reachedUp)
      return this.peak >= (LEAVE_REST + CHIN_UP) / 2
        ? [{ side: 'center', verdict: 'too-short' }]
        : [];
    const jawMean = this.jawSamples > 0 ? this.jawSum / this.jawSamples : 0;
    if (jawMean < JAW_FORWARD) return [{ side: 'center', verdict: 'jaw-relaxed' }];
    if (this.peakAt - this.riseStart < MIN_RAISE_MS)
      return [{ side: 'center', verdict: 'too-fast' }];
    return [{ side: 'center', verdict: 'good' }];
  }
}
