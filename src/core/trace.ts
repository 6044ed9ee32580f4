import { z } from 'zod';
import {
  FACE_LANDMARK_COUNT,
  type FrameSize,
  HAND_LANDMARK_COUNT,
  type TrackedFrame,
} from './frame';
import { FrameStore } from './frame-store';

/**
 * Landmark traces, format v1: a recorded session as JSON, landmarks only (never pixels).
 *
 *     {"format":"massage-trace","version":1,"width":640,"height":480,
 *      "frames":[{"t":0,"face":null|{"landmarks":[[x,y,z],...478],"blendshapes":{...},"matrix":[16]},
 *                 "hands":[{"handedness":"Left"|"Right","score":0.97,"landmarks":[[x,y,z],...21]}]}]}
 *
 * `t` is in ms and strictly increasing; coordinates are as in {@link TrackedFrame}.
 */
export interface Trace extends FrameSize {
  readonly format: 'massage-trace';
  readonly version: 1;
  readonly frames: readonly TrackedFrame[];
}

const point = z.tuple([z.number(), z.number(), z.number()]);

const traceSchema = z
  .object({
    format: z.literal('massage-trace'),
    version: z.literal(1),
    width: z.number().int().positive(),
    height: z.number().int().positive(),
    frames: z.array(
      z.object({
        t: z.number().finite(),
        face: z
          .object({
            landmarks: z.array(point).length(FACE_LANDMARK_COUNT),
            blendshapes: z.record(z.string(), z.number()).optional(),
            matrix: z.array(z.number()).length(16).optional(),
          })
          .nullable(),
        hands: z.array(
          z.object({
            handedness: z.enum(['Left', 'Right']),
            score: z.number(),
            landmarks: z.array(point).length(HAND_LANDMARK_COUNT),
          }),
        ),
      }),
    ),
  })
  .superRefine((trace, ctx) => {
    for (let i = 1; i < trace.frames.length; i++) {
      if ((trace.frames[i]?.t ?? 0) <= (trace.frames[i - 1]?.t ?? 0)) {
        ctx.addIssue({
          code: 'custom',
          path: ['frames', i, 't'],
          message: 'times must strictly increase',
        });
        return;
      }
    }
  });

/** The outcome of reading a trace. */
export type TraceParseResult = { ok: true; trace: Trace } | { ok: false; error: string };

/** The largest trace file read (characters of JSON): about two hours of frames at 15 a second. */
export const MAX_TRACE_CHARS = 256 * 1024 * 1024;
/** The longest trace read (ms of recording). */
export const MAX_TRACE_DURATION_MS = 3 * 60 * 60 * 1000;

/** Validates trace data (already parsed from JSON). */
export function parseTrace(data: unknown): TraceParseResult {
  const shape = data as { format?: unknown; version?: unknown; frames?: unknown } | null;
  if (typeof shape !== 'object' || shape === null || Array.isArray(shape))
    return { ok: false, error: 'it holds no landmark trace (a JSON object was expected)' };
  if (shape.format !== 'massage-trace')
    return { ok: false, error: 'it is not a massage-coach landmark trace' };
  if (shape.version !== 1)
    return {
      ok: false,
      error:
        typeof shape.version === 'number'
          ? `it was saved in a trace format this app cannot read (version ${shape.version}; it reads version 1)`
          : 'its format version is missing or wrong',
    };
  const frames = shape.frames;
  if (Array.isArray(frames) && frames.length > 1) {
    const first = (frames[0] as { t?: unknown } | null)?.t;
    const last = (frames.at(-1) as { t?: unknown } | null)?.t;
    if (
      typeof first === 'number' &&
      typeof last === 'number' &&
      last - first > MAX_TRACE_DURATION_MS
    )
      return { ok: false, error: 'it is longer than three hours, more than a session records' };
  }
  const result = traceSchema.safeParse(data);
  if (result.success) return { ok: true, trace: result.data as Trace };
  return { ok: false, error: describeIssue(result.error.issues[0]) };
}

/** Reads a trace file's text: size first, then JSON, then the trace itself. */
export function readTraceText(text: string, maxChars = MAX_TRACE_CHARS): TraceParseResult {
  if (text.length > maxChars)
    return {
      ok: false,
      error: `it is too large to be a saved session (${Math.ceil(text.length / 1024 / 1024)} MB; at most ${Math.floor(maxChars / 1024 / 1024)} MB)`,
    };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, error: 'it is not JSON (it may be cut short or another kind of file)' };
  }
  return parseTrace(data);
}

/** Says in plain words where a trace is damaged. */
function describeIssue(issue: z.core.$ZodIssue | undefined): string {
  if (!issue) return 'it is damaged';
  const [top, frame, part, index, field] = issue.path;
  if (top !== 'frames' || typeof frame !== 'number') {
    const what = {
      width: 'its frame width',
      height: 'its frame height',
      frames: 'its list of frames',
    }[String(top)];
    return `${what ?? 'its header'} is missing or wrong`;
  }
  const at = `frame ${frame + 1}`;
  if (part === 't')
    return issue.code === 'custom'
      ? `${at} is out of order: times must increase from frame to frame`
      : `${at} has no valid time`;
  if (part === 'face') {
    if (index === 'landmarks')
      return `the face in ${at} does not have the ${FACE_LANDMARK_COUNT} points a face has`;
    return `the face in ${at} is damaged`;
  }
  if (part === 'hands') {
    const hand = typeof index === 'number' ? `hand ${index + 1} in ${at}` : `the hands in ${at}`;
    if (field === 'landmarks')
      return `${hand} does not have the ${HAND_LANDMARK_COUNT} points a hand has`;
    return `${hand} is damaged`;
  }
  return `${at} is damaged`;
}

/** Builds a trace from frames (rounded to 4 decimals, a tenth of a pixel, to keep files small). */
export function toTrace(size: FrameSize, frames: readonly TrackedFrame[]): Trace {
  const round = (v: number) => Math.round(v * 1e4) / 1e4;
  const roundPoint = (p: readonly number[]) =>
    [round(p[0] ?? 0), round(p[1] ?? 0), round(p[2] ?? 0)] as const;
  return {
    format: 'massage-trace',
    version: 1,
    width: size.width,
    height: size.height,
    frames: frames.map((f) => ({
      t: Math.round(f.t * 1000) / 1000,
      face: f.face
        ? {
            landmarks: f.face.landmarks.map(roundPoint),
            ...(f.face.blendshapes
              ? {
                  blendshapes: Object.fromEntries(
                    Object.entries(f.face.blendshapes).map(([k, v]) => [k, round(v)]),
                  ),
                }
              : {}),
            ...(f.face.matrix
              ? { matrix: f.face.matrix.map((v) => Math.round(v * 1e5) / 1e5) }
              : {}),
          }
        : null,
      hands: f.hands.map((h) => ({
        handedness: h.handedness,
        score: round(h.score),
        landmarks: h.landmarks.map(roundPoint),
      })),
    })),
  };
}

/**
 * Keeps the most recent frames of a session for saving as a trace, compactly (see
 * {@link FrameStore}); older frames drop off so a long session never grows without bound.
 */
export class TraceRecorder {
  private readonly store: FrameStore;

  /** @param capacity frames kept (the default is about five minutes at 30 frames a second) */
  constructor(capacity = 9000) {
    this.store = new FrameStore(capacity);
  }

  get length(): number {
    return this.store.length;
  }

  /** Bytes the recording holds. */
  get bytes(): number {
    return this.store.bytes;
  }

  add(frame: TrackedFrame): void {
    this.store.add(frame);
  }

  clear(): void {
    this.store.clear();
  }

  /** The recorded frames as a trace. */
  toTrace(size: FrameSize): Trace {
    return toTrace(size, this.store.frames());
  }
}
