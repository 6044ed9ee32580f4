import type { SessionCommand } from './session-controls';

/** What the session can be doing when a key is pressed. */
export interface ShortcutState {
  readonly paused: boolean;
  readonly confirmingEnd: boolean;
}

/** Elements whose own keys (typing, choosing, clicking) a shortcut must not take over. */
const TEXT_FIELDS = new Set(['INPUT', 'SELECT', 'TEXTAREA']);
const CLICKABLE = new Set(['BUTTON', 'SUMMARY', 'A']);

/**
 * The session command a key stands for, or null: Space pauses and resumes, the arrows go to the
 * previous or next step, R repeats the step's explanation, Escape asks to end (or takes back the
 * question). `target` is the tag name of the element the key went to.
 */
export function shortcutCommand(
  key: string,
  target: string,
  state: ShortcutState,
  modifiers = false,
): SessionCommand | null {
  if (modifiers || TEXT_FIELDS.has(target)) return null;
  switch (key) {
    case ' ':
      // Space on a focused button clicks that button already.
      if (CLICKABLE.has(target) || state.confirmingEnd) return null;
      return state.paused ? 'resume' : 'pause';
    case 'ArrowRight':
      return state.confirmingEnd ? null : 'next';
    case 'ArrowLeft':
      return state.confirmingEnd ? null : 'previous';
    case 'r':
    case 'R':
      return state.confirmingEnd ? null : 'repeat';
    case 'Escape':
      return state.confirmingEnd ? 'cancel-end' : 'end';
    default:
      return null;
  }
}

/** The keys, for the help shown on the session screen. */
export const SHORTCUT_HELP: readonly (readonly [string, string])[] = [
  ['Space', 'pause or go on'],
  ['→ / ←', 'next or previous step'],
  ['R', 'hear the step again'],
  ['Esc', 'end the session'],
];
