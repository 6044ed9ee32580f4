/**
 * Target paths on the face, as ordered MediaPipe face-mesh landmark indices. Each path runs in the
 * direction of a correct stroke (its first landmark is where a stroke starts). Sides are the
 * person's own: "right" paths lie on the image's left in an unmirrored camera frame.
 */

/** The person's own side a path is on; "center" for midline paths. */
export type Side = 'left' | 'right' | 'center';

/** A path on one side of the face. */
export interface RegionPath {
  readonly side: Side;
  readonly landmarks: readonly number[];
}

/** A named target region with its stroke path(s). */
export interface Region {
  readonly id: RegionId;
  /** What the region is, in words a person understands. */
  readonly label: string;
  readonly paths: readonly RegionPath[];
}

export type RegionId =
  | 'chin-upward'
  | 'jawline-outward'
  | 'laugh-line-outward'
  | 'brow-outward'
  | 'jaw-to-cheekbone'
  | 'smile-line-upward';

const both = (right: number[], left: number[]): RegionPath[] => [
  { side: 'right', landmarks: right },
  { side: 'left', landmarks: left },
];

/** All target regions by id. Left-side paths use the mesh's mirror counterparts of the right ones. */
export const REGIONS: Readonly<Record<RegionId, Region>> = {
  'chin-upward': {
    id: 'chin-upward',
    label: 'chin, from its underside up to the lower lip',
    paths: [{ side: 'center', landmarks: [152, 199, 200, 18] }],
  },
  'jawline-outward': {
    id: 'jawline-outward',
    label: 'jawline, from the chin out to the ear',
    paths: both(
      [152, 148, 176, 149, 150, 136, 172, 58, 132, 93, 234],
      [152, 377, 400, 378, 379, 365, 397, 288, 361, 323, 454],
    ),
  },
  'laugh-line-outward': {
    id: 'laugh-line-outward',
    label: 'laugh lines, from beside the nose outward over the cheek',
    paths: both([98, 206, 207, 187], [327, 426, 427, 411]),
  },
  'brow-outward': {
    id: 'brow-outward',
    label: 'eyebrow, from its inner end out to its tail',
    paths: both([107, 66, 105, 63, 70], [336, 296, 334, 293, 300]),
  },
  'jaw-to-cheekbone': {
    id: 'jaw-to-cheekbone',
    label: 'side of the face, from the middle of the jaw up to the cheekbone',
    paths: both([172, 187, 117], [397, 411, 346]),
  },
  'smile-line-upward': {
    id: 'smile-line-upward',
    label: 'smile lines, from the mouth corner up to the side of the nose',
    paths: both([61, 186, 98], [291, 410, 327]),
  },
};

/** The sides a region has paths on. */
export function regionSides(region: Region): Side[] {
  return region.paths.map((p) => p.side);
}
