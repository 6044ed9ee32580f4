import { FaceSpace } from '../../src/core/face-space';
import type { FrameSize, TrackedFrame } from '../../src/core/frame';
import { HandTracker } from '../../src/core/hand-tracker';
import type { Judgement, StepRecognizer } from '../../src/core/recognizers';

/**
 * Feeds frames to one recogniser as the step engine does (face frame fitted, hands tracked in it)
 * and returns the verdicts, ending with a flush as at the end of a trace.
 */
export function recognize(
  recognizer: StepRecognizer,
  size: FrameSize,
  frames: readonly TrackedFrame[],
  options: { flush?: boolean; onFrame?: (frame: TrackedFrame, judged: Judgement[]) => void } = {},
): string[] {
  const space = new FaceSpace();
  const hands = new HandTracker();
  const verdicts: string[] = [];
  for (const frame of frames) {
    if (frame.face && space.fit(frame.face.landmarks, size))
      hands.update(frame.hands, frame.t, space);
    else hands.miss(frame.t);
    const judged = recognizer.update({ t: frame.t, face: frame.face, space, hands });
    options.onFrame?.(frame, judged);
    verdicts.push(...judged.map((j) => `${j.side}:${j.verdict}`));
  }
  if (options.flush ?? true) {
    const last = frames[frames.length - 1]?.t ?? 0;
    verdicts.push(...recognizer.flush(last).map((j) => `${j.side}:${j.verdict}`));
  }
  return verdicts;
}
