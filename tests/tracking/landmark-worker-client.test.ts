import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LandmarkWorkerClient } from '../../src/tracking/landmark-worker-client';
import type { WorkerRequest, WorkerResponse } from '../../src/tracking/worker-protocol';

/** A worker that records what it is sent and answers only when told to. */
class FakeWorker {
  static last: FakeWorker | null = null;
  onmessage: ((event: MessageEvent<WorkerResponse>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  readonly sent: WorkerRequest[] = [];
  terminated = false;
  constructor() {
    FakeWorker.last = this;
  }
  postMessage(message: WorkerRequest): void {
    this.sent.push(message);
  }
  reply(message: WorkerResponse): void {
    this.onmessage?.({ data: message } as MessageEvent<WorkerResponse>);
  }
  terminate(): void {
    this.terminated = true;
  }
}

const urls = { bundleUrl: 'b', wasmBaseUrl: 'w/', faceModelUrl: 'f', handModelUrl: 'h' };
const bitmap = () => ({ close() {} }) as unknown as ImageBitmap;

async function loadedClient(onProgress?: (loaded: number, total: number) => void) {
  const creating = LandmarkWorkerClient.create('hand', urls, 2, undefined, onProgress);
  const worker = FakeWorker.last as FakeWorker;
  worker.reply({ type: 'progress', loaded: 10, total: 20 });
  worker.reply({ type: 'ready', delegate: 'CPU' });
  return { client: await creating, worker };
}

describe('LandmarkWorkerClient', () => {
  beforeEach(() => {
    vi.stubGlobal('Worker', FakeWorker);
    vi.stubGlobal('document', { createElement: () => ({ getContext: () => null }) });
  });
  afterEach(() => vi.unstubAllGlobals());

  it('reports the model download while loading', async () => {
    const progress: [number, number][] = [];
    await loadedClient((loaded, total) => progress.push([loaded, total]));
    expect(progress).toEqual([[10, 20]]);
  });

  it('numbers its requests and takes only the reply to the one in flight', async () => {
    const { client, worker } = await loadedClient();
    const detecting = client.detect(bitmap(), 1);
    const request = worker.sent.at(-1);
    expect(request).toMatchObject({ type: 'detect', timestamp: 1 });
    const id = request && 'id' in request ? request.id : -1;
    // A late reply to an earlier request is not this one's.
    worker.reply({
      type: 'result',
      id: id - 1,
      timestamp: 0,
      inferenceMs: 1,
      faces: [],
      hands: [],
    });
    expect(client.busy).toBe(true);
    worker.reply({
      type: 'result',
      id,
      timestamp: 1,
      inferenceMs: 7,
      faces: [],
      hands: [{ handedness: 'Left', score: 0.9, landmarks: new Float32Array([0.1, 0.2, 0.3]) }],
    });
    const result = await detecting;
    expect(result.inferenceMs).toBe(7);
    expect(result.hands[0]?.landmarks[0]?.[1]).toBeCloseTo(0.2);
    expect(client.busy).toBe(false);
  });

  it('rejects a request answered with an error, or with the wrong kind of reply', async () => {
    const { client, worker } = await loadedClient();
    const failing = client.detect(bitmap(), 1);
    const first = worker.sent.at(-1) as { id: number };
    worker.reply({ type: 'error', id: first.id, message: 'model crashed' });
    await expect(failing).rejects.toThrow('model crashed');
    const configuring = client.configure(1);
    const second = worker.sent.at(-1) as { id: number };
    expect(second.id).toBeGreaterThan(first.id);
    worker.reply({
      type: 'result',
      id: second.id,
      timestamp: 1,
      inferenceMs: 1,
      faces: [],
      hands: [],
    });
    await expect(configuring).rejects.toThrow(/Unexpected reply "result"/);
  });
});
