// Soak test: the built app runs one live session on Chromium's fake camera for a long time and
// prints, every interval, the page's JS heap, the overlay's GPU resources, the models' inference
// time and the tracked frame rate, then how much each grew from the first to the last quarter.
// Not part of CI (it runs for half an hour).
//   npx tsx scripts/soak.ts [-- --minutes 30 --every 60 --clip <file in ../shared/fixtures>]
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { build, preview } from 'vite';
import { fixturesDir } from '../tests/browser/app-session.ts';
import { launchChromium } from '../tests/browser/chromium.ts';

const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: '30' },
    every: { type: 'string', default: '60' },
    clip: { type: 'string', default: 'gesture_face_hand_640x360_15fps.mjpeg' },
  },
});
const minutes = Number(values.minutes);
const everyMs = Number(values.every) * 1000;

interface Sample {
  minute: number;
  heapMb: number;
  geometries: number;
  textures: number;
  faceMs: number;
  handMs: number;
  fps: number;
  recordedMb: number;
}

await build({ logLevel: 'warn' });
const server = await preview({ logLevel: 'warn', preview: { port: 0, host: '127.0.0.1' } });
const url = server.resolvedUrls?.local[0];
if (!url) throw new Error('The preview server did not report its address.');
const context = await launchChromium(join(fixturesDir, values.clip));
try {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(`${url}?routine=facegym-daily&step=jawline-glide`);
  await page.waitForFunction(
    () =>
      (document.querySelector('massage-app')?.pipelineStats?.frameRate(0, performance.now()) ?? 0) >
      0,
    undefined,
    { timeout: 180_000 },
  );
  const started = Date.now();
  const samples: Sample[] = [];
  console.log('minute  heap MB  geometries  textures  face ms  hand ms  fps  recording MB');
  while (Date.now() - started <= minutes * 60_000) {
    await cdp.send('HeapProfiler.collectGarbage');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const heap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
    const app = await page.evaluate(() => {
      const app = document.querySelector('massage-app');
      const overlay = app?.shadowRoot
        ?.querySelector('session-view')
        ?.shadowRoot?.querySelector('stroke-overlay');
      const stats = app?.pipelineStats;
      const now = performance.now();
      return {
        gpu: overlay?.gpuResources ?? { geometries: 0, textures: 0 },
        inference: stats?.medianInference ?? { face: 0, hand: 0 },
        fps: stats?.frameRate(now - 10_000, now) ?? 0,
        recorded: app?.recordingBytes ?? 0,
      };
    });
    const sample: Sample = {
      minute: (Date.now() - started) / 60_000,
      heapMb: heap / 1e6,
      geometries: app.gpu.geometries,
      textures: app.gpu.textures,
      faceMs: app.inference.face,
      handMs: app.inference.hand,
      fps: app.fps,
      recordedMb: app.recorded / 1e6,
    };
    samples.push(sample);
    console.log(
      [
        sample.minute.toFixed(1).padStart(6),
        sample.heapMb.toFixed(1).padStart(8),
        String(sample.geometries).padStart(11),
        String(sample.textures).padStart(9),
        sample.faceMs.toFixed(0).padStart(8),
        sample.handMs.toFixed(0).padStart(8),
        sample.fps.toFixed(1).padStart(4),
        sample.recordedMb.toFixed(1).padStart(13),
      ].join(' '),
    );
    await page.waitForTimeout(everyMs);
  }
  const quarter = Math.max(1, Math.floor(samples.length / 4));
  const mean = (list: Sample[], key: keyof Sample) =>
    list.reduce((sum, s) => sum + s[key], 0) / list.length;
  const first = samples.slice(0, quarter);
  const last = samples.slice(-quarter);
  console.log('\nfirst quarter → last quarter (means)');
  for (const key of [
    'heapMb',
    'geometries',
    'textures',
    'faceMs',
    'handMs',
    'fps',
    'recordedMb',
  ] as const)
    console.log(
      `  ${key.padEnd(11)} ${mean(first, key).toFixed(1)} → ${mean(last, key).toFixed(1)}`,
    );
} finally {
  await context.close();
  await server.close();
}
