// Mutation testing of src/core one file at a time, for a machine where a whole `npm run mutate`
// takes hours: each file's run keeps its own report (reports/mutation/by-file/), a file whose
// report is newer than the code and the tests is not run again, and the score is added up over
// every report. Static mutants (module-level code: schemas, tables) are left out of the Stryker
// runs and applied by hand instead, with --static.
// NOTE: with @stryker-mutator/vitest-runner 9.6 and vitest 4.1, a static mutant that breaks the
// import of a test file is reported Survived: vitest reports a failed collection, not failed tests.
//   npx tsx scripts/mutate-by-file.ts [--static] [--keep] [--concurrency 1] [src/core/<file>.ts ...]
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';

interface Position {
  line: number;
  column: number;
}
interface MutantResult {
  mutatorName: string;
  replacement?: string;
  status: string;
  static?: boolean;
  location: { start: Position; end: Position };
}
interface Report {
  files: Record<string, { source: string; mutants: MutantResult[] }>;
}

const root = resolve(import.meta.dirname, '..');
const reportsDir = join(root, 'reports', 'mutation', 'by-file');
const { values, positionals } = parseArgs({
  options: {
    static: { type: 'boolean', default: false },
    // Uses the reports there are, however old, without running Stryker (to apply their static
    // mutants after a change to the tests alone, say).
    keep: { type: 'boolean', default: false },
    concurrency: { type: 'string', default: '1' },
  },
  allowPositionals: true,
});

function coreFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return coreFiles(path);
    return entry.name.endsWith('.ts') ? [relative(root, path)] : [];
  });
}

const newest = (dir: string): number =>
  Math.max(
    ...readdirSync(dir, { withFileTypes: true }).map((e) =>
      e.isDirectory() ? newest(join(dir, e.name)) : statSync(join(dir, e.name)).mtimeMs,
    ),
  );

const reportPath = (file: string) =>
  join(reportsDir, `${file.replace(/^src\/core\//, '').replace(/[/.]/g, '_')}.json`);

/** When a core test last changed: a report older than that is run again. */
const testsChanged = newest(join(root, 'tests', 'core'));

function mutateFile(file: string): void {
  const report = reportPath(file);
  if (
    existsSync(report) &&
    (values.keep || statSync(report).mtimeMs > Math.max(statSync(file).mtimeMs, testsChanged))
  ) {
    console.log(`${file}: report up to date`);
    return;
  }
  console.log(`${file}: mutating`);
  try {
    execFileSync(
      'npx',
      [
        'stryker',
        'run',
        '--mutate',
        file,
        '--incrementalFile',
        relative(root, report),
        '--ignoreStatic',
        '--concurrency',
        values.concurrency ?? '1',
        '--timeoutMS',
        '20000',
        '--reporters',
        'clear-text',
        // Its own sandbox, so that a run of `npm run mutate` beside it keeps its own.
        '--tempDirName',
        '.stryker-tmp-by-file',
      ],
      { cwd: root, stdio: 'inherit' },
    );
  } catch {
    // NOTE: Stryker stops with an error for a file no test imports (a file of types only).
    console.log(`${file}: Stryker ran no tests against it`);
  }
}

/** Offset in `source` of a 1-based line and column. */
function offset(source: string, { line, column }: Position): number {
  const lines = source.split('\n');
  return lines.slice(0, line - 1).reduce((sum, l) => sum + l.length + 1, 0) + column - 1;
}

/**
 * Applies a static mutant to its file and runs every test that imports it; restores the file
 * whatever happens. True when a test fails (the mutant is killed).
 */
function killedByHand(file: string, mutant: MutantResult): boolean {
  const original = readFileSync(file, 'utf8');
  const restore = () => writeFileSync(file, original);
  // Interrupted, the file is put back before the process ends.
  const interrupted = () => {
    restore();
    process.exit(130);
  };
  process.once('SIGINT', interrupted);
  try {
    const start = offset(original, mutant.location.start);
    const end = offset(original, mutant.location.end);
    writeFileSync(
      file,
      original.slice(0, start) + (mutant.replacement ?? '') + original.slice(end),
    );
    execFileSync('npx', ['vitest', 'related', '--run', '-c', 'vitest.stryker.config.ts', file], {
      cwd: root,
      stdio: 'ignore',
    });
    return false;
  } catch {
    return true;
  } finally {
    restore();
    process.removeListener('SIGINT', interrupted);
  }
}

mkdirSync(reportsDir, { recursive: true });
const files = positionals.length ? positionals : coreFiles(join(root, 'src', 'core'));
if (values.static) {
  const dirty = execFileSync('git', ['status', '--porcelain', 'src'], {
    cwd: root,
    encoding: 'utf8',
  });
  if (dirty.trim()) throw new Error('Commit or stash the changes in src first: --static edits it.');
}
const tally = () => ({
  killed: 0,
  survived: 0,
  staticKilled: 0,
  staticSurvived: 0,
  staticUnchecked: 0,
});
const totals = tally();
for (const file of files) {
  mutateFile(file);
  if (!existsSync(reportPath(file))) continue;
  const report = JSON.parse(readFileSync(reportPath(file), 'utf8')) as Report;
  const result = report.files[file];
  if (!result) continue;
  const counts = tally();
  for (const mutant of result.mutants) {
    if (mutant.static && (mutant.status === 'Ignored' || mutant.status === 'Survived')) {
      if (!values.static) counts.staticUnchecked++;
      else if (killedByHand(file, mutant)) counts.staticKilled++;
      else counts.staticSurvived++;
    } else if (mutant.status === 'Killed' || mutant.status === 'Timeout') counts.killed++;
    else if (mutant.status === 'Survived' || mutant.status === 'NoCoverage') counts.survived++;
  }
  for (const key of Object.keys(totals) as (keyof typeof totals)[]) totals[key] += counts[key];
  console.log(`${file}: ${JSON.stringify(counts)}`);
}
const detected = totals.killed + totals.staticKilled;
const all = detected + totals.survived + totals.staticSurvived + totals.staticUnchecked;
console.log(
  `mutation score over ${files.length} files: ${((100 * detected) / Math.max(1, all)).toFixed(1)}% (${detected} of ${all}; ${totals.staticUnchecked} static mutants not applied, counted as survived)`,
);
