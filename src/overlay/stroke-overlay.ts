import { css, LitElement, nothing, type PropertyValues } from 'lit';
import type { FrameSize, TrackedFrame } from '../core/frame';
import type { Side } from '../core/regions';
import type { RoutineStep } from '../core/routine-schema';
import type { StrokeVerdict } from '../core/stroke-tracker';
import { ArrowLayer } from './arrow-layer';
import { loadFaceMeshTriangles } from './face-mesh-layer';
import { OverlayRenderer } from './overlay-renderer';

/** The last judged stroke, to flash its arrow. */
export interface StrokeFlash {
  readonly verdict: StrokeVerdict;
  readonly side: Side;
  /** `performance.now()` when it was judged. */
  readonly at: number;
}

/** How much the overlay may spend drawing (the adaptive quality's overlay part). */
export interface OverlayQuality {
  /** Shortest time between two frames (ms); 0 draws at the display's rate. */
  readonly overlayFrameMs: number;
  /** Highest device pixel ratio to draw at. */
  readonly maxPixelRatio: number;
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
    shownSides: { attribute: false },
    hold: { attribute: false },
    showFace: { type: Boolean },
    reducedMotion: { type: Boolean },
    resting: { type: Boolean },
    quality: { attribute: false },
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
  /** The sides whose arrows are drawn, or null for all (one side at a time on one-hand steps). */
  declare shownSides: readonly Side[] | null;
  /** Progress of the press held at the end of a stroke, per side (steps with a hold). */
  declare hold: Readonly<Partial<Record<Side, number>>>;
  /** Draws the tracked face and hands as dots (when there is no video underneath). */
  declare showFace: boolean;
  /** Still arrows: no travelling bead, no gliding between frames. */
  declare reducedMotion: boolean;
  /** Between steps: the arrows are hidden, not taken down. */
  declare resting: boolean;
  /** How often and how finely to draw, or null for the best the display allows. */
  declare quality: OverlayQuality | null;

  private renderer: OverlayRenderer | null = null;
  private layer: ArrowLayer | null = null;
  private resizeObserver: ResizeObserver | null = null;
  private viewSize: FrameSize = { width: 0, height: 0 };
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
    this.shownSides = null;
    this.hold = {};
    this.showFace = false;
    this.reducedMotion = false;
    this.resting = false;
    this.quality = null;
  }

  /** How thick the arrows were drawn in the last frame (CSS pixels). */
  get arrowThickness(): number {
    return 2 * (this.layer?.radius ?? 0);
  }

  /** Arrows drawn in the last frame. */
  get visibleArrows(): number {
    return this.layer?.visibleArrows ?? 0;
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

  /** The drawing buffer's pixels per CSS pixel. */
  get pixelRatio(): number {
    return this.renderer?.pixelRatio ?? 0;
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
    this.applyQuality();
    this.layer = new ArrowLayer(this.renderer);
    this.layer.setStep(this.step);
    const layer = this.layer;
    void loadFaceMeshTriangles().then((triangles) => {
      if (triangles && this.layer === layer) {
        layer.setFaceMesh(triangles);
        this.stale = true;
      }
    });
    this.renderer.start(this.prepare);
  }

  protected override updated(changed: PropertyValues<this>): void {
    this.stale = true;
    if (changed.has('step')) this.layer?.setStep(this.step);
    if (changed.has('quality')) this.applyQuality();
  }

  private applyQuality(): void {
    this.renderer?.setQuality(this.quality?.overlayFrameMs ?? 0, this.quality?.maxPixelRatio ?? 2);
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
    this.layer?.dispose();
    this.layer = null;
    this.renderRoot
      .querySelector('canvas')
      ?.removeEventListener('webglcontextlost', this.onContextLost);
    this.renderer?.dispose();
    this.renderer = null;
    this.renderRoot.querySelector('canvas')?.remove();
  }

  /** Brings the scene up to date for time `now`; false when there is nothing new to draw. */
  private readonly prepare = (now: number, dt: number): boolean => {
    if (!this.layer || this.viewSize.width === 0) return false;
    const drawn = this.layer.update(this, this.viewSize, now, dt, this.stale);
    if (drawn) this.stale = false;
    return drawn;
  };
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
