// Live evaluation: the built app, in headless Chromium, watches each clip through the fake camera
// (a .y4m, so it plays at the clip's real rate) at the clip's step, and we count the verdicts it
// gives in one pass of the clip against the strokes the plan says were made.
//   npm run eval:live [-- --short] [-- --only name,name]      (EVAL_LIVE_SHORT=1 works too)
import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { build, preview } from 'vite';
import { SETTLE_MS } from '../../src/core/framing.ts';
import type { StrokeOverlay } from '../../src/overlay/stroke-overlay.ts';
import { openApp } from '../../tests/browser/app-session.ts';
import { RendererThrottle } from '../../tests/browser/cpu-throttle.ts';
import { chromiumCpuSeconds, cpuSince } from '../../tests/browser/process-cpu.ts';
import { buildClip } from './make-clips.ts';
import { type ClipPlan, LEAD_MS, readPlans, SHORT_SET } from './plan.ts';
import { ensureOutDir } from './sources.ts';

export interface LiveResult {
  name: string;
  expect: ClipPlan['expect'];
  /** Made after the rules, never tuned on (see ClipPlan.heldOut). */
  heldOut: boolean;
  strokes: number;
  good: number;
  wrong: number;
  /** Other verdicts, by kind. */
  other: Record<string, number>;
  completed: boolean;
  /** Camera frames the app tracked during the pass. */
  framesTracked: number;
  /** From opening the camera to the first tracked frame. */
  loadMs: number;
  /** Which pass of the looping clip was counted (1 unless loading outlasted the lead-in). */
  pass: number;
  /** CPU seconds Chromium used during the pass, by process type. */
  cpu: Map<string, number>;
  /** Length of the pass (ms). */
  passMs: number;
  /** The lowest tracking quality the app went to during the pass (levels below full). */
  lowestQuality: number;
  /** The overlay's lowest pixels per CSS pixel during the pass (read once a second). */
  lowestPixelRatio: number;
}

/** How to run a clip. */
export interface EvalOptions {
  /** Slows the page this many times, workers included (see {@link RendererThrottle}), as a slow device. */
  readonly cpuThrottle?: number;
  /** How long the clip's first frame is held before it plays (ms; {@link LIVE_LEAD_MS} if not said). */
  readonly leadMs?: number;
}

/** Time after the pass during which results still count: the clip's last seconds hold no hand. */
const TAIL_MS = 2000;
/** Room, beyond the camera check's second, for its frames to arrive on a slow machine. */
const CHECK_MARGIN_MS = 500;

/**
 * The clip's first frame (a face, no hand) is held this long before the clip plays: model loading
 * and the camera check (a second of holding still) happen there, as a person's would before the
 * first stroke, so the first pass of the clip is the one counted. Loading took up to 7.6 s on
 * this 2-core machine while another job ran.
 */
export const LIVE_LEAD_MS = 10_000;

/** The .y4m for Chromium's fake camera: uncompressed, so made when needed and removed after. */
function makeY4m(plan: ClipPlan, mjpeg: string, leadMs: number): string {
  const out = join(ensureOutDir('live'), `${plan.name}.y4m`);
  execFileSync('ffmpeg', [
    '-loglevel',
    'error',
    '-y',
    '-framerate',
    String(plan.fps),
    '-i',
    mjpeg,
    '-vf',
    `tpad=start_duration=${leadMs / 1000}:start_mode=clone`,
    '-pix_fmt',
    'yuv420p',
    '-f',
    'yuv4mpegpipe',
    out,
  ]);
  return out;
}

/** Runs one clip through the app served at `appUrl`. */
export async function evalClip(
  appUrl: string,
  plan: ClipPlan,
  options: EvalOptions = {},
): Promise<LiveResult> {
  const leadMs = options.leadMs ?? LIVE_LEAD_MS;
  const y4m = makeY4m(plan, await buildClip(plan), leadMs);
  const session = await openApp(appUrl, plan.link, y4m);
  let throttle: RendererThrottle | undefined;
  try {
    if (options.cpuThrottle) {
      throttle = new RendererThrottle(session.context, options.cpuThrottle);
      throttle.start();
    }
    // The fake camera starts its file when the app opens the camera: that is time 0 of the pass.
    const deadline = Date.now() + 30_000;
    while (
      !(await session.page.evaluate(
        () => (window as unknown as { __cameraStreams?: unknown[] }).__cameraStreams?.length ?? 0,
      ))
    ) {
      if (Date.now() > deadline) throw new Error(`${plan.name}: the app never opened the camera`);
      await session.page.waitForTimeout(50);
    }
    const cameraAt = Date.now();
    // Events carry no time, so note when each arrives (polled every 100 ms).
    const arrived: { type: string; detail: Record<string, unknown>; at: number }[] = [];
    const seen: Record<string, number> = {};
    const poll = () => {
      for (const [type, list] of Object.entries(session.events)) {
        for (let i = seen[type] ?? 0; i < list.length; i++) {
          arrived.push({ type, detail: list[i] as Record<string, unknown>, at: Date.now() });
        }
        seen[type] = list.length;
      }
    };
    // The pass counted is the first one whose first stroke comes after the models track and the
    // camera check has passed; normally the first, as the held lead-in covers both, but a busy
    // machine loads the models more slowly. A later pass follows a first one partly counted.
    while (!arrived.some((e) => e.type === 'massage-tracking')) {
      if (Date.now() > cameraAt + 120_000) throw new Error(`${plan.name}: no tracking after 2 min`);
      await session.page.waitForTimeout(100);
      poll();
    }
    const trackingAt = arrived.find((e) => e.type === 'massage-tracking')?.at ?? cameraAt;
    const loopMs = leadMs + plan.durationMs;
    // Hands come into view once the clip's own hand-free lead-in is over.
    const firstStrokeMs = leadMs + LEAD_MS;
    const readyMs = trackingAt - cameraAt + SETTLE_MS + CHECK_MARGIN_MS;
    const pass = Math.max(0, Math.ceil((readyMs - firstStrokeMs) / loopMs));
    const start = cameraAt + pass * loopMs + leadMs;
    const end = start + plan.durationMs + TAIL_MS;
    while (Date.now() < start) {
      await session.page.waitForTimeout(20);
      poll();
    }
    const cpuAtStart = chromiumCpuSeconds();
    const overlayPixelRatio = () =>
      session.page
        .locator('stroke-overlay')
        .evaluate((overlay) => (overlay as StrokeOverlay).pixelRatio);
    let lowestPixelRatio = await overlayPixelRatio();
    for (let i = 0; Date.now() < end; i++) {
      await session.page.waitForTimeout(100);
      poll();
      if (i % 10 === 9) lowestPixelRatio = Math.min(lowestPixelRatio, await overlayPixelRatio());
    }
    const cpu = cpuSince(cpuAtStart, chromiumCpuSeconds());
    const doneBefore = arrived.some(
      (e) => e.type === 'massage-step-complete' && e.detail.step === plan.step && e.at < start,
    );
    if (doneBefore)
      throw new Error(
        `${plan.name}: the models were ready only ${((trackingAt - cameraAt) / 1000).toFixed(1)} s after the camera opened, and the step was completed in a pass partly counted; the machine is too busy for a clean pass`,
      );
    // The frames the app tracked, kept for replaying offline (npm run replay).
    const trace = await session.page.evaluate(
      () => document.querySelector('massage-app')?.landmarkTrace() ?? null,
    );
    if (trace)
      writeFileSync(join(ensureOutDir('live'), `${plan.name}.trace.json`), JSON.stringify(trace));
    const inPass = arrived.filter((e) => e.at >= start && e.at <= end);
    const strokes = inPass.filter(
      (e) => e.type === 'massage-stroke' && e.detail.step === plan.step,
    );
    const other: Record<string, number> = {};
    for (const e of strokes) {
      const verdict = String(e.detail.verdict);
      if (verdict !== 'good' && verdict !== 'wrong-direction')
        other[verdict] = (other[verdict] ?? 0) + 1;
    }
    const tracking = inPass.filter((e) => e.type === 'massage-tracking');
    const tracked = (e: (typeof tracking)[number] | undefined) =>
      Number(e?.detail.framesTracked ?? 0);
    return {
      name: plan.name,
      expect: plan.expect,
      heldOut: plan.heldOut === true,
      strokes: plan.strokes.length,
      good: strokes.filter((e) => e.detail.verdict === 'good').length,
      wrong: strokes.filter((e) => e.detail.verdict === 'wrong-direction').length,
      other,
      completed: inPass.some(
        (e) => e.type === 'massage-step-complete' && e.detail.step === plan.step,
      ),
      framesTracked: tracked(tracking.at(-1)) - tracked(tracking[0]),
      loadMs: trackingAt - cameraAt,
      pass: pass + 1,
      cpu,
      passMs: end - start,
      lowestQuality: Math.max(0, ...tracking.map((e) => Number(e.detail.qualityLevel ?? 0))),
      lowestPixelRatio,
    };
  } finally {
    throttle?.stop();
    await session.close();
    rmSync(y4m, { force: true });
  }
}

export function formatResult(r: LiveResult): string {
  const other = Object.entries(r.other)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  const seconds = r.passMs / 1000;
  const cpu = [...r.cpu]
    .filter(([, s]) => s > 0.05)
    .sort((a, b) => b[1] - a[1])
    .map(([type, s]) => `${type} ${Math.round((100 * s) / seconds)}%`)
    .join(', ');
  return [
    r.name.padEnd(38),
    `${r.expect.padEnd(8)}`,
    `strokes ${String(r.strokes).padStart(2)}`,
    `good ${String(r.good).padStart(2)}`,
    `wrong-direction ${String(r.wrong).padStart(2)}`,
    `other ${other || '-'}`,
    `complete ${r.completed ? 'yes' : 'no'}`,
    `(${r.framesTracked} frames tracked, ${(r.framesTracked / seconds).toFixed(1)} a second${r.lowestQuality ? `, quality down to level ${r.lowestQuality}` : ''}, models ready after ${(r.loadMs / 1000).toFixed(1)} s${r.pass > 1 ? `, pass ${r.pass} counted` : ''}; Chromium CPU: ${cpu || '-'})`,
  ].join('  ');
}

/** Whether a clip's result is what the plan expects (the browser test's rule). */
export function meetsExpectation(r: LiveResult): boolean {
  if (r.expect === 'reversed') return r.good === 0;
  const bad = r.wrong + Object.values(r.other).reduce((a, b) => a + b, 0);
  return r.completed && bad <= Math.floor(r.strokes / 10);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      short: { type: 'boolean' },
      only: { type: 'string' },
      'held-out': { type: 'boolean' },
    },
  });
  const short = values.short || process.env.EVAL_LIVE_SHORT === '1';
  const only = values.only?.split(',') ?? (short ? SHORT_SET : undefined);
  const plans = readPlans()
    .filter((p) => !only || only.includes(p.name))
    .filter((p) => !values['held-out'] || p.heldOut);
  await build({ logLevel: 'warn' });
  const server = await preview({ logLevel: 'warn', preview: { port: 0, host: '127.0.0.1' } });
  const url = server.resolvedUrls?.local[0] ?? '';
  const results: LiveResult[] = [];
  try {
    for (const plan of plans) {
      const result = await evalClip(url, plan);
      results.push(result);
      console.log(formatResult(result));
    }
  } finally {
    await server.close();
  }
  const sum = (f: (r: LiveResult) => number, rs = results) => rs.reduce((a, r) => a + f(r), 0);
  const otherTotal: Record<string, number> = {};
  for (const r of results)
    for (const [k, v] of Object.entries(r.other)) otherTotal[k] = (otherTotal[k] ?? 0) + v;
  for (const heldOut of [false, true])
    for (const expect of ['correct', 'reversed'] as const) {
      const rs = results.filter((r) => r.expect === expect && r.heldOut === heldOut);
      if (!rs.length) continue;
      console.log(
        `total ${heldOut ? 'held-out ' : ''}${expect}: ${rs.length} clips, strokes ${sum((r) => r.strokes, rs)}, good ${sum((r) => r.good, rs)}, wrong-direction ${sum((r) => r.wrong, rs)}, other ${sum((r) => Object.values(r.other).reduce((a, b) => a + b, 0), rs)}, completed ${rs.filter((r) => r.completed).length}/${rs.length}, as expected ${rs.filter(meetsExpectation).length}/${rs.length}`,
      );
    }
  console.log(
    `other verdicts: ${
      Object.entries(otherTotal)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ') || '-'
    }`,
  );
}
