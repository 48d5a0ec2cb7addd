import { defineConfig } from 'rolldown'

/**
 * The pool's worker as one module plus lazy chunks (KaTeX, QR codes), run by
 * `pnpm build` after `tsc`: a thread loads it in about half the time the
 * hundreds of small modules of the pipeline take, and every thread of every
 * cold build pays that load. Shiki stays outside: it loads its grammars and
 * themes by import at run time, from the installed package.
 */
export default defineConfig({
  input: 'dist/lib/pool-worker.js',
  platform: 'node',
  // oniguruma-to-es too: Shiki's JavaScript engine imports it, and bundling our import of
  // it loaded a second copy in every thread.
  external: [/^node:/, /^shiki($|\/)/, 'oniguruma-to-es'],
  logLevel: 'warn',
  output: { dir: 'dist/worker', format: 'esm', cleanDir: true },
})
