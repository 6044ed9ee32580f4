import type { Point3 } from './frame';

/** What keeps the light from being good enough to track hands on the face. */
export type LightingIssue = 'too-dark' | 'uneven-light' | 'backlit';

/** A small grey picture of the camera frame (unmirrored, as the landmarks are): 0-255 per pixel. */
export interface LumaImage {
  readonly width: number;
  readonly height: number;
  readonly luma: ArrayLike<number>;
}

/** Mean brightness of the face below which hands on it are hard to see (0-255). */
const DARK_FACE = 55;
/** The darker cheek at most this share of the brighter one: lit from the side. */
const UNEVEN_RATIO = 0.5;
/** Around the face brighter than this many times the face: the light is behind the person. */
const BACKLIT_RATIO = 1.8;

/** Skin the light is read from: each cheek beside the nose, where hair seldom falls (right, left). */
const CHEEKS = [36, 266] as const;
/** More skin: the forehead, the bridge of the nose and the chin. */
const MIDDLE = [151, 6, 199] as const;

/**
 * Whether the light on a tracked face is good enough: bright, even from side to side, and not
 * from behind. Read from small patches of skin (cheeks, forehead, nose, chin) that hair and
 * background do not reach. Pure: the picture and the face's landmarks come in as arguments.
 */
export function lightingIssue(image: LumaImage, face: readonly Point3[]): LightingIssue | null {
  const right = face[234];
  const left = face[454];
  if (!right || !left) return null;
  const width = Math.abs(left[0] - right[0]);
  if (width <= 0) return null;
  const patch = (i: number) => {
    const p = face[i];
    if (!p) return 0;
    const r = width * 0.06;
    const ry = (r * image.width) / image.height;
    return mean(image, p[0] - r, p[0] + r, p[1] - ry, p[1] + ry);
  };
  const cheeks = CHEEKS.map(patch);
  const skin = [...cheeks, ...MIDDLE.map(patch)];
  const faceMean = skin.reduce((a, b) => a + b, 0) / skin.length;
  if (faceMean < DARK_FACE) return 'too-dark';
  if (Math.min(...cheeks) < UNEVEN_RATIO * Math.max(...cheeks)) return 'uneven-light';
  // Beside the head: where a window or a lamp behind the person shows.
  let top = 1;
  let bottom = 0;
  for (const [, y] of face) {
    top = Math.min(top, y);
    bottom = Math.max(bottom, y);
  }
  const minX = Math.min(left[0], right[0]);
  const maxX = Math.max(left[0], right[0]);
  const around = Math.max(
    mean(image, 0, Math.max(0, minX - width * 0.3), top, bottom),
    mean(image, Math.min(1, maxX + width * 0.3), 1, top, bottom),
  );
  if (around > BACKLIT_RATIO * faceMean) return 'backlit';
  return null;
}

/** Mean brightness of the part of the picture between normalised x0..x1 and y0..y1. */
function mean(image: LumaImage, x0: number, x1: number, y0: number, y1: number): number {
  const left = Math.max(0, Math.floor(x0 * image.width));
  const right = Math.min(image.width, Math.ceil(x1 * image.width));
  const top = Math.max(0, Math.floor(y0 * image.height));
  const bottom = Math.min(image.height, Math.ceil(y1 * image.height));
  let sum = 0;
  let n = 0;
  for (let y = top; y < bottom; y++)
    for (let x = left; x < right; x++) {
      sum += image.luma[y * image.width + x] ?? 0;
      n++;
    }
  return n ? sum / n : 0;
}

/** Brightness (Rec. 601 luma) of RGBA pixels, as a camera frame drawn to a canvas gives them. */
export function lumaOf(rgba: ArrayLike<number>, width: number, height: number): LumaImage {
  const luma = new Uint8Array(width * height);
  for (let i = 0; i < luma.length; i++)
    luma[i] =
      0.299 * (rgba[i * 4] ?? 0) + 0.587 * (rgba[i * 4 + 1] ?? 0) + 0.114 * (rgba[i * 4 + 2] ?? 0);
  return { width, height, luma };
}
