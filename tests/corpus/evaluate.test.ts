import { describe, expect, it } from 'vitest';
import { align } from './evaluate';

describe('align', () => {
  it('pairs equal sequences one to one', () => {
    expect(align(['a', 'b'], ['a', 'b'])).toEqual([
      ['a', 'a'],
      ['b', 'b'],
    ]);
  });

  it('marks missed, extra and substituted verdicts', () => {
    expect(align(['r:good', 'l:good'], ['r:good', 'l:too-short', 'l:good'])).toEqual([
      ['r:good', 'r:good'],
      ['-', 'l:too-short'],
      ['l:good', 'l:good'],
    ]);
    expect(align(['r:good'], ['r:wrong-direction'])).toEqual([['r:good', 'r:wrong-direction']]);
    expect(align(['r:good'], [])).toEqual([['r:good', '-']]);
  });
});
