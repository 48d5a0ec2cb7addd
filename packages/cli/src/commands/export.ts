import fs from 'node:fs'
import path from 'node:path'
import type { Slide } from '@slidemark/core'
import type { Browser, Page } from 'playwright-core'
import {
  assertWritable,
  makeWorkDir,
  type StagingDir,
  stageDir,
  writeFileAtomic,
} from '../atomic.js'
import { CHROMIUM_ARGS, findChromium } from '../chromium.js'
import { displayPathOf, type LoadedDeck, readDeckSource } from '../deck.js'
import {
  deckHasDiagrams,
  waitForDiagrams as diagramsDrawn,
  drawnDiagrams,
  injectMermaid,
} from '../diagrams.js'
import { CliError } from '../errors.js'
import { isSlidemarkPptx, pptxComment } from '../export/pptx-mark.js'
import { registerCleanup } from '../interrupt.js'
import { MessagePrinter } from '../messages.js'
import {
  checkOutputDir,
  checkOutputFile,
  deckInputs,
  isSlidemarkPdf,
  markPdf,
  type OutputCheck,
  resolveRoot,
  writeManifest,
} from '../outputs.js'
import { prepareDeck } from '../prepare.js'
import { version } from '../program.js'
import { createProgress, info, type Progress } from '../progress.js'
import { slideCacheFor } from '../slide-cache.js'
import { layoutMessages, readLayout } from './check.js'

export interface ExportOptions {
  /** Write a PDF: a path, or `true` for `<deck name>.pdf`. The default when `png` is not set. */
  pdf?: string | true | undefined
  /** Write PNG images into a folder: a path, or `true` for `<deck name>-png/`. */
  png?: string | true | undefined
  /** Write an editable PowerPoint file: a path, or `true` for `<deck name>.pptx`. */
  pptx?: string | true | undefined
  /** One page or image per build step instead of one per slide (all steps shown). */
  steps?: boolean | undefined
  /** Print each slide's presenter notes below it (the theme's `printNotes`). */
  notes?: boolean | undefined
  /** Chromium or Chrome executable; default `CHROMIUM_PATH`, else a well-known one. */
  browser?: string | undefined
  /** Theme name; default: the front matter's `theme:`, else `html5-slides`. */
  theme?: string | undefined
  /** The folder the deck may read files from (`--root`); default: the deck's folder. */
  root?: string | undefined
  /** Replace a PNG folder, PDF or PowerPoint file that Slidemark did not write (`--overwrite`). */
  overwrite?: boolean | undefined
  cwd?: string | undefined
}

/** One exported page: a slide, at a step (all steps shown unless `--steps`). */
export interface ExportFrame {
  slide: number
  /** 0-based step, or `undefined` for "every step shown". */
  step: number | undefined
}

/** Pixels per CSS pixel in PNG images: sharp on high-density screens and projectors. */
const PNG_SCALE = 2
/** How long the page may take to lay out every slide for print. */
const LAYOUT_TIMEOUT_MS = 30_000

/** `talk.slides.md` → `talk`. */
export function deckBaseName(file: string): string {
  return path.basename(file).replace(/(\.slides)?\.(md|markdown)$/i, '')
}

/** The pages to export, in order. */
export function framesOf(slides: readonly Pick<Slide, 'steps'>[], steps: boolean): ExportFrame[] {
  return slides.flatMap((slide, index): ExportFrame[] =>
    steps
      ? Array.from({ length: Math.max(1, slide.steps) }, (_, step) => ({ slide: index, step }))
      : [{ slide: index, step: undefined }],
  )
}

/** `slide-03.png`, or `slide-03-2.png` for the second step, zero-padded to the deck's size. */
export function pngName(frame: ExportFrame, total: number): string {
  const number = String(frame.slide + 1).padStart(Math.max(2, String(total).length), '0')
  return frame.step === undefined ? `slide-${number}.png` : `slide-${number}-${frame.step + 1}.png`
}

/** Counts the pages of a PDF file (its `/Type /Page` objects). */
export function countPdfPages(pdf: Uint8Array): number {
  return (
    Buffer.from(pdf)
      .toString('latin1')
      .match(/\/Type\s*\/Page(?![a-z])/g)?.length ?? 0
  )
}

/**
 * Lays every frame out as one `.slidemark-print-page` (the runtime's print
 * layout), hiding the steps after a frame's step when `--steps` asks for them.
 */
async function layOutFrames(page: Page, frames: ExportFrame[], total: number): Promise<void> {
  await page.emulateMedia({ media: 'print' })
  try {
    // A chunked deck lays its pages out at once and fills each in as its chunk arrives.
    await page.waitForFunction(
      (count) =>
        document.querySelectorAll('.slidemark-print-page').length >= count &&
        !document.querySelector('[data-slidemark-pending="loading"]'),
      total,
      { timeout: LAYOUT_TIMEOUT_MS },
    )
  } catch {
    const failed = await failedSlide(page)
    if (failed) throw new CliError(`the deck did not load in the browser: ${failed}`)
    const found = await page.locator('.slidemark-print-page').count()
    throw new CliError(
      `the theme laid out ${found} of ${total} slides for print; export needs a theme with the runtime's print layout`,
    )
  }
  await page.evaluate((list) => {
    const style = document.createElement('style')
    style.textContent = '.slidemark-export-hidden { visibility: hidden !important; }'
    document.head.append(style)
    const pages = [...document.querySelectorAll<HTMLElement>('.slidemark-print-page')]
    const parent = pages[0]?.parentElement
    if (!parent) return
    const out: HTMLElement[] = []
    for (const frame of list) {
      const original = pages[frame.slide]
      if (!original) continue
      const copy = frame.step === undefined ? original : (original.cloneNode(true) as HTMLElement)
      if (frame.step !== undefined) {
        for (const part of copy.querySelectorAll<HTMLElement>('.slidemark-step[data-step]')) {
          const step = frame.step ?? 0
          const hideAt = part.dataset.stepHide // shown first, hidden from that step (v-click.hide)
          const hidden =
            Number(part.dataset.step) > step || (hideAt !== undefined && step >= Number(hideAt))
          part.classList.toggle('slidemark-step-hidden', hidden)
        }
        copy.dataset.exportStep = String(frame.step)
      }
      out.push(copy)
    }
    for (const element of pages) element.remove()
    parent.append(...out)
    // A step the stylesheets hide is hidden for sure; one they keep shown before its
    // step (reveal.js's highlight-*, grow, strike…: they change, not appear) stays.
    for (const part of parent.querySelectorAll<HTMLElement>('.slidemark-step-hidden')) {
      if (getComputedStyle(part).visibility !== 'visible') {
        part.classList.add('slidemark-export-hidden')
      }
    }
    // The runtime's print layout then shows each copy at its step, code steps too.
    for (const copy of out) {
      const detail = copy.dataset.exportStep
      if (detail === undefined) continue
      copy.dispatchEvent(
        new CustomEvent('slidemark:show-step', { detail: Number(detail), bubbles: true }),
      )
    }
  }, frames)
  const failed = await failedSlide(page)
  if (failed) throw new CliError(`the deck did not load in the browser: ${failed}`)
  // Every image decoded and every font loaded before anything is captured.
  await page.evaluate(async () => {
    await document.fonts.ready
    await Promise.all([...document.images].map((image) => image.decode().catch(() => undefined)))
  })
  // Copies made while a diagram was still drawing would never be drawn: a picture is never missing.
  const late = await diagramsDrawn(page)
  if (late.length > 0) {
    throw new CliError(`the Mermaid diagram at line ${late[0]} was not drawn in time`)
  }
}

/** The message of the first slide whose chunk could not be loaded, if any. */
function failedSlide(page: Page): Promise<string | null> {
  return page.evaluate(
    () => document.querySelector('[data-slidemark-pending="error"]')?.textContent ?? null,
  )
}

/** Where the export page pretends to live: a reserved name no request can reach. */
const DECK_URL = 'https://deck.slidemark.invalid/index.html'

/** A built deck to open: the single HTML file, or a built folder and its `--base`. */
export type BuiltDeck = string | { dir: string; base: string }

/** The page's URL, and the file (if any) that answers a request for `url`. */
function deckFiles(deck: BuiltDeck): { page: string; fileFor: (url: string) => string | null } {
  if (typeof deck === 'string') {
    return { page: DECK_URL, fileFor: (url) => (url === DECK_URL ? deck : null) }
  }
  // `/talks/` lives under the reserved host; a full URL base is answered from the folder too.
  const folder = new URL(deck.base, DECK_URL).href
  const root = path.resolve(deck.dir)
  return {
    page: `${folder}index.html`,
    fileFor: (url) => {
      if (!url.startsWith(folder)) return null
      let relative: string
      try {
        relative = decodeURIComponent(url.slice(folder.length))
      } catch {
        return null
      }
      const file = path.resolve(root, relative)
      const inside = !path.relative(root, file).startsWith('..')
      return inside && fs.statSync(file, { throwIfNoEntry: false })?.isFile() ? file : null
    },
  }
}

/** How {@link openDeck} opens a deck. */
export interface OpenOptions {
  /** The deck was built without the Mermaid chunk: give the page Mermaid to draw its diagrams. */
  drawDiagrams?: boolean
  /** The system colour scheme the page sees. Default: `light`. */
  colorScheme?: 'light' | 'dark'
}

/**
 * Opens a built deck with every other request refused. The page is served
 * from {@link DECK_URL} (or the folder's `--base`) by the routing itself, not
 * from `file:`, so Chromium also forbids it any `file:` URL (a deck's
 * `<iframe src="file:///etc/passwd">` stays empty), and the network is never
 * used. Service workers are blocked so nothing escapes the routing.
 */
export async function openDeck(
  browser: Browser,
  deck: BuiltDeck,
  options: OpenOptions = {},
): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    deviceScaleFactor: PNG_SCALE,
    reducedMotion: 'reduce',
    serviceWorkers: 'block',
    colorScheme: options.colorScheme ?? 'light',
  })
  const { page: pageUrl, fileFor } = deckFiles(deck)
  await context.route('**/*', (route) => {
    const file = fileFor(
      route
        .request()
        .url()
        .replace(/[?#].*$/s, ''),
    )
    if (!file) return route.abort('blockedbyclient')
    return file.endsWith('.html')
      ? route.fulfill({ contentType: 'text/html; charset=utf-8', body: fs.readFileSync(file) })
      : route.fulfill({ path: file })
  })
  // After the catch-all route: the route added last is asked first.
  if (options.drawDiagrams) await injectMermaid(context)
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  await page.goto(`${pageUrl}?print`, { waitUntil: 'load' })
  if (errors.length > 0) throw new CliError(`the deck failed in the browser: ${errors[0]}`)
  return page
}

/** Measures the laid-out frames and writes them as an editable PowerPoint file. */
async function writePptx(
  page: Page,
  file: string,
  context: {
    frames: ExportFrame[]
    slides: readonly Slide[]
    deck: LoadedDeck
    cwd: string
    progress: Progress
  },
): Promise<void> {
  const { frames, slides, deck, progress } = context
  const { renderPptx } = await import('../export/pptx.js')
  const pptx = await renderPptx(page, {
    frames: frames.map((frame) => ({ notes: slides[frame.slide]?.notes ?? '' })),
    title: deck.deck.meta.title,
    author: deck.deck.meta.author,
    generator: pptxComment(version()),
    // With --steps a slide is done after its last step.
    onFrame: (n) => {
      const frame = frames[n - 1]
      if (frame && frames[n]?.slide !== frame.slide) progress.update(frame.slide + 1, slides.length)
    },
  })
  writeFileAtomic(file, pptx)
  progress.done()
  info(`slidemark: wrote ${displayPathOf(file, context.cwd)} (${frames.length} slides)`)
}

export async function launch(executablePath: string): Promise<Browser> {
  const { chromium } = await import('playwright-core')
  try {
    return await chromium.launch({
      executablePath,
      args: CHROMIUM_ARGS,
      // The CLI closes the browser itself on Ctrl-C, after removing partial output.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    })
  } catch (error) {
    const first = (error instanceof Error ? error.message : String(error)).split('\n')[0]
    throw new CliError(`could not start ${executablePath}: ${first}`)
  }
}

/** Where `export` writes: a PDF file, a PNG folder, a PowerPoint file, relative to `cwd`. */
export function resolveExportTargets(
  options: Pick<ExportOptions, 'pdf' | 'png' | 'pptx'>,
  deckPath: string,
  cwd: string,
): { pdfPath: string | undefined; pngDir: string | undefined; pptxPath: string | undefined } {
  const name = deckBaseName(deckPath)
  const pdfOption =
    options.pdf ?? (options.png === undefined && options.pptx === undefined ? true : undefined)
  const pdfPath =
    pdfOption === undefined
      ? undefined
      : path.resolve(cwd, pdfOption === true ? `${name}.pdf` : pdfOption)
  const pngDir =
    options.png === undefined
      ? undefined
      : path.resolve(cwd, options.png === true ? `${name}-png` : options.png)
  const pptxPath =
    options.pptx === undefined
      ? undefined
      : path.resolve(cwd, options.pptx === true ? `${name}.pptx` : options.pptx)
  return { pdfPath, pngDir, pptxPath }
}

/** Refuses outputs `export` may not replace (see `outputs.ts`). */
function checkTargets(
  { pdfPath, pngDir, pptxPath }: ReturnType<typeof resolveExportTargets>,
  check: Omit<OutputCheck, 'option'>,
): void {
  if (pdfPath) checkOutputFile(pdfPath, { ...check, option: '--pdf' }, isSlidemarkPdf)
  if (pptxPath) checkOutputFile(pptxPath, { ...check, option: '--pptx' }, isSlidemarkPptx)
  if (pngDir) checkOutputDir(pngDir, { ...check, option: '--png' })
  for (const [file, option] of [
    [pdfPath, '--pdf'],
    [pptxPath, '--pptx'],
  ] as const) {
    if (file && pngDir && !path.relative(pngDir, file).startsWith('..')) {
      throw new CliError(`${option} must be outside the --png folder, which is replaced as a whole`)
    }
  }
  if (pdfPath && pdfPath === pptxPath) throw new CliError('--pdf and --pptx name the same file')
}

/** `slidemark export`: PDF and/or PNG images of every slide (or step), rendered in Chromium. */
export async function exportDeck(input: string, options: ExportOptions = {}): Promise<void> {
  const cwd = options.cwd ?? process.cwd()
  const deckPath = readDeckSource(input, cwd).path
  const root = resolveRoot(options.root, deckPath, cwd)
  const targets = resolveExportTargets(options, deckPath, cwd)
  const { pdfPath, pngDir } = targets
  // The outputs are checked before any work, and again once the deck's images are known.
  const check = { cwd, deck: deckPath, overwrite: options.overwrite ?? false }
  checkTargets(targets, check)
  if (pdfPath) assertWritable(pdfPath)
  if (targets.pptxPath) assertWritable(targets.pptxPath)
  const printer = new MessagePrinter()
  const prepared = await prepareDeck(input, options.theme, printer, cwd, slideCacheFor)
  const { deck } = prepared
  checkTargets(targets, { ...check, inputs: deckInputs(deck) })
  const executable = findChromium({ browser: options.browser })

  const slides = deck.deck.slides
  const frames = framesOf(slides, options.steps ?? false)
  const work = makeWorkDir('slidemark-export')
  const removeWork = () => fs.rmSync(work, { recursive: true, force: true })
  const releaseWork = registerCleanup(removeWork)
  let browser: Browser | undefined
  let releaseBrowser = () => {}
  let pngStage: StagingDir | undefined
  try {
    info(`slidemark: building ${deck.displayPath} (${slides.length} slides) for export`)
    const { buildForChromium } = await import('../vite-build.js')
    const html = await buildForChromium(prepared, work, {
      root,
      printer,
      ...(options.notes ? { mountOptions: { printNotes: true } } : {}),
    })
    browser = await launch(executable)
    const opened = browser
    releaseBrowser = registerCleanup(() => opened.close())
    const drawDiagrams = deckHasDiagrams(slides)
    const page = await openDeck(browser, html, { drawDiagrams })
    // Every diagram drawn (or reported at its line) before pages are copied per step.
    if (drawDiagrams) printer.print((await drawnDiagrams(page, deck.displayPath)).messages)
    await layOutFrames(page, frames, slides.length)
    // The same layout problems `slidemark check` reports (slides that do not fit, broken images).
    printer.print(layoutMessages(deck.displayPath, slides, await readLayout(page, slides.length)))
    const progress = createProgress('exported slide')

    if (pngDir) {
      pngStage = stageDir(pngDir)
      const pages = page.locator('.slidemark-print-page')
      for (const [n, frame] of frames.entries()) {
        await pages
          .nth(n)
          .screenshot({ path: path.join(pngStage.path, pngName(frame, slides.length)) })
        // With --steps a slide is done after its last step.
        if (frames[n + 1]?.slide !== frame.slide) progress.update(frame.slide + 1, slides.length)
      }
      progress.done()
      writeManifest(pngStage.path, displayPathOf(pngDir, cwd))
      pngStage.commit()
      info(`slidemark: wrote ${frames.length} images to ${displayPathOf(pngDir, cwd)}/`)
    }
    if (targets.pptxPath)
      await writePptx(page, targets.pptxPath, { frames, slides, deck, cwd, progress })
    if (pdfPath) {
      const pdf = markPdf(await page.pdf({ preferCSSPageSize: true, printBackground: true }))
      const pages = countPdfPages(pdf)
      writeFileAtomic(pdfPath, pdf)
      if (!pngDir) progress.update(slides.length, slides.length)
      progress.done()
      info(`slidemark: wrote ${displayPathOf(pdfPath, cwd)} (${pages} pages)`)
      if (pages !== frames.length) {
        info(
          `slidemark: warning: expected ${frames.length} pages; the theme's print styles gave ${pages}`,
        )
      }
    }
  } catch (error) {
    pngStage?.discard()
    throw error
  } finally {
    await browser?.close()
    releaseBrowser()
    removeWork()
    releaseWork()
  }
}
