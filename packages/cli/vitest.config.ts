import { defineConfig } from 'vitest/config'
import { workspaceAliases } from '../../vitest.shared.ts'

export default defineConfig({
  resolve: { alias: workspaceAliases },
  test: {
    name: 'cli',
    include: ['test/**/*.test.ts'],
    // The tests run the built command as a child process, and some drive Chromium.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
})
