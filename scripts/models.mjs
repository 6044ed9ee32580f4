#!/usr/bin/env node
// Fills models/ with the MediaPipe model bundles and checks each against models/manifest.json.
// Source order: $MODELS_DIR, then ../shared/models, then Google's model storage.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFaceMesh } from './face-mesh.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const modelsDir = join(root, 'models');
const manifest = JSON.parse(await readFile(join(modelsDir, 'manifest.json'), 'utf8'));

function sha256(buffer) {
  return createHash('sha256').update(buffer).digest('hex');
}

function pickSourceDir() {
  if (process.env.MODELS_DIR) return resolve(process.env.MODELS_DIR);
  const shared = resolve(root, '..', 'shared', 'models');
  return existsSync(shared) ? shared : null;
}

async function fetchBytes(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`);
  return Buffer.from(await response.arrayBuffer());
}

async function ensure(file, sourceDir) {
  const target = join(modelsDir, file.name);
  if (existsSync(target) && file.sha256.includes(sha256(await readFile(target)))) {
    return `${file.name}: up to date`;
  }
  let bytes;
  let source;
  if (sourceDir) {
    source = join(sourceDir, file.name);
    if (!existsSync(source)) throw new Error(`${file.name}: not found in ${sourceDir}`);
    bytes = await readFile(source);
  } else {
    source = file.url;
    try {
      bytes = await fetchBytes(file.url);
    } catch (error) {
      throw new Error(`${file.name}: download from ${file.url} failed: ${error.message}`);
    }
  }
  const actual = sha256(bytes);
  if (!file.sha256.includes(actual)) {
    throw new Error(
      `${file.name}: checksum mismatch for ${source}\n  expected: ${file.sha256.join(' or ')}\n  actual:   ${actual}`,
    );
  }
  const partial = `${target}.partial`;
  if (sourceDir) await copyFile(source, partial);
  else await writeFile(partial, bytes);
  await rename(partial, target);
  return `${file.name}: copied from ${source}`;
}

const sourceDir = pickSourceDir();
try {
  for (const file of manifest.files) console.log(`models: ${await ensure(file, sourceDir)}`);
  // The neutral face of the demo and mannequin views is drawn with the face model's own mesh.
  const triangles = await writeFaceMesh(
    join(modelsDir, 'face_landmarker.task'),
    join(modelsDir, 'face-mesh.json'),
  );
  console.log(`models: face-mesh.json: ${triangles} triangles of the canonical face mesh`);
} catch (error) {
  console.error(`models: ${error.message}`);
  process.exit(1);
}
