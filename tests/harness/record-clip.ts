// Test-only page: runs the app's face and hand workers on every frame of an .mjpeg clip, one frame
// at a time, so the recorded trace is the same on a slow or a busy machine.
import type { FaceObservation, TrackedFrame } from '../../src/core/frame';
import {
  defaultRuntimeUrls,
  LandmarkWorkerClient,
} from '../../src/tracking/landmark-worker-client';
import { FACE_INTERVAL_MS } from '../../src/tracking/tracking-load';

declare global {
  interface Window {
    recordClip(
      url: string,
      fps: number,
      numHands: number,
    ): Promise<{ width: number; height: number; frames: number }>;
    takeFrames(from: number, count: number): TrackedFrame[];
  }
}

/** As in the app's tracker: a face older than this is not carried forward. */
const FACE_MAX_AGE_MS = 400;

let recorded: TrackedFrame[] = [];

/** Splits an .mjpeg (concatenated JPEGs) at each end-of-image marker, which cannot occur inside a JPEG's data. */
function splitJpegs(bytes: Uint8Array): Uint8Array[] {
  const out: Uint8Array[] = [];
  let start = 0;
  for (let i = 0; i + 1 < bytes.length; i++) {
    if (bytes[i] === 0xff && bytes[i + 1] === 0xd9) {
      out.push(bytes.subarray(start, i + 2));
      start = i + 2;
    }
  }
  return out;
}

window.recordClip = async (url, fps, numHands) => {
  const urls = defaultRuntimeUrls(new URL('/', location.href).href);
  const [face, hand] = await Promise.all([
    LandmarkWorkerClient.create('face', urls),
    LandmarkWorkerClient.create('hand', urls, numHands),
  ]);
  try {
    const jpegs = splitJpegs(new Uint8Array(await (await fetch(url)).arrayBuffer()));
    recorded = [];
    let size = { width: 0, height: 0 };
    let lastFace: FaceObservation | null = null;
    let faceT = -Infinity;
    for (let i = 0; i < jpegs.length; i++) {
      const t = (i * 1000) / fps;
      const bitmap = await createImageBitmap(
        new Blob([jpegs[i] as Uint8Array<ArrayBuffer>], { type: 'image/jpeg' }),
      );
      size = { width: bitmap.width, height: bitmap.height };
      // The face model runs at the app's rate (every FACE_INTERVAL_MS), the hand model on every frame.
      const faceDue = t - faceT >= FACE_INTERVAL_MS;
      const [faceResult, handResult] = await Promise.all([
        faceDue ? face.detect(await createImageBitmap(bitmap), t) : null,
        hand.detect(bitmap, t),
      ]);
      if (faceResult) {
        lastFace = faceResult.faces[0] ?? null;
        faceT = t;
      }
      recorded.push({
        t,
        face: t - faceT <= FACE_MAX_AGE_MS ? lastFace : null,
        hands: handResult.hands,
      });
    }
    return { ...size, frames: recorded.length };
  } finally {
    face.dispose();
    hand.dispose();
  }
};

window.takeFrames = (from, count) => recorded.slice(from, from + count);
