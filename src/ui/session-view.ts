import { css, html, LitElement, nothing, svg } from 'lit';
import type { TrackedFrame } from '../core/frame';
import type { GestureState } from '../core/gesture-hold';
import type { HandGesture } from '../core/hand-gesture';
import { estimateRemainingMs } from '../core/session-plan';
import type { EngineSnapshot } from '../core/step-engine';
import { sidesShown } from '../overlay/arrow-paths';
import '../overlay/stroke-overlay';
import type { OverlayQuality, StrokeFlash } from '../overlay/stroke-overlay';
import type { CameraChoice } from '../tracking/camera-controller';
import './camera-picker';
import './coach-feedback';
import type { AppSettings } from './app-settings';
import type { CoachMessage } from './feedback-text';
import type { SessionCommand } from './session-controls';
import './session-controls';
import { Announcer } from './announcer';
import { SHORTCUT_HELP } from './shortcuts';
import './step-card';
import { panelStyles } from './theme';
import type { VoiceSettings } from './voice-coach';

/** A spoken cue shown as a caption over the video. */
export interface Caption {
  readonly text: string;
}

export type MirrorChangeEvent = CustomEvent<{ mirrored: boolean }>;
export type VoiceChangeEvent = CustomEvent<{ settings: VoiceSettings }>;
export type SettingsChangeEvent = CustomEvent<Partial<AppSettings>>;

/** What holding each sign does, as the progress ring says it. */
function gestureAction(gesture: HandGesture, paused: boolean): string {
  switch (gesture) {
    case 'open-palm':
      return paused ? 'Hold to go on' : 'Hold to pause';
    case 'thumbs-up':
      return 'Hold for the next step';
    case 'victory':
      return 'Hold to hear the step again';
  }
}

const SPEECH_RATES: readonly (readonly [number, string])[] = [
  [0.8, 'slow'],
  [1, 'normal'],
  [1.2, 'fast'],
];

function formatClock(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/**
 * `<session-view>`: the live session screen, video with the arrows over it beside the step card,
 * feedback, controls and options. It only shows what it is given and reports what the person
 * asks for: `session-command` (from its controls), `mirror-change` and `voice-change`.
 */
export class SessionView extends LitElement {
  static override properties = {
    snapshot: { attribute: false },
    frame: { attribute: false },
    frameSize: { attribute: false },
    quality: { attribute: false },
    sessionStartT: { attribute: false },
    message: { attribute: false },
    caption: { attribute: false },
    flash: { attribute: false },
    paused: { type: Boolean },
    mirrored: { type: Boolean },
    replaying: { type: Boolean },
    demo: { type: Boolean },
    loadingText: { attribute: false },
    voice: { attribute: false },
    canSpeak: { type: Boolean },
    cameras: { attribute: false },
    camera: { attribute: false },
    cameraLost: { type: Boolean },
    confirmingEnd: { type: Boolean },
    handsFree: { type: Boolean },
    mannequin: { type: Boolean },
    reducedMotion: { type: Boolean },
    motionSetting: { attribute: false },
    gesture: { attribute: false },
  };

  static override styles = [
    panelStyles,
    css`
      :host {
        display: grid;
        grid-template-columns: minmax(0, 3fr) minmax(18rem, 2fr);
        gap: 1rem;
        padding: 1rem;
        align-items: start;
      }
      @media (max-width: 900px) {
        :host {
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
      /* NOTE: kept playing and composited (not display: none), so its frames still reach tracking. */
      video.concealed {
        opacity: 0;
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
      .stage-wrap {
        position: relative;
      }
      /* On a phone the caption goes below the video, never over the face. */
      @media (max-width: 700px) {
        .caption {
          position: static;
          transform: none;
          max-width: none;
          margin-top: 0.5rem;
        }
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
      .replay-badge,
      .paused {
        position: absolute;
        top: 1rem;
        background: var(--panel);
        padding: 0.3rem 0.8rem;
        border-radius: 999px;
      }
      .replay-badge {
        right: 1rem;
        color: var(--warn);
      }
      .paused {
        left: 1rem;
      }
      svg.gesture {
        position: absolute;
        inset: 0;
        width: 100%;
        height: 100%;
        pointer-events: none;
      }
      .camera-lost,
      .confirm-end {
        position: absolute;
        inset: 0;
        display: grid;
        place-content: center;
        gap: 0.8rem;
        padding: 1.5rem;
        text-align: center;
        background: rgba(0, 0, 0, 0.8);
      }
    `,
  ];

  declare snapshot: EngineSnapshot | null;
  declare frame: TrackedFrame | null;
  declare frameSize: { width: number; height: number } | null;
  /** Time of the session's first frame, for the elapsed clock. */
  declare sessionStartT: number | null;
  declare message: CoachMessage | null;
  declare caption: Caption | null;
  declare flash: StrokeFlash | null;
  declare paused: boolean;
  declare mirrored: boolean;
  declare replaying: boolean;
  /** What is replayed is the demo recording. */
  declare demo: boolean;
  /** Shown over the video while the camera and models load; null once the session runs. */
  declare loadingText: string | null;
  declare voice: VoiceSettings;
  declare canSpeak: boolean;
  /** The cameras to choose from, and the one in use. */
  declare cameras: readonly CameraChoice[];
  declare camera: string | undefined;
  /** The camera stopped by itself: the session waits for the person to go on. */
  declare cameraLost: boolean;
  /** End was asked for: ask before the session's work is put away. */
  declare confirmingEnd: boolean;
  /** Hand signs control the session; and the sign being held, if any. */
  declare handsFree: boolean;
  /** A neutral face drawn from the landmarks takes the place of the video. */
  declare mannequin: boolean;
  /** The one live region's wording (see {@link Announcer}). */
  private readonly announcer = new Announcer();
  /** Motion is reduced (the setting, or the system's wish); and the setting itself. */
  declare reducedMotion: boolean;
  declare motionSetting: AppSettings['reducedMotion'];
  declare gesture: GestureState | null;
  /** How often and how finely the overlay draws, from the adaptive quality (null: the best). */
  declare quality: OverlayQuality | null;

  constructor() {
    super();
    this.snapshot = null;
    this.frame = null;
    this.frameSize = null;
    this.quality = null;
    this.sessionStartT = null;
    this.message = null;
    this.caption = null;
    this.flash = null;
    this.paused = false;
    this.mirrored = true;
    this.replaying = false;
    this.demo = false;
    this.loadingText = null;
    this.voice = { muted: false, rate: 1 };
    this.canSpeak = true;
    this.cameras = [];
    this.camera = undefined;
    this.cameraLost = false;
    this.confirmingEnd = false;
    this.handsFree = true;
    this.mannequin = false;
    this.reducedMotion = false;
    this.motionSetting = 'system';
    this.gesture = null;
  }

  /** The video element the camera plays into, once rendered. */
  async video(): Promise<HTMLVideoElement> {
    await this.updateComplete;
    const video = this.renderRoot.querySelector('video');
    if (!video) throw new Error('The session view has no video element.');
    return video;
  }

  protected override updated(changed: Map<string, unknown>): void {
    const size = this.frameSize;
    if (!changed.has('frameSize') || !size || size.width <= 0) return;
    // NOTE: set through the CSSOM; the Content-Security-Policy blocks inline style attributes,
    // which is what lit's styleMap writes on first render.
    const stage = this.renderRoot.querySelector<HTMLElement>('.stage');
    if (stage) stage.style.aspectRatio = `${size.width} / ${size.height}`;
  }

  protected override render() {
    const snapshot = this.snapshot;
    const doneSides = snapshot
      ? snapshot.sides.filter(
          (side) =>
            snapshot.step.sides === 'each' &&
            snapshot.tally.counts[side].good >= snapshot.step.reps,
        )
      : [];
    return html`<h1 class="visually-hidden">${snapshot?.routine.title ?? 'Session'}</h1>
      <div class="stage-wrap">
      <div class="stage">
        <video
          class="${this.mirrored ? 'mirrored' : ''} ${this.mannequin ? 'concealed' : ''}"
          ?hidden=${this.replaying}
          muted
          playsinline
        ></video>
        <stroke-overlay
          .frame=${this.frame}
          .frameSize=${this.frameSize ?? { width: 640, height: 480 }}
          .step=${snapshot?.step ?? null}
          .resting=${snapshot?.phase !== 'active'}
          .mirrored=${this.mirrored}
          .flash=${this.flash}
          .doneSides=${doneSides}
          .shownSides=${snapshot ? sidesShown(snapshot.step, snapshot.tally.counts) : null}
          .hold=${snapshot?.hold ?? {}}
          .showFace=${this.replaying || this.mannequin}
          .reducedMotion=${this.reducedMotion}
          .quality=${this.quality}
        ></stroke-overlay>
        ${this.loadingText === null ? nothing : html`<div class="loading">${this.loadingText}</div>`}
        ${this.paused ? html`<div class="paused">Paused</div>` : nothing}
        ${this.cameraLost ? this.renderCameraLost() : nothing}
        ${this.confirmingEnd ? this.renderConfirmEnd() : nothing}
        ${
          this.replaying
            ? html`<div class="replay-badge">${this.demo ? 'Demo: a recorded session' : 'Replaying a saved trace'}</div>`
            : nothing
        }
        ${this.renderGesture()}
      </div>
        ${this.caption ? html`<p class="caption">${this.caption.text}</p>` : nothing}
        <p class="visually-hidden announcer" role="status">
          ${this.announcer.update(performance.now(), this.caption?.text ?? null, this.message?.text ?? null)}
        </p>
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
        ></session-controls>
        <label class="options">
          <input type="checkbox" .checked=${this.mirrored} @change=${(e: Event) =>
            this.report('mirror-change', { mirrored: (e.target as HTMLInputElement).checked })} />
          Mirror the video (like a mirror: your right hand shows on the right)
        </label>
        <label class="options">
          <input type="checkbox" class="mannequin" .checked=${this.mannequin} @change=${(
            e: Event,
          ) =>
            this.report('settings-change', {
              mannequin: (e.target as HTMLInputElement).checked,
            })} />
          Show a neutral face instead of my video
        </label>
        <label class="options">
          Motion of the arrows
          <select class="motion" @change=${(e: Event) =>
            this.report('settings-change', {
              reducedMotion: (e.target as HTMLSelectElement).value as AppSettings['reducedMotion'],
            })}>
            <option value="system" ?selected=${this.motionSetting === 'system'}>as my system asks</option>
            <option value="reduce" ?selected=${this.motionSetting === 'reduce'}>still arrows</option>
            <option value="full" ?selected=${this.motionSetting === 'full'}>moving beads</option>
          </select>
        </label>
        <camera-picker class="options" .cameras=${this.cameras} .selected=${this.camera}></camera-picker>
        ${this.renderVoice()}
        ${this.renderHandsFree()}
      </div>`;
  }

  /** A ring filling up around the hand that holds a sign, with what holding it will do. */
  private renderGesture() {
    const gesture = this.gesture;
    const size = this.frameSize;
    if (!gesture?.gesture || !gesture.at || !size) return nothing;
    const x = (this.mirrored ? 1 - gesture.at.x : gesture.at.x) * size.width;
    const y = gesture.at.y * size.height;
    const r = size.width * 0.06;
    const circumference = 2 * Math.PI * r;
    const label = gestureAction(gesture.gesture, this.paused);
    return html`<svg class="gesture" viewBox="0 0 ${size.width} ${size.height}" aria-hidden="true">
        ${svg`<circle cx=${x} cy=${y} r=${r} fill="rgba(0,0,0,0.35)" stroke="rgba(255,255,255,0.35)" stroke-width=${r * 0.18}></circle>
          <circle cx=${x} cy=${y} r=${r} fill="none" stroke="#2ee6ff" stroke-width=${r * 0.18}
            stroke-dasharray="${circumference * gesture.progress} ${circumference}"
            transform="rotate(-90 ${x} ${y})"></circle>
          <text x=${x} y=${y + r * 1.6} text-anchor="middle" fill="#fff" font-size=${r * 0.45}>${label}</text>`}
      </svg>
      `;
  }

  private renderHandsFree() {
    return html`<details class="options hands-free">
      <summary>Hands-free and keys</summary>
      <label>
        <input type="checkbox" .checked=${this.handsFree} @change=${(e: Event) =>
          this.report('settings-change', { handsFree: (e.target as HTMLInputElement).checked })} />
        Control with hand signs, held still for a second beside your face
      </label>
      <ul>
        <li>Open hand, palm to the camera: pause, and again to go on</li>
        <li>Thumbs up: next step</li>
        <li>Victory sign (two fingers): hear the step again</li>
      </ul>
      <p>Keys: ${SHORTCUT_HELP.map(([key, what], i) => html`${i ? ' · ' : ''}<kbd>${key}</kbd> ${what}`)}</p>
    </details>`;
  }

  private renderCameraLost() {
    return html`<div class="camera-lost" role="alert">
      <p>
        The camera stopped: it may have been unplugged, or another app took it. Your session is
        paused and its progress kept.
      </p>
      <camera-picker .cameras=${this.cameras} .selected=${this.camera}></camera-picker>
      <button class="go-on" @click=${() => this.command('resume')}>Go on with the camera</button>
    </div>`;
  }

  private renderConfirmEnd() {
    return html`<div class="confirm-end" role="alertdialog" aria-label="End the session?">
      <p>End the session now? You will see what you did, but this session cannot go on afterwards.</p>
      <div>
        <button class="confirm" @click=${() => this.command('confirm-end')}>End session</button>
        <button class="secondary keep-going" @click=${() => this.command('cancel-end')}>Keep going</button>
      </div>
    </div>`;
  }

  private command(command: SessionCommand): void {
    this.dispatchEvent(
      new CustomEvent('session-command', { detail: { command }, bubbles: true, composed: true }),
    );
  }

  private renderVoice() {
    const voice = this.voice;
    const change = (settings: VoiceSettings) => this.report('voice-change', { settings });
    return html`<div class="options voice">
      <button
        class="secondary mute"
        aria-pressed=${voice.muted ? 'true' : 'false'}
        @click=${() => change({ ...voice, muted: !voice.muted })}
      >
        ${voice.muted ? 'Unmute voice' : 'Mute voice'}
      </button>
      <label>
        Speech
        <select
          class="rate"
          @change=${(e: Event) => change({ ...voice, rate: Number((e.target as HTMLSelectElement).value) })}
        >
          ${SPEECH_RATES.map(
            ([rate, label]) =>
              html`<option value=${rate} ?selected=${voice.rate === rate}>${label}</option>`,
          )}
        </select>
      </label>
      ${this.canSpeak ? nothing : html`<span>This browser cannot speak; cues are shown as captions.</span>`}
    </div>`;
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

  private report<K extends 'mirror-change' | 'voice-change' | 'settings-change'>(
    type: K,
    detail: HTMLElementEventMap[K]['detail'],
  ): void {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }
}

customElements.define('session-view', SessionView);

declare global {
  interface HTMLElementTagNameMap {
    'session-view': SessionView;
  }
  interface HTMLElementEventMap {
    'mirror-change': MirrorChangeEvent;
    'voice-change': VoiceChangeEvent;
    'settings-change': SettingsChangeEvent;
  }
}
