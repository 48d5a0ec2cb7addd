/**
 * Figures that need a fresh Node process each run: highlighter creation per
 * Shiki engine (and whether both engines give the same HTML), a cold
 * process's first compile (item 1), the rebuild with the persistent disk
 * cache (item 3) and peak RSS (item 8).
 */

import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { THEMES } from '../config.js'
import { codeLanguageOf, codeLines } from '../deck.js'
import { createBenchHighlighter } from '../pipelines/bare.js'
import { runChild } from '../process.js'
import { type Row, Unavailable } from '../result.js'
import { median, ratio } from '../stats.js'
import { atMost, measure, type Suite } from '../suite.js'

interface HighlighterChild {
  importMs: number
  createMs: number
}

interface CompileChild {
  importMs: number
  cacheOpenMs: number
  compileMs: number
  processMs: number
  maxRssMB: number
  slides: number
}

async function childRuns<T extends object>(count: number, args: string[]) {
  const results: Array<T & { wallMs: number }> = []
  for (let i = 0; i < count; i++) results.push(await runChild<T>(args))
  return results
}

export async function measureProcesses(suite: Suite): Promise<void> {
  const runs = suite.smoke ? 1 : 3

  await measure(suite, 0, 'highlighter creation per engine', async () => {
    const rows: Row[] = []
    for (const engine of ['oniguruma', 'javascript'] as const) {
      const results = await childRuns<HighlighterChild>(runs, ['highlighter', '--engine', engine])
      const create = median(results.map((r) => r.createMs))
      suite.figures.set(`highlighter:${engine}`, create)
      rows.push({
        item: 1,
        label: `highlighter creation, fresh process, ${engine} engine (2 themes, 4 langs)`,
        value: create,
        unit: 'ms',
        note: `+ ${median(results.map((r) => r.importMs)).toFixed(0)} ms importing shiki, unified, rehype-pretty-code`,
      })
    }
    return rows
  })

  await measure(suite, 0, 'Shiki engines: same output and throughput', () =>
    compareEngines(suite.smoke ? 25 : 500, suite.smoke ? 1 : 3),
  )

  const deck = suite.smoke ? '25' : '500'
  const label = `${deck} slides`
  const coldRuns = suite.smoke ? 1 : 2

  let cacheDir: string | undefined
  await measure(suite, 1, `cold process, ${label}`, async () => {
    const bare = await childRuns<CompileChild>(coldRuns, [
      'compile',
      '--tool',
      'bare',
      '--deck',
      deck,
    ])
    // Import + highlighter + first pass; Slidemark's disk-cache opening (it imports Vite) is left out.
    const bareMs = median(bare.map((r) => r.importMs + r.compileMs))
    const rows: Row[] = [
      {
        item: 1,
        label: `cold process: import + highlighter + bare pipeline, ${label}`,
        value: bareMs,
        unit: 'ms',
      },
    ]
    // Each cold run starts with an empty disk cache, as a first build does; the
    // last one's cache is kept for the rebuild below.
    const sm: CompileChild[] = []
    for (let run = 0; run < coldRuns; run++) {
      if (cacheDir) rmSync(cacheDir, { recursive: true, force: true })
      cacheDir = mkdtempSync(path.join(tmpdir(), 'slidemark-bench-cache-'))
      const args = ['compile', '--tool', 'slidemark', '--deck', deck, '--cache-dir', cacheDir]
      sm.push(...(await childRuns<CompileChild>(1, args)))
    }
    const smMs = median(sm.map((r) => r.importMs + r.compileMs))
    suite.figures.set(`cold-compile:${deck}`, median(sm.map((r) => r.compileMs)))
    suite.figures.set(
      `cold-process-total:${deck}`,
      median(sm.map((r) => r.importMs + r.cacheOpenMs + r.compileMs)),
    )
    rows.push({
      item: 1,
      label: `cold process: import + compile() (empty disk cache), ${label}`,
      value: smMs,
      unit: 'ms',
      ratio: { label: '/bare', value: ratio(smMs, bareMs) },
    })
    return rows
  })

  await measure(suite, 3, `rebuild with the persistent cache, ${label}`, async () => {
    if (!cacheDir) throw new Unavailable('no cold run filled a disk cache (see item 1)')
    try {
      const args = ['compile', '--tool', 'slidemark', '--deck', deck, '--cache-dir', cacheDir]
      const rebuilds = await childRuns<CompileChild>(coldRuns, args)
      const rebuild = median(rebuilds.map((r) => r.compileMs))
      const share = ratio(rebuild, suite.figures.get(`cold-compile:${deck}`))
      const total = median(rebuilds.map((r) => r.importMs + r.cacheOpenMs + r.compileMs))
      const totalShare = ratio(total, suite.figures.get(`cold-process-total:${deck}`))
      return [
        {
          item: 3,
          label: `rebuild in a new process: compile() with the disk cache warm, ${label}`,
          value: rebuild,
          unit: 'ms',
          ratio: { label: 'rebuild/cold', value: share },
          // The target is set for 500 slides.
          ...(deck === '500'
            ? { target: { text: '<= 10 % of cold', met: atMost(share, 0.1) } }
            : {}),
          note: `with imports and opening the cache: ${(total / 1000).toFixed(2)} s = ${((totalShare ?? 0) * 100).toFixed(0)} % of cold`,
        },
      ]
    } finally {
      rmSync(cacheDir, { recursive: true, force: true })
    }
  })

  if (!suite.smoke) {
    await measure(suite, 8, 'peak RSS, 2000 slides', async () => {
      const [sm] = await childRuns<CompileChild>(1, [
        'compile',
        '--tool',
        'slidemark',
        '--deck',
        '2000',
      ])
      return [
        {
          item: 8,
          label: 'peak RSS, compile() of 2000 slides in a fresh process',
          value: sm?.maxRssMB,
          unit: 'MB',
          target: { text: '< 500 MB', met: atMost(sm?.maxRssMB, 500) },
          note: `compile time ${((sm?.compileMs ?? 0) / 1000).toFixed(1)} s`,
        },
      ]
    })
  }
}

/**
 * Highlights every code block of a generated deck with both engines and
 * compares the HTML; times full passes with each, alternating the engines
 * run by run so a change in machine load hits both alike.
 */
async function compareEngines(slides: number, iterations: number): Promise<Row[]> {
  const blocks: Array<{ code: string; lang: string }> = []
  for (let index = 0; index < slides; index++) {
    const lang = codeLanguageOf(index)
    if (lang) blocks.push({ code: codeLines(lang, index).join('\n'), lang })
  }
  // No time limit per line (Shiki's default 500 ms would let machine load change the colours).
  const options = { themes: { ...THEMES }, tokenizeTimeLimit: 0 }
  const engines = ['oniguruma', 'javascript'] as const
  const highlighters = await Promise.all(engines.map((engine) => createBenchHighlighter(engine)))
  const pass = (engine: number) =>
    blocks.map(({ code, lang }) => highlighters[engine]?.codeToHtml(code, { lang, ...options }))
  // The first pass of each is the warm-up (and loads grammars); it also gives the HTML to compare.
  const [onig, js] = [pass(0), pass(1)]
  const differingLangs = new Set(
    blocks.filter((_, i) => onig[i] !== js[i]).map((block) => block.lang),
  )
  const differing = onig.filter((html, i) => html !== js[i]).length
  const times: number[][] = [[], []]
  for (let run = 0; run < iterations; run++) {
    for (const engine of [0, 1]) {
      const start = performance.now()
      pass(engine)
      times[engine]?.push(performance.now() - start)
    }
  }
  for (const highlighter of highlighters) highlighter.dispose()
  return engines.map((engine, i) => {
    const ms = median(times[i] ?? [])
    const same =
      differing === 0
        ? 'same HTML as oniguruma'
        : `HTML differs in ${differing}/${blocks.length} blocks (${[...differingLangs].join(', ')})`
    return {
      item: 0,
      label: `highlight ${blocks.length} 20-line blocks, ${engine} engine`,
      value: ms,
      unit: 'ms',
      note: `${(ms / blocks.length).toFixed(2)} ms per block${engine === 'javascript' ? `; ${same}` : ''}`,
    }
  })
}
