import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FrameSize, HandObservation, Point3 } from '../../src/core/frame';
import { parseTrace, type Trace } from '../../src/core/trace';

const dataDir = join(import.meta.dirname, '..', 'data');

/** Loads a trace recorded from the real models (tests/data). */
export function loadTrace(name: string): Trace {
  const parsed = parseTrace(JSON.parse(readFileSync(join(dataDir, `${name}.trace.json`), 'utf8')));
  if (!parsed.ok) throw new Error(`${name}: ${parsed.error}`);
  return parsed.trace;
}

/** The first face in a recorded trace, with its frame size. */
export function realFace(name = 'bg_face_640x480'): { size: FrameSize; landmarks: Point3[] } {
  const trace = loadTrace(name);
  const face = trace.frames.find((f) => f.face)?.face;
  if (!face) throw new Error(`${name} has no face`);
  return {
    size: { width: trace.width, height: trace.height },
    landmarks: face.landmarks as Point3[],
  };
}

/** A real hand from a recorded trace, in that trace's normalised coordinates. */
export function realHand(name = 'business_person'): { size: FrameSize; hand: HandObservation } {
  const trace = loadTrace(name);
  const hand = trace.frames.find((f) => f.hands.length > 0)?.hands[0];
  if (!hand) throw new Error(`${name} has no hand`);
  return { size: { width: trace.width, height: trace.height }, hand };
}
