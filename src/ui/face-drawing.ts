import type { RegionId } from '../core/regions';

/**
 * A face drawn from the front in a 200 × 260 box, the person's right on the viewer's left, shared
 * by the face map and the step pictures. Sided shapes are drawn for the person's right and
 * mirrored for the left with {@link MIRROR}.
 */
export const VIEW_BOX = '0 0 200 260';

/** Mirrors a right-side shape onto the left. */
export const MIRROR = 'matrix(-1 0 0 1 200 0)';

/** The outline of the face. */
export const FACE_OUTLINE =
  'M100 14 C150 14 180 60 180 120 C180 190 140 250 100 250 C60 250 20 190 20 120 C20 60 50 14 100 14 Z';

/** The nose, always drawn. */
export const NOSE = 'M100 104 L94 160 Q100 166 106 160';

/** Eyes, brows and mouth, for the step pictures (the face map leaves them out to stay quiet). */
export const FEATURES = [
  // Right eye and brow; mirrored for the left.
  { d: 'M60 106 Q72 98 86 106 Q72 112 60 106 Z', sided: true },
  { d: 'M54 90 Q70 80 90 88', sided: true },
  // Mouth.
  { d: 'M80 200 Q100 208 120 200', sided: false },
] as const;

/** A region's shape on the drawing: a line along the stroke, a ring, or an area. */
export interface RegionShape {
  readonly kind: 'line' | 'area';
  /** For lines: drawn in the direction of a correct stroke. */
  readonly d: string;
  readonly sided: boolean;
}

/** Where each region sits on the drawing. */
export const REGION_SHAPES: Readonly<Record<RegionId, RegionShape>> = {
  forehead: { kind: 'area', d: 'M58 44 Q100 26 142 44 L142 70 Q100 60 58 70 Z', sided: false },
  temples: { kind: 'area', d: 'M28 82 Q34 70 44 72 L46 104 Q34 106 28 98 Z', sided: true },
  'brow-outward': { kind: 'line', d: 'M92 86 Q74 78 54 86', sided: true },
  'eye-socket-circle': {
    kind: 'line',
    d: 'M94 104 Q92 84 72 84 Q48 84 46 106 Q52 126 74 126 Q92 126 94 104',
    sided: true,
  },
  'cheek-circle': {
    kind: 'area',
    d: 'M62 140 m-15 0 a15 14 0 1 0 30 0 a15 14 0 1 0 -30 0',
    sided: true,
  },
  'cheek-outward': { kind: 'line', d: 'M84 138 Q60 130 28 128', sided: true },
  'laugh-line-outward': { kind: 'line', d: 'M84 158 Q64 160 44 150', sided: true },
  'smile-line-upward': { kind: 'line', d: 'M80 196 Q76 176 86 156', sided: true },
  'jaw-to-cheekbone': { kind: 'line', d: 'M44 196 Q38 164 46 126', sided: true },
  'jawline-outward': { kind: 'line', d: 'M96 238 Q62 232 34 176', sided: true },
  'chin-upward': { kind: 'line', d: 'M100 246 L100 214', sided: false },
  lips: { kind: 'area', d: 'M78 200 Q100 188 122 200 Q100 216 78 200 Z', sided: false },
};

/** Centre and radii of the circling regions, for arrows that go round them (right side). */
export const CIRCLES: Readonly<Partial<Record<RegionId, { cx: number; cy: number; r: number }>>> = {
  'cheek-circle': { cx: 62, cy: 140, r: 15 },
  'eye-socket-circle': { cx: 70, cy: 105, r: 23 },
};

/**
 * An arc of most of a circle, ending in the direction of travel: "up near the nose" goes up on the
 * side nearer the nose (+x on the right-side drawing) and over the top, the other sense down.
 */
export function circleArrowPath(
  circle: { cx: number; cy: number; r: number },
  upNearNose: boolean,
): string {
  const { cx, cy, r } = circle;
  // Start beside the nose, go round 300°, so the arrowhead has room at the end.
  const end = (upNearNose ? 60 : -60) * (Math.PI / 180);
  const x = (cx + r * Math.cos(end)).toFixed(1);
  const y = (cy + r * Math.sin(end)).toFixed(1);
  // SVG's y grows downward: going up from the nose side is the counter-clockwise sweep (0).
  return `M${cx + r} ${cy} A${r} ${r} 0 1 ${upNearNose ? 0 : 1} ${x} ${y}`;
}
