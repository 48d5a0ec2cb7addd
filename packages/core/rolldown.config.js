import { defineConfig } from 'rolldown'

/**
 * The pool's worker as one module plus lazy chunks (KaTeX, QR codes), run by
 * `pnpm build` after `tsc`: a thread loads it in about half the time the
 * hundreds of small modules of the pipeline take, and every thread of every
 * cold build pays that load. Shiki's code is in it too (it shares
 * hast-util-to-html, property-information and more with the pipeline, which
 * a thread loaded twice when Shiki stayed outside: a thread was ready 55 ms
 * sooner with it in); its grammars and themes stay outside, imported at run
 * time from the installed packages when a deck uses them.
 */
export default defineConfig({
  input: 'dist/lib/pool-worker.js',
  platform: 'node',
  external: [/^node:/, /^@shikijs\/(langs|themes)\//, 'shiki/wasm'],
  logLevel: 'warn',
  output: { dir: 'dist/worker', format: 'esm', cleanDir: true },
})
