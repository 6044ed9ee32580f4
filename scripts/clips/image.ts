// Small RGBA image toolkit for building fake-camera clips: decoding through ffmpeg, affine
// drawing with bilinear sampling, and hand masks from hand landmarks. Pure TypeScript so that
// CI needs nothing but ffmpeg.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { PNG } from 'pngjs';

export interface Rgba {
  width: number;
  height: number;
  data: Uint8Array;
}

/** x' = a x + b y + c, y' = d x + e y + f */
export type Affine = [number, number, number, number, number, number];

export const IDENTITY: Affine = [1, 0, 0, 0, 1, 0];

/** Decodes a picture or one video frame (at `seek` seconds) with ffmpeg, optionally filtered. */
export function decode(path: string, opts: { seek?: number; vf?: string } = {}): Rgba {
  const args = ['-loglevel', 'error'];
  if (opts.seek !== undefined) args.push('-ss', String(opts.seek));
  args.push('-i', path, '-frames:v', '1');
  if (opts.vf) args.push('-vf', opts.vf);
  args.push('-f', 'image2pipe', '-vcodec', 'png', '-');
  const png = PNG.sync.read(execFileSync('ffmpeg', args, { maxBuffer: 64 << 20 }));
  return { width: png.width, height: png.height, data: new Uint8Array(png.data) };
}

export function readPng(path: string): Rgba {
  const png = PNG.sync.read(readFileSync(path));
  return { width: png.width, height: png.height, data: new Uint8Array(png.data) };
}

export function writePng(image: Rgba, path: string): void {
  const png = new PNG({ width: image.width, height: image.height });
  png.data = Buffer.from(image.data);
  writeFileSync(path, PNG.sync.write(png));
}

export function blank(width: number, height: number): Rgba {
  return { width, height, data: new Uint8Array(width * height * 4) };
}

export function compose(m: Affine, n: Affine): Affine {
  // m after n
  return [
    m[0] * n[0] + m[1] * n[3],
    m[0] * n[1] + m[1] * n[4],
    m[0] * n[2] + m[1] * n[5] + m[2],
    m[3] * n[0] + m[4] * n[3],
    m[3] * n[1] + m[4] * n[4],
    m[3] * n[2] + m[4] * n[5] + m[5],
  ];
}

export function invert(m: Affine): Affine {
  const det = m[0] * m[4] - m[1] * m[3];
  const a = m[4] / det;
  const b = -m[1] / det;
  const d = -m[3] / det;
  const e = m[0] / det;
  return [a, b, -(a * m[2] + b * m[5]), d, e, -(d * m[2] + e * m[5])];
}

export function apply(m: Affine, x: number, y: number): [number, number] {
  return [m[0] * x + m[1] * y + m[2], m[3] * x + m[4] * y + m[5]];
}

/** Rotation by `angle` (radians, y down so positive turns clockwise on screen) and scale about (cx, cy), then a shift. */
export function similarity(
  cx: number,
  cy: number,
  angle: number,
  scale: number,
  dx = 0,
  dy = 0,
  mirror = false,
): Affine {
  const c = Math.cos(angle) * scale;
  const s = Math.sin(angle) * scale;
  const f = mirror ? -1 : 1;
  // p' = R S F (p - c) + c + d
  const a = c * f;
  const b = -s;
  const d = s * f;
  const e = c;
  return [a, b, cx + dx - (a * cx + b * cy), d, e, cy + dy - (d * cx + e * cy)];
}

function sample(src: Rgba, x: number, y: number, clamp: boolean, out: Float64Array): boolean {
  const { width: w, height: h, data } = src;
  if (clamp) {
    x = Math.min(Math.max(x, 0), w - 1.001);
    y = Math.min(Math.max(y, 0), h - 1.001);
  } else if (x < 0 || y < 0 || x > w - 1.001 || y > h - 1.001) return false;
  const x0 = Math.floor(x);
  const y0 = Math.floor(y);
  const fx = x - x0;
  const fy = y - y0;
  const i00 = (y0 * w + x0) * 4;
  const i10 = i00 + 4;
  const i01 = i00 + w * 4;
  const i11 = i01 + 4;
  for (let k = 0; k < 4; k++) {
    const top = (data[i00 + k] ?? 0) * (1 - fx) + (data[i10 + k] ?? 0) * fx;
    const bottom = (data[i01 + k] ?? 0) * (1 - fx) + (data[i11 + k] ?? 0) * fx;
    out[k] = top * (1 - fy) + bottom * fy;
  }
  return true;
}

/** Fills `dst` with `src` warped by `m` (src -> dst), edges repeated: the moving background. */
export function warpInto(dst: Rgba, src: Rgba, m: Affine): void {
  const inv = invert(m);
  const px = new Float64Array(4);
  for (let y = 0; y < dst.height; y++) {
    for (let x = 0; x < dst.width; x++) {
      const sx = inv[0] * x + inv[1] * y + inv[2];
      const sy = inv[3] * x + inv[4] * y + inv[5];
      sample(src, sx, sy, true, px);
      const o = (y * dst.width + x) * 4;
      dst.data[o] = px[0] ?? 0;
      dst.data[o + 1] = px[1] ?? 0;
      dst.data[o + 2] = px[2] ?? 0;
      dst.data[o + 3] = 255;
    }
  }
}

/** Draws `src` (with its alpha) over `dst`, placed by `m` (src -> dst). */
export function drawOver(dst: Rgba, src: Rgba, m: Affine): void {
  const inv = invert(m);
  const corners = [
    apply(m, 0, 0),
    apply(m, src.width, 0),
    apply(m, 0, src.height),
    apply(m, src.width, src.height),
  ];
  const x0 = Math.max(0, Math.floor(Math.min(...corners.map((c) => c[0]))));
  const x1 = Math.min(dst.width - 1, Math.ceil(Math.max(...corners.map((c) => c[0]))));
  const y0 = Math.max(0, Math.floor(Math.min(...corners.map((c) => c[1]))));
  const y1 = Math.min(dst.height - 1, Math.ceil(Math.max(...corners.map((c) => c[1]))));
  const px = new Float64Array(4);
  for (let y = y0; y <= y1; y++) {
    for (let x = x0; x <= x1; x++) {
      const sx = inv[0] * x + inv[1] * y + inv[2];
      const sy = inv[3] * x + inv[4] * y + inv[5];
      if (!sample(src, sx, sy, false, px)) continue;
      const a = (px[3] ?? 0) / 255;
      if (a <= 0) continue;
      const o = (y * dst.width + x) * 4;
      for (let k = 0; k < 3; k++) {
        dst.data[o + k] = (dst.data[o + k] ?? 0) * (1 - a) + (px[k] ?? 0) * a;
      }
    }
  }
}

/** Bones of MediaPipe's hand skeleton. */
const BONES: [number, number][] = [
  [0, 1],
  [1, 2],
  [2, 3],
  [3, 4],
  [0, 5],
  [5, 6],
  [6, 7],
  [7, 8],
  [5, 9],
  [9, 10],
  [10, 11],
  [11, 12],
  [9, 13],
  [13, 14],
  [14, 15],
  [15, 16],
  [13, 17],
  [0, 17],
  [17, 18],
  [18, 19],
  [19, 20],
];
const PALM = [0, 1, 2, 5, 9, 13, 17];

function segmentDistance(
  px: number,
  py: number,
  ax: number,
  ay: number,
  bx: number,
  by: number,
): number {
  const vx = bx - ax;
  const vy = by - ay;
  const len2 = vx * vx + vy * vy || 1;
  const t = Math.min(1, Math.max(0, ((px - ax) * vx + (py - ay) * vy) / len2));
  return Math.hypot(px - ax - t * vx, py - ay - t * vy);
}

function insidePolygon(px: number, py: number, poly: [number, number][]): boolean {
  let inside = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const [xi, yi] = poly[i] as [number, number];
    const [xj, yj] = poly[j] as [number, number];
    if (yi > py !== yj > py && px < ((xj - xi) * (py - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** A hand cut out of a picture: the pixels with alpha, and its landmarks in the cut-out's pixels. */
export interface Cutout {
  image: Rgba;
  landmarks: [number, number][];
}

/**
 * Cuts a hand out of `frame` along its skeleton (fingers as rounded bars, the palm filled, a short
 * forearm stub), so no background between the fingers comes along. `landmarks` are in pixels.
 */
export function cutHand(
  frame: Rgba,
  landmarks: [number, number][],
  opts: { finger?: number; forearm?: number } = {},
): Cutout {
  const p = (i: number) => landmarks[i] as [number, number];
  const palm = Math.hypot(p(0)[0] - p(9)[0], p(0)[1] - p(9)[1]);
  const radius = palm * (opts.finger ?? 0.1);
  const feather = 2;
  // The forearm continues from the wrist away from the middle knuckle.
  const ux = (p(0)[0] - p(9)[0]) / palm;
  const uy = (p(0)[1] - p(9)[1]) / palm;
  const armLength = palm * (opts.forearm ?? 0.7);
  const arm: [number, number] = [p(0)[0] + ux * armLength, p(0)[1] + uy * armLength];
  const armRadius = palm * 0.32;
  const segments: [number, number, number, number, number][] = BONES.map(([a, b]) => [
    p(a)[0],
    p(a)[1],
    p(b)[0],
    p(b)[1],
    radius,
  ]);
  segments.push([p(0)[0], p(0)[1], arm[0], arm[1], armRadius]);
  const poly = PALM.map(p);
  const xs = [...landmarks.map((l) => l[0]), arm[0]];
  const ys = [...landmarks.map((l) => l[1]), arm[1]];
  const pad = Math.max(radius, armRadius) + feather + 2;
  const left = Math.max(0, Math.floor(Math.min(...xs) - pad));
  const top = Math.max(0, Math.floor(Math.min(...ys) - pad));
  const right = Math.min(frame.width - 1, Math.ceil(Math.max(...xs) + pad));
  const bottom = Math.min(frame.height - 1, Math.ceil(Math.max(...ys) + pad));
  const out = blank(right - left + 1, bottom - top + 1);
  for (let y = top; y <= bottom; y++) {
    for (let x = left; x <= right; x++) {
      let d = insidePolygon(x, y, poly) ? -feather : Infinity;
      for (const [ax, ay, bx, by, r] of segments) {
        d = Math.min(d, segmentDistance(x, y, ax, ay, bx, by) - r);
      }
      const alpha = Math.min(1, Math.max(0, 0.5 - d / feather));
      if (alpha <= 0) continue;
      const i = (y * frame.width + x) * 4;
      const o = ((y - top) * out.width + (x - left)) * 4;
      out.data[o] = frame.data[i] ?? 0;
      out.data[o + 1] = frame.data[i + 1] ?? 0;
      out.data[o + 2] = frame.data[i + 2] ?? 0;
      out.data[o + 3] = Math.round(alpha * 255);
    }
  }
  return { image: out, landmarks: landmarks.map(([x, y]) => [x - left, y - top]) };
}

/**
 * Moves the picture near `from` by (vx, vy) with a smooth Gaussian fall-off of width `sigma`
 * (pixels): enough to bring a thumb tip onto the index finger for a closed pinch.
 */
export function pushWarp(
  src: Rgba,
  from: [number, number],
  vx: number,
  vy: number,
  sigma: number,
): Rgba {
  const out = blank(src.width, src.height);
  const px = new Float64Array(4);
  // Backward mapping: the centre of the pushed blob lands at from + v.
  const cx = from[0] + vx;
  const cy = from[1] + vy;
  for (let y = 0; y < src.height; y++) {
    for (let x = 0; x < src.width; x++) {
      const w = Math.exp(-((x - cx) ** 2 + (y - cy) ** 2) / (2 * sigma * sigma));
      sample(src, x - vx * w, y - vy * w, true, px);
      const o = (y * src.width + x) * 4;
      for (let k = 0; k < 4; k++) out.data[o + k] = px[k] ?? 0;
    }
  }
  return out;
}
