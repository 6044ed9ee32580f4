import { css, html, LitElement, nothing, type PropertyValues, unsafeCSS } from 'lit';
import uPlot from 'uplot';
import uPlotStyles from 'uplot/dist/uPlot.min.css?inline';
import {
  dayKey,
  minutesByDay,
  recentDays,
  regionWorkThisWeek,
  startOfDay,
  streakDays,
  weeklyAccuracy,
} from '../history/history-stats';
import { type ReminderPlan, reminderCalendar } from '../history/reminders';
import { activeTotalMs, type SessionRecord, verdictTotals } from '../history/session-record';
import { downloadBlob } from './download';
import './face-map';
import { formatDuration } from './record-text';
import { panelStyles } from './theme';

/** Days in the minutes chart and weeks in the accuracy chart. */
const CHART_DAYS = 30;
const CHART_WEEKS = 8;

/**
 * `<history-screen>`: the sessions kept on this device: the streak, a month calendar, minutes a
 * day and direction accuracy by week (uPlot charts, each with its figures as a table too), a face
 * map of this week's work, the sessions themselves, and export, import and delete.
 *
 * @fires history-close - back to the start
 * @fires history-export - the person wants the history as a file
 * @fires history-import - `{file}`: a history file to add
 * @fires history-clear - the person confirmed deleting the whole history
 */
export class HistoryScreen extends LitElement {
  static override properties = {
    records: { attribute: false },
    now: { attribute: false },
    message: { attribute: false },
    persistent: { attribute: false },
    confirmingClear: { state: true },
  };

  static override styles = [
    panelStyles,
    unsafeCSS(uPlotStyles),
    css`
      :host {
        display: block;
        max-width: 60rem;
        margin: 0 auto;
        padding: 1rem;
      }
      section {
        background: var(--panel);
        border-radius: 16px;
        padding: 1rem 1.25rem;
        margin-bottom: 1rem;
      }
      h1,
      h2 {
        margin-top: 0;
      }
      h1 {
        font-size: 1.5rem;
      }
      .table-wrap {
        overflow-x: auto;
      }
      .stats {
        display: flex;
        flex-wrap: wrap;
        gap: 1rem 2.5rem;
        margin: 0;
      }
      .stats div {
        display: grid;
      }
      .stats dt {
        color: var(--muted);
        font-size: 0.9rem;
      }
      .stats dd {
        margin: 0;
        font-size: 1.6rem;
        font-weight: 700;
      }
      .calendar {
        list-style: none;
        padding: 0;
        margin: 0 0 4px;
        display: grid;
        grid-template-columns: repeat(7, minmax(2rem, 1fr));
        gap: 4px;
        max-width: 24rem;
      }
      .calendar .weekday {
        color: var(--muted);
        font-size: 0.8rem;
        text-align: center;
      }
      .calendar .day {
        aspect-ratio: 1;
        border-radius: 6px;
        display: grid;
        place-items: center;
        font-size: 0.85rem;
        background: #1c2633;
      }
      .calendar .practised {
        background: #1f6f7d;
        color: #fff;
        font-weight: 700;
      }
      .calendar .today {
        outline: 2px solid var(--accent);
      }
      .charts {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr));
        gap: 1rem;
      }
      figure {
        margin: 0;
        min-width: 0;
      }
      figcaption {
        font-weight: 600;
        margin-bottom: 0.4rem;
      }
      .chart {
        background: #f4f7fa;
        border-radius: 8px;
        color: #111;
      }
      details {
        margin-top: 0.4rem;
        font-size: 0.9rem;
      }
      table {
        border-collapse: collapse;
        width: 100%;
      }
      th,
      td {
        text-align: left;
        padding: 0.3rem 0.4rem;
        border-bottom: 1px solid rgba(255, 255, 255, 0.1);
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        align-items: center;
      }
      .file-label {
        display: inline-block;
        border: 1px solid rgba(255, 255, 255, 0.3);
        border-radius: 999px;
        padding: 0.55em 1.2em;
        font-weight: 600;
        cursor: pointer;
      }
      .file-label:focus-within {
        outline: 3px solid #fff;
        outline-offset: 2px;
      }
      .danger {
        background: var(--bad);
      }
      .muted {
        color: var(--muted);
      }
    `,
  ];

  declare records: readonly SessionRecord[];
  /** The time the screen is shown for (ms since the epoch). */
  declare now: number;
  /** The outcome of the last export, import or delete, to announce. */
  declare message: { text: string; tone: 'good' | 'bad' } | null;
  /** Whether the browser promised to keep the history (null: not known). */
  declare persistent: boolean | null;
  declare confirmingClear: boolean;

  private charts: uPlot[] = [];

  constructor() {
    super();
    this.records = [];
    this.now = Date.now();
    this.message = null;
    this.persistent = null;
    this.confirmingClear = false;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.destroyCharts();
  }

  private fire(type: 'history-close' | 'history-export' | 'history-clear'): void {
    this.dispatchEvent(new CustomEvent(type, { bubbles: true, composed: true }));
  }

  private pickFile(event: Event): void {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    this.dispatchEvent(
      new CustomEvent('history-import', { detail: { file }, bubbles: true, composed: true }),
    );
  }

  protected override render() {
    const records = this.records;
    const practised = records.filter((r) => activeTotalMs(r) > 0);
    const totals = verdictTotals(records.flatMap((r) => r.steps));
    const accuracy =
      totals.good + totals.wrong > 0
        ? `${Math.round((100 * totals.good) / (totals.good + totals.wrong))} %`
        : '—';
    return html`
      <section>
        <h1 data-heading tabindex="-1">Your history</h1>
        <p class="muted">
          Kept in this browser on this device only: counts and times, never pictures or landmarks.
          ${this.persistent === false ? ' Your browser may clear it when space runs low: export it now and then to keep a copy.' : nothing}
        </p>
        <dl class="stats">
          <div><dt>Streak</dt><dd>${plural(streakDays(records, this.now), 'day')}</dd></div>
          <div><dt>Sessions</dt><dd>${practised.length}</dd></div>
          <div><dt>Time in all</dt><dd>${formatDuration(practised.reduce((s, r) => s + activeTotalMs(r), 0))}</dd></div>
          <div><dt>Right direction</dt><dd>${accuracy}</dd></div>
        </dl>
      </section>
      ${records.length ? this.details() : html`<section><p>No session yet. Sessions you finish or end appear here.</p></section>`}
      <section class="reminders">
        <h2>Reminders</h2>
        <p class="muted">
          A calendar file for your own calendar app: the daily routine morning and evening, or the
          extended session twice a week. Nothing is sent anywhere.
        </p>
        <div class="actions">
          <button class="secondary remind-daily" @click=${() => downloadReminders('daily')}>Daily reminders (.ics)</button>
          <button class="secondary remind-extended" @click=${() => downloadReminders('extended')}>
            Extended-session reminders (.ics)
          </button>
        </div>
      </section>
      <section>
        <h2>Your data</h2>
        <div class="actions">
          <button class="secondary" @click=${() => this.fire('history-export')} ?disabled=${!records.length}>
            Export history
          </button>
          <label class="file-label">
            Import history…
            <input class="visually-hidden" type="file" accept="application/json,.json" @change=${this.pickFile} />
          </label>
          ${
            this.confirmingClear
              ? html`<span role="group" aria-label="Delete the whole history?">
                  Delete all ${records.length} sessions? This cannot be undone.
                  <button class="danger confirm-clear" @click=${() => {
                    this.confirmingClear = false;
                    this.fire('history-clear');
                  }}>Delete all</button>
                  <button class="secondary" @click=${() => {
                    this.confirmingClear = false;
                  }}>Keep it</button>
                </span>`
              : html`<button class="secondary clear" ?disabled=${!records.length} @click=${() => {
                  this.confirmingClear = true;
                }}>Delete history…</button>`
          }
        </div>
        <p class="message" role="status">${this.message?.text ?? ''}</p>
      </section>
      <button @click=${() => this.fire('history-close')}>Back to the start</button>
    `;
  }

  private details() {
    const days = recentDays(this.records, this.now, CHART_DAYS);
    const weeks = weeklyAccuracy(this.records, this.now, CHART_WEEKS);
    const shortDate = (ms: number) =>
      new Date(ms).toLocaleDateString(undefined, { month: 'short', day: 'numeric' });
    return html`
      <section>
        <h2>This month</h2>
        ${this.calendar()}
      </section>
      <section class="charts">
        <figure>
          <figcaption id="minutes-caption">Minutes a day, last ${CHART_DAYS} days</figcaption>
          <div class="chart" id="minutes-chart" role="img" aria-labelledby="minutes-caption"></div>
          <details>
            <summary>As a table</summary>
            <table>
              <thead><tr><th scope="col">Day</th><th scope="col">Minutes</th></tr></thead>
              <tbody>
                ${days.filter((d) => d.minutes > 0).map((d) => html`<tr><td>${shortDate(d.day)}</td><td>${d.minutes.toFixed(1)}</td></tr>`)}
              </tbody>
            </table>
          </details>
        </figure>
        <figure>
          <figcaption id="accuracy-caption">Strokes in the right direction, by week</figcaption>
          <div class="chart" id="accuracy-chart" role="img" aria-labelledby="accuracy-caption"></div>
          <details>
            <summary>As a table</summary>
            <table>
              <thead><tr><th scope="col">Week of</th><th scope="col">Right direction</th><th scope="col">Good / wrong way</th></tr></thead>
              <tbody>
                ${weeks
                  .filter((w) => w.accuracy !== null)
                  .map(
                    (w) =>
                      html`<tr><td>${shortDate(w.weekStart)}</td><td>${Math.round((w.accuracy ?? 0) * 100)} %</td><td>${w.good} / ${w.wrong}</td></tr>`,
                  )}
              </tbody>
            </table>
          </details>
        </figure>
      </section>
      <section>
        <h2>This week on your face</h2>
        <face-map .work=${regionWorkThisWeek(this.records, this.now)}></face-map>
      </section>
      <section>
        <h2>Sessions</h2>
        <div class="table-wrap" tabindex="0" role="region" aria-label="Sessions">
          <table class="sessions">
            <thead>
              <tr><th scope="col">When</th><th scope="col">What</th><th scope="col">Time</th><th scope="col">Steps done</th><th scope="col">Good / wrong way</th></tr>
            </thead>
            <tbody>
              ${[...this.records].reverse().map((r) => {
                const t = verdictTotals(r.steps);
                return html`<tr>
                  <td>${new Date(r.startedAt).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })}</td>
                  <td>${r.title}</td>
                  <td>${formatDuration(activeTotalMs(r))}</td>
                  <td>${r.steps.filter((s) => s.status === 'done').length} of ${r.steps.length}</td>
                  <td>${t.good} / ${t.wrong}</td>
                </tr>`;
              })}
            </tbody>
          </table>
        </div>
      </section>
    `;
  }

  private calendar() {
    const now = new Date(this.now);
    const first = new Date(now.getFullYear(), now.getMonth(), 1);
    const daysInMonth = new Date(now.getFullYear(), now.getMonth() + 1, 0).getDate();
    const lead = (first.getDay() + 6) % 7;
    const minutes = minutesByDay(this.records);
    const today = dayKey(this.now);
    const weekdays = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'];
    const month = first.toLocaleDateString(undefined, { month: 'long', year: 'numeric' });
    return html`<div class="weekdays calendar" aria-hidden="true">
        ${weekdays.map((d) => html`<div class="weekday">${d}</div>`)}
      </div>
      <ol class="calendar" aria-label=${month}>
        ${Array.from({ length: lead }, () => html`<li class="blank" aria-hidden="true"></li>`)}
        ${Array.from({ length: daysInMonth }, (_, i) => {
          const day = startOfDay(first.getTime(), i);
          const key = dayKey(day);
          const m = minutes.get(key);
          const label = `${new Date(day).toLocaleDateString(undefined, { month: 'long', day: 'numeric' })}: ${m ? `${m.toFixed(1)} minutes` : 'no practice'}`;
          return html`<li class="day ${m ? 'practised' : ''} ${key === today ? 'today' : ''}" title=${label}>
            <span aria-hidden="true">${i + 1}</span><span class="visually-hidden">${label}</span>
          </li>`;
        })}
      </ol>`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('records') || changed.has('now')) this.drawCharts();
  }

  private destroyCharts(): void {
    for (const chart of this.charts) chart.destroy();
    this.charts = [];
  }

  private drawCharts(): void {
    this.destroyCharts();
    const minutesHost = this.renderRoot.querySelector<HTMLElement>('#minutes-chart');
    const accuracyHost = this.renderRoot.querySelector<HTMLElement>('#accuracy-chart');
    if (!minutesHost || !accuracyHost) return;
    const days = recentDays(this.records, this.now, CHART_DAYS);
    const weeks = weeklyAccuracy(this.records, this.now, CHART_WEEKS);
    const width = (host: HTMLElement) => Math.max(240, host.clientWidth || 320);
    const bars = uPlot.paths.bars?.({ size: [0.7, 40] });
    this.charts.push(
      new uPlot(
        {
          width: width(minutesHost),
          height: 180,
          legend: { show: false },
          cursor: { show: false },
          scales: { y: { range: (_u, _min, max) => [0, Math.max(5, max)] } },
          series: [
            {},
            {
              label: 'minutes',
              stroke: '#0a7f91',
              fill: '#2ec4d6',
              points: { show: false },
              ...(bars ? { paths: bars } : {}),
            },
          ],
          axes: [{}, { label: 'min' }],
        },
        [days.map((d) => d.day / 1000), days.map((d) => d.minutes)],
        minutesHost,
      ),
      new uPlot(
        {
          width: width(accuracyHost),
          height: 180,
          legend: { show: false },
          cursor: { show: false },
          scales: { y: { range: [0, 100] } },
          series: [
            {},
            {
              label: 'right direction (%)',
              stroke: '#1a8f3c',
              width: 2,
              points: { show: true, size: 7 },
              spanGaps: true,
            },
          ],
          axes: [{}, { label: '%' }],
        },
        [
          weeks.map((w) => w.weekStart / 1000),
          weeks.map((w) => (w.accuracy === null ? null : Math.round(w.accuracy * 100))),
        ],
        accuracyHost,
      ),
    );
  }
}

/** Downloads a reminder calendar file. */
function downloadReminders(plan: ReminderPlan): void {
  downloadBlob(
    new Blob([reminderCalendar(plan, Date.now())], { type: 'text/calendar' }),
    `massage-coach-${plan}-reminders.ics`,
  );
}

/** "1 day", "3 days". */
function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

customElements.define('history-screen', HistoryScreen);

declare global {
  interface HTMLElementTagNameMap {
    'history-screen': HistoryScreen;
  }
  interface HTMLElementEventMap {
    'history-close': CustomEvent<void>;
    'history-export': CustomEvent<void>;
    'history-import': CustomEvent<{ file: File }>;
    'history-clear': CustomEvent<void>;
  }
}
