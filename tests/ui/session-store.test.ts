import { describe, expect, it } from 'vitest';
import {
  loadProgress,
  loadSummary,
  RESUME_WITHIN_MS,
  type SavedProgress,
  saveProgress,
  saveSummary,
} from '../../src/ui/session-store';
import { sessionRecord } from '../history/records';

/** An in-memory Storage. */
class MemoryStorage implements Storage {
  private readonly items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
}

const zero = { good: 0, wrongDirection: 0, other: 0 };
const progress: SavedProgress = {
  kind: 'routine',
  id: 'facegym-daily',
  title: 'FaceGym daily workout',
  stepId: 'jawline-glide',
  stepIndex: 2,
  stepCount: 4,
  tallies: [
    {
      step: 'jawline-glide',
      counts: { left: { ...zero, good: 3 }, right: zero, center: zero },
      completed: false,
    },
  ],
  savedAt: 1_000_000,
};

describe('kept session progress', () => {
  it('offers recent progress back as it was kept, and forgets it when told', () => {
    const storage = new MemoryStorage();
    saveProgress(progress, storage);
    expect(loadProgress(storage, progress.savedAt + 60_000)).toEqual(progress);
    saveProgress(null, storage);
    expect(loadProgress(storage, progress.savedAt)).toBeNull();
  });

  it('no longer offers progress once it is old, or from the future', () => {
    const storage = new MemoryStorage();
    saveProgress(progress, storage);
    expect(loadProgress(storage, progress.savedAt + RESUME_WITHIN_MS)).not.toBeNull();
    expect(loadProgress(storage, progress.savedAt + RESUME_WITHIN_MS + 1)).toBeNull();
    expect(loadProgress(storage, progress.savedAt - 1)).toBeNull();
  });

  it('offers nothing for what is not JSON, has the wrong shape, or negative counts', () => {
    const storage = new MemoryStorage();
    for (const text of [
      '{',
      '"text"',
      JSON.stringify({ ...progress, stepIndex: 'two' }),
      JSON.stringify({
        ...progress,
        tallies: [
          {
            step: 'x',
            counts: { left: { ...zero, good: -1 }, right: zero, center: zero },
            completed: false,
          },
        ],
      }),
    ]) {
      storage.setItem('massage-coach:progress', text);
      expect(loadProgress(storage, progress.savedAt)).toBeNull();
    }
  });

  it('lets a session go on when storage refuses to keep anything', () => {
    const refusing = new MemoryStorage();
    refusing.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    expect(() => saveProgress(progress, refusing)).not.toThrow();
    expect(loadProgress(undefined)).toBeNull();
  });

  it('keeps the last summary of the tab', () => {
    const storage = new MemoryStorage();
    expect(loadSummary(storage)).toBeNull();
    const summary = sessionRecord();
    saveSummary(summary, storage);
    expect(loadSummary(storage)).toEqual(summary);
    storage.setItem('massage-coach:summary', JSON.stringify({ ...summary, steps: [] }));
    expect(loadSummary(storage)).toBeNull();
  });
});
