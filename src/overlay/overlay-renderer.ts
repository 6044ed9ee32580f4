import {
  AmbientLight,
  DirectionalLight,
  type Object3D,
  OrthographicCamera,
  Scene,
  WebGLRenderer,
} from 'three';
import { webGlKind } from '../platform/webgl';

/** Shortest time between two frames where WebGL is software-rendered (ms): 25 a second. */
const SOFTWARE_FRAME_MS = 40;
/** Display frames come a little early or late; a frame this close to due is drawn (ms). */
const FRAME_SLACK_MS = 4;

/**
 * The three.js side of the overlay: renderer, scene, camera and lights. The camera is
 * orthographic and maps world units to view pixels, with world y pointing up (world y = -view y)
 * and z toward the viewer, so landmarks projected to the view drop straight into the scene.
 */
export class OverlayRenderer {
  readonly scene = new Scene();
  /** WebGL runs on a software rasteriser (no GPU): render less often. */
  readonly softwareRendering: boolean;
  private readonly renderer: WebGLRenderer;
  private readonly camera = new OrthographicCamera(0, 1, 0, -1, -5000, 5000);
  private animationId = 0;
  private lastFrameAt = -Infinity;
  private renders = 0;
  /** Shortest time between frames set by the adaptive quality (ms), and its pixel-ratio cap. */
  private qualityFrameMs = 0;
  private qualityMaxPixelRatio = 2;
  private size = { width: 0, height: 0, pixelRatio: 1 };

  /** Throws if WebGL is unavailable. */
  constructor(canvas: HTMLCanvasElement) {
    this.softwareRendering = webGlKind() === 'software';
    // Multisampling in a software rasteriser costs more CPU than the tracking models can spare.
    this.renderer = new WebGLRenderer({
      canvas,
      alpha: true,
      antialias: !this.softwareRendering,
      powerPreference: 'low-power',
    });
    this.renderer.setClearColor(0x000000, 0);
    this.camera.position.z = 1000;
    const key = new DirectionalLight(0xffffff, 2.2);
    key.position.set(-0.4, 0.6, 1);
    this.scene.add(new AmbientLight(0xffffff, 1.1), key);
  }

  /** Matches the drawing buffer and camera to the view size in CSS pixels. */
  setSize(width: number, height: number, pixelRatio: number): void {
    this.size = { width, height, pixelRatio };
    this.renderer.setPixelRatio(
      Math.min(pixelRatio, this.softwareRendering ? 1 : 2, this.qualityMaxPixelRatio),
    );
    this.renderer.setSize(width, height, false);
    this.camera.left = 0;
    this.camera.right = width;
    this.camera.top = 0;
    this.camera.bottom = -height;
    this.camera.updateProjectionMatrix();
  }

  /**
   * Draws no more often than every `frameMs` and at no more than `maxPixelRatio`, as the adaptive
   * quality says when tracking needs the CPU.
   */
  setQuality(frameMs: number, maxPixelRatio: number): void {
    this.qualityFrameMs = frameMs;
    if (maxPixelRatio === this.qualityMaxPixelRatio) return;
    this.qualityMaxPixelRatio = maxPixelRatio;
    if (this.size.width > 0) this.setSize(this.size.width, this.size.height, this.size.pixelRatio);
  }

  /** The drawing buffer's pixels per CSS pixel. */
  get pixelRatio(): number {
    return this.renderer.getPixelRatio();
  }

  /** Shortest time between two drawn frames (ms). */
  get minFrameMs(): number {
    return Math.max(this.softwareRendering ? SOFTWARE_FRAME_MS : 0, this.qualityFrameMs);
  }

  /**
   * Runs the render loop: `prepare` updates the scene for time `now` and says whether anything
   * changed; the scene is drawn only then, and no more often than {@link minFrameMs} allows.
   */
  start(prepare: (now: number, sinceLastMs: number) => boolean): void {
    this.stop();
    const frame = (now: number) => {
      this.animationId = requestAnimationFrame(frame);
      // NOTE: a software rasteriser at the display rate takes the CPU the tracking models need.
      if (now - this.lastFrameAt < this.minFrameMs - FRAME_SLACK_MS) return;
      const since = Math.min(200, now - this.lastFrameAt);
      this.lastFrameAt = now;
      if (!prepare(now, since)) return;
      this.render();
      this.renders++;
    };
    this.animationId = requestAnimationFrame(frame);
  }

  /** Stops the render loop. */
  stop(): void {
    cancelAnimationFrame(this.animationId);
    this.animationId = 0;
  }

  /** Frames drawn so far by the loop. */
  get frames(): number {
    return this.renders;
  }

  add(object: Object3D): void {
    this.scene.add(object);
  }

  render(): void {
    this.renderer.render(this.scene, this.camera);
  }

  /** Geometries and textures held on the GPU (for leak checks). */
  get gpuResources(): { geometries: number; textures: number } {
    const { geometries, textures } = this.renderer.info.memory;
    return { geometries, textures };
  }

  /** Number of draw calls in the last frame (for diagnostics and tests). */
  get drawCalls(): number {
    return this.renderer.info.render.calls;
  }

  /** Releases the GPU resources and the WebGL context (browsers allow only a few at once). */
  dispose(): void {
    this.stop();
    this.scene.clear();
    this.renderer.dispose();
    this.renderer.forceContextLoss();
  }
}
