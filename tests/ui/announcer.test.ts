import { describe, expect, it } from 'vitest';
import { Announcer, HINT_INTERVAL_MS, HINT_STABLE_MS } from '../../src/ui/announcer';

describe('Announcer (the one live region)', () => {
  it('reads each new cue at once, and a cue only once', () => {
    const a = new Announcer();
    expect(a.update(0, 'Step 1: Chin flicks.', null)).toBe('Step 1: Chin flicks.');
    expect(a.update(100, 'Step 1: Chin flicks.', null)).toBe('Step 1: Chin flicks.');
    expect(a.update(200, 'One.', null)).toBe('One.');
  });

  it('reads a hint only once it has held, and not one that flickers', () => {
    const a = new Announcer();
    // Two hints taking turns every 500 ms for 10 s: nothing of them is read.
    let said = '';
    for (let t = 0; t < 10_000; t += 500)
      said = a.update(t, null, t % 1000 ? 'On target' : 'Off target');
    expect(said).toBe('');
    const b = new Announcer();
    expect(b.update(0, null, 'No face')).toBe('');
    expect(b.update(HINT_STABLE_MS - 1, null, 'No face')).toBe('');
    expect(b.update(HINT_STABLE_MS, null, 'No face')).toBe('No face');
  });

  it('reads hints no more often than every few seconds, and the same hint not twice in a row', () => {
    const a = new Announcer();
    a.update(0, null, 'No face');
    expect(a.update(HINT_STABLE_MS, null, 'No face')).toBe('No face');
    a.update(HINT_STABLE_MS + 100, null, 'No hands');
    expect(a.update(HINT_STABLE_MS * 2 + 100, null, 'No hands')).toBe('No face');
    expect(a.update(HINT_STABLE_MS + HINT_INTERVAL_MS, null, 'No hands')).toBe('No hands');
    a.update(30_000, null, 'No face');
    a.update(30_500, null, 'No hands');
    expect(a.update(40_000, null, 'No hands')).toBe('No hands');
  });
});
