import type { BrowserContext } from 'playwright-core';
import { profileDirOf } from './chromium';
import { type ProcessEntry, processes } from './process-cpu';

/** One on-off cycle of the throttle: short enough that a 50 ms camera frame sees several. */
const CYCLE_MS = 40;
/** How often the renderers are looked up again, as a page may start a new one. */
const REFRESH_MS = 1000;

/** The renderer processes of the browser whose profile is `profileDir`. */
export function rendererPids(profileDir: string): number[] {
  const all = processes();
  const browser = all.find(
    (p) =>
      p.args.includes(`--user-data-dir=${profileDir}`) &&
      !p.args.some((a) => a.startsWith('--type=')),
  );
  if (!browser) return [];
  const children = new Map<number, ProcessEntry[]>();
  for (const p of all) {
    const siblings = children.get(p.parent);
    if (siblings) siblings.push(p);
    else children.set(p.parent, [p]);
  }
  const renderers: number[] = [];
  const walk = (pid: number) => {
    for (const child of children.get(pid) ?? []) {
      if (child.args.includes('--type=renderer')) renderers.push(child.pid);
      walk(child.pid);
    }
  };
  walk(browser.pid);
  return renderers;
}

/**
 * Slows a browser's pages `rate` times by letting their renderer processes run one part of each
 * cycle and stopping them (SIGSTOP) for the rest, as a CPU `rate` times slower would.
 * NOTE: Chromium's own throttling (Emulation.setCPUThrottlingRate) slows only a page's main thread;
 * sent to a worker it answers "Operation is only supported for pages, not workers", and the models
 * run in workers. Linux only.
 */
export class RendererThrottle {
  private pids: number[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private refreshedAt = 0;
  private stopped = false;

  constructor(
    private readonly context: BrowserContext,
    private readonly rate: number,
  ) {
    if (!(rate > 1)) throw new Error(`a throttle rate must exceed 1, not ${rate}`);
  }

  /** Starts the cycles; throws when the browser has no renderer to slow. */
  start(): void {
    this.refresh();
    if (this.pids.length === 0) throw new Error('no renderer process of this browser was found');
    this.stopped = false;
    this.cycle();
  }

  /** Ends the cycles and lets every renderer run again. */
  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    this.signal('SIGCONT');
  }

  private refresh(): void {
    this.pids = rendererPids(profileDirOf(this.context));
    this.refreshedAt = Date.now();
  }

  private cycle(): void {
    if (this.stopped) return;
    if (Date.now() - this.refreshedAt > REFRESH_MS) this.refresh();
    const runMs = CYCLE_MS / this.rate;
    this.signal('SIGCONT');
    this.timer = setTimeout(() => {
      if (this.stopped) return;
      this.signal('SIGSTOP');
      this.timer = setTimeout(() => this.cycle(), CYCLE_MS - runMs);
    }, runMs);
  }

  private signal(signal: 'SIGSTOP' | 'SIGCONT'): void {
    for (const pid of this.pids) {
      try {
        process.kill(pid, signal);
      } catch {
        // The renderer ended; the next refresh drops it.
      }
    }
  }
}
