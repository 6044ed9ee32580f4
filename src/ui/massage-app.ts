import { css, html, LitElement, nothing } from 'lit';
import { type Cue, CuePolicy } from '../core/cue-policy';
import type { TrackedFrame } from '../core/frame';
import { handsFor, type Routine, type RoutineStep } from '../core/routine-schema';
import { findRoutine, ROUTINES, SESSIONS, sessionRoutine } from '../core/routines';
import { estimateRemainingMs } from '../core/session-plan';
import {
  type EngineEvent,
  type EngineSnapshot,
  StepEngine,
  type StepTally,
} from '../core/step-engine';
import { MAX_TRACE_CHARS, readTraceText, TraceRecorder } from '../core/trace';
import '../overlay/stroke-overlay';
import type { StrokeFlash } from '../overlay/stroke-overlay';
import { CameraController, CameraError } from '../tracking/camera-controller';
import { CameraFrameLoop } from '../tracking/frame-loop';
import type { FrameSource } from '../tracking/frame-source';
import { defaultRuntimeUrls } from '../tracking/landmark-worker-client';
import type { PipelineStats } from '../tracking/pipeline-stats';
import { TraceFrameSource } from '../tracking/trace-frame-source';
import { Tracker } from '../tracking/tracker';
import { appEvent } from './app-events';
import './coach-feedback';
import {
  type CoachMessage,
  liveMessage,
  SLOW_TRACKING_FPS,
  slowTrackingMessage,
  verdictMessage,
} from './feedback-text';
import './routine-summary';
import type { SessionCommand } from './session-controls';
import './session-controls';
import './start-screen';
import type { ReplayTraceEvent, StartChoice } from './start-screen';
import {
  loadVoiceSettings,
  saveVoiceSettings,
  VoiceCoach,
  type VoiceSettings,
} from './voice-coach';
import './step-card';
import { panelStyles } from './theme';

type Screen = 'start' | 'starting' | 'session' | 'summary' | 'error';

/** How long a stroke verdict stays on screen before live hints return (ms). */
const VERDICT_MS = 1600;
/** `massage-tracking` is fired at most this often (ms). */
const TRACKING_EVENT_INTERVAL_MS = 100;
/** The tracked frame rate is measured over this long (ms) once tracking has run that long. */
const TRACKING_RATE_WINDOW_MS = 3000;

/** Where a deep link (`?routine=<id>&step=<id>` or `?session=<id>&step=<id>`) points. */
export interface DeepLink {
  readonly kind: 'routine' | 'session';
  readonly id: string;
  readonly step: string | undefined;
}

/** Reads a deep link from a query string; null when it names no routine or session. */
export function parseDeepLink(search: string): DeepLink | null {
  const params = new URLSearchParams(search);
  const session = params.get('session');
  const routine = params.get('routine');
  const step = params.get('step') ?? undefined;
  if (session) return { kind: 'session', id: session, step };
  if (routine) return { kind: 'routine', id: routine, step };
  return null;
}

/** What the start screen offers: the two sessions first, then each routine on its own. */
const START_CHOICES: readonly StartChoice[] = [
  ...SESSIONS.map((plan) => ({
    id: plan.id,
    kind: 'session' as const,
    title: plan.title,
    summary: plan.summary,
    stepTitles: sessionRoutine(plan.id)?.steps.map((s) => s.title) ?? [],
  })),
  ...ROUTINES.map((routine) => ({
    id: routine.id,
    kind: 'routine' as const,
    title: routine.title,
    summary: routine.summary,
    stepTitles: routine.steps.map((s) => s.title),
  })),
];

/** How long a caption stays on screen (ms). */
const CAPTION_MS = 5000;

function formatClock(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/**
 * `<massage-app>`: the whole coach. Start screen → camera and models → live session → summary.
 *
 * @fires massage-tracking - at most 10 a second: `{face, hands, framesTracked}`
 * @fires massage-stroke - every judged stroke: `{step, verdict, side}`
 * @fires massage-step-complete - a step's strokes are done: `{step}`
 */
export class MassageApp extends LitElement {
  static override properties = {
    screen: { state: true },
    snapshot: { state: true },
    frame: { state: true },
    message: { state: true },
    paused: { state: true },
    mirrored: { state: true },
    errorMessage: { state: true },
    statusText: { state: true },
    flash: { state: true },
    summary: { state: true },
    caption: { state: true },
    voice: { state: true },
    replaying: { state: true },
  };

  static override styles = [
    panelStyles,
    css`
      :host {
        display: block;
        min-height: 100vh;
        background: #0b1017;
      }
      .session {
        display: grid;
        grid-template-columns: minmax(0, 3fr) minmax(18rem, 2fr);
        gap: 1rem;
        padding: 1rem;
        align-items: start;
      }
      @media (max-width: 900px) {
        .session {
          grid-template-columns: 1fr;
        }
      }
      .stage {
        position: relative;
        background: #000;
        border-radius: 16px;
        overflow: hidden;
        aspect-ratio: 4 / 3;
      }
      video {
        width: 100%;
        height: 100%;
        object-fit: contain;
        display: block;
      }
      video.mirrored {
        transform: scaleX(-1);
      }
      .loading {
        position: absolute;
        inset: 0;
        display: grid;
        place-items: center;
        background: rgba(0, 0, 0, 0.6);
        font-size: 1.2rem;
      }
      .panel {
        display: grid;
        gap: 0.8rem;
      }
      .options {
        color: var(--muted);
        font-size: 0.9rem;
      }
      .error {
        max-width: 36rem;
        margin: 3rem auto;
        padding: 1.5rem;
        background: var(--panel);
        border-radius: 16px;
        border-left: 6px solid var(--bad);
      }
      .caption {
        position: absolute;
        left: 50%;
        bottom: 1rem;
        transform: translateX(-50%);
        max-width: 90%;
        margin: 0;
        padding: 0.4rem 0.9rem;
        border-radius: 10px;
        background: rgba(0, 0, 0, 0.75);
        color: #fff;
        font-size: 1.1rem;
        text-align: center;
      }
      .clock {
        color: var(--muted);
        font-variant-numeric: tabular-nums;
      }
      .voice {
        display: flex;
        gap: 0.75rem;
        align-items: center;
        flex-wrap: wrap;
      }
      select {
        font: inherit;
      }
      .replay-badge {
        position: absolute;
        top: 1rem;
        right: 1rem;
        background: var(--panel);
        padding: 0.3rem 0.8rem;
        border-radius: 999px;
        color: var(--warn);
      }
      .paused {
        position: absolute;
        top: 1rem;
        left: 1rem;
        background: var(--panel);
        padding: 0.3rem 0.8rem;
        border-radius: 999px;
      }
    `,
  ];

  declare screen: Screen;
  declare snapshot: EngineSnapshot | null;
  declare frame: TrackedFrame | null;
  declare message: CoachMessage | null;
  declare paused: boolean;
  declare mirrored: boolean;
  declare errorMessage: string;
  declare statusText: string;
  declare flash: StrokeFlash | null;
  declare summary: { routine: Routine; tallies: readonly StepTally[] } | null;
  declare caption: { text: string; at: number } | null;
  declare voice: VoiceSettings;
  /** Playing a saved trace instead of the camera. */
  declare replaying: boolean;

  private readonly camera = new CameraController(this);
  private readonly recorder = new TraceRecorder();
  /** The summary about to be shown once the last verdict has been seen. */
  private summaryTimer: ReturnType<typeof setTimeout> | undefined;
  /** Counts session ends, so a start still loading can tell it was ended meanwhile. */
  private startCount = 0;
  private source: FrameSource | null = null;
  private engine: StepEngine | null = null;
  private lastTrackingEvent = -Infinity;
  /** The tracked frame rate while it is too low to follow every stroke, else null. */
  private slowTrackingFps: number | null = null;
  /** When frames began coming in without a break (performance.now()), for the rate. */
  private trackingSince: number | null = null;
  private trackingRateCheckedAt = -Infinity;
  private lastVerdictAt = -Infinity;
  private cues: CuePolicy | null = null;
  private speaker: VoiceCoach;
  private sessionStartT: number | null = null;
  /** The step the live source was last told the number of hands for. */
  private handsStep: RoutineStep | null = null;

  constructor() {
    super();
    this.screen = 'start';
    this.snapshot = null;
    this.frame = null;
    this.message = null;
    this.paused = false;
    this.mirrored = true;
    this.errorMessage = '';
    this.statusText = '';
    this.flash = null;
    this.summary = null;
    this.caption = null;
    this.replaying = false;
    this.voice = loadVoiceSettings();
    this.speaker = new VoiceCoach(this.voice);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    const link = parseDeepLink(location.search);
    if (link) void this.startSession(link.id, link.kind, link.step);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.endSession();
    this.speaker.dispose();
  }

  /** Timings of the live pipeline (for diagnostics and the pipeline benchmark), while a session runs. */
  get pipelineStats(): PipelineStats | null {
    return this.source?.stats ?? null;
  }

  /** Where the tracking models run ("GPU" or "CPU") during a live session, else null. */
  get trackingDelegate(): string | null {
    return this.source instanceof CameraFrameLoop ? this.source.delegate : null;
  }

  /**
   * Starts a routine or a session (optionally at a step): opens the camera, loads the models,
   * starts coaching.
   */
  async startSession(
    id: string,
    kind: 'routine' | 'session' = 'routine',
    stepId?: string,
  ): Promise<void> {
    const routine = this.resolveRoutine(id, kind, stepId);
    if (!routine) return;
    this.endSession();
    this.replaying = false;
    this.screen = 'starting';
    this.statusText = 'Starting the camera and loading the tracking models…';
    await this.updateComplete;
    const video = this.renderRoot.querySelector('video') as HTMLVideoElement;
    const firstStep = routine.steps.find((s) => s.id === stepId) ?? routine.steps[0];
    const start = this.startCount;
    const tracker = Tracker.create(defaultRuntimeUrls(), firstStep ? handsFor(firstStep) : 2);
    try {
      await Promise.all([this.camera.start(video), tracker]);
    } catch (error) {
      if (start === this.startCount) this.camera.stop();
      tracker.then((t) => t.dispose()).catch(() => undefined);
      // Ended on purpose while the camera was opening: nothing failed.
      if (start !== this.startCount || (error instanceof CameraError && error.kind === 'stopped'))
        return;
      return this.fail(error instanceof Error ? error.message : String(error));
    }
    if (start !== this.startCount) {
      // Ended while the models loaded: the camera is already off; let the models go too.
      (await tracker).dispose();
      return;
    }
    performance.mark('massage:tracking-ready');
    const loop = new CameraFrameLoop(video, await tracker, (error) =>
      this.fail(`Tracking stopped: ${error.message}. Reload the page to start again.`),
    );
    this.begin(loop, routine, stepId);
  }

  /**
   * Replays a saved landmark trace through a routine or session, without the camera: the coach
   * counts and judges the recorded strokes as it would have live.
   */
  async replayTrace(
    file: Blob,
    id: string,
    kind: 'routine' | 'session' = 'routine',
  ): Promise<void> {
    const routine = this.resolveRoutine(id, kind, undefined);
    if (!routine) return;
    const unusable = (why: string) =>
      this.fail(
        `That file is not a usable landmark trace: ${why}. Choose a file saved with “Save landmark trace”.`,
      );
    // NOTE: the size is checked before reading, so a huge file is never loaded into memory.
    if (file.size > MAX_TRACE_CHARS) return unusable('it is too large to be a saved session');
    const parsed = readTraceText(await file.text());
    if (!parsed.ok) return unusable(parsed.error);
    this.endSession();
    this.replaying = true;
    const source = new TraceFrameSource(parsed.trace, () => {
      // The recording ends: judge a stroke still under way, then show the summary.
      const lastT = this.frame?.t;
      if (lastT !== undefined)
        for (const event of this.engine?.finish(lastT) ?? []) this.handleEngineEvent(event);
      this.scheduleSummary();
    });
    this.begin(source, routine, undefined);
  }

  private resolveRoutine(
    id: string,
    kind: 'routine' | 'session',
    stepId: string | undefined,
  ): Routine | null {
    const routine = kind === 'session' ? sessionRoutine(id) : findRoutine(id);
    if (!routine) {
      const known = (kind === 'session' ? SESSIONS : ROUTINES).map((r) => r.id).join(', ');
      this.fail(`There is no ${kind} called “${id}”. Choose one of: ${known}.`);
      return null;
    }
    if (stepId && !routine.steps.some((s) => s.id === stepId)) {
      this.fail(`The routine “${routine.title}” has no step called “${stepId}”.`);
      return null;
    }
    return routine;
  }

  private begin(source: FrameSource, routine: Routine, stepId: string | undefined): void {
    this.engine = new StepEngine(routine, source.frameSize, stepId);
    this.cues = new CuePolicy(
      routine,
      (verdict, side) => verdictMessage(verdict, side, this.mirrored).text,
    );
    this.sessionStartT = null;
    this.trackingSince = null;
    this.slowTrackingFps = null;
    this.handsStep = null;
    this.recorder.clear();
    this.snapshot = this.engine.snapshot;
    this.source = source;
    this.paused = false;
    this.screen = 'session';
    source.start((frame) => this.onFrame(frame));
    const { width, height } = source.frameSize;
    void this.updateComplete.then(() => {
      // NOTE: set through the CSSOM once per session; the Content-Security-Policy blocks inline
      // style attributes, which is what lit's styleMap writes on first render.
      const stage = this.renderRoot.querySelector<HTMLElement>('.stage');
      if (stage && width > 0) stage.style.aspectRatio = `${width} / ${height}`;
    });
  }

  /** Shows the summary once the last verdict has had its moment on screen. */
  private scheduleSummary(): void {
    clearTimeout(this.summaryTimer);
    this.summaryTimer = setTimeout(() => this.showSummary(), VERDICT_MS);
  }

  private showSummary(): void {
    const engine = this.engine;
    if (!engine) return;
    this.summary = { routine: engine.routine, tallies: [...engine.summary] };
    this.endSession();
    this.screen = 'summary';
  }

  private onFrame(frame: TrackedFrame): void {
    const engine = this.engine;
    if (!engine) return;
    this.recorder.add(frame);
    this.sessionStartT ??= frame.t;
    const events = engine.update(frame);
    for (const event of events) this.handleEngineEvent(event);
    this.frame = frame;
    this.snapshot = engine.snapshot;
    if (this.handsStep !== this.snapshot.step) {
      this.handsStep = this.snapshot.step;
      this.source?.setNumHands?.(handsFor(this.snapshot.step));
    }
    const now = performance.now();
    this.trackingSince ??= now;
    this.checkTrackingRate(now);
    if (now - this.lastVerdictAt > VERDICT_MS)
      this.message =
        this.slowTrackingFps === null
          ? liveMessage(this.snapshot.feedback)
          : slowTrackingMessage(this.slowTrackingFps);
    if (now - this.lastTrackingEvent >= TRACKING_EVENT_INTERVAL_MS) {
      this.lastTrackingEvent = now;
      this.dispatchEvent(
        appEvent('massage-tracking', {
          face: frame.face !== null,
          hands: frame.hands.length,
          framesTracked: this.source?.framesTracked ?? 0,
        }),
      );
    }
  }

  /** Once a second, measures the tracked frame rate over the last few seconds of a live session. */
  private checkTrackingRate(now: number): void {
    if (now - this.trackingRateCheckedAt < 1000) return;
    this.trackingRateCheckedAt = now;
    const stats = this.source instanceof CameraFrameLoop ? this.source.stats : null;
    const since = now - TRACKING_RATE_WINDOW_MS;
    if (!stats || this.trackingSince === null || this.trackingSince > since) return;
    const fps = stats.frameRate(since, now);
    this.slowTrackingFps = fps < SLOW_TRACKING_FPS ? fps : null;
  }

  private say(cue: Cue): void {
    this.caption = { text: cue.text, at: performance.now() };
    this.speaker.speak(cue);
  }

  private setVoice(settings: VoiceSettings): void {
    this.voice = settings;
    saveVoiceSettings(settings);
    this.speaker.update(settings);
  }

  private handleEngineEvent(event: EngineEvent): void {
    for (const cue of this.cues?.cuesFor(event, performance.now()) ?? []) this.say(cue);
    switch (event.type) {
      case 'stroke':
        this.lastVerdictAt = performance.now();
        this.flash = { verdict: event.verdict, side: event.side, at: this.lastVerdictAt };
        // A stroke cut short at a low frame rate is as likely a miss of ours: say so, not "too short".
        this.message =
          event.verdict === 'too-short' && this.slowTrackingFps !== null
            ? slowTrackingMessage(this.slowTrackingFps)
            : verdictMessage(event.verdict, event.side, this.mirrored);
        this.dispatchEvent(
          appEvent('massage-stroke', {
            step: event.step,
            verdict: event.verdict,
            side: event.side,
          }),
        );
        break;
      case 'step-complete': {
        const next = this.engine?.routine.steps[(this.snapshot?.stepIndex ?? 0) + 1];
        this.lastVerdictAt = performance.now();
        this.message = {
          text: next ? `Step done. Next: ${next.title}.` : 'Routine done. Well done!',
          tone: 'good',
        };
        this.dispatchEvent(appEvent('massage-step-complete', { step: event.step }));
        break;
      }
      case 'routine-complete':
        this.scheduleSummary();
        break;
      case 'step-start':
        break;
    }
  }

  private command(command: SessionCommand): void {
    const engine = this.engine;
    if (!engine) {
      // Still loading: End gives up the start, and nothing else has anything to act on yet.
      if (command === 'end' && this.screen === 'starting') this.goHome();
      return;
    }
    switch (command) {
      case 'previous':
      case 'next':
        engine.goToStep(engine.snapshot.stepIndex + (command === 'next' ? 1 : -1));
        this.snapshot = engine.snapshot;
        break;
      case 'pause':
        this.source?.stop();
        this.speaker.stop();
        this.paused = true;
        break;
      case 'resume':
        // The rate is measured afresh: the pause is no slowness.
        this.trackingSince = null;
        this.source?.start((frame) => this.onFrame(frame));
        this.paused = false;
        break;
      case 'save-trace':
        this.saveTrace();
        break;
      case 'end':
        this.speaker.stop();
        this.showSummary();
        break;
    }
  }

  /** Downloads the session's landmarks (never pixels) as a trace file. */
  private saveTrace(): void {
    const size = this.source?.frameSize;
    if (!size || this.recorder.length === 0) {
      this.message = { text: 'Nothing tracked yet: there is no trace to save.', tone: 'info' };
      return;
    }
    const blob = new Blob([JSON.stringify(this.recorder.toTrace(size))], {
      type: 'application/json',
    });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = `massage-trace-${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
    this.message = {
      text: `Saved ${this.recorder.length} frames of landmarks to your downloads.`,
      tone: 'info',
    };
    this.lastVerdictAt = performance.now();
  }

  private endSession(): void {
    this.startCount++;
    // A summary still due belongs to this session: a session started meanwhile must not end.
    clearTimeout(this.summaryTimer);
    this.summaryTimer = undefined;
    this.source?.dispose();
    this.source = null;
    this.camera.stop();
    this.engine = null;
    this.cues = null;
    this.frame = null;
    this.caption = null;
  }

  private fail(message: string): void {
    this.endSession();
    this.errorMessage = message;
    this.screen = 'error';
  }

  protected override render() {
    switch (this.screen) {
      case 'start':
        return html`<start-screen
          .choices=${START_CHOICES}
          @start-routine=${(e: CustomEvent<{ choiceId: string; kind: 'routine' | 'session' }>) =>
            this.startSession(e.detail.choiceId, e.detail.kind)}
          @replay-trace=${(e: ReplayTraceEvent) => this.replayTrace(e.detail.file, e.detail.choiceId, e.detail.kind)}
        ></start-screen>`;
      case 'error':
        return html`<div class="error" role="alert">
          <h2>Something needs your attention</h2>
          <p class="error-message">${this.errorMessage}</p>
          <button @click=${() => this.goHome()}>Back to the start</button>
        </div>`;
      case 'summary':
        return html`<routine-summary
          .routine=${this.summary?.routine ?? null}
          .tallies=${this.summary?.tallies ?? []}
          @summary-close=${() => this.goHome()}
        ></routine-summary>`;
      default:
        return this.renderSession();
    }
  }

  private renderSession() {
    const snapshot = this.snapshot;
    const frameSize = this.engine ? this.source?.frameSize : undefined;
    const doneSides = snapshot
      ? snapshot.sides.filter(
          (side) =>
            snapshot.step.sides === 'each' &&
            snapshot.tally.counts[side].good >= snapshot.step.reps,
        )
      : [];
    return html`<div class="session">
      <div class="stage">
        <video class=${this.mirrored ? 'mirrored' : ''} ?hidden=${this.replaying} muted playsinline></video>
        <stroke-overlay
          .frame=${this.frame}
          .frameSize=${frameSize ?? { width: 640, height: 480 }}
          .step=${snapshot?.phase === 'active' ? snapshot.step : null}
          .mirrored=${this.mirrored}
          .flash=${this.flash}
          .doneSides=${doneSides}
          .hold=${snapshot?.hold ?? {}}
          .showFace=${this.replaying}
          @overlay-error=${(e: CustomEvent<{ message: string }>) => {
            this.message = { text: e.detail.message, tone: 'bad' };
          }}
        ></stroke-overlay>
        ${this.screen === 'starting' ? html`<div class="loading">${this.statusText}</div>` : nothing}
        ${this.paused ? html`<div class="paused">Paused</div>` : nothing}
        ${this.replaying ? html`<div class="replay-badge">Replaying a saved trace</div>` : nothing}
        ${this.renderCaption()}
      </div>
      <div class="panel">
        ${this.renderClock(snapshot)}
        <step-card
          .step=${snapshot?.step ?? null}
          .tally=${snapshot?.tally ?? null}
          .position=${snapshot ? { index: snapshot.stepIndex, total: snapshot.routine.steps.length } : null}
        ></step-card>
        <coach-feedback .message=${this.message}></coach-feedback>
        <session-controls
          .paused=${this.paused}
          .canGoBack=${(snapshot?.stepIndex ?? 0) > 0}
          .canGoForward=${snapshot ? snapshot.stepIndex + 1 < snapshot.routine.steps.length : false}
          @session-command=${(e: CustomEvent<{ command: SessionCommand }>) => this.command(e.detail.command)}
        ></session-controls>
        <label class="options">
          <input type="checkbox" .checked=${this.mirrored} @change=${(e: Event) => {
            this.mirrored = (e.target as HTMLInputElement).checked;
          }} />
          Mirror the video (like a mirror: your right hand shows on the right)
        </label>
        <div class="options voice">
          <button
            class="secondary mute"
            aria-pressed=${this.voice.muted ? 'true' : 'false'}
            @click=${() => this.setVoice({ ...this.voice, muted: !this.voice.muted })}
          >
            ${this.voice.muted ? 'Unmute voice' : 'Mute voice'}
          </button>
          <label>
            Speech
            <select
              class="rate"
              @change=${(e: Event) => this.setVoice({ ...this.voice, rate: Number((e.target as HTMLSelectElement).value) })}
            >
              ${[
                [0.8, 'slow'],
                [1, 'normal'],
                [1.2, 'fast'],
              ].map(
                ([rate, label]) =>
                  html`<option value=${rate} ?selected=${this.voice.rate === rate}>${label}</option>`,
              )}
            </select>
          </label>
          ${VoiceCoach.supported ? nothing : html`<span>This browser cannot speak; cues are shown as captions.</span>`}
        </div>
      </div>
    </div>`;
  }

  /** The latest spoken cue as a caption over the video. */
  private renderCaption() {
    const caption = this.caption;
    if (!caption || performance.now() - caption.at > CAPTION_MS) return nothing;
    return html`<p class="caption" aria-live="polite">${caption.text}</p>`;
  }

  /** Session clock and the estimated time left; a countdown in timed steps. */
  private renderClock(snapshot: EngineSnapshot | null) {
    if (!snapshot || this.sessionStartT === null || !this.frame) return nothing;
    const elapsed = this.frame.t - this.sessionStartT;
    const left = estimateRemainingMs(snapshot.routine, snapshot.stepIndex, snapshot.elapsedMs);
    return html`<div class="clock" role="timer">
      <span class="elapsed">${formatClock(elapsed)}</span> elapsed ·
      <span class="left">about ${Math.max(1, Math.round(left / 60_000))} min left</span>
      ${
        snapshot.remainingMs !== null
          ? html` · <span class="step-left">${formatClock(snapshot.remainingMs)} left in this step</span>`
          : nothing
      }
    </div>`;
  }

  private goHome(): void {
    this.speaker.stop();
    this.endSession();
    history.replaceState(null, '', location.pathname);
    this.screen = 'start';
  }
}

customElements.define('massage-app', MassageApp);

declare global {
  interface HTMLElementTagNameMap {
    'massage-app': MassageApp;
  }
}
