// Runs the real models on the pictures in ../shared/fixtures and saves one-frame traces under
// tests/data/, so node tests can check geometry on real landmarks.
//   npx tsx scripts/record-fixture-landmarks.ts [picture ...]
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createServer } from 'vite';
import { toTrace } from '../src/core/trace.ts';
import { launchChromium } from '../tests/browser/chromium';

const root = resolve(import.meta.dirname, '..');
const fixtures = resolve(root, '..', 'shared', 'fixtures');
const pictures = process.argv.slice(2).length
  ? process.argv.slice(2)
  : [
      'business_person.png',
      'bg_face_640x480.png',
      'gesture_video_t1.6s.jpg',
      'gesture_video_t2.6s.jpg',
      'hand_thumb_up.jpg',
    ];

const server = await createServer({
  root,
  logLevel: 'error',
  server: { port: 0, fs: { allow: [root, fixtures] } },
});
await server.listen();
const base = server.resolvedUrls?.local[0] ?? '';
const context = await launchChromium();
try {
  const page = await context.newPage();
  page.on('console', (m) => console.log(`[page] ${m.text()}`));
  await page.goto(`${base}tests/harness/record.html`);
  for (const picture of pictures) {
    const result = await page.evaluate(
      (url) => window.recordImage(url),
      `/@fs${join(fixtures, picture)}`,
    );
    const trace = toTrace(result, [{ ...result.frame, t: 0 }]);
    const out = join(root, 'tests', 'data', `${picture.replace(/\.[a-z]+$/, '')}.trace.json`);
    writeFileSync(out, JSON.stringify(trace));
    console.log(
      `${picture}: face ${result.frame.face ? 'yes' : 'no'}, hands ${result.frame.hands.length} -> ${out}`,
    );
  }
} finally {
  await context.close();
  await server.close();
}
