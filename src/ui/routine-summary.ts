import { css, html, LitElement, nothing } from 'lit';
import {
  activeTotalMs,
  type SessionRecord,
  type StepRecord,
  verdictTotals,
} from '../history/session-record';
import { formatDuration, stepTarget, VERDICT_NAMES } from './record-text';
import { panelStyles } from './theme';

const STATUS_TEXT: Record<StepRecord['status'], string> = {
  done: 'Done',
  partial: 'Not finished',
  skipped: 'Skipped',
};

/**
 * `<routine-summary>`: what a finished (or ended) session did, step by step: the target, the good,
 * wrong-way and other strokes by kind, the time, and whether the step was done, left unfinished or
 * skipped.
 *
 * @fires summary-close - the person goes back to the start
 * @fires show-history - the person opens the history
 */
export class RoutineSummary extends LitElement {
  static override properties = {
    record: { attribute: false },
    saved: { attribute: false },
  };

  static override styles = [
    panelStyles,
    css`
      :host {
        display: block;
        max-width: 52rem;
        margin: 2rem auto;
        padding: 1.5rem;
        background: var(--panel);
        border-radius: 16px;
      }
      .table-wrap {
        overflow-x: auto;
      }
      h1 {
        font-size: 1.5rem;
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
        vertical-align: top;
      }
      td.num {
        text-align: right;
      }
      .skipped td {
        color: var(--muted);
      }
      .status-done {
        color: var(--good);
      }
      .totals {
        display: flex;
        flex-wrap: wrap;
        gap: 1rem 2rem;
        margin: 0;
      }
      .totals div {
        display: grid;
      }
      .totals dt {
        color: var(--muted);
        font-size: 0.9rem;
      }
      .totals dd {
        margin: 0;
        font-size: 1.4rem;
        font-weight: 600;
      }
      .actions {
        display: flex;
        gap: 0.5rem;
        flex-wrap: wrap;
      }
      .others {
        font-size: 0.85rem;
        color: var(--muted);
      }
    `,
  ];

  declare record: SessionRecord | null;
  /** Whether the session was kept in the history (null while that is not known). */
  declare saved: boolean | null;

  constructor() {
    super();
    this.record = null;
    this.saved = null;
  }

  private close(type: 'summary-close' | 'show-history'): void {
    this.dispatchEvent(new CustomEvent(type, { bubbles: true, composed: true }));
  }

  protected override render() {
    const record = this.record;
    if (!record) return nothing;
    const done = record.steps.filter((s) => s.status === 'done').length;
    const totals = verdictTotals(record.steps);
    const heading =
      done === record.steps.length
        ? `${record.title}: all ${done} steps done`
        : `${record.title}: ${done} of ${record.steps.length} steps done`;
    return html`
      <h1 data-heading tabindex="-1">${heading}</h1>
      <dl class="totals">
        <div><dt>Time</dt><dd>${formatDuration(activeTotalMs(record))}</dd></div>
        <div><dt>Good strokes</dt><dd>${totals.good}</dd></div>
        <div><dt>Wrong way</dt><dd>${totals.wrong}</dd></div>
        <div><dt>Other feedback</dt><dd>${totals.other}</dd></div>
      </dl>
      <div class="table-wrap" tabindex="0" role="region" aria-label="Steps of the session">
        <table>
          <caption class="visually-hidden">Each step of the session</caption>
          <thead>
            <tr>
              <th scope="col">Step</th>
              <th scope="col">Target</th>
              <th scope="col">Good</th>
              <th scope="col">Wrong way</th>
              <th scope="col">Other</th>
              <th scope="col">Time</th>
              <th scope="col">Result</th>
            </tr>
          </thead>
          <tbody>
            ${record.steps.map((step) => this.row(step))}
          </tbody>
        </table>
      </div>
      ${
        this.saved === false
          ? html`<p role="status">This session could not be kept in your history on this device.</p>`
          : nothing
      }
      <div class="actions">
        <button @click=${() => this.close('summary-close')}>Back to the start</button>
        <button class="secondary" @click=${() => this.close('show-history')}>Your history</button>
      </div>
    `;
  }

  private row(step: StepRecord) {
    const { good, wrong, other } = verdictTotals([step]);
    const others = Object.entries(step.verdicts)
      .filter(([verdict, n]) => verdict !== 'good' && verdict !== 'wrong-direction' && n > 0)
      .map(([verdict, n]) => `${VERDICT_NAMES[verdict as keyof typeof VERDICT_NAMES]} ${n}`);
    return html`<tr class=${step.status}>
      <th scope="row">${step.title}</th>
      <td>${stepTarget(step)}</td>
      <td class="num">${step.kind === 'timed' ? '—' : good}</td>
      <td class="num">${step.kind === 'timed' ? '—' : wrong}</td>
      <td class="num">${other}${others.length ? html`<div class="others">${others.join(', ')}</div>` : nothing}</td>
      <td class="num">${formatDuration(step.activeMs)}</td>
      <td class="status-${step.status}">${STATUS_TEXT[step.status]}</td>
    </tr>`;
  }
}

customElements.define('routine-summary', RoutineSummary);

declare global {
  interface HTMLElementTagNameMap {
    'routine-summary': RoutineSummary;
  }
  interface HTMLElementEventMap {
    'summary-close': CustomEvent<void>;
    'show-history': CustomEvent<void>;
  }
}
