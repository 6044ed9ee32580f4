/** Messages between the main thread and a landmark worker. Types only: the worker imports nothing at run time. */

/** Which MediaPipe task a worker runs. */
export type LandmarkTaskKind = 'face' | 'hand';

export interface InitRequest {
  readonly type: 'init';
  readonly kind: LandmarkTaskKind;
  /** Absolute URL of tasks-vision's CJS bundle. */
  readonly bundleUrl: string;
  /** Absolute URL of the folder holding `vision_wasm_internal.{js,wasm}`. */
  readonly wasmBaseUrl: string;
  /** Absolute URL of the `.task` model bundle. */
  readonly modelUrl: string;
  readonly numHands: number;
  /** Try the GPU delegate first (WebGL runs on a real GPU); the CPU one is the fallback. */
  readonly preferGpu: boolean;
}

export interface DetectRequest {
  readonly type: 'detect';
  /** Echoed in the reply, so that a late reply is never taken for another request's. */
  readonly id: number;
  readonly bitmap: ImageBitmap;
  /** Milliseconds; strictly increasing per worker. */
  readonly timestamp: number;
}

export interface CloseRequest {
  readonly type: 'close';
}

/** Changes how many hands the hand landmarker looks for (its tracking mode needs that many in view). */
export interface ConfigureRequest {
  readonly type: 'configure';
  readonly id: number;
  readonly numHands: number;
}

export type WorkerRequest = InitRequest | DetectRequest | ConfigureRequest | CloseRequest;

/** Where the models run. */
export type Delegate = 'GPU' | 'CPU';

/** A face as the worker sends it: flat `[x, y, z]` triples to keep the message small. */
export interface WireFace {
  readonly landmarks: Float32Array;
  readonly blendshapes: Record<string, number>;
  readonly matrix: number[] | null;
}

export interface WireHand {
  readonly handedness: 'Left' | 'Right';
  readonly score: number;
  readonly landmarks: Float32Array;
}

/** The landmarks found in one image. */
export interface ResultResponse {
  readonly type: 'result';
  readonly id: number;
  readonly timestamp: number;
  readonly inferenceMs: number;
  readonly faces: WireFace[];
  readonly hands: WireHand[];
}

export interface ConfiguredResponse {
  readonly type: 'configured';
  readonly id: number;
}

/** A request failed; `id` is absent when loading failed. */
export interface ErrorResponse {
  readonly type: 'error';
  readonly id?: number;
  readonly message: string;
}

export type WorkerResponse =
  | { readonly type: 'ready'; readonly delegate: Delegate }
  /** Bytes of the model downloaded so far while loading; `total` is 0 when the size is unknown. */
  | { readonly type: 'progress'; readonly loaded: number; readonly total: number }
  | ResultResponse
  | ConfiguredResponse
  | ErrorResponse;

/** The reply each request with an id gets, when it succeeds. */
export interface ReplyTo {
  readonly detect: ResultResponse;
  readonly configure: ConfiguredResponse;
}
