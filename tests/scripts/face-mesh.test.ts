import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalTriangles, zipEntry } from '../../scripts/face-mesh.mjs';

const task = new Uint8Array(
  readFileSync(join(import.meta.dirname, '..', '..', 'models', 'face_landmarker.task')),
);

describe('the canonical face mesh read from the face landmarker bundle', () => {
  it('has whole triangles over the 468 mesh landmarks, each landmark in one at least', () => {
    const triangles = canonicalTriangles(task);
    expect(triangles.length % 3).toBe(0);
    expect(triangles.length / 3).toBe(898);
    expect(new Set(triangles).size).toBe(468);
    expect(Math.min(...triangles)).toBe(0);
    expect(Math.max(...triangles)).toBe(467);
  });

  it('says what is wrong with a file that is not the bundle', () => {
    expect(() => zipEntry(new Uint8Array(100), 'x')).toThrow(/not a zip/);
    expect(() => zipEntry(task, 'no-such-file')).toThrow(/not found/);
  });
});
