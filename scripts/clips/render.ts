// Draws a clip from its plan: the face picture (optionally turning and moving) with hand cut-outs
// placed so that the planned effector point follows each stroke's path on the face.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { REGIONS, type RegionId } from '../../src/core/regions.ts';
import { findRoutine, sessionRoutine } from '../../src/core/routines/index.ts';
import {
  type Affine,
  apply,
  blank,
  type Cutout,
  compose,
  cutHand,
  drawOver,
  IDENTITY,
  type Rgba,
  similarity,
  warpInto,
} from './image.ts';
import { type ClipPlan, ENTER_MS, LIFT_MS, type PlannedStroke, TOUCH_MS } from './plan.ts';
import {
  calibrationFile,
  FACES,
  HANDS,
  type HandId,
  loadSource,
  type SourceSpec,
} from './sources.ts';

type Pt = [number, number];

interface Calibration {
  faces: Record<string, { width: number; height: number; landmarks: Pt[] }>;
  hands: Record<string, { handedness: string; landmarks: Pt[] }>;
}

/** Palm length (wrist to middle knuckle) in face widths: a little under a real hand's. */
const PALM_PER_FACE = 0.55;
/** A lifted hand comes toward the camera (looks bigger) and moves off the skin. */
const LIFT_SCALE = 0.3;
const LIFT_OFFSET = 0.16;

const EFFECTOR_LANDMARKS: Record<PlannedStroke['effector'], number[]> = {
  fingertips: [8, 12],
  index: [8],
  thumb: [4],
  knuckles: [6, 10],
  pinch: [4, 8],
};

const ease = (u: number) => (u <= 0 ? 0 : u >= 1 ? 1 : u * u * (3 - 2 * u));
const lerp = (a: Pt, b: Pt, u: number): Pt => [a[0] + (b[0] - a[0]) * u, a[1] + (b[1] - a[1]) * u];
const mean = (pts: Pt[]): Pt => [
  pts.reduce((s, p) => s + p[0], 0) / pts.length,
  pts.reduce((s, p) => s + p[1], 0) / pts.length,
];

/** A polyline walked by arc length. */
function along(points: Pt[], u: number): Pt {
  const lengths = points.slice(1).map((p, i) => {
    const q = points[i] as Pt;
    return Math.hypot(p[0] - q[0], p[1] - q[1]);
  });
  const total = lengths.reduce((a, b) => a + b, 0);
  let d = Math.min(Math.max(u, 0), 1) * total;
  for (let i = 0; i < lengths.length; i++) {
    const l = lengths[i] ?? 0;
    if (d <= l || i === lengths.length - 1)
      return lerp(points[i] as Pt, points[i + 1] as Pt, l ? d / l : 0);
    d -= l;
  }
  return points[points.length - 1] as Pt;
}

function regionOf(plan: ClipPlan): RegionId {
  const routine = findRoutine(plan.routine) ?? sessionRoutine(plan.routine);
  const step = routine?.steps.find((s) => s.id === plan.step);
  if (!step || !('region' in step) || !step.region)
    throw new Error(`${plan.name}: no region for ${plan.routine}/${plan.step}`);
  return step.region as RegionId;
}

/** The clip as a function of time: the frame at each instant. */
export class ClipRenderer {
  readonly width: number;
  readonly height: number;
  private readonly face: Rgba;
  private readonly faceLm: Pt[];
  private readonly faceWidth: number;
  private readonly faceCentre: Pt;
  private readonly cutouts = new Map<string, Cutout>();
  private readonly region: RegionId;
  private readonly frame: Rgba;

  constructor(private readonly plan: ClipPlan) {
    const calibration = JSON.parse(readFileSync(calibrationFile, 'utf8')) as Calibration;
    const faceCal = calibration.faces[plan.face];
    if (!faceCal) throw new Error(`no calibration for face ${plan.face}`);
    this.face = loadSource(FACES[plan.face] as SourceSpec);
    this.faceLm = faceCal.landmarks;
    this.width = this.face.width;
    this.height = this.face.height;
    this.frame = blank(this.width, this.height);
    const lm = (i: number) => this.faceLm[i] as Pt;
    this.faceWidth = Math.hypot(lm(234)[0] - lm(454)[0], lm(234)[1] - lm(454)[1]);
    this.faceCentre = lm(1);
    this.region = regionOf(plan);
    for (const kind of new Set(plan.strokes.map((s) => s.hand))) {
      const spec = HANDS[kind as HandId] as SourceSpec;
      const cal = calibration.hands[kind];
      if (!cal) throw new Error(`no calibration for hand ${kind}`);
      const base = spec.pinchOf ? calibration.hands[spec.pinchOf]?.landmarks : undefined;
      this.cutouts.set(kind, cutHand(loadSource(spec, base), cal.landmarks));
    }
  }

  /** Head motion at `t`: base picture -> frame. */
  private head(t: number): Affine {
    const m = this.plan.headMotion;
    if (!m) return IDENTITY;
    const w = (2 * Math.PI * t) / m.periodMs;
    const [cx, cy] = this.faceCentre;
    return similarity(
      cx,
      cy,
      ((m.rotateDeg * Math.PI) / 180) * Math.sin(w),
      1 + m.scale * Math.sin(0.7 * w + 1),
      m.shiftPx * Math.sin(1.3 * w + 2),
      0.6 * m.shiftPx * Math.sin(0.9 * w),
    );
  }

  private path(side: PlannedStroke['side']): Pt[] {
    const path =
      REGIONS[this.region].paths.find((p) => p.side === side) ?? REGIONS[this.region].paths[0];
    if (!path) throw new Error(`no path on ${side}`);
    return path.landmarks.map((i) => this.faceLm[i] as Pt);
  }

  /** Contact point (base picture pixels) of a stroke at `u` in [0, 1] of its time. */
  private strokePoint(s: PlannedStroke, u: number): Pt {
    const reversed = s.direction === 'reversed';
    const shape = REGIONS[this.region].shape;
    if (s.motion === 'circle' || shape === 'ring') {
      const ring = this.path(s.side);
      const c = mean(ring);
      const rx = (Math.max(...ring.map((p) => p[0])) - Math.min(...ring.map((p) => p[0]))) / 2;
      const ry = (Math.max(...ring.map((p) => p[1])) - Math.min(...ring.map((p) => p[1]))) / 2;
      const k = this.region === 'eye-socket-circle' ? 0.95 : 0.75;
      // Toward the nose is +x on the person's right side (the image's left).
      const nose = Math.sign(this.faceCentre[0] - c[0]) || 1;
      // Angle 0 is the nose side; growing angle goes up there (the correct sense), then out over the top.
      const a = (reversed ? -1 : 1) * 2 * Math.PI * u;
      return [c[0] + nose * k * rx * Math.cos(a), c[1] - k * ry * Math.sin(a)];
    }
    const points = this.path(s.side);
    const line = reversed ? [...points].reverse() : points;
    const moveMs = s.endMs - s.startMs - (s.holdMs ?? 0);
    const tt = u * (s.endMs - s.startMs);
    const mu = Math.min(1, tt / moveMs);
    if (s.motion === 'walk' && s.hops) {
      // Each hop moves then rests: the fingers step along instead of sliding.
      const hop = Math.min(s.hops - 1, Math.floor(mu * s.hops));
      const within = mu * s.hops - hop;
      return along(line, (hop + ease(Math.min(1, within / 0.6))) / s.hops);
    }
    if (s.motion === 'flick') return along(line, 1 - (1 - mu) ** 2);
    return along(line, ease(mu));
  }

  /** Where a hand is at `t`: contact point (base pixels), how lifted (0 on the skin, 1 lifted, 2 out of view). */
  private handPose(
    strokes: PlannedStroke[],
    t: number,
  ): { at: Pt; lift: number; s: PlannedStroke } | null {
    const first = strokes[0];
    const last = strokes[strokes.length - 1];
    if (!first || !last) return null;
    const out = (p: Pt): Pt => [p[0], this.height + this.faceWidth * 1.2];
    if (t < first.startMs) {
      const start = this.strokePoint(first, 0);
      const dt = first.startMs - t;
      if (dt <= TOUCH_MS) return { at: start, lift: dt / TOUCH_MS, s: first };
      const u = (dt - TOUCH_MS - 200) / ENTER_MS;
      if (u <= 0) return { at: start, lift: 1, s: first };
      if (u >= 1) return null;
      return { at: lerp(start, out(start), ease(u)), lift: 1 + ease(u), s: first };
    }
    for (let i = 0; i < strokes.length; i++) {
      const s = strokes[i] as PlannedStroke;
      if (t >= s.startMs && t <= s.endMs) {
        return { at: this.strokePoint(s, (t - s.startMs) / (s.endMs - s.startMs)), lift: 0, s };
      }
      const next = strokes[i + 1];
      if (next && t > s.endMs && t < next.startMs) {
        const end = this.strokePoint(s, 1);
        const start = this.strokePoint(next, 0);
        if (next.contact === s.contact) return { at: lerp(end, start, 0.5), lift: 0, s };
        const gap = next.startMs - s.endMs;
        const e = t - s.endMs;
        if (e < LIFT_MS) return { at: end, lift: e / LIFT_MS, s };
        const touchAt = gap - TOUCH_MS;
        if (e > touchAt) return { at: start, lift: (gap - e) / TOUCH_MS, s: next };
        // Lifted, moving back to the next start, then a short hover there.
        const travel = Math.max(1, touchAt - LIFT_MS - 250);
        return { at: lerp(end, start, ease((e - LIFT_MS) / travel)), lift: 1, s: next };
      }
    }
    const end = this.strokePoint(last, 1);
    const e = t - last.endMs;
    if (e < LIFT_MS) return { at: end, lift: e / LIFT_MS, s: last };
    const u = (e - LIFT_MS) / ENTER_MS;
    if (u >= 1) return null;
    return { at: lerp(end, out(end), ease(u)), lift: 1 + ease(u), s: last };
  }

  /** Places a cut-out so its effector lands on `at` (frame pixels), pointing its fingers toward the face. */
  private drawHand(
    pose: { at: Pt; lift: number; s: PlannedStroke },
    head: Affine,
    t: number,
  ): void {
    const { s } = pose;
    const cut = this.cutouts.get(s.hand);
    if (!cut) return;
    const mirror = s.handSide === 'left';
    const lm = (i: number) => cut.landmarks[i] as Pt;
    const eff = mean(EFFECTOR_LANDMARKS[s.effector].map(lm));
    const palm = Math.hypot(lm(0)[0] - lm(9)[0], lm(0)[1] - lm(9)[1]);
    const headScale = Math.hypot(head[0], head[3]);
    const lift = Math.min(pose.lift, 1);
    const scale = ((PALM_PER_FACE * this.faceWidth * headScale) / palm) * (1 + LIFT_SCALE * lift);
    // Fingers point up and in toward the midline, with a slight wobble.
    const own = Math.atan2(lm(9)[1] - lm(0)[1], (mirror ? -1 : 1) * (lm(9)[0] - lm(0)[0]));
    const inward = ((this.plan.fingerTiltDeg ?? (s.side === 'center' ? 14 : 26)) * Math.PI) / 180;
    const wanted =
      -Math.PI / 2 + (s.handSide === 'right' ? inward : -inward) + 0.05 * Math.sin(t / 400);
    // Lifted: off the skin, away from the face centre and down a little. On the midline that
    // would be along the path itself, so there the hand goes back out to its own side instead.
    const [fx, fy] = apply(head, pose.at[0], pose.at[1]);
    const [cx, cy] = apply(head, this.faceCentre[0], this.faceCentre[1]);
    const away = Math.hypot(fx - cx, fy - cy) || 1;
    const off = LIFT_OFFSET * this.faceWidth * lift;
    const [ox, oy] =
      s.side === 'center'
        ? [s.handSide === 'right' ? -0.95 : 0.95, 0.3]
        : [(fx - cx) / away, (fy - cy) / away + 0.5];
    const target: Pt = [fx + ox * off, fy + oy * off];
    const place = compose(similarity(0, 0, wanted - own, scale, 0, 0, mirror), [
      1,
      0,
      -eff[0],
      0,
      1,
      -eff[1],
    ]);
    const m: Affine = [
      place[0],
      place[1],
      place[2] + target[0],
      place[3],
      place[4],
      place[5] + target[1],
    ];
    drawOver(this.frame, cut.image, m);
  }

  /** The frame at `t` (ms), RGBA. */
  render(t: number): Rgba {
    const head = this.head(t);
    warpInto(this.frame, this.face, head);
    for (const side of ['right', 'left'] as const) {
      const strokes = this.plan.strokes.filter((s) => s.handSide === side);
      const pose = this.handPose(strokes, t);
      if (pose) this.drawHand(pose, head, t);
    }
    return this.frame;
  }
}

/** Renders a plan into an .mjpeg file with ffmpeg (frames piped in raw). */
export async function renderClip(plan: ClipPlan, out: string): Promise<number> {
  const renderer = new ClipRenderer(plan);
  const frames = Math.round((plan.durationMs * plan.fps) / 1000);
  const ffmpeg = spawn(
    'ffmpeg',
    [
      '-loglevel',
      'error',
      '-y',
      '-f',
      'rawvideo',
      '-pix_fmt',
      'rgba',
      '-s',
      `${renderer.width}x${renderer.height}`,
      '-r',
      String(plan.fps),
      '-i',
      '-',
      '-pix_fmt',
      'yuvj420p',
      '-q:v',
      '4',
      '-f',
      'mjpeg',
      out,
    ],
    { stdio: ['pipe', 'inherit', 'inherit'] },
  );
  const done = new Promise<void>((resolve, reject) => {
    ffmpeg.on('error', reject);
    ffmpeg.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`ffmpeg exited ${code}`)),
    );
  });
  for (let i = 0; i < frames; i++) {
    const frame = renderer.render((i * 1000) / plan.fps);
    if (!ffmpeg.stdin.write(Buffer.from(frame.data))) {
      await new Promise((resolve) => ffmpeg.stdin.once('drain', resolve));
    }
  }
  ffmpeg.stdin.end();
  await done;
  return frames;
}
