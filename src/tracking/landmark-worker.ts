/// <reference lib="webworker" />
/**
 * Classic worker that runs one MediaPipe landmarker (face or hand) in VIDEO mode.
 *
 * NOTE: tasks-vision is loaded with `importScripts` of its CJS bundle behind a `module.exports`
 * shim: its wasm loader itself relies on `importScripts`, which module workers do not have.
 * This file therefore has no run-time imports; only types are imported.
 */
// NOTE: type-only `import()` expressions rather than import declarations, so that this file stays
// a script: Vite's dev server appends `export {}` to modules, which a classic worker cannot parse.
type Vision = typeof import('@mediapipe/tasks-vision');
type InitRequest = import('./worker-protocol').InitRequest;
type WireFace = import('./worker-protocol').WireFace;
type WireHand = import('./worker-protocol').WireHand;
type WorkerRequest = import('./worker-protocol').WorkerRequest;
type WorkerResponse = import('./worker-protocol').WorkerResponse;
type Delegate = import('./worker-protocol').Delegate;
type NormalizedLandmark = import('@mediapipe/tasks-vision').NormalizedLandmark;
type FaceLandmarker = import('@mediapipe/tasks-vision').FaceLandmarker;
type HandLandmarker = import('@mediapipe/tasks-vision').HandLandmarker;

type Landmarker = FaceLandmarker | HandLandmarker;

const scope = self as unknown as DedicatedWorkerGlobalScope & {
  module?: { exports: unknown };
  exports?: unknown;
};

// NOTE: MediaPipe's wasm writes its INFO and WARNING log lines (glog "I1201 …", "W1201 …" and
// "INFO: …") with console.error; they are not errors, so they go to the debug log instead.
const MEDIAPIPE_LOG_LINE = /^(INFO:|WARNING:|[IW]\d{4} |Graph successfully)/;
const consoleError = console.error.bind(console);
console.error = (...args: [unknown, ...unknown[]]) => {
  if (typeof args[0] === 'string' && MEDIAPIPE_LOG_LINE.test(args[0])) console.debug(...args);
  else consoleError(...args);
};

let landmarker: Landmarker | null = null;
let kind: InitRequest['kind'] = 'face';

function post(message: WorkerResponse, transfer: Transferable[] = []): void {
  scope.postMessage(message, transfer);
}

function loadVision(bundleUrl: string): Vision {
  const shim = { exports: {} };
  scope.module = shim;
  scope.exports = shim.exports;
  scope.importScripts(bundleUrl);
  return shim.exports as Vision;
}

function flatten(points: readonly NormalizedLandmark[]): Float32Array {
  const flat = new Float32Array(points.length * 3);
  points.forEach((p, i) => {
    flat[i * 3] = p.x;
    flat[i * 3 + 1] = p.y;
    flat[i * 3 + 2] = p.z;
  });
  return flat;
}

/** Progress messages are sent at most this often (ms). */
const PROGRESS_INTERVAL_MS = 100;

/**
 * Downloads the model, reporting the bytes as they come, so that a slow connection shows
 * progress rather than a frozen screen; fails with the server's answer when there is no model.
 */
async function fetchModel(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  const name = url.slice(url.lastIndexOf('/') + 1);
  if (!response.ok || !response.body)
    throw new Error(`the server answered ${response.status} for ${name}`);
  const total = Number(response.headers.get('content-length')) || 0;
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  let reportedAt = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    loaded += value.byteLength;
    if (performance.now() - reportedAt >= PROGRESS_INTERVAL_MS) {
      reportedAt = performance.now();
      post({ type: 'progress', loaded, total });
    }
  }
  post({ type: 'progress', loaded, total: Math.max(total, loaded) });
  const bytes = new Uint8Array(loaded);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

async function init(request: InitRequest): Promise<Delegate> {
  const vision = loadVision(request.bundleUrl);
  const fileset = {
    wasmLoaderPath: `${request.wasmBaseUrl}vision_wasm_internal.js`,
    wasmBinaryPath: `${request.wasmBaseUrl}vision_wasm_internal.wasm`,
  };
  kind = request.kind;
  const model = await fetchModel(request.modelUrl);
  const create = (delegate: Delegate) => {
    // NOTE: MediaPipe may keep the buffer; each attempt gets its own copy.
    const baseOptions = { modelAssetBuffer: model.slice(), delegate };
    return request.kind === 'face'
      ? vision.FaceLandmarker.createFromOptions(fileset, {
          baseOptions,
          runningMode: 'VIDEO',
          // Two, so that a second face is noticed and never taken for the person's.
          numFaces: 2,
          outputFaceBlendshapes: true,
          outputFacialTransformationMatrixes: true,
        })
      : vision.HandLandmarker.createFromOptions(fileset, {
          baseOptions,
          runningMode: 'VIDEO',
          numHands: request.numHands,
        });
  };
  if (request.preferGpu) {
    try {
      landmarker = await create('GPU');
      return 'GPU';
    } catch {
      // NOTE: the GPU delegate fails on some drivers; the CPU one works everywhere.
    }
  }
  landmarker = await create('CPU');
  return 'CPU';
}

function detect(id: number, bitmap: ImageBitmap, timestamp: number): void {
  if (!landmarker) throw new Error('The landmark model is not loaded yet.');
  const started = performance.now();
  const faces: WireFace[] = [];
  const hands: WireHand[] = [];
  if (kind === 'face') {
    const result = (landmarker as FaceLandmarker).detectForVideo(bitmap, timestamp);
    result.faceLandmarks.forEach((points, i) => {
      const blendshapes: Record<string, number> = {};
      for (const c of result.faceBlendshapes[i]?.categories ?? [])
        blendshapes[c.categoryName] = c.score;
      const matrix = result.facialTransformationMatrixes[i]?.data;
      faces.push({
        landmarks: flatten(points),
        blendshapes,
        matrix: matrix ? Array.from(matrix) : null,
      });
    });
  } else {
    const result = (landmarker as HandLandmarker).detectForVideo(bitmap, timestamp);
    result.landmarks.forEach((points, i) => {
      const category = result.handedness[i]?.[0];
      hands.push({
        handedness: category?.categoryName === 'Left' ? 'Left' : 'Right',
        score: category?.score ?? 0,
        landmarks: flatten(points),
      });
    });
  }
  bitmap.close();
  const transfer = [...faces, ...hands].map((o) => o.landmarks.buffer as ArrayBuffer);
  post(
    { type: 'result', id, timestamp, inferenceMs: performance.now() - started, faces, hands },
    transfer,
  );
}

scope.onmessage = async (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  try {
    switch (request.type) {
      case 'init':
        post({ type: 'ready', delegate: await init(request) });
        break;
      case 'configure':
        await (landmarker as HandLandmarker | null)?.setOptions({ numHands: request.numHands });
        post({ type: 'configured', id: request.id });
        break;
      case 'detect':
        detect(request.id, request.bitmap, request.timestamp);
        break;
      case 'close':
        landmarker?.close();
        landmarker = null;
        scope.close();
        break;
    }
  } catch (error) {
    if (request.type === 'detect') request.bitmap.close();
    const message = error instanceof Error ? error.message : String(error);
    post({ type: 'error', message, ...('id' in request ? { id: request.id } : {}) });
  }
};
