import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { CuePolicy } from '../core/cue-policy';
import type { TrackedFrame } from '../core/frame';
import { type LightingIssue, lightingIssue } from '../core/lighting';
import type { Routine } from '../core/routine-schema';
import type { EngineEvent, EngineSnapshot, LiveFeedback } from '../core/step-engine';
import type { StrokeFlash } from '../overlay/stroke-overlay';
import type { AdaptiveQuality } from '../tracking/adaptive-quality';
import type { FrameSource } from '../tracking/frame-source';
import {
  type CoachMessage,
  lightingMessage,
  liveMessage,
  SLOW_TRACKING_FPS,
  slowTrackingMessage,
  verdictMessage,
} from './feedback-text';
import type { SessionObserver } from './session-controller';
import type { Caption } from './session-view';
import type { VoiceController } from './voice-controller';

/** How long a stroke verdict stays on screen before live hints return (ms). */
export const VERDICT_MS = 1600;
/** How long a caption stays on screen (ms). */
export const CAPTION_MS = 5000;
/** The light is judged this often (ms), and said to be poor only when two judgements in a row agree. */
const LIGHT_CHECK_MS = 1000;
/** Hints the light advice may take the place of: nothing more pressing is being said. */
const LIGHT_CAN_REPLACE: ReadonlySet<LiveFeedback> = new Set([
  'hold-still',
  'no-hands',
  'hands-ready',
  'off-target',
]);
/** Tracking must have run this long (ms) before its rate is judged: the models' first runs are slow. */
const TRACKING_WARMUP_MS = 3000;

/**
 * What the coach says during a session: the message under the step card (a verdict for a moment,
 * else the live hint, or that tracking is too slow to follow), the flash on the arrows, and spoken
 * cues with their captions, which go away on their own timer.
 */
export class CoachController implements ReactiveController, SessionObserver {
  message: CoachMessage | null = null;
  caption: Caption | null = null;
  flash: StrokeFlash | null = null;
  private cues: CuePolicy | null = null;
  private captionTimer: ReturnType<typeof setTimeout> | undefined;
  private lastVerdictAt = -Infinity;
  /** The tracked and camera frame rates while too few are tracked to follow every stroke. */
  private slowTracking: { tracked: number; camera: number } | null = null;
  /** When frames began coming in without a break, for the rate. */
  private trackingSince: number | null = null;
  private rateCheckedAt = -Infinity;
  /** Poor light, as last judged twice in a row, else null. */
  private lighting: LightingIssue | null = null;
  private lastLightJudgement: LightingIssue | null = null;
  private lightCheckedAt = -Infinity;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly voice: VoiceController,
    /** Whether the video is shown mirrored, which decides "left" and "right" in hints. */
    private readonly mirrored: () => boolean,
    private readonly now: () => number = () => performance.now(),
  ) {
    host.addController(this);
  }

  /** Starts coaching a routine afresh. */
  begin(routine: Routine): void {
    this.end();
    this.cues = new CuePolicy(
      routine,
      (verdict, side) => verdictMessage(verdict, side, this.mirrored()).text,
    );
  }

  /** Stops coaching: nothing more is said or shown. */
  end(): void {
    this.cues = null;
    this.message = null;
    this.flash = null;
    this.clearCaption();
    this.lastVerdictAt = -Infinity;
    this.slowTracking = null;
    this.trackingSince = null;
    this.rateCheckedAt = -Infinity;
    this.lighting = null;
    this.lastLightJudgement = null;
    this.lightCheckedAt = -Infinity;
    this.voice.stop();
  }

  /** Says the current step's introduction again (the person asked for it). */
  repeat(snapshot: EngineSnapshot): void {
    const cue = this.cues?.introFor(snapshot.step.id);
    if (!cue) return;
    this.showCaption({ text: cue.text });
    this.voice.speak(cue);
  }

  /** Tracking paused: silence, and measure the rate afresh on resume (a pause is no slowness). */
  pause(): void {
    this.voice.stop();
    this.trackingSince = null;
  }

  /** After each tracked frame: the live hint, unless a verdict is still on screen. */
  frameTracked(frame: TrackedFrame, snapshot: EngineSnapshot, source: FrameSource): void {
    const now = this.now();
    this.trackingSince ??= now;
    this.checkTrackingRate(now, source.quality ?? null);
    this.checkLight(now, frame, source);
    if (now - this.lastVerdictAt <= VERDICT_MS) return;
    if (this.slowTracking)
      this.message = slowTrackingMessage(this.slowTracking.tracked, this.slowTracking.camera);
    else if (this.lighting && LIGHT_CAN_REPLACE.has(snapshot.feedback))
      this.message = lightingMessage(this.lighting);
    else
      this.message = liveMessage(
        snapshot.feedback,
        snapshot.step.kind === 'head-tilt' || snapshot.step.kind === 'brow-raise',
      );
  }

  /** Says and shows what an engine event calls for. */
  engineEvent(event: EngineEvent, routine: Routine): void {
    const now = this.now();
    for (const cue of this.cues?.cuesFor(event, now) ?? []) {
      this.showCaption({ text: cue.text });
      this.voice.speak(cue);
    }
    if (event.type === 'stroke') {
      this.hold(now);
      this.flash = { verdict: event.verdict, side: event.side, at: now };
      // A stroke cut short at a low frame rate is as likely a miss of ours: say so, not "too short".
      this.message =
        event.verdict === 'too-short' && this.slowTracking
          ? slowTrackingMessage(this.slowTracking.tracked, this.slowTracking.camera)
          : verdictMessage(event.verdict, event.side, this.mirrored());
    } else if (event.type === 'step-complete') {
      const index = routine.steps.findIndex((s) => s.id === event.step);
      const next = routine.steps[index + 1];
      this.hold(now);
      this.message = {
        text: next ? `Step done. Next: ${next.title}.` : 'Routine done. Well done!',
        tone: 'good',
      };
    }
  }

  /** Shows a message of the app's own (not a hint) for as long as a verdict. */
  inform(message: CoachMessage): void {
    this.hold(this.now());
    this.message = message;
    this.host.requestUpdate();
  }

  hostDisconnected(): void {
    this.end();
  }

  private hold(now: number): void {
    this.lastVerdictAt = now;
  }

  private showCaption(caption: Caption): void {
    this.clearCaption();
    this.caption = caption;
    this.captionTimer = setTimeout(() => {
      this.caption = null;
      this.host.requestUpdate();
    }, CAPTION_MS);
    this.host.requestUpdate();
  }

  private clearCaption(): void {
    clearTimeout(this.captionTimer);
    this.captionTimer = undefined;
    this.caption = null;
  }

  /** Once a second, judges the light on the face from the camera picture (live sources only). */
  private checkLight(now: number, frame: TrackedFrame, source: FrameSource): void {
    if (now - this.lightCheckedAt < LIGHT_CHECK_MS || !frame.face || !source.lightSample) return;
    this.lightCheckedAt = now;
    const image = source.lightSample();
    if (!image) return;
    const judged = lightingIssue(image, frame.face.landmarks);
    // Poor light is said only when two judgements a second apart agree; good light at once.
    this.lighting = judged !== null && judged === this.lastLightJudgement ? judged : null;
    this.lastLightJudgement = judged;
  }

  /**
   * Once a second, reads the rates the adaptive quality last measured: after it has lowered what
   * it can, tracking still this slow is worth telling the person.
   */
  private checkTrackingRate(now: number, quality: AdaptiveQuality | null): void {
    if (now - this.rateCheckedAt < 1000) return;
    this.rateCheckedAt = now;
    const rates = quality?.rates;
    if (!rates || this.trackingSince === null || now - this.trackingSince < TRACKING_WARMUP_MS)
      return;
    this.slowTracking =
      rates.tracked < SLOW_TRACKING_FPS ? { tracked: rates.tracked, camera: rates.camera } : null;
  }
}
