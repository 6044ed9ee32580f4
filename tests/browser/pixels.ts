import { PNG } from 'pngjs';

/** Counts the pixels of a PNG whose colour passes `test`. */
function countPixels(png: Buffer, test: (r: number, g: number, b: number) => boolean): number {
  const image = PNG.sync.read(png);
  let count = 0;
  for (let i = 0; i < image.data.length; i += 4)
    if (test(image.data[i] ?? 0, image.data[i + 1] ?? 0, image.data[i + 2] ?? 0)) count++;
  return count;
}

/** Counts pixels of a PNG that look like the overlay's arrow colours (saturated cyan or green). */
export function countArrowPixels(png: Buffer): number {
  return countPixels(png, (r, g, b) => {
    const cyan = g > 150 && b > 150 && r < 110 && Math.abs(g - b) < 90;
    const green = g > 170 && r < 120 && b < 150;
    return cyan || green;
  });
}

/** Counts pixels of the neutral face's light, unsaturated grey-blue. */
export function countFacePixels(png: Buffer): number {
  return countPixels(
    png,
    (r, g, b) => r > 90 && b > 100 && Math.max(r, g, b) - Math.min(r, g, b) < 60,
  );
}
