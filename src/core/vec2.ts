/** A 2D point or vector; plain objects keep traces and tests readable. */
export interface Vec2 {
  x: number;
  y: number;
}
