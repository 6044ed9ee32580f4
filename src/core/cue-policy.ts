import type { Side } from './regions';
import type { Routine } from './routine-schema';
import type { EngineEvent } from './step-engine';
import type { StrokeVerdict } from './stroke-tracker';

/** Something the coach says (and shows as a caption). */
export interface Cue {
  readonly text: string;
  /** Intros interrupt whatever is being said; counts and corrections never do. */
  readonly kind: 'intro' | 'count' | 'correction' | 'done';
}

/** Words for a stroke verdict that is not good; sides are described by the caller. */
export type CorrectionText = (verdict: StrokeVerdict, side: Side) => string;

/** The words for one, two, three...: a count above the last is said in digits. */
const NUMBER_WORDS = [
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
];

/** Settings for how often the coach may correct. */
export interface CuePolicyOptions {
  /** At most one correction in this long (ms). */
  readonly correctionCooldownMs: number;
  /** The same correction is not repeated within this long (ms). */
  readonly repeatCooldownMs: number;
}

const DEFAULTS: CuePolicyOptions = { correctionCooldownMs: 5000, repeatCooldownMs: 15_000 };

/**
 * Decides what the coach says about engine events: each step introduced, good strokes counted,
 * one correction at a time with a cooldown so it never nags, and the end of a routine.
 */
export class CuePolicy {
  private lastCorrectionAt = -Infinity;
  private readonly lastSaid = new Map<string, number>();
  private readonly goodCounts = new Map<string, number>();
  private readonly options: CuePolicyOptions;

  constructor(
    private readonly routine: Routine,
    private readonly correctionText: CorrectionText,
    options: Partial<CuePolicyOptions> = {},
  ) {
    this.options = { ...DEFAULTS, ...options };
  }

  /** What introduces a step (and what the person hears again on asking for it to be repeated). */
  introFor(stepId: string): Cue | null {
    const index = this.routine.steps.findIndex((s) => s.id === stepId);
    const step = this.routine.steps[index];
    if (!step) return null;
    const caution = step.caution ? ` ${step.caution}` : '';
    return {
      kind: 'intro',
      text: `Step ${index + 1}: ${step.title}. ${step.instructions[0] ?? step.summary}${caution}`,
    };
  }

  /** Cues for one engine event, at time `now` (ms, the caller's clock). */
  cuesFor(event: EngineEvent, now: number): Cue[] {
    switch (event.type) {
      case 'step-start': {
        const intro = this.introFor(event.step);
        if (!intro) return [];
        for (const key of [...this.goodCounts.keys()])
          if (key.startsWith(`${event.step}:`)) this.goodCounts.delete(key);
        return [intro];
      }
      case 'stroke': {
        if (event.verdict === 'good') {
          const step = this.routine.steps.find((s) => s.id === event.step);
          const key = `${event.step}:${step?.sides === 'each' ? event.side : 'all'}`;
          const count = (this.goodCounts.get(key) ?? 0) + 1;
          this.goodCounts.set(key, count);
          const sideDone = step?.sides === 'each' && count === step.reps;
          const word = capitalise(NUMBER_WORDS[count - 1] ?? String(count));
          if (!sideDone) return [{ kind: 'count', text: `${word}.` }];
          // One side at a time: the arrow moves to the other side, and the person is told.
          const other = event.side === 'left' ? 'right' : 'left';
          const otherToDo =
            step.hands === 1 && (this.goodCounts.get(`${event.step}:${other}`) ?? 0) < step.reps;
          return [
            {
              kind: 'count',
              text: `${word}. That side is done.${otherToDo ? ' Now the other side.' : ''}`,
            },
          ];
        }
        if (now - this.lastCorrectionAt < this.options.correctionCooldownMs) return [];
        const key = `${event.verdict}:${event.side}`;
        if (now - (this.lastSaid.get(key) ?? -Infinity) < this.options.repeatCooldownMs) return [];
        this.lastCorrectionAt = now;
        this.lastSaid.set(key, now);
        return [{ kind: 'correction', text: this.correctionText(event.verdict, event.side) }];
      }
      case 'step-complete': {
        const index = this.routine.steps.findIndex((s) => s.id === event.step);
        const next = this.routine.steps[index + 1];
        return [{ kind: 'done', text: next ? `Well done. Next: ${next.title}.` : 'Well done.' }];
      }
      case 'routine-complete':
        return [
          { kind: 'done', text: 'That is the whole routine. Well done, and enjoy the glow.' },
        ];
    }
  }
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
