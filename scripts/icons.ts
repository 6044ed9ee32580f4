// Draws the app's icons (a face outline with a stroke arrow along the jaw) into public/icons/.
//   npx tsx scripts/icons.ts
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';

const out = join(import.meta.dirname, '..', 'public', 'icons');
const BACKGROUND = [11, 16, 23] as const;
const FACE = [184, 196, 208] as const;
const ARROW = [46, 230, 255] as const;

function draw(size: number, maskable: boolean): Buffer {
  const png = new PNG({ width: size, height: size });
  // Maskable icons keep their drawing inside the middle 80% (the safe zone).
  const scale = maskable ? 0.8 : 1;
  const c = size / 2;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const u = (x - c) / (c * scale);
      const v = (y - c) / (c * scale);
      let color: readonly number[] = BACKGROUND;
      let alpha = 255;
      // Rounded square corners are transparent in the plain icon.
      const corner = Math.max(Math.abs(x - c) / c, Math.abs(y - c) / c);
      if (
        !maskable &&
        corner > 0.92 &&
        Math.hypot(Math.abs(x - c) / c - 0.72, Math.abs(y - c) / c - 0.72) > 0.2
      )
        alpha = 0;
      // Face: an egg-shaped ring.
      const face = Math.hypot(u / 0.55, (v + 0.05) / (v > 0 ? 0.72 : 0.66));
      if (face > 0.9 && face < 1.0) color = FACE;
      // The stroke arrow: along the lower right of the face, from the chin up to the ear.
      const angle = Math.atan2(v + 0.05, u);
      const radius = Math.hypot(u / 0.55, (v + 0.05) / 0.72);
      if (radius > 1.08 && radius < 1.2 && angle > 0.1 && angle < 1.4) color = ARROW;
      // Arrow head near the ear.
      const hx = u - 0.6;
      const hy = v + 0.02;
      if (hy < 0.05 && hy > -0.25 && Math.abs(hx) < (hy + 0.25) * 0.7) color = ARROW;
      const i = (y * size + x) * 4;
      png.data[i] = color[0] as number;
      png.data[i + 1] = color[1] as number;
      png.data[i + 2] = color[2] as number;
      png.data[i + 3] = alpha;
    }
  }
  return PNG.sync.write(png);
}

mkdirSync(out, { recursive: true });
for (const size of [192, 512]) {
  writeFileSync(join(out, `icon-${size}.png`), draw(size, false));
  writeFileSync(join(out, `icon-maskable-${size}.png`), draw(size, true));
}
console.log(`icons written to ${out}`);
