import { describe, expect, it } from 'vitest';
import { FaceSpace, isOverFace } from '../../src/core/face-space';
import type { Point3 } from '../../src/core/frame';
import { REGIONS } from '../../src/core/regions';
import { realFace } from '../support/traces';

const faces = ['bg_face_640x480', 'business_person', 'gesture_video_t2.6s'].map((name) => ({
  name,
  ...realFace(name),
}));

function toFace(space: FaceSpace, p: Point3) {
  return space.toFace(p[0], p[1], { x: 0, y: 0 });
}

describe('FaceSpace on real faces', () => {
  for (const { name, size, landmarks } of faces) {
    it(`puts the cheek edges at x = -0.5 and +0.5 and the chin below the forehead (${name})`, () => {
      const space = new FaceSpace();
      expect(space.fit(landmarks, size)).toBe(true);
      const right = toFace(space, landmarks[234] as Point3);
      const left = toFace(space, landmarks[454] as Point3);
      expect(right.x).toBeCloseTo(-0.5, 5);
      expect(left.x).toBeCloseTo(0.5, 5);
      expect(toFace(space, landmarks[152] as Point3).y).toBeGreaterThan(
        toFace(space, landmarks[10] as Point3).y,
      );
      // The face's own proportions: about as tall as the height-to-width constant says.
      const height =
        toFace(space, landmarks[152] as Point3).y - toFace(space, landmarks[10] as Point3).y;
      expect(height).toBeGreaterThan(0.9);
      expect(height).toBeLessThan(1.3);
    });
  }

  it('gives the same face coordinates after the head moves, turns in plane and comes closer', () => {
    const { size, landmarks } = faces[0] as (typeof faces)[number];
    const move = (p: Point3): Point3 => {
      const x = (p[0] - 0.5) * size.width;
      const y = (p[1] - 0.5) * size.height;
      const c = Math.cos(0.3) * 1.4;
      const s = Math.sin(0.3) * 1.4;
      return [0.45 + (x * c - y * s) / size.width, 0.55 + (x * s + y * c) / size.height, p[2]];
    };
    const a = new FaceSpace();
    const b = new FaceSpace();
    a.fit(landmarks, size);
    b.fit(landmarks.map(move), size);
    for (const index of [1, 61, 107, 300, 152]) {
      const p = landmarks[index] as Point3;
      const pa = toFace(a, p);
      const pb = toFace(b, move(p));
      expect(pb.x).toBeCloseTo(pa.x, 6);
      expect(pb.y).toBeCloseTo(pa.y, 6);
    }
  });

  it('round-trips between image and face coordinates', () => {
    const { size, landmarks } = faces[1] as (typeof faces)[number];
    const space = new FaceSpace();
    space.fit(landmarks, size);
    const face = space.toFace(0.4, 0.3, { x: 0, y: 0 });
    const back = space.toImage(face.x, face.y, { x: 0, y: 0 });
    expect(back.x).toBeCloseTo(0.4, 9);
    expect(back.y).toBeCloseTo(0.3, 9);
  });

  it('refuses a degenerate face', () => {
    const flat: Point3[] = Array.from({ length: 478 }, () => [0.5, 0.5, 0]);
    expect(new FaceSpace().fit(flat, { width: 640, height: 480 })).toBe(false);
  });

  it('keeps the last good fit when a face is degenerate or lacks a landmark it needs', () => {
    const { size, landmarks } = faces[0] as (typeof faces)[number];
    const space = new FaceSpace();
    space.fit(landmarks, size);
    const before = space.toFace(0.4, 0.3, { x: 0, y: 0 });
    const flat: Point3[] = landmarks.map(() => [0.5, 0.5, 0]);
    expect(space.fit(flat, size)).toBe(false);
    for (const missing of [10, 152, 234, 454]) {
      const holed = landmarks.map((p, i) => (i === missing ? undefined : p)) as Point3[];
      expect(space.fit(holed, size), `without ${missing}`).toBe(false);
    }
    expect(space.toFace(0.4, 0.3, { x: 0, y: 0 })).toEqual(before);
  });

  it('measures the face width in pixels of the camera frame', () => {
    const { size, landmarks } = faces[0] as (typeof faces)[number];
    const right = landmarks[234] as Point3;
    const left = landmarks[454] as Point3;
    const space = new FaceSpace();
    space.fit(landmarks, size);
    const width = Math.hypot((left[0] - right[0]) * size.width, (left[1] - right[1]) * size.height);
    expect(space.pixelWidth).toBeCloseTo(width, 9);
    // The same face in a frame twice as large is twice as wide.
    space.fit(landmarks, { width: size.width * 2, height: size.height * 2 });
    expect(space.pixelWidth).toBeCloseTo(2 * width, 9);
  });

  it('tells points over the face from points beside, above or below it', () => {
    const { size, landmarks } = faces[0] as (typeof faces)[number];
    const space = new FaceSpace();
    space.fit(landmarks, size);
    const at = (i: number) => toFace(space, landmarks[i] as Point3);
    // Nose tip, mouth corners, eyes, brows, the chin and the top of the forehead.
    for (const i of [1, 61, 291, 33, 263, 105, 334, 152, 10])
      expect(isOverFace(at(i)), `landmark ${i}`).toBe(true);
    const chin = at(152);
    const top = at(10);
    expect(isOverFace({ x: 0, y: chin.y + 0.3 })).toBe(false); // the neck
    expect(isOverFace({ x: 0, y: top.y - 0.3 })).toBe(false); // above the hairline
    expect(isOverFace({ x: 0.7, y: 0 })).toBe(false); // beside the left cheek
    expect(isOverFace({ x: -0.7, y: 0 })).toBe(false); // beside the right cheek
  });
});

describe('target regions on real faces', () => {
  for (const { name, size, landmarks } of faces) {
    const space = new FaceSpace();
    space.fit(landmarks, size);
    const path = (id: keyof typeof REGIONS, side: string) =>
      (REGIONS[id].paths.find((p) => p.side === side)?.landmarks ?? []).map((i) =>
        toFace(space, landmarks[i] as Point3),
      );

    it(`keeps right-side paths on the person's right and left ones on the left (${name})`, () => {
      for (const region of Object.values(REGIONS)) {
        for (const p of region.paths) {
          const points = p.landmarks.map((i) => toFace(space, landmarks[i] as Point3));
          const tail = points.slice(1);
          if (p.side === 'right')
            for (const q of tail) expect(q.x, `${region.id}`).toBeLessThan(0.02);
          if (p.side === 'left')
            for (const q of tail) expect(q.x, `${region.id}`).toBeGreaterThan(-0.02);
          if (p.side === 'center') {
            const meanX = points.reduce((a, q) => a + q.x, 0) / points.length;
            expect(Math.abs(meanX), `${region.id}`).toBeLessThan(0.08);
          }
        }
      }
    });

    it(`runs each path the way its stroke goes (${name})`, () => {
      for (const side of ['right', 'left']) {
        const jaw = path('jawline-outward', side);
        expect(Math.abs((jaw.at(-1) as { x: number }).x)).toBeGreaterThan(0.45); // ends at the ear
        expect(Math.abs((jaw[0] as { x: number }).x)).toBeLessThan(0.1); // starts at the chin
        const brow = path('brow-outward', side);
        expect(Math.abs((brow.at(-1) as { x: number }).x)).toBeGreaterThan(
          Math.abs((brow[0] as { x: number }).x),
        );
        const laugh = path('laugh-line-outward', side);
        expect(Math.abs((laugh.at(-1) as { x: number }).x)).toBeGreaterThan(
          Math.abs((laugh[0] as { x: number }).x) + 0.1,
        );
      }
      const chin = path('chin-upward', 'center');
      expect((chin.at(-1) as { y: number }).y).toBeLessThan((chin[0] as { y: number }).y);
      for (const side of ['right', 'left']) {
        // Smile lines and the jaw-to-cheekbone stroke go upward.
        for (const id of ['smile-line-upward', 'jaw-to-cheekbone'] as const) {
          const p = path(id, side);
          expect((p.at(-1) as { y: number }).y, id).toBeLessThan((p[0] as { y: number }).y - 0.1);
        }
      }
    });

    it(`puts rings around the cheeks and eyes, listed going down on the nose side (${name})`, () => {
      const iris = [468, 473].map((i) => toFace(space, landmarks[i] as Point3));
      for (const side of ['right', 'left'] as const) {
        const sign = side === 'right' ? -1 : 1;
        for (const id of ['cheek-circle', 'eye-socket-circle'] as const) {
          const ring = path(id, side);
          const cx = ring.reduce((a, q) => a + q.x, 0) / ring.length;
          const cy = ring.reduce((a, q) => a + q.y, 0) / ring.length;
          expect(Math.sign(cx), `${id} ${side}`).toBe(sign);
          // Angle swept around the centre going through the ring in listed order.
          let swept = 0;
          ring.forEach((q, i) => {
            const next = ring[(i + 1) % ring.length] as { x: number; y: number };
            let d = Math.atan2(next.y - cy, next.x - cx) - Math.atan2(q.y - cy, q.x - cx);
            if (d > Math.PI) d -= 2 * Math.PI;
            if (d < -Math.PI) d += 2 * Math.PI;
            swept += d;
          });
          expect(Math.abs(swept), `${id} ${side} closes`).toBeCloseTo(2 * Math.PI, 3);
          // Going down on the nose side turns positively on the right (y down) and negatively on the left.
          expect(Math.sign(swept), `${id} ${side} sense`).toBe(side === 'right' ? 1 : -1);
        }
        // Each eye ring holds the iris of that eye.
        const eye = path('eye-socket-circle', side);
        const irisHere = iris.find((p) => Math.sign(p.x) === sign) as { x: number; y: number };
        const xs = eye.map((q) => q.x);
        const ys = eye.map((q) => q.y);
        expect(irisHere.x).toBeGreaterThan(Math.min(...xs));
        expect(irisHere.x).toBeLessThan(Math.max(...xs));
        expect(irisHere.y).toBeGreaterThan(Math.min(...ys));
        expect(irisHere.y).toBeLessThan(Math.max(...ys));
        // The cheek ring sits below the eye ring.
        const cheek = path('cheek-circle', side);
        expect(cheek.reduce((a, q) => a + q.y, 0) / cheek.length).toBeGreaterThan(Math.max(...ys));
      }
    });

    it(`puts the temples beside and above the eyes (${name})`, () => {
      const mean = (points: { x: number; y: number }[]) => ({
        x: points.reduce((a, p) => a + p.x, 0) / points.length,
        y: points.reduce((a, p) => a + p.y, 0) / points.length,
      });
      for (const side of ['right', 'left'] as const) {
        const temple = mean(path('temples', side));
        const eye = mean(path('eye-socket-circle', side));
        expect(Math.sign(temple.x)).toBe(side === 'right' ? -1 : 1);
        expect(Math.abs(temple.x)).toBeGreaterThan(Math.abs(eye.x));
        expect(temple.y).toBeLessThan(eye.y);
      }
    });

    it(`runs the lips from mouth corner to mouth corner, the top lip above the bottom (${name})`, () => {
      const [top = [], bottom = []] = REGIONS.lips.paths.map((p) =>
        p.landmarks.map((i) => toFace(space, landmarks[i] as Point3)),
      );
      const at = (line: { x: number; y: number }[], i: number) =>
        line.at(i) as { x: number; y: number };
      expect(at(top, 0)).toEqual(at(bottom, 0));
      expect(at(top, 5).y).toBeLessThan(at(bottom, 5).y);
      expect(Math.sign(at(top, 0).x)).toBe(-1);
      expect(Math.sign(at(top, -1).x)).toBe(1);
      const forehead = path('forehead', 'center');
      const brows = path('brow-outward', 'right');
      for (const q of forehead) expect(q.y).toBeLessThan(Math.min(...brows.map((b) => b.y)));
    });
  }
});
