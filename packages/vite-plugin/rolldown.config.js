import { defineConfig } from 'rolldown'

/**
 * The plugin's Node entry points as Node loads them (package.json's
 * `exports` point here): a few files instead of about 25 modules, and of
 * `@slidemark/runtime` only `parseHash` (deep-link.ts writes its source into
 * the page), not the runtime's dozen modules. `lazy-slides.js`, which the
 * browser loads, stays as `tsc` writes it. Packages stay outside.
 */
export default defineConfig({
  input: {
    index: 'dist/index.js',
    tools: 'dist/tools.js',
    paths: 'dist/paths.js',
  },
  platform: 'node',
  external: (id) =>
    id.startsWith('node:') ||
    (!/^[./\0]/.test(id) && id !== '@slidemark/runtime' && !id.startsWith('@slidemark/runtime/')),
  logLevel: 'warn',
  output: { dir: 'dist/bundle', format: 'esm', cleanDir: true },
})
