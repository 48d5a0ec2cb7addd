import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'
import { workspaceAliases } from '../../vitest.shared.ts'

export default defineConfig({
  resolve: {
    alias: {
      // The runtime's theme helpers subpath, resolved to source like the shared aliases.
      '@slidemark/runtime/dom': fileURLToPath(
        new URL('../runtime/src/dom/index.ts', import.meta.url),
      ),
      '@slidemark/runtime/code-steps.css': fileURLToPath(
        new URL('../runtime/src/code-steps.css', import.meta.url),
      ),
      ...workspaceAliases,
    },
  },
  test: { name: 'theme-html5-slides', include: ['test/**/*.test.ts'], environment: 'happy-dom' },
})
