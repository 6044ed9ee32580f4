import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toTrace } from '../../src/core/trace';
import { generatedCorpus } from '../corpus/scenarios';

const root = resolve(import.meta.dirname, '..', '..');
const replay = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'scripts/replay.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
  });

describe('replay CLI', () => {
  it('lists every routine and step with kind, reps and sides', () => {
    const result = replay('--list');
    expect(result.status).toBe(0);
    const { routines } = JSON.parse(result.stdout);
    const ids = Object.fromEntries(
      routines.map((r: { id: string; steps: { id: string }[] }) => [
        r.id,
        r.steps.map((s) => s.id),
      ]),
    );
    expect(ids['facegym-daily']).toEqual([
      'chin-flicks',
      'laugh-line-walk',
      'jawline-glide',
      'brow-pinch',
    ]);
    expect(ids['facegym-release']).toEqual(['platysma-stretch', 'forehead-deadlift']);
    expect(ids.anma).toEqual([
      'cheek-circles',
      'jaw-to-cheekbone',
      'smile-lines',
      'eye-circles',
      'lip-pluck',
    ]);
    for (const routine of routines) {
      for (const step of routine.steps) {
        expect(Object.keys(step).sort()).toEqual(['id', 'kind', 'reps', 'sides', 'title']);
        expect(['each', 'both', 'none']).toContain(step.sides);
      }
    }
  });

  it('prints the strokes and the step completion of a trace as NDJSON, then moves on', () => {
    const scenario = generatedCorpus().find((s) =>
      s.name.startsWith('facegym-daily/jawline-glide: all good'),
    );
    if (!scenario) throw new Error('scenario missing');
    const file = join(mkdtempSync(join(tmpdir(), 'replay-')), 'glide.json');
    writeFileSync(file, JSON.stringify(toTrace(scenario.size, scenario.frames)));
    const result = replay(file, '--routine', 'facegym-daily', '--step', 'jawline-glide');
    expect(result.status, result.stderr).toBe(0);
    const events = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    const strokes = events.filter((e) => e.type === 'stroke');
    expect(strokes).toHaveLength(10);
    for (const e of strokes)
      expect(e).toMatchObject({ step: 'jawline-glide', verdict: 'good', t: expect.any(Number) });
    expect(events.filter((e) => e.type === 'step-complete')).toEqual([
      { type: 'step-complete', t: expect.any(Number), step: 'jawline-glide' },
    ]);
  });

  it('exits 2 with one line on stderr for bad input', () => {
    const cases = [
      ['no-such-file.json', '--routine', 'anma'],
      ['package.json', '--routine', 'anma'],
      ['tests/data/bg_face_640x480.trace.json', '--routine', 'nope'],
      ['tests/data/bg_face_640x480.trace.json', '--routine', 'anma', '--step', 'nope'],
      ['tests/data/bg_face_640x480.trace.json'],
    ];
    for (const args of cases) {
      const result = replay(...args);
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(result.stdout).toBe('');
    }
  });
});
