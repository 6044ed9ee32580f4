import type { LightingIssue } from '../core/lighting';
import type { Side } from '../core/regions';
import type { LiveFeedback } from '../core/step-engine';
import type { StrokeVerdict } from '../core/stroke-tracker';

/** The tone of a message: drives its colour. */
export type MessageTone = 'good' | 'warn' | 'bad' | 'info';

export interface CoachMessage {
  readonly text: string;
  readonly tone: MessageTone;
}

const OFF_TARGET: CoachMessage = {
  text: 'Move your fingers onto the area the arrows show.',
  tone: 'warn',
};

/**
 * Words for a side of the face. Sides are the person's own; in a mirrored view that is also the
 * side of the screen they see it on, otherwise the screen side is named too.
 */
export function sideWords(side: Side, mirrored: boolean): string {
  if (side === 'center') return '';
  if (mirrored) return `on your ${side} side`;
  return `on your ${side} side (the ${side === 'left' ? 'right' : 'left'} of the screen)`;
}

/** What to tell the person about a judged stroke. */
export function verdictMessage(verdict: StrokeVerdict, side: Side, mirrored = true): CoachMessage {
  const words = sideWords(side, mirrored);
  const where = words ? ` ${words}` : '';
  switch (verdict) {
    case 'good':
      return { text: `Good stroke${where}.`, tone: 'good' };
    case 'wrong-direction':
      return { text: `Wrong way${where}: follow the arrow.`, tone: 'bad' };
    case 'off-target':
      return OFF_TARGET;
    case 'too-fast':
      return { text: `Slow down${where}: keep it smooth and steady.`, tone: 'warn' };
    case 'too-slow':
      return { text: 'Quicker: make it short and brisk.', tone: 'warn' };
    case 'too-short':
      return { text: `Go the whole length of the arrow${where}.`, tone: 'warn' };
    case 'no-pinch':
      return { text: `Pinch as you go${where}: thumb and index finger together.`, tone: 'warn' };
    case 'no-hold':
      return { text: `Pause and press for a moment at the top${where}.`, tone: 'warn' };
    case 'jaw-relaxed':
      return { text: 'Keep your lower teeth pushed out in front of the upper ones.', tone: 'warn' };
    case 'fingers-pulling':
      return {
        text: 'Let your forehead do the lifting: rest your fingers, don’t pull with them.',
        tone: 'warn',
      };
  }
}

/**
 * What to tell the person about the current moment when no stroke was just judged. In a face
 * exercise (no hands) "on target" only means the face is seen: it is no praise for doing nothing.
 */
export function liveMessage(feedback: LiveFeedback, handsFree = false): CoachMessage {
  if (handsFree && feedback === 'on-target')
    return { text: 'Your face is in view: do the movement the card shows.', tone: 'info' };
  switch (feedback) {
    case 'no-face':
      return { text: 'I can’t see your face. Face the camera in good light.', tone: 'bad' };
    case 'face-part-out':
      return {
        text: 'Part of your face is out of the picture. Move so your whole face shows, chin included.',
        tone: 'bad',
      };
    case 'two-faces':
      return {
        text: 'I see more than one face. I keep following yours; strokes count best with only you in view.',
        tone: 'info',
      };
    case 'no-hands':
      return { text: 'Bring your hands up to your face so I can see them.', tone: 'info' };
    case 'off-target':
      return OFF_TARGET;
    case 'on-target':
      return { text: 'On target: follow the arrow.', tone: 'good' };
    case 'hands-ready':
      return { text: 'Place your fingers where the arrow starts.', tone: 'info' };
    case 'timed':
      return { text: 'Take your time: this step moves on by itself.', tone: 'info' };
    case 'face-off-centre':
      return { text: 'Move so your face is in the middle of the picture.', tone: 'warn' };
    case 'face-too-far':
      return { text: 'Come a little closer to the camera.', tone: 'warn' };
    case 'face-turned':
      return { text: 'Turn your face to the camera.', tone: 'warn' };
    case 'hold-still':
      return {
        text: 'Hold still for a moment: counting starts once you are in position.',
        tone: 'info',
      };
  }
}

/** Tracked frames a second below which strokes get missed and the person is told why. */
export const SLOW_TRACKING_FPS = 8;

/**
 * What to tell the person when too few frames are tracked to follow every stroke: that the camera
 * sends too few (most often in dim light, where webcams expose longer), when nearly all it sends
 * are tracked; else that the device is too busy to track them.
 */
export function slowTrackingMessage(trackedFps: number, cameraFps: number): CoachMessage {
  if (trackedFps >= 0.75 * cameraFps) {
    return {
      text: `Your camera sends only ${Math.round(cameraFps)} frames a second, so some strokes may be missed. Cameras slow down in dim light: more light on your face helps.`,
      tone: 'info',
    };
  }
  return {
    text: `Tracking is slow on this device (${Math.round(trackedFps)} frames a second), so some strokes may be missed. Closing other tabs and apps helps.`,
    tone: 'info',
  };
}

/** What to tell the person when the light on their face makes hands hard to see. */
export function lightingMessage(issue: LightingIssue): CoachMessage {
  switch (issue) {
    case 'too-dark':
      return {
        text: 'It is too dark for me to see your hands well. Turn on a light in front of you.',
        tone: 'warn',
      };
    case 'uneven-light':
      return {
        text: 'One side of your face is in shadow. Face the light, or add a lamp on the darker side.',
        tone: 'warn',
      };
    case 'backlit':
      return {
        text: 'The light is behind you. Turn so that it falls on your face.',
        tone: 'warn',
      };
  }
}
