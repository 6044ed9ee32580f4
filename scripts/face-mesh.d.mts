/** The bytes of one stored (uncompressed) file of a zip archive. */
export function zipEntry(zip: Uint8Array, name: string): Uint8Array;
/** The canonical face mesh's triangles (face landmark indices, three per triangle). */
export function canonicalTriangles(task: Uint8Array): number[];
/** Writes `out` (JSON: `{ triangles }`) from the face landmarker bundle; returns the triangle count. */
export function writeFaceMesh(taskPath: string, out: string): Promise<number>;
