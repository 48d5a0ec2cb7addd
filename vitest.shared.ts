import { fileURLToPath } from 'node:url'

const src = (pkg: string, file = 'index.ts') =>
  fileURLToPath(new URL(`./packages/${pkg}/src/${file}`, import.meta.url))

/**
 * Tests run against each package's TypeScript source, not its `dist/`, so a
 * test never sees a stale build. Import this from a package's vitest.config.ts.
 */
export const workspaceAliases = {
  // Before '@slidemark/core', which would otherwise match '@slidemark/core/pool' (or '/decode') as a prefix.
  '@slidemark/core/pool': src('core', 'pool.ts'),
  '@slidemark/core/decode': src('core', 'decode.ts'),
  '@slidemark/core/messages': src('core', 'messages.ts'),
  '@slidemark/core': src('core'),
  // Before '@slidemark/runtime', for the same reason.
  '@slidemark/runtime/contract': src('runtime', 'contract.ts'),
  '@slidemark/runtime/dom': src('runtime', 'dom/index.ts'),
  '@slidemark/runtime/code-steps.css': src('runtime', 'code-steps.css'),
  '@slidemark/runtime': src('runtime'),
  '@slidemark/vite-plugin/paths': src('vite-plugin', 'paths.ts'),
  '@slidemark/vite-plugin/tools': src('vite-plugin', 'tools.ts'),
  '@slidemark/vite-plugin': src('vite-plugin'),
  '@slidemark/theme-html5-slides': src('theme-html5-slides'),
  '@slidemark/theme-horizon': src('theme-horizon'),
}
