/** Bytes of the models downloaded so far, over every worker loading one. */
export interface LoadProgress {
  readonly loaded: number;
  /** 0 while some download's size is still unknown. */
  readonly total: number;
}

/** Adds up the download progress of several parts (one per worker) into one figure. */
export class LoadProgressSum {
  private readonly parts: { loaded: number; total: number }[];

  constructor(parts: number) {
    this.parts = Array.from({ length: parts }, () => ({ loaded: 0, total: 0 }));
  }

  /** Records part `index`'s progress; returns the sum. */
  update(index: number, loaded: number, total: number): LoadProgress {
    const part = this.parts[index];
    if (part) {
      part.loaded = loaded;
      part.total = total;
    }
    let sumLoaded = 0;
    let sumTotal = 0;
    let known = true;
    for (const p of this.parts) {
      sumLoaded += p.loaded;
      sumTotal += p.total;
      if (p.total <= 0) known = false;
    }
    return { loaded: sumLoaded, total: known ? sumTotal : 0 };
  }
}

/** What to show while the models load: the megabytes so far, and of how many when known. */
export function loadingText(progress: LoadProgress): string {
  const mb = (bytes: number) => (bytes / 1_000_000).toFixed(1);
  if (progress.total <= 0) return `Loading the tracking models… ${mb(progress.loaded)} MB so far`;
  const percent = Math.min(100, Math.round((100 * progress.loaded) / progress.total));
  return `Loading the tracking models… ${percent}% (${mb(progress.loaded)} of ${mb(progress.total)} MB)`;
}
