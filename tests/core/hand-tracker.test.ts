import { describe, expect, it } from 'vitest';
import { postureAllows } from '../../src/core/hand-tracker';
import { realHand } from '../support/traces';

describe('hand posture on real hands', () => {
  it('lets extended fingers touch with their tips', () => {
    for (const name of ['woman_sitting_street', 'two_children_faces']) {
      const { hand, size } = realHand(name);
      expect(postureAllows(hand.landmarks, 'fingertips', size), name).toBe(true);
      expect(postureAllows(hand.landmarks, 'index', size), name).toBe(true);
    }
  });

  it('does not take the curled fingertips of a fist or a thumbs-up as touching', () => {
    for (const name of ['hand_thumb_up', 'thumbs_up_white_bg', 'gesture_video_t1.6s']) {
      const { hand, size } = realHand(name);
      expect(postureAllows(hand.landmarks, 'fingertips', size), name).toBe(false);
      expect(postureAllows(hand.landmarks, 'knuckles', size), name).toBe(true);
    }
  });

  it('has no pinch point when the thumb stands far from the index', () => {
    const { hand, size } = realHand('hand_thumb_up');
    expect(postureAllows(hand.landmarks, 'pinch', size)).toBe(false);
    const pinching = hand.landmarks.map((p, i) => (i === 4 ? (hand.landmarks[8] ?? p) : p));
    expect(postureAllows(pinching, 'pinch', size)).toBe(true);
  });
});
