import { describe, expect, it } from 'vitest';
import {
  chooseFace,
  FACE_VIEW_ENTER_MS,
  FACE_VIEW_RETURN_MS,
  FaceViewState,
  shareOutOfFrame,
} from '../../src/core/face-view';
import type { FaceObservation, Point3 } from '../../src/core/frame';

/** A face of 478 landmarks spread over a box centred at (cx, cy), `width` wide. */
function face(cx: number, cy: number, width: number): FaceObservation {
  const landmarks: Point3[] = Array.from({ length: 478 }, (_, i) => {
    const a = (i / 478) * Math.PI * 2;
    return [cx + (Math.cos(a) * width) / 2, cy + (Math.sin(a) * width) / 2, 0];
  });
  landmarks[1] = [cx, cy, 0];
  landmarks[234] = [cx - width / 2, cy, 0];
  landmarks[454] = [cx + width / 2, cy, 0];
  return { landmarks };
}

describe('FaceViewState', () => {
  it('reports what it sees at once until a face has been in view', () => {
    const view = new FaceViewState();
    expect(view.update(0, null, 0)).toBe('no-face');
    expect(view.update(40, face(0.5, 0.5, 0.3), 1)).toBe('in-view');
  });

  it('takes a lost face for news only once it has stayed lost a moment', () => {
    const view = new FaceViewState();
    view.update(0, face(0.5, 0.5, 0.3), 1);
    expect(view.update(40, null, 0)).toBe('in-view');
    expect(view.update(40 + FACE_VIEW_ENTER_MS - 1, null, 0)).toBe('in-view');
    expect(view.update(40 + FACE_VIEW_ENTER_MS, null, 0)).toBe('no-face');
    // Back in view: reported sooner than a loss, but not on one frame.
    const back = 1000;
    expect(view.update(back, face(0.5, 0.5, 0.3), 1)).toBe('no-face');
    expect(view.update(back + FACE_VIEW_RETURN_MS, face(0.5, 0.5, 0.3), 1)).toBe('in-view');
  });

  it('does not flicker when the face comes and goes frame by frame', () => {
    const view = new FaceViewState();
    view.update(0, face(0.5, 0.5, 0.3), 1);
    const seen = new Set<string>();
    for (let t = 40; t < 3000; t += 40)
      seen.add(view.update(t, (t / 40) % 2 ? null : face(0.5, 0.5, 0.3), 1));
    expect([...seen]).toEqual(['in-view']);
  });

  it('tells a face partly out of the picture, and a second face, once they last', () => {
    const view = new FaceViewState();
    view.update(0, face(0.5, 0.5, 0.3), 1);
    const edge = face(0.95, 0.5, 0.3);
    view.update(100, edge, 1);
    expect(view.update(100 + FACE_VIEW_ENTER_MS, edge, 1)).toBe('part-out');
    view.update(1000, face(0.5, 0.5, 0.3), 2);
    expect(view.update(1000 + FACE_VIEW_ENTER_MS, face(0.5, 0.5, 0.3), 2)).toBe('two-faces');
  });
});

describe('faces in view', () => {
  it('measures the share of landmarks outside the picture', () => {
    expect(shareOutOfFrame(face(0.5, 0.5, 0.3).landmarks)).toBe(0);
    expect(shareOutOfFrame(face(1, 0.5, 0.3).landmarks)).toBeGreaterThan(0.3);
    expect(shareOutOfFrame([])).toBe(0);
    // Each edge on its own; a landmark exactly on an edge is in the picture.
    const points: Point3[] = [
      [0, 0.5, 0],
      [1, 0.5, 0],
      [0.5, 0, 0],
      [0.5, 1, 0],
      [-0.01, 0.5, 0],
      [1.01, 0.5, 0],
      [0.5, -0.01, 0],
      [0.5, 1.01, 0],
    ];
    expect(shareOutOfFrame(points)).toBe(0.5);
    for (const [i, out] of points.slice(4).entries())
      expect(shareOutOfFrame([...points.slice(0, 4), out]), String(i)).toBe(0.2);
  });

  it('takes a face with exactly a twenty-fifth of it out of the picture as in view', () => {
    const inside = Array.from({ length: 24 }, (): Point3 => [0.5, 0.5, 0]);
    const view = new FaceViewState();
    expect(view.update(0, { landmarks: [...inside, [1.2, 0.5, 0]] }, 1)).toBe('in-view');
    const more = new FaceViewState();
    const twoOut: Point3[] = [...inside.slice(1), [1.2, 0.5, 0], [1.3, 0.5, 0]];
    expect(more.update(0, { landmarks: twoOut }, 1)).toBe('part-out');
  });

  it('keeps following the same face when a second one appears, and starts with the largest', () => {
    const person = face(0.4, 0.5, 0.3);
    const passerBy = face(0.8, 0.4, 0.35);
    expect(chooseFace([passerBy, person], person)).toBe(person);
    expect(chooseFace([face(0.45, 0.5, 0.3), passerBy], person)?.landmarks[1]?.[0]).toBe(0.45);
    expect(chooseFace([person, passerBy], null)).toBe(passerBy);
    expect(chooseFace([], person)).toBeNull();
    // Nearest by the nose, across the picture's width as well as its height.
    const onTheRight = face(0.72, 0.5, 0.2);
    expect(chooseFace([face(0.3, 0.5, 0.2), onTheRight], face(0.7, 0.5, 0.2))).toBe(onTheRight);
    // Largest by the width between the cheeks, wherever the face is.
    const wideOnTheLeft = face(0.2, 0.5, 0.3);
    expect(chooseFace([face(0.7, 0.5, 0.2), wideOnTheLeft], null)).toBe(wideOnTheLeft);
  });
});
