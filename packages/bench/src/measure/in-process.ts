/**
 * In-process figures (items 1, 2 and 4): Slidemark's `compile()` against the
 * bare unified pipeline and against Marp, on the same decks, in one process,
 * one after the other, medians of repeated runs via tinybench.
 */

import { BASELINE_ENGINE, THEMES } from '../config.js'
import { editOneWord, generateDeck, geventShapedDeck, splitSlides, toFencedForm } from '../deck.js'
import { createBarePipeline, createBenchHighlighter } from '../pipelines/bare.js'
import { createMarp } from '../pipelines/marp.js'
import { loadCore, type SlidemarkCore } from '../pipelines/slidemark.js'
import type { Row } from '../result.js'
import { ratio, timeRepeated } from '../stats.js'
import { atMost, measure, type Suite } from '../suite.js'

export interface DeckCase {
  /** `25`, `500`, `2000` or `gevent`. */
  name: string
  label: string
  source: string
  /** Measured runs and warm-up runs for this deck's size. */
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
      iterations: 15,
      warmup: 3,
    },
    { name: '25', label: '25 slides', source: generateDeck(25), iterations: 15, warmup: 3 },
    { name: '500', label: '500 slides', source: generateDeck(500), iterations: 5, warmup: 1 },
    { name: '2000', label: '2000 slides', source: generateDeck(2000), iterations: 3, warmup: 0 },
  ]
}

/** Compile options used for every Slidemark run: the bench's themes, no cache (cold). */
const COLD = { themes: { ...THEMES }, cache: false } as const

export async function measureInProcess(suite: Suite): Promise<void> {
  const cases = deckCases(suite.smoke)
  const highlighter = await createBenchHighlighter(BASELINE_ENGINE)
  const bare = createBarePipeline({ highlighter })
  const bareWithPlugins = createBarePipeline({ highlighter, variant: 'with-gfm-raw' })
  const marpPlain = createMarp('plain')
  const marpShiki = createMarp('shiki')

  for (const deck of cases) {
    const slides = splitSlides(toFencedForm(deck.source))
    const fenced = toFencedForm(deck.source)
    const options = { iterations: deck.iterations, warmup: deck.warmup }

    await measure(suite, 1, `bare pipeline, ${deck.label}`, async () => {
      const ms = await timeRepeated(
        `bare ${deck.name}`,
        () => bare.render(slides).then(() => undefined),
        options,
      )
      suite.figures.set(`bare:${deck.name}`, ms)
      return [
        {
          item: 1,
          label: `bare pipeline (highlighter ready), ${deck.label}`,
          value: ms,
          unit: 'ms',
          note: `Shiki ${BASELINE_ENGINE} regex engine, as core`,
        },
      ]
    })

    if (deck.name === 'gevent' || deck.name === '500') {
      await measure(suite, 1, `bare + remark-gfm + rehype-raw, ${deck.label}`, async () => {
        const ms = await timeRepeated(
          `bare+ ${deck.name}`,
          () => bareWithPlugins.render(slides).then(() => undefined),
          options,
        )
        suite.figures.set(`bare+:${deck.name}`, ms)
        return [
          {
            item: 1,
            label: `bare + remark-gfm + rehype-raw, ${deck.label}`,
            value: ms,
            unit: 'ms',
            ratio: { label: '/bare', value: ratio(ms, suite.figures.get(`bare:${deck.name}`)) },
          },
        ]
      })
    }

    await measure(suite, 1, `compile() cold, ${deck.label}`, async () => {
      const core = await loadCore()
      // The first warm-up run creates the highlighter, as the baseline's was created beforehand.
      await core.compile(deck.source, COLD)
      const ms = await timeRepeated(
        `compile ${deck.name}`,
        async () => {
          await core.compile(deck.source, COLD)
          return undefined
        },
        options,
      )
      suite.figures.set(`compile:${deck.name}`, ms)
      const overhead = ratio(ms, suite.figures.get(`bare:${deck.name}`))
      return [
        {
          item: 1,
          label: `compile() cold (no cache, highlighter ready), ${deck.label}`,
          value: ms,
          unit: 'ms',
          ratio: { label: '/bare', value: overhead },
          target: { text: '<= 1.2x bare', met: atMost(overhead, 1.2) },
        },
      ]
    })

    // Marp on 2000 slides costs more than the rest of this deck's figures together.
    if (deck.name === '2000') continue
    await measure(suite, 4, `Marp core 5, ${deck.label}`, async () => {
      const plain = await timeRepeated(
        `marp ${deck.name}`,
        () => void marpPlain.render(fenced),
        options,
      )
      const shiki = await timeRepeated(
        `marp+shiki ${deck.name}`,
        () => void marpShiki.render(fenced),
        options,
      )
      const compiled = suite.figures.get(`compile:${deck.name}`)
      return [
        {
          item: 4,
          label: `Marp core 5, no highlighting, ${deck.label}`,
          value: plain,
          unit: 'ms',
          ratio: { label: 'Slidemark/Marp', value: ratio(compiled, plain) },
        },
        {
          item: 4,
          label: `Marp core 5 + Shiki plugin, ${deck.label}`,
          value: shiki,
          unit: 'ms',
          ratio: { label: 'Slidemark/Marp', value: ratio(compiled, shiki) },
        },
      ]
    })
  }

  for (const deck of cases.filter((c) => c.name !== 'gevent' && (suite.smoke || c.name !== '25'))) {
    await measure(suite, 2, `incremental edit, ${deck.label}`, () => measureEdit(suite, deck))
  }
  highlighter.dispose()
}

/**
 * One word changed on one slide, cache warm: compile the deck once into a
 * memory cache, then time compiles of the deck with a different word each
 * run on the middle slide (so that slide always misses and the rest hit).
 */
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
