// Pipeline benchmark: the built app against a naive reference loop (both landmarkers one after
// the other on the main thread, as MediaPipe's web samples do), in the same headless Chromium
// run on the same fake-camera clip. Prints tracked fps, capture-to-feedback latency, main-thread
// long tasks, the CPU time Chromium spends per tracked frame (all its processes, from /proc: what
// the battery pays), JS size and the time from camera permission to the first arrows.
// A second pass measures the two-hand step on a clip with both hands on the face (built from the
// committed plan named by --both, as the live evaluation's clips are).
//   npm run bench:pipeline [-- --seconds 20 --clip <file in ../shared/fixtures> --both <plan>]
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { build, preview } from 'vite';
import { quantile } from '../src/tracking/pipeline-stats.ts';
import { fixturesDir } from '../tests/browser/app-session.ts';
import { launchChromium } from '../tests/browser/chromium.ts';
import { chromiumCpuSeconds, cpuSince } from '../tests/browser/process-cpu.ts';
import { buildClip } from './clips/make-clips.ts';
import { readPlans } from './clips/plan.ts';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '20' },
    clip: { type: 'string', default: 'synthetic_hand_slides_across_face_640x480_15fps.mjpeg' },
    both: { type: 'string', default: 'smile-lines-correct-open-both' },
  },
});
const seconds = Number(values.seconds);
const root = resolve(import.meta.dirname, '..');

interface Run {
  fps: number;
  p50: number;
  p95: number;
  longTasksPerMinute: number;
  longTaskMs: number;
  /** CPU time of all Chromium's processes per tracked frame (ms). */
  cpuMsPerFrame: number;
  /** The same by process type (renderer, gpu-process, browser, utility). */
  cpuMsPerFrameByType: Map<string, number>;
}

/**
 * Measures Chromium's CPU time over a window: call at its start, and the result at its end, with
 * the frames tracked in the window; gives the CPU ms per tracked frame, in all and by process type.
 */
function cpuMeter(): (trackedFrames: number) => {
  cpuMsPerFrame: number;
  cpuMsPerFrameByType: Map<string, number>;
} {
  const before = chromiumCpuSeconds();
  return (trackedFrames) => {
    const perFrame = (seconds: number) =>
      trackedFrames > 0 ? (seconds * 1000) / trackedFrames : Number.NaN;
    const used = cpuSince(before, chromiumCpuSeconds());
    const byType = new Map([...used].map(([type, seconds]) => [type, perFrame(seconds)]));
    return {
      cpuMsPerFrame: perFrame([...used.values()].reduce((a, b) => a + b, 0)),
      cpuMsPerFrameByType: byType,
    };
  };
}

/** Collects main-thread long tasks from page start. */
const observeLongTasks = () => {
  const tasks: { start: number; duration: number }[] = [];
  (window as unknown as { __longTasks: typeof tasks }).__longTasks = tasks;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      tasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
};

async function longTasks(page: Page, since: number, until: number) {
  const tasks = await page.evaluate(
    () => (window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks,
  );
  const inWindow = tasks.filter((t) => t.start >= since && t.start <= until);
  return {
    longTasksPerMinute: (inWindow.length * 60_000) / (until - since),
    longTaskMs: inWindow.reduce((a, t) => a + t.duration, 0),
  };
}

/** The app on one step; its hand model looks for as many hands as the step is done with. */
async function measureApp(page: Page, url: string, deepLink: string): Promise<Run> {
  await page.goto(`${url}${deepLink}`);
  await page.waitForFunction(
    () =>
      (document.querySelector('massage-app')?.pipelineStats?.frameRate(0, performance.now()) ?? 0) >
      0,
    null,
    {
      timeout: 120_000,
    },
  );
  await page.waitForTimeout(3000);
  const since = await page.evaluate(() => performance.now());
  const cpuPerFrame = cpuMeter();
  await page.waitForTimeout(seconds * 1000);
  const { until, fps, latencies, inference, delegate } = await page.evaluate((from) => {
    const stats = document.querySelector('massage-app')?.pipelineStats;
    const now = performance.now();
    return {
      until: now,
      fps: stats?.frameRate(from, now) ?? 0,
      latencies: stats?.latenciesSince(from) ?? [],
      inference: stats?.medianInference,
      delegate: document.querySelector('massage-app')?.trackingDelegate,
    };
  }, since);
  console.log(
    `app ${deepLink}: models on the ${delegate}; median inference in the workers: face ${inference?.face.toFixed(1)} ms, hands ${inference?.hand.toFixed(1)} ms`,
  );
  const cpu = cpuPerFrame(latencies.length);
  return {
    fps,
    p50: quantile(latencies, 0.5),
    p95: quantile(latencies, 0.95),
    ...(await longTasks(page, since, until)),
    ...cpu,
  };
}

/** The naive loop: both tasks on the main thread, in sequence, on every new camera frame. */
const NAIVE_LOOP = `(async () => {
  const shim = { exports: {} };
  window.module = shim;
  window.exports = shim.exports;
  await new Promise((done, fail) => {
    const script = document.createElement('script');
    script.src = '/mediapipe/vision_bundle.js';
    script.onload = done;
    script.onerror = fail;
    document.head.append(script);
  });
  const vision = shim.exports;
  const fileset = { wasmLoaderPath: '/mediapipe/vision_wasm_internal.js', wasmBinaryPath: '/mediapipe/vision_wasm_internal.wasm' };
  const face = await vision.FaceLandmarker.createFromOptions(fileset, {
    baseOptions: { modelAssetPath: '/models/face_landmarker.task', delegate: 'CPU' },
    runningMode: 'VIDEO', numFaces: 1, outputFaceBlendshapes: true, outputFacialTransformationMatrixes: true,
  });
  const hand = await vision.HandLandmarker.createFromOptions(fileset, {
    baseOptions: { modelAssetPath: '/models/hand_landmarker.task', delegate: 'CPU' },
    runningMode: 'VIDEO', numHands: 2,
  });
  const video = document.createElement('video');
  video.muted = true;
  video.srcObject = await navigator.mediaDevices.getUserMedia({ video: { width: 640, height: 480 } });
  await video.play();
  const record = { latencies: [], trackedAt: [] };
  window.__naive = record;
  const onFrame = (now, meta) => {
    const captured = meta.captureTime ?? meta.presentationTime ?? now;
    face.detectForVideo(video, now);
    hand.detectForVideo(video, now);
    const done = performance.now();
    record.latencies.push(done - captured);
    record.trackedAt.push(done);
    video.requestVideoFrameCallback(onFrame);
  };
  video.requestVideoFrameCallback(onFrame);
})()`;

async function measureNaive(page: Page, url: string): Promise<Run> {
  await page.goto(url);
  // NOTE: passed as source text: tsx would wrap named functions in a helper the page lacks.
  await page.evaluate(NAIVE_LOOP);
  await page.waitForTimeout(3000);
  const since = await page.evaluate(() => performance.now());
  const cpuPerFrame = cpuMeter();
  await page.waitForTimeout(seconds * 1000);
  const { until, count, latencies } = await page.evaluate((from) => {
    const r = (window as unknown as { __naive: { latencies: number[]; trackedAt: number[] } })
      .__naive;
    const keep = r.trackedAt.map((t) => t >= from);
    return {
      until: performance.now(),
      count: keep.filter(Boolean).length,
      latencies: r.latencies.filter((_, i) => keep[i]),
    };
  }, since);
  const cpu = cpuPerFrame(count);
  return {
    fps: (count * 1000) / (until - since),
    p50: quantile(latencies, 0.5),
    p95: quantile(latencies, 0.95),
    ...(await longTasks(page, since, until)),
    ...cpu,
  };
}

async function startupMs(page: Page, url: string): Promise<number> {
  const open = async () => {
    await page.goto(`${url}?routine=facegym-daily&step=jawline-glide`);
    await page.waitForFunction(
      () => performance.getEntriesByName('massage:first-arrows').length > 0,
      null,
      { timeout: 120_000 },
    );
    return page.evaluate(() => {
      const granted = performance.getEntriesByName('massage:camera-granted')[0]?.startTime ?? 0;
      const arrows = performance.getEntriesByName('massage:first-arrows')[0]?.startTime ?? 0;
      return arrows - granted;
    });
  };
  await open(); // fills the HTTP cache
  return open();
}

function jsSizes() {
  const assets = join(root, 'dist', 'assets');
  const gz = (file: string) => gzipSync(readFileSync(file)).length;
  const app = readdirSync(assets)
    .filter((f) => f.endsWith('.js'))
    .reduce((a, f) => a + gz(join(assets, f)), 0);
  const mediapipe =
    gz(join(root, 'dist', 'mediapipe', 'vision_bundle.js')) +
    gz(join(root, 'dist', 'mediapipe', 'vision_wasm_internal.js'));
  return { app, mediapipe };
}

const bothPlan = readPlans().find((p) => p.name === values.both);
if (!bothPlan) throw new Error(`no clip plan called ${values.both} in scripts/clips/plans`);
const bothClip = await buildClip(bothPlan);
await build({ logLevel: 'warn' });
const server = await preview({ logLevel: 'warn', preview: { port: 0, host: '127.0.0.1' } });
const url = server.resolvedUrls?.local[0] ?? '';
const byType = (r: Run) =>
  [...r.cpuMsPerFrameByType]
    .filter(([, ms]) => ms >= 0.5)
    .sort((a, b) => b[1] - a[1])
    .map(([type, ms]) => `${type} ${ms.toFixed(0)}`)
    .join(', ');
const row = (name: string, r: Run) =>
  `${name.padEnd(34)}${r.fps.toFixed(1).padStart(8)}${r.p50.toFixed(0).padStart(10)}${r.p95.toFixed(0).padStart(10)}${r.longTasksPerMinute.toFixed(1).padStart(16)}${r.cpuMsPerFrame.toFixed(0).padStart(14)}  (${byType(r)})`;
const header = `${'pipeline'.padEnd(34)}${'fps'.padStart(8)}${'p50 ms'.padStart(10)}${'p95 ms'.padStart(10)}${'long tasks/min'.padStart(16)}${'CPU ms/frame'.padStart(14)}`;

/** Measures app pages at `deepLinks` and the naive loop, one after the other, on `clip`. */
async function measureOn(clip: string, deepLinks: string[]): Promise<{ app: Run[]; naive: Run }> {
  const context = await launchChromium(clip);
  await context.addInitScript(observeLongTasks);
  try {
    const app: Run[] = [];
    for (const deepLink of deepLinks) {
      const page = await context.newPage();
      app.push(await measureApp(page, url, deepLink));
      await page.close();
    }
    const naivePage = await context.newPage();
    const naive = await measureNaive(naivePage, url);
    await naivePage.close();
    return { app, naive };
  } finally {
    await context.close();
  }
}

try {
  const oneHandLink = '?routine=anma&step=jaw-to-cheekbone';
  const twoHandLink = '?routine=facegym-daily&step=jawline-glide';
  const {
    app: [oneHand, twoHands],
    naive,
  } = await measureOn(join(fixturesDir, values.clip ?? ''), [oneHandLink, twoHandLink]);
  const {
    app: [bothHands],
    naive: naiveBoth,
  } = await measureOn(bothClip, [bothPlan.link]);
  if (!oneHand || !twoHands || !bothHands) throw new Error('a pipeline was not measured');
  const startContext = await launchChromium(join(fixturesDir, values.clip ?? ''));
  const startup = await startupMs(await startContext.newPage(), url).finally(() =>
    startContext.close(),
  );
  const sizes = jsSizes();
  console.log(
    `${seconds} s measured per pipeline after 3 s warm-up, Chromium headless, CPU only; CPU ms/frame: all Chromium processes' CPU time per tracked frame`,
  );
  console.log(`clip ${values.clip} (one hand in view):`);
  console.log(header);
  console.log(row('app, one-hand step', oneHand));
  console.log(row('app, two-hand step', twoHands));
  console.log(row('naive main-thread loop', naive));
  console.log(`clip ${values.both} (both hands on the face):`);
  console.log(header);
  console.log(row(`app, ${bothPlan.step}`, bothHands));
  console.log(row('naive main-thread loop', naiveBoth));
  console.log(
    `tracked fps ratio app/naive: ${(oneHand.fps / naive.fps).toFixed(2)} (one-hand step), ${(twoHands.fps / naive.fps).toFixed(2)} (two-hand step, one hand in view), ${(bothHands.fps / naiveBoth.fps).toFixed(2)} (two-hand step, both hands in view)`,
  );
  console.log(
    `main-thread long-task time: app ${oneHand.longTaskMs.toFixed(0)} / ${twoHands.longTaskMs.toFixed(0)} / ${bothHands.longTaskMs.toFixed(0)} ms, naive ${naive.longTaskMs.toFixed(0)} / ${naiveBoth.longTaskMs.toFixed(0)} ms`,
  );
  console.log(
    `JS gzip: app ${(sizes.app / 1024).toFixed(1)} kB, MediaPipe loader and bundle ${(sizes.mediapipe / 1024).toFixed(1)} kB (wasm and models not counted)`,
  );
  console.log(`camera permission to first arrows (warm cache): ${startup.toFixed(0)} ms`);
} finally {
  await server.close();
}
