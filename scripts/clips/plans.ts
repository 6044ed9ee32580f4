// Writes the clip plans (plans/*.json) from the short list below: which step, face, hand and
// direction, and a timeline of strokes with realistic timing. The plans are committed; the clips
// are rebuilt from them (make-clips.ts), so edit this list and rerun to change the set.
//   npx tsx scripts/clips/plans.ts
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type ClipPlan,
  type Direction,
  ENTER_MS,
  type HandKind,
  LEAD_MS,
  LIFT_MS,
  type Motion,
  type PlannedStroke,
  TOUCH_MS,
} from './plan.ts';
import { plansDir } from './sources.ts';

const RETURN_MS = 750;
const PAUSE_MS = 300;

interface Spec {
  name: string;
  note: string;
  routine: string;
  step: string;
  link?: string;
  face: ClipPlan['face'];
  fps: number;
  expect: Direction;
  hand: HandKind;
  motion: Motion;
  /** How the sides are worked: one side after the other with one hand, both at once, or the midline. */
  sides: 'one-at-a-time' | 'both' | 'center';
  perSide: number;
  strokeMs: number;
  holdMs?: number;
  hops?: number;
  /** Circles: turns made without lifting, per contact. */
  turns?: number;
  head?: boolean;
  fingerTiltDeg?: number;
  heldOut?: boolean;
}

const effectorOf = (hand: HandKind): PlannedStroke['effector'] =>
  hand === 'fist' ? 'knuckles' : hand === 'pinch' ? 'pinch' : 'fingertips';

function plan(spec: Spec): ClipPlan {
  const strokes: PlannedStroke[] = [];
  let contact = 0;
  const strokeLength = spec.strokeMs + (spec.holdMs ?? 0);
  const gap = LIFT_MS + RETURN_MS + PAUSE_MS + TOUCH_MS;
  const turns = spec.turns ?? 1;
  // Strokes of one hand on one side, from `t`; returns when the hand is free again.
  const run = (side: PlannedStroke['side'], handSide: 'left' | 'right', t: number, n: number) => {
    let done = 0;
    while (done < n) {
      contact++;
      const inContact = Math.min(turns, n - done);
      for (let k = 0; k < inContact; k++) {
        strokes.push({
          side,
          direction: spec.expect,
          startMs: t,
          endMs: t + strokeLength,
          effector: effectorOf(spec.hand),
          hand: spec.hand,
          handSide,
          motion: spec.motion,
          contact,
          ...(spec.holdMs ? { holdMs: spec.holdMs } : {}),
          ...(spec.hops ? { hops: spec.hops } : {}),
        });
        t += strokeLength;
      }
      done += inContact;
      t += gap;
    }
    return t - gap;
  };
  const first = LEAD_MS + ENTER_MS + TOUCH_MS + 200;
  let end: number;
  if (spec.sides === 'both') {
    // The left hand follows a moment later: two hands are never quite in step.
    run('right', 'right', first, spec.perSide);
    end = run('left', 'left', first + 80, spec.perSide);
  } else if (spec.sides === 'one-at-a-time') {
    const mid = run('right', 'right', first, spec.perSide);
    end = run('left', 'left', mid + LIFT_MS + 2 * ENTER_MS + TOUCH_MS + 300, spec.perSide);
  } else {
    // Midline strokes, the hands taking turns.
    let t = first;
    for (let i = 0; i < spec.perSide; i++) {
      const handSide = i % 2 === 0 ? 'right' : 'left';
      contact++;
      strokes.push({
        side: 'center',
        direction: spec.expect,
        startMs: t,
        endMs: t + strokeLength,
        effector: effectorOf(spec.hand),
        hand: spec.hand,
        handSide,
        motion: spec.motion,
        contact,
      });
      t += strokeLength + 700;
    }
    end = t - 700;
  }
  const durationMs = end + LIFT_MS + ENTER_MS + LEAD_MS;
  strokes.sort((a, b) => a.startMs - b.startMs);
  return {
    name: spec.name,
    note: spec.note,
    routine: spec.routine,
    step: spec.step,
    link: spec.link ?? `/?routine=${spec.routine}&step=${spec.step}`,
    face: spec.face,
    fps: spec.fps,
    durationMs,
    expect: spec.expect,
    headMotion: spec.head ? { rotateDeg: 10, scale: 0.08, shiftPx: 18, periodMs: 7000 } : null,
    ...(spec.fingerTiltDeg ? { fingerTiltDeg: spec.fingerTiltDeg } : {}),
    ...(spec.heldOut ? { heldOut: true } : {}),
    strokes,
  };
}

const daily = 'facegym-daily';
const glide = { motion: 'glide', fps: 15 } as const;
const circle = { motion: 'circle', fps: 15, strokeMs: 1700, turns: 3 } as const;
/** Chin flicks: open hands taking turns on the midline, coming from the side as when the finger pads rest under the chin. */
const chinFlicks = {
  routine: daily,
  step: 'chin-flicks',
  fps: 20,
  hand: 'open',
  motion: 'flick',
  sides: 'center',
  perSide: 12,
  fingerTiltDeg: 55,
} as const;

const SPECS: Spec[] = [
  // chin-flicks: 10 reps, brisk upward flicks on the midline, hands taking turns.
  {
    name: 'chin-flicks-correct-open',
    note: 'open hands take turns flicking up over the chin, fingers across it from the side, 12 flicks',
    face: 'bg-face',
    expect: 'correct',
    strokeMs: 320,
    ...chinFlicks,
  },
  {
    name: 'chin-flicks-reversed-open',
    note: 'open hands take turns flicking down over the chin (lip to under the chin), fingers across it from the side, 12 flicks',
    // The business picture has its chin near the bottom edge: no room for a hand below it.
    face: 'gesture-face',
    expect: 'reversed',
    strokeMs: 320,
    ...chinFlicks,
  },
  // laugh-line-walk: 4 per side, fingers hop outward.
  {
    name: 'laugh-line-walk-correct-open-both',
    note: 'both open hands walk outward from beside the nose, 5 walks per side at once',
    routine: daily,
    step: 'laugh-line-walk',
    face: 'business',
    fps: 15,
    expect: 'correct',
    hand: 'open',
    motion: 'walk',
    sides: 'both',
    perSide: 5,
    strokeMs: 2500,
    hops: 5,
  },
  {
    name: 'laugh-line-walk-reversed-open-both',
    note: 'both open hands walk inward toward the nose, 5 walks per side at once',
    routine: daily,
    step: 'laugh-line-walk',
    face: 'bg-face',
    fps: 15,
    expect: 'reversed',
    hand: 'open',
    motion: 'walk',
    sides: 'both',
    perSide: 5,
    strokeMs: 2500,
    hops: 5,
  },
  // jawline-glide: 5 per side, chin to ear.
  {
    name: 'jawline-glide-correct-fist-both-head',
    note: 'both fists glide their knuckles from the chin out to the ears, 6 per side at once, head turning and moving',
    routine: daily,
    step: 'jawline-glide',
    face: 'bg-face',
    expect: 'correct',
    hand: 'fist',
    sides: 'both',
    perSide: 6,
    strokeMs: 1200,
    head: true,
    ...glide,
  },
  {
    name: 'jawline-glide-correct-open',
    note: 'one open hand glides its fingertips from the chin out to the ear, 6 on the right side, then 6 on the left',
    routine: daily,
    step: 'jawline-glide',
    // The business picture's chin sits at 91% of the frame's height: an open hand starting under
    // it has its palm out of the picture, and the hand model found it in 42% of the stroke frames.
    face: 'gesture-face',
    expect: 'correct',
    hand: 'open',
    sides: 'one-at-a-time',
    perSide: 6,
    strokeMs: 1100,
    ...glide,
  },
  {
    name: 'jawline-glide-reversed-fist',
    note: 'one fist glides its knuckles from the ear in to the chin, 6 per side, one side after the other',
    routine: daily,
    step: 'jawline-glide',
    face: 'business',
    expect: 'reversed',
    hand: 'fist',
    sides: 'one-at-a-time',
    perSide: 6,
    strokeMs: 1200,
    ...glide,
  },
  {
    name: 'jawline-glide-reversed-open-head',
    note: 'both open hands glide from the ears in to the chin, 6 per side at once, head turning and moving',
    routine: daily,
    step: 'jawline-glide',
    face: 'bg-face',
    expect: 'reversed',
    hand: 'open',
    sides: 'both',
    perSide: 6,
    strokeMs: 1100,
    head: true,
    ...glide,
  },
  // anma/jaw-to-cheekbone: 4 per side, one hand, hold at the top.
  {
    name: 'jaw-to-cheekbone-correct-open',
    note: 'one open hand glides from mid-jaw up to the cheekbone and presses there 0.8 s, 5 per side, one side after the other',
    routine: 'anma',
    step: 'jaw-to-cheekbone',
    face: 'gesture-face',
    expect: 'correct',
    hand: 'open',
    sides: 'one-at-a-time',
    perSide: 5,
    strokeMs: 1000,
    holdMs: 800,
    ...glide,
  },
  {
    name: 'jaw-to-cheekbone-correct-fist-head',
    note: 'one fist glides its knuckles from mid-jaw up to the cheekbone and presses 0.8 s, 5 per side, head moving',
    routine: 'anma',
    step: 'jaw-to-cheekbone',
    face: 'business',
    expect: 'correct',
    hand: 'fist',
    sides: 'one-at-a-time',
    perSide: 5,
    strokeMs: 1000,
    holdMs: 800,
    head: true,
    ...glide,
  },
  {
    name: 'jaw-to-cheekbone-reversed-fist',
    note: 'one fist glides its knuckles from the cheekbone down to mid-jaw and presses 0.8 s there, 5 per side',
    routine: 'anma',
    step: 'jaw-to-cheekbone',
    face: 'bg-face',
    expect: 'reversed',
    hand: 'fist',
    sides: 'one-at-a-time',
    perSide: 5,
    strokeMs: 1000,
    holdMs: 800,
    ...glide,
  },
  {
    name: 'jaw-to-cheekbone-reversed-open',
    note: 'one open hand glides from the cheekbone down to mid-jaw and presses 0.8 s there, 5 per side',
    routine: 'anma',
    step: 'jaw-to-cheekbone',
    face: 'business',
    expect: 'reversed',
    hand: 'open',
    sides: 'one-at-a-time',
    perSide: 5,
    strokeMs: 1000,
    holdMs: 800,
    ...glide,
  },
  // anma/smile-lines: 5 per side, mouth corner up to the side of the nose.
  {
    name: 'smile-lines-correct-open-both',
    note: 'both open hands glide from the mouth corners up to the sides of the nose, 6 per side at once',
    routine: 'anma',
    step: 'smile-lines',
    face: 'bg-face',
    expect: 'correct',
    hand: 'open',
    sides: 'both',
    perSide: 6,
    strokeMs: 900,
    ...glide,
  },
  {
    name: 'smile-lines-reversed-open-both-head',
    note: 'both open hands glide from the sides of the nose down to the mouth corners, 6 per side at once, head moving',
    routine: 'anma',
    step: 'smile-lines',
    face: 'business',
    expect: 'reversed',
    hand: 'open',
    sides: 'both',
    perSide: 6,
    strokeMs: 900,
    head: true,
    ...glide,
  },
  // gua-sha-cheeks (extended session): 6 per side, nose to ear, one hand standing in for the stone.
  {
    name: 'gua-sha-cheeks-correct-fist',
    note: 'one fist glides its knuckles from beside the nose out to the ear, 7 per side',
    routine: 'extended',
    step: 'gua-sha-cheeks',
    link: '/?session=extended&step=gua-sha-cheeks',
    face: 'bg-face',
    expect: 'correct',
    hand: 'fist',
    sides: 'one-at-a-time',
    perSide: 7,
    strokeMs: 1200,
    ...glide,
  },
  {
    name: 'gua-sha-cheeks-correct-open',
    note: 'one open hand glides its fingertips from beside the nose out to the ear, 7 per side',
    routine: 'extended',
    step: 'gua-sha-cheeks',
    link: '/?session=extended&step=gua-sha-cheeks',
    face: 'gesture-face',
    expect: 'correct',
    hand: 'open',
    sides: 'one-at-a-time',
    perSide: 7,
    strokeMs: 1200,
    ...glide,
  },
  {
    name: 'gua-sha-cheeks-reversed-fist-head',
    note: 'one fist glides its knuckles from the ear in to beside the nose, 7 per side, head moving',
    routine: 'extended',
    step: 'gua-sha-cheeks',
    link: '/?session=extended&step=gua-sha-cheeks',
    face: 'business',
    expect: 'reversed',
    hand: 'fist',
    sides: 'one-at-a-time',
    perSide: 7,
    strokeMs: 1200,
    head: true,
    ...glide,
  },
  // anma/cheek-circles: 5 per side, up on the nose side and out over the top.
  {
    name: 'cheek-circles-correct-open-both',
    note: 'both open hands circle on the cheeks, up beside the nose and out over the top, 6 turns per side (3 per contact)',
    routine: 'anma',
    step: 'cheek-circles',
    face: 'business',
    expect: 'correct',
    hand: 'open',
    sides: 'both',
    perSide: 6,
    ...circle,
  },
  {
    name: 'cheek-circles-correct-fist',
    note: 'one fist circles its knuckles on the cheek, up beside the nose and out over the top, 6 turns per side',
    routine: 'anma',
    step: 'cheek-circles',
    face: 'bg-face',
    expect: 'correct',
    hand: 'fist',
    sides: 'one-at-a-time',
    perSide: 6,
    ...circle,
  },
  {
    name: 'cheek-circles-reversed-open-head',
    note: 'one open hand circles the wrong way on the cheek (down beside the nose), 6 turns per side, head moving',
    routine: 'anma',
    step: 'cheek-circles',
    face: 'bg-face',
    expect: 'reversed',
    hand: 'open',
    sides: 'one-at-a-time',
    perSide: 6,
    head: true,
    ...circle,
  },
  {
    name: 'cheek-circles-reversed-fist',
    note: 'one fist circles the wrong way on the cheek (down beside the nose), 6 turns per side',
    routine: 'anma',
    step: 'cheek-circles',
    face: 'business',
    expect: 'reversed',
    hand: 'fist',
    sides: 'one-at-a-time',
    perSide: 6,
    ...circle,
  },
  // anma/eye-circles: 4 per side, on the bone around the eye.
  {
    name: 'eye-circles-correct-open',
    note: 'one open hand circles on the bone around the eye, up beside the nose and out under the brow, 5 turns per side',
    routine: 'anma',
    step: 'eye-circles',
    face: 'bg-face',
    expect: 'correct',
    hand: 'open',
    sides: 'one-at-a-time',
    perSide: 5,
    ...circle,
  },
  {
    name: 'eye-circles-reversed-open-both',
    note: 'both open hands circle the wrong way around the eyes (down beside the nose), 5 turns per side at once',
    routine: 'anma',
    step: 'eye-circles',
    face: 'business',
    expect: 'reversed',
    hand: 'open',
    sides: 'both',
    perSide: 5,
    ...circle,
  },
  // Held out: written on 3 Dec 2026 after the engine's last change, at speeds, faces, hands and
  // head motion the clips above do not combine, and judged live before any change to the engine.
  {
    name: 'jawline-glide-correct-open-both-fast-head',
    note: 'both open hands glide briskly (0.8 s) from the chin out to the ears, 6 per side at once, head turning and moving',
    routine: daily,
    step: 'jawline-glide',
    face: 'gesture-face',
    expect: 'correct',
    hand: 'open',
    sides: 'both',
    perSide: 6,
    strokeMs: 800,
    head: true,
    ...glide,
  },
  {
    name: 'smile-lines-correct-open-slow-head',
    note: 'one open hand glides slowly (1.4 s) from the mouth corner up to the side of the nose, 5 per side, head moving',
    routine: 'anma',
    step: 'smile-lines',
    face: 'gesture-face',
    expect: 'correct',
    hand: 'open',
    sides: 'one-at-a-time',
    perSide: 5,
    strokeMs: 1400,
    head: true,
    ...glide,
  },
  {
    name: 'chin-flicks-correct-open-head',
    note: 'open hands take turns flicking up over the chin, fingers across it from the side, 12 flicks, head moving',
    face: 'bg-face',
    expect: 'correct',
    strokeMs: 300,
    head: true,
    ...chinFlicks,
  },
  {
    name: 'gua-sha-cheeks-reversed-open',
    note: 'one open hand glides its fingertips from the ear in to beside the nose, 6 per side',
    routine: 'extended',
    step: 'gua-sha-cheeks',
    link: '/?session=extended&step=gua-sha-cheeks',
    face: 'gesture-face',
    expect: 'reversed',
    hand: 'open',
    sides: 'one-at-a-time',
    perSide: 6,
    strokeMs: 900,
    ...glide,
  },
  {
    name: 'cheek-circles-correct-fist-head',
    note: 'one fist circles its knuckles on the cheek, up beside the nose and out over the top, 2 turns per contact, 6 per side, head moving',
    routine: 'anma',
    step: 'cheek-circles',
    face: 'business',
    expect: 'correct',
    hand: 'fist',
    sides: 'one-at-a-time',
    perSide: 6,
    head: true,
    ...circle,
    strokeMs: 1500,
    turns: 2,
  },
  {
    name: 'laugh-line-walk-correct-open-both-head',
    note: 'both open hands walk outward from beside the nose in 4 hops, 5 walks per side at once, head moving',
    routine: daily,
    step: 'laugh-line-walk',
    face: 'bg-face',
    fps: 15,
    expect: 'correct',
    hand: 'open',
    motion: 'walk',
    sides: 'both',
    perSide: 5,
    strokeMs: 2200,
    hops: 4,
    head: true,
  },
  {
    name: 'jaw-to-cheekbone-correct-open-short-hold',
    note: 'one open hand glides from mid-jaw up to the cheekbone and presses there 0.6 s, 5 per side',
    routine: 'anma',
    step: 'jaw-to-cheekbone',
    face: 'bg-face',
    expect: 'correct',
    hand: 'open',
    sides: 'one-at-a-time',
    perSide: 5,
    strokeMs: 900,
    holdMs: 600,
    ...glide,
  },
  {
    name: 'eye-circles-reversed-open',
    note: 'one open hand circles the wrong way around the eye (down beside the nose), 5 turns per side',
    routine: 'anma',
    step: 'eye-circles',
    face: 'gesture-face',
    expect: 'reversed',
    hand: 'open',
    sides: 'one-at-a-time',
    perSide: 5,
    ...circle,
  },
  // Held out, second set: written on 3 Dec 2026 (evening) before any of them was played, on
  // combinations none of the clips above has, and judged live before any change to the engine.
  {
    name: 'jawline-glide-reversed-open',
    note: 'one open hand glides its fingertips from the ear in to the chin, 6 on the right side, then 6 on the left',
    routine: daily,
    step: 'jawline-glide',
    face: 'gesture-face',
    expect: 'reversed',
    hand: 'open',
    sides: 'one-at-a-time',
    perSide: 6,
    strokeMs: 1000,
    ...glide,
  },
  {
    name: 'smile-lines-reversed-open-slow-head',
    note: 'one open hand glides slowly (1.3 s) from the side of the nose down to the mouth corner, 5 per side, head moving',
    routine: 'anma',
    step: 'smile-lines',
    face: 'gesture-face',
    expect: 'reversed',
    hand: 'open',
    sides: 'one-at-a-time',
    perSide: 5,
    strokeMs: 1300,
    head: true,
    ...glide,
  },
  {
    name: 'smile-lines-correct-open-both-fast',
    note: 'both open hands glide briskly (0.7 s) from the mouth corners up to the sides of the nose, 6 per side at once',
    routine: 'anma',
    step: 'smile-lines',
    face: 'business',
    expect: 'correct',
    hand: 'open',
    sides: 'both',
    perSide: 6,
    strokeMs: 700,
    ...glide,
  },
  {
    name: 'cheek-circles-correct-open-head',
    note: 'one open hand circles on the cheek, up beside the nose and out over the top, 2 turns per contact, 6 per side, head moving',
    routine: 'anma',
    step: 'cheek-circles',
    face: 'gesture-face',
    expect: 'correct',
    hand: 'open',
    sides: 'one-at-a-time',
    perSide: 6,
    head: true,
    ...circle,
    strokeMs: 1500,
    turns: 2,
  },
  {
    name: 'eye-circles-correct-open-both-head',
    note: 'both open hands circle on the bone around the eyes, up beside the nose and out under the brow, 5 turns per side at once, head moving',
    routine: 'anma',
    step: 'eye-circles',
    face: 'bg-face',
    expect: 'correct',
    hand: 'open',
    sides: 'both',
    perSide: 5,
    head: true,
    ...circle,
  },
  {
    name: 'jaw-to-cheekbone-reversed-open-head',
    note: 'one open hand glides from the cheekbone down to mid-jaw and presses 0.8 s there, 5 per side, head moving',
    routine: 'anma',
    step: 'jaw-to-cheekbone',
    face: 'gesture-face',
    expect: 'reversed',
    hand: 'open',
    sides: 'one-at-a-time',
    perSide: 5,
    strokeMs: 1000,
    holdMs: 800,
    head: true,
    ...glide,
  },
  {
    name: 'gua-sha-cheeks-correct-fist-fast-head',
    note: 'one fist glides its knuckles briskly (0.9 s) from beside the nose out to the ear, 7 per side, head moving',
    routine: 'extended',
    step: 'gua-sha-cheeks',
    link: '/?session=extended&step=gua-sha-cheeks',
    face: 'business',
    expect: 'correct',
    hand: 'fist',
    sides: 'one-at-a-time',
    perSide: 7,
    strokeMs: 900,
    head: true,
    ...glide,
  },
  {
    name: 'chin-flicks-reversed-open-head',
    note: 'open hands take turns flicking down over the chin, fingers across it from the side, 12 flicks, head moving',
    face: 'gesture-face',
    expect: 'reversed',
    strokeMs: 320,
    head: true,
    ...chinFlicks,
  },
  {
    name: 'laugh-line-walk-reversed-open-both-head',
    note: 'both open hands walk inward toward the nose in 4 hops, 5 walks per side at once, head moving',
    routine: daily,
    step: 'laugh-line-walk',
    face: 'business',
    fps: 15,
    expect: 'reversed',
    hand: 'open',
    motion: 'walk',
    sides: 'both',
    perSide: 5,
    strokeMs: 2200,
    hops: 4,
    head: true,
  },
  {
    name: 'jawline-glide-correct-fist',
    note: 'one fist glides its knuckles from the chin out to the ear, 6 on the right side, then 6 on the left',
    routine: daily,
    step: 'jawline-glide',
    face: 'gesture-face',
    expect: 'correct',
    hand: 'fist',
    sides: 'one-at-a-time',
    perSide: 6,
    strokeMs: 1000,
    ...glide,
  },
];

/**
 * Made on 4 Dec 2026, after the rules of that day, from combinations of face, hand, speed, frame
 * rate and head motion that no clip above uses: a measure of the engine on clips it was not tuned
 * on (see ClipPlan.heldOut).
 */
const HELD_OUT_SPECS: Spec[] = [
  {
    name: 'jawline-glide-correct-open-both-slow',
    note: 'both open hands glide slowly (1.5 s) from the chin out to the ears, 6 per side at once, camera at 12 fps',
    routine: daily,
    step: 'jawline-glide',
    face: 'bg-face',
    expect: 'correct',
    hand: 'open',
    sides: 'both',
    perSide: 6,
    strokeMs: 1500,
    ...glide,
    fps: 12,
  },
  {
    name: 'jawline-glide-reversed-fist-both-head',
    note: 'both fists glide their knuckles from the ears in to the chin, 6 per side at once, head moving',
    routine: daily,
    step: 'jawline-glide',
    face: 'gesture-face',
    expect: 'reversed',
    hand: 'fist',
    sides: 'both',
    perSide: 6,
    strokeMs: 1000,
    head: true,
    ...glide,
  },
  {
    name: 'smile-lines-correct-open-both-head',
    note: 'both open hands glide from the mouth corners up to the sides of the nose, 6 per side at once, head moving',
    routine: 'anma',
    step: 'smile-lines',
    face: 'gesture-face',
    expect: 'correct',
    hand: 'open',
    sides: 'both',
    perSide: 6,
    strokeMs: 1100,
    head: true,
    ...glide,
  },
  {
    name: 'smile-lines-reversed-open-both-fast',
    note: 'both open hands glide briskly (0.7 s) from the sides of the nose down to the mouth corners, 6 per side at once',
    routine: 'anma',
    step: 'smile-lines',
    face: 'bg-face',
    expect: 'reversed',
    hand: 'open',
    sides: 'both',
    perSide: 6,
    strokeMs: 700,
    ...glide,
  },
  {
    name: 'cheek-circles-correct-open-12fps',
    note: 'one open hand circles on the cheek, 3 turns per contact, 6 turns per side, camera at 12 fps',
    routine: 'anma',
    step: 'cheek-circles',
    face: 'bg-face',
    expect: 'correct',
    hand: 'open',
    sides: 'one-at-a-time',
    perSide: 6,
    ...circle,
    fps: 12,
  },
  {
    name: 'gua-sha-cheeks-reversed-fist-fast',
    note: 'one fist glides its knuckles briskly (0.9 s) from the ear in to beside the nose, 7 per side',
    routine: 'extended',
    step: 'gua-sha-cheeks',
    link: '/?session=extended&step=gua-sha-cheeks',
    face: 'bg-face',
    expect: 'reversed',
    hand: 'fist',
    sides: 'one-at-a-time',
    perSide: 7,
    strokeMs: 900,
    ...glide,
  },
  {
    name: 'jaw-to-cheekbone-correct-fist-fast-20fps',
    note: 'one fist glides its knuckles briskly (0.8 s) from mid-jaw up to the cheekbone and presses 0.6 s, 5 per side, camera at 20 fps',
    routine: 'anma',
    step: 'jaw-to-cheekbone',
    face: 'gesture-face',
    expect: 'correct',
    hand: 'fist',
    sides: 'one-at-a-time',
    perSide: 5,
    strokeMs: 800,
    holdMs: 600,
    ...glide,
    fps: 20,
  },
  {
    name: 'laugh-line-walk-correct-open-both-fast',
    note: 'both open hands walk outward from beside the nose in 4 quick hops (1.8 s), 5 walks per side at once',
    routine: daily,
    step: 'laugh-line-walk',
    face: 'gesture-face',
    fps: 15,
    expect: 'correct',
    hand: 'open',
    motion: 'walk',
    sides: 'both',
    perSide: 5,
    strokeMs: 1800,
    hops: 4,
  },
  {
    name: 'chin-flicks-correct-open-fast-head',
    note: 'open hands take turns flicking up over the chin in a quarter second, fingers across it from the side, 12 flicks, head moving',
    face: 'gesture-face',
    expect: 'correct',
    strokeMs: 250,
    head: true,
    ...chinFlicks,
  },
  {
    name: 'eye-circles-correct-open-head',
    note: 'one open hand circles on the bone around the eye, up beside the nose and out under the brow, 5 turns per side, head moving',
    routine: 'anma',
    step: 'eye-circles',
    face: 'business',
    expect: 'correct',
    hand: 'open',
    sides: 'one-at-a-time',
    perSide: 5,
    head: true,
    ...circle,
  },
].map((spec) => ({ ...spec, heldOut: true }) as Spec);

mkdirSync(plansDir, { recursive: true });
for (const f of readdirSync(plansDir)) rmSync(join(plansDir, f));
for (const spec of [...SPECS, ...HELD_OUT_SPECS]) {
  const p = plan(spec);
  writeFileSync(join(plansDir, `${p.name}.json`), `${JSON.stringify(p, null, 2)}\n`);
  console.log(`${p.name}: ${p.strokes.length} strokes, ${(p.durationMs / 1000).toFixed(1)} s`);
}
// Biome's layout, so that the lint check passes on the committed plans.
execFileSync('npx', ['biome', 'format', '--write', plansDir], { stdio: 'inherit' });
