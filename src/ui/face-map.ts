import { css, html, LitElement, svg } from 'lit';
import { REGIONS, type RegionId } from '../core/regions';
import type { RegionWork } from '../history/history-stats';
import { FACE_OUTLINE, MIRROR, NOSE, REGION_SHAPES, VIEW_BOX } from './face-drawing';
import { formatDuration } from './record-text';

/** The regions in the order the drawing lists them. */
const ORDER = Object.keys(REGION_SHAPES) as RegionId[];

/**
 * `<face-map>`: a drawing of a face with each region shaded by how much it was worked (the number
 * of judged strokes there, relative to the most worked region), with a list of the same figures
 * for screen readers and for reading exact numbers.
 */
export class FaceMap extends LitElement {
  static override properties = { work: { attribute: false } };

  static override styles = css`
    :host {
      display: grid;
      grid-template-columns: minmax(8rem, 14rem) 1fr;
      gap: 1rem;
      align-items: start;
    }
    svg {
      width: 100%;
      height: auto;
    }
    .face {
      fill: #1c2633;
      stroke: #6d7d91;
      stroke-width: 1.5;
    }
    .feature {
      fill: none;
      stroke: #6d7d91;
      stroke-width: 1.2;
    }
    .region-line {
      fill: none;
      stroke: #2ee6ff;
      stroke-linecap: round;
      stroke-width: 7;
    }
    .region-area {
      fill: #2ee6ff;
      stroke: none;
    }
    .unworked {
      stroke: #3a4656;
      fill: #3a4656;
    }
    .region-line.unworked {
      fill: none;
      stroke-width: 3;
    }
    ul {
      margin: 0;
      padding-left: 1.1rem;
      font-size: 0.9rem;
    }
    @media (max-width: 30rem) {
      :host {
        grid-template-columns: 1fr;
      }
      svg {
        max-width: 12rem;
      }
    }
  `;

  /** Judged strokes and time per region (regions not listed were not worked). */
  declare work: ReadonlyMap<RegionId, RegionWork>;

  constructor() {
    super();
    this.work = new Map();
  }

  protected override render() {
    const most = Math.max(1, ...[...this.work.values()].map((w) => w.strokes));
    const worked = ORDER.filter((id) => (this.work.get(id)?.activeMs ?? 0) > 0);
    return html`
      <svg viewBox=${VIEW_BOX} role="img" aria-labelledby="face-map-title">
        <title id="face-map-title">
          Face map: ${worked.length ? `${worked.length} of ${ORDER.length} areas worked this week` : 'no area worked this week'}
        </title>
        <path class="face" d=${FACE_OUTLINE}></path>
        <path class="feature" d=${NOSE}></path>
        ${ORDER.map((id) => this.shape(id, most))}
      </svg>
      <ul>
        ${
          worked.length
            ? worked.map((id) => {
                const w = this.work.get(id) as RegionWork;
                return html`<li>${REGIONS[id].label}: ${w.strokes} strokes, ${formatDuration(w.activeMs)}</li>`;
              })
            : html`<li>Nothing yet this week.</li>`
        }
      </ul>
    `;
  }

  private shape(id: RegionId, most: number) {
    const { kind, d, sided } = REGION_SHAPES[id];
    const work = this.work.get(id);
    const amount = work && work.activeMs > 0 ? 0.25 + 0.75 * Math.min(1, work.strokes / most) : 0;
    const cls = `region-${kind}${amount ? '' : ' unworked'}`;
    // NOTE: a presentation attribute, not a style: the CSP allows no inline styles.
    const opacity = amount ? amount.toFixed(2) : '1';
    const one = svg`<path class=${cls} opacity=${opacity} data-region=${id} d=${d}></path>`;
    return sided
      ? svg`${one}<path class=${cls} opacity=${opacity} data-region=${id} d=${d} transform=${MIRROR}></path>`
      : one;
  }
}

customElements.define('face-map', FaceMap);

declare global {
  interface HTMLElementTagNameMap {
    'face-map': FaceMap;
  }
}
