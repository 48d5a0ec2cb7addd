import { defineConfig } from 'vitest/config'

// One Vitest project per package: each package keeps its own vitest.config.ts
// (environment, timeouts) and its tests in `test/`.
export default defineConfig({
  test: {
    projects: ['packages/*/vitest.config.ts'],
  },
})
