import { css, html, LitElement, svg } from 'lit';
import { REGIONS, type RegionId } from '../core/regions';
import type { RegionWork } from '../history/history-stats';
import { formatDuration } from './record-text';

/**
 * Where each region sits on the drawing (a face seen from the front in a 200 × 260 box, the
 * person's right on the viewer's left). Lines are strokes along the face; areas are filled.
 * Sided shapes are drawn for the person's right and mirrored for the left.
 */
const SHAPES: Readonly<Record<RegionId, { kind: 'line' | 'area'; d: string; sided: boolean }>> = {
  forehead: { kind: 'area', d: 'M58 44 Q100 26 142 44 L142 70 Q100 60 58 70 Z', sided: false },
  temples: { kind: 'area', d: 'M28 82 Q34 70 44 72 L46 104 Q34 106 28 98 Z', sided: true },
  'brow-outward': { kind: 'line', d: 'M92 86 Q74 78 54 86', sided: true },
  'eye-socket-circle': {
    kind: 'line',
    d: 'M94 104 Q90 88 72 88 Q52 88 50 106 Q56 122 74 122 Q90 122 94 104',
    sided: true,
  },
  'cheek-circle': {
    kind: 'area',
    d: 'M62 140 m-15 0 a15 14 0 1 0 30 0 a15 14 0 1 0 -30 0',
    sided: true,
  },
  'cheek-outward': { kind: 'line', d: 'M84 138 Q60 130 28 128', sided: true },
  'laugh-line-outward': { kind: 'line', d: 'M84 158 Q64 160 44 150', sided: true },
  'smile-line-upward': { kind: 'line', d: 'M80 196 Q76 176 86 156', sided: true },
  'jaw-to-cheekbone': { kind: 'line', d: 'M44 196 Q38 164 46 126', sided: true },
  'jawline-outward': { kind: 'line', d: 'M96 238 Q62 232 34 176', sided: true },
  'chin-upward': { kind: 'line', d: 'M100 246 L100 214', sided: false },
  lips: { kind: 'area', d: 'M78 200 Q100 188 122 200 Q100 216 78 200 Z', sided: false },
};

/** The regions in the order the drawing lists them. */
const ORDER = Object.keys(SHAPES) as RegionId[];

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
      <svg viewBox="0 0 200 260" role="img" aria-labelledby="face-map-title">
        <title id="face-map-title">
          Face map: ${worked.length ? `${worked.length} of ${ORDER.length} areas worked this week` : 'no area worked this week'}
        </title>
        <path class="face" d="M100 14 C150 14 180 60 180 120 C180 190 140 250 100 250 C60 250 20 190 20 120 C20 60 50 14 100 14 Z"></path>
        <path class="feature" d="M100 104 L94 160 Q100 166 106 160"></path>
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
    const { kind, d, sided } = SHAPES[id];
    const work = this.work.get(id);
    const amount = work && work.activeMs > 0 ? 0.25 + 0.75 * Math.min(1, work.strokes / most) : 0;
    const cls = `region-${kind}${amount ? '' : ' unworked'}`;
    // NOTE: a presentation attribute, not a style: the CSP allows no inline styles.
    const opacity = amount ? amount.toFixed(2) : '1';
    const one = svg`<path class=${cls} opacity=${opacity} data-region=${id} d=${d}></path>`;
    return sided
      ? svg`${one}<path class=${cls} opacity=${opacity} data-region=${id} d=${d} transform="matrix(-1 0 0 1 200 0)"></path>`
      : one;
  }
}

customElements.define('face-map', FaceMap);

declare global {
  interface HTMLElementTagNameMap {
    'face-map': FaceMap;
  }
}
