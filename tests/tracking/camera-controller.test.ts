import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CameraController, CameraError } from '../../src/tracking/camera-controller';

/** A camera whose permission prompt stays open until `grant()`. */
function fakeCamera() {
  const tracks: { stopped: boolean; stop(): void }[] = [];
  let grant: () => void = () => {};
  const getUserMedia = () =>
    new Promise((resolve) => {
      grant = () => {
        const track = {
          stopped: false,
          stop() {
            this.stopped = true;
          },
        };
        tracks.push(track);
        resolve({ getTracks: () => [track] });
      };
    });
  return { tracks, getUserMedia, grant: () => grant() };
}

const host = { addController() {}, requestUpdate() {} } as never;
const video = () =>
  ({
    readyState: 4,
    play: () => Promise.resolve(),
    addEventListener() {},
  }) as unknown as HTMLVideoElement;

describe('CameraController', () => {
  let camera: ReturnType<typeof fakeCamera>;
  beforeEach(() => {
    camera = fakeCamera();
    vi.stubGlobal('navigator', { mediaDevices: { getUserMedia: camera.getUserMedia } });
    vi.stubGlobal('window', { addEventListener() {}, removeEventListener() {} });
    vi.stubGlobal('HTMLMediaElement', { HAVE_CURRENT_DATA: 2 });
  });
  afterEach(() => vi.unstubAllGlobals());

  it('turns the camera off when stopped while the browser was still opening it', async () => {
    const controller = new CameraController(host);
    const starting = controller.start(video());
    controller.stop();
    camera.grant();
    await expect(starting).rejects.toBeInstanceOf(CameraError);
    expect(camera.tracks.map((t) => t.stopped)).toEqual([true]);
    expect(controller.active).toBe(false);
  });

  it('keeps the stream of a start that was not overtaken, and stops it on stop()', async () => {
    const controller = new CameraController(host);
    const starting = controller.start(video());
    camera.grant();
    await starting;
    expect(controller.active).toBe(true);
    expect(camera.tracks[0]?.stopped).toBe(false);
    controller.stop();
    expect(camera.tracks[0]?.stopped).toBe(true);
  });
});
