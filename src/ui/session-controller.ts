import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { TrackedFrame } from '../core/frame';
import { GestureHold, type GestureState } from '../core/gesture-hold';
import { handsFor, type Routine, type RoutineStep } from '../core/routine-schema';
import { findRoutine, ROUTINES, SESSIONS, sessionRoutine } from '../core/routines';
import { type EngineEvent, type EngineSnapshot, StepEngine } from '../core/step-engine';
import { MAX_TRACE_CHARS, readTraceText, type Trace, TraceRecorder } from '../core/trace';
import { type SessionRecord, toSessionRecord } from '../history/session-record';
import type { QualityLevel } from '../tracking/adaptive-quality';
import { type CameraChoice, CameraController, CameraError } from '../tracking/camera-controller';
import { CameraFrameLoop } from '../tracking/frame-loop';
import type { FrameSource } from '../tracking/frame-source';
import { defaultRuntimeUrls } from '../tracking/landmark-worker-client';
import { loadingText } from '../tracking/load-progress';
import type { PipelineStats } from '../tracking/pipeline-stats';
import { TraceFrameSource } from '../tracking/trace-frame-source';
import { Tracker } from '../tracking/tracker';
import { VERDICT_MS } from './coach-controller';
import { downloadBlob } from './download';
import type { CoachMessage } from './feedback-text';
import { parseDeepLink } from './navigation';
import type { SessionCommand } from './session-controls';
import {
  loadProgress,
  loadSummary,
  type SavedProgress,
  type SavedTally,
  saveProgress,
  saveSummary,
  toSavedTallies,
} from './session-store';

/** The app's screens. */
export type Screen = 'start' | 'starting' | 'session' | 'summary' | 'history' | 'error';

/** What a finished session leaves to show. */
export interface SessionSummary {
  readonly routine: Routine;
  readonly record: SessionRecord;
}

/** Whoever follows a session as it runs (the coach, the embedder's events). */
export interface SessionObserver {
  /** A session begins coaching `routine`. */
  begin?(routine: Routine): void;
  /** The engine has taken a frame; `snapshot` is its state after it. */
  frameTracked?(frame: TrackedFrame, snapshot: EngineSnapshot, source: FrameSource): void;
  engineEvent?(event: EngineEvent, routine: Routine): void;
  /** Something the app itself has to tell the person. */
  inform?(message: CoachMessage): void;
  pause?(): void;
  /** The person asked to hear the current step's introduction again. */
  repeat?(snapshot: EngineSnapshot): void;
  /** The session ended (or never began). */
  end?(): void;
  /** A live session (not a replay) ended with something done: its record for the history. */
  finished?(record: SessionRecord): void;
}

/** The demo: a recording of the real models on one of the project's clips, and its step. */
export const DEMO = {
  url: `${import.meta.env.BASE_URL}demo/jawline-glide.trace.json.gz`,
  routine: 'facegym-daily',
  step: 'jawline-glide',
} as const;

/**
 * The text of a gzipped file, or of one a server already unpacked.
 * NOTE: some servers send a `.gz` file with `Content-Encoding: gzip` (the browser unpacks it),
 * others as it is: the gzip magic number tells which.
 */
async function gunzipText(bytes: ArrayBuffer): Promise<string> {
  const head = new Uint8Array(bytes, 0, Math.min(2, bytes.byteLength));
  if (head[0] !== 0x1f || head[1] !== 0x8b) return new TextDecoder().decode(bytes);
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Response(stream).text();
}

/** No frame tracked for this long while a live session runs: the tracker is started again (ms). */
export const TRACKING_STALL_MS = 10_000;
/** A second tracking failure sooner than this after a restart is not retried by itself (ms). */
const RECOVERY_INTERVAL_MS = 30_000;

/** A page hidden this long lets go of the camera (ms). */
export const CAMERA_RELEASE_MS = 15_000;

/** How a start begins: see {@link SessionController.start}. */
export interface StartOptions {
  readonly earlier?: readonly SavedTally[];
  readonly history?: 'push' | 'replace';
  /** When the session began, for one resumed (ms since the epoch). */
  readonly startedAt?: number;
}

/** The address of a routine or session at a step (a deep link). */
function sessionUrl(kind: 'routine' | 'session', id: string, stepId: string | undefined): string {
  const params = new URLSearchParams({ [kind]: id });
  if (stepId) params.set('step', stepId);
  return `${location.pathname}?${params}`;
}

/** Whether this page may already use the camera (so no prompt will show); false when unknown. */
async function cameraAllowed(): Promise<boolean> {
  try {
    const status = await navigator.permissions?.query({ name: 'camera' as PermissionName });
    return status?.state === 'granted';
  } catch {
    // NOTE: Firefox and older Safari cannot be asked about the camera permission.
    return false;
  }
}

/** Where the session's camera plays, once the session screen has rendered it. */
export type VideoProvider = () => Promise<HTMLVideoElement>;

/**
 * The session's life cycle for a lit host: which screen shows, the camera and the models while
 * they load (each start has its own AbortSignal, so ending or leaving stops the loading at once),
 * the frame source and the step engine while it runs, pausing, moving between steps, the landmark
 * recording, and the summary at the end. Engine events go one way, to the observers.
 */
export class SessionController implements ReactiveController {
  screen: Screen = 'start';
  errorMessage = '';
  statusText = '';
  /** Playing a saved trace instead of the camera. */
  replaying = false;
  /** The trace played is the demo. */
  demo = false;
  paused = false;
  snapshot: EngineSnapshot | null = null;
  frame: TrackedFrame | null = null;
  /** Time of the session's first frame. */
  sessionStartT: number | null = null;
  summary: SessionSummary | null = null;
  /** The last start can be tried again (its trouble was the camera or loading, not the request). */
  canRetry = false;
  /** The camera stopped by itself mid-session: the session waits, paused, for one to go on with. */
  cameraLost = false;
  /** End was asked for: the session waits, paused, for the person to confirm. */
  confirmingEnd = false;
  /** A session left unfinished (a reload, a closed tab), which the start screen offers to resume. */
  resumable: SavedProgress | null = loadProgress();
  /** The cameras to choose from, when there is more than one; and the one chosen. */
  cameras: readonly CameraChoice[] = [];
  chosenCamera: string | undefined = undefined;
  /** The camera chosen on an earlier visit: used when it is there, else the default one. */
  preferredCamera: string | null = null;
  /** Hand signs held away from the face control the session (see {@link GestureHold}). */
  handsFree = true;
  /** The hand sign being held, while one is (for its progress ring). */
  gesture: GestureState | null = null;

  private readonly camera: CameraController;
  /** Counts to go on from when Try again restarts a session that failed midway. */
  private retryCounts: readonly SavedTally[] = [];
  /** What was last started, for Try again. */
  private lastStart: { id: string; kind: 'routine' | 'session'; stepId?: string } | null = null;
  /** When the live session began (ms since the epoch), kept across a resume. */
  private startedAt = Date.now();
  private readonly recorder = new TraceRecorder();
  private source: FrameSource | null = null;
  private engine: StepEngine | null = null;
  /** Aborted when the session ends: its camera and model loading stop with it. */
  private lifetime: AbortController | null = null;
  /** The summary about to be shown once the last verdict has been seen. */
  private summaryTimer: ReturnType<typeof setTimeout> | undefined;
  /** The step the live source was last told the number of hands for. */
  private handsStep: RoutineStep | null = null;
  /** Whether the session was paused before End was asked for. */
  private pausedBeforeEnd = false;
  private readonly onPopState = () => this.followLocation();
  /** The camera was let go while the page was hidden; it opens again when the page shows. */
  private cameraReleased = false;
  private releaseTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly onVisibility = () => void this.followVisibility();
  /** When the live session last tracked a frame (performance.now()), for the watchdog. */
  private lastTrackedAt = 0;
  private watchdog: ReturnType<typeof setInterval> | undefined;
  /** A new tracker is loading in place of one that failed; and when that last happened. */
  private recovering = false;
  private lastRecoveryAt = -Infinity;
  /** Hand signs of the live session; null in a replay. */
  private gestures: GestureHold | null = null;
  /** Frame time spent paused with the camera still watched, left out of the session's clock. */
  private pausedFrameMs = 0;
  /** The last frame's time on the source's clock. */
  private lastSourceT: number | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly video: VideoProvider,
    private readonly observers: readonly SessionObserver[],
  ) {
    this.camera = new CameraController(host, {
      lost: () => this.onCameraLost(),
      devicesChanged: () => void this.refreshCameras(),
    });
    host.addController(this);
  }

  /** Timings of the live pipeline while a session runs. */
  get pipelineStats(): PipelineStats | null {
    return this.source?.stats ?? null;
  }

  /** The adaptive quality's level in force during a live session, else null. */
  get quality(): QualityLevel | null {
    return this.source?.quality?.level ?? null;
  }

  /** Where the tracking models run ("GPU" or "CPU") during a live session, else null. */
  get trackingDelegate(): string | null {
    return this.source instanceof CameraFrameLoop ? this.source.delegate : null;
  }

  /** The camera in use, while one is. */
  get cameraInUse(): string | undefined {
    return this.camera.deviceId ?? undefined;
  }

  /** Size of the frames the session tracks, once it runs. */
  get frameSize(): { width: number; height: number } | null {
    return this.engine ? (this.source?.frameSize ?? null) : null;
  }

  /** Bytes the landmark recording holds. */
  get recordingBytes(): number {
    return this.recorder.bytes;
  }

  /** The landmarks tracked so far in this session, as a trace; null before any frame. */
  landmarkTrace(): Trace | null {
    const size = this.source?.frameSize;
    return size && this.recorder.length > 0 ? this.recorder.toTrace(size) : null;
  }

  /**
   * Starts a routine or a session (optionally at a step): opens the camera, loads the models.
   * `earlier` carries the counts of a session being resumed; `history` says whether the session
   * becomes a new entry of the browser's history (started from the start screen) or takes the
   * place of the current one (a deep link, Try again).
   */
  async start(
    id: string,
    kind: 'routine' | 'session' = 'routine',
    stepId?: string,
    { earlier = [], history: entry = 'push', startedAt = Date.now() }: StartOptions = {},
  ): Promise<void> {
    const routine = this.resolveRoutine(id, kind, stepId);
    if (!routine) return;
    this.end();
    this.lastStart = { id, kind, ...(stepId ? { stepId } : {}) };
    this.startedAt = startedAt;
    this.navigate(entry, sessionUrl(kind, id, stepId));
    const lifetime = new AbortController();
    this.lifetime = lifetime;
    const { signal } = lifetime;
    this.replaying = false;
    this.demo = false;
    this.statusText = (await cameraAllowed())
      ? 'Starting the camera and loading the tracking models…'
      : 'Waiting for the camera: choose “Allow” when your browser asks. Nothing you film leaves this device.';
    if (signal.aborted) return;
    this.show('starting');
    const firstStep = routine.steps.find((s) => s.id === stepId) ?? routine.steps[0];
    const hands = firstStep ? handsFor(firstStep) : 2;
    let cameraReady = false;
    let modelsText = 'Loading the tracking models…';
    const tracker = Tracker.create(defaultRuntimeUrls(), {
      numHands: hands,
      signal,
      onProgress: (progress) => {
        modelsText = loadingText(progress);
        if (!cameraReady || signal.aborted) return;
        this.statusText = modelsText;
        this.host.requestUpdate();
      },
    });
    try {
      const video = await this.video();
      this.chosenCamera ??= await this.rememberedCamera();
      const camera = this.camera.start(video, signal, this.chosenCamera).then(() => {
        cameraReady = true;
        this.statusText = modelsText;
        this.host.requestUpdate();
      });
      const [, ready] = await Promise.all([camera, tracker]);
      if (signal.aborted) {
        ready.dispose();
        return;
      }
      performance.mark('massage:tracking-ready');
      const loop = new CameraFrameLoop(video, ready, (error) => void this.recoverTracking(error));
      this.begin(loop, routine, stepId);
      this.watchTracking();
      this.engine?.restoreCounts(earlier);
      this.snapshot = this.engine?.snapshot ?? null;
      this.keepProgress();
      void this.refreshCameras();
    } catch (error) {
      tracker.then((t) => t.dispose()).catch(() => undefined);
      // Ended on purpose while loading: nothing failed.
      if (signal.aborted || (error instanceof CameraError && error.kind === 'stopped')) return;
      this.fail(error instanceof Error ? error.message : String(error), true);
      if (error instanceof CameraError) void this.refreshCameras();
    }
  }

  /** Tries the last start again (after a camera or loading failure). */
  retry(): Promise<void> {
    const last = this.lastStart;
    const earlier = this.retryCounts;
    this.retryCounts = [];
    return last
      ? this.start(last.id, last.kind, last.stepId, {
          history: 'replace',
          earlier,
          startedAt: this.startedAt,
        })
      : Promise.resolve();
  }

  /** Goes on with the unfinished session offered on the start screen, from the step it was on. */
  resumeSaved(): Promise<void> {
    const saved = this.resumable;
    if (!saved) return Promise.resolve();
    return this.start(saved.id, saved.kind, saved.stepId, {
      earlier: saved.tallies,
      startedAt: saved.startedAt ?? saved.savedAt,
    });
  }

  /** Forgets the unfinished session. */
  discardSaved(): void {
    this.resumable = null;
    saveProgress(null);
    this.host.requestUpdate();
  }

  /**
   * Uses camera `deviceId` from now on: at once in a running session (the session waits while it
   * opens), else at the next start.
   */
  async chooseCamera(deviceId: string): Promise<void> {
    this.chosenCamera = deviceId;
    if (this.screen === 'session' && !this.replaying && !this.cameraLost) {
      const resume = !this.paused;
      this.source?.stop();
      if ((await this.reopenCamera()) && resume) this.source?.start((frame) => this.onFrame(frame));
    }
    this.host.requestUpdate();
  }

  /**
   * Replays a saved landmark trace through a routine or session, without the camera: the coach
   * counts and judges the recorded strokes as it would have live.
   */
  async replay(file: Blob, id: string, kind: 'routine' | 'session' = 'routine'): Promise<void> {
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
    this.playTrace(parsed.trace, routine, undefined);
    this.demo = false;
  }

  /**
   * The demo, for trying the coach without a camera: a session recorded from the real models,
   * played through its step, with a neutral face drawn from the landmarks.
   */
  async startDemo(): Promise<void> {
    const routine = this.resolveRoutine(DEMO.routine, 'routine', DEMO.step);
    if (!routine) return;
    this.end();
    this.statusText = 'Loading the demo…';
    this.replaying = true;
    this.demo = true;
    this.show('starting');
    try {
      const response = await fetch(DEMO.url);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const text = await gunzipText(await response.arrayBuffer());
      const parsed = readTraceText(text);
      if (!parsed.ok) throw new Error(parsed.error);
      if (this.screen !== 'starting') return;
      this.playTrace(parsed.trace, routine, DEMO.step);
    } catch (error) {
      this.fail(
        `The demo could not be loaded (${error instanceof Error ? error.message : String(error)}). Reload the page to try again.`,
      );
    }
  }

  private playTrace(trace: Trace, routine: Routine, stepId: string | undefined): void {
    this.end();
    this.replaying = true;
    const source = new TraceFrameSource(trace, () => {
      // The recording ends: judge a stroke still under way, then show the summary.
      const engine = this.engine;
      const lastT = this.frame?.t;
      if (engine && lastT !== undefined)
        for (const event of engine.finish(lastT)) this.notify(event, engine.routine);
      this.scheduleSummary();
    });
    this.begin(source, routine, stepId);
  }

  /** Acts on a session control. */
  command(command: SessionCommand): void {
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
        this.keepProgress();
        break;
      case 'pause':
        this.pause(true);
        break;
      case 'repeat':
        for (const observer of this.observers) observer.repeat?.(engine.snapshot);
        break;
      case 'resume':
        void this.goOn();
        break;
      case 'save-trace':
        this.saveTrace();
        break;
      case 'end':
        if (!this.hasProgress()) this.showSummary();
        else this.askToEnd();
        break;
      case 'confirm-end':
        this.showSummary();
        break;
      case 'cancel-end':
        this.confirmingEnd = false;
        if (!this.pausedBeforeEnd) void this.goOn();
        break;
    }
    this.host.requestUpdate();
  }

  /** Whether ending now would leave anything behind: a stroke counted on any step. */
  private hasProgress(): boolean {
    return (this.engine?.summary ?? []).some((tally) =>
      Object.values(tally.counts).some((c) => c.good + c.wrongDirection + c.other > 0),
    );
  }

  /** Pauses and asks whether to end. */
  private askToEnd(): void {
    this.pausedBeforeEnd = this.paused;
    this.confirmingEnd = true;
    if (!this.paused) this.pause();
  }

  /**
   * Stops the session's clock, coach and voice. With `watch` and hands-free control on, the camera
   * is still watched (for the sign that resumes), but nothing reaches the engine; else the frames
   * stop too.
   */
  private pause(watch = false): void {
    if (!(watch && this.handsFree && this.gestures)) this.source?.stop();
    this.paused = true;
    for (const observer of this.observers) observer.pause?.();
  }

  /** Goes on after a pause; if the camera was lost meanwhile, opens one first. */
  private async goOn(): Promise<void> {
    if (this.cameraLost && !(await this.reopenCamera())) return;
    this.cameraLost = false;
    this.paused = false;
    this.source?.start((frame) => this.onFrame(frame));
    this.host.requestUpdate();
  }

  /** Opens the chosen camera again into the session's video; false (and why, shown) if it cannot. */
  private async reopenCamera(): Promise<boolean> {
    const signal = this.lifetime?.signal;
    if (!signal) return false;
    try {
      await this.camera.start(await this.video(), signal, this.chosenCamera);
      return !signal.aborted;
    } catch (error) {
      if (signal.aborted) return false;
      this.cameraLost = true;
      this.paused = true;
      this.inform({
        text: error instanceof Error ? error.message : String(error),
        tone: 'bad',
      });
      void this.refreshCameras();
      return false;
    }
  }

  private onCameraLost(): void {
    if (this.screen !== 'session' || !this.source) return;
    this.cameraLost = true;
    this.pause();
    void this.refreshCameras();
    this.host.requestUpdate();
  }

  /**
   * Watches the live session's tracking: frames that stop coming while the session runs (a
   * tracking worker that died, or hangs) get the tracker started again.
   */
  private watchTracking(): void {
    clearInterval(this.watchdog);
    // Counting starts with the first frame: the models' first run can take seconds.
    this.lastTrackedAt = Number.POSITIVE_INFINITY;
    this.watchdog = setInterval(() => {
      const running = !this.paused && !this.cameraLost && !document.hidden && !this.recovering;
      if (!running) {
        if (Number.isFinite(this.lastTrackedAt)) this.lastTrackedAt = performance.now();
      } else if (performance.now() - this.lastTrackedAt > TRACKING_STALL_MS)
        void this.recoverTracking(new Error('no frame was tracked for a while'));
    }, 1000);
  }

  /**
   * Starts the tracking models again in place of ones that failed, and goes on with the session
   * where it was; if that keeps failing, says so with Try again (which keeps the counts).
   */
  private async recoverTracking(error: Error): Promise<void> {
    const old = this.source;
    const engine = this.engine;
    const signal = this.lifetime?.signal;
    if (!(old instanceof CameraFrameLoop) || !engine || !signal || this.recovering) return;
    const now = performance.now();
    if (now - this.lastRecoveryAt < RECOVERY_INTERVAL_MS) {
      this.failKeepingProgress(`Tracking stopped: ${error.message}`);
      return;
    }
    this.recovering = true;
    this.lastRecoveryAt = now;
    const continueFrom = old.lastFrameT;
    old.dispose();
    this.inform({ text: 'Tracking stopped; starting it again…', tone: 'info' });
    try {
      const tracker = await Tracker.create(defaultRuntimeUrls(), {
        numHands: handsFor(engine.snapshot.step),
        signal,
      });
      if (signal.aborted) {
        tracker.dispose();
        return;
      }
      const loop = new CameraFrameLoop(
        await this.video(),
        tracker,
        (next) => void this.recoverTracking(next),
        continueFrom,
      );
      this.source = loop;
      this.handsStep = null;
      this.lastTrackedAt = Number.POSITIVE_INFINITY;
      if (!this.paused) loop.start((frame) => this.onFrame(frame));
    } catch (reason) {
      if (signal.aborted) return;
      this.failKeepingProgress(
        `Tracking stopped and could not start again: ${reason instanceof Error ? reason.message : String(reason)}`,
      );
    } finally {
      this.recovering = false;
    }
  }

  /** Fails with Try again going on from the step and counts the session had. */
  private failKeepingProgress(message: string): void {
    const engine = this.engine;
    const last = this.lastStart;
    if (engine && last) {
      this.lastStart = { ...last, stepId: engine.snapshot.step.id };
      this.retryCounts = toSavedTallies(engine.summary);
    }
    this.fail(message, true);
  }

  /** The camera chosen on an earlier visit, if it is plugged in (and the browser names it). */
  private async rememberedCamera(): Promise<string | undefined> {
    const preferred = this.preferredCamera;
    if (!preferred) return undefined;
    const cameras = await CameraController.cameras().catch(() => []);
    return cameras.some((c) => c.deviceId === preferred) ? preferred : undefined;
  }

  /** Reads the cameras there are; keeps the choice only while that camera is there. */
  private async refreshCameras(): Promise<void> {
    const cameras = await CameraController.cameras().catch(() => []);
    this.cameras = cameras;
    if (this.chosenCamera && !cameras.some((c) => c.deviceId === this.chosenCamera))
      this.chosenCamera = undefined;
    this.host.requestUpdate();
  }

  /**
   * Back to the start screen, leaving whatever runs or loads (an unfinished session stays on
   * offer to resume); a new history entry unless the browser's Back brought us here.
   */
  goHome(entry: 'push' | 'none' = 'push'): void {
    this.end();
    this.resumable = loadProgress();
    this.navigate(entry, location.pathname);
    this.show('start');
  }

  /** Shows the history screen, as a new entry of the browser's history unless Back brought us here. */
  showHistory(entry: 'push' | 'none' = 'push'): void {
    this.end();
    this.navigate(entry, `${location.pathname}?history`);
    this.show('history');
  }

  /** Shows what the address asks for: a summary, the history, a routine or session to start, or the start. */
  followLocation(): void {
    const params = new URLSearchParams(location.search);
    if (params.has('history')) {
      this.showHistory('none');
      return;
    }
    if (params.has('summary')) {
      const saved = loadSummary();
      const routine = saved ? this.resolveRoutine(saved.source, saved.kind, undefined) : null;
      if (!saved || !routine) {
        this.goHome('none');
        return;
      }
      this.end();
      this.summary = { routine, record: saved };
      this.show('summary');
      return;
    }
    const link = parseDeepLink(location.search);
    if (!link) {
      if (this.screen !== 'start') this.goHome('none');
      return;
    }
    const last = this.lastStart;
    const sameSession = last?.id === link.id && last.kind === link.kind;
    if (sameSession && (this.screen === 'session' || this.screen === 'starting')) return;
    void this.start(link.id, link.kind, link.step, { history: 'replace' });
  }

  hostConnected(): void {
    window.addEventListener('popstate', this.onPopState);
    document.addEventListener('visibilitychange', this.onVisibility);
  }

  hostDisconnected(): void {
    window.removeEventListener('popstate', this.onPopState);
    document.removeEventListener('visibilitychange', this.onVisibility);
    this.end();
  }

  /**
   * While the page is hidden the frame loop stands still; after a while the camera is let go too
   * (its light goes off), and it opens again when the page shows.
   */
  private async followVisibility(): Promise<void> {
    clearTimeout(this.releaseTimer);
    this.releaseTimer = undefined;
    const live = this.screen === 'session' && !this.replaying && this.source !== null;
    if (document.hidden) {
      if (!live) return;
      for (const observer of this.observers) observer.pause?.();
      this.releaseTimer = setTimeout(() => {
        if (!document.hidden || !this.camera.active) return;
        this.camera.stop();
        this.cameraReleased = true;
      }, CAMERA_RELEASE_MS);
      return;
    }
    if (!this.cameraReleased || !live) return;
    this.cameraReleased = false;
    if (this.cameraLost) return;
    if (!(await this.reopenCamera()) || this.paused) return;
    // The loop was running when the page hid: it goes on with the reopened camera.
    this.source?.stop();
    this.source?.start((frame) => this.onFrame(frame));
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
    // Live: counting waits for a framed, still face; a recording is judged from its first frame.
    this.engine = new StepEngine(routine, source.frameSize, stepId, {
      settle: source instanceof CameraFrameLoop,
    });
    this.sessionStartT = null;
    this.handsStep = null;
    this.recorder.clear();
    this.snapshot = this.engine.snapshot;
    this.source = source;
    this.paused = false;
    this.gestures = source instanceof CameraFrameLoop ? new GestureHold(source.frameSize) : null;
    this.gesture = null;
    this.pausedFrameMs = 0;
    this.lastSourceT = null;
    for (const observer of this.observers) observer.begin?.(routine);
    this.show('session');
    source.start((frame) => this.onFrame(frame));
  }

  private onFrame(sourceFrame: TrackedFrame): void {
    const engine = this.engine;
    const source = this.source;
    if (!engine || !source) return;
    this.lastTrackedAt = performance.now();
    if (this.paused && this.lastSourceT !== null)
      this.pausedFrameMs += sourceFrame.t - this.lastSourceT;
    this.lastSourceT = sourceFrame.t;
    // The session's clock leaves out the time paused, while MediaPipe's keeps increasing.
    const frame = this.pausedFrameMs
      ? { ...sourceFrame, t: sourceFrame.t - this.pausedFrameMs }
      : sourceFrame;
    this.followGestures(sourceFrame);
    if (this.paused) {
      this.frame = frame;
      this.host.requestUpdate();
      return;
    }
    this.recorder.add(frame);
    this.sessionStartT ??= frame.t;
    for (const event of engine.update(frame)) this.notify(event, engine.routine);
    this.frame = frame;
    const snapshot = engine.snapshot;
    this.snapshot = snapshot;
    if (this.handsStep !== snapshot.step) {
      this.handsStep = snapshot.step;
      source.setNumHands?.(handsFor(snapshot.step));
      this.keepProgress();
    }
    for (const observer of this.observers) observer.frameTracked?.(frame, snapshot, source);
    this.host.requestUpdate();
  }

  private notify(event: EngineEvent, routine: Routine): void {
    for (const observer of this.observers) observer.engineEvent?.(event, routine);
    if (event.type === 'stroke') this.keepProgress();
    if (event.type === 'routine-complete') this.scheduleSummary();
  }

  /** Shows the summary once the last verdict has had its moment on screen. */
  private scheduleSummary(): void {
    clearTimeout(this.summaryTimer);
    this.summaryTimer = setTimeout(() => this.showSummary(), VERDICT_MS);
  }

  private showSummary(): void {
    const engine = this.engine;
    const last = this.lastStart;
    if (!engine) return;
    const record = toSessionRecord({
      id: crypto.randomUUID(),
      routine: engine.routine,
      kind: last?.kind ?? 'routine',
      source: last?.id ?? engine.routine.id,
      tallies: engine.summary,
      startedAt: this.startedAt,
      endedAt: Date.now(),
    });
    this.summary = { routine: engine.routine, record };
    if (!this.replaying && last) {
      // Finished: nothing to resume; the summary stays for a reload of this page.
      saveProgress(null);
      saveSummary(record);
      this.navigate('replace', `${location.pathname}?summary`);
      for (const observer of this.observers) observer.finished?.(record);
    }
    this.end();
    this.show('summary');
  }

  /** Carries out a hand sign held long enough: open palm pauses or resumes, thumbs-up goes on, victory repeats. */
  private followGestures(frame: TrackedFrame): void {
    if (!this.gestures || !this.handsFree || this.confirmingEnd || this.cameraLost) {
      this.gesture = null;
      return;
    }
    const state = this.gestures.update(frame);
    this.gesture = state.gesture ? state : null;
    switch (state.fired) {
      case 'open-palm':
        if (this.paused) void this.goOn();
        else {
          this.pause(true);
          this.inform({ text: 'Paused. Hold up your open hand again to go on.', tone: 'info' });
        }
        break;
      case 'thumbs-up':
        this.command('next');
        break;
      case 'victory':
        this.command('repeat');
        break;
      case null:
        break;
    }
  }

  /**
   * Keeps the live session's progress, so that a reload or a closed tab can resume it, and keeps
   * the address on the current step.
   */
  private keepProgress(): void {
    const engine = this.engine;
    const last = this.lastStart;
    if (!engine || !last || this.replaying) return;
    const { stepIndex, step, routine } = engine.snapshot;
    saveProgress({
      kind: last.kind,
      id: last.id,
      title: routine.title,
      stepId: step.id,
      stepIndex,
      stepCount: routine.steps.length,
      tallies: toSavedTallies(engine.summary),
      savedAt: Date.now(),
      startedAt: this.startedAt,
    });
    this.navigate('replace', sessionUrl(last.kind, last.id, step.id));
  }

  private navigate(entry: 'push' | 'replace' | 'none', url: string): void {
    if (entry === 'none' || `${location.pathname}${location.search}` === url) return;
    if (entry === 'push') history.pushState(null, '', url);
    else history.replaceState(null, '', url);
  }

  /** Downloads the session's landmarks (never pixels) as a trace file. */
  private saveTrace(): void {
    const trace = this.landmarkTrace();
    if (!trace) {
      this.inform({ text: 'Nothing tracked yet: there is no trace to save.', tone: 'info' });
      return;
    }
    downloadBlob(
      new Blob([JSON.stringify(trace)], { type: 'application/json' }),
      `massage-trace-${new Date().toISOString().replace(/[:.]/g, '-')}.json`,
    );
    this.inform({
      text: `Saved ${this.recorder.length} frames of landmarks to your downloads.`,
      tone: 'info',
    });
  }

  private inform(message: CoachMessage): void {
    for (const observer of this.observers) observer.inform?.(message);
  }

  /** Ends whatever runs or loads: camera off, models let go, timers cleared. */
  private end(): void {
    this.lifetime?.abort();
    this.lifetime = null;
    clearTimeout(this.releaseTimer);
    this.releaseTimer = undefined;
    clearInterval(this.watchdog);
    this.watchdog = undefined;
    this.cameraReleased = false;
    this.cameraLost = false;
    // A summary still due belongs to this session: a session started meanwhile must not end.
    clearTimeout(this.summaryTimer);
    this.summaryTimer = undefined;
    this.source?.dispose();
    this.source = null;
    this.camera.stop();
    this.engine = null;
    this.frame = null;
    this.paused = false;
    this.confirmingEnd = false;
    for (const observer of this.observers) observer.end?.();
  }

  private fail(message: string, canRetry = false): void {
    this.end();
    this.errorMessage = message;
    this.canRetry = canRetry;
    this.show('error');
  }

  private show(screen: Screen): void {
    this.screen = screen;
    this.host.requestUpdate();
  }
}
