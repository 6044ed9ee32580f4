import type { Cue } from '../core/cue-policy';

/** Voice settings a person can change; kept in localStorage. */
export interface VoiceSettings {
  muted: boolean;
  /** Speech rate, 0.5 (slow) to 1.5 (fast). */
  rate: number;
}

const STORAGE_KEY = 'massage-coach:voice';

/** Reads the saved voice settings, or the defaults. */
export function loadVoiceSettings(
  storage: Storage | undefined = globalThis.localStorage,
): VoiceSettings {
  try {
    const saved = JSON.parse(
      storage?.getItem(STORAGE_KEY) ?? 'null',
    ) as Partial<VoiceSettings> | null;
    const rate = typeof saved?.rate === 'number' ? Math.min(1.5, Math.max(0.5, saved.rate)) : 1;
    return { muted: saved?.muted === true, rate };
  } catch {
    return { muted: false, rate: 1 };
  }
}

/** Saves the voice settings. */
export function saveVoiceSettings(
  settings: VoiceSettings,
  storage: Storage | undefined = globalThis.localStorage,
): void {
  storage?.setItem(STORAGE_KEY, JSON.stringify(settings));
}

/**
 * Speaks cues with the Web Speech API. Intros and step ends interrupt; counts and corrections are
 * dropped while something is being said, so speech never piles up behind the strokes.
 */
export class VoiceCoach {
  constructor(private settings: VoiceSettings) {}

  /** Whether this browser can speak at all. */
  static get supported(): boolean {
    return (
      typeof speechSynthesis !== 'undefined' && typeof SpeechSynthesisUtterance !== 'undefined'
    );
  }

  update(settings: VoiceSettings): void {
    this.settings = settings;
    if (settings.muted && VoiceCoach.supported) speechSynthesis.cancel();
  }

  speak(cue: Cue): void {
    if (this.settings.muted || !VoiceCoach.supported) return;
    if (cue.kind === 'intro' || cue.kind === 'done') speechSynthesis.cancel();
    else if (speechSynthesis.speaking || speechSynthesis.pending) return;
    const utterance = new SpeechSynthesisUtterance(cue.text);
    utterance.rate = this.settings.rate;
    speechSynthesis.speak(utterance);
  }

  /** Stops what is being said. */
  stop(): void {
    if (VoiceCoach.supported) speechSynthesis.cancel();
  }

  /** Stops speaking for good (the host is going away). */
  dispose(): void {
    this.stop();
  }
}
