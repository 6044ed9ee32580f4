import { css, html, LitElement, nothing } from 'lit';
import type { CoachMessage } from './feedback-text';
import { panelStyles } from './theme';

/** `<coach-feedback>`: the live message under the video (good stroke, wrong way, no face, …). */
export class CoachFeedback extends LitElement {
  static override properties = { message: { attribute: false } };

  static override styles = [
    panelStyles,
    css`
      :host {
        display: block;
      }
      p {
        margin: 0;
        padding: 0.7rem 1rem;
        border-radius: 12px;
        background: var(--panel);
        font-size: 1.15rem;
        font-weight: 600;
        border-left: 6px solid var(--muted);
      }
      p.good {
        border-color: var(--good);
      }
      p.warn {
        border-color: var(--warn);
      }
      p.bad {
        border-color: var(--bad);
      }
      p.info {
        border-color: var(--accent);
      }
    `,
  ];

  declare message: CoachMessage | null;

  constructor() {
    super();
    this.message = null;
  }

  protected override render() {
    if (!this.message) return nothing;
    return html`<p class=${this.message.tone} data-tone=${this.message.tone}>
      ${this.message.text}
    </p>`;
  }
}

customElements.define('coach-feedback', CoachFeedback);

declare global {
  interface HTMLElementTagNameMap {
    'coach-feedback': CoachFeedback;
  }
}
