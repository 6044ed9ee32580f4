import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';

/** The Chromium binary: $CHROME_PATH, else Debian's /usr/bin/chromium. */
export function findChromium(): string {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  const found = candidates.find((path) => path && existsSync(path));
  if (!found) {
    throw new Error(
      "Browser tests need Chromium: install Debian's package (apt-get install -y chromium) or set CHROME_PATH to a Chromium binary.",
    );
  }
  return found;
}

/**
 * Launches headless Chromium with a fresh profile; `fakeVideo` feeds the fake camera from an
 * .mjpeg file (else it shows Chromium's test pattern); `extraArgs` are added to the flags, or take one of
 * them away when written "!--flag". The app's service worker is blocked unless a test allows it.
 */
export async function launchChromium(
  fakeVideo?: string,
  extraArgs: readonly string[] = [],
  serviceWorkers: 'allow' | 'block' = 'block',
): Promise<BrowserContext> {
  const args = [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--enable-unsafe-swiftshader',
    '--use-fake-ui-for-media-stream',
    '--use-fake-device-for-media-stream',
  ];
  if (fakeVideo) args.push(`--use-file-for-fake-video-capture=${fakeVideo}`);
  for (const arg of extraArgs) {
    // A flag given as "!--flag" takes that default flag away.
    if (!arg.startsWith('!')) args.push(arg);
    else if (args.includes(arg.slice(1))) args.splice(args.indexOf(arg.slice(1)), 1);
  }
  const profileDir = mkdtempSync(join(tmpdir(), 'massage-coach-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: findChromium(),
    headless: true,
    args,
    viewport: { width: 1280, height: 800 },
    // NOTE: requests a service worker answers never reach page.route, which the fault tests need.
    serviceWorkers,
  });
  profileDirs.set(context, profileDir);
  return context;
}

const profileDirs = new WeakMap<BrowserContext, string>();

/** The profile folder a context from {@link launchChromium} runs in, which names its browser process. */
export function profileDirOf(context: BrowserContext): string {
  const dir = profileDirs.get(context);
  if (!dir) throw new Error('this browser context was not launched by launchChromium');
  return dir;
}
