import { describe, expect, it } from 'vitest';
import { MAX_TRACE_DURATION_MS, readTraceText } from '../../src/core/trace';
import { seededRandom } from '../support/stroke-synth';
import { loadTrace } from '../support/traces';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Fields every trace, frame, face and hand must have. */
const REQUIRED = new Set([
  'format',
  'version',
  'width',
  'height',
  'frames',
  't',
  'face',
  'hands',
  'landmarks',
  'handedness',
  'score',
]);

/** Every place in a JSON value, as a path of keys and indices. */
function places(value: Json, path: (string | number)[] = [], out: (string | number)[][] = []) {
  out.push(path);
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) places(v, [...path, i], out);
  } else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) places(v, [...path, k], out);
  return out;
}

function get(value: Json, path: (string | number)[]): Json {
  return path.reduce<Json>((v, k) => (v as Record<string | number, Json>)[k] as Json, value);
}

function set(value: Json, path: (string | number)[], next: Json | undefined): void {
  const parent = get(value, path.slice(0, -1)) as Record<string | number, Json>;
  const key = path.at(-1) as string | number;
  if (next === undefined) {
    if (Array.isArray(parent)) parent.splice(key as number, 1);
    else delete parent[key];
  } else parent[key] = next;
}

/** A value of another JSON type than `value`, never one the schema accepts in its place. */
function wrongType(value: Json, random: () => number): Json {
  const options: Json[] = [
    'text',
    { nested: [1, 2] },
    true,
    ...(typeof value === 'number' ? [] : [42]),
    ...(Array.isArray(value) ? [] : [[1, 'two']]),
  ];
  return options[Math.floor(random() * options.length)] as Json;
}

const nest = (depth: number): string => `${'['.repeat(depth)}1${']'.repeat(depth)}`;

describe('reading trace files: 1,200 malformed ones', () => {
  const base = loadTrace('business_person');
  const frame = base.frames[0];
  // Three frames: one with the face and a hand, as recorded, then one without hands and one without a face.
  const frames = [
    { ...frame, t: 0 },
    { ...frame, t: 40, hands: [] },
    { ...frame, t: 80, face: null },
  ];
  const valid = { ...base, frames } as unknown as Json;
  const validText = JSON.stringify(valid);
  const random = seededRandom(20261201);
  const paths = places(valid).filter((p) => p.length > 0);
  const requiredPaths = paths.filter((p) => REQUIRED.has(String(p.at(-1))));
  // Leaves where any other type is wrong: numbers, the handedness label, the format name.
  const typedPaths = paths.filter((p) => {
    const v = get(valid, p);
    return typeof v === 'number' || typeof v === 'string' || Array.isArray(v);
  });
  const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)] as T;
  const cap = validText.length + 1000;

  const cases: { kind: string; text: string }[] = [];
  for (let i = 0; i < 200; i++) {
    const copy = structuredClone(valid);
    set(copy, pick(requiredPaths), undefined);
    cases.push({ kind: 'missing field', text: JSON.stringify(copy) });
  }
  for (let i = 0; i < 400; i++) {
    const copy = structuredClone(valid);
    const path = pick(typedPaths);
    const v = get(copy, path);
    // Strings: the schema reads three (format, and the labels Left and Right); others are wrong.
    set(copy, path, typeof v === 'string' ? 'Both' : wrongType(v, random));
    cases.push({ kind: 'wrong type', text: JSON.stringify(copy) });
  }
  for (let i = 0; i < 200; i++) {
    const path = pick(typedPaths);
    const copy = structuredClone(valid);
    set(copy, path, '__NEST__');
    const depth = 50 + Math.floor(random() * 20000);
    cases.push({
      kind: 'deep nesting',
      text: JSON.stringify(copy).replace('"__NEST__"', nest(depth)),
    });
  }
  for (let i = 0; i < 200; i++) {
    const at = 1 + Math.floor(random() * (validText.length - 2));
    cases.push({ kind: 'cut short', text: validText.slice(0, at) });
  }
  for (let i = 0; i < 100; i++) {
    const extra = 1001 + Math.floor(random() * 50_000);
    cases.push({ kind: 'oversized', text: validText + ' '.repeat(extra) });
  }
  for (let i = 0; i < 50; i++) {
    const copy = structuredClone(valid) as { frames: { t: number }[] };
    const last = copy.frames.at(-1) as { t: number };
    last.t = (copy.frames[0]?.t ?? 0) + MAX_TRACE_DURATION_MS + 1 + random() * 1e9;
    cases.push({ kind: 'too long', text: JSON.stringify(copy) });
  }
  for (let i = 0; i < 50; i++) {
    const copy = structuredClone(valid) as { frames: { t: number }[] };
    const frame = pick(copy.frames);
    frame.t = -1;
    const text = JSON.stringify(copy).replace(
      '"t":-1',
      pick(['"t":1e999', '"t":-1e999', '"t":"NaN"']),
    );
    cases.push({ kind: 'not a number', text });
  }

  it('accepts the file they were made from', () => {
    expect(readTraceText(validText, cap).ok).toBe(true);
  });

  it('rejects every one with a message a person can read, without throwing', () => {
    expect(cases.length).toBeGreaterThanOrEqual(1200);
    const kinds = new Map<string, number>();
    for (const { kind, text } of cases) {
      const result = readTraceText(text, cap);
      expect(result.ok, `${kind}: ${text.slice(0, 200)}`).toBe(false);
      if (result.ok) continue;
      // Plain words: no schema paths (frames.0.face), no validator jargon.
      expect(result.error, kind).not.toMatch(
        /\w\.\d|invalid_|Expected|received|undefined|\[object/,
      );
      expect(result.error.length, kind).toBeGreaterThan(10);
      kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    }
    expect([...kinds.keys()].sort()).toEqual(
      [
        'cut short',
        'deep nesting',
        'missing field',
        'not a number',
        'oversized',
        'too long',
        'wrong type',
      ].sort(),
    );
  });
});
