import type { Object3D } from 'three';
import { Vector3 } from 'three';
import type { FrameSize, Point3 } from '../core/frame';
import type { Side } from '../core/regions';
import type { RoutineStep } from '../core/routine-schema';
import { type ArrowPath, arrowPaths } from './arrow-paths';
import { FaceMeshLayer } from './face-mesh-layer';
import { LandmarkDots } from './landmark-dots';
import {
  arrowRadius,
  createViewMapping,
  projectLandmark,
  smoothingFactor,
  type ViewPoint,
} from './projection';
import { type ArrowTone, StrokeArrow } from './stroke-arrow';
import type { StrokeOverlay } from './stroke-overlay';

/** How long a judged stroke colours its arrow (ms). */
const FLASH_MS = 900;
/** Time constant with which the arrows follow new landmarks (ms). */
const ARROW_SMOOTHING_MS = 45;
/** Time for the bead to travel the arrow once (ms). */
const BEAD_PERIOD_MS = 1400;

/** What the layer shows: the overlay element's own properties. */
export type ArrowLayerState = Pick<
  StrokeOverlay,
  | 'frame'
  | 'frameSize'
  | 'step'
  | 'mirrored'
  | 'flash'
  | 'doneSides'
  | 'shownSides'
  | 'hold'
  | 'showFace'
  | 'resting'
  | 'reducedMotion'
>;

/**
 * The overlay's content: one arrow per path of the step, laid on the face landmarks and gliding
 * to each new frame's, coloured by the last verdict, and the landmark dots of a replay. Scratch
 * vectors are reused from frame to frame.
 */
export class ArrowLayer {
  private readonly dots = new LandmarkDots();
  private faceMesh: FaceMeshLayer | null = null;
  private arrows: { path: ArrowPath; arrow: StrokeArrow; tone: ArrowTone; shown: Vector3[] }[] = [];
  private readonly projected: ViewPoint = { x: 0, y: 0, z: 0 };
  private pathPoints: Vector3[] = [];
  private drewArrows = false;
  private state: ArrowLayerState | null = null;

  constructor(private readonly scene: { add(object: Object3D): void }) {
    scene.add(this.dots.object);
  }

  /** Draws the face as a mesh of these triangles from now on (else as dots). */
  setFaceMesh(triangles: readonly number[]): void {
    this.faceMesh?.dispose();
    this.faceMesh = new FaceMeshLayer(triangles);
    this.faceMesh.addTo(this.scene);
  }

  /** The arrows' tube radius in the last frame (view pixels). */
  radius = 0;

  /** Arrows shown in the last frame. */
  get visibleArrows(): number {
    return this.arrows.filter((a) => a.arrow.object.visible).length;
  }

  /** Builds the arrows of a step (none for no step). */
  setStep(step: RoutineStep | null): void {
    for (const { arrow } of this.arrows) arrow.dispose();
    this.arrows = [];
    if (!step) return;
    const marker = step.kind === 'pinch' ? 'pinch' : step.holdMs ? 'hold' : 'bead';
    for (const path of arrowPaths(step)) {
      const arrow = new StrokeArrow(marker);
      this.scene.add(arrow.object);
      this.arrows.push({ path, arrow, tone: 'idle', shown: [] });
    }
  }

  /**
   * Brings the layer up to date for time `now`, `dt` ms after the last frame, in a view of
   * `viewSize`; false when nothing moves and nothing `changed`, so there is nothing to draw.
   */
  update(
    state: ArrowLayerState,
    viewSize: FrameSize,
    now: number,
    dt: number,
    changed: boolean,
  ): boolean {
    this.state = state;
    const follow = smoothingFactor(dt, ARROW_SMOOTHING_MS);
    const { frame, frameSize, step } = state;
    const face = frame?.face;
    const mapping = createViewMapping(frameSize, viewSize, state.mirrored);
    if (frame && state.showFace) {
      this.faceMesh?.update(frame, frameSize, mapping);
      this.dots.update(frame, frameSize, mapping, !this.faceMesh);
    } else {
      this.faceMesh?.hide();
      this.dots.hide();
    }
    if (!face || !step || state.resting) {
      // Nothing moves: drawn once, then left until something changes.
      if (!changed) return false;
      for (const { arrow } of this.arrows) arrow.hide();
      return true;
    }
    const faceWidth = Math.abs(
      projectLandmark(face.landmarks[454] as Point3, frameSize.height, mapping, this.projected).x -
        projectLandmark(face.landmarks[234] as Point3, frameSize.height, mapping, this.projected).x,
    );
    const radius = arrowRadius(faceWidth);
    this.radius = radius;
    // Reduced motion: no travelling marker, and the arrows keep still between tracked frames.
    const still = state.reducedMotion;
    const phase = still ? 0 : (now % BEAD_PERIOD_MS) / BEAD_PERIOD_MS;
    for (const entry of this.arrows) {
      const path = entry.path;
      if (state.shownSides && !state.shownSides.includes(path.side)) {
        entry.arrow.hide();
        continue;
      }
      this.ensurePoints(path.landmarks.length);
      const snap = entry.shown.length !== path.landmarks.length;
      if (snap) entry.shown = path.landmarks.map(() => new Vector3());
      path.landmarks.forEach((index, i) => {
        const p = face.landmarks[index];
        const target = this.pathPoints[i] as Vector3;
        const shown = entry.shown[i] as Vector3;
        if (!p) return;
        projectLandmark(p, frameSize.height, mapping, this.projected);
        // Lifted toward the viewer so the tube floats just over the skin.
        target.set(this.projected.x, -this.projected.y, this.projected.z + radius * 2);
        // Between tracked frames the arrows glide to the newest landmarks instead of jumping;
        // a big jump (the face found again elsewhere) is taken at once.
        if (still || snap || shown.distanceTo(target) > faceWidth * 0.5) shown.copy(target);
        else shown.lerp(target, follow);
      });
      entry.arrow.update(entry.shown, path.landmarks.length, radius, phase);
      entry.arrow.setMarkerShown(!still);
      entry.arrow.setHoldProgress(state.hold[path.side] ?? 0);
      if (!this.drewArrows) {
        this.drewArrows = true;
        performance.mark('massage:first-arrows');
      }
      const tone = this.toneFor(path.side, now);
      if (tone !== entry.tone) {
        entry.arrow.setTone(tone);
        entry.tone = tone;
      }
    }
    // Still arrows change only with a new frame or state; moving ones change every frame.
    return !still || changed;
  }

  /** Releases the arrows' and dots' GPU resources. */
  dispose(): void {
    for (const { arrow } of this.arrows) arrow.dispose();
    this.arrows = [];
    this.dots.dispose();
    this.faceMesh?.dispose();
  }

  private toneFor(side: Side, now: number): ArrowTone {
    const flash = this.state?.flash;
    if (flash && flash.side === side && now - flash.at < FLASH_MS) {
      if (flash.verdict === 'good') return 'good';
      if (flash.verdict === 'wrong-direction') return 'wrong';
    }
    return this.state?.doneSides.includes(side) ? 'done' : 'idle';
  }

  private ensurePoints(count: number): void {
    while (this.pathPoints.length < count) this.pathPoints.push(new Vector3());
  }
}
