import { describe, expect, it } from 'vitest';
import { CuePolicy } from '../../src/core/cue-policy';
import { findRoutine } from '../../src/core/routines';

const routine = findRoutine('facegym-daily');
if (!routine) throw new Error('routine missing');
const policy = () => new CuePolicy(routine, (verdict, side) => `${verdict} on ${side}`);

describe('CuePolicy', () => {
  it('introduces each step with its title and first instruction', () => {
    const [cue] = policy().cuesFor({ type: 'step-start', t: 0, step: 'jawline-glide' }, 0);
    expect(cue?.kind).toBe('intro');
    expect(cue?.text).toMatch(/^Step 3: Jawline glide\. Hold the jawbone/);
  });

  it('counts good strokes per side and says when a side is done', () => {
    const p = policy();
    const say = (side: 'left' | 'right') =>
      p.cuesFor({ type: 'stroke', t: 0, step: 'jawline-glide', side, verdict: 'good' }, 0)[0]?.text;
    expect(say('right')).toBe('One.');
    expect(say('left')).toBe('One.');
    for (let i = 0; i < 3; i++) say('right');
    expect(say('right')).toBe('Five. That side is done.');
  });

  it('corrects one thing at a time and does not repeat itself', () => {
    const p = policy();
    const wrong = (now: number, side: 'left' | 'right' = 'left') =>
      p.cuesFor(
        { type: 'stroke', t: now, step: 'jawline-glide', side, verdict: 'wrong-direction' },
        now,
      );
    expect(wrong(0)).toEqual([{ kind: 'correction', text: 'wrong-direction on left' }]);
    expect(wrong(1000, 'right')).toEqual([]); // cooldown
    expect(wrong(6000)).toEqual([]); // same correction too soon
    expect(wrong(7000, 'right')).toHaveLength(1);
    expect(wrong(22_000)).toHaveLength(1);
  });

  it('names the next step when one is done', () => {
    expect(policy().cuesFor({ type: 'step-complete', t: 0, step: 'chin-flicks' }, 0)[0]?.text).toBe(
      'Well done. Next: Laugh-line walk.',
    );
  });
});
