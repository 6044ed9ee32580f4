import { z } from 'zod';

/** The person's choices, kept across visits in localStorage (the voice has its own). */
export interface AppSettings {
  /** The video shown as in a mirror. */
  readonly mirrored: boolean;
  /** The camera last chosen, if the person chose one. */
  readonly cameraId: string | null;
  /** Hand signs held away from the face control the session. */
  readonly handsFree: boolean;
  /** A neutral face drawn from the landmarks instead of the video. */
  readonly mannequin: boolean;
  /** Motion in the overlay: as the system asks, or always reduced, or never. */
  readonly reducedMotion: 'system' | 'reduce' | 'full';
}

export const DEFAULT_SETTINGS: AppSettings = Object.freeze({
  mirrored: true,
  cameraId: null,
  handsFree: true,
  mannequin: false,
  reducedMotion: 'system',
});

const KEY = 'massage-coach:settings';

// Each field falls back on its own, so one bad or missing value does not lose the others.
const schema = z.object({
  mirrored: z.boolean().catch(DEFAULT_SETTINGS.mirrored),
  cameraId: z.string().max(500).nullable().catch(DEFAULT_SETTINGS.cameraId),
  handsFree: z.boolean().catch(DEFAULT_SETTINGS.handsFree),
  mannequin: z.boolean().catch(DEFAULT_SETTINGS.mannequin),
  reducedMotion: z.enum(['system', 'reduce', 'full']).catch(DEFAULT_SETTINGS.reducedMotion),
});

/** The saved settings, or the defaults for whatever is missing or unreadable. */
export function loadSettings(storage: Storage | undefined = globalThis.localStorage): AppSettings {
  try {
    const saved: unknown = JSON.parse(storage?.getItem(KEY) ?? '{}');
    return schema.parse(typeof saved === 'object' && saved !== null ? saved : {});
  } catch {
    // NOTE: storage can be off (private modes) or hold something that is not JSON.
    return DEFAULT_SETTINGS;
  }
}

/** Keeps the settings; a storage that refuses only loses them for the next visit. */
export function saveSettings(
  settings: AppSettings,
  storage: Storage | undefined = globalThis.localStorage,
): void {
  try {
    storage?.setItem(KEY, JSON.stringify(settings));
  } catch {
    // NOTE: a full or disabled storage: the settings still hold for this visit.
  }
}

/** Whether motion is reduced, given the setting and what the system asks for. */
export function motionReduced(setting: AppSettings['reducedMotion'], systemAsks: boolean): boolean {
  return setting === 'reduce' || (setting === 'system' && systemAsks);
}
