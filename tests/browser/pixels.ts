import { PNG } from 'pngjs';

/** Counts pixels of a PNG that look like the overlay's arrow colours (saturated cyan or green). */
export function countArrowPixels(png: Buffer): number {
  const image = PNG.sync.read(png);
  let count = 0;
  for (let i = 0; i < image.data.length; i += 4) {
    const r = image.data[i] ?? 0;
    const g = image.data[i + 1] ?? 0;
    const b = image.data[i + 2] ?? 0;
    const cyan = g > 150 && b > 150 && r < 110 && Math.abs(g - b) < 90;
    const green = g > 170 && r < 120 && b < 150;
    if (cyan || green) count++;
  }
  return count;
}

/** Counts pixels of the neutral face's light, unsaturated grey-blue. */
export function countFacePixels(png: Buffer): number {
  const image = PNG.sync.read(png);
  let count = 0;
  for (let i = 0; i < image.data.length; i += 4) {
    const r = image.data[i] ?? 0;
    const g = image.data[i + 1] ?? 0;
    const b = image.data[i + 2] ?? 0;
    if (r > 90 && b > 100 && Math.max(r, g, b) - Math.min(r, g, b) < 60) count++;
  }
  return count;
}
