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
import { createBenchHighlighter, type ShikiEngine } from '../pipelines/bare.js'
import { runChild } from '../process.js'
import type { Row } from '../result.js'
import { median, ratio, timeRepeated } from '../stats.js'
import { atMost, measure, type Suite } from '../suite.js'

interface HighlighterChild {
  importMs: number
  createMs: number
}

interface CompileChild {
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
  const runs = suite.smoke ? 1 : 5

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
        note: `+ ${median(results.map((r) => r.importMs)).toFixed(0)} ms importing shiki`,
      })
    }
    return rows
  })

  await measure(suite, 0, 'Shiki engines: same output and throughput', () =>
    compareEngines(suite.smoke ? 25 : 500, suite.smoke ? 1 : 3),
  )

  const deck = suite.smoke ? '25' : '500'
  const label = `${deck} slides`
  const coldRuns = suite.smoke ? 1 : 3

  await measure(suite, 1, `cold process, ${label}`, async () => {
    const bare = await childRuns<CompileChild>(coldRuns, [
      'compile',
      '--tool',
      'bare',
      '--deck',
      deck,
    ])
    const bareMs = median(bare.map((r) => r.compileMs))
    const rows: Row[] = [
      {
        item: 1,
        label: `cold process: import + highlighter + bare pipeline, ${label}`,
        value: bareMs,
        unit: 'ms',
        note: `process wall ${(median(bare.map((r) => r.wallMs)) / 1000).toFixed(2)} s`,
      },
    ]
    const sm = await childRuns<CompileChild>(coldRuns, [
      'compile',
      '--tool',
      'slidemark',
      '--deck',
      deck,
    ])
    const smMs = median(sm.map((r) => r.compileMs))
    suite.figures.set(`cold-process:${deck}`, smMs)
    rows.push({
      item: 1,
      label: `cold process: import + compile(), ${label}`,
      value: smMs,
      unit: 'ms',
      ratio: { label: '/bare', value: ratio(smMs, bareMs) },
      note: `process wall ${(median(sm.map((r) => r.wallMs)) / 1000).toFixed(2)} s`,
    })
    return rows
  })

  await measure(suite, 3, `rebuild with the persistent cache, ${label}`, async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'slidemark-bench-cache-'))
    try {
      const args = ['compile', '--tool', 'slidemark', '--deck', deck, '--cache-dir', dir]
      const [fill] = await childRuns<CompileChild>(1, args)
      const rebuilds = await childRuns<CompileChild>(coldRuns, args)
      const rebuild = median(rebuilds.map((r) => r.compileMs))
      const cold = suite.figures.get(`cold-process:${deck}`) ?? fill?.compileMs
      const share = ratio(rebuild, cold)
      return [
        {
          item: 3,
          label: `first build, empty disk cache (fills it), ${label}`,
          value: fill?.compileMs,
          unit: 'ms',
        },
        {
          item: 3,
          label: `rebuild in a new process, disk cache warm, ${label}`,
          value: rebuild,
          unit: 'ms',
          ratio: { label: 'rebuild/cold', value: share },
          target: { text: '<= 10 % of cold', met: atMost(share, 0.1) },
        },
      ]
    } finally {
      rmSync(dir, { recursive: true, force: true })
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
      const [bare] = await childRuns<CompileChild>(1, [
        'compile',
        '--tool',
        'bare',
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
          note: `bare pipeline: ${bare?.maxRssMB.toFixed(0)} MB`,
        },
      ]
    })
  }
}

/**
 * Highlights every code block of a generated deck with both engines and
 * compares the HTML; times a full pass with each (highlighters created first).
 */
async function compareEngines(slides: number, iterations: number): Promise<Row[]> {
  const blocks: Array<{ code: string; lang: string }> = []
  for (let index = 0; index < slides; index++) {
    const lang = codeLanguageOf(index)
    if (lang) blocks.push({ code: codeLines(lang, index).join('\n'), lang })
  }
  const options = { themes: { ...THEMES } }
  const outputs: Partial<Record<ShikiEngine, string[]>> = {}
  const rows: Row[] = []
  for (const engine of ['oniguruma', 'javascript'] as const) {
    const highlighter = await createBenchHighlighter(engine)
    outputs[engine] = blocks.map(({ code, lang }) =>
      highlighter.codeToHtml(code, { lang, ...options }),
    )
    const ms = await timeRepeated(
      `highlight ${engine}`,
      () => {
        for (const { code, lang } of blocks) highlighter.codeToHtml(code, { lang, ...options })
        return undefined
      },
      { iterations, warmup: 1 },
    )
    highlighter.dispose()
    rows.push({
      item: 0,
      label: `highlight ${blocks.length} 20-line blocks, ${engine} engine`,
      value: ms,
      unit: 'ms',
      note: `${(ms / blocks.length).toFixed(2)} ms per block`,
    })
  }
  const a = outputs.oniguruma ?? []
  const b = outputs.javascript ?? []
  const differing = a.filter((html, i) => html !== b[i]).length
  const last = rows[rows.length - 1]
  if (last) {
    last.note = `${last.note}; output ${differing === 0 ? 'identical to' : `differs from`} oniguruma${differing ? ` in ${differing}/${a.length} blocks` : ''}`
  }
  return rows
}
