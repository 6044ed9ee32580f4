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
    expect(
      p.cuesFor({ type: 'stroke', t: 0, step: 'jawline-glide', side: 'left', verdict: 'good' }, 0),
    ).toEqual([{ kind: 'count', text: 'One.' }]);
    for (let i = 0; i < 3; i++) say('right');
    expect(say('right')).toBe('Five. That side is done.');
  });

  it('sends the person to the other side when one side of a one-hand step is done', () => {
    const anma = findRoutine('anma');
    if (!anma) throw new Error('routine missing');
    const p = new CuePolicy(anma, () => '');
    const say = (side: 'left' | 'right') =>
      p.cuesFor({ type: 'stroke', t: 0, step: 'jaw-to-cheekbone', side, verdict: 'good' }, 0)[0]
        ?.text;
    for (let i = 0; i < 3; i++) say('right');
    expect(say('right')).toBe('Four. That side is done. Now the other side.');
    for (let i = 0; i < 3; i++) say('left');
    expect(say('left')).toBe('Four. That side is done.');
    // The left side first: the right one is still to do.
    const leftFirst = new CuePolicy(anma, () => '');
    const cue = () =>
      leftFirst.cuesFor(
        { type: 'stroke', t: 0, step: 'jaw-to-cheekbone', side: 'left', verdict: 'good' },
        0,
      )[0];
    for (let i = 0; i < 3; i++) cue();
    expect(cue()).toEqual({ kind: 'count', text: 'Four. That side is done. Now the other side.' });
  });

  it('corrects one thing at a time and does not repeat itself', () => {
    const p = policy();
    const wrong = (now: number, side: 'left' | 'right' = 'left') =>
      p.cuesFor(
        { type: 'stroke', t: now, step: 'jawline-glide', side, verdict: 'wrong-direction' },
        now,
      );
    expect(wrong(1000)).toEqual([{ kind: 'correction', text: 'wrong-direction on left' }]);
    expect(wrong(2000, 'right')).toEqual([]); // cooldown
    expect(wrong(7000)).toEqual([]); // same correction too soon
    expect(wrong(8000, 'right')).toHaveLength(1);
    expect(wrong(23_000)).toHaveLength(1);
  });

  it('names the next step when one is done', () => {
    expect(policy().cuesFor({ type: 'step-complete', t: 0, step: 'chin-flicks' }, 0)[0]?.text).toBe(
      'Well done. Next: Laugh-line walk.',
    );
  });

  it('adds the caution to the intro of a step that has one, and only then', () => {
    const p = policy();
    const pinch = p.cuesFor({ type: 'step-start', t: 0, step: 'brow-pinch' }, 0)[0]?.text ?? '';
    const caution = routine.steps.find((s) => s.id === 'brow-pinch')?.caution ?? '(none)';
    expect(pinch.endsWith(`. ${caution}`)).toBe(true);
    const flicks = p.cuesFor({ type: 'step-start', t: 0, step: 'chin-flicks' }, 0)[0]?.text;
    expect(flicks).toBe(`Step 1: Chin flicks. ${routine.steps[0]?.instructions[0]}`);
    expect(p.cuesFor({ type: 'step-start', t: 0, step: 'no-such-step' }, 0)).toEqual([]);
  });

  it('counts a step without sides as one tally and never calls a side done', () => {
    const p = policy();
    const say = (side: 'left' | 'right' | 'center') =>
      p.cuesFor({ type: 'stroke', t: 0, step: 'chin-flicks', side, verdict: 'good' }, 0)[0]?.text;
    expect([say('center'), say('left'), say('right')]).toEqual(['One.', 'Two.', 'Three.']);
    const more = Array.from({ length: 10 }, () => say('center'));
    // The tenth of ten reps ends the step, not a side; past twelve the words give way to numerals.
    expect(more).toEqual([
      'Four.',
      'Five.',
      'Six.',
      'Seven.',
      'Eight.',
      'Nine.',
      'Ten.',
      'Eleven.',
      'Twelve.',
      '13.',
    ]);
  });

  it('starts counting afresh when a step is visited again, keeping the other steps counts', () => {
    const p = policy();
    const good = (step: string) =>
      p.cuesFor({ type: 'stroke', t: 0, step, side: 'right', verdict: 'good' }, 0)[0]?.text;
    good('jawline-glide');
    good('jawline-glide');
    good('laugh-line-walk');
    p.cuesFor({ type: 'step-start', t: 0, step: 'jawline-glide' }, 0);
    expect(good('jawline-glide')).toBe('One.');
    expect(good('laugh-line-walk')).toBe('Two.');
  });

  it('lets a correction through once the cooldowns have just passed, whatever the counts did', () => {
    const p = new CuePolicy(routine, (verdict) => verdict, {
      correctionCooldownMs: 1000,
      repeatCooldownMs: 3000,
    });
    const judged = (now: number, verdict: 'off-target' | 'too-fast' | 'good') =>
      p.cuesFor({ type: 'stroke', t: now, step: 'chin-flicks', side: 'center', verdict }, now);
    expect(judged(0, 'off-target')).toHaveLength(1);
    expect(judged(500, 'good')).toEqual([{ kind: 'count', text: 'One.' }]); // counts never wait
    expect(judged(999, 'too-fast')).toEqual([]);
    expect(judged(1000, 'too-fast')).toEqual([{ kind: 'correction', text: 'too-fast' }]);
    expect(judged(2999, 'off-target')).toEqual([]);
    expect(judged(3000, 'off-target')).toEqual([{ kind: 'correction', text: 'off-target' }]);
  });

  it('says well done at the last step and at the end of the routine', () => {
    const p = policy();
    expect(p.cuesFor({ type: 'step-complete', t: 0, step: 'brow-pinch' }, 0)).toEqual([
      { kind: 'done', text: 'Well done.' },
    ]);
    const [end] = p.cuesFor({ type: 'routine-complete', t: 0, routine: 'facegym-daily' }, 0);
    expect(end?.kind).toBe('done');
    expect(end?.text).toMatch(/whole routine/);
  });
});
