import type { FrameSize, TrackedFrame } from '../core/frame';
import type { LumaImage } from '../core/lighting';
import type { AdaptiveQuality } from './adaptive-quality';
import type { PipelineStats } from './pipeline-stats';

/** Receives each tracked frame. */
export type FrameListener = (frame: TrackedFrame) => void;

/**
 * Anything that delivers tracked frames over time: the live camera pipeline, or a recorded trace
 * played back (tests and demo mode).
 */
export interface FrameSource {
  /** Size of the camera frames the landmarks refer to. */
  readonly frameSize: FrameSize;
  /** Frames delivered so far. */
  readonly framesTracked: number;
  /** Timings of recent frames, where the source measures them. */
  readonly stats?: PipelineStats;
  /** How much tracking and drawing spend, where the source adapts it to the machine. */
  readonly quality?: AdaptiveQuality;
  /** A small grey picture of the camera frame, to judge the light by (live sources only). */
  lightSample?(): LumaImage | null;
  /** Tells a live source how many hands the current step is done with. */
  setNumHands?(hands: number): void;
  /** Begins (or resumes) delivering frames. */
  start(listener: FrameListener): void;
  /** Pauses delivery; `start` resumes it. */
  stop(): void;
  /** Releases everything the source holds. */
  dispose(): void;
}
