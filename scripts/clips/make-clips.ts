// Builds the fake-camera clips from their plans (plans/*.json) into .clips/<name>.mjpeg, skipping
// clips that are already there; then, with --record, records a trace of each (record-clips.ts).
//   npm run clips [-- --force] [-- --only name,name] [-- --preview name@ms] [-- --record]
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { writePng } from './image.ts';
import { type ClipPlan, readPlans } from './plan.ts';
import { ClipRenderer, renderClip } from './render.ts';
import { calibrationFile, ensureOutDir } from './sources.ts';

export function clipPath(name: string): string {
  return join(ensureOutDir(), `${name}.mjpeg`);
}

/** Builds every clip of `plans` that is missing or older than its plan; returns their paths. */
export async function buildClips(plans: ClipPlan[], force = false): Promise<string[]> {
  const paths: string[] = [];
  for (const plan of plans) {
    paths.push(await buildClip(plan, force));
  }
  return paths;
}

/** Builds one clip if it is missing or its plan or the calibration changed; returns its path. */
export async function buildClip(plan: ClipPlan, force = false): Promise<string> {
  const out = clipPath(plan.name);
  // A content hash, not file times: rewriting an unchanged plan must not rebuild its clip.
  // (After changing the renderer itself, rebuild with --force.)
  const hash = createHash('sha256')
    .update(JSON.stringify(plan))
    .update(readFileSync(calibrationFile))
    .digest('hex');
  const hashFile = `${out}.sha256`;
  const fresh = existsSync(out) && existsSync(hashFile) && readFileSync(hashFile, 'utf8') === hash;
  if (force || !fresh) {
    const started = Date.now();
    const frames = await renderClip(plan, out);
    writeFileSync(hashFile, hash);
    console.log(
      `${plan.name}: ${frames} frames at ${plan.fps} fps (${((Date.now() - started) / 1000).toFixed(1)} s)`,
    );
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      force: { type: 'boolean' },
      only: { type: 'string' },
      preview: { type: 'string', multiple: true },
      record: { type: 'boolean' },
    },
  });
  const only = values.only?.split(',');
  const plans = readPlans().filter((p) => !only || only.includes(p.name));
  if (values.preview) {
    for (const item of values.preview) {
      const [name, ms] = item.split('@');
      const plan = readPlans().find((p) => p.name === name);
      if (!plan) throw new Error(`no plan ${name}`);
      const out = join(ensureOutDir('preview'), `${name}@${ms}.png`);
      writePng(new ClipRenderer(plan).render(Number(ms)), out);
      console.log(out);
    }
  } else {
    await buildClips(plans, values.force);
    if (values.record) {
      const { recordClips } = await import('./record-clips.ts');
      await recordClips(plans);
    }
  }
}
