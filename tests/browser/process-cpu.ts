import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc's CPU times (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

/** A running process as /proc shows it. */
export interface ProcessEntry {
  readonly pid: number;
  readonly parent: number;
  /** Its command line, split at NULs and spaces. */
  readonly args: readonly string[];
  /** CPU seconds (user + system) it has used so far. */
  readonly cpuSeconds: number;
}

/** The running processes, read from /proc. Linux only; empty elsewhere. */
export function processes(): ProcessEntry[] {
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return [];
  }
  const list: ProcessEntry[] = [];
  for (const pid of pids) {
    try {
      // NOTE: Chromium's child processes rewrite their command line as one space-separated string.
      const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split(/[\0 ]/);
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      // Fields after the command name (which may hold spaces): the parent is the 4th, utime and
      // stime the 14th and 15th.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ticks = Number(fields[11]) + Number(fields[12]);
      list.push({
        pid: Number(pid),
        parent: Number(fields[1]),
        args,
        cpuSeconds: ticks / TICKS_PER_SECOND,
      });
    } catch {
      // The process ended while being read.
    }
  }
  return list;
}

/**
 * CPU seconds (user + system) used so far by the running Chromium processes, by process type
 * (browser, renderer, gpu-process, utility, …), read from /proc. Linux only; empty elsewhere.
 */
export function chromiumCpuSeconds(): Map<string, number> {
  const byType = new Map<string, number>();
  for (const { args, cpuSeconds } of processes()) {
    if (!/chrom/.test(args[0] ?? '')) continue;
    const type = args.find((a) => a.startsWith('--type='))?.slice(7) ?? 'browser';
    byType.set(type, (byType.get(type) ?? 0) + cpuSeconds);
  }
  return byType;
}

/** CPU seconds by process type used between two readings of {@link chromiumCpuSeconds}. */
export function cpuSince(
  before: Map<string, number>,
  after: Map<string, number>,
): Map<string, number> {
  const used = new Map<string, number>();
  for (const [type, seconds] of after) used.set(type, seconds - (before.get(type) ?? 0));
  return used;
}
