/**
 * The Content-Security-Policy the app ships with, as an HTTP header (dev and preview servers) and
 * as a `<meta>` tag in index.html. `connect-src 'self'` is what keeps everything on the device.
 *
 * NOTE: tasks-vision 1.1.0 POSTs usage telemetry to a Google endpoint from whatever context
 * creates a task. Our tasks live in workers, and a dedicated worker takes its policy from its own
 * script's response headers, not from the page's `<meta>` tag, so hosts must send this header.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob: mediastream:",
  "style-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');
