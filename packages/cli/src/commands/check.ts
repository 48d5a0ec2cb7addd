import fs from 'node:fs'
import type { DeckMessage, Slide } from '@slidemark/core'
import type { Browser, Page } from 'playwright-core'
import { makeWorkDir } from '../atomic.js'
import { findChromium } from '../chromium.js'
import { readDeckSource } from '../deck.js'
import { deckHasDiagrams, drawnDiagrams } from '../diagrams.js'
import { CliError } from '../errors.js'
import { registerCleanup } from '../interrupt.js'
import { MessagePrinter } from '../messages.js'
import { resolveRoot } from '../outputs.js'
import { prepareDeck } from '../prepare.js'
import { info } from '../progress.js'
import { slideCacheFor } from '../slide-cache.js'
import { type BuiltDeck, launch, openDeck } from './export.js'

export interface CheckOptions {
  /** Print every problem as JSON (an array of messages) on standard output. */
  json?: boolean | undefined
  /** Chromium or Chrome executable; default `CHROMIUM_PATH`, else a well-known one. */
  browser?: string | undefined
  /** Theme name; default: the front matter's `theme:`, else `html5-slides`. */
  theme?: string | undefined
  root?: string | undefined
  cwd?: string | undefined
  /** Where the JSON goes (standard output). */
  write?: (text: string) => void
}

/** What the page reports about one laid-out slide (all steps shown). */
export interface SlideLayout {
  index: number
  /** Scale auto-fit used (1: as designed). */
  scale: number
  /** Design px beyond the slide box at that scale, when it does not fit. */
  overflow: { width: number; height: number } | null
  /** `src` (cut short) of images that failed to load. */
  brokenImages: string[]
}

/**
 * How long a theme may take to put up its print layout at all. A chunked
 * deck (the plugin's `lazy`) fills its pages in after `load`, which keeps a
 * big deck's page busy for seconds on a loaded machine.
 */
const PRINT_LAYOUT_MS = 20_000
/** How long the page may take to lay out and fit every slide. */
const LAYOUT_TIMEOUT_MS = 60_000

/**
 * Reads the fitted print layout (`?print`, every slide with every step shown,
 * fitted by the runtime) once every slide is fitted and every image settled.
 */
export async function readLayout(page: Page, total: number): Promise<SlideLayout[]> {
  const noPrintLayout = new CliError(
    'the theme has no print layout to check (a theme built on mountDeck has one)',
  )
  // A theme built on mountDeck lays the print pages out as it mounts, before `load`.
  await page
    .waitForSelector('.slidemark-print-page', { state: 'attached', timeout: PRINT_LAYOUT_MS })
    .catch(() => {
      throw noPrintLayout
    })
  try {
    await page.waitForFunction(
      // A chunked deck's pages are drawn as "Loading…" until their chunk arrives.
      (count) =>
        document.querySelectorAll(
          '.slidemark-print-page > [data-index][data-slidemark-fit]:not([data-slidemark-pending])',
        ).length >= count || document.querySelector('[data-slidemark-pending="error"]') !== null,
      total,
      { timeout: LAYOUT_TIMEOUT_MS },
    )
  } catch {
    throw new CliError(
      `the theme did not lay out and fit all ${total} slides; check needs a theme built on mountDeck`,
    )
  }
  const failed = await page.evaluate(
    () => document.querySelector('[data-slidemark-pending="error"]')?.textContent ?? null,
  )
  if (failed) throw new CliError(`the deck did not load in the browser: ${failed}`)
  await page.evaluate(async () => {
    await document.fonts.ready
    await Promise.all([...document.images].map((image) => image.decode().catch(() => undefined)))
  })
  return page.evaluate(() =>
    [
      ...document.querySelectorAll<HTMLElement>(
        '.slidemark-print-page > [data-index][data-slidemark-fit]',
      ),
    ].map((slide) => {
      const [width = 0, height = 0] = (slide.getAttribute('data-slidemark-overflow') ?? '')
        .split(' ')
        .map(Number)
      return {
        index: Number(slide.dataset.index),
        scale: Number(slide.getAttribute('data-slidemark-fit')),
        overflow: width > 0 || height > 0 ? { width, height } : null,
        brokenImages: [...slide.querySelectorAll('img')]
          .filter((image) => image.complete && image.naturalWidth === 0)
          .filter((image) => !/^(?:https?:)?\/\//i.test(image.getAttribute('src') ?? ''))
          .map((image) => (image.getAttribute('src') ?? '').slice(0, 60)),
      }
    }),
  )
}

function message(
  file: string,
  slide: Pick<Slide, 'source'>,
  ruleId: string,
  reason: string,
  place?: { line: number; column: number },
): DeckMessage {
  const { line, column } = place ?? { line: slide.source.start, column: 1 }
  return { reason, file, line, column, severity: 'warning', ruleId, source: 'slidemark' }
}

/** `120 px too tall and 40 px too wide`. */
function excessText({ width, height }: { width: number; height: number }): string {
  return [height > 0 ? `${height} px too tall` : '', width > 0 ? `${width} px too wide` : '']
    .filter(Boolean)
    .join(' and ')
}

/** Problems found in the laid-out deck: slides that do not fit, images that do not load. */
export function layoutMessages(
  file: string,
  slides: readonly Slide[],
  layout: readonly SlideLayout[],
): DeckMessage[] {
  const messages: DeckMessage[] = []
  for (const found of layout) {
    const slide = slides[found.index]
    if (!slide) continue
    if (found.overflow) {
      const reason = `slide ${found.index + 1} does not fit: ${excessText(found.overflow)} at ${Math.round(found.scale * 100)} % (split it, shorten it, or mark it .fx: no-fit)`
      messages.push(message(file, slide, 'slide-overflow', reason))
    }
    for (const src of found.brokenImages) {
      messages.push(message(file, slide, 'image-load', `image failed to load: ${src}`))
    }
  }
  return messages
}

const IMG_TAG = /<img\b[^>]*>/gi
const ALT = /\balt\s*=\s*"([^"]*)"/i
const SRC = /\bsrc\s*=\s*"([^"]*)"/i

/** Images without alt text (`![](a.png)`, `<img src>`), at the image's place when known. */
export function altMessages(file: string, slides: readonly Slide[]): DeckMessage[] {
  const messages: DeckMessage[] = []
  for (const slide of slides) {
    for (const tag of slide.content.match(IMG_TAG) ?? []) {
      if ((ALT.exec(tag)?.[1] ?? '').trim() !== '') continue
      const src = SRC.exec(tag)?.[1] ?? ''
      const asset = slide.assets.find((reference) => reference.url === src)
      const reason = `image without alt text: ${src.slice(0, 60)} (describe it: ![what it shows](${src.slice(0, 30)}))`
      messages.push(message(file, slide, 'image-alt', reason, asset))
    }
  }
  return messages
}

/**
 * Lays the built deck out in Chromium (the print layout: every slide, every
 * step shown, fitted by the runtime) and returns what does not fit or load.
 */
export async function checkLayout(
  browser: Browser,
  built: BuiltDeck,
  file: string,
  slides: readonly Slide[],
  { drawDiagrams = false } = {},
): Promise<DeckMessage[]> {
  const page = await openDeck(browser, built, { drawDiagrams })
  try {
    // Diagrams first: a drawn diagram changes its slide's size.
    const diagrams = drawDiagrams ? (await drawnDiagrams(page, file)).messages : []
    return [...diagrams, ...layoutMessages(file, slides, await readLayout(page, slides.length))]
  } finally {
    await page.context().close()
  }
}

/**
 * Every problem `check` finds in a built deck (images without alt text, then
 * the layout), in a Chromium started for it and closed after, even on Ctrl-C.
 */
export async function checkBuilt(
  executable: string | Browser,
  built: BuiltDeck,
  file: string,
  slides: readonly Slide[],
  options: { drawDiagrams?: boolean } = {},
): Promise<DeckMessage[]> {
  if (typeof executable !== 'string') {
    return [
      ...altMessages(file, slides),
      ...(await checkLayout(executable, built, file, slides, options)),
    ]
  }
  let browser: Browser | undefined
  let release = () => {}
  try {
    browser = await launch(executable)
    const opened = browser
    release = registerCleanup(() => opened.close())
    return [
      ...altMessages(file, slides),
      ...(await checkLayout(browser, built, file, slides, options)),
    ]
  } finally {
    await browser?.close()
    release()
  }
}

/**
 * `slidemark check DECK`: compiles the deck, builds it, lays every slide out
 * in Chromium in the deck's theme, and prints each problem as
 * `file:line:column: reason [ruleId]` (or `--json`). Fails (exit 1) when it
 * found any.
 */
export async function checkDeck(input: string, options: CheckOptions = {}): Promise<void> {
  const cwd = options.cwd ?? process.cwd()
  const write = options.write ?? ((text: string) => process.stdout.write(text))
  const deckPath = readDeckSource(input, cwd).path
  const root = resolveRoot(options.root, deckPath, cwd)
  const printer = new MessagePrinter(options.json ? () => {} : undefined)
  const prepared = await prepareDeck(input, options.theme, printer, cwd, slideCacheFor)
  const { deck } = prepared
  const executable = findChromium({ browser: options.browser })
  const slides = deck.deck.slides
  const work = makeWorkDir('slidemark-check')
  const removeWork = () => fs.rmSync(work, { recursive: true, force: true })
  const releaseWork = registerCleanup(removeWork)
  let found: DeckMessage[]
  try {
    if (!options.json) info(`slidemark: laying out ${deck.displayPath} (${slides.length} slides)`)
    const { buildForChromium } = await import('../vite-build.js')
    const html = await buildForChromium(prepared, work, { root, printer })
    found = await checkBuilt(executable, html, deck.displayPath, slides, {
      drawDiagrams: deckHasDiagrams(slides),
    })
  } finally {
    removeWork()
    releaseWork()
  }
  const all = [...deck.deck.messages, ...found].sort(
    (a, b) => a.line - b.line || a.column - b.column,
  )
  if (options.json) write(`${JSON.stringify(all, null, 2)}\n`)
  else printer.print(found.sort((a, b) => a.line - b.line || a.column - b.column))
  if (all.length > 0) {
    const count = all.length === 1 ? '1 problem' : `${all.length} problems`
    throw new CliError(`${count} in ${deck.displayPath}`)
  }
  if (!options.json) info(`slidemark: ${deck.displayPath}: every slide fits, no problems found`)
}
