import { css, html, LitElement } from 'lit';
import type { Routine } from '../core/routine-schema';
import { countOverSides, type StepTally } from '../core/step-engine';
import { panelStyles } from './theme';

/** `<routine-summary>`: per step, the good and wrong-way strokes and the time taken. */
export class RoutineSummary extends LitElement {
  static override properties = {
    routine: { attribute: false },
    tallies: { attribute: false },
  };

  static override styles = [
    panelStyles,
    css`
      :host {
        display: block;
        max-width: 40rem;
        margin: 2rem auto;
        padding: 1.5rem;
        background: var(--panel);
        border-radius: 16px;
      }
      table {
        width: 100%;
        border-collapse: collapse;
        margin: 1rem 0;
      }
      th,
      td {
        text-align: left;
        padding: 0.4rem;
        border-bottom: 1px solid rgba(255, 255, 255, 0.1);
      }
    `,
  ];

  declare routine: Routine | null;
  declare tallies: readonly StepTally[];

  constructor() {
    super();
    this.routine = null;
    this.tallies = [];
  }

  protected override render() {
    const rows = this.tallies.map((tally) => {
      const step = this.routine?.steps.find((s) => s.id === tally.step);
      const c = tally.counts;
      const good = countOverSides(c, 'good');
      const wrong = countOverSides(c, 'wrongDirection');
      const seconds =
        tally.startedAt !== null && tally.completedAt !== null
          ? `${Math.round((tally.completedAt - tally.startedAt) / 1000)} s`
          : '—';
      return html`<tr><td>${step?.title ?? tally.step}</td><td>${good}</td><td>${wrong}</td><td>${seconds}</td></tr>`;
    });
    return html`
      <h2>${this.routine?.title ?? 'Routine'}: done</h2>
      <table>
        <thead><tr><th>Step</th><th>Good strokes</th><th>Wrong way</th><th>Time</th></tr></thead>
        <tbody>${rows}</tbody>
      </table>
      <button @click=${() => this.dispatchEvent(new CustomEvent('summary-close', { bubbles: true, composed: true }))}>
        Back to the start
      </button>
    `;
  }
}

customElements.define('routine-summary', RoutineSummary);

declare global {
  interface HTMLElementTagNameMap {
    'routine-summary': RoutineSummary;
  }
}
