import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'
import { workspaceAliases } from '../../vitest.shared.ts'

export default defineConfig({
  resolve: {
    alias: {
      // Before '@slidemark/runtime', which would otherwise match it as a prefix.
      '@slidemark/runtime/dom': fileURLToPath(
        new URL('../runtime/src/dom/index.ts', import.meta.url),
      ),
      '@slidemark/runtime/code-steps.css': fileURLToPath(
        new URL('../runtime/src/code-steps.css', import.meta.url),
      ),
      ...workspaceAliases,
    },
  },
  test: { name: 'vue', include: ['test/**/*.test.ts'], environment: 'happy-dom' },
})
