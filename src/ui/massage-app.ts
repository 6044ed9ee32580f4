import { css, html, LitElement, nothing } from 'lit';
import type { Trace } from '../core/trace';
import type { PipelineStats } from '../tracking/pipeline-stats';
import { type AppSettings, loadSettings, motionReduced, saveSettings } from './app-settings';
import './camera-picker';
import { CoachController } from './coach-controller';
import { EventsController } from './events-controller';
import { HistoryController } from './history-controller';
import './history-screen';
import './routine-summary';
import { START_CHOICES } from './navigation';
import { type Screen, SessionController } from './session-controller';
import { shortcutCommand } from './shortcuts';
import './session-view';
import './start-screen';
import { panelStyles } from './theme';
import { VoiceController } from './voice-controller';

/**
 * `<massage-app>`: the whole coach. Start screen → camera and models → live session → summary.
 * A shell over its controllers: the session's life cycle, the coach, the voice and the events.
 *
 * @fires massage-tracking - at most 10 a second: `{face, hands, framesTracked, qualityLevel}`
 * @fires massage-stroke - every judged stroke: `{step, verdict, side}`
 * @fires massage-step-complete - a step's strokes are done: `{step}`
 */
export class MassageApp extends LitElement {
  static override properties = { settings: { state: true } };

  static override styles = [
    panelStyles,
    css`
      :host {
        display: block;
        min-height: 100vh;
        background: #0b1017;
      }
      .error {
        max-width: 36rem;
        margin: 3rem auto;
        padding: 1.5rem;
        background: var(--panel);
        border-radius: 16px;
        border-left: 6px solid var(--bad);
        display: grid;
        gap: 0.8rem;
      }
      .actions {
        display: flex;
        gap: 0.5rem;
        flex-wrap: wrap;
      }
    `,
  ];

  /** The person's choices, kept across visits. */
  declare settings: AppSettings;

  /** Whether the video is shown as in a mirror. */
  get mirrored(): boolean {
    return this.settings.mirrored;
  }

  private readonly voice = new VoiceController(this);
  private readonly coach = new CoachController(this, this.voice, () => this.mirrored);
  private readonly events = new EventsController(this);
  private readonly history = new HistoryController(this);
  private readonly session = new SessionController(this, () => this.sessionVideo(), [
    this.coach,
    this.history,
    {
      frameTracked: (frame, _snapshot, source) =>
        this.events.frameTracked(frame, source.framesTracked, source.quality?.levelIndex ?? 0),
      engineEvent: (event) => this.events.engineEvent(event),
    },
  ]);

  constructor() {
    super();
    this.settings = loadSettings();
    this.session.preferredCamera = this.settings.cameraId;
    this.session.handsFree = this.settings.handsFree;
  }

  /** Changes some settings and keeps them. */
  private change(changes: Partial<AppSettings>): void {
    this.settings = { ...this.settings, ...changes };
    this.session.handsFree = this.settings.handsFree;
    saveSettings(this.settings);
  }

  /** The system's wish for less motion, followed while the setting says so. */
  private readonly systemReducesMotion = matchMedia('(prefers-reduced-motion: reduce)');
  private readonly onMotionWish = () => this.requestUpdate();

  private readonly onKey = (event: KeyboardEvent) => {
    if (this.session.screen !== 'session') return;
    const target = (event.composedPath()[0] as Element | undefined)?.tagName ?? 'BODY';
    const command = shortcutCommand(
      event.key,
      target,
      this.session,
      event.ctrlKey || event.metaKey || event.altKey,
    );
    if (!command) return;
    event.preventDefault();
    this.session.command(command);
  };

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('keydown', this.onKey);
    this.systemReducesMotion.removeEventListener('change', this.onMotionWish);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('keydown', this.onKey);
    this.systemReducesMotion.addEventListener('change', this.onMotionWish);
    // A deep link starts its routine, a reloaded summary shows again.
    this.session.followLocation();
  }

  /** The screen last shown, so that a new one gets its title and focus once. */
  private shownScreen: Screen | null = null;

  protected override updated(): void {
    const screen = this.session.screen;
    const step = this.session.snapshot?.step.title;
    document.title = screenTitle(screen, step);
    if (screen === this.shownScreen) return;
    const first = this.shownScreen === null;
    this.shownScreen = screen;
    if (screen === 'history') void this.history.load();
    // The first screen keeps the browser's own focus; later ones move it to their heading.
    if (!first) void this.focusHeading();
  }

  /** Moves focus to the current screen's heading, so that keyboard and screen reader follow. */
  private async focusHeading(): Promise<void> {
    const find = async (root: ParentNode, depth: number): Promise<HTMLElement | null> => {
      const own = root.querySelector<HTMLElement>('[data-heading]');
      if (own || depth === 0) return own;
      for (const child of root.querySelectorAll('*')) {
        if (!(child instanceof LitElement) || !child.shadowRoot) continue;
        await child.updateComplete;
        const found = await find(child.shadowRoot, depth - 1);
        if (found) return found;
      }
      return null;
    };
    (await find(this.renderRoot, 3))?.focus({ preventScroll: false });
  }

  /** Timings of the live pipeline (for diagnostics and the pipeline benchmark), while a session runs. */
  get pipelineStats(): PipelineStats | null {
    return this.session.pipelineStats;
  }

  /** Where the tracking models run ("GPU" or "CPU") during a live session, else null. */
  get trackingDelegate(): string | null {
    return this.session.trackingDelegate;
  }

  /** Bytes the session's landmark recording holds (for the soak test). */
  get recordingBytes(): number {
    return this.session.recordingBytes;
  }

  /** The landmarks tracked so far in this session, as a trace (what "Save landmark trace" saves). */
  landmarkTrace(): Trace | null {
    return this.session.landmarkTrace();
  }

  /** Starts a routine or a session (optionally at a step): camera, models, then coaching. */
  startSession(id: string, kind: 'routine' | 'session' = 'routine', stepId?: string) {
    return this.session.start(id, kind, stepId);
  }

  /** Replays a saved landmark trace through a routine or session, without the camera. */
  replayTrace(file: Blob, id: string, kind: 'routine' | 'session' = 'routine') {
    return this.session.replay(file, id, kind);
  }

  private async sessionVideo(): Promise<HTMLVideoElement> {
    await this.updateComplete;
    const view = this.renderRoot.querySelector('session-view');
    if (!view) throw new Error('The session screen is not shown.');
    return view.video();
  }

  protected override render() {
    return html`<main>${this.renderScreen()}</main>`;
  }

  private renderScreen() {
    const session = this.session;
    switch (session.screen) {
      case 'start':
        return html`<start-screen
          .choices=${START_CHOICES}
          .resumable=${session.resumable}
          @resume-session=${() => session.resumeSaved()}
          @discard-session=${() => session.discardSaved()}
          @show-history=${() => session.showHistory()}
          @start-demo=${() => session.startDemo()}
          @start-routine=${(e: HTMLElementEventMap['start-routine']) =>
            this.startSession(e.detail.choiceId, e.detail.kind, e.detail.stepId)}
          @replay-trace=${(e: HTMLElementEventMap['replay-trace']) =>
            this.replayTrace(e.detail.file, e.detail.choiceId, e.detail.kind)}
        ></start-screen>`;
      case 'error':
        return html`<div class="error" role="alert">
          <h1 data-heading tabindex="-1">Something needs your attention</h1>
          <p class="error-message">${session.errorMessage}</p>
          <camera-picker
            .cameras=${session.cameras}
            .selected=${session.chosenCamera}
            @camera-change=${(e: HTMLElementEventMap['camera-change']) => {
              session.chosenCamera = e.detail.deviceId;
              this.change({ cameraId: e.detail.deviceId });
            }}
          ></camera-picker>
          <div class="actions">
            ${session.canRetry ? html`<button class="retry" @click=${() => session.retry()}>Try again</button>` : nothing}
            <button class="secondary demo" @click=${() => session.startDemo()}>Try the demo (no camera)</button>
            <button class="secondary home" @click=${() => session.goHome()}>Back to the start</button>
          </div>
        </div>`;
      case 'summary':
        return html`<routine-summary
          .record=${session.summary?.record ?? null}
          .saved=${this.history.lastSaved}
          @summary-close=${() => session.goHome()}
          @show-history=${() => session.showHistory()}
        ></routine-summary>`;
      case 'history':
        return html`<history-screen
          .records=${this.history.records}
          .now=${this.history.loadedAt}
          .message=${this.history.message}
          .persistent=${this.history.persistent}
          @history-close=${() => session.goHome()}
          @history-export=${() => this.history.exportFile()}
          @history-import=${(e: HTMLElementEventMap['history-import']) => this.history.importFile(e.detail.file)}
          @history-clear=${() => this.history.clear()}
        ></history-screen>`;
      default:
        return html`<session-view
          .snapshot=${session.snapshot}
          .frame=${session.frame}
          .frameSize=${session.frameSize}
          .quality=${session.quality}
          .sessionStartT=${session.sessionStartT}
          .message=${this.coach.message}
          .caption=${this.coach.caption}
          .flash=${this.coach.flash}
          .paused=${session.paused}
          .mirrored=${this.mirrored}
          .replaying=${session.replaying}
          .demo=${session.demo}
          .loadingText=${session.screen === 'starting' ? session.statusText : null}
          .voice=${this.voice.settings}
          .canSpeak=${this.voice.canSpeak}
          .cameras=${session.cameras}
          .camera=${session.chosenCamera ?? session.cameraInUse}
          .cameraLost=${session.cameraLost}
          .confirmingEnd=${session.confirmingEnd}
          @session-command=${(e: HTMLElementEventMap['session-command']) => session.command(e.detail.command)}
          .handsFree=${this.settings.handsFree}
          .mannequin=${this.settings.mannequin}
          .reducedMotion=${motionReduced(this.settings.reducedMotion, this.systemReducesMotion.matches)}
          .motionSetting=${this.settings.reducedMotion}
          .gesture=${session.gesture}
          @camera-change=${(e: HTMLElementEventMap['camera-change']) => {
            this.change({ cameraId: e.detail.deviceId });
            void session.chooseCamera(e.detail.deviceId);
          }}
          @mirror-change=${(e: HTMLElementEventMap['mirror-change']) => this.change({ mirrored: e.detail.mirrored })}
          @settings-change=${(e: HTMLElementEventMap['settings-change']) => this.change(e.detail)}
          @voice-change=${(e: HTMLElementEventMap['voice-change']) => {
            this.voice.settings = e.detail.settings;
          }}
          @overlay-error=${(e: HTMLElementEventMap['overlay-error']) =>
            this.coach.inform({ text: e.detail.message, tone: 'bad' })}
        ></session-view>`;
    }
  }
}

/** The document title for a screen: what the tab and a screen reader announce. */
export function screenTitle(screen: Screen, stepTitle: string | undefined): string {
  const app = 'Massage coach';
  switch (screen) {
    case 'start':
      return app;
    case 'starting':
      return `Starting… – ${app}`;
    case 'session':
      return stepTitle ? `${stepTitle} – ${app}` : app;
    case 'summary':
      return `Summary – ${app}`;
    case 'history':
      return `Your history – ${app}`;
    case 'error':
      return `Something needs your attention – ${app}`;
  }
}

customElements.define('massage-app', MassageApp);

declare global {
  interface HTMLElementTagNameMap {
    'massage-app': MassageApp;
  }
}
