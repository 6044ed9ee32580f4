import { type LumaImage, lumaOf } from '../core/lighting';

/** The light is read at most this often (ms): it changes slowly, and reading pixels costs. */
export const LIGHT_SAMPLE_MS = 1000;
/** Width of the small grey picture the light is read from (its height keeps the frame's shape). */
const SAMPLE_WIDTH = 64;

/**
 * Reads how bright the camera picture is: the video drawn small, as grey levels, at most once a
 * second. Owns its canvas; nothing of the picture is kept beyond the last small sample.
 */
export class LightMeter {
  private canvas: OffscreenCanvas | null = null;
  private context: OffscreenCanvasRenderingContext2D | null = null;
  private sampledAt = -Infinity;
  private last: LumaImage | null = null;

  constructor(private readonly video: HTMLVideoElement) {}

  /** The latest sample, taken afresh when the last is older than {@link LIGHT_SAMPLE_MS}. */
  sample(now: number = performance.now()): LumaImage | null {
    if (now - this.sampledAt < LIGHT_SAMPLE_MS) return this.last;
    const { videoWidth, videoHeight } = this.video;
    if (!videoWidth || !videoHeight) return this.last;
    this.sampledAt = now;
    const width = SAMPLE_WIDTH;
    const height = Math.max(1, Math.round((SAMPLE_WIDTH * videoHeight) / videoWidth));
    if (!this.canvas || this.canvas.height !== height) {
      this.canvas = new OffscreenCanvas(width, height);
      this.context = this.canvas.getContext('2d', { willReadFrequently: true });
    }
    if (!this.context) return null;
    this.context.drawImage(this.video, 0, 0, width, height);
    this.last = lumaOf(this.context.getImageData(0, 0, width, height).data, width, height);
    return this.last;
  }

  dispose(): void {
    this.canvas = null;
    this.context = null;
    this.last = null;
  }
}
