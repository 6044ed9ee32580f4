/** On a two-hand step, only one hand in view for this long puts the hand workers in one-hand mode (ms). */
export const ONE_HAND_AFTER_MS = 1000;
/** In one-hand mode, how often the first hand worker looks for a second hand (ms). */
export const DISCOVERY_INTERVAL_MS = 250;

/**
 * Decides how many hands each hand worker looks for and which worker takes a camera frame.
 *
 * MediaPipe's hand model skips palm detection while it tracks as many hands as it was asked for.
 * On a two-hand step with only one hand in view it would detect palms on every frame; so after a
 * while the workers but the first look for one hand (cheap tracking), and the first keeps looking
 * for two, a few times a second, to bring the others back when a second hand appears.
 */
export class HandWorkerPolicy {
  private wanted: number;
  private twoHandsAt = -Infinity;
  private discoveryAt = -Infinity;

  /** @param workers the hand workers there are; @param wantedHands the hands the step is done with */
  constructor(
    private readonly workers: number,
    wantedHands: number,
  ) {
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
   * Hands worker `index` should look for at time `t`, with `active` workers taking frames (fewer
   * than there are when the machine is too slow for more; see TrackingLoad).
   */
  handsFor(index: number, t: number, active = this.workers): number {
    if (this.wanted < 2 || index === 0 || active < 2) return this.wanted;
    return this.oneHandMode(t) ? 1 : this.wanted;
  }

  /**
   * Whether idle worker `index` should take a frame at time `t`, with `active` workers taking
   * frames (records the discovery if so). A worker alone takes every frame: with no other worker
   * to track the hand in between, looking only now and then would track a few frames a second.
   */
  takesFrame(index: number, t: number, active = this.workers): boolean {
    if (index !== 0 || active < 2 || this.wanted < 2 || !this.oneHandMode(t)) return true;
    if (t - this.discoveryAt < DISCOVERY_INTERVAL_MS) return false;
    this.discoveryAt = t;
    return true;
  }

  private oneHandMode(t: number): boolean {
    return t - this.twoHandsAt > ONE_HAND_AFTER_MS;
  }
}
