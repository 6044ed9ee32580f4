import type { FaceObservation, HandObservation, Point3 } from '../core/frame';
import { webGlKind } from '../platform/webgl';
import type {
  ConfigureRequest,
  Delegate,
  DetectRequest,
  LandmarkTaskKind,
  ReplyTo,
  WireFace,
  WireHand,
  WorkerRequest,
  WorkerResponse,
} from './worker-protocol';

/** The type of the reply each request gets. */
const REPLY_TYPE = { detect: 'result', configure: 'configured' } as const satisfies {
  [K in keyof ReplyTo]: ReplyTo[K]['type'];
};

/** A request that gets a reply, without its id (the client numbers it). */
type RequestWithoutId = Omit<DetectRequest, 'id'> | Omit<ConfigureRequest, 'id'>;

/** Where the MediaPipe runtime and models are served, all on the app's own origin. */
export interface RuntimeUrls {
  readonly bundleUrl: string;
  readonly wasmBaseUrl: string;
  readonly faceModelUrl: string;
  readonly handModelUrl: string;
}

/** Resolves the runtime URLs against the page's base URL. */
export function defaultRuntimeUrls(base: string = document.baseURI): RuntimeUrls {
  const at = (path: string) => new URL(path, base).href;
  return {
    bundleUrl: at('mediapipe/vision_bundle.js'),
    wasmBaseUrl: at('mediapipe/'),
    faceModelUrl: at('models/face_landmarker.task'),
    handModelUrl: at('models/hand_landmarker.task'),
  };
}

/** What one worker found in one image. */
export interface DetectionResult {
  readonly inferenceMs: number;
  readonly faces: FaceObservation[];
  readonly hands: HandObservation[];
}

/** An error from the tracking workers, with a message a person can act on. */
export class TrackingError extends Error {
  override readonly name = 'TrackingError';
}

function toPoints(flat: Float32Array): Point3[] {
  const points: Point3[] = [];
  for (let i = 0; i + 2 < flat.length; i += 3) {
    points.push([flat[i] ?? 0, flat[i + 1] ?? 0, flat[i + 2] ?? 0]);
  }
  return points;
}

function toFace(wire: WireFace): FaceObservation {
  return {
    landmarks: toPoints(wire.landmarks),
    blendshapes: wire.blendshapes,
    ...(wire.matrix ? { matrix: wire.matrix } : {}),
  };
}

function toHand(wire: WireHand): HandObservation {
  return { handedness: wire.handedness, score: wire.score, landmarks: toPoints(wire.landmarks) };
}

/** One landmarker running in its own classic worker; one request in flight at a time. */
export class LandmarkWorkerClient {
  /** The request in flight: its id and how to answer it. */
  private pending: {
    readonly id: number;
    resolve: (message: WorkerResponse) => void;
    reject: (error: Error) => void;
  } | null = null;
  private nextId = 1;

  private constructor(
    private readonly worker: Worker,
    /** Where the model runs: the GPU where there is a real one, else the CPU. */
    readonly delegate: Delegate,
  ) {
    worker.onmessage = (event: MessageEvent<WorkerResponse>) => this.handle(event.data);
    worker.onerror = (event) => {
      event.preventDefault();
      this.fail(new TrackingError(`The tracking worker crashed: ${event.message}`));
    };
  }

  /**
   * Starts a worker and loads its model, reporting the model's bytes to `onProgress`; rejects with
   * a TrackingError if loading fails. Aborting `signal` ends the worker at once and rejects with
   * the signal's reason.
   */
  static async create(
    kind: LandmarkTaskKind,
    urls: RuntimeUrls,
    numHands = 2,
    signal?: AbortSignal,
    onProgress?: (loaded: number, total: number) => void,
  ): Promise<LandmarkWorkerClient> {
    signal?.throwIfAborted();
    const worker = new Worker(new URL('./landmark-worker.ts', import.meta.url), {
      type: 'classic',
      name: `${kind}-landmarker`,
    });
    const ready = new Promise<Delegate>((resolve, reject) => {
      worker.onmessage = (event: MessageEvent<WorkerResponse>) => {
        if (event.data.type === 'ready') resolve(event.data.delegate);
        else if (event.data.type === 'progress') onProgress?.(event.data.loaded, event.data.total);
        else if (event.data.type === 'error') reject(new TrackingError(event.data.message));
      };
      worker.onerror = (event) =>
        reject(new TrackingError(event.message || 'worker failed to start'));
      signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
    });
    const request: WorkerRequest = {
      type: 'init',
      kind,
      bundleUrl: urls.bundleUrl,
      wasmBaseUrl: urls.wasmBaseUrl,
      modelUrl: kind === 'face' ? urls.faceModelUrl : urls.handModelUrl,
      numHands,
      preferGpu: webGlKind() === 'hardware',
    };
    worker.postMessage(request);
    let delegate: Delegate;
    try {
      delegate = await ready;
    } catch (error) {
      worker.terminate();
      if (signal?.aborted) throw signal.reason;
      const reason = error instanceof Error ? error.message : String(error);
      throw new TrackingError(
        `Could not load the ${kind} tracking model (${reason}). Check your connection, then try again.`,
      );
    }
    return new LandmarkWorkerClient(worker, delegate);
  }

  /** True while a detection is running. */
  get busy(): boolean {
    return this.pending !== null;
  }

  /** Runs the model on `bitmap` (transferred, then closed by the worker). */
  async detect(bitmap: ImageBitmap, timestamp: number): Promise<DetectionResult> {
    if (this.pending) {
      bitmap.close();
      throw new TrackingError('A detection is already running.');
    }
    const message = await this.request({ type: 'detect', bitmap, timestamp }, [bitmap]);
    return {
      inferenceMs: message.inferenceMs,
      faces: message.faces.map(toFace),
      hands: message.hands.map(toHand),
    };
  }

  /** Sets how many hands the hand model looks for; call while idle. */
  async configure(numHands: number): Promise<void> {
    if (this.pending) throw new TrackingError('The tracking worker is busy.');
    await this.request({ type: 'configure', numHands });
  }

  /** Sends a request with a new id; resolves with its own reply, of the type that request gets. */
  private request<R extends RequestWithoutId>(
    request: R,
    transfer: Transferable[] = [],
  ): Promise<ReplyTo[R['type']]> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending = {
        id,
        resolve: (message) => {
          if (message.type === REPLY_TYPE[request.type]) resolve(message as ReplyTo[R['type']]);
          else
            reject(
              new TrackingError(`Unexpected reply "${message.type}" from the tracking worker.`),
            );
        },
        reject,
      };
      this.worker.postMessage({ ...request, id } as WorkerRequest, transfer);
    });
  }

  /** Closes the model and ends the worker. */
  dispose(): void {
    this.worker.postMessage({ type: 'close' } satisfies WorkerRequest);
    this.fail(new TrackingError('Tracking was stopped.'));
    setTimeout(() => this.worker.terminate(), 1000);
  }

  private handle(message: WorkerResponse): void {
    const pending = this.pending;
    // A reply to no request in flight (a request given up on) is dropped.
    if (!pending || !('id' in message) || message.id !== pending.id) return;
    this.pending = null;
    if (message.type === 'error') pending.reject(new TrackingError(message.message));
    else pending.resolve(message);
  }

  private fail(error: Error): void {
    const pending = this.pending;
    this.pending = null;
    pending?.reject(error);
  }
}
