import type { FrameSize, Point3 } from './frame';

/** Hand signs the coach takes as commands when held still away from the face. */
export type HandGesture = 'open-palm' | 'thumbs-up' | 'victory';

/** [pip, tip] landmark indices of the four fingers: index, middle, ring, little. */
const FINGERS = [
  [6, 8],
  [10, 12],
  [14, 16],
  [18, 20],
] as const;
const WRIST = 0;
const MIDDLE_MCP = 9;
const INDEX_MCP = 5;
const THUMB_MCP = 2;
const THUMB_TIP = 4;

/** A finger whose tip is this much farther from the wrist than its middle joint is straight. */
const EXTENDED_RATIO = 1.12;
/** A finger whose tip is no farther from the wrist than this (times its middle joint) is curled. */
const CURLED_RATIO = 0.98;
/** A thumb reaching this far from the index knuckle (in palm lengths) sticks out. */
const THUMB_OUT = 0.75;
/** How upright a thumb must point for a thumbs-up (cosine with the image's up). */
const THUMB_UP_COS = 0.7;

/** How a finger is held: straight, curled into the palm, or in between. */
export type FingerState = 'extended' | 'curled' | 'between';

/**
 * The state of the four fingers (index to little) from 2D landmark positions, in pixels so that
 * the frame's aspect ratio does not bend the hand. Works whichever way the hand points.
 */
export function fingerStates(hand: readonly Point3[], size: FrameSize): FingerState[] | null {
  const wrist = hand[WRIST];
  if (!wrist || hand.length < 21) return null;
  return FINGERS.map(([pip, tip]) => {
    const ratio =
      distance(hand[tip] as Point3, wrist, size) / distance(hand[pip] as Point3, wrist, size);
    return ratio >= EXTENDED_RATIO ? 'extended' : ratio <= CURLED_RATIO ? 'curled' : 'between';
  });
}

/** The sign a hand makes, or null when it makes none clearly. */
export function classifyGesture(hand: readonly Point3[], size: FrameSize): HandGesture | null {
  const fingers = fingerStates(hand, size);
  if (!fingers) return null;
  const [index, middle, ring, little] = fingers;
  if (fingers.every((f) => f === 'extended')) return 'open-palm';
  if (index === 'extended' && middle === 'extended' && ring === 'curled' && little === 'curled')
    return 'victory';
  if (fingers.every((f) => f === 'curled') && thumbPointsUp(hand, size)) return 'thumbs-up';
  return null;
}

/** Whether the thumb sticks out of the fist and points up in the image. */
function thumbPointsUp(hand: readonly Point3[], size: FrameSize): boolean {
  const [wrist, middle, indexMcp, thumbMcp, thumbTip] = [
    hand[WRIST],
    hand[MIDDLE_MCP],
    hand[INDEX_MCP],
    hand[THUMB_MCP],
    hand[THUMB_TIP],
  ] as Point3[];
  const palm = distance(wrist as Point3, middle as Point3, size);
  if (palm === 0 || distance(thumbTip as Point3, indexMcp as Point3, size) < THUMB_OUT * palm)
    return false;
  const dx = ((thumbTip as Point3)[0] - (thumbMcp as Point3)[0]) * size.width;
  const dy = ((thumbTip as Point3)[1] - (thumbMcp as Point3)[1]) * size.height;
  const length = Math.hypot(dx, dy);
  return length > 0 && -dy / length >= THUMB_UP_COS;
}

function distance(a: Point3, b: Point3, size: FrameSize): number {
  return Math.hypot((a[0] - b[0]) * size.width, (a[1] - b[1]) * size.height);
}
