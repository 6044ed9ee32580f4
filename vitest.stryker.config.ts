import { defineConfig } from 'vitest/config';

// Stryker runs the suite once per mutant: only the fast node tests of src/core
// (not the browser tests, nor the corpus, which generates minutes of frames).
export default defineConfig({
  test: {
    include: ['tests/core/**/*.test.ts'],
    testTimeout: 20_000,
  },
});
