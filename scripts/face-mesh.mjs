// Reads the triangles of MediaPipe's canonical face mesh out of the face landmarker bundle, so the
// app can draw a neutral face from the 468 mesh landmarks (demo and mannequin views).
import { readFile, writeFile } from 'node:fs/promises';

const GEOMETRY_FILE = 'geometry_pipeline_metadata_landmarks.binarypb';

/** The bytes of one stored (uncompressed) file of a zip archive. */
export function zipEntry(zip, name) {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  // The end-of-central-directory record is within the last 64 KiB + 22 bytes.
  let end = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 65_558); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new Error('not a zip archive');
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  for (let n = 0; n < count; n++) {
    if (view.getUint32(at, true) !== 0x02014b50) throw new Error('damaged zip directory');
    const method = view.getUint16(at + 10, true);
    const size = view.getUint32(at + 20, true);
    const nameLength = view.getUint16(at + 28, true);
    const extra = view.getUint16(at + 30, true);
    const comment = view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    const entryName = new TextDecoder().decode(zip.subarray(at + 46, at + 46 + nameLength));
    if (entryName === name) {
      if (method !== 0) throw new Error(`${name} is compressed; expected it stored`);
      const start =
        local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
      return zip.subarray(start, start + size);
    }
    at += 46 + nameLength + extra + comment;
  }
  throw new Error(`${name} not found`);
}

function varint(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (byte < 0x80) return [value, at];
  }
}

/** The fields of a protobuf message: [field number, wire type, value (number or bytes)]. */
function fields(bytes) {
  const out = [];
  let at = 0;
  while (at < bytes.length) {
    let key;
    [key, at] = varint(bytes, at);
    const field = Math.floor(key / 8);
    const wire = key & 7;
    if (wire === 0) {
      let value;
      [value, at] = varint(bytes, at);
      out.push([field, wire, value]);
    } else if (wire === 2) {
      let length;
      [length, at] = varint(bytes, at);
      out.push([field, wire, bytes.subarray(at, at + length)]);
      at += length;
    } else if (wire === 5) {
      out.push([field, wire, bytes.subarray(at, at + 4)]);
      at += 4;
    } else if (wire === 1) {
      out.push([field, wire, bytes.subarray(at, at + 8)]);
      at += 8;
    } else throw new Error(`unexpected protobuf wire type ${wire}`);
  }
  return out;
}

/**
 * The canonical mesh's triangles (indices of face landmarks), from the face landmarker bundle:
 * GeometryPipelineMetadata.canonical_mesh (field 1), Mesh3d.index_buffer (field 4).
 */
export function canonicalTriangles(task) {
  const metadata = zipEntry(task, GEOMETRY_FILE);
  const mesh = fields(metadata).find(([field, wire]) => field === 1 && wire === 2)?.[2];
  if (!mesh) throw new Error('no canonical mesh in the geometry metadata');
  const indices = [];
  for (const [field, wire, value] of fields(mesh)) {
    if (field !== 4) continue;
    if (wire === 0) indices.push(value);
    else if (wire === 2) {
      for (let at = 0; at < value.length; ) {
        let index;
        [index, at] = varint(value, at);
        indices.push(index);
      }
    }
  }
  if (indices.length === 0 || indices.length % 3 !== 0)
    throw new Error(`the canonical mesh has ${indices.length} indices, not whole triangles`);
  return indices;
}

/** Writes `out` (JSON: `{ triangles }`) from the face landmarker bundle at `taskPath`. */
export async function writeFaceMesh(taskPath, out) {
  const triangles = canonicalTriangles(new Uint8Array(await readFile(taskPath)));
  await writeFile(out, JSON.stringify({ source: GEOMETRY_FILE, triangles }));
  return triangles.length / 3;
}
