import { defineConfig } from 'vitest/config'

// Real servers and real sockets on a shared 2-core machine: generous bounds, never timing assertions.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
})
