/** On a two-hand step, only one hand in view for this long puts the hand workers in one-hand mode (ms). */
export const ONE_HAND_AFTER_MS = 1000;
/** In one-hand mode, how often the first hand worker looks for a second hand (ms). */
export const DISCOVERY_INTERVAL_MS = 250;

/**
 * Decides how many hands each hand worker looks for on each frame it takes.
 *
 * MediaPipe's hand model skips palm detection while it tracks as many hands as it was asked for.
 * On a two-hand step with only one hand in view it would detect palms on every frame; so after a
 * while every worker tracks one hand (cheap), and the first looks for two on one frame a few times
 * a second, to bring the others back when a second hand appears. The worker keeps a landmarker per
 * number of hands, so that looking for two never loses the one it tracks.
 */
export class HandWorkerPolicy {
  private wanted: number;
  private twoHandsAt = -Infinity;
  private discoveryAt = -Infinity;

  /** @param wantedHands the hands the step is done with */
  constructor(wantedHands: number) {
    this.wanted = wantedHands;
  }

  /** The hands the current step is done with. */
  setWanted(hands: number): void {
    this.wanted = hands;
  }

  /** Notes a result: how many hands a frame at time `t` showed. */
  observe(t: number, hands: number): void {
    if (hands >= 2) this.twoHandsAt = t;
  }

  /**
   * Hands worker `index` should look for on the frame at time `t` it is about to take (records
   * the look for a second hand, when it is one).
   */
  handsFor(index: number, t: number): number {
    if (this.wanted < 2 || t - this.twoHandsAt <= ONE_HAND_AFTER_MS) return this.wanted;
    if (index !== 0 || t - this.discoveryAt < DISCOVERY_INTERVAL_MS) return 1;
    this.discoveryAt = t;
    return this.wanted;
  }
}
