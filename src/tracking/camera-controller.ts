import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Why the camera could not start, so the UI can say what to do. */
export type CameraErrorKind =
  | 'denied'
  | 'not-found'
  | 'in-use'
  | 'unsupported'
  | 'stopped'
  | 'unknown';

/** A camera failure with a message a person can act on. */
export class CameraError extends Error {
  override readonly name = 'CameraError';
  constructor(
    readonly kind: CameraErrorKind,
    message: string,
  ) {
    super(message);
  }
}

function toCameraError(error: unknown): CameraError {
  const name = error instanceof DOMException ? error.name : '';
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return new CameraError(
        'denied',
        'Camera access was refused. Allow the camera for this page in your browser’s site settings, then try again.',
      );
    case 'NotFoundError':
    case 'OverconstrainedError':
      return new CameraError('not-found', 'No camera was found. Connect a webcam and try again.');
    case 'NotReadableError':
    case 'AbortError':
      return new CameraError(
        'in-use',
        'The camera is busy or could not be opened. Close other apps that use it and try again.',
      );
    default:
      return new CameraError(
        'unknown',
        `The camera could not start (${error instanceof Error ? error.message : String(error)}).`,
      );
  }
}

/**
 * Owns the webcam stream for a lit host: starts it into a `<video>`, and stops every track when
 * asked, when the host leaves the DOM, or when the page is left.
 */
export class CameraController implements ReactiveController {
  private stream: MediaStream | null = null;
  /** Counts starts and stops, so a start overtaken by a stop while it waits can tell. */
  private generation = 0;
  private readonly onPageHide = () => this.stop();

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** True while a stream is live. */
  get active(): boolean {
    return this.stream !== null;
  }

  /**
   * Opens the front camera (video only) into `video` and waits for its first frame. Aborting
   * `signal` stops the camera, even while the browser is still opening it.
   */
  async start(video: HTMLVideoElement, signal?: AbortSignal): Promise<void> {
    if (!navigator.mediaDevices?.getUserMedia) {
      throw new CameraError(
        'unsupported',
        'This browser cannot use a camera here. Use a current Chrome, Edge, Firefox or Safari over https or localhost.',
      );
    }
    this.stop();
    if (signal?.aborted)
      throw new CameraError('stopped', 'The camera was stopped before it started.');
    const generation = this.generation;
    signal?.addEventListener('abort', () => this.stop(), { once: true });
    let stream: MediaStream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({
        audio: false,
        video: { facingMode: 'user', width: { ideal: 640 }, height: { ideal: 480 } },
      });
    } catch (error) {
      throw toCameraError(error);
    }
    if (generation !== this.generation) {
      // Stopped while the browser was opening the camera: close what it opened.
      for (const track of stream.getTracks()) track.stop();
      throw new CameraError('stopped', 'The camera was stopped before it started.');
    }
    this.stream = stream;
    performance.mark('massage:camera-granted');
    video.srcObject = this.stream;
    video.muted = true;
    video.playsInline = true;
    await video.play();
    if (video.readyState < HTMLMediaElement.HAVE_CURRENT_DATA) {
      await new Promise((resolve) => video.addEventListener('loadeddata', resolve, { once: true }));
    }
    window.addEventListener('pagehide', this.onPageHide);
    this.host.requestUpdate();
  }

  /** Stops every track of the stream. */
  stop(): void {
    this.generation++;
    window.removeEventListener('pagehide', this.onPageHide);
    if (!this.stream) return;
    for (const track of this.stream.getTracks()) track.stop();
    this.stream = null;
    this.host.requestUpdate();
  }

  hostDisconnected(): void {
    this.stop();
  }
}
