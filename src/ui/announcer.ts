/** A hint must hold this long before it is announced (ms): hints that flicker are not read out. */
export const HINT_STABLE_MS = 2000;
/** At most one hint announced in this long (ms). */
export const HINT_INTERVAL_MS = 6000;

/**
 * Decides what the session's one live region says, so that a screen reader hears what changed in
 * meaning and not every frame's hint: each new spoken cue (step introductions, counts, corrections,
 * already spaced out by the cue policy) at once; a live hint only once it has held for a while,
 * differs from the last one read, and not more often than every few seconds. Pure: time comes in.
 */
export class Announcer {
  private text = '';
  private lastCaption: string | null = null;
  private hint: string | null = null;
  private hintSince = 0;
  private lastHint: string | null = null;
  private lastHintAt = -Infinity;

  /** What the live region should say now, given the current caption and hint at time `now`. */
  update(now: number, caption: string | null, hint: string | null): string {
    if (caption && caption !== this.lastCaption) {
      this.text = caption;
    }
    this.lastCaption = caption;
    if (hint !== this.hint) {
      this.hint = hint;
      this.hintSince = now;
    }
    if (
      hint &&
      hint !== this.lastHint &&
      now - this.hintSince >= HINT_STABLE_MS &&
      now - this.lastHintAt >= HINT_INTERVAL_MS
    ) {
      this.text = hint;
      this.lastHint = hint;
      this.lastHintAt = now;
    }
    return this.text;
  }
}
