/**
 * In-process figures (items 1, 2 and 4): Slidemark's `compile()` against the
 * bare unified pipeline and against Marp, on the same decks, in one process.
 * The pipelines of one deck run in turn, round by round (bare, compile,
 * Marp, bare, compile, Marp, …), so their ratios hold on a busy machine.
 */

import { BASELINE_ENGINE, THEMES } from '../config.js'
import { editOneWord, generateDeck, geventShapedDeck, splitSlides, toFencedForm } from '../deck.js'
import { createBarePipeline, createBenchHighlighter } from '../pipelines/bare.js'
import { createMarp } from '../pipelines/marp.js'
import { loadCore, type SlidemarkCore } from '../pipelines/slidemark.js'
import { type Row, Unavailable } from '../result.js'
import { ratio, timeInterleaved, timeRepeated } from '../stats.js'
import { atMost, measure, type Suite } from '../suite.js'

export interface DeckCase {
  /** `25`, `500`, `2000` or `gevent`. */
  name: string
  label: string
  source: string
  /** Measured rounds and warm-up rounds for this deck's size. */
  iterations: number
  warmup: number
}

/** The decks measured in process: just the 25-slide deck in smoke mode. */
export function deckCases(smoke: boolean): DeckCase[] {
  if (smoke) {
    return [{ name: '25', label: '25 slides', source: generateDeck(25), iterations: 3, warmup: 1 }]
  }
  return [
    {
      name: 'gevent',
      label: 'gevent-shaped',
      source: geventShapedDeck(),
      iterations: 10,
      warmup: 3,
    },
    { name: '25', label: '25 slides', source: generateDeck(25), iterations: 10, warmup: 2 },
    { name: '500', label: '500 slides', source: generateDeck(500), iterations: 3, warmup: 1 },
    // Warmed up by the smaller decks; one long round keeps the suite within 5 minutes.
    { name: '2000', label: '2000 slides', source: generateDeck(2000), iterations: 1, warmup: 0 },
  ]
}

/** `compile()` may take at most this many times marp-core with its Shiki plugin, in process. */
const MARP_SHIKI_TARGET = 1.5

/** Compile options used for every cold Slidemark run: the bench's themes, no cache. */
const COLD = { themes: { ...THEMES }, cache: false } as const

export async function measureInProcess(suite: Suite): Promise<void> {
  const cases = deckCases(suite.smoke)
  const highlighter = await createBenchHighlighter(BASELINE_ENGINE)
  const bare = createBarePipeline({ highlighter })
  const bareWithPlugins = createBarePipeline({ highlighter, variant: 'with-gfm-raw' })
  const marpPlain = createMarp('plain')
  const marpShiki = createMarp('shiki')
  let core: SlidemarkCore | undefined
  let coreMissing = ''
  try {
    core = await loadCore()
  } catch (error) {
    if (!(error instanceof Unavailable)) throw error
    coreMissing = error.message
  }

  for (const deck of cases) {
    const fenced = toFencedForm(deck.source)
    const slides = splitSlides(fenced)
    const withStockPlugins = deck.name === 'gevent' || deck.name === '500'
    // Marp on 2000 slides costs more than the rest of this deck's figures together.
    const withMarp = deck.name !== '2000'

    await measure(suite, 1, `in-process pipelines, ${deck.label}`, async () => {
      const tasks: Record<string, () => Promise<unknown> | unknown> = {
        bare: () => bare.render(slides),
      }
      if (withStockPlugins) tasks['bare+'] = () => bareWithPlugins.render(slides)
      // The first deck's warm-up rounds create core's highlighter (the baseline's exists already).
      if (core) tasks.compile = () => core?.compile(deck.source, COLD)
      if (withMarp) {
        tasks.marp = () => marpPlain.render(fenced)
        tasks['marp+shiki'] = () => marpShiki.render(fenced)
      }
      const ms = await timeInterleaved(tasks, { iterations: deck.iterations, warmup: deck.warmup })
      const bareMs = ms.bare
      const compiled = ms.compile
      suite.figures.set(`bare:${deck.name}`, bareMs as number)
      if (compiled !== undefined) suite.figures.set(`compile:${deck.name}`, compiled)
      const overhead = ratio(compiled, bareMs)
      const versusMarpShiki = ratio(compiled, ms['marp+shiki'])
      const rows: Row[] = [
        {
          item: 1,
          label: `bare pipeline (highlighter ready), ${deck.label}`,
          value: bareMs,
          unit: 'ms',
          note: `Shiki ${BASELINE_ENGINE} regex engine, as core`,
        },
      ]
      if (ms['bare+'] !== undefined) {
        rows.push({
          item: 1,
          label: `bare + remark-gfm + rehype-raw, ${deck.label}`,
          value: ms['bare+'],
          unit: 'ms',
          ratio: { label: '/bare', value: ratio(ms['bare+'], bareMs) },
        })
      }
      rows.push(
        core
          ? {
              item: 1,
              label: `compile() cold (no cache, highlighter ready), ${deck.label}`,
              value: compiled,
              unit: 'ms',
              ratio: { label: '/bare', value: overhead },
              target: { text: '<= 1.2x bare', met: atMost(overhead, 1.2) },
            }
          : {
              item: 1,
              label: `compile() cold, ${deck.label}`,
              note: `n/a: ${coreMissing}`,
            },
      )
      if (withMarp) {
        rows.push(
          {
            item: 4,
            label: `Marp core 5, no highlighting, ${deck.label}`,
            value: ms.marp,
            unit: 'ms',
            ratio: { label: 'Slidemark/Marp', value: ratio(compiled, ms.marp) },
          },
          {
            item: 4,
            label: `Marp core 5 + Shiki plugin, ${deck.label}`,
            value: ms['marp+shiki'],
            unit: 'ms',
            ratio: { label: 'Slidemark/Marp', value: versusMarpShiki },
            target: {
              text: `compile() <= ${MARP_SHIKI_TARGET}x this`,
              met: atMost(versusMarpShiki, MARP_SHIKI_TARGET),
            },
          },
        )
      }
      return rows
    })
  }

  for (const deck of cases.filter((c) => c.name !== 'gevent' && (suite.smoke || c.name !== '25'))) {
    await measure(suite, 2, `incremental edit, ${deck.label}`, () => measureEdit(suite, deck))
  }
  highlighter.dispose()
}

async function measureEdit(suite: Suite, deck: DeckCase): Promise<Row[]> {
  const core: SlidemarkCore = await loadCore()
  const cache = core.createMemoryCache()
  const options = { themes: { ...THEMES }, cache }
  await core.compile(deck.source, options)
  const slideCount = Number(deck.name)
  const edited = Math.max(1, Math.floor(slideCount / 2))
  let run = 0
  const ms = await timeRepeated(
    `edit ${deck.name}`,
    async () => {
      const source = editOneWord(deck.source, edited, `Edit${run++}`)
      const start = performance.now()
      await core.compile(source, options)
      return performance.now() - start
    },
    { iterations: suite.smoke ? 3 : 15, warmup: 2 },
  )
  const share = ratio(ms, suite.figures.get(`compile:${deck.name}`))
  return [
    {
      item: 2,
      label: `incremental edit (1 word, warm cache), ${deck.label}`,
      value: ms,
      unit: 'ms',
      ratio: { label: 'edit/cold', value: share },
      ...(deck.name === '500'
        ? { target: { text: '<= 2 % of cold', met: atMost(share, 0.02) } }
        : {}),
    },
  ]
}
