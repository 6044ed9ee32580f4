import { css, html, LitElement, nothing, svg } from 'lit';
import type { Effector, RoutineStep } from '../core/routine-schema';
import {
  CIRCLES,
  circleArrowPath,
  FACE_OUTLINE,
  FEATURES,
  MIRROR,
  NOSE,
  REGION_SHAPES,
  VIEW_BOX,
} from './face-drawing';
import { describeStepPicture } from './step-picture-text';

/**
 * A small drawing of the part of the hand that does the work, centred on (0, 0): finger pads,
 * one finger, a fist's knuckles, or a pinch.
 */
function handGlyph(effector: Effector) {
  switch (effector) {
    case 'fingertips':
      return svg`<ellipse cx="-7" cy="0" rx="3.2" ry="5"></ellipse><ellipse cx="0" cy="-2" rx="3.2" ry="5.5"></ellipse><ellipse cx="7" cy="0" rx="3.2" ry="5"></ellipse>`;
    case 'index':
    case 'thumb':
      return svg`<ellipse cx="0" cy="0" rx="3.6" ry="7"></ellipse>`;
    case 'knuckles':
      return svg`<rect x="-11" y="-6" width="22" height="13" rx="5"></rect><circle cx="-7" cy="-6" r="3"></circle><circle cx="-2.3" cy="-7" r="3"></circle><circle cx="2.3" cy="-7" r="3"></circle><circle cx="7" cy="-6" r="3"></circle>`;
    case 'pinch':
      return svg`<circle cx="-3.5" cy="0" r="4"></circle><circle cx="3.5" cy="0" r="4"></circle>`;
  }
}

/** What a step is done with besides the hands, centred on (0, 0). */
function toolGlyph(tool: RoutineStep['tool'] | 'product') {
  switch (tool) {
    case 'roller':
      return svg`<rect x="-3" y="-2" width="6" height="26" rx="3"></rect><rect x="-11" y="-12" width="22" height="11" rx="5"></rect>`;
    case 'gua-sha':
      return svg`<path d="M-9 -6 Q0 -18 9 -6 Q12 6 0 12 Q-12 6 -9 -6 Z"></path>`;
    default:
      // A drop of serum or moisturiser.
      return svg`<path d="M0 -12 Q9 0 6 6 Q0 13 -6 6 Q-9 0 0 -12 Z"></path>`;
  }
}

/** Where a stroke's path begins on the drawing (its first point), for the hand glyph. */
function startOf(d: string): { x: number; y: number } {
  const match = /^M\s*([-\d.]+)[ ,]([-\d.]+)/.exec(d);
  return match ? { x: Number(match[1]), y: Number(match[2]) } : { x: 100, y: 130 };
}

/**
 * `<step-picture>`: a drawing of the face with where a step's hands go and the arrow of its
 * stroke, for the start screen's step list and the step card.
 */
export class StepPicture extends LitElement {
  static override properties = { step: { attribute: false } };

  static override styles = css`
    :host {
      display: inline-block;
      width: 6rem;
    }
    svg {
      display: block;
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
      stroke-width: 1.5;
    }
    .stroke {
      fill: none;
      stroke: #2ee6ff;
      stroke-width: 5;
      stroke-linecap: round;
    }
    .area {
      fill: #2ee6ff;
      opacity: 0.35;
    }
    .head {
      fill: #2ee6ff;
    }
    .hand {
      fill: #f2c9a0;
      stroke: #5b3b22;
      stroke-width: 1;
    }
    .tool {
      fill: #d8b46a;
      stroke: #5b4a22;
      stroke-width: 1;
    }
    .later {
      opacity: 0.35;
    }
  `;

  declare step: RoutineStep | null;

  constructor() {
    super();
    this.step = null;
  }

  protected override render() {
    const step = this.step;
    if (!step) return nothing;
    const id = `arrow-${step.id}`;
    return html`<svg viewBox=${VIEW_BOX} role="img" aria-label=${describeStepPicture(step)}>
      <defs>
        <marker id=${id} viewBox="0 0 10 10" refX="5" refY="5" markerWidth="3" markerHeight="3" orient="auto-start-reverse">
          <path class="head" d="M0 0 L10 5 L0 10 Z"></path>
        </marker>
      </defs>
      <path class="face" d=${FACE_OUTLINE}></path>
      <path class="feature" d=${NOSE}></path>
      ${FEATURES.map(
        (f) =>
          svg`<path class="feature" d=${f.d}></path>${f.sided ? svg`<path class="feature" d=${f.d} transform=${MIRROR}></path>` : nothing}`,
      )}
      ${this.guide(step, `url(#${id})`)}
    </svg>`;
  }

  /** The step's arrows and hands: a sided shape for the right, mirrored for the left. */
  private guide(step: RoutineStep, marker: string) {
    if (step.kind === 'head-tilt')
      return svg`<path class="stroke" d="M100 246 L100 206" marker-end=${marker}></path>`;
    if (step.kind === 'timed' || !step.region) {
      // Nothing tracked: what it is done with, on each cheek.
      const glyph = svg`<g class="tool" transform="translate(62 150)">${toolGlyph(step.tool ?? 'product')}</g>`;
      return svg`${glyph}<g transform=${MIRROR}>${glyph}</g>`;
    }
    const shape = REGION_SHAPES[step.region];
    const circle = step.kind === 'circle' ? CIRCLES[step.region] : undefined;
    const d = circle ? circleArrowPath(circle, step.circleSense !== 'down-near-nose') : shape.d;
    const effector = step.effectors?.[0] ?? 'fingertips';
    const start = circle ? { x: circle.cx + circle.r, y: circle.cy } : startOf(d);
    let stroke = svg`<path class="stroke" d=${d} marker-end=${marker}></path>`;
    if (step.kind === 'brow-raise')
      stroke = svg`<path class="area" d=${shape.d}></path><path class="stroke" d="M100 72 L100 30" marker-end=${marker}></path>`;
    else if (shape.kind === 'area' && !circle)
      stroke = svg`<path class="area" d=${shape.d}></path>`;
    // Index fingers rest across the forehead; tools stand in for the hand.
    const across = step.kind === 'brow-raise';
    const at = across ? { x: 76, y: 60 } : start;
    const hand = step.tool
      ? svg`<g class="tool" transform="translate(${at.x} ${at.y})">${toolGlyph(step.tool)}</g>`
      : svg`<g class="hand" transform="translate(${at.x} ${at.y})${across ? ' rotate(90)' : ''}">${handGlyph(effector)}</g>`;
    const one = svg`${stroke}${hand}`;
    if (across) return svg`${one}<g transform=${MIRROR}>${hand}</g>`;
    if (!shape.sided) return one;
    // One hand, one side at a time: the other side is drawn faint, for later.
    const later = step.sides === 'each' && (step.hands ?? 2) === 1;
    return svg`${one}<g transform=${MIRROR} class=${later ? 'later' : ''}>${one}</g>`;
  }
}

customElements.define('step-picture', StepPicture);

declare global {
  interface HTMLElementTagNameMap {
    'step-picture': StepPicture;
  }
}
