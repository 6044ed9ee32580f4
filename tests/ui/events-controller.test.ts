import type { ReactiveControllerHost } from 'lit';
import { describe, expect, it } from 'vitest';
import type { TrackedFrame } from '../../src/core/frame';
import { EventsController, TRACKING_EVENT_INTERVAL_MS } from '../../src/ui/events-controller';

/** A lit host that is an event target, recording what it dispatches. */
class FakeHost extends EventTarget implements ReactiveControllerHost {
  readonly seen: CustomEvent[] = [];
  readonly updateComplete = Promise.resolve(true);
  addController(): void {}
  removeController(): void {}
  requestUpdate(): void {}
  override dispatchEvent(event: Event): boolean {
    this.seen.push(event as CustomEvent);
    return super.dispatchEvent(event);
  }
}

const frame: TrackedFrame = { t: 0, face: null, hands: [] };

describe('EventsController', () => {
  it('reports tracking at most once per interval', () => {
    let now = 0;
    const host = new FakeHost();
    const events = new EventsController(host, () => now);
    for (let i = 0; i < 10; i++, now += 40) events.frameTracked(frame, i, i < 5 ? 0 : 2);
    // Frames at 0..360 ms: events at 0, 120, 240 and 360 at most one per 100 ms.
    const tracking = host.seen.filter((e) => e.type === 'massage-tracking');
    expect(tracking.map((e) => e.detail.framesTracked)).toEqual([0, 3, 6, 9]);
    expect(tracking.map((e) => e.detail.qualityLevel)).toEqual([0, 0, 2, 2]);
    expect(TRACKING_EVENT_INTERVAL_MS).toBe(100);
  });

  it('reports each judged stroke and each completed step, bubbling out of the shadow root', () => {
    const host = new FakeHost();
    const events = new EventsController(host, () => 0);
    events.engineEvent({ type: 'stroke', t: 0, step: 'jaw', side: 'left', verdict: 'good' });
    events.engineEvent({ type: 'step-complete', t: 0, step: 'jaw' });
    events.engineEvent({ type: 'step-start', t: 0, step: 'cheeks' });
    expect(host.seen.map((e) => [e.type, e.detail, e.bubbles, e.composed])).toEqual([
      ['massage-stroke', { step: 'jaw', verdict: 'good', side: 'left' }, true, true],
      ['massage-step-complete', { step: 'jaw' }, true, true],
    ]);
  });
});
