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

/**
 * How a region's landmarks are read: "path" runs from the first landmark to the last in the
 * stroke's direction; "ring" is a closed loop around an area (circles are drawn around its
 * centre); "area" marks where the hands rest (face exercises).
 */
export type RegionShape = 'path' | 'ring' | 'area';

/** A named target region with its stroke path(s). */
export interface Region {
  readonly id: RegionId;
  /** What the region is, in words a person understands. */
  readonly label: string;
  readonly shape: RegionShape;
  readonly paths: readonly RegionPath[];
}

export type RegionId =
  | 'chin-upward'
  | 'jawline-outward'
  | 'laugh-line-outward'
  | 'brow-outward'
  | 'jaw-to-cheekbone'
  | 'smile-line-upward'
  | 'cheek-circle'
  | 'eye-socket-circle'
  | 'lips'
  | 'forehead'
  | 'cheek-outward'
  | 'temples';

const both = (right: number[], left: number[]): RegionPath[] => [
  { side: 'right', landmarks: right },
  { side: 'left', landmarks: left },
];

/** All target regions by id. Left-side paths use the mesh's mirror counterparts of the right ones. */
export const REGIONS: Readonly<Record<RegionId, Region>> = {
  'chin-upward': {
    id: 'chin-upward',
    shape: 'path',
    label: 'chin, from its underside up to the lower lip',
    paths: [{ side: 'center', landmarks: [152, 199, 200, 18] }],
  },
  'jawline-outward': {
    id: 'jawline-outward',
    shape: 'path',
    label: 'jawline, from the chin out to the ear',
    paths: both(
      [152, 148, 176, 149, 150, 136, 172, 58, 132, 93, 234],
      [152, 377, 400, 378, 379, 365, 397, 288, 361, 323, 454],
    ),
  },
  'laugh-line-outward': {
    id: 'laugh-line-outward',
    shape: 'path',
    label: 'laugh lines, from beside the nose outward over the cheek',
    paths: both([98, 206, 207, 187], [327, 426, 427, 411]),
  },
  'brow-outward': {
    id: 'brow-outward',
    shape: 'path',
    label: 'eyebrow, from its inner end out to its tail',
    paths: both([107, 66, 105, 63, 70], [336, 296, 334, 293, 300]),
  },
  'jaw-to-cheekbone': {
    id: 'jaw-to-cheekbone',
    shape: 'path',
    label: 'side of the face, from the middle of the jaw up to the cheekbone',
    paths: both([172, 187, 117], [397, 411, 346]),
  },
  'smile-line-upward': {
    id: 'smile-line-upward',
    shape: 'path',
    label: 'smile lines, from the mouth corner up to the side of the nose',
    paths: both([61, 186, 98], [291, 410, 327]),
  },
  'cheek-circle': {
    id: 'cheek-circle',
    shape: 'ring',
    label: 'cheek, between the cheekbone and the laugh line',
    paths: both([118, 101, 36, 206, 207, 187, 123, 117], [347, 330, 266, 426, 427, 411, 352, 346]),
  },
  'eye-socket-circle': {
    id: 'eye-socket-circle',
    shape: 'ring',
    label: 'bone around the eye, under the brow and along the top of the cheek',
    paths: both(
      // NOTE: on the socket's bony rim: the lower edge of the brow and the top of the cheekbone.
      // The mesh's rings nearer the eye lie on the eyelids, which the step says to keep off.
      [35, 124, 46, 53, 52, 65, 55, 189, 245, 128, 121, 120, 119, 118, 117, 111],
      [265, 353, 276, 283, 282, 295, 285, 413, 465, 357, 350, 349, 348, 347, 346, 340],
    ),
  },
  lips: {
    id: 'lips',
    shape: 'path',
    label: 'top and bottom lip, from corner to corner',
    paths: [
      { side: 'center', landmarks: [61, 185, 40, 39, 37, 0, 267, 269, 270, 409, 291] },
      { side: 'center', landmarks: [61, 146, 91, 181, 84, 17, 314, 405, 321, 375, 291] },
    ],
  },
  forehead: {
    id: 'forehead',
    shape: 'area',
    label: 'top of the forehead, below the hairline',
    paths: [{ side: 'center', landmarks: [103, 67, 109, 10, 338, 297, 332] }],
  },
  temples: {
    id: 'temples',
    shape: 'area',
    label: 'temples, between the outer end of the brow and the hairline',
    paths: both([54, 21, 162], [284, 251, 389]),
  },
  'cheek-outward': {
    id: 'cheek-outward',
    shape: 'path',
    label: 'cheek, from beside the nose out to the ear',
    paths: both([36, 205, 50, 123, 93], [266, 425, 280, 352, 323]),
  },
};
