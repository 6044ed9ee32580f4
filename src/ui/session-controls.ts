import { css, html, LitElement } from 'lit';
import { panelStyles } from './theme';

/** What a session control asks for. */
export type SessionCommand =
  | 'previous'
  | 'next'
  | 'pause'
  | 'resume'
  | 'end'
  | 'confirm-end'
  | 'cancel-end'
  | 'save-trace'
  | 'repeat';

export type SessionCommandEvent = CustomEvent<{ command: SessionCommand }>;

/** `<session-controls>`: previous, pause/resume, next, end, and saving the landmark trace. */
export class SessionControls extends LitElement {
  static override properties = {
    paused: { type: Boolean },
    canGoBack: { type: Boolean },
    canGoForward: { type: Boolean },
  };

  static override styles = [
    panelStyles,
    css`
      :host {
        display: flex;
        gap: 0.5rem;
        flex-wrap: wrap;
      }
    `,
  ];

  declare paused: boolean;
  declare canGoBack: boolean;
  declare canGoForward: boolean;

  constructor() {
    super();
    this.paused = false;
    this.canGoBack = false;
    this.canGoForward = true;
  }

  protected override render() {
    return html`
      <button class="secondary" data-command="previous" ?disabled=${!this.canGoBack} @click=${() => this.send('previous')}>
        ← Previous step
      </button>
      <button data-command=${this.paused ? 'resume' : 'pause'} @click=${() => this.send(this.paused ? 'resume' : 'pause')}>
        ${this.paused ? 'Resume' : 'Pause'}
      </button>
      <button class="secondary" data-command="next" ?disabled=${!this.canGoForward} @click=${() => this.send('next')}>
        Next step →
      </button>
      <button class="secondary" data-command="end" @click=${() => this.send('end')}>End session</button>
      <button
        class="secondary"
        data-command="save-trace"
        title="Saves the tracked landmarks of this session (no video) so a miscounted stroke can be reported"
        @click=${() => this.send('save-trace')}
      >
        Save landmark trace
      </button>
    `;
  }

  private send(command: SessionCommand): void {
    this.dispatchEvent(
      new CustomEvent('session-command', { detail: { command }, bubbles: true, composed: true }),
    );
  }
}

customElements.define('session-controls', SessionControls);

declare global {
  interface HTMLElementTagNameMap {
    'session-controls': SessionControls;
  }
  interface HTMLElementEventMap {
    'session-command': SessionCommandEvent;
  }
}
