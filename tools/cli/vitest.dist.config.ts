import { defineConfig } from 'vitest/config'

// `npm run test:dist`: the artefacts of `npm run dist` (npm package, single executables). Not
// part of `npm test`: see scripts/dist.ts and the README's "Install" section for why.
// A framework file: vitest wants the default export.
export default defineConfig({
  test: {
    include: ['test/install/**/*.install.ts'],
    testTimeout: 180_000,
    hookTimeout: 180_000,
    // The two files spawn big binaries (and Wine); one at a time on a small machine.
    fileParallelism: false,
  },
})
