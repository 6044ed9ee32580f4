import type { Side } from '../core/regions';
import type { StrokeVerdict } from '../core/stroke-tracker';

/** Detail of `massage-tracking`, fired at most 10 times a second. */
export interface TrackingDetail {
  /** Whether a face is tracked in the latest frame. */
  readonly face: boolean;
  /** Hands tracked in the latest frame. */
  readonly hands: number;
  /** Camera frames tracked since the session started. */
  readonly framesTracked: number;
  /** Levels below full quality the app has gone to keep up on this device (0: full quality). */
  readonly qualityLevel: number;
}

/** Detail of `massage-stroke`, fired for every judged stroke attempt. */
export interface StrokeDetail {
  readonly step: string;
  readonly verdict: StrokeVerdict;
  readonly side: Side;
}

/** Detail of `massage-step-complete`. */
export interface StepCompleteDetail {
  readonly step: string;
}

/** The events `<massage-app>` dispatches (bubbling and composed). */
export interface MassageAppEventMap {
  'massage-tracking': CustomEvent<TrackingDetail>;
  'massage-stroke': CustomEvent<StrokeDetail>;
  'massage-step-complete': CustomEvent<StepCompleteDetail>;
}

declare global {
  interface HTMLElementEventMap extends MassageAppEventMap {}
}

/** Creates one of the app's events, bubbling and composed so embedders can listen anywhere above. */
export function appEvent<K extends keyof MassageAppEventMap>(
  type: K,
  detail: MassageAppEventMap[K]['detail'],
): MassageAppEventMap[K] {
  return new CustomEvent(type, { detail, bubbles: true, composed: true }) as MassageAppEventMap[K];
}
