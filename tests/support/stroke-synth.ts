import { EFFECTOR_LANDMARKS } from '../../src/core/effectors';
import { FaceSpace } from '../../src/core/face-space';
import type { FrameSize, HandObservation, Point3, TrackedFrame } from '../../src/core/frame';
import { fitRing } from '../../src/core/polyline';
import { REGIONS, type RegionId, type Side } from '../../src/core/regions';
import type { Effector } from '../../src/core/routine-schema';
import type { Vec2 } from '../../src/core/vec2';
import { realFace, realHand } from './traces';

/** A deterministic pseudo-random generator (mulberry32). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A head pose change applied to the whole picture: pitch (degrees, chin up positive; turns the
 * face's 3D landmarks), rotation in the image plane (rad) and scale about the face centre, then
 * a shift.
 */
export interface HeadPose {
  angle: number;
  scale: number;
  dx: number;
  dy: number;
  pitchDeg?: number;
  /** Head turned about the vertical axis (degrees, toward the person's left positive). */
  yawDeg?: number;
}

const identityPose: HeadPose = { angle: 0, scale: 1, dx: 0, dy: 0 };

/** One segment of synthetic hand motion. */
export interface MotionSegment {
  durationMs: number;
  /** Where the effector is, as a function of progress k (0..1); null hides the hand (dropout or lifted away). */
  at: (
    k: number,
  ) => { region: RegionId; side: Side; s: number; offset?: Vec2 } | { face: Vec2 } | null;
  effector?: Effector;
  /**
   * How much larger the hand looks at progress k (1: on the skin; a hand lifted toward the camera
   * looks larger), scaled about its effector.
   */
  handScale?: (k: number) => number;
  /** Which hand makes the movement (person's side); by default the one on the side it works. */
  hand?: 'right' | 'left';
  /** Thumb-index pinch closed at progress k. */
  pinch?: (k: number) => boolean;
  /** Head pose at progress k. */
  pose?: (k: number) => HeadPose;
  /** Face blendshape scores at progress k (MediaPipe category names). */
  blendshapes?: (k: number) => Record<string, number>;
}

export interface SynthOptions {
  fps?: number;
  startT?: number;
  /** Landmark jitter, in pixels (standard deviation-ish). */
  jitterPx?: number;
  seed?: number;
  /** Frames with index in this set lose their hands (MediaPipe dropouts). */
  dropHandsEvery?: number;
  /** Frames for which this is true lose their hands (bursts of dropouts). */
  dropHands?: (frameIndex: number) => boolean;
  /** Frames for which this is true get the other handedness label (it flips near the face). */
  flipLabel?: (frameIndex: number) => boolean;
  /**
   * Frames for which this is true show the fingers of a curled hand stretched out (the posture
   * the model reports flickers while the hand presses the skin).
   */
  stretchFingers?: (frameIndex: number) => boolean;
}

/** Builds frames from a real face and a real hand, moving the hand so its effector follows scripted paths. */
export class StrokeSynth {
  readonly size: FrameSize;
  private readonly face: Point3[];
  private readonly hand: HandObservation;
  /** The mirror image of `hand`, labelled as the other hand. */
  private readonly otherHand: HandObservation;
  private readonly space = new FaceSpace();
  private readonly center: Vec2;

  constructor(faceName = 'bg_face_640x480', handName = 'business_person') {
    const { size, landmarks } = realFace(faceName);
    this.size = size;
    this.face = landmarks;
    const source = realHand(handName);
    // Rescale the hand into this face's picture at a natural size (about 0.8 face widths long).
    this.space.fit(this.face, size);
    const hx = source.hand.landmarks.map((p) => p[0] * source.size.width);
    const hy = source.hand.landmarks.map((p) => p[1] * source.size.height);
    const handLength = Math.hypot((hx[0] ?? 0) - (hx[12] ?? 0), (hy[0] ?? 0) - (hy[12] ?? 0));
    const k = (this.space.pixelWidth * 0.8) / handLength;
    this.hand = {
      ...source.hand,
      landmarks: source.hand.landmarks.map((p, i) => [
        ((hx[i] ?? 0) * k) / size.width,
        ((hy[i] ?? 0) * k) / size.height,
        p[2],
      ]),
    };
    const meanX = this.hand.landmarks.reduce((a, p) => a + p[0], 0) / this.hand.landmarks.length;
    this.otherHand = {
      handedness: this.hand.handedness === 'Left' ? 'Right' : 'Left',
      score: this.hand.score,
      landmarks: this.hand.landmarks.map((p) => [2 * meanX - p[0], p[1], p[2]]),
    };
    const l = this.face[234] as Point3;
    const r = this.face[454] as Point3;
    this.center = { x: (l[0] + r[0]) / 2, y: (l[1] + r[1]) / 2 };
  }

  /** Face coordinates of a point on a region path at fraction s. */
  pathPoint(region: RegionId, side: Side, s: number): Vec2 {
    const path = REGIONS[region].paths.find((p) => p.side === side);
    if (!path) throw new Error(`${region} has no ${side} path`);
    const pts = path.landmarks.map((i) => {
      const p = this.face[i] as Point3;
      return this.space.toFace(p[0], p[1], { x: 0, y: 0 });
    });
    const lengths = pts
      .slice(1)
      .map((p, i) => Math.hypot(p.x - (pts[i] as Vec2).x, p.y - (pts[i] as Vec2).y));
    let want = Math.min(1, Math.max(0, s)) * lengths.reduce((a, b) => a + b, 0);
    for (let i = 0; i < lengths.length; i++) {
      const len = lengths[i] as number;
      if (want <= len || i === lengths.length - 1) {
        const a = pts[i] as Vec2;
        const b = pts[i + 1] as Vec2;
        const f = len > 0 ? Math.min(1, want / len) : 0;
        return { x: a.x + (b.x - a.x) * f, y: a.y + (b.y - a.y) * f };
      }
      want -= len;
    }
    return pts[0] as Vec2;
  }

  /** Renders motion segments into frames. */
  render(segments: MotionSegment[], options: SynthOptions = {}): TrackedFrame[] {
    const fps = options.fps ?? 25;
    const dt = 1000 / fps;
    const random = seededRandom(options.seed ?? 1);
    const jitter = (options.jitterPx ?? 0) / this.size.width;
    const noise = () => (random() - 0.5) * 2 * jitter;
    const frames: TrackedFrame[] = [];
    let t = options.startT ?? 0;
    let frameIndex = 0;
    for (const segment of segments) {
      const count = Math.max(1, Math.round(segment.durationMs / dt));
      for (let i = 0; i < count; i++, frameIndex++, t += dt) {
        const k = count === 1 ? 1 : i / (count - 1);
        const pose = segment.pose?.(k) ?? identityPose;
        const place = segment.at(k);
        const hands: HandObservation[] = [];
        const dropped =
          (options.dropHandsEvery && frameIndex % options.dropHandsEvery === 0) ||
          options.dropHands?.(frameIndex);
        if (place && !dropped) {
          const target =
            'face' in place
              ? place.face
              : (() => {
                  const p = this.pathPoint(place.region, place.side, place.s);
                  return { x: p.x + (place.offset?.x ?? 0), y: p.y + (place.offset?.y ?? 0) };
                })();
          const image = this.space.toImage(target.x, target.y, { x: 0, y: 0 });
          // On a turned head, the spot on the skin turns with it.
          if (pose.yawDeg) {
            const z = this.depthAt(image);
            const [x] = this.yaw([image.x, image.y, z], (pose.yawDeg * Math.PI) / 180);
            image.x = x;
          }
          const placed = this.placeHand(
            image,
            segment.hand ?? ('side' in place ? place.side : 'center'),
            segment.effector ?? 'fingertips',
            segment.pinch?.(k) ?? false,
            pose,
            noise,
            segment.handScale?.(k) ?? 1,
            options.stretchFingers?.(frameIndex) ?? false,
          );
          hands.push(
            options.flipLabel?.(frameIndex)
              ? { ...placed, handedness: placed.handedness === 'Left' ? 'Right' : 'Left' }
              : placed,
          );
        }
        const pitch = ((pose.pitchDeg ?? 0) * Math.PI) / 180;
        const yaw = ((pose.yawDeg ?? 0) * Math.PI) / 180;
        frames.push({
          t: Math.round(t * 1000) / 1000,
          face: {
            landmarks: this.face.map((p) =>
              this.transform(this.yaw(this.pitch(p, pitch), yaw), pose, noise),
            ),
            blendshapes: segment.blendshapes?.(k) ?? {},
            matrix: pitchMatrix(pitch),
          },
          hands,
        });
      }
    }
    return frames;
  }

  private placeHand(
    target: Vec2,
    side: Side,
    effector: Effector,
    pinch: boolean,
    pose: HeadPose,
    noise: () => number,
    scale = 1,
    stretch = false,
  ): HandObservation {
    // The person's left side is worked by the other hand: the same hand mirrored.
    // A path's side decides the hand for the whole stroke (a real hand never turns into the other
    // one as it crosses the midline); elsewhere the side of the face it is on.
    const onLeft = side === 'center' ? target.x > this.center.x : side === 'left';
    const hand = onLeft ? this.otherHand : this.hand;
    const landmarks = hand.landmarks.map((p) => [p[0], p[1], p[2]] as [number, number, number]);
    if (pinch) {
      const index = landmarks[8] as [number, number, number];
      landmarks[4] = [index[0] + 0.002, index[1] + 0.002, index[2]];
    } else {
      // Thumb a little way from the index, as in a hand working near the skin: only scripted pinches close.
      const index = landmarks[8] as [number, number, number];
      const thumb = landmarks[4] as [number, number, number];
      const gap = (this.space.pixelWidth * 0.14) / this.size.width;
      const away = hand === this.hand ? -gap : gap;
      landmarks[4] = [index[0] + away, index[1] + gap * 0.3, thumb[2]];
    }
    if (stretch) {
      // Index and middle tips pushed out to twice their knuckles' reach from the wrist.
      const wrist = landmarks[0] as [number, number, number];
      for (const [tip, knuckle] of [
        [8, 5],
        [12, 9],
      ] as const) {
        const k = landmarks[knuckle] as [number, number, number];
        landmarks[tip] = [2 * k[0] - wrist[0], 2 * k[1] - wrist[1], k[2]];
      }
    }
    const ids = EFFECTOR_LANDMARKS[effector];
    const ex = ids.reduce((a, i) => a + (landmarks[i]?.[0] ?? 0), 0) / ids.length;
    const ey = ids.reduce((a, i) => a + (landmarks[i]?.[1] ?? 0), 0) / ids.length;
    return {
      handedness: hand.handedness,
      score: hand.score,
      landmarks: landmarks.map((p) =>
        this.transform(
          [(p[0] - ex) * scale + target.x, (p[1] - ey) * scale + target.y, p[2] * scale],
          pose,
          noise,
        ),
      ),
    };
  }

  /** Turns a face landmark about the horizontal axis through the face centre (chin up for positive angles). */
  private pitch(p: Point3, angle: number): Point3 {
    if (angle === 0) return p;
    const w = this.size.width;
    const h = this.size.height;
    const y = (p[1] - this.center.y) * h;
    const z = p[2] * w;
    const c = Math.cos(angle);
    const s = Math.sin(angle);
    return [p[0], this.center.y + (y * c + z * s) / h, (-y * s + z * c) / w];
  }

  /** Turns a face landmark about the vertical axis through the face centre. */
  private yaw(p: Point3, angle: number): Point3 {
    if (angle === 0) return p;
    const w = this.size.width;
    const x = (p[0] - this.center.x) * w;
    const z = p[2] * w;
    const c = Math.cos(angle);
    const s = Math.sin(angle);
    return [this.center.x + (x * c + z * s) / w, p[1], (-x * s + z * c) / w];
  }

  /** Depth of the skin at an image point: the mean z of the three nearest face landmarks. */
  private depthAt(p: Vec2): number {
    const nearest = this.face
      .map((q) => ({ d: Math.hypot(q[0] - p.x, q[1] - p.y), z: q[2] }))
      .sort((a, b) => a.d - b.d)
      .slice(0, 3);
    return nearest.reduce((a, q) => a + q.z, 0) / nearest.length;
  }

  /** Centre and mean radius (face coordinates) of a ring region. */
  ring(region: RegionId, side: Side): { center: Vec2; radius: number } {
    const path = REGIONS[region].paths.find((p) => p.side === side);
    if (!path) throw new Error(`${region} has no ${side} ring`);
    const pts = path.landmarks.map((i) => {
      const p = this.face[i] as Point3;
      return this.space.toFace(p[0], p[1], { x: 0, y: 0 });
    });
    return fitRing(pts, { center: { x: 0, y: 0 }, radius: 0 });
  }

  private transform(p: Point3, pose: HeadPose, noise: () => number): Point3 {
    const w = this.size.width;
    const h = this.size.height;
    const x = (p[0] - this.center.x) * w;
    const y = (p[1] - this.center.y) * h;
    const c = Math.cos(pose.angle) * pose.scale;
    const s = Math.sin(pose.angle) * pose.scale;
    return [
      this.center.x + (x * c - y * s) / w + pose.dx + noise(),
      this.center.y + (x * s + y * c) / h + pose.dy + noise(),
      p[2],
    ];
  }
}

/** The facial transformation matrix (column-major) of a head pitched by `angle` rad, chin up positive. */
function pitchMatrix(angle: number): number[] {
  const a = -angle;
  const c = Math.cos(a);
  const s = Math.sin(a);
  return [1, 0, 0, 0, 0, c, s, 0, 0, -s, c, 0, 0, 0, -40, 1];
}

/** A stroke along a region path from s=`from` to s=`to`. */
export function stroke(
  region: RegionId,
  side: Side,
  from: number,
  to: number,
  durationMs: number,
  extra: Partial<MotionSegment> = {},
): MotionSegment {
  return { durationMs, at: (k) => ({ region, side, s: from + (to - from) * k }), ...extra };
}

/** The hand lifted off the skin (looking `scale` times larger) going back along a path from `from` to `to`. */
export function liftedReturn(
  region: RegionId,
  side: Side,
  from: number,
  to: number,
  durationMs: number,
  scale = 1.35,
  extra: Partial<MotionSegment> = {},
): MotionSegment {
  // The hand grows as it comes off the skin, stays lifted, and shrinks again as it touches down.
  const lift = (k: number) => 1 + (scale - 1) * Math.min(1, 4 * Math.min(k, 1 - k));
  return { ...stroke(region, side, from, to, durationMs, extra), handScale: lift };
}

/** The hand away from the face (not tracked) for a while. */
export function away(durationMs: number): MotionSegment {
  return { durationMs, at: () => null };
}
