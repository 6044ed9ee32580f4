import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  allowCameraAdvice,
  CameraController,
  CameraError,
  toCameraError,
} from '../../src/tracking/camera-controller';

/** A camera whose permission prompt stays open until `grant()`. */
function fakeCamera() {
  const tracks: (EventTarget & { stopped: boolean; stop(): void })[] = [];
  let grant: () => void = () => {};
  const getUserMedia = () =>
    new Promise((resolve) => {
      grant = () => {
        const track = Object.assign(new EventTarget(), {
          stopped: false,
          stop() {
            this.stopped = true;
          },
          getSettings: () => ({ deviceId: 'front' }),
        });
        tracks.push(track);
        resolve({ getTracks: () => [track], getVideoTracks: () => [track] });
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

  it('tells its owner when the camera ends by itself, once, and lets go of it', async () => {
    let lost = 0;
    const controller = new CameraController(host, { lost: () => lost++ });
    const starting = controller.start(video());
    camera.grant();
    await starting;
    expect(controller.deviceId).toBe('front');
    camera.tracks[0]?.dispatchEvent(new Event('ended'));
    camera.tracks[0]?.dispatchEvent(new Event('ended'));
    expect(lost).toBe(1);
    expect(controller.active).toBe(false);
  });

  it('does not report a camera it stopped itself as lost', async () => {
    let lost = 0;
    const controller = new CameraController(host, { lost: () => lost++ });
    const starting = controller.start(video());
    camera.grant();
    await starting;
    const track = camera.tracks[0];
    controller.stop();
    track?.dispatchEvent(new Event('ended'));
    expect(lost).toBe(0);
  });

  it('stops opening the camera when its start is aborted', async () => {
    const controller = new CameraController(host);
    const abort = new AbortController();
    const starting = controller.start(video(), abort.signal);
    abort.abort();
    camera.grant();
    await expect(starting).rejects.toMatchObject({ kind: 'stopped' });
    expect(camera.tracks.map((t) => t.stopped)).toEqual([true]);
    await expect(controller.start(video(), abort.signal)).rejects.toMatchObject({
      kind: 'stopped',
    });
  });
});

describe('camera errors', () => {
  it('says where each browser keeps the camera permission', () => {
    const chrome = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/156.0 Safari/537.36';
    expect(allowCameraAdvice(chrome)).toMatch(/^In Chrome/);
    expect(allowCameraAdvice(`${chrome} Edg/156.0`)).toMatch(/^In Edge/);
    expect(allowCameraAdvice('Mozilla/5.0 Gecko/20100101 Firefox/140.0')).toMatch(/^In Firefox/);
    expect(allowCameraAdvice('Mozilla/5.0 AppleWebKit/605 Version/18.0 Safari/605.1')).toMatch(
      /^In Safari/,
    );
    expect(allowCameraAdvice('curl/8')).toMatch(/site settings/);
  });

  it('names each camera failure in words a person can act on', () => {
    const kind = (name: string) => toCameraError(new DOMException('x', name), 'Firefox/140.0').kind;
    expect(kind('NotAllowedError')).toBe('denied');
    expect(kind('SecurityError')).toBe('denied');
    expect(kind('NotFoundError')).toBe('not-found');
    expect(kind('OverconstrainedError')).toBe('constraints');
    expect(kind('NotReadableError')).toBe('in-use');
    expect(kind('AbortError')).toBe('in-use');
    expect(kind('Weird')).toBe('unknown');
    expect(
      toCameraError(new DOMException('x', 'NotAllowedError'), 'Firefox/140.0').message,
    ).toMatch(/In Firefox/);
  });
});
