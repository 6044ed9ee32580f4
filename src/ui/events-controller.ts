import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { TrackedFrame } from '../core/frame';
import type { EngineEvent } from '../core/step-engine';
import { appEvent } from './app-events';

/** `massage-tracking` is fired at most this often (ms). */
export const TRACKING_EVENT_INTERVAL_MS = 100;

/**
 * Reports the session to whoever embeds the app, as the typed `massage-*` events of
 * `MassageAppEventMap`: tracking (throttled), each judged stroke, each completed step.
 */
export class EventsController implements ReactiveController {
  private lastTrackingEvent = -Infinity;

  constructor(
    private readonly host: ReactiveControllerHost & EventTarget,
    private readonly now: () => number = () => performance.now(),
  ) {
    host.addController(this);
  }

  frameTracked(frame: TrackedFrame, framesTracked: number, qualityLevel: number): void {
    const now = this.now();
    if (now - this.lastTrackingEvent < TRACKING_EVENT_INTERVAL_MS) return;
    this.lastTrackingEvent = now;
    this.host.dispatchEvent(
      appEvent('massage-tracking', {
        face: frame.face !== null,
        hands: frame.hands.length,
        framesTracked,
        qualityLevel,
      }),
    );
  }

  engineEvent(event: EngineEvent): void {
    if (event.type === 'stroke') {
      const { step, verdict, side } = event;
      this.host.dispatchEvent(appEvent('massage-stroke', { step, verdict, side }));
    } else if (event.type === 'step-complete') {
      this.host.dispatchEvent(appEvent('massage-step-complete', { step: event.step }));
    }
  }

  hostDisconnected(): void {
    this.lastTrackingEvent = -Infinity;
  }
}
