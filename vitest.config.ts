import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 240_000,
    // Browser tests start Chromium with two tracking workers each; on two cores they run one at a time.
    fileParallelism: false,
  },
});
