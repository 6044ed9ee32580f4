import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  loadSettings,
  motionReduced,
  saveSettings,
} from '../../src/ui/app-settings';

function memory(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (k) => items.get(k) ?? null,
    key: (i) => [...items.keys()][i] ?? null,
    removeItem: (k) => void items.delete(k),
    setItem: (k, v) => void items.set(k, v),
  };
}

describe('settings kept across visits', () => {
  it('gives the defaults on a first visit and what was saved after', () => {
    const storage = memory();
    expect(loadSettings(storage)).toEqual(DEFAULT_SETTINGS);
    const chosen = {
      mirrored: false,
      cameraId: 'cam-2',
      handsFree: false,
      mannequin: true,
      reducedMotion: 'reduce' as const,
    };
    saveSettings(chosen, storage);
    expect(loadSettings(storage)).toEqual(chosen);
  });

  it('keeps the good values of a damaged record and defaults the rest', () => {
    const storage = memory();
    storage.setItem(
      'massage-coach:settings',
      JSON.stringify({ mirrored: false, mannequin: 'yes', reducedMotion: 'sometimes' }),
    );
    expect(loadSettings(storage)).toEqual({ ...DEFAULT_SETTINGS, mirrored: false });
    storage.setItem('massage-coach:settings', '{not json');
    expect(loadSettings(storage)).toEqual(DEFAULT_SETTINGS);
    storage.setItem('massage-coach:settings', 'null');
    expect(loadSettings(storage)).toEqual(DEFAULT_SETTINGS);
  });

  it('goes on when storage refuses to keep anything', () => {
    const storage = memory();
    storage.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    expect(() => saveSettings(DEFAULT_SETTINGS, storage)).not.toThrow();
    expect(loadSettings(undefined)).toEqual(DEFAULT_SETTINGS);
  });

  it('reduces motion when asked, or when the system asks and the setting follows it', () => {
    expect(motionReduced('system', true)).toBe(true);
    expect(motionReduced('system', false)).toBe(false);
    expect(motionReduced('reduce', false)).toBe(true);
    expect(motionReduced('full', true)).toBe(false);
  });
});
