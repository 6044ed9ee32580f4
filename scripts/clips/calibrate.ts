// Runs the real models once on the face pictures and hand frames the clips are built from, and
// saves their landmarks (pixels) to calibration.json: the clip builder places hands by them, so
// building clips later needs only ffmpeg, not a browser.
//   npx tsx scripts/clips/calibrate.ts [--probe]   (--probe: try several hand frames, print, save nothing)
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writePng } from './image.ts';
import { openModelPage } from './model-page.ts';
import {
  calibrationFile,
  ensureOutDir,
  FACES,
  HANDS,
  loadSource,
  type SourceSpec,
} from './sources.ts';

const probe = process.argv.includes('--probe');
const dir = ensureOutDir('calibrate');
const model = await openModelPage('tests/harness/record.html');

async function landmarks(name: string, spec: SourceSpec, base?: [number, number][]) {
  const image = loadSource(spec, base);
  const path = join(dir, `${name}.png`);
  writePng(image, path);
  const { frame } = await model.page.evaluate(
    (url) => window.recordImage(url),
    model.fileUrl(path),
  );
  const px = (p: readonly number[]) =>
    [
      Math.round((p[0] ?? 0) * image.width * 100) / 100,
      Math.round((p[1] ?? 0) * image.height * 100) / 100,
    ] as [number, number];
  return {
    width: image.width,
    height: image.height,
    face: frame.face ? frame.face.landmarks.map(px) : null,
    hands: frame.hands.map((h) => ({ handedness: h.handedness, landmarks: h.landmarks.map(px) })),
  };
}

function describe(name: string, r: Awaited<ReturnType<typeof landmarks>>) {
  const hand = r.hands[0]?.landmarks;
  let gap = '';
  if (hand) {
    const d = (a: number, b: number) =>
      Math.hypot(
        (hand[a]?.[0] ?? 0) - (hand[b]?.[0] ?? 0),
        (hand[a]?.[1] ?? 0) - (hand[b]?.[1] ?? 0),
      );
    gap = ` palm ${d(0, 9).toFixed(1)}px, thumb-index ${(d(4, 8) / d(0, 9)).toFixed(2)} palms`;
  }
  console.log(`${name}: face ${r.face ? 'yes' : 'no'}, hands ${r.hands.length}${gap}`);
}

try {
  if (probe) {
    for (const [file, seeks] of [
      ['hand_open_palm_640x360.mp4', [3, 4, 5, 6, 7]],
      ['gesture_face_hand_640x360.mp4', [1.0, 1.1, 1.2, 1.3, 1.4, 1.6]],
    ] as const) {
      for (const seek of seeks)
        describe(`${file}@${seek}`, await landmarks('probe', { file, seek }));
    }
  } else {
    const faces: Record<string, unknown> = {};
    for (const [id, spec] of Object.entries(FACES)) {
      const r = await landmarks(`face-${id}`, spec);
      describe(id, r);
      if (!r.face) throw new Error(`no face found in ${id}`);
      faces[id] = { width: r.width, height: r.height, landmarks: r.face };
    }
    const hands: Record<string, { handedness: string; landmarks: [number, number][] }> = {};
    for (const [id, spec] of Object.entries(HANDS) as [string, SourceSpec][]) {
      const base = spec.pinchOf ? hands[spec.pinchOf]?.landmarks : undefined;
      const r = await landmarks(`hand-${id}`, spec, base);
      describe(id, r);
      const hand = r.hands[0];
      if (!hand) throw new Error(`no hand found in ${id}`);
      hands[id] = { handedness: hand.handedness, landmarks: hand.landmarks };
    }
    writeFileSync(calibrationFile, `${JSON.stringify({ faces, hands })}\n`);
    execFileSync('npx', ['biome', 'format', '--write', calibrationFile], { stdio: 'inherit' });
    console.log(`saved ${calibrationFile}`);
  }
} finally {
  await model.close();
}
