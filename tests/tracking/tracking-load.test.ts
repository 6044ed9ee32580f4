import { describe, expect, it } from 'vitest';
import {
  FACE_INTERVAL_MS,
  FACE_MAX_AGE_MS,
  RECONSIDER_MS,
  TrackingLoad,
} from '../../src/tracking/tracking-load';

/** A load whose models have each run once: the first inference, which sets the model up, is left out. */
function started(maxHandWorkers: number): TrackingLoad {
  const load = new TrackingLoad(maxHandWorkers);
  load.record('face', 0);
  load.record('hand', 0);
  return load;
}

const feed = (load: TrackingLoad, model: 'face' | 'hand', ms: number, times = 15) => {
  for (let i = 0; i < times; i++) load.record(model, ms);
};

describe('TrackingLoad', () => {
  it('keeps every hand worker while hand inference is quick', () => {
    const load = started(2);
    expect(load.activeHandWorkers(0)).toBe(2);
    feed(load, 'hand', 30);
    expect(load.activeHandWorkers(1000)).toBe(2);
  });

  it('drops to one hand worker when inference is slow, and comes back once it is quick again', () => {
    const load = started(2);
    feed(load, 'hand', 250);
    expect(load.activeHandWorkers(1000)).toBe(1);
    // Quick again, but the decision holds for a while so that it does not flap.
    feed(load, 'hand', 40);
    expect(load.activeHandWorkers(1000 + RECONSIDER_MS / 2)).toBe(1);
    expect(load.activeHandWorkers(1000 + RECONSIDER_MS)).toBe(2);
    // In between the two thresholds nothing changes.
    feed(load, 'hand', 90);
    expect(load.activeHandWorkers(1000 + 3 * RECONSIDER_MS)).toBe(2);
  });

  it('decides nothing from a handful of measurements', () => {
    const load = started(2);
    feed(load, 'hand', 300, 5);
    expect(load.activeHandWorkers(5000)).toBe(2);
  });

  it('runs a slow face model less often and keeps its face for longer', () => {
    const load = started(2);
    expect(load.faceIntervalMs).toBe(FACE_INTERVAL_MS);
    expect(load.faceMaxAgeMs).toBe(FACE_MAX_AGE_MS);
    feed(load, 'face', 20);
    expect(load.faceIntervalMs).toBe(FACE_INTERVAL_MS);
    feed(load, 'face', 220);
    expect(load.faceIntervalMs).toBe(440);
    expect(load.faceMaxAgeMs).toBe(880);
  });

  it('leaves out the first inference of each model, which also sets the model up', () => {
    const load = new TrackingLoad(2);
    load.record('face', 3000);
    load.record('hand', 3000);
    feed(load, 'face', 120, 1);
    expect(load.faceIntervalMs).toBe(240);
    expect(load.faceMaxAgeMs).toBe(FACE_MAX_AGE_MS + 80);
    // Slow hands measured fourteen times: one short of a decision...
    feed(load, 'hand', 250, 14);
    expect(load.activeHandWorkers(5000)).toBe(2);
    // ...which the fifteenth brings.
    load.record('hand', 250);
    expect(load.activeHandWorkers(5000)).toBe(1);
  });

  it('runs the face model no more often than the quality level says, and keeps its face for that long', () => {
    const load = started(2);
    feed(load, 'face', 20);
    load.setFaceInterval(250);
    expect(load.faceIntervalMs).toBe(250);
    load.setFaceInterval(380);
    expect(load.faceMaxAgeMs).toBe(420);
    // A slow model still sets the pace when it is slower than the level.
    feed(load, 'face', 220);
    expect(load.faceIntervalMs).toBe(440);
    load.setFaceInterval(FACE_INTERVAL_MS);
    expect(load.faceIntervalMs).toBe(440);
  });
});
