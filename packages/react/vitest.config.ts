import { defineConfig } from 'vitest/config'
import { workspaceAliases } from '../../vitest.shared.ts'

export default defineConfig({
  resolve: { alias: workspaceAliases },
  test: { name: 'react', include: ['test/**/*.test.ts'], environment: 'happy-dom' },
})
