import type { StrokeVerdict } from '../core/stroke-tracker';
import type { StepRecord } from '../history/session-record';

/** Short names of the verdicts, for tables and charts. */
export const VERDICT_NAMES: Readonly<Record<StrokeVerdict, string>> = {
  good: 'good',
  'wrong-direction': 'wrong way',
  'off-target': 'off target',
  'too-fast': 'too fast',
  'too-slow': 'too slow',
  'too-short': 'too short',
  'no-pinch': 'no pinch',
  'no-hold': 'no press held',
  'jaw-relaxed': 'jaw not forward',
  'fingers-pulling': 'fingers pulling',
};

/** A duration as a person reads it: "45 s", "3 min 05 s", "1 h 02 min". */
export function formatDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${String(seconds % 60).padStart(2, '0')} s`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}

/** What a step asked for: "10 each side", "8 strokes", "1 min". */
export function stepTarget(step: StepRecord): string {
  if (step.kind === 'timed') return formatDuration(step.durationMs ?? 0);
  const unit =
    step.kind === 'head-tilt' || step.kind === 'brow-raise'
      ? step.reps === 1
        ? 'rep'
        : 'reps'
      : step.reps === 1
        ? 'stroke'
        : 'strokes';
  return step.perSide ? `${step.reps} ${unit} each side` : `${step.reps} ${unit}`;
}
