// Records a landmark trace of each clip with the real models, through the app's own face and hand
// workers (tests/harness/record-clip.ts): every frame is fed in turn with the timestamp
// frame_index * 1000 / fps and its result awaited, so the trace does not depend on machine load.
// Saves tests/corpus/recorded/<name>.trace.json.gz and <name>.label.json, and prints how often
// the face and the hands were found.
//   npm run record:clips [-- --only name,name] [-- --missing]   (--missing: only clips without a trace)
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import type { TrackedFrame } from '../../src/core/frame.ts';
import { handsFor } from '../../src/core/routine-schema.ts';
import { findRoutine, sessionRoutine } from '../../src/core/routines/index.ts';
import { toTrace } from '../../src/core/trace.ts';
import { buildClip, clipPath } from './make-clips.ts';
import { openModelPage } from './model-page.ts';
import { type ClipPlan, readPlans, SHORT_SET } from './plan.ts';
import { root } from './sources.ts';

/** Hands the app looks for in the plan's step, as it tells the hand model. */
export function handsOf(plan: ClipPlan): number {
  const routine = findRoutine(plan.routine) ?? sessionRoutine(plan.routine);
  const step = routine?.steps.find((s) => s.id === plan.step);
  if (!step) throw new Error(`${plan.name}: unknown step ${plan.routine}/${plan.step}`);
  return handsFor(step);
}

/** Clips recorded right after the quick set: every step, correct and reversed. */
const FIRST = [
  'chin-flicks-correct-open',
  'chin-flicks-reversed-open',
  'cheek-circles-correct-open-both',
  'eye-circles-reversed-open-both',
  'laugh-line-walk-correct-open-both',
  'laugh-line-walk-reversed-open-both',
  'smile-lines-reversed-open-both-head',
  'jaw-to-cheekbone-correct-open',
  'jaw-to-cheekbone-reversed-fist',
  'gua-sha-cheeks-correct-fist',
  'gua-sha-cheeks-reversed-fist-head',
  'cheek-circles-reversed-open-head',
  'eye-circles-correct-open',
];

export const recordedDir = join(root, 'tests', 'corpus', 'recorded');

export interface DetectionStats {
  frames: number;
  /** Share of frames with a face. */
  face: number;
  /** Share of frames with a hand, while the plan has a hand on the skin. */
  handInContact: number;
  /** Share of frames with as many hands as the plan has on the skin. */
  allHandsInContact: number;
  /** Frames with a hand during the lead-in and lead-out, when none is in view. */
  handsWhenNone: number;
}

export function detectionStats(plan: ClipPlan, frames: readonly TrackedFrame[]): DetectionStats {
  let face = 0;
  let contact = 0;
  let seen = 0;
  let allSeen = 0;
  let none = 0;
  const first = Math.min(...plan.strokes.map((s) => s.startMs)) - 1000;
  const last = Math.max(...plan.strokes.map((s) => s.endMs)) + 1000;
  for (const f of frames) {
    if (f.face) face++;
    const touching = plan.strokes.filter((s) => f.t >= s.startMs && f.t <= s.endMs);
    const handsOn = new Set(touching.map((s) => s.handSide)).size;
    if (handsOn > 0) {
      contact++;
      if (f.hands.length > 0) seen++;
      if (f.hands.length >= handsOn) allSeen++;
    }
    if ((f.t < first || f.t > last) && f.hands.length > 0) none++;
  }
  return {
    frames: frames.length,
    face: face / frames.length,
    handInContact: seen / Math.max(1, contact),
    allHandsInContact: allSeen / Math.max(1, contact),
    handsWhenNone: none,
  };
}

/** The label written beside each trace (read by the corpus). */
export function labelOf(plan: ClipPlan) {
  return {
    trace: `${plan.name}.trace.json.gz`,
    clip: plan.name,
    note: `Recorded from the real models on a synthetic fake-camera clip: ${plan.note} (${plan.face} face, ${plan.fps} fps).`,
    routine: plan.routine,
    step: plan.step,
    expect: plan.expect,
    strokes: plan.strokes.map((s) => ({
      side: s.side,
      direction: s.direction,
      startMs: s.startMs,
      endMs: s.endMs,
    })),
  };
}

export async function recordClips(plans: ClipPlan[]): Promise<void> {
  const model = await openModelPage('tests/harness/record-clip.html');
  try {
    for (const plan of plans) {
      await buildClip(plan);
      const started = Date.now();
      const result = await model.page.evaluate(
        ({ url, fps, hands }) => window.recordClip(url, fps, hands),
        { url: model.fileUrl(clipPath(plan.name)), fps: plan.fps, hands: handsOf(plan) },
      );
      const frames: TrackedFrame[] = [];
      for (let i = 0; i < result.frames; i += 200) {
        frames.push(
          ...(await model.page.evaluate(({ a, b }) => window.takeFrames(a, b), { a: i, b: 200 })),
        );
      }
      const trace = toTrace(result, frames);
      const gz = gzipSync(JSON.stringify(trace), { level: 9 });
      writeFileSync(join(recordedDir, `${plan.name}.trace.json.gz`), gz);
      writeFileSync(
        join(recordedDir, `${plan.name}.label.json`),
        `${JSON.stringify(labelOf(plan), null, 2)}\n`,
      );
      const s = detectionStats(plan, frames);
      const pct = (v: number) => `${Math.round(v * 100)}%`;
      console.log(
        `${plan.name}: ${s.frames} frames, face ${pct(s.face)}, hand on skin ${pct(s.handInContact)} (all hands ${pct(s.allHandsInContact)}), hands when none ${s.handsWhenNone}, ${(gz.length / 1024).toFixed(0)} kB, ${((Date.now() - started) / 1000).toFixed(0)} s`,
      );
    }
  } finally {
    await model.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: { only: { type: 'string' }, missing: { type: 'boolean' } },
  });
  const only = values.only?.split(',');
  // Recording is slow on a busy machine: the quick set first, then one clip of each kind, then the rest.
  const order = [...SHORT_SET, ...FIRST];
  const rank = (name: string) => (order.includes(name) ? order.indexOf(name) : order.length);
  // Held-out clips measure the engine live; recorded into the corpus, they would be tuned on.
  const plans = readPlans()
    .filter((p) => !p.heldOut)
    .filter((p) => !only || only.includes(p.name))
    .filter((p) => !values.missing || !existsSync(join(recordedDir, `${p.name}.trace.json.gz`)));
  plans.sort((a, b) => rank(a.name) - rank(b.name));
  await recordClips(plans);
}
