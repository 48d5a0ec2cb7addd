import { defineConfig } from 'vitest/config'
import { workspaceAliases } from '../../vitest.shared.ts'

export default defineConfig({
  resolve: { alias: workspaceAliases },
  test: { name: 'theme-horizon', include: ['test/**/*.test.ts'], environment: 'happy-dom' },
})
