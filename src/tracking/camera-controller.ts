import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Why the camera could not start, so the UI can say what to do. */
export type CameraErrorKind =
  | 'denied'
  | 'not-found'
  | 'in-use'
  | 'constraints'
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

/** One camera a person can choose. */
export interface CameraChoice {
  readonly deviceId: string;
  readonly label: string;
}

/** Where this browser keeps the camera permission of a page, from its user agent string. */
export function allowCameraAdvice(userAgent: string): string {
  if (/Firefox\//.test(userAgent))
    return 'In Firefox, click the camera icon at the left of the address bar, clear “Blocked”, then try again.';
  if (/Edg\//.test(userAgent))
    return 'In Edge, click the lock or camera icon in the address bar, set Camera to “Allow”, then try again.';
  if (/Chrome\//.test(userAgent))
    return 'In Chrome, click the camera or settings icon at the left of the address bar, set Camera to “Allow”, then try again.';
  if (/Safari\//.test(userAgent))
    return 'In Safari, open Settings for this website (Safari menu), set Camera to “Allow”, then try again.';
  return 'Allow the camera for this page in your browser’s site settings, then try again.';
}

/** Turns what getUserMedia threw into a CameraError that says what to do. */
export function toCameraError(
  error: unknown,
  userAgent = globalThis.navigator?.userAgent ?? '',
): CameraError {
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return new CameraError(
        'denied',
        `Camera access was refused, and the coach needs the camera to see your strokes (nothing leaves this device). ${allowCameraAdvice(userAgent)}`,
      );
    case 'NotFoundError':
      return new CameraError(
        'not-found',
        'No camera was found. Connect a webcam (or turn on the built-in one), then try again.',
      );
    case 'OverconstrainedError':
      return new CameraError(
        'constraints',
        'The chosen camera cannot give a usable picture, or it is no longer connected. Choose another camera, then try again.',
      );
    case 'NotReadableError':
    case 'AbortError':
      return new CameraError(
        'in-use',
        'The camera is busy: another app or browser tab is using it. Close that app or tab, then try again.',
      );
    default:
      return new CameraError(
        'unknown',
        `The camera could not start (${error instanceof Error ? error.message : String(error)}).`,
      );
  }
}

/** What the camera controller tells its owner about the camera while it runs. */
export interface CameraListener {
  /** The camera stopped by itself (unplugged, or taken by the system) while in use. */
  lost?(): void;
  /** A camera was connected or disconnected. */
  devicesChanged?(): void;
}

/**
 * Owns the webcam stream for a lit host: starts it into a `<video>` (from the camera the person
 * chose, else the front one), tells when it stops by itself, and stops every track when asked,
 * when the host leaves the DOM, or when the page is left.
 */
export class CameraController implements ReactiveController {
  private stream: MediaStream | null = null;
  /** Counts starts and stops, so a start overtaken by a stop while it waits can tell. */
  private generation = 0;
  private readonly onPageHide = () => this.stop();
  private readonly onTrackEnded = () => {
    if (!this.stream) return;
    this.stop();
    this.listener.lost?.();
  };
  private readonly onDeviceChange = () => this.listener.devicesChanged?.();

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly listener: CameraListener = {},
  ) {
    host.addController(this);
  }

  /** True while a stream is live. */
  get active(): boolean {
    return this.stream !== null;
  }

  /** The camera in use, while one is. */
  get deviceId(): string | null {
    return this.stream?.getVideoTracks()[0]?.getSettings().deviceId ?? null;
  }

  /** The cameras this browser offers (labels are known once the camera has been allowed). */
  static async cameras(): Promise<CameraChoice[]> {
    const devices = (await navigator.mediaDevices?.enumerateDevices?.()) ?? [];
    return devices
      .filter((device) => device.kind === 'videoinput' && device.deviceId !== '')
      .map((device, i) => ({
        deviceId: device.deviceId,
        label: device.label || `Camera ${i + 1}`,
      }));
  }

  hostConnected(): void {
    navigator.mediaDevices?.addEventListener?.('devicechange', this.onDeviceChange);
  }

  /**
   * Opens the camera `deviceId` (else the front one; video only) into `video` and waits for its
   * first frame. Aborting `signal` stops the camera, even while the browser is still opening it.
   */
  async start(video: HTMLVideoElement, signal?: AbortSignal, deviceId?: string): Promise<void> {
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
        video: {
          ...(deviceId ? { deviceId: { exact: deviceId } } : { facingMode: 'user' }),
          width: { ideal: 640 },
          height: { ideal: 480 },
        },
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
    for (const track of stream.getVideoTracks?.() ?? [])
      track.addEventListener('ended', this.onTrackEnded);
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
    for (const track of this.stream.getVideoTracks?.() ?? [])
      track.removeEventListener('ended', this.onTrackEnded);
    for (const track of this.stream.getTracks()) track.stop();
    this.stream = null;
    this.host.requestUpdate();
  }

  hostDisconnected(): void {
    this.stop();
    navigator.mediaDevices?.removeEventListener?.('devicechange', this.onDeviceChange);
  }
}
