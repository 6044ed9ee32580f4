import { css, html, LitElement } from 'lit';
import type { Routine } from '../core/routine-schema';
import { panelStyles } from './theme';

/** Fired when the person chooses a routine and asks to start. */
export type StartRoutineEvent = CustomEvent<{ routineId: string }>;

/** `<start-screen>`: explains what will happen and asks for the camera. */
export class StartScreen extends LitElement {
  static override properties = {
    routines: { attribute: false },
    selected: { state: true },
    busy: { type: Boolean },
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
      h1 {
        font-size: 2rem;
        margin: 0 0 0.5rem;
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
      .privacy {
        font-size: 0.9rem;
        color: var(--muted);
        border-left: 3px solid var(--accent);
        padding-left: 0.75rem;
      }
    `,
  ];

  declare routines: readonly Routine[];
  declare selected: string;
  declare busy: boolean;

  constructor() {
    super();
    this.routines = [];
    this.selected = '';
    this.busy = false;
  }

  protected override render() {
    const selected = this.selected || this.routines[0]?.id || '';
    return html`
      <h1>Massage coach</h1>
      <p class="lead">
        A coach for giving yourself a facial massage. It watches your face and hands through the webcam,
        draws arrows on your face for the direction of each stroke, counts your strokes and tells you when
        one goes the wrong way.
      </p>
      <ol class="how">
        <li>Sit facing the camera in good, even light, with your whole face in view.</li>
        <li>Warm a little serum or oil between your fingers so they glide without tugging the skin.</li>
        <li>Follow the arrows. Each step moves on by itself once you have done its strokes.</li>
      </ol>
      <fieldset>
        <legend>Choose a routine</legend>
        ${this.routines.map(
          (routine) => html`
            <label>
              <input
                type="radio"
                name="routine"
                .value=${routine.id}
                .checked=${routine.id === selected}
                @change=${() => {
                  this.selected = routine.id;
                }}
              />
              <strong>${routine.title}</strong> — ${routine.summary}
              <div class="steps">${routine.steps.map((s) => s.title).join(' · ')}</div>
            </label>
          `,
        )}
      </fieldset>
      <button ?disabled=${this.busy || !selected} @click=${() => this.start(selected)}>
        ${this.busy ? 'Starting…' : 'Start with camera'}
      </button>
      <p class="privacy">
        Everything happens on this device. No video, landmark or count leaves your browser, and there is no
        account. Stop if anything hurts or irritates, and skip broken or inflamed skin.
      </p>
    `;
  }

  private start(routineId: string): void {
    this.dispatchEvent(
      new CustomEvent('start-routine', { detail: { routineId }, bubbles: true, composed: true }),
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
  }
}
