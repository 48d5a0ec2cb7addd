/**
 * Entry point for measurements that need a fresh process (cold start,
 * persistent cache, peak memory). `node dist/child.js <task> [options]`
 * prints one JSON line on stdout; see `runChild` in process.ts.
 *
 * Tasks:
 * - `highlighter --engine oniguruma|javascript`: import Shiki, create the
 *   bench highlighter; `{ importMs, createMs }`.
 * - `compile --tool slidemark|bare --deck <slides>|gevent [--cache-dir DIR]`:
 *   compile a deck once in this process; `{ compileMs, processMs, maxRssMB, slides }`.
 *   With `--cache-dir`, Slidemark uses the Vite plugin's disk cache there.
 */

import { parseArgs } from 'node:util'
import { BASELINE_ENGINE, THEMES } from './config.js'
import { generateDeck, geventShapedDeck, splitSlides, toFencedForm } from './deck.js'
import { loadDiskCache } from './pipelines/disk-cache.js'

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    engine: { type: 'string', default: 'oniguruma' },
    tool: { type: 'string', default: 'slidemark' },
    deck: { type: 'string', default: '25' },
    'cache-dir': { type: 'string' },
  },
})

function deckSource(name: string): string {
  return name === 'gevent' ? geventShapedDeck() : generateDeck(Number(name))
}

function maxRssMB(): number {
  // resourceUsage().maxRSS is in kilobytes.
  return process.resourceUsage().maxRSS / 1024
}

async function highlighterTask() {
  const engine = values.engine === 'javascript' ? 'javascript' : 'oniguruma'
  const t0 = performance.now()
  const { createBenchHighlighter } = await import('./pipelines/bare.js')
  const t1 = performance.now()
  const highlighter = await createBenchHighlighter(engine)
  const t2 = performance.now()
  highlighter.dispose()
  return { importMs: t1 - t0, createMs: t2 - t1 }
}

/**
 * `importMs`: loading the pipeline's modules; `cacheOpenMs`: loading the
 * Vite plugin's disk cache (which imports Vite); `compileMs`: the compile
 * itself, highlighter creation and grammar loading included.
 */
async function compileTask() {
  const source = deckSource(values.deck ?? '25')
  if (values.tool === 'bare') {
    const t0 = performance.now()
    const { createBarePipeline, createBenchHighlighter } = await import('./pipelines/bare.js')
    const t1 = performance.now()
    const highlighter = await createBenchHighlighter(BASELINE_ENGINE)
    const html = await createBarePipeline({ highlighter }).render(splitSlides(toFencedForm(source)))
    const t2 = performance.now()
    return {
      importMs: t1 - t0,
      cacheOpenMs: 0,
      compileMs: t2 - t1,
      processMs: t2,
      maxRssMB: maxRssMB(),
      slides: html.length,
    }
  }
  const t0 = performance.now()
  const { loadCore } = await import('./pipelines/slidemark.js')
  const core = await loadCore()
  const t1 = performance.now()
  const cacheDir = values['cache-dir']
  const cache = cacheDir ? await loadDiskCache(cacheDir, { themes: { ...THEMES } }) : false
  const t2 = performance.now()
  const deck = await core.compile(source, { themes: { ...THEMES }, cache })
  const t3 = performance.now()
  return {
    importMs: t1 - t0,
    cacheOpenMs: t2 - t1,
    compileMs: t3 - t2,
    processMs: t3,
    maxRssMB: maxRssMB(),
    slides: deck.slides.length,
  }
}

const task = positionals[0]
try {
  const result =
    task === 'highlighter'
      ? await highlighterTask()
      : task === 'compile'
        ? await compileTask()
        : undefined
  if (!result) throw new Error(`unknown child task ${task}`)
  process.stdout.write(`${JSON.stringify(result)}\n`)
} catch (error) {
  const unavailable = error instanceof Error && error.name === 'Unavailable'
  process.stdout.write(
    `${JSON.stringify({ error: error instanceof Error ? error.message : String(error), unavailable })}\n`,
  )
  process.exitCode = 1
}
