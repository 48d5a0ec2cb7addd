import { defineConfig } from 'rolldown'

/**
 * Packages the main-thread bundle holds: `yaml` (its Node build is about 80
 * CommonJS files, 40 ms of a cold `slidemark build` to load one by one) and
 * the small tree utilities the remark plugins import. The pipeline's big
 * dependencies (unified, remark, rehype, Shiki, KaTeX) stay outside: the
 * main thread of a CLI build never loads them, the threads do.
 */
const inlined = [
  'yaml',
  'unist-util-visit',
  'unist-util-visit-parents',
  'unist-util-is',
  'mdast-util-to-string',
  'hast-util-to-string',
  'micromark-factory-space',
  'micromark-util-character',
  'micromark-util-symbol',
]

/**
 * Grammars and themes are ES modules the CommonJS worker loads with
 * `require()` (see below). rolldown wraps each such `require` in `__toESM(…, 1)`,
 * which reads the required value as a CommonJS `module.exports` and makes
 * it the `default`, nesting the module's own `default` (the grammar) one
 * level down. Node's `require()` of an ES module already gives its
 * namespace, `default` included: take it as it is.
 */
const esmRequires = {
  name: 'slidemark:esm-requires',
  renderChunk(code) {
    const unwrapped = code.replace(
      /(?:\/\* @__PURE__ \*\/ )?[\w$.]*__toESM\((require\("@shikijs\/(?:langs|themes)\/[^"]+"\)), 1\)/g,
      '$1',
    )
    if (/__toESM\(require\("@shikijs\//.test(unwrapped)) {
      throw new Error('the worker bundle still wraps the require of a grammar or theme')
    }
    return unwrapped
  },
}

/** A bare import (a package) that is not in `inlined`, or a Node built-in. */
function outside(id) {
  if (id.startsWith('node:')) return true
  if (id.startsWith('.') || id.startsWith('/') || id.startsWith('\0')) return false
  return !inlined.some((name) => id === name || id.startsWith(`${name}/`))
}

export default defineConfig([
  /**
   * The pool's worker as one module plus lazy chunks (KaTeX, QR codes), run by
   * `pnpm build` after `tsc`: a thread loads it in about half the time the
   * hundreds of small modules of the pipeline take, and every thread of every
   * cold build pays that load. Shiki's code is in it too (it shares
   * hast-util-to-html, property-information and more with the pipeline, which
   * a thread loaded twice when Shiki stayed outside: a thread was ready 55 ms
   * sooner with it in); its grammars and themes stay outside, loaded at run
   * time from the installed packages when a deck uses them.
   *
   * CommonJS, so the thread can run it with V8's code cache (a `vm.Script`,
   * see src/lib/code-cache.ts), and with `import()` as `require()` (Node 20.19
   * requires ES modules), which a `vm.Script` needs.
   */
  {
    input: { 'compile-thread': 'dist/lib/pool-worker.js' },
    platform: 'node',
    plugins: [esmRequires],
    external: [/^node:/, /^@shikijs\/(langs|themes)\//, 'shiki/wasm'],
    logLevel: 'warn',
    output: {
      dir: 'dist/worker',
      format: 'cjs',
      exports: 'named', // `default` (the task) and `ready`, as the loader reads them
      entryFileNames: '[name].cjs',
      chunkFileNames: '[name]-[hash].cjs',
      dynamicImportInCjs: false,
      cleanDir: true,
    },
  },
  /** The module tinypool loads in each thread: it runs the bundle above with the code cache. */
  {
    input: { 'pool-worker': 'dist/lib/pool-worker-loader.js' },
    platform: 'node',
    external: [/^node:/],
    logLevel: 'warn',
    output: { dir: 'dist/worker', format: 'esm' },
  },
  /**
   * The package's entry points as the main thread loads them (package.json's
   * `exports` point here): a few files instead of about 140 modules, so the
   * CLI is ready to hand slides to the threads when they are ready for them
   * (a cold 500-slide build: 65 ms sooner). `dist/bundle/` sits beside
   * `dist/lib/`, so `builtFile()` finds the worker and the tables from both.
   */
  {
    input: {
      index: 'dist/index.js',
      pool: 'dist/pool.js',
      decode: 'dist/decode.js',
      messages: 'dist/messages.js',
    },
    platform: 'node',
    external: outside,
    logLevel: 'warn',
    output: { dir: 'dist/bundle', format: 'esm', cleanDir: true },
  },
])
