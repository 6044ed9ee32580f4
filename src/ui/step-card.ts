import { css, html, LitElement, nothing } from 'lit';
import type { RoutineStep } from '../core/routine-schema';
import { countOverSides, type SideCount, type StepTally } from '../core/step-engine';
import './step-picture';
import { panelStyles } from './theme';

/** `<step-card>`: the current step's instructions and its stroke counter. */
export class StepCard extends LitElement {
  static override properties = {
    step: { attribute: false },
    tally: { attribute: false },
    position: { attribute: false },
  };

  static override styles = [
    panelStyles,
    css`
      :host {
        display: block;
        background: var(--panel);
        border-radius: 16px;
        padding: 1rem 1.25rem;
      }
      .position {
        color: var(--muted);
        font-size: 0.85rem;
        text-transform: uppercase;
        letter-spacing: 0.06em;
      }
      h2 {
        margin: 0.2rem 0 0.5rem;
        font-size: 1.4rem;
      }
      .how {
        display: flex;
        gap: 0.9rem;
        align-items: flex-start;
      }
      step-picture {
        flex: none;
        width: 5.5rem;
      }
      ol {
        margin: 0;
        padding-left: 1.2rem;
        line-height: 1.45;
      }
      .counter {
        display: flex;
        gap: 1rem;
        margin-top: 0.9rem;
      }
      .count {
        background: rgba(255, 255, 255, 0.06);
        border-radius: 12px;
        padding: 0.4rem 0.8rem;
        min-width: 6rem;
      }
      .count b {
        font-size: 1.6rem;
        color: var(--good);
      }
      .count small {
        display: block;
        color: var(--muted);
      }
      .wrong {
        color: var(--bad);
      }
      .caution {
        margin-top: 0.75rem;
        color: var(--warn);
        font-size: 0.9rem;
      }
    `,
  ];

  declare step: RoutineStep | null;
  declare tally: StepTally | null;
  declare position: { index: number; total: number } | null;

  constructor() {
    super();
    this.step = null;
    this.tally = null;
    this.position = null;
  }

  protected override render() {
    const step = this.step;
    if (!step) return nothing;
    const counts = this.tally?.counts;
    const sides =
      step.sides === 'each'
        ? ([
            ['right', 'Right side'],
            ['left', 'Left side'],
          ] as const)
        : ([
            ['total', step.kind === 'head-tilt' || step.kind === 'brow-raise' ? 'Reps' : 'Strokes'],
          ] as const);
    return html`
      ${
        this.position
          ? html`<div class="position">Step ${this.position.index + 1} of ${this.position.total}</div>`
          : nothing
      }
      <h2 data-heading tabindex="-1">${step.title}</h2>
      <div class="how">
        <step-picture .step=${step}></step-picture>
        <ol>
          ${step.instructions.map((line) => html`<li>${line}</li>`)}
        </ol>
      </div>
      ${
        step.kind === 'timed'
          ? nothing
          : html`<div class="counter">
        ${sides.map(([key, label]) => {
          const count = (what: keyof SideCount) =>
            !counts ? 0 : key === 'total' ? countOverSides(counts, what) : counts[key][what];
          const good = count('good');
          const wrong = count('wrongDirection');
          return html`<div class="count" data-side=${key}>
            <small>${label}</small>
            <b class="good-count">${Math.min(good, step.reps)}</b> / ${step.reps}
            ${wrong > 0 ? html`<small class="wrong">${wrong} wrong way</small>` : nothing}
          </div>`;
        })}
      </div>`
      }
      ${step.caution ? html`<div class="caution">${step.caution}</div>` : nothing}
    `;
  }
}

customElements.define('step-card', StepCard);

declare global {
  interface HTMLElementTagNameMap {
    'step-card': StepCard;
  }
}
