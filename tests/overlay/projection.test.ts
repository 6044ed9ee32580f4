import { describe, expect, it } from 'vitest';
import {
  arrowRadius,
  createViewMapping,
  MIN_ARROW_RADIUS,
  projectLandmark,
  smoothingFactor,
  type ViewPoint,
} from '../../src/overlay/projection';
import { realFace } from '../support/traces';

const out = (): ViewPoint => ({ x: 0, y: 0, z: 0 });

describe('projection from landmarks to the view', () => {
  it('scales a 640x480 frame into a 1280x960 view', () => {
    const mapping = createViewMapping(
      { width: 640, height: 480 },
      { width: 1280, height: 960 },
      false,
    );
    expect(projectLandmark([0.25, 0.5, 0], 480, mapping, out())).toEqual({ x: 320, y: 480, z: -0 });
  });

  it('mirrors x in a mirrored view, so the person’s right cheek shows on the right', () => {
    const { size, landmarks } = realFace();
    const mapping = createViewMapping(size, { width: 640, height: 480 }, true);
    const rightCheek = projectLandmark(
      landmarks[234] as [number, number, number],
      size.height,
      mapping,
      out(),
    );
    const leftCheek = projectLandmark(
      landmarks[454] as [number, number, number],
      size.height,
      mapping,
      out(),
    );
    expect(rightCheek.x).toBeGreaterThan(leftCheek.x);
    expect(rightCheek.x).toBeCloseTo(640 - (landmarks[234]?.[0] ?? 0) * 640, 6);
  });

  it('letterboxes with "contain" and crops with "cover"', () => {
    const frame = { width: 640, height: 480 };
    const view = { width: 1000, height: 500 };
    const contain = createViewMapping(frame, view, false, 'contain');
    expect(contain.scale).toBeCloseTo(500 / 480);
    expect(projectLandmark([0, 0, 0], 480, contain, out()).x).toBeCloseTo(
      (1000 - 640 * (500 / 480)) / 2,
    );
    const cover = createViewMapping(frame, view, false, 'cover');
    expect(cover.scale).toBeCloseTo(1000 / 640);
    expect(projectLandmark([0.5, 0.5, 0], 480, cover, out())).toMatchObject({ x: 500, y: 250 });
  });

  it('brings points with negative z toward the viewer', () => {
    const mapping = createViewMapping(
      { width: 640, height: 480 },
      { width: 640, height: 480 },
      false,
    );
    expect(projectLandmark([0.5, 0.5, -0.05], 480, mapping, out()).z).toBeCloseTo(32);
  });
});

describe('smoothingFactor', () => {
  it('covers the same distance per unit of time whatever the frame rate', () => {
    const at60 = 1 - (1 - smoothingFactor(1000 / 60, 45)) ** 2;
    expect(smoothingFactor(1000 / 30, 45)).toBeCloseTo(at60, 10);
  });

  it('is 0 for no time and close to 1 after many time constants', () => {
    expect(smoothingFactor(0, 45)).toBe(0);
    expect(smoothingFactor(450, 45)).toBeGreaterThan(0.9999);
  });
});

describe('arrowRadius', () => {
  it('grows with the face on screen and never gets thinner than a phone can show', () => {
    // A face 600 px wide on a laptop, 150 px on a phone.
    expect(arrowRadius(600)).toBeCloseTo(9.6);
    expect(arrowRadius(300)).toBeCloseTo(4.8);
    expect(arrowRadius(150)).toBe(MIN_ARROW_RADIUS);
    expect(MIN_ARROW_RADIUS).toBeGreaterThanOrEqual(2.5);
  });
});
