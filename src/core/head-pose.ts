import type { FaceObservation, FrameSize } from './frame';

/**
 * Head pitch in degrees, positive when the chin is raised.
 *
 * From the facial transformation matrix when present (column-major, y up, z toward the camera:
 * raising the chin rotates the face's forward axis up, a negative rotation about x), else from
 * the forehead-to-chin vector of the 3D landmarks (the chin comes toward the camera as it rises).
 * Either way the value has a per-person offset at rest, so callers compare it with a baseline.
 */
export function headPitchDegrees(face: FaceObservation, size: FrameSize): number | null {
  const m = face.matrix;
  if (m && m.length === 16) {
    const sinAlpha = m[6] ?? 0;
    const cosAlpha = m[10] ?? 1;
    return (-Math.atan2(sinAlpha, cosAlpha) * 180) / Math.PI;
  }
  const top = face.landmarks[10];
  const chin = face.landmarks[152];
  if (!top || !chin) return null;
  const dy = (chin[1] - top[1]) * size.height;
  const dz = (top[2] - chin[2]) * size.width;
  return (Math.atan2(dz, dy) * 180) / Math.PI;
}
