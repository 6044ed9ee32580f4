// Mutation testing of the pure core: `npm run mutate` (slow, not part of `npm test` or CI).
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'npm',
  testRunner: 'vitest',
  // Only the fast node tests of src/core; the corpus and the browser tests are far too slow per mutant.
  vitest: { configFile: 'vitest.stryker.config.ts' },
  mutate: ['src/core/**/*.ts'],
  // Clips and reports are large and come and go while other tools run; the sandbox needs neither.
  ignorePatterns: ['.clips', 'reports', 'test-results', 'dist', '.stryker-tmp*'],
  coverageAnalysis: 'perTest',
  concurrency: 1,
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  // Stryker rewrites tsconfig.json's `extends`/`references` with the TypeScript JS API, which
  // TypeScript 7 no longer has; ours has neither, so point it at no file and skip the rewrite.
  tsconfigFile: 'tsconfig.stryker-none.json',
  reporters: ['clear-text', 'html', 'json', 'progress'],
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true },
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
