import { describe, expect, it } from 'vitest';
import { type ContactMeasure, ContactSelector } from '../../src/core/contact';
import type { HandSlot } from '../../src/core/hand-tracker';
import type { Effector } from '../../src/core/routine-schema';
import type { Vec2 } from '../../src/core/vec2';

/** The target: the line y = 0, with no ends; a point's distance is |y|. */
const toLine: ContactMeasure = { distance: (p) => Math.abs(p.y), pastEnd: () => false };

/**
 * A hand whose effectors sit at the given heights (at x = 0) or points; `afforded` lists those its
 * posture allows.
 */
function hand(
  id: number,
  heights: Partial<Record<Effector, number | Vec2>>,
  afforded: Effector[] = Object.keys(heights) as Effector[],
): HandSlot {
  const smoothed = new Map(
    Object.entries(heights).map(([e, at]) => [
      e as Effector,
      typeof at === 'number' ? { x: 0, y: at } : (at as Vec2),
    ]),
  );
  const points = new Map([...smoothed].filter(([e]) => afforded.includes(e)));
  return {
    id,
    points,
    smoothed,
    center: { x: 0, y: 0 },
    palmSize: 0.4,
    present: true,
    seenNow: true,
    pinchClosed: false,
    lastSeen: 0,
    inViewSince: 0,
  };
}

/** Picks over frames 40 ms apart; returns the effector chosen in each. */
function run(selector: ContactSelector, frames: HandSlot[], startT = 0): (Effector | null)[] {
  return frames.map((slot, i) => selector.pick(0, slot, startT + i * 40, toLine)?.effector ?? null);
}

const repeat = (n: number, slot: () => HandSlot) => Array.from({ length: n }, slot);

describe('ContactSelector', () => {
  it('takes nothing from a posture seen in a single frame', () => {
    const selector = new ContactSelector(['fingertips', 'knuckles']);
    expect(run(selector, [hand(1, { fingertips: 0 })])).toEqual([null]);
    expect(run(selector, [hand(1, { fingertips: 0 })], 40)).toEqual(['fingertips']);
  });

  it('takes the effector nearest the target, the main one on a near tie', () => {
    const nearest = new ContactSelector(['fingertips', 'knuckles']);
    expect(
      run(
        nearest,
        repeat(2, () => hand(1, { fingertips: 0.1, knuckles: 0.05 })),
      ),
    ).toEqual([null, 'knuckles']);
    // Knuckles nearer by less than the rank bias: the main effector still wins.
    const tie = new ContactSelector(['fingertips', 'knuckles']);
    expect(
      run(
        tie,
        repeat(2, () => hand(1, { fingertips: 0.1, knuckles: 0.09 })),
      ),
    ).toEqual([null, 'fingertips']);
    // And the other way round in the list.
    const listed = new ContactSelector(['knuckles', 'fingertips']);
    expect(
      run(
        listed,
        repeat(2, () => hand(1, { fingertips: 0.09, knuckles: 0.1 })),
      ),
    ).toEqual([null, 'knuckles']);
  });

  it('keeps its effector while another is only a little nearer, or nearer only for a moment', () => {
    const selector = new ContactSelector(['fingertips', 'knuckles']);
    run(
      selector,
      repeat(2, () => hand(1, { fingertips: 0, knuckles: 0.1 })),
    );
    // Knuckles nearer by less than the switch margin: no change, however long.
    expect(
      run(
        selector,
        repeat(10, () => hand(1, { fingertips: 0.05, knuckles: 0.02 })),
        80,
      ),
    ).toEqual(Array(10).fill('fingertips'));
    // Clearly nearer for 120 ms, then not: no change.
    const moment = [
      ...repeat(4, () => hand(1, { fingertips: 0.2, knuckles: 0 })),
      hand(1, { fingertips: 0, knuckles: 0.1 }),
    ];
    expect(run(selector, moment, 480)).toEqual(Array(5).fill('fingertips'));
  });

  it('moves to another effector that stays clearly nearer for a moment', () => {
    const selector = new ContactSelector(['fingertips', 'knuckles']);
    run(
      selector,
      repeat(2, () => hand(1, { fingertips: 0, knuckles: 0.2 })),
    );
    const chosen = run(
      selector,
      repeat(8, () => hand(1, { fingertips: 0.2, knuckles: 0 })),
      80,
    );
    expect(chosen.slice(0, 5)).toEqual(Array(5).fill('fingertips'));
    expect(chosen.at(-1)).toBe('knuckles');
  });

  it('rides out a posture flicker, then lets go of a contact the posture no longer affords', () => {
    const selector = new ContactSelector(['fingertips']);
    run(
      selector,
      repeat(2, () => hand(1, { fingertips: 0 })),
    );
    const curled = () => hand(1, { fingertips: 0 }, []);
    const chosen = run(selector, repeat(10, curled), 80);
    expect(chosen.slice(0, 6)).toEqual(Array(6).fill('fingertips'));
    expect(chosen.at(-1)).toBeNull();
    // Once let go, a posture must be held two frames again.
    expect(run(selector, [hand(1, { fingertips: 0 })], 600)).toEqual([null]);
  });

  it('switches at once to an afforded effector when the posture refuses the current one', () => {
    const selector = new ContactSelector(['fingertips', 'knuckles']);
    run(
      selector,
      repeat(2, () => hand(1, { fingertips: 0, knuckles: 0.04 })),
    );
    const fist = () => hand(1, { fingertips: 0, knuckles: 0.04 }, ['knuckles']);
    const chosen = run(selector, repeat(8, fist), 80);
    expect(chosen.at(-1)).toBe('knuckles');
  });

  it('keeps its effector through a one-frame posture flicker late in a stroke', () => {
    const selector = new ContactSelector(['fingertips']);
    const open = () => hand(1, { fingertips: 0 });
    const frames = [...repeat(8, open), hand(1, { fingertips: 0 }, []), ...repeat(3, open)];
    // Afforded again after the flicker but not yet steady: the contact stays all the same.
    expect(run(selector, frames).slice(1)).toEqual(Array(11).fill('fingertips'));
  });

  it('lets go of a refused contact only after the grace, not at it', () => {
    const selector = new ContactSelector(['fingertips']);
    for (const t of [0, 40]) selector.pick(0, hand(1, { fingertips: 0 }), t, toLine);
    const curled = () => hand(1, { fingertips: 0 }, []);
    selector.pick(0, curled(), 100, toLine);
    expect(selector.pick(0, curled(), 350, toLine)?.effector).toBe('fingertips');
    expect(selector.pick(0, curled(), 351, toLine)).toBeNull();
  });

  it('weighs its own rank against the current effector too', () => {
    const selector = new ContactSelector(['fingertips', 'knuckles']);
    run(
      selector,
      repeat(2, () => hand(1, { fingertips: 0.2, knuckles: 0 })),
    );
    // Fingertips nearer by 0.06: more than the margin, less the knuckles' rank of 0.02.
    const chosen = run(
      selector,
      repeat(8, () => hand(1, { fingertips: 0, knuckles: 0.06 })),
      80,
    );
    expect(chosen.at(-1)).toBe('fingertips');
  });

  it('counts the wait from when the posture refused the current effector, not from when the other steadied', () => {
    const selector = new ContactSelector(['fingertips', 'knuckles']);
    run(
      selector,
      repeat(2, () => hand(1, { fingertips: 0, knuckles: 0.04 })),
    );
    // The hand curls (nothing afforded) from 80 ms, and the fist's knuckles are steady at 240 ms.
    const frames = [
      ...repeat(3, () => hand(1, { fingertips: 0, knuckles: 0.04 }, [])),
      ...repeat(6, () => hand(1, { fingertips: 0, knuckles: 0.04 }, ['knuckles'])),
    ];
    const chosen = run(selector, frames, 80);
    // 280 ms: refused for 200 ms, with the knuckles there to take over.
    expect(chosen.indexOf('knuckles')).toBe(5);
  });

  it('needs the other effector nearer by more than the margin, not by just the margin', () => {
    const selector = new ContactSelector(['fingertips', 'knuckles']);
    run(
      selector,
      repeat(2, () => hand(1, { fingertips: 0, knuckles: 0.2 })),
    );
    // Knuckles score 0.01 + one rank (0.03): exactly the fingertips' 0.08 less the margin.
    const tie = run(
      selector,
      repeat(10, () => hand(1, { fingertips: 0.08, knuckles: 0.01 })),
      80,
    );
    expect(tie).toEqual(Array(10).fill('fingertips'));
  });

  describe('on a target with ends (the segment y = 0, 0 ≤ x ≤ 1)', () => {
    const toSegment: ContactMeasure = {
      distance: (p) => Math.hypot(Math.max(0, -p.x, p.x - 1), p.y),
      pastEnd: (p) => p.x < 0 || p.x > 1,
    };
    /** Index chosen first, sitting just past the start; then the frames given. */
    function afterIndexAtStart(frames: HandSlot[]) {
      const selector = new ContactSelector(['fingertips', 'index']);
      const atStart = () => hand(1, { index: { x: -0.02, y: 0 }, fingertips: { x: 0.6, y: 0.15 } });
      for (let i = 0; i < 2; i++) selector.pick(0, atStart(), i * 40, toSegment);
      return frames.map((slot, i) => selector.pick(0, slot, 80 + i * 40, toSegment));
    }

    it('moves at once off a point held past the end to a nearer one beside the target, as a jump', () => {
      // Fingers laid across from the side: the index tip stays past the end while the
      // fingertips stroke along the target.
      const contacts = afterIndexAtStart([
        hand(1, { index: { x: -0.08, y: 0 }, fingertips: { x: 0.5, y: 0.02 } }),
        hand(1, { index: { x: -0.09, y: 0 }, fingertips: { x: 0.3, y: 0.02 } }),
      ]);
      expect(contacts.map((c) => c?.effector)).toEqual(['fingertips', 'fingertips']);
      expect(contacts.map((c) => c?.jumped)).toEqual([true, false]);
    });

    it('keeps a point at the end, or one past it when the other is no nearer or past an end too', () => {
      const atEnd = afterIndexAtStart(
        repeat(3, () => hand(1, { index: { x: -0.04, y: 0 }, fingertips: { x: 0.5, y: 0.02 } })),
      );
      expect(atEnd.map((c) => c?.effector)).toEqual(['index', 'index', 'index']);
      const justAtOverrun = afterIndexAtStart([
        hand(1, { index: { x: -0.05, y: 0 }, fingertips: { x: 0.5, y: 0.02 } }),
      ]);
      expect(justAtOverrun[0]?.effector).toBe('index');
      const asNear = afterIndexAtStart([
        hand(1, { index: { x: -0.08, y: 0 }, fingertips: { x: 0.5, y: 0.08 } }),
      ]);
      expect(asNear[0]?.effector).toBe('index');
      const fartherBeside = afterIndexAtStart([
        hand(1, { index: { x: -0.08, y: 0 }, fingertips: { x: 0.5, y: 0.09 } }),
      ]);
      expect(fartherBeside[0]?.effector).toBe('index');
      const bothPast = afterIndexAtStart([
        hand(1, { index: { x: -0.12, y: 0 }, fingertips: { x: -0.06, y: 0 } }),
      ]);
      expect(bothPast[0]?.effector).toBe('index');
    });

    it('keeps a point past the end through a posture flicker, with nothing to move to', () => {
      const contacts = afterIndexAtStart([
        hand(1, { index: { x: -0.12, y: 0 }, fingertips: { x: 0.5, y: 0.02 } }, []),
      ]);
      expect(contacts[0]).toMatchObject({ effector: 'index', jumped: false });
    });

    it('moves after the usual wait, without a jump, when the point it leaves was beside the target', () => {
      const selector = new ContactSelector(['fingertips', 'index']);
      const frames = [
        ...repeat(2, () => hand(1, { fingertips: { x: 0.5, y: 0.02 }, index: { x: 0.5, y: 0.3 } })),
        ...repeat(8, () => hand(1, { fingertips: { x: 0.5, y: 0.2 }, index: { x: 0.5, y: 0 } })),
      ];
      const contacts = frames.map((slot, i) => selector.pick(0, slot, i * 40, toSegment));
      const switchedAt = contacts.findIndex((c) => c?.effector === 'index');
      expect(switchedAt).toBeGreaterThan(6);
      expect(contacts.some((c) => c?.jumped)).toBe(false);
    });
  });

  it('starts afresh for a new hand in the slot', () => {
    const selector = new ContactSelector(['fingertips', 'knuckles']);
    run(
      selector,
      repeat(2, () => hand(1, { fingertips: 0, knuckles: 0.2 })),
    );
    // A different hand: its first frame's posture is not yet steady.
    expect(run(selector, [hand(2, { fingertips: 0.2, knuckles: 0 })], 80)).toEqual([null]);
    expect(run(selector, [hand(2, { fingertips: 0.2, knuckles: 0 })], 120)).toEqual(['knuckles']);
  });

  it('keeps hands in different slots apart', () => {
    const selector = new ContactSelector(['fingertips', 'knuckles']);
    for (let t = 0; t < 120; t += 40) {
      selector.pick(0, hand(1, { fingertips: 0, knuckles: 0.3 }), t, toLine);
      selector.pick(1, hand(2, { fingertips: 0.3, knuckles: 0 }), t, toLine);
    }
    expect(selector.pick(0, hand(1, { fingertips: 0, knuckles: 0.3 }), 120, toLine)?.effector).toBe(
      'fingertips',
    );
    expect(selector.pick(1, hand(2, { fingertips: 0.3, knuckles: 0 }), 120, toLine)?.effector).toBe(
      'knuckles',
    );
  });

  it('gives the smoothed point of the chosen effector', () => {
    const selector = new ContactSelector(['fingertips']);
    const slot = hand(1, { fingertips: 0.03 });
    selector.pick(0, slot, 0, toLine);
    const contact = selector.pick(0, slot, 40, toLine);
    expect(contact?.point).toBe(slot.smoothed.get('fingertips'));
  });
});
