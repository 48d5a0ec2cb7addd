import { defineConfig } from 'vitest/config'
import { workspaceAliases } from '../../vitest.shared.ts'

export default defineConfig({
  resolve: { alias: workspaceAliases },
  test: {
    name: 'core',
    include: ['test/**/*.test.ts'],
    // Loading a Shiki grammar compiles its regexes: seconds on a busy 2-core machine.
    testTimeout: 60_000,
  },
})
