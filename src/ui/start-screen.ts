import { css, html, LitElement, nothing } from 'lit';
import type { RoutineStep } from '../core/routine-schema';
import type { SavedProgress } from './session-store';
import './step-picture';

/** Something to start: a session (several routines and tool steps) or a single routine. */
export interface StartChoice {
  readonly id: string;
  readonly kind: 'session' | 'routine';
  readonly title: string;
  readonly summary: string;
  readonly steps: readonly RoutineStep[];
  /** What it needs besides the hands (a roller, a serum…). */
  readonly needs: readonly string[];
}

import { panelStyles } from './theme';

/** Fired when the person picks a saved trace to replay through the chosen session or routine. */
export type ReplayTraceEvent = CustomEvent<{
  file: File;
  choiceId: string;
  kind: StartChoice['kind'];
}>;

/** Fired when the person chooses a session or routine and asks to start. */
export type StartRoutineEvent = CustomEvent<{
  choiceId: string;
  kind: StartChoice['kind'];
  /** The step to begin at (from the step list); else the first. */
  stepId?: string;
}>;

/** `<start-screen>`: explains what will happen and asks for the camera. */
export class StartScreen extends LitElement {
  static override properties = {
    choices: { attribute: false },
    selected: { state: true },
    busy: { type: Boolean },
    resumable: { attribute: false },
  };

  static override styles = [
    panelStyles,
    css`
      :host {
        display: block;
        max-width: 44rem;
        margin: 0 auto;
        padding: 2rem 1.25rem;
        line-height: 1.5;
      }
      header {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1rem;
        align-items: center;
        justify-content: space-between;
      }
      h1 {
        font-size: 2rem;
        margin: 0;
      }
      .step-list h2 {
        font-size: 1.15rem;
        margin: 1.25rem 0 0.25rem;
      }
      .step-list ol {
        list-style: none;
        padding: 0;
        margin: 0.5rem 0 0;
        display: grid;
        gap: 0.75rem;
      }
      .step-list li {
        display: flex;
        gap: 0.9rem;
        align-items: flex-start;
      }
      .step-list step-picture {
        flex: none;
        width: 5rem;
      }
      .step-list p {
        margin: 0.1rem 0 0.4rem;
        color: var(--muted);
      }
      /* The start button stays in view however long the list of choices is. */
      .start-bar {
        position: sticky;
        bottom: 0;
        padding: 0.75rem 0;
        background: linear-gradient(to top, #0b1017 70%, rgba(11, 16, 23, 0));
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
      }
      .lead {
        color: var(--muted);
        font-size: 1.1rem;
      }
      ol.how {
        padding-left: 1.2rem;
      }
      fieldset {
        border: none;
        padding: 0;
        margin: 1.5rem 0;
        display: grid;
        gap: 0.75rem;
      }
      label {
        display: block;
        background: var(--panel);
        border: 2px solid transparent;
        border-radius: 14px;
        padding: 0.9rem 1rem;
        cursor: pointer;
      }
      label:has(input:checked) {
        border-color: var(--accent);
      }
      input {
        margin-right: 0.5rem;
      }
      .steps {
        color: var(--muted);
        font-size: 0.9rem;
        margin: 0.25rem 0 0 1.6rem;
      }
      .replay {
        display: block;
        margin-top: 1.25rem;
        color: var(--muted);
        font-size: 0.9rem;
      }
      .replay input {
        display: block;
        margin-top: 0.4rem;
      }
      .resume {
        background: var(--panel);
        border-left: 6px solid var(--accent);
        border-radius: 14px;
        padding: 0.9rem 1rem;
        margin: 1rem 0;
      }
      .resume div {
        display: flex;
        gap: 0.5rem;
        flex-wrap: wrap;
      }
      .privacy {
        font-size: 0.9rem;
        color: var(--muted);
        border-left: 3px solid var(--accent);
        padding-left: 0.75rem;
      }
    `,
  ];

  declare choices: readonly StartChoice[];
  declare selected: string;
  declare busy: boolean;
  /** An unfinished session to offer to go on with. */
  declare resumable: SavedProgress | null;

  constructor() {
    super();
    this.choices = [];
    this.selected = '';
    this.busy = false;
    this.resumable = null;
  }

  protected override render() {
    const selected = this.selected || this.choices[0]?.id || '';
    return html`
      <header>
        <h1 data-heading tabindex="-1">Massage coach</h1>
        <button class="secondary history" @click=${() => this.fire('show-history')}>Your history</button>
      </header>
      <p class="lead">
        A coach for giving yourself a facial massage. It watches your face and hands through the webcam,
        draws arrows on your face for the direction of each stroke, counts your strokes and tells you when
        one goes the wrong way.
      </p>
      ${this.renderResume()}
      <ol class="how">
        <li>Sit facing the camera in good, even light, with your whole face in view.</li>
        <li>Warm a little serum or oil between your fingers so they glide without tugging the skin.</li>
        <li>Follow the arrows. Each step moves on by itself once you have done its strokes.</li>
      </ol>
      <fieldset>
        <legend>Choose a session or a single routine</legend>
        ${this.choices.map(
          (choice) => html`
            <label data-choice=${choice.id}>
              <input
                type="radio"
                name="routine"
                .value=${choice.id}
                .checked=${choice.id === selected}
                @change=${() => {
                  this.selected = choice.id;
                }}
              />
              <strong>${choice.title}</strong> — ${choice.summary}
              <div class="steps">${choice.steps.map((s) => s.title).join(' · ')}</div>
            </label>
          `,
        )}
      </fieldset>
      ${this.renderSteps(this.choices.find((c) => c.id === selected))}
      <div class="start-bar">
        <button class="start" ?disabled=${this.busy || !selected} @click=${() => this.start(selected)}>
          ${this.busy ? 'Starting…' : 'Start with camera'}
        </button>
        <button class="secondary demo" @click=${() => this.fire('start-demo')}>
          Try the demo (no camera)
        </button>
      </div>
      <label class="replay">
        Or replay a saved landmark trace through it (no camera needed):
        <input type="file" accept=".json,application/json" @change=${(e: Event) => this.replay(e, selected)} />
      </label>
      <p class="privacy">
        Everything happens on this device. No video, landmark or count leaves your browser, and there is no
        account. Stop if anything hurts or irritates, and skip broken or inflamed skin.
      </p>
    `;
  }

  /** The chosen session's or routine's steps, each with its picture, to read or to start at. */
  private renderSteps(choice: StartChoice | undefined) {
    if (!choice) return nothing;
    return html`<section class="step-list" aria-labelledby="step-list-title">
      <h2 id="step-list-title">${choice.title}: the steps</h2>
      ${
        choice.needs.length
          ? html`<p class="needs">You will need: ${choice.needs.join(', ')}.</p>`
          : nothing
      }
      <details>
        <summary>Show the ${choice.steps.length} steps, or start at one of them</summary>
        <ol>
          ${choice.steps.map(
            (step) => html`<li data-step=${step.id}>
              <step-picture .step=${step}></step-picture>
              <div>
                <strong>${step.title}</strong>
                <p>${step.summary}</p>
                <button
                  class="secondary start-here"
                  ?disabled=${this.busy}
                  aria-label=${`Start at ${step.title}`}
                  @click=${() => this.start(choice.id, step.id)}
                >
                  Start here
                </button>
              </div>
            </li>`,
          )}
        </ol>
      </details>
    </section>`;
  }

  private fire(type: 'show-history' | 'start-demo'): void {
    this.dispatchEvent(new CustomEvent(type, { bubbles: true, composed: true }));
  }

  private renderResume() {
    const saved = this.resumable;
    if (!saved) return nothing;
    const send = (type: 'resume-session' | 'discard-session') =>
      this.dispatchEvent(new CustomEvent(type, { bubbles: true, composed: true }));
    const strokes = saved.tallies.reduce(
      (sum, t) => sum + t.counts.left.good + t.counts.right.good + t.counts.center.good,
      0,
    );
    return html`<section class="resume" aria-label="Unfinished session">
      <p>
        You left <strong>${saved.title}</strong> at step ${saved.stepIndex + 1} of ${saved.stepCount},
        with ${strokes} good ${strokes === 1 ? 'stroke' : 'strokes'} counted.
      </p>
      <div>
        <button class="resume-session" @click=${() => send('resume-session')}>Go on where I left off</button>
        <button class="secondary discard-session" @click=${() => send('discard-session')}>Forget it</button>
      </div>
    </section>`;
  }

  private replay(event: Event, choiceId: string): void {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    const kind = this.choices.find((c) => c.id === choiceId)?.kind ?? 'routine';
    this.dispatchEvent(
      new CustomEvent('replay-trace', {
        detail: { file, choiceId, kind },
        bubbles: true,
        composed: true,
      }),
    );
    input.value = '';
  }

  private start(choiceId: string, stepId?: string): void {
    const kind = this.choices.find((c) => c.id === choiceId)?.kind ?? 'routine';
    this.dispatchEvent(
      new CustomEvent('start-routine', {
        detail: { choiceId, kind, ...(stepId ? { stepId } : {}) },
        bubbles: true,
        composed: true,
      }),
    );
  }
}

customElements.define('start-screen', StartScreen);

declare global {
  interface HTMLElementTagNameMap {
    'start-screen': StartScreen;
  }
  interface HTMLElementEventMap {
    'start-routine': StartRoutineEvent;
    'replay-trace': ReplayTraceEvent;
    'resume-session': CustomEvent<undefined>;
    'discard-session': CustomEvent<undefined>;
    'start-demo': CustomEvent<undefined>;
  }
}
