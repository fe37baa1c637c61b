import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // A real Chromium on a 2-core machine shared with other builds: generous per-test limits.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
})
