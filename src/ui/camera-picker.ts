import { html, LitElement, nothing } from 'lit';
import type { CameraChoice } from '../tracking/camera-controller';
import { panelStyles } from './theme';

export type CameraChangeEvent = CustomEvent<{ deviceId: string }>;

/**
 * `<camera-picker>`: a choice of camera, shown only when there is more than one. Fires
 * `camera-change` with the chosen device.
 */
export class CameraPicker extends LitElement {
  static override properties = {
    cameras: { attribute: false },
    selected: { attribute: false },
  };

  static override styles = [panelStyles];

  declare cameras: readonly CameraChoice[];
  /** The camera in use or chosen; the first one when none is. */
  declare selected: string | undefined;

  constructor() {
    super();
    this.cameras = [];
    this.selected = undefined;
  }

  protected override render() {
    if (this.cameras.length < 2) return nothing;
    return html`<label>
      Camera
      <select
        @change=${(e: Event) =>
          this.dispatchEvent(
            new CustomEvent('camera-change', {
              detail: { deviceId: (e.target as HTMLSelectElement).value },
              bubbles: true,
              composed: true,
            }),
          )}
      >
        ${this.cameras.map(
          (camera) =>
            html`<option value=${camera.deviceId} ?selected=${camera.deviceId === this.selected}>${camera.label}</option>`,
        )}
      </select>
    </label>`;
  }
}

customElements.define('camera-picker', CameraPicker);

declare global {
  interface HTMLElementTagNameMap {
    'camera-picker': CameraPicker;
  }
  interface HTMLElementEventMap {
    'camera-change': CameraChangeEvent;
  }
}
