import {
  FACE_LANDMARK_COUNT,
  type FaceObservation,
  HAND_LANDMARK_COUNT,
  type HandObservation,
  type Point3,
  type TrackedFrame,
} from './frame';

/** Frames per block of storage: memory grows and is let go a block at a time. */
const BLOCK_FRAMES = 256;
/** Hands kept per frame (the hand model looks for two at most). */
const MAX_HANDS = 2;
/** Landmarks are kept as 16-bit integers in steps of 1e-4 (a tenth of a pixel at 1000 px, as in traces). */
const SCALE = 1e4;
const FACE_VALUES = FACE_LANDMARK_COUNT * 3;
const HAND_VALUES = HAND_LANDMARK_COUNT * 3;
const MATRIX_VALUES = 16;

interface Block {
  readonly t: Float64Array;
  /** Per frame: bit 0 a face, bit 1 its matrix, bit 2 its blendshapes; then the hand count. */
  readonly flags: Uint8Array;
  readonly handCount: Uint8Array;
  readonly face: Int16Array;
  readonly matrix: Float32Array;
  readonly blendshapes: Float32Array;
  readonly hands: Int16Array;
  readonly handScore: Float32Array;
  /** 1 for MediaPipe's "Left", 0 for "Right". */
  readonly handLeft: Uint8Array;
}

const quantize = (v: number) => Math.max(-32767, Math.min(32767, Math.round(v * SCALE)));

/**
 * The landmarks of a session's most recent frames in typed arrays: about 3.7 kB a frame instead of
 * some 40 kB as nested JS arrays, so that a long session stays small even on a phone. Landmarks
 * keep four decimals, as trace files do. Pure: no DOM.
 */
export class FrameStore {
  private blocks: Block[] = [];
  /** Index of the oldest frame kept within the first block, and the number of frames kept. */
  private first = 0;
  private count = 0;
  /** Blendshape names, in the order their scores are kept (MediaPipe always gives the same). */
  private blendshapeNames: string[] = [];

  /** @param capacity frames kept; older ones drop off */
  constructor(readonly capacity: number) {}

  get length(): number {
    return this.count;
  }

  /** Bytes of typed arrays held. */
  get bytes(): number {
    let bytes = 0;
    for (const block of this.blocks)
      for (const array of Object.values(block)) bytes += (array as ArrayBufferView).byteLength;
    return bytes;
  }

  add(frame: TrackedFrame): void {
    const slot = this.first + this.count;
    const blockIndex = Math.floor(slot / BLOCK_FRAMES);
    const i = slot % BLOCK_FRAMES;
    while (this.blocks.length <= blockIndex) this.blocks.push(this.newBlock());
    const block = this.blocks[blockIndex] as Block;
    block.t[i] = frame.t;
    let flags = 0;
    const face = frame.face;
    if (face) {
      flags |= 1;
      const base = i * FACE_VALUES;
      for (let p = 0; p < FACE_LANDMARK_COUNT; p++) {
        const point = face.landmarks[p];
        block.face[base + p * 3] = quantize(point?.[0] ?? 0);
        block.face[base + p * 3 + 1] = quantize(point?.[1] ?? 0);
        block.face[base + p * 3 + 2] = quantize(point?.[2] ?? 0);
      }
      if (face.matrix) {
        flags |= 2;
        block.matrix.set(face.matrix.slice(0, MATRIX_VALUES), i * MATRIX_VALUES);
      }
      if (face.blendshapes) {
        flags |= 4;
        this.keepBlendshapes(block, i, face.blendshapes);
      }
    }
    block.flags[i] = flags;
    const hands = frame.hands.slice(0, MAX_HANDS);
    block.handCount[i] = hands.length;
    hands.forEach((hand, h) => {
      const base = (i * MAX_HANDS + h) * HAND_VALUES;
      for (let p = 0; p < HAND_LANDMARK_COUNT; p++) {
        const point = hand.landmarks[p];
        block.hands[base + p * 3] = quantize(point?.[0] ?? 0);
        block.hands[base + p * 3 + 1] = quantize(point?.[1] ?? 0);
        block.hands[base + p * 3 + 2] = quantize(point?.[2] ?? 0);
      }
      block.handScore[i * MAX_HANDS + h] = hand.score;
      block.handLeft[i * MAX_HANDS + h] = hand.handedness === 'Left' ? 1 : 0;
    });
    this.count++;
    if (this.count > this.capacity) {
      this.first++;
      this.count--;
    }
    // A block whose frames have all dropped off is let go.
    if (this.first >= BLOCK_FRAMES) {
      this.blocks.shift();
      this.first -= BLOCK_FRAMES;
    }
  }

  clear(): void {
    this.blocks = [];
    this.first = 0;
    this.count = 0;
  }

  /** The frames kept, oldest first, as frames again. */
  frames(): TrackedFrame[] {
    const frames: TrackedFrame[] = [];
    for (let k = 0; k < this.count; k++) {
      const slot = this.first + k;
      const block = this.blocks[Math.floor(slot / BLOCK_FRAMES)] as Block;
      frames.push(this.frameAt(block, slot % BLOCK_FRAMES));
    }
    return frames;
  }

  private frameAt(block: Block, i: number): TrackedFrame {
    const flags = block.flags[i] ?? 0;
    let face: FaceObservation | null = null;
    if (flags & 1) {
      const landmarks = points(block.face, i * FACE_VALUES, FACE_LANDMARK_COUNT);
      const matrix =
        flags & 2
          ? Array.from(block.matrix.subarray(i * MATRIX_VALUES, (i + 1) * MATRIX_VALUES))
          : undefined;
      const names = this.blendshapeNames;
      const blendshapes =
        flags & 4
          ? Object.fromEntries(
              names.map((name, n) => [name, block.blendshapes[i * names.length + n] ?? 0]),
            )
          : undefined;
      face = {
        landmarks,
        ...(blendshapes ? { blendshapes } : {}),
        ...(matrix ? { matrix } : {}),
      };
    }
    const hands: HandObservation[] = [];
    for (let h = 0; h < (block.handCount[i] ?? 0); h++) {
      const k = i * MAX_HANDS + h;
      hands.push({
        handedness: block.handLeft[k] ? 'Left' : 'Right',
        score: block.handScore[k] ?? 0,
        landmarks: points(block.hands, k * HAND_VALUES, HAND_LANDMARK_COUNT),
      });
    }
    return { t: block.t[i] ?? 0, face, hands };
  }

  private keepBlendshapes(block: Block, i: number, scores: Readonly<Record<string, number>>): void {
    if (this.blendshapeNames.length === 0) this.blendshapeNames = Object.keys(scores).slice(0, 64);
    const names = this.blendshapeNames;
    names.forEach((name, n) => {
      block.blendshapes[i * names.length + n] = scores[name] ?? 0;
    });
  }

  private newBlock(): Block {
    return {
      t: new Float64Array(BLOCK_FRAMES),
      flags: new Uint8Array(BLOCK_FRAMES),
      handCount: new Uint8Array(BLOCK_FRAMES),
      face: new Int16Array(BLOCK_FRAMES * FACE_VALUES),
      matrix: new Float32Array(BLOCK_FRAMES * MATRIX_VALUES),
      blendshapes: new Float32Array(BLOCK_FRAMES * 64),
      hands: new Int16Array(BLOCK_FRAMES * MAX_HANDS * HAND_VALUES),
      handScore: new Float32Array(BLOCK_FRAMES * MAX_HANDS),
      handLeft: new Uint8Array(BLOCK_FRAMES * MAX_HANDS),
    };
  }
}

function points(values: Int16Array, base: number, count: number): Point3[] {
  const out: Point3[] = [];
  for (let p = 0; p < count; p++)
    out.push([
      (values[base + p * 3] ?? 0) / SCALE,
      (values[base + p * 3 + 1] ?? 0) / SCALE,
      (values[base + p * 3 + 2] ?? 0) / SCALE,
    ]);
  return out;
}
