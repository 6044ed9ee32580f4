/**
 * The One-Euro filter (Casiez, Roussel and Vogel, CHI 2012): a low-pass filter whose cut-off rises
 * with speed, so slow jitter is smoothed away while fast strokes keep little lag.
 */
export class OneEuroFilter {
  private value: number | null = null;
  private derivative = 0;
  private lastT = 0;

  /**
   * @param minCutoff cut-off frequency in Hz at rest (lower: smoother)
   * @param beta how fast the cut-off rises with speed (higher: less lag)
   * @param derivativeCutoff cut-off in Hz for the speed estimate
   */
  constructor(
    private readonly minCutoff = 1.5,
    private readonly beta = 0.4,
    private readonly derivativeCutoff = 1,
  ) {}

  /** Filters `x` observed at time `t` (ms). */
  filter(x: number, t: number): number {
    if (this.value === null || t <= this.lastT) {
      if (this.value === null) this.value = x;
      this.lastT = t;
      return this.value;
    }
    const dt = (t - this.lastT) / 1000;
    this.lastT = t;
    const alphaD = smoothingFactor(dt, this.derivativeCutoff);
    this.derivative += alphaD * ((x - this.value) / dt - this.derivative);
    const cutoff = this.minCutoff + this.beta * Math.abs(this.derivative);
    this.value += smoothingFactor(dt, cutoff) * (x - this.value);
    return this.value;
  }

  /** Forgets the history, e.g. after the tracked point was lost. */
  reset(): void {
    this.value = null;
    this.derivative = 0;
  }
}

function smoothingFactor(dtSeconds: number, cutoffHz: number): number {
  const tau = 1 / (2 * Math.PI * cutoffHz);
  return 1 / (1 + tau / dtSeconds);
}
