import { describe, expect, it } from 'vitest';
import {
  DROPOUT_MS,
  LIFT_MS,
  type PathContact,
  RETURN_WINDOW_MS,
  STROKE_TUNING,
  type StrokeAttempt,
  StrokeTracker,
} from '../../src/core/stroke-tracker';

/**
 * Feeds positions along the path at 40 ms per frame; "off" is the hand seen off the path (lifted
 * away), null a frame without the hand.
 */
function feed(
  tracker: StrokeTracker,
  positions: (number | 'off' | null)[],
  startT = 0,
  pinch = false,
  palm = 1,
): StrokeAttempt[] {
  const attempts: StrokeAttempt[] = [];
  positions.forEach((s, i) => {
    const sample = s === null || s === 'off' ? s : { s, pinch, distance: 0, palm };
    const attempt = tracker.update(startT + i * 40, sample);
    if (attempt) attempts.push(attempt);
  });
  return attempts;
}

const ramp = (from: number, to: number, frames: number) =>
  Array.from({ length: frames }, (_, i) => from + ((to - from) * i) / (frames - 1));
const away = (frames: number) => Array<'off'>(frames).fill('off');
const lost = (frames: number) => Array<null>(frames).fill(null);
const verdicts = (attempts: StrokeAttempt[]) => attempts.map((a) => a.verdict);

/** Feeds full contact samples at `frameMs` (40 ms) per frame. */
function feedContacts(
  tracker: StrokeTracker,
  samples: (Partial<PathContact> & { s: number })[],
  startT = 0,
  frameMs = 40,
): StrokeAttempt[] {
  return samples.flatMap((sample, i) => {
    const attempt = tracker.update(startT + i * frameMs, {
      pinch: false,
      distance: 0,
      palm: 1,
      ...sample,
    });
    return attempt ? [attempt] : [];
  });
}

/**
 * Up the path in 8 frames at `upDistance` from it, then back down from `backFrom` in `backFrames`
 * frames at `backDistance`, then 40 frames away: the attempts judged.
 */
function upThenBack(
  tracker: StrokeTracker,
  upDistance: number,
  backDistance: number,
  backFrom = 1,
  backFrames = 8,
): StrokeAttempt[] {
  const backAt = 320;
  return [
    ...feedContacts(
      tracker,
      ramp(0, 1, 8).map((s) => ({ s, distance: upDistance })),
    ),
    ...feedContacts(
      tracker,
      ramp(backFrom, 0, backFrames).map((s) => ({ s, distance: backDistance })),
      backAt,
    ),
    ...feed(tracker, away(60), backAt + backFrames * 40),
  ];
}

describe('StrokeTracker', () => {
  it('judges a full stroke in the path direction good, and the reverse wrong-direction', () => {
    expect(
      feed(new StrokeTracker(STROKE_TUNING.glide), [...ramp(0, 1, 25), ...away(12)]).map(
        (a) => a.verdict,
      ),
    ).toEqual(['good']);
    expect(
      feed(new StrokeTracker(STROKE_TUNING.glide), [...ramp(1, 0, 25), ...away(12)]).map(
        (a) => a.verdict,
      ),
    ).toEqual(['wrong-direction']);
  });

  it('ignores the return right after a stroke when the hand is off the skin, not when it is on it', () => {
    const lifted = new StrokeTracker(STROKE_TUNING.glide);
    const stroke = feed(lifted, [...ramp(0, 1, 25), 'off', 'off', 'off']);
    const back = feed(lifted, [...ramp(1, 0, 10), ...away(12)], 2000, false, 1.12);
    expect([...stroke, ...back].map((a) => a.verdict)).toEqual(['good']);
    const onSkin = feed(new StrokeTracker(STROKE_TUNING.glide), [
      ...ramp(0, 1, 25),
      ...ramp(1, 0, 10),
      ...away(12),
    ]);
    expect(onSkin.map((a) => a.verdict)).toEqual(['good', 'wrong-direction']);
  });

  it('calls a real but short try too short, and ignores a small slide', () => {
    const tracker = new StrokeTracker(STROKE_TUNING.glide);
    expect(feed(tracker, [...ramp(0, 0.35, 10), ...away(12)]).map((a) => a.verdict)).toEqual([
      'too-short',
    ]);
    expect(feed(tracker, [...ramp(0.5, 0.62, 10), ...away(12)], 5000)).toEqual([]);
  });

  it('counts a brisk flick seen in two frames at 8 a second whole, but not a slow short push', () => {
    // Frames every 125 ms: the hand under the chin, a flick seen mid-way twice, then lifted.
    const at8fps = (positions: (number | 'off')[]) => {
      const tracker = new StrokeTracker(STROKE_TUNING.flick);
      const attempts = positions.flatMap((s, i) => {
        const sample = s === 'off' ? s : { s, pinch: false, distance: 0, palm: 1 };
        const attempt = tracker.update(i * 125, sample);
        return attempt ? [attempt] : [];
      });
      return verdicts([...attempts, ...tracker.flush()]);
    };
    // 0.3 of the path seen, below the 0.35 a flick needs: the rest went by between frames.
    expect(at8fps([...away(4), 0.3, 0.6, ...away(10)])).toEqual(['good']);
    // The same 0.3 pushed slowly, seen in eight frames: no part of it went unseen. Too short.
    expect(at8fps([...away(4), ...ramp(0.3, 0.6, 8), ...away(10)])).toEqual(['too-short']);
  });

  it('bridges short hand dropouts inside one stroke', () => {
    const positions = ramp(0, 1, 25).map((s, i) => (i % 3 === 1 ? null : s));
    expect(
      feed(new StrokeTracker(STROKE_TUNING.glide), [...positions, ...away(12)]).map(
        (a) => a.verdict,
      ),
    ).toEqual(['good']);
  });

  it('needs the press held at the end when the step has a hold', () => {
    const tuning = { ...STROKE_TUNING.glide, holdMs: 600 };
    const held = feed(new StrokeTracker(tuning), [
      ...ramp(0, 1, 20),
      ...Array(20).fill(1),
      ...away(12),
    ]);
    expect(held.map((a) => a.verdict)).toEqual(['good']);
    const lifted = feed(new StrokeTracker(tuning), [...ramp(0, 1, 20), ...away(12)]);
    expect(lifted.map((a) => a.verdict)).toEqual(['no-hold']);
  });

  it('reports how much of the hold is done', () => {
    const tracker = new StrokeTracker({ ...STROKE_TUNING.glide, holdMs: 800 });
    feed(tracker, [...ramp(0, 1, 20), ...Array(10).fill(1)]);
    // The hold counts from entering the last fifth of the path (frame 16 at 0.84) to frame 29.
    expect(tracker.holdProgress(29 * 40)).toBeCloseTo((13 * 40) / 800, 6);
  });

  it('times flicks and needs pinches for pinch strokes', () => {
    expect(
      feed(new StrokeTracker(STROKE_TUNING.flick), [...ramp(0, 1, 40), ...away(40)]).map(
        (a) => a.verdict,
      ),
    ).toEqual(['too-slow']);
    expect(
      feed(new StrokeTracker(STROKE_TUNING.pinch), [...ramp(0, 1, 30), ...away(12)]).map(
        (a) => a.verdict,
      ),
    ).toEqual(['no-pinch']);
  });

  it('puts a floor under the travel needed on a short path', () => {
    const tracker = new StrokeTracker(STROKE_TUNING.glide);
    tracker.setPathLength(0.15); // a tenth of a face width is two thirds of this path
    expect(feed(tracker, [...ramp(0, 0.55, 15), ...away(12)]).map((a) => a.verdict)).toEqual([
      'too-short',
    ]);
  });

  it('keeps a hold longer than the stall time as part of the stroke', () => {
    const tuning = { ...STROKE_TUNING.glide, holdMs: 1000 };
    expect(tuning.stallMs).toBeLessThan(1000);
    const held = feed(new StrokeTracker(tuning), [
      ...ramp(0, 1, 20),
      ...Array(30).fill(1),
      ...away(5),
    ]);
    expect(verdicts(held)).toEqual(['good']);
  });

  it('ends a stroke when the hand stops moving', () => {
    const tracker = new StrokeTracker(STROKE_TUNING.glide);
    const stopped = feed(tracker, [...ramp(0, 1, 20), ...Array(30).fill(1)]);
    expect(verdicts(stopped)).toEqual(['good']);
    expect(stopped[0]?.endT).toBe(19 * 40);
  });

  it('does not join two pieces across a jump along the path', () => {
    const tracker = new StrokeTracker(STROKE_TUNING.glide);
    expect(feed(tracker, [...ramp(0, 0.3, 8), ...ramp(0.9, 1, 4), ...away(5)])).toEqual([]);
  });

  it('starts afresh where a contact jumped off a point held past the path end', () => {
    // Fingers across the chin from the side: the index tip rests past the path's start while the
    // fingertips reach the lip; followed from there, they flick down.
    const flickDown = (jumped: boolean) => {
      const tracker = new StrokeTracker(STROKE_TUNING.flick);
      tracker.setPathLength(0.16);
      return verdicts([
        ...feed(tracker, Array(6).fill(0)),
        ...feedContacts(tracker, [{ s: 0.85, jumped }, { s: 0.6 }, { s: 0.3 }, { s: 0 }], 240),
        ...feed(tracker, away(40), 400),
      ]);
    };
    expect(flickDown(true)).toEqual(['wrong-direction']);
    // Read as one contact, the same samples are a flick up and its return.
    expect(flickDown(false)).toEqual(['good']);
  });

  it('keeps a brisk stroke whole across a frame placed off the path, its stride split in two', () => {
    // At 8 frames a second a brisk glide covers 0.3 of the path a frame; the middle frame lands
    // off the path (a leap of distance, dropped), so the hand seems to stride 0.6 at once.
    const brisk = (middle: number) => {
      const tracker = new StrokeTracker(STROKE_TUNING.glide);
      const frames = [0, 0.05, 0.35, middle, 0.95, 1].map((s, i) => ({
        s,
        distance: i === 3 ? 0.1 : 0.02,
      }));
      return verdicts([...feedContacts(tracker, frames, 0, 125), ...feed(tracker, away(10), 750)]);
    };
    expect(brisk(0.65)).toEqual(['good']);
    // Placed back toward the start, the dropped frame is no half of a stride: the jump cuts.
    expect(brisk(0.1)).toEqual([]);
  });

  it('gives no verdict to a movement that never comes near the path: the hand passing in the air', () => {
    // The hand is first found at the far end and goes back, always a little off the path.
    const back = (distance: number) => {
      const tracker = new StrokeTracker(STROKE_TUNING.glide);
      return verdicts([
        ...feedContacts(
          tracker,
          ramp(1, 0.1, 12).map((s) => ({ s, distance })),
        ),
        ...feed(tracker, away(10), 480),
      ]);
    };
    expect(back(0.06)).toEqual([]);
    // As near as a stroke on the skin comes at least once, it is a reversed stroke.
    expect(back(0.04)).toEqual(['wrong-direction']);
  });

  it('waits for the hand through a dropout, and ends the stroke when it stays away', () => {
    const tracker = new StrokeTracker(STROKE_TUNING.glide);
    const frames = Math.floor(DROPOUT_MS / 40);
    expect(feed(tracker, [...ramp(0, 1, 20), ...lost(frames)])).toEqual([]);
    expect(tracker.inStroke).toBe(true);
    expect(verdicts(feed(tracker, lost(2), 20 * 40 + frames * 40))).toEqual(['good']);
    expect(tracker.inStroke).toBe(false);
  });

  it('judges no short piece cut off by lost tracking, only one seen to its end', () => {
    const cut = new StrokeTracker(STROKE_TUNING.glide);
    expect(feed(cut, [...ramp(0, 0.35, 10), ...lost(20)])).toEqual([]);
    const lifted = new StrokeTracker(STROKE_TUNING.glide);
    expect(verdicts(feed(lifted, [...ramp(0, 0.35, 10), ...away(5)]))).toEqual(['too-short']);
  });

  it('rides out a wobble off the path shorter than a lift', () => {
    const tracker = new StrokeTracker(STROKE_TUNING.glide);
    const wobble = Math.max(1, Math.floor(LIFT_MS / 40) - 1);
    const attempts = feed(tracker, [
      ...ramp(0, 0.5, 10),
      ...away(wobble),
      ...ramp(0.5, 1, 10),
      ...away(5),
    ]);
    expect(verdicts(attempts)).toEqual(['good']);
  });

  it('starts afresh when the hand comes back nearer the start after a dropout', () => {
    const tracker = new StrokeTracker(STROKE_TUNING.glide);
    const attempts = feed(tracker, [...ramp(0, 1, 20), ...lost(5), ...ramp(0, 1, 20), ...away(5)]);
    expect(verdicts(attempts)).toEqual(['good', 'good']);
  });

  it('credits the stroke that set off while the hand was unseen', () => {
    const tracker = new StrokeTracker(STROKE_TUNING.flick);
    tracker.setPathLength(0.3);
    // Resting at the start, lost for a moment as the flick begins, seen again halfway.
    const attempts = feed(tracker, [
      ...Array(15).fill(0),
      ...lost(4),
      ...ramp(0.5, 1, 3),
      ...away(40),
    ]);
    expect(verdicts(attempts)).toEqual(['good']);
  });

  it('credits a stroke that set off unseen right after the resting hand was given up on', () => {
    const tracker = new StrokeTracker(STROKE_TUNING.glide);
    // Resting at the start until the tracker stops waiting for it (its stall time), lost for a
    // moment as the glide sets off, seen again halfway: one whole stroke from the start, though
    // what was seen of it is too short for one.
    const attempts = feed(tracker, [
      ...Array(19).fill(0.05),
      ...lost(5),
      ...ramp(0.5, 0.9, 8),
      ...away(12),
    ]);
    expect(verdicts(attempts)).toEqual(['good']);
    expect(attempts[0]?.startT).toBe(18 * 40);
  });

  it('gives "too short" only to an attempt seen from touch-down to lift-off', () => {
    const short = ramp(0.3, 0.65, 8);
    // Seen whole, lifting off in view, even if the hand then leaves the picture.
    const whole = new StrokeTracker(STROKE_TUNING.glide);
    expect(verdicts(feed(whole, [...short, ...away(2), ...lost(20)]))).toEqual(['too-short']);
    // The hand came into view already on the path: its start went unseen.
    const appeared = new StrokeTracker(STROKE_TUNING.glide);
    const pieces = feedContacts(appeared, [
      { s: 0.3, appeared: true },
      ...short.slice(1).map((s) => ({ s })),
    ]);
    expect(verdicts([...pieces, ...feed(appeared, away(6), 400)])).toEqual([]);
    // It vanished without being seen to leave: its end went unseen.
    const vanished = new StrokeTracker(STROKE_TUNING.glide);
    expect(verdicts(feed(vanished, [...short, ...lost(20)]))).toEqual([]);
  });

  it('takes a movement back, growing toward the camera, after an unjudged piece for its return', () => {
    const tracker = new StrokeTracker(STROKE_TUNING.glide);
    const piece = feedContacts(tracker, [
      { s: 0.6, appeared: true },
      ...ramp(0.6, 0.97, 8)
        .slice(1)
        .map((s) => ({ s })),
    ]);
    // Back along the path within the return window, the palm growing as it comes off the skin.
    const back = ramp(0.97, 0.1, 12).map((s, i) => ({ s, palm: 1 + 0.03 * i }));
    const attempts = [...piece, ...feedContacts(tracker, back, 400), ...tracker.flush()];
    expect(verdicts(attempts)).toEqual([]);
  });

  it('keeps one stroke whole at four frames a second, where every frame is longer than a short dropout', () => {
    const tracker = new StrokeTracker(STROKE_TUNING.glide);
    const attempts: StrokeAttempt[] = [];
    // A wobble back of 0.16 between two frames, with no frame missed in between.
    [0, 0.3, 0.6, 0.44, 0.8, 1, 'off', 'off', 'off'].forEach((s, i) => {
      const sample = s === 'off' ? s : { s: Number(s), pinch: false, distance: 0, palm: 1 };
      const attempt = tracker.update(i * 250, sample);
      if (attempt) attempts.push(attempt);
    });
    expect(verdicts(attempts)).toEqual(['good']);
  });

  it('takes a movement that closes in on the path as the hand coming in, not a stroke', () => {
    // Against the arrow, closing in from 0.1 face widths: getting into position.
    const closing = (from: number, to: number) =>
      ramp(from, to, 12).map((s, i) => ({ s, distance: 0.1 - (0.1 * i) / 11 }));
    const coming = new StrokeTracker(STROKE_TUNING.glide);
    expect(
      verdicts(feedContacts(coming, [...closing(0.7, 0), ...ramp(0, 1, 20).map((s) => ({ s }))])),
    ).toEqual([]);
    expect(verdicts(coming.flush())).toEqual(['good']);
    // The same movement at one distance from the path is a reversed stroke on the skin.
    const onSkin = new StrokeTracker(STROKE_TUNING.glide);
    feedContacts(
      onSkin,
      ramp(0.7, 0, 12).map((s) => ({ s, distance: 0.04 })),
    );
    expect(verdicts(onSkin.flush())).toEqual(['wrong-direction']);
    // Coming in after a turn: the way back in is measured from where the hand turned.
    const turned = new StrokeTracker(STROKE_TUNING.glide);
    const out = ramp(0.3, 0.7, 8).map((s, i) => ({ s, distance: 0.04 + (0.06 * i) / 7 }));
    const back = ramp(0.7, 0, 12)
      .map((s, i) => ({ s, distance: 0.07 - (0.07 * i) / 11 }))
      .slice(1);
    expect(verdicts([...feedContacts(turned, [...out, ...back]), ...turned.flush()])).toEqual([
      'too-short',
    ]);
    // Come in lifted to the far end, settled onto the skin there, then slid back: the slide is
    // measured from where the hand settled, and is a reversed stroke.
    const settled = new StrokeTracker(STROKE_TUNING.glide);
    const arrive = ramp(0.6, 1, 4).map((s, i) => ({ s, distance: 0.12, appeared: i === 0 }));
    const settle = [0.08, 0.04, 0.01].map((distance) => ({ s: 1, distance }));
    const slide = ramp(1, 0, 12).map((s) => ({ s, distance: 0.01 }));
    const attempts = [
      ...feedContacts(settled, [...arrive, ...settle, ...slide]),
      ...settled.flush(),
    ];
    expect(verdicts(attempts)).toEqual(['wrong-direction']);
    // The right way, a short piece closing in gets no hint; a full stroke still counts.
    const short = new StrokeTracker(STROKE_TUNING.glide);
    feedContacts(short, closing(0.0, 0.35));
    expect(verdicts(short.flush())).toEqual([]);
    const full = new StrokeTracker(STROKE_TUNING.glide);
    feedContacts(full, closing(0.0, 1));
    expect(verdicts(full.flush())).toEqual(['good']);
  });

  it('judges a reversed stroke that touched down beside the path wrong-direction, and not its return', () => {
    // As recorded live: the hand lands a little off the path and nearer the camera, settles onto
    // the skin and glides the whole way against the arrow; lifted, it goes back up off the skin.
    const tracker = new StrokeTracker(STROKE_TUNING.glide);
    const landing = [
      { s: 1, distance: 0.09, palm: 1.2 },
      { s: 0.94, distance: 0.03, palm: 1.1 },
    ];
    const glide = ramp(0.85, 0.05, 8).map((s, i) => ({
      s,
      distance: 0.02 + 0.01 * ((i + 1) % 2),
      palm: 1,
    }));
    const back = ramp(0.05, 1, 6).map((s, i) => ({
      s,
      distance: 0.03 + 0.02 * i,
      palm: 1.2 + 0.02 * i,
    }));
    const attempts = [
      ...feedContacts(tracker, [...landing, ...glide]),
      ...feed(tracker, away(5), 400),
      ...feedContacts(tracker, back, 600),
      ...feed(tracker, away(5), 840),
      ...tracker.flush(),
    ];
    expect(verdicts(attempts)).toEqual(['wrong-direction']);
    // Coming in to the start instead: near the path early on, but the palm shrinking until the
    // end, as the hand comes down to the skin only there: no stroke.
    const comingIn = new StrokeTracker(STROKE_TUNING.glide);
    const approach = ramp(0.7, 0, 10).map((s, i) => ({
      s,
      distance: Math.max(0.01, 0.1 - 0.03 * i),
      palm: i < 6 ? 1.12 - 0.01 * i : 1.06 - 0.03 * (i - 5),
    }));
    feedContacts(comingIn, approach);
    expect(verdicts(comingIn.flush())).toEqual([]);
  });

  /**
   * A stroke from `from` to `to` on the skin, the hand lost from 1 s until `backAt`, then seen
   * going back the other way with the palm `palm` times the stroke's: the verdicts.
   */
  const strokeLostThenBack = (
    from: number,
    to: number,
    back: number[],
    palm: number,
    backAt: number,
  ) => {
    const tracker = new StrokeTracker(STROKE_TUNING.glide);
    return verdicts([
      ...feed(tracker, [...ramp(from, to, 20), ...away(5)]),
      ...feed(tracker, lost((backAt - 1000) / 40), 1000),
      ...feedContacts(
        tracker,
        back.map((s) => ({ s, palm })),
        backAt,
      ),
      ...tracker.flush(),
    ]);
  };

  it('takes a movement back well off the skin for a return, even after a stroke went unseen', () => {
    // A stroke, then 1.8 s in which the next one is not seen, then the hand going back a fifth
    // larger (lifted toward the camera): its return, no verdict.
    const strokeThenBack = (palm: number, backAt: number) =>
      strokeLostThenBack(0, 1, ramp(1, 0.1, 12), palm, backAt);
    expect(strokeThenBack(1.2, 2800)).toEqual(['good']);
    // Only a little larger, it is a reversed stroke on the skin.
    expect(strokeThenBack(1.1, 2800)).toEqual(['good', 'wrong-direction']);
    // And seconds later, even a large palm says nothing of a stroke long gone.
    expect(strokeThenBack(1.2, 4200)).toEqual(['good', 'wrong-direction']);
  });

  it('never counts the hand going back up in the air good, seconds after a wrong-way stroke', () => {
    // A stroke the wrong way, then over three seconds with the hand lost at the face (the next
    // wrong-way stroke unseen), then the hand going back the arrow's way a fifth larger: lifted.
    const wrongThenBack = (palm: number, backAt: number) =>
      strokeLostThenBack(1, 0, ramp(0.05, 0.95, 12), palm, backAt);
    expect(wrongThenBack(1.2, 4400)).toEqual(['wrong-direction']);
    // On the skin, palm as before, it is a good stroke at last.
    expect(wrongThenBack(1.05, 4400)).toEqual(['wrong-direction', 'good']);
    // Long after, the palm of that wrong-way stroke no longer tells.
    expect(wrongThenBack(1.2, 7200)).toEqual(['wrong-direction', 'good']);
  });

  it('after a wrong-way stroke, counts the arrow’s way only when it glides on the skin', () => {
    // The palm comes down to the skin's size only in the last fifth of the way: in the air until
    // then, over the path (the hand lifted to go back, seen long after the last stroke judged).
    const descent = (from: number, to: number) => (s: number) =>
      s < from ? 1.25 : s >= to ? 1 : 1.25 - (0.25 * (s - from)) / (to - from);
    const run = (palmAt: (s: number) => number, wrongFirst: boolean) => {
      const tracker = new StrokeTracker(STROKE_TUNING.glide);
      const before = wrongFirst ? feed(tracker, [...ramp(1, 0, 20), ...away(5)]) : [];
      return verdicts([
        ...before,
        ...feedContacts(
          tracker,
          ramp(0.05, 0.95, 14).map((s) => ({ s, palm: palmAt(s) })),
          8000,
        ),
        ...tracker.flush(),
      ]);
    };
    expect(run(descent(0.7, 0.8), true)).toEqual(['wrong-direction']);
    // Down on the skin early, it glides there for most of its way: a stroke.
    expect(run(descent(0.05, 0.25), true)).toEqual(['wrong-direction', 'good']);
    // With no wrong-way stroke before, a stroke that touches down late is still judged.
    expect(run(descent(0.7, 0.8), false)).toEqual(['good']);
  });

  it('measures a hand coming back in against the palm it had on the skin just before', () => {
    // A short slide on the skin, then lifted at its end (nearer the camera) and brought back in
    // toward the start, closing in on the path with the palm still large: not on the skin.
    const tracker = new StrokeTracker(STROKE_TUNING.glide);
    const slide = ramp(0.55, 0.8, 7).map((s) => ({ s, distance: 0.01 }));
    const lifted = [0.12, 0.12].map((distance) => ({ s: 0.8, distance, palm: 1.2 }));
    const back = ramp(0.75, 0.1, 10).map((s, i) => ({
      s,
      distance: Math.max(0.02, 0.1 - 0.04 * i),
      palm: 1.2,
    }));
    const attempts = [...feedContacts(tracker, [...slide, ...lifted, ...back]), ...tracker.flush()];
    expect(verdicts(attempts)).toEqual([]);
    // The palm of a movement seconds before says nothing of the skin now (the head may have come
    // nearer): a reversed glide touching down beside the path is judged on its own palm.
    const later = new StrokeTracker(STROKE_TUNING.glide);
    const earlier = ramp(0.55, 0.8, 7).map((s) => ({ s, distance: 0.01, palm: 0.8 }));
    const reversed = ramp(1, 0.1, 10).map((s, i) => ({ s, distance: i === 0 ? 0.1 : 0.02 }));
    const laterAttempts = [
      ...feedContacts(later, earlier),
      ...feed(later, away(5), 280),
      ...feedContacts(later, reversed, 3000),
      ...later.flush(),
    ];
    expect(verdicts(laterAttempts)).toEqual(['wrong-direction']);
  });

  it('gives no verdict to a hand that arrives through the air at the far end and only slides back', () => {
    // Frames every 150 ms, as on a busy machine: the hand a quarter face width off the path, then
    // at the path's far end; it rests there and slides back along the skin, against the arrow.
    const tracker = new StrokeTracker(STROKE_TUNING.glide);
    const contact = (s: number, distance = 0.005) => ({ s, pinch: false, distance, palm: 1 });
    const attempts: StrokeAttempt[] = [];
    const at = (i: number) => 1000 + i * 150;
    tracker.update(at(0), null);
    const arrived = tracker.update(at(1), contact(1, 0.03), { t: at(0), s: 0.52, distance: 0.24 });
    if (arrived) attempts.push(arrived);
    const rest = [1, 1, ...ramp(1, 0, 8)].map((s) => contact(s));
    rest.forEach((sample, i) => {
      const attempt = tracker.update(at(i + 2), sample);
      if (attempt) attempts.push(attempt);
    });
    for (let i = 0; i < 6; i++) {
      const attempt = tracker.update(at(i + 12), 'off');
      if (attempt) attempts.push(attempt);
    }
    expect(verdicts(attempts)).toEqual(['wrong-direction']);
  });

  it('takes a movement back that rises off the skin as it goes, no stroke seen before it, for the hand lifting away', () => {
    // Found only at the far end of a stroke it made unseen, the hand goes back: off the path
    // (`offBy` face widths by the end) and, when `grows`, toward the camera (a quarter larger).
    const back = (offBy: number, grows: boolean) => {
      const tracker = new StrokeTracker(STROKE_TUNING.glide);
      const samples = ramp(0.9, 0, 9).map((s, i) => ({
        s,
        distance: 0.02 + (offBy * i) / 8,
        palm: grows ? 1 + Math.max(0, (i - 3) / 5) * 0.25 : 1,
      }));
      const attempts = feedContacts(tracker, samples, 1000, 67);
      for (let i = 0; i < 10; i++) {
        const attempt = tracker.update(1000 + (9 + i) * 67, 'off');
        if (attempt) attempts.push(attempt);
      }
      return verdicts(attempts);
    };
    expect(back(0.1, true)).toEqual([]);
    // On the skin all the way, the palm misjudged larger: a wrong-way stroke.
    expect(back(0, true)).toEqual(['wrong-direction']);
    // Going off the path a little with the palm as on the skin: a wrong-way stroke too.
    expect(back(0.1, false)).toEqual(['wrong-direction']);
  });

  it('judges a way back by how far it went on the skin, not where it rose off to', () => {
    // A brisk stroke, then at once back down the path in three frames, the last `lastOffBy` face
    // widths off the path: the hand sliding a little as it lifts away, its palm not yet grown.
    const strokeThenBack = (lastOffBy: number) => {
      const tracker = new StrokeTracker(STROKE_TUNING.glide);
      const samples = [
        ...ramp(0, 0.8, 9).map((s) => ({ s, distance: 0.015 })),
        { s: 0.5, distance: 0.015 },
        { s: 0.25, distance: lastOffBy },
      ];
      const attempts = feedContacts(tracker, samples, 1000, 67);
      for (let i = 0; i < 10; i++) {
        const attempt = tracker.update(1000 + (samples.length + i) * 67, 'off');
        if (attempt) attempts.push(attempt);
      }
      return verdicts(attempts);
    };
    expect(strokeThenBack(0.08)).toEqual(['good']);
    expect(strokeThenBack(0.02)).toEqual(['good', 'wrong-direction']);
  });

  it('gives no good verdict to a hand that rises off the path as it goes the arrow’s way', () => {
    // A little way on the skin, then on up the path as it leaves it (`offBy` face widths by the
    // end), its palm growing by `grows` toward the camera: the hand going back in the air to start
    // a stroke the wrong way.
    const onUp = (offBy: number, grows: number) => {
      const tracker = new StrokeTracker(STROKE_TUNING.glide);
      const samples = [0.3, 0.22, 0.15, ...ramp(0.25, 0.92, 9)].map((s, i) => {
        const risen = Math.max(0, i - 3) / 8;
        return { s, distance: 0.01 + offBy * risen, palm: 1 + grows * risen };
      });
      const attempts = feedContacts(tracker, samples, 1000, 67);
      for (let i = 0; i < 10; i++) {
        const attempt = tracker.update(1000 + (samples.length + i) * 67, 'off');
        if (attempt) attempts.push(attempt);
      }
      return verdicts(attempts);
    };
    expect(onUp(0.13, 0.3)).toEqual([]);
    expect(onUp(0, 0)).toEqual(['good']);
    // Drifting off the path with the palm as on the skin (the head turning): still on the skin.
    expect(onUp(0.13, 0)).toEqual(['good']);
  });

  it('still counts a flick that leaves the skin as it ends, and calls a short slide rising as it goes too short', () => {
    // Up the path in six frames to `to`, rising 0.15 face widths off it with the palm growing by
    // 30% toward the camera, then away.
    const rising = (tuning: (typeof STROKE_TUNING)[keyof typeof STROKE_TUNING], to: number) => {
      const tracker = new StrokeTracker(tuning);
      const samples = ramp(0, to, 6).map((s, i) => ({
        s,
        distance: 0.01 + (0.15 * i) / 5,
        palm: 1 + (0.3 * i) / 5,
      }));
      return verdicts([
        ...feedContacts(tracker, samples, 1000, 50),
        ...feed(tracker, away(40), 1300),
      ]);
    };
    // A chin flick flicks up and off the skin: it is judged all the same.
    expect(rising(STROKE_TUNING.flick, 1)).toEqual(['good']);
    // A glide rising like that is the hand going away: no verdict…
    expect(rising(STROKE_TUNING.glide, 1)).toEqual([]);
    // …but one that set off and stopped short still hears that it was too short.
    expect(rising(STROKE_TUNING.glide, 0.35)).toEqual(['too-short']);
  });

  it('after a wrong-way stroke, counts no good for a way forward whose palm grows as it goes', () => {
    // A wrong-way stroke, the hand away for 2 s, then up the path with its palm growing by `grows`
    // (the hand rising off the skin as it goes back for the next wrong-way stroke), near the path.
    const wrongThenUp = (grows: number) => {
      const tracker = new StrokeTracker(STROKE_TUNING.glide);
      const attempts = feedContacts(
        tracker,
        ramp(0.9, 0.05, 10).map((s) => ({ s, distance: 0.005 })),
        1000,
        67,
      );
      for (let i = 0; i < 30; i++) {
        const attempt = tracker.update(1000 + (10 + i) * 67, 'off');
        if (attempt) attempts.push(attempt);
      }
      const up = ramp(0.1, 0.95, 8).map((s, i) => ({
        s,
        distance: 0.01,
        palm: 1 + (grows * i) / 7,
      }));
      attempts.push(...feedContacts(tracker, up, 1000 + 40 * 67, 67));
      for (let i = 0; i < 10; i++) {
        const attempt = tracker.update(1000 + (48 + i) * 67, 'off');
        if (attempt) attempts.push(attempt);
      }
      return verdicts(attempts);
    };
    expect(wrongThenUp(0.25)).toEqual(['wrong-direction']);
    expect(wrongThenUp(0)).toEqual(['wrong-direction', 'good']);
  });

  it('takes a movement that comes down onto the skin only as it ends for the hand coming in', () => {
    // Closing in on the path the arrow's way, the palm shrinking over the second half of the way
    // (the hand going away from the camera, down to the skin): coming in, then a reversed slide.
    const comingIn = (palmAt: (i: number) => number) =>
      ramp(0.1, 0.85, 12).map((s, i) => ({ s, distance: 0.1 - (0.092 * i) / 11, palm: palmAt(i) }));
    const slide = ramp(0.85, 0.1, 12).map((s) => ({ s, distance: 0.005 }));
    const landedLate = new StrokeTracker(STROKE_TUNING.glide);
    const late = comingIn((i) => (i < 7 ? 1.15 : 1.15 - (0.15 * (i - 6)) / 5));
    const lateAttempts = [...feedContacts(landedLate, [...late, ...slide]), ...landedLate.flush()];
    expect(verdicts(lateAttempts)).toEqual(['wrong-direction']);
    // Come down at the start, then glided the whole way on the skin: a stroke.
    const landedEarly = new StrokeTracker(STROKE_TUNING.glide);
    const early = comingIn((i) => (i < 3 ? 1.15 - 0.075 * i : 1));
    const earlyAttempts = [
      ...feedContacts(landedEarly, [...early, ...slide]),
      ...landedEarly.flush(),
    ];
    expect(verdicts(earlyAttempts)).toEqual(['good', 'wrong-direction']);
  });

  describe('a hand that comes into view on the path already moving the arrow’s way', () => {
    // Seen first a fifth of the way along, going up to the top (no approach from beside the path
    // to tell it by), then at once back down on the skin: a reversed stroke, or a stroke and a
    // slide back. Which of the two was in the air tells them apart.
    const wayIn = (palm: number, distance: number) =>
      ramp(0.2, 0.92, 10).map((s, i) => ({ s, distance, palm, appeared: i === 0 }));
    const wayBack = ramp(0.92, 0.05, 14).map((s) => ({ s, distance: 0.006, palm: 1 }));
    const judge = (palm: number, distance: number) => {
      const tracker = new StrokeTracker(STROKE_TUNING.glide);
      const samples = [...wayIn(palm, distance), ...wayBack];
      return verdicts([...feedContacts(tracker, samples, 0, 66), ...tracker.flush()]);
    };

    it('was coming in through the air when the way back is nearer the path and farther from the camera', () => {
      expect(judge(1.09, 0.025)).toEqual(['wrong-direction']);
    });

    it('made a stroke when it was as much on the skin as the way back', () => {
      expect(judge(1.09, 0.014)).toEqual(['good', 'wrong-direction']);
      expect(judge(1.02, 0.025)).toEqual(['good', 'wrong-direction']);
    });

    it('waits for the way back before its verdict, and goes out on its own when none follows', () => {
      const tracker = new StrokeTracker(STROKE_TUNING.glide);
      const stroke = feedContacts(
        tracker,
        [...wayIn(1, 0.006), ...away(4).map(() => ({ s: 0.92 }))],
        0,
        66,
      );
      expect(stroke).toEqual([]);
      const after = [...feed(tracker, away(10), 1000), ...feed(tracker, lost(10), 1400)];
      expect(verdicts(after)).toEqual(['good']);
    });
  });
  it('measures the palm growth of a return from its smallest palm, not a first frame sized wrong', () => {
    const tracker = new StrokeTracker(STROKE_TUNING.glide);
    // A reversed stroke on the skin, the hand lifted, then found again with its palm sized too
    // big for one frame and going back up the path growing toward the camera.
    const stroke = ramp(1, 0, 20).map((s) => ({ s, palm: 1.2 }));
    const back = ramp(0, 1, 12).map((s, i) => ({ s, palm: i === 0 ? 1.45 : 0.95 + 0.03 * i }));
    const attempts = [
      ...feedContacts(tracker, stroke),
      ...feed(tracker, away(4), 800),
      ...feedContacts(tracker, back, 1000),
      ...feed(tracker, away(4), 1480),
    ];
    expect(verdicts(attempts)).toEqual(['wrong-direction']);
  });

  it('does not credit a hand seen lifting off with a stroke from where it vanished', () => {
    const tracker = new StrokeTracker(STROKE_TUNING.glide);
    // A reversed stroke, the hand seen off the path, lost for 0.2 s, then found further along.
    const attempts = feed(tracker, [
      ...ramp(1, 0.1, 20),
      'off',
      ...lost(5),
      ...ramp(0.45, 0.75, 5),
      ...away(6),
    ]);
    expect(verdicts(attempts)).toEqual(['wrong-direction']);
  });

  it('starts a stroke where the hand was just beside the path', () => {
    const tracker = new StrokeTracker(STROKE_TUNING.flick);
    tracker.setPathLength(0.3);
    expect(tracker.update(0, null)).toBeNull();
    const approach = { t: 40, s: 0, distance: 0.1 };
    tracker.update(80, { s: 0.55, pinch: false, distance: 0, palm: 1 }, approach);
    const attempts = feed(tracker, [...ramp(0.7, 1, 3), ...away(40)], 120);
    expect(verdicts(attempts)).toEqual(['good']);
    expect(attempts[0]?.startT).toBe(40);
    // An approach seen before the frame before does not count: the stroke starts where it touched down.
    const late = new StrokeTracker(STROKE_TUNING.flick);
    late.setPathLength(0.3);
    late.update(960, null);
    late.update(
      1000,
      { s: 0.55, pinch: false, distance: 0, palm: 1 },
      { t: 500, s: 0, distance: 0.1 },
    );
    const lateAttempts = feed(late, [...ramp(0.7, 1, 3), ...away(40)], 1040);
    expect(lateAttempts[0]?.startT).toBe(1000);
  });

  it('times a stroke from when the hand sets off, not from when it touched down', () => {
    const tracker = new StrokeTracker(STROKE_TUNING.flick);
    // Resting 0.8 s at the start, then a 0.3 s flick: not too slow.
    const attempts = feed(tracker, [...Array(20).fill(0), ...ramp(0, 1, 8), ...away(40)]);
    expect(verdicts(attempts)).toEqual(['good']);
    // The ramp's first frame is still at the start: the hand sets off after it.
    expect(attempts[0]?.startT).toBe(20 * 40);
  });

  it('judges a walk by where it ends, not by its steps back and forth', () => {
    const steps = [0, 0.05, 0.3, 0.22, 0.5, 0.42, 0.7, 0.62, 0.95];
    const walk = steps.flatMap((s) => Array(5).fill(s));
    expect(verdicts(feed(new StrokeTracker(STROKE_TUNING.walk), [...walk, ...away(5)]))).toEqual([
      'good',
    ]);
    const back = [...walk].reverse();
    expect(verdicts(feed(new StrokeTracker(STROKE_TUNING.walk), [...back, ...away(5)]))).toEqual([
      'wrong-direction',
    ]);
  });

  describe('a contact that leaps off the path for one frame', () => {
    const stroke = ramp(0, 0.95, 16).map((s) => ({ s, distance: 0.01 }));
    const leap = { s: 0.5, distance: 0.14 };
    const hold = (frames: number) =>
      Array.from({ length: frames }, () => ({ s: 1, distance: 0.01 }));

    it('is the hand model placing the hand wrong: the stroke goes on whole', () => {
      const tracker = new StrokeTracker(STROKE_TUNING.glide);
      const attempts = [
        ...feedContacts(tracker, [...stroke, leap, ...hold(4)]),
        ...feed(tracker, away(6), 21 * 40),
      ];
      expect(verdicts(attempts)).toEqual(['good']);
    });

    it('does not carry a short stroke to the end of the path', () => {
      const tracker = new StrokeTracker(STROKE_TUNING.glide);
      const short = ramp(0, 0.4, 8).map((s) => ({ s, distance: 0.01 }));
      const attempts = [
        ...feedContacts(tracker, [
          ...short,
          { s: 0.9, distance: 0.14 },
          { s: 0.42, distance: 0.01 },
        ]),
        ...feed(tracker, away(6), 10 * 40),
      ];
      expect(verdicts(attempts)).toEqual(['too-short']);
    });

    it('turns the stroke back when the hand goes on back, or lifts off, after it', () => {
      const goesOn = new StrokeTracker(STROKE_TUNING.glide);
      const back = ramp(0.45, 0, 8).map((s) => ({ s, distance: 0.01 }));
      const attempts = [
        ...feedContacts(goesOn, [...stroke, leap, ...back]),
        ...feed(goesOn, away(6), 25 * 40),
      ];
      expect(verdicts(attempts)).toEqual(['good', 'wrong-direction']);
      expect(attempts[1]?.startT).toBe(15 * 40);
      const lifts = new StrokeTracker(STROKE_TUNING.glide);
      const lifted = [...feedContacts(lifts, [...stroke, leap]), ...feed(lifts, away(6), 17 * 40)];
      expect(verdicts(lifted)).toEqual(['good']);
      expect(lifted[0]?.endT).toBe(15 * 40);
    });

    it('drops a single frame back against a glide too, even beside the path, but not on a flick', () => {
      const glide = new StrokeTracker(STROKE_TUNING.glide);
      const back = { s: 0.5, distance: 0.01 };
      const glided = [
        ...feedContacts(glide, [...stroke, back, ...hold(4)]),
        ...feed(glide, away(6), 21 * 40),
      ];
      expect(verdicts(glided)).toEqual(['good']);
      // A flick's way back takes a frame or two: a frame back is the way back, judged at once.
      const flick = new StrokeTracker(STROKE_TUNING.flick);
      const up = ramp(0, 1, 5).map((s) => ({ s }));
      const flicked = [
        ...feedContacts(flick, [...up, { s: 0.5 }, ...up.slice(3)]),
        ...feed(flick, away(20), 8 * 40),
      ];
      expect(verdicts([...flicked, ...flick.flush()])).toEqual(['good', 'good']);
    });

    it('is dropped from a stroke the wrong way too', () => {
      const tracker = new StrokeTracker(STROKE_TUNING.glide);
      const reversed = ramp(1, 0.05, 16).map((s) => ({ s, distance: 0.01 }));
      const attempts = [
        ...feedContacts(tracker, [...reversed, { s: 0.5, distance: 0.01 }, ...reversed.slice(-4)]),
        ...feed(tracker, away(6), 21 * 40),
      ];
      expect(verdicts(attempts)).toEqual(['wrong-direction']);
    });

    it('is taken into account on flush', () => {
      const tracker = new StrokeTracker(STROKE_TUNING.glide);
      expect(feedContacts(tracker, [...stroke, leap])).toEqual([]);
      expect(verdicts(tracker.flush())).toEqual(['good']);
    });
  });

  it('turns a glide that goes back on the skin into a second stroke', () => {
    const tracker = new StrokeTracker(STROKE_TUNING.glide);
    const attempts = feed(tracker, [...ramp(0, 1, 20), ...ramp(1, 0, 20), ...away(5)]);
    expect(verdicts(attempts)).toEqual(['good', 'wrong-direction']);
    expect(attempts[1]?.startT).toBe(19 * 40);
  });

  it('takes a movement back as the return when the palm grows during it', () => {
    const tracker = new StrokeTracker(STROKE_TUNING.glide);
    const stroke = ramp(0, 1, 20).map((s) => ({ s }));
    const back = ramp(1, 0, 12).map((s, i) => ({ s, palm: 1 + i * 0.015 }));
    const attempts = [
      ...feedContacts(tracker, stroke),
      ...feed(tracker, away(4), 800),
      ...feedContacts(tracker, back, 1000),
      ...feed(tracker, away(4), 1480),
    ];
    expect(verdicts(attempts)).toEqual(['good']);
  });

  it('measures a way back begun without a lift from the palm at the turn, so that it lifting off is seen', () => {
    const tracker = new StrokeTracker(STROKE_TUNING.glide);
    // A stroke the wrong way, the hand pressing in as it goes, then straight back a third of the
    // way, coming off the skin toward the camera from the turn on.
    const stroke = ramp(1, 0, 20).map((s, i) => ({ s, palm: 1.1 - i * 0.005 }));
    const back = ramp(0, 0.32, 5).map((s, i) => ({ s, palm: 1 + i * 0.03 }));
    const attempts = [
      ...feedContacts(tracker, [...stroke, ...back]),
      ...feed(tracker, away(6), 1000),
    ];
    expect(verdicts(attempts)).toEqual(['wrong-direction']);
    // The same way back on the skin, the palm as at the turn: a short try of its own.
    const onSkin = new StrokeTracker(STROKE_TUNING.glide);
    const flat = [
      ...feedContacts(onSkin, [...stroke, ...back.map(({ s }) => ({ s, palm: 1 }))]),
      ...feed(onSkin, away(6), 1000),
    ];
    expect(verdicts(flat)).toEqual(['wrong-direction', 'too-short']);
    // A stroke the right way, then back over more than a stroke's travel, lifting off the same way.
    const good = new StrokeTracker(STROKE_TUNING.glide);
    const forward = ramp(0, 1, 20).map((s, i) => ({ s, palm: 1.1 - i * 0.005 }));
    const wayBack = ramp(1, 0.45, 7).map((s, i) => ({ s, palm: 1 + i * 0.02 }));
    const lifted = [...feedContacts(good, [...forward, ...wayBack]), ...feed(good, away(6), 1080)];
    expect(verdicts(lifted)).toEqual(['good']);
  });

  it('never credits a movement the arrow’s way well off the skin, after an unjudged one the other way', () => {
    const run = (palm: number) => {
      const tracker = new StrokeTracker(STROKE_TUNING.glide);
      return verdicts([
        // The end of a wrong-way stroke, too little of it seen to judge, 5 s into the step.
        ...feedContacts(
          tracker,
          ramp(0.6, 0.3, 6).map((s) => ({ s })),
          5000,
        ),
        ...feed(tracker, away(4), 5240),
        ...feedContacts(
          tracker,
          ramp(0, 1, 20).map((s) => ({ s, palm })),
          5400,
        ),
        ...feed(tracker, away(6), 6200),
      ]);
    };
    expect(run(1.2)).toEqual([]);
    expect(run(1.1)).toEqual(['good']);
    // More than 3 s on, or after a movement the same way, it is a stroke of its own.
    const later = new StrokeTracker(STROKE_TUNING.glide);
    const afterPause = [
      ...feedContacts(
        later,
        ramp(0.6, 0.3, 6).map((s) => ({ s })),
      ),
      ...feed(later, away(4), 240),
      ...feedContacts(
        later,
        ramp(0, 1, 20).map((s) => ({ s, palm: 1.2 })),
        3400,
      ),
      ...feed(later, away(6), 4200),
    ];
    expect(verdicts(afterPause)).toEqual(['good']);
    const sameWay = new StrokeTracker(STROKE_TUNING.glide);
    const afterForward = [
      ...feedContacts(
        sameWay,
        ramp(0.3, 0.5, 5).map((s) => ({ s })),
      ),
      ...feed(sameWay, away(4), 200),
      ...feedContacts(
        sameWay,
        ramp(0, 1, 20).map((s) => ({ s, palm: 1.2 })),
        360,
      ),
      ...feed(sameWay, away(6), 1160),
    ];
    expect(verdicts(afterForward)).toEqual(['good']);
  });

  it('judges a wrong-way stroke after an unjudged movement with a palm measured small', () => {
    const tracker = new StrokeTracker(STROKE_TUNING.glide);
    const attempts = [
      ...feedContacts(
        tracker,
        ramp(0.3, 0.5, 5).map((s) => ({ s, palm: 0.8 })),
      ),
      ...feed(tracker, away(4), 200),
      ...feedContacts(
        tracker,
        ramp(1, 0, 20).map((s) => ({ s })),
        360,
      ),
      ...feed(tracker, away(6), 1160),
    ];
    expect(verdicts(attempts)).toEqual(['wrong-direction']);
  });

  it('takes a movement back as the return when it runs farther off the path than the stroke', () => {
    const tracker = new StrokeTracker(STROKE_TUNING.glide);
    const attempts = [
      ...feedContacts(
        tracker,
        ramp(0, 1, 20).map((s) => ({ s, distance: 0.02 })),
      ),
      ...feed(tracker, away(4), 800),
      ...feedContacts(
        tracker,
        ramp(1, 0, 12).map((s) => ({ s, distance: 0.07 })),
        1000,
      ),
      ...feed(tracker, away(4), 1480),
    ];
    expect(verdicts(attempts)).toEqual(['good']);
  });

  it('calls a movement back long after a stroke a stroke of its own', () => {
    const tracker = new StrokeTracker(STROKE_TUNING.glide);
    const attempts = [
      ...feed(tracker, [...ramp(0, 1, 20), ...away(4)]),
      ...feed(tracker, [...ramp(1, 0, 20), ...away(4)], 1000 + RETURN_WINDOW_MS, false, 1.12),
    ];
    expect(verdicts(attempts)).toEqual(['good', 'wrong-direction']);
  });

  it('needs a pinch closed during the stroke, and counts a pinch held throughout', () => {
    const tracker = new StrokeTracker(STROKE_TUNING.pinch);
    expect(verdicts(feed(tracker, [...ramp(0, 1, 30), ...away(5)], 0, true))).toEqual(['good']);
  });

  it('calls a glide faster than a natural stroke too fast', () => {
    const tracker = new StrokeTracker(STROKE_TUNING.glide);
    expect(verdicts(feed(tracker, [0, 0.5, 1, ...away(5)]))).toEqual(['too-fast']);
  });

  it('pairs a flick with its way back and keeps the one on the skin', () => {
    // Up the chin on the skin, back down hovering off it: the way up is the stroke…
    expect(verdicts(upThenBack(new StrokeTracker(STROKE_TUNING.flick), 0.01, 0.05))).toEqual([
      'good',
    ]);
    // …and coming in from the top, hovering, then flicking down on the skin: the way down is.
    expect(verdicts(upThenBack(new StrokeTracker(STROKE_TUNING.flick), 0.05, 0.01))).toEqual([
      'wrong-direction',
    ]);
  });

  it('keeps a flick waiting while its slow way back, begun in time, is still under way', () => {
    // Up the chin on the skin, then 2.4 s back down hovering: the way back outlasts the wait for
    // it, but began within it, so the two are still one flick and its return.
    const tracker = new StrokeTracker(STROKE_TUNING.flick);
    expect(verdicts(upThenBack(tracker, 0.01, 0.05, 0.96, 60))).toEqual(['good']);
  });

  it('lets a flick with no way back go out on its own after a while', () => {
    const tracker = new StrokeTracker(STROKE_TUNING.flick);
    expect(feed(tracker, [...ramp(0, 1, 8), ...away(10)])).toEqual([]);
    expect(verdicts(feed(tracker, away(40), 720))).toEqual(['good']);
  });

  it('ends what is under way on flush', () => {
    const tracker = new StrokeTracker(STROKE_TUNING.glide);
    feed(tracker, ramp(0, 1, 20));
    expect(verdicts(tracker.flush())).toEqual(['good']);
    expect(tracker.flush()).toEqual([]);
  });

  describe('at the edges of its rules', () => {
    it('reports no hold before the last fifth, after the stroke, or on a step without a hold', () => {
      const tracker = new StrokeTracker({ ...STROKE_TUNING.glide, holdMs: 400 });
      feed(tracker, ramp(0, 0.7, 10));
      expect(tracker.holdProgress(400)).toBe(0);
      // Exactly at the start of the last fifth counts; a long press is done, not more.
      feed(tracker, [...ramp(0.7, 0.8, 2), ...Array(20).fill(0.8)], 400);
      expect(tracker.holdProgress(400 + 21 * 40)).toBe(1);
      feed(tracker, away(12), 400 + 22 * 40);
      expect(tracker.inStroke).toBe(false);
      expect(tracker.holdProgress(2000)).toBe(0);
      const noHold = new StrokeTracker(STROKE_TUNING.glide);
      feed(noHold, [...ramp(0, 1, 20), ...Array(5).fill(1)]);
      expect(noHold.holdProgress(25 * 40)).toBe(0);
    });

    it('takes a press exactly as long as asked for as held', () => {
      // In the last fifth from frame 16 (0.84) to frame 26: 400 ms.
      const tuning = { ...STROKE_TUNING.glide, holdMs: 400 };
      const exact = feed(new StrokeTracker(tuning), [
        ...ramp(0, 1, 20),
        ...Array(7).fill(1),
        ...away(12),
      ]);
      expect(verdicts(exact)).toEqual(['good']);
      const short = feed(new StrokeTracker(tuning), [
        ...ramp(0, 1, 20),
        ...Array(6).fill(1),
        ...away(12),
      ]);
      expect(verdicts(short)).toEqual(['no-hold']);
    });

    it('times a flick of exactly the longest allowed as good, one frame more too slow', () => {
      // From 0 to 1 in 15 frames of 40 ms: 600 ms, the flick's limit.
      const flick = (frames: number) =>
        verdicts(
          feed(new StrokeTracker(STROKE_TUNING.flick), [...ramp(0, 1, frames), ...away(45)]),
        );
      expect(flick(16)).toEqual(['good']);
      expect(flick(17)).toEqual(['too-slow']);
    });

    it('scales the shortest natural time with the share of the path a stroke covers', () => {
      // 0.8 of the path in 160 ms: at 200 ms for a whole path, exactly the shortest natural time.
      const tuning = { ...STROKE_TUNING.glide, minDurationMs: 200 };
      const glide = (frames: number) =>
        verdicts(feed(new StrokeTracker(tuning), [...ramp(0, 0.8, frames), ...away(12)]));
      expect(glide(5)).toEqual(['good']);
      expect(glide(4)).toEqual(['too-fast']);
    });

    it('counts a stroke of exactly the travel needed as whole, either way', () => {
      const stroke = feed(new StrokeTracker(STROKE_TUNING.glide), [
        ...ramp(0, 0.4, 9),
        0.45,
        ...away(12),
      ]);
      expect(verdicts(stroke)).toEqual(['good']);
      const back = feed(new StrokeTracker(STROKE_TUNING.glide), [
        ...ramp(0.45, 0.05, 9),
        0,
        ...away(12),
      ]);
      expect(verdicts(back)).toEqual(['wrong-direction']);
    });

    it('keeps the usual thresholds for a path of no length', () => {
      for (const length of [0, Number.NaN, -1]) {
        const tracker = new StrokeTracker(STROKE_TUNING.glide);
        tracker.setPathLength(length);
        expect(verdicts(feed(tracker, [...ramp(0, 0.5, 12), ...away(12)]))).toEqual(['good']);
      }
    });

    it('keeps a slow stroke against the arrow alive while it goes on, timed from its start', () => {
      // It set off at the second frame, the last one within reach of its start.
      const slow = feed(new StrokeTracker(STROKE_TUNING.glide), [...ramp(1, 0, 40), ...away(12)]);
      expect(slow.map((a) => [a.verdict, a.startT])).toEqual([['wrong-direction', 40]]);
    });

    it('gives a tie between a flick and its way back to the arrow, whichever came first', () => {
      const pair = (first: number[], second: number[]) => {
        const tracker = new StrokeTracker(STROKE_TUNING.flick);
        return verdicts([
          ...feedContacts(
            tracker,
            first.map((s) => ({ s, distance: 0.02 })),
          ),
          ...feedContacts(
            tracker,
            second.map((s) => ({ s, distance: 0.02 })),
            320,
          ),
          ...feed(tracker, away(40), 640),
        ]);
      };
      expect(pair(ramp(0, 1, 8), ramp(1, 0, 8))).toEqual(['good']);
      expect(pair(ramp(1, 0, 8), ramp(0, 1, 8))).toEqual(['good']);
    });

    it('takes the way of a flick with the palm grown toward the camera for the way back', () => {
      const pair = (forwardPalm: number, backwardPalm: number) => {
        const tracker = new StrokeTracker(STROKE_TUNING.flick);
        return verdicts([
          ...feedContacts(
            tracker,
            ramp(0, 1, 8).map((s) => ({ s, distance: 0.02, palm: forwardPalm })),
          ),
          ...feedContacts(
            tracker,
            ramp(1, 0, 8).map((s) => ({ s, distance: 0.02, palm: backwardPalm })),
            320,
          ),
          ...feed(tracker, away(40), 640),
        ]);
      };
      // The way down is on the skin: the hand grew on the way up.
      expect(pair(1.5, 1.2)).toEqual(['wrong-direction']);
      expect(pair(1.2, 1.5)).toEqual(['good']);
    });
  });
});
