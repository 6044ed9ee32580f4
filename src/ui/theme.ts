import { css } from 'lit';

/** Shared look of the app's panels and buttons. */
export const panelStyles = css`
  :host {
    --accent: #2ee6ff;
    --good: #3cff6e;
    --warn: #ffc94d;
    --bad: #ff5c5c;
    --panel: rgba(16, 22, 32, 0.92);
    --text: #eef3f8;
    --muted: #a8b4c4;
    color: var(--text);
    font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
  }
  button {
    font: inherit;
    color: #06121a;
    background: var(--accent);
    border: none;
    border-radius: 999px;
    padding: 0.55em 1.2em;
    cursor: pointer;
    font-weight: 600;
  }
  button.secondary {
    background: transparent;
    color: var(--text);
    border: 1px solid rgba(255, 255, 255, 0.3);
  }
  button:focus-visible {
    outline: 3px solid #fff;
    outline-offset: 2px;
  }
  button:disabled {
    opacity: 0.45;
    cursor: default;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
`;
