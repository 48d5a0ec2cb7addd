import { defineConfig } from 'vitest/config'
import { workspaceAliases } from '../../vitest.shared.ts'

export default defineConfig({
  resolve: { alias: workspaceAliases },
  test: {
    name: 'vite-plugin',
    include: ['test/**/*.test.ts'],
    // Tests run real Vite builds, dev servers and Chromium: generous limits for a busy 2-core CI
    // machine. These bound hangs; they assert nothing about speed.
    testTimeout: 30_000,
    hookTimeout: 90_000,
  },
})
