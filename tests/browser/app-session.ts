import { isAbsolute, join, resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { launchChromium } from './chromium';

export const fixturesDir = resolve(import.meta.dirname, '..', '..', '..', 'shared', 'fixtures');

/** Captured app events, by type, in arrival order. */
export type CapturedEvents = Record<string, unknown[]>;

/** A page of the app running on Chromium's fake camera, with everything it does recorded. */
export interface AppSession {
  context: BrowserContext;
  page: Page;
  events: CapturedEvents;
  offsiteRequests: string[];
  consoleErrors: string[];
  close(): Promise<void>;
}

// NOTE: MediaPipe's glog error lines ("E1201 …") come through console.error; the app sends its
// INFO and WARNING lines to the debug log, so those must not show up here.
const MEDIAPIPE_INFO = /^E\d{4} /;

/** How to open the app beyond its address and clip. */
export interface OpenOptions {
  /** More Chromium flags. */
  readonly chromiumArgs?: readonly string[];
  /** Runs in the page before the app, after the camera recorder (to break the camera, say). */
  readonly initScript?: () => void;
  /** Lets the app's service worker run (blocked otherwise). */
  readonly serviceWorkers?: 'allow';
  /** Runs before the page is opened (to set permissions through CDP, say). */
  readonly beforeOpen?: (context: BrowserContext) => Promise<void>;
}

/**
 * Opens the app at `path` with the fake camera playing `clip` (a file in ../shared/fixtures, an
 * absolute path, or null for Chromium's test pattern).
 */
export async function openApp(
  appUrl: string,
  path: string,
  clip: string | null,
  options: OpenOptions = {},
): Promise<AppSession> {
  const video = clip === null ? undefined : isAbsolute(clip) ? clip : join(fixturesDir, clip);
  const context = await launchChromium(video, options.chromiumArgs, options.serviceWorkers);
  await options.beforeOpen?.(context);
  const offsiteRequests: string[] = [];
  const consoleErrors: string[] = [];
  const events: CapturedEvents = {};
  // Anything leaving the origin is recorded and stopped here, so nothing reaches the network.
  await context.route(
    (url) => !url.href.startsWith(appUrl),
    (route) => {
      offsiteRequests.push(route.request().url());
      return route.abort();
    },
  );
  context.on('request', (request) => {
    if (!request.url().startsWith(appUrl) && !offsiteRequests.includes(request.url()))
      offsiteRequests.push(request.url());
  });
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error' && !MEDIAPIPE_INFO.test(message.text()))
      consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  await page.exposeFunction('__recordAppEvent', (type: string, detail: unknown) => {
    events[type] ??= [];
    events[type].push(detail);
  });
  await page.addInitScript(() => {
    // Keeps every camera stream the app opens, so tests can check that its tracks were stopped.
    const streams: MediaStream[] = [];
    (window as unknown as { __cameraStreams: MediaStream[] }).__cameraStreams = streams;
    const getUserMedia = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
    navigator.mediaDevices.getUserMedia = async (constraints) => {
      const stream = await getUserMedia(constraints);
      streams.push(stream);
      return stream;
    };
    for (const type of ['massage-tracking', 'massage-stroke', 'massage-step-complete']) {
      document.addEventListener(type, (event) => {
        (window as unknown as { __recordAppEvent(t: string, d: unknown): void }).__recordAppEvent(
          type,
          (event as CustomEvent).detail,
        );
      });
    }
  });
  if (options.initScript) await page.addInitScript(options.initScript);
  await page.goto(new URL(path, appUrl).href);
  return { context, page, events, offsiteRequests, consoleErrors, close: () => context.close() };
}

/** Opens the app (see {@link openApp}), runs `body` with it and closes the browser whatever happens. */
export async function withApp(
  appUrl: string,
  path: string,
  clip: string | null,
  body: (session: AppSession) => Promise<void>,
  options: OpenOptions = {},
): Promise<void> {
  const session = await openApp(appUrl, path, clip, options);
  try {
    await body(session);
  } finally {
    await session.close();
  }
}

/** Waits until `predicate` holds for the captured events. */
export async function waitForEvents(
  session: AppSession,
  predicate: (events: CapturedEvents) => boolean,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate(session.events)) {
    if (Date.now() > deadline)
      throw new Error(`Timed out; events so far: ${JSON.stringify(session.events).slice(0, 500)}`);
    await session.page.waitForTimeout(100);
  }
}

/** The state of every track of every camera stream the page opened ("live" or "ended"). */
export function cameraTrackStates(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    (window as unknown as { __cameraStreams: MediaStream[] }).__cameraStreams.flatMap((s) =>
      s.getTracks().map((t) => t.readyState),
    ),
  );
}
