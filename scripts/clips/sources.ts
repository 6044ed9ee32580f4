// The fixture pictures and video frames the clips are built from, and where built files go.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { decode, pushWarp, type Rgba } from './image.ts';

export const root = resolve(import.meta.dirname, '..', '..');
export const fixtures = resolve(root, '..', 'shared', 'fixtures');
/** Built clips, cut-outs and y4m files: git-ignored, rebuilt from the plans. */
export const outDir = join(root, '.clips');
export const plansDir = join(import.meta.dirname, 'plans');
export const calibrationFile = join(import.meta.dirname, 'calibration.json');

export function ensureOutDir(sub = ''): string {
  const dir = join(outDir, sub);
  mkdirSync(dir, { recursive: true });
  return dir;
}

export interface SourceSpec {
  file: string;
  seek?: number;
  vf?: string;
  /** Built from this hand's frame by pushing the thumb tip onto the index tip. */
  pinchOf?: string;
}

/** Face pictures (two different people), framed as the camera would see them. */
export const FACES = {
  // The gesture-video woman, 640x480.
  'bg-face': { file: 'bg_face_640x480.png' },
  // The woman in the suit: cropped to head and shoulders, leaving out her hand with the glasses.
  business: { file: 'business_person.png', vf: 'crop=680:510:140:0,scale=640:480' },
  // The gesture-video woman at 640x360, framed wider.
  'gesture-face': { file: 'gesture_video_t0.2s.jpg' },
} satisfies Record<string, SourceSpec>;

/** Frames the hand cut-outs come from. */
export const HANDS = {
  // An open right hand, palm to the camera.
  open: { file: 'hand_open_palm_640x360.mp4', seek: 5 },
  // A fist with bent knuckles, beside the cheek on a black background.
  fist: { file: 'gesture_face_hand_640x360.mp4', seek: 1.2 },
  // The same fist with the thumb tip pushed onto the curled index finger: a closed pinch.
  pinch: { file: 'gesture_face_hand_640x360.mp4', seek: 1.2, pinchOf: 'fist' },
} satisfies Record<string, SourceSpec>;

export type FaceId = keyof typeof FACES;
export type HandId = keyof typeof HANDS;

/** How far the thumb tip moves toward the index tip for a closed pinch. */
const PINCH_PUSH = 0.75;

/** Loads a source frame; `landmarks` (of the `pinchOf` hand) are needed for pinch frames. */
export function loadSource(spec: SourceSpec, landmarks?: [number, number][]): Rgba {
  const image = decode(join(fixtures, spec.file), spec);
  if (!spec.pinchOf) return image;
  if (!landmarks) throw new Error('a pinch frame needs the landmarks of its hand');
  const p = (i: number) => landmarks[i] as [number, number];
  const palm = Math.hypot(p(0)[0] - p(9)[0], p(0)[1] - p(9)[1]);
  return pushWarp(
    image,
    p(4),
    (p(8)[0] - p(4)[0]) * PINCH_PUSH,
    (p(8)[1] - p(4)[1]) * PINCH_PUSH,
    palm * 0.18,
  );
}
