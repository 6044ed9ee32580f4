import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPng } from '../../scripts/clips/image';
import { type LumaImage, lightingIssue, lumaOf } from '../../src/core/lighting';
import { sharedFixturesDir } from '../support/fixtures';
import { realFace } from '../support/traces';

const face = realFace('bg_face_640x480');
const picture = readPng(join(sharedFixturesDir(), 'bg_face_640x480.png'));
const lit = lumaOf(picture.data, picture.width, picture.height);

/** The picture with each pixel's brightness changed by `f(x, y, luma)` (x, y normalised). */
function relit(image: LumaImage, f: (x: number, y: number, v: number) => number): LumaImage {
  const luma = new Uint8Array(image.width * image.height);
  for (let y = 0; y < image.height; y++)
    for (let x = 0; x < image.width; x++) {
      const i = y * image.width + x;
      luma[i] = Math.max(
        0,
        Math.min(255, f(x / image.width, y / image.height, image.luma[i] ?? 0)),
      );
    }
  return { width: image.width, height: image.height, luma };
}

describe('lightingIssue on a real photo and its real landmarks', () => {
  it('finds nothing wrong with the evenly lit face', () => {
    expect(lightingIssue(lit, face.landmarks)).toBeNull();
  });

  it('finds nothing wrong with a second real photo, a face in a bright office', () => {
    const other = realFace('business_person');
    const png = readPng(join(sharedFixturesDir(), 'business_person.png'));
    expect([png.width, png.height]).toEqual([other.size.width, other.size.height]);
    expect(lightingIssue(lumaOf(png.data, png.width, png.height), other.landmarks)).toBeNull();
  });

  it('says when the room is too dark', () => {
    expect(
      lightingIssue(
        relit(lit, (_x, _y, v) => v * 0.3),
        face.landmarks,
      ),
    ).toBe('too-dark');
    // Dimmer, but still enough.
    expect(
      lightingIssue(
        relit(lit, (_x, _y, v) => v * 0.7),
        face.landmarks,
      ),
    ).toBeNull();
  });

  it('says when one side of the face is in shadow', () => {
    const nose = face.landmarks[1]?.[0] ?? 0.5;
    const shaded = relit(lit, (x, _y, v) => (x < nose ? v * 0.35 : v));
    expect(lightingIssue(shaded, face.landmarks)).toBe('uneven-light');
    const soft = relit(lit, (x, _y, v) => (x < nose ? v * 0.75 : v));
    expect(lightingIssue(soft, face.landmarks)).toBeNull();
  });

  it('says when a bright window is behind the person', () => {
    const xs = face.landmarks.map((p) => p[0]);
    const [left, right] = [Math.min(...xs), Math.max(...xs)];
    const window = relit(lit, (x, _y, v) => (x < left - 0.1 || x > right + 0.1 ? 250 : v * 0.8));
    expect(lightingIssue(window, face.landmarks)).toBe('backlit');
  });

  it('says so for a window on either side of the head alone', () => {
    const xs = face.landmarks.map((p) => p[0]);
    const [left, right] = [Math.min(...xs), Math.max(...xs)];
    const onLeft = relit(lit, (x, _y, v) => (x < left - 0.1 ? 250 : v * 0.8));
    const onRight = relit(lit, (x, _y, v) => (x > right + 0.1 ? 250 : v * 0.8));
    expect(lightingIssue(onLeft, face.landmarks)).toBe('backlit');
    expect(lightingIssue(onRight, face.landmarks)).toBe('backlit');
  });

  it('judges nothing without the face’s outline, or for a face of no width', () => {
    expect(
      lightingIssue(
        relit(lit, () => 10),
        face.landmarks.slice(0, 300),
      ),
    ).toBeNull();
    const flat = face.landmarks.map(([, y, z]) => [0.5, y, z] as [number, number, number]);
    expect(
      lightingIssue(
        relit(lit, () => 10),
        flat,
      ),
    ).toBeNull();
    // The same dark picture with the real face is too dark.
    expect(
      lightingIssue(
        relit(lit, () => 10),
        face.landmarks,
      ),
    ).toBe('too-dark');
  });
});

describe('lumaOf', () => {
  it('weighs red, green and blue as Rec. 601 does, pixel by pixel', () => {
    const rgba = [255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255, 100, 100, 100, 255];
    const image = lumaOf(rgba, 2, 2);
    expect([image.width, image.height]).toEqual([2, 2]);
    expect([...(image.luma as Uint8Array)]).toEqual([76, 149, 29, 100]);
  });
});
