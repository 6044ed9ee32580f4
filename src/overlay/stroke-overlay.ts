import { css, LitElement, nothing, type PropertyValues } from 'lit';
import { Vector3 } from 'three';
import type { FrameSize, Point3, TrackedFrame } from '../core/frame';
import type { Side } from '../core/regions';
import type { RoutineStep } from '../core/routine-schema';
import type { StrokeVerdict } from '../core/stroke-tracker';
import { type ArrowPath, arrowPaths } from './arrow-paths';
import { LandmarkDots } from './landmark-dots';
import { OverlayRenderer } from './overlay-renderer';
import { createViewMapping, projectLandmark, smoothingFactor, type ViewPoint } from './projection';
import { type ArrowTone, StrokeArrow } from './stroke-arrow';

/** How long a judged stroke colours its arrow (ms). */
const FLASH_MS = 900;
/** Time constant with which the arrows follow new landmarks (ms). */
const ARROW_SMOOTHING_MS = 45;
/** Time for the bead to travel the arrow once (ms). */
const BEAD_PERIOD_MS = 1400;

/** The last judged stroke, to flash its arrow. */
export interface StrokeFlash {
  readonly verdict: StrokeVerdict;
  readonly side: Side;
  /** `performance.now()` when it was judged. */
  readonly at: number;
}

/** Fired when the overlay cannot draw (no WebGL). */
export type OverlayErrorEvent = CustomEvent<{ message: string }>;

/**
 * `<stroke-overlay>`: draws the current step's stroke arrows in 3D over the (mirrored) video,
 * anchored to the face landmarks of the step's target region, one arrow per side.
 */
export class StrokeOverlay extends LitElement {
  static override properties = {
    frame: { attribute: false },
    frameSize: { attribute: false },
    step: { attribute: false },
    mirrored: { type: Boolean },
    flash: { attribute: false },
    doneSides: { attribute: false },
    hold: { attribute: false },
    showFace: { type: Boolean },
    resting: { type: Boolean },
  };

  static override styles = css`
    :host {
      display: block;
      position: absolute;
      inset: 0;
      pointer-events: none;
    }
    canvas {
      width: 100%;
      height: 100%;
      display: block;
    }
  `;

  declare frame: TrackedFrame | null;
  declare frameSize: FrameSize;
  declare step: RoutineStep | null;
  declare mirrored: boolean;
  declare flash: StrokeFlash | null;
  declare doneSides: readonly Side[];
  /** Progress of the press held at the end of a stroke, per side (steps with a hold). */
  declare hold: Readonly<Partial<Record<Side, number>>>;
  /** Draws the tracked face and hands as dots (when there is no video underneath). */
  declare showFace: boolean;
  /** Between steps: the arrows are hidden, not taken down. */
  declare resting: boolean;

  private renderer: OverlayRenderer | null = null;
  private readonly dots = new LandmarkDots();
  private arrows: { path: ArrowPath; arrow: StrokeArrow; tone: ArrowTone; shown: Vector3[] }[] = [];
  private resizeObserver: ResizeObserver | null = null;
  private viewSize: FrameSize = { width: 0, height: 0 };
  private readonly projected: ViewPoint = { x: 0, y: 0, z: 0 };
  private pathPoints: Vector3[] = [];
  private drewArrows = false;
  /** Something changed since the last render: with no arrows moving, only then is it drawn again. */
  private stale = true;
  /** Times the WebGL context was lost and the overlay built again. */
  private rebuilds = 0;
  private readonly onContextLost = (event: Event) => {
    // NOTE: a lost context may never come back (the GPU process restarted, too many contexts):
    // rather than wait for a restore, the overlay starts again on a new canvas.
    event.preventDefault();
    this.rebuilds++;
    queueMicrotask(() => {
      if (!this.isConnected) return;
      this.dispose();
      this.setUp();
    });
  };

  constructor() {
    super();
    this.frame = null;
    this.frameSize = { width: 640, height: 480 };
    this.step = null;
    this.mirrored = true;
    this.flash = null;
    this.doneSides = [];
    this.hold = {};
    this.showFace = false;
    this.resting = false;
  }

  /** Arrows drawn in the last frame. */
  get visibleArrows(): number {
    return this.arrows.filter((a) => a.arrow.object.visible).length;
  }

  /** Times the overlay was built again after losing its WebGL context. */
  get contextRebuilds(): number {
    return this.rebuilds;
  }

  /** Geometries and textures the overlay holds on the GPU. */
  get gpuResources(): { geometries: number; textures: number } {
    return this.renderer?.gpuResources ?? { geometries: 0, textures: 0 };
  }

  /** Frames rendered so far (an idle overlay renders none). */
  get renders(): number {
    return this.renderer?.frames ?? 0;
  }

  /** Draw calls in the last rendered frame. */
  get drawCalls(): number {
    return this.renderer?.drawCalls ?? 0;
  }

  protected override render() {
    return nothing;
  }

  protected override firstUpdated(): void {
    this.setUp();
  }

  /** Creates the canvas, the renderer and the arrows, and starts drawing. */
  private setUp(): void {
    // A fresh canvas each time: a disposed renderer loses its WebGL context for good.
    const canvas = document.createElement('canvas');
    this.renderRoot.querySelector('canvas')?.remove();
    this.renderRoot.append(canvas);
    canvas.addEventListener('webglcontextlost', this.onContextLost);
    try {
      this.renderer = new OverlayRenderer(canvas);
    } catch (error) {
      const message = `The 3D arrows cannot be drawn: WebGL is not available in this browser (${
        error instanceof Error ? error.message : String(error)
      }). Turn on hardware acceleration or try another browser.`;
      this.dispatchEvent(
        new CustomEvent('overlay-error', { detail: { message }, bubbles: true, composed: true }),
      );
      return;
    }
    this.resizeObserver = new ResizeObserver(([entry]) => {
      if (!entry) return;
      this.viewSize = { width: entry.contentRect.width, height: entry.contentRect.height };
      this.renderer?.setSize(this.viewSize.width, this.viewSize.height, devicePixelRatio);
      this.stale = true;
    });
    this.resizeObserver.observe(this);
    this.renderer.add(this.dots.object);
    this.rebuildArrows();
    this.renderer.start(this.prepare);
  }

  protected override updated(changed: PropertyValues<this>): void {
    this.stale = true;
    if (changed.has('step') && this.renderer) this.rebuildArrows();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated && !this.renderer) this.setUp();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.dispose();
  }

  /** Releases the GPU resources; the element cannot draw afterwards. */
  dispose(): void {
    this.resizeObserver?.disconnect();
    for (const { arrow } of this.arrows) arrow.dispose();
    this.arrows = [];
    this.dots.dispose();
    this.renderRoot
      .querySelector('canvas')
      ?.removeEventListener('webglcontextlost', this.onContextLost);
    this.renderer?.dispose();
    this.renderer = null;
    this.renderRoot.querySelector('canvas')?.remove();
  }

  private rebuildArrows(): void {
    for (const { arrow } of this.arrows) arrow.dispose();
    this.arrows = [];
    if (!this.step || !this.renderer) return;
    const marker = this.step.kind === 'pinch' ? 'pinch' : this.step.holdMs ? 'hold' : 'bead';
    for (const path of arrowPaths(this.step)) {
      const arrow = new StrokeArrow(marker);
      this.renderer.add(arrow.object);
      this.arrows.push({ path, arrow, tone: 'idle', shown: [] });
    }
  }

  /** Brings the scene up to date for time `now`; false when there is nothing new to draw. */
  private readonly prepare = (now: number, dt: number): boolean => {
    if (!this.renderer || this.viewSize.width === 0) return false;
    const follow = smoothingFactor(dt, ARROW_SMOOTHING_MS);
    const face = this.frame?.face;
    const step = this.step;
    const mapping = createViewMapping(this.frameSize, this.viewSize, this.mirrored);
    if (this.frame && this.showFace) this.dots.update(this.frame, this.frameSize, mapping);
    else this.dots.hide();
    if (!face || !step || this.resting) {
      // Nothing moves: drawn once, then left until something changes.
      if (!this.stale) return false;
      for (const { arrow } of this.arrows) arrow.hide();
      this.stale = false;
      return true;
    }
    const faceWidth = Math.abs(
      projectLandmark(face.landmarks[454] as Point3, this.frameSize.height, mapping, this.projected)
        .x -
        projectLandmark(
          face.landmarks[234] as Point3,
          this.frameSize.height,
          mapping,
          this.projected,
        ).x,
    );
    const radius = Math.max(2.5, faceWidth * 0.016);
    const phase = (now % BEAD_PERIOD_MS) / BEAD_PERIOD_MS;
    for (const entry of this.arrows) {
      const path = entry.path;
      this.ensurePoints(path.landmarks.length);
      const snap = entry.shown.length !== path.landmarks.length;
      if (snap) entry.shown = path.landmarks.map(() => new Vector3());
      path.landmarks.forEach((index, i) => {
        const p = face.landmarks[index];
        const target = this.pathPoints[i] as Vector3;
        const shown = entry.shown[i] as Vector3;
        if (!p) return;
        projectLandmark(p, this.frameSize.height, mapping, this.projected);
        // Lifted toward the viewer so the tube floats just over the skin.
        target.set(this.projected.x, -this.projected.y, this.projected.z + radius * 2);
        // Between tracked frames the arrows glide to the newest landmarks instead of jumping;
        // a big jump (the face found again elsewhere) is taken at once.
        if (snap || shown.distanceTo(target) > faceWidth * 0.5) shown.copy(target);
        else shown.lerp(target, follow);
      });
      entry.arrow.update(entry.shown, path.landmarks.length, radius, phase);
      entry.arrow.setHoldProgress(this.hold[path.side] ?? 0);
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
    this.stale = false;
    return true;
  };

  private toneFor(side: Side, now: number): ArrowTone {
    const flash = this.flash;
    if (flash && flash.side === side && now - flash.at < FLASH_MS) {
      if (flash.verdict === 'good') return 'good';
      if (flash.verdict === 'wrong-direction') return 'wrong';
    }
    return this.doneSides.includes(side) ? 'done' : 'idle';
  }

  private ensurePoints(count: number): void {
    while (this.pathPoints.length < count) this.pathPoints.push(new Vector3());
  }
}

customElements.define('stroke-overlay', StrokeOverlay);

declare global {
  interface HTMLElementTagNameMap {
    'stroke-overlay': StrokeOverlay;
  }
  interface HTMLElementEventMap {
    'overlay-error': OverlayErrorEvent;
  }
}
