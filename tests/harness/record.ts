// Test-only page: runs the app's real tracker on a picture and hands the frame to Playwright.
import type { TrackedFrame } from '../../src/core/frame';
import { defaultRuntimeUrls } from '../../src/tracking/landmark-worker-client';
import { Tracker } from '../../src/tracking/tracker';

declare global {
  interface Window {
    recordImage(url: string): Promise<{ width: number; height: number; frame: TrackedFrame }>;
  }
}

let tracker: Promise<Tracker> | null = null;
let clock = 0;

window.recordImage = async (url: string) => {
  tracker ??= Tracker.create(defaultRuntimeUrls(new URL('/', location.href).href));
  const image = new Image();
  image.src = url;
  await image.decode();
  const bitmap = await createImageBitmap(image);
  const t = await tracker;
  // A still picture tracked as a short video: later frames refine the landmarks, and the face
  // (which runs at a lower rate) is carried into the hand frames.
  let frame: TrackedFrame | null = null;
  for (let i = 0; i < 6; i++) {
    clock += 100;
    const next = new Promise<TrackedFrame>((resolve, reject) =>
      t.listen((f) => resolve(f), reject),
    );
    t.offer(bitmap, clock, clock);
    frame = await next;
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  if (!frame) throw new Error('nothing tracked');
  return { width: bitmap.width, height: bitmap.height, frame };
};
