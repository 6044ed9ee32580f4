import type { FaceSpace } from '../face-space';
import type { FaceObservation } from '../frame';
import type { HandTracker } from '../hand-tracker';
import { polylineLength } from '../polyline';
import type { Region, Side } from '../regions';
import type { StrokeVerdict } from '../stroke-tracker';
import type { Vec2 } from '../vec2';

/** What a recogniser sees of one frame. */
export interface RecognizerFrame {
  readonly t: number;
  /** The face, or null when it is not tracked in this frame. */
  readonly face: FaceObservation | null;
  /** The face-relative frame fitted to `face` (meaningless when `face` is null). */
  readonly space: FaceSpace;
  readonly hands: HandTracker;
}

/** A judged stroke or rep. */
export interface Judgement {
  readonly side: Side;
  readonly verdict: StrokeVerdict;
}

/** Recognises one step's strokes or reps. One instance per step visit. */
export interface StepRecognizer {
  /** Feeds a frame; returns the strokes judged in it. */
  update(frame: RecognizerFrame): Judgement[];
  /** Ends whatever is under way (end of a trace or a step change). */
  flush(t: number): Judgement[];
  /** Whether a hand (or the face, for face exercises) is on the step's target this frame. */
  readonly onTarget: boolean;
  /** Whether the step needs hands at all. */
  readonly needsHands: boolean;
  /**
   * Whether a point (face coordinates) is on or near the step's target: hands moving there are
   * working, not wandering. Steps without targets to stroke leave it out.
   */
  nearTarget?(point: Vec2): boolean;
  /** How much of a press held at the end of a stroke is done per side (0..1), where steps have one. */
  readonly hold?: Partial<Record<Side, number>>;
}

/** Region path points in face coordinates, refreshed each frame into reused arrays. */
export class RegionGeometry {
  readonly points: Vec2[][];
  /** Length of each path in face widths, for the current frame. */
  readonly lengths: number[];

  constructor(readonly region: Region) {
    this.points = region.paths.map((p) => p.landmarks.map(() => ({ x: 0, y: 0 })));
    this.lengths = region.paths.map(() => 0);
  }

  update(face: FaceObservation, space: FaceSpace): void {
    this.region.paths.forEach((path, i) => {
      const out = this.points[i] as Vec2[];
      path.landmarks.forEach((index, j) => {
        const p = face.landmarks[index];
        if (p) space.toFace(p[0], p[1], out[j] as Vec2);
      });
      this.lengths[i] = polylineLength(out);
    });
  }
}
