import JSZip from 'jszip'
import type { Page } from 'playwright-core'
import { type PresentationInfo, toPresentation } from './pptx-map.js'
import type { PptxSlide } from './slide-data.js'
import { DRAWN_ATTRIBUTE, INLINE_ATTRIBUTE, walkSlide } from './walk.js'

/** Marks the print page whose background is being captured. */
const BACKGROUND_ATTRIBUTE = 'data-pptx-background'

/**
 * While a slide's background is captured, its text is transparent and what
 * becomes a shape of its own (pictures, tables, code blocks) is hidden, so
 * the capture holds only the theme's background and decoration. Layout does
 * not change: nothing here affects size or position.
 */
const BACKGROUND_CSS = `
[${BACKGROUND_ATTRIBUTE}] *, [${BACKGROUND_ATTRIBUTE}] *::before, [${BACKGROUND_ATTRIBUTE}] *::after,
[${BACKGROUND_ATTRIBUTE}] ::marker {
  color: transparent !important;
  -webkit-text-fill-color: transparent !important;
  text-shadow: none !important;
  text-decoration-color: transparent !important;
}
[${BACKGROUND_ATTRIBUTE}] [${DRAWN_ATTRIBUTE}] { visibility: hidden !important; }
[${BACKGROUND_ATTRIBUTE}] [${INLINE_ATTRIBUTE}] {
  background: none !important;
  border-color: transparent !important;
  box-shadow: none !important;
}`

export interface PptxFrame {
  /** Presenter notes of the frame's slide, as HTML. */
  notes: string
}

export interface WritePptxOptions extends PresentationInfo {
  /** One entry per `.slidemark-print-page` on the page, in order. */
  frames: PptxFrame[]
  /** Written as the file's zip comment (see `pptx-mark.ts`), e.g. `slidemark 0.1.0`. */
  generator?: string
  /** Called after each frame is measured (1-based). */
  onFrame?: (index: number) => void
}

/** Presenter notes HTML as plain text, as the browser lays it out (paragraphs, line breaks). */
async function notesAsText(page: Page, notes: string[]): Promise<string[]> {
  return page.evaluate((list) => {
    const holder = document.createElement('div')
    holder.style.cssText = 'position:absolute;left:-10000px;top:0;width:600px;white-space:normal'
    document.body.append(holder)
    const texts = list.map((html) => {
      holder.innerHTML = html
      // biome-ignore lint/performance/useDomNodeTextContent: innerText keeps the notes' paragraphs and line breaks
      return holder.innerText.replace(/\n{3,}/g, '\n\n').trim()
    })
    holder.remove()
    return texts
  }, notes)
}

/**
 * Measures every laid-out print page of `page` (see `walkSlide`), captures its
 * background, and returns the presentation as `.pptx` bytes.
 */
export async function renderPptx(page: Page, options: WritePptxOptions): Promise<Uint8Array> {
  await page.addStyleTag({ content: BACKGROUND_CSS })
  const notes = await notesAsText(
    page,
    options.frames.map((frame) => frame.notes),
  )
  const pages = page.locator('.slidemark-print-page')
  const slides: PptxSlide[] = []
  for (let n = 0; n < options.frames.length; n++) {
    const printPage = pages.nth(n)
    const slide = printPage.locator(':scope > :not(.notes)').first()
    const data = await slide.evaluate(walkSlide)
    await printPage.evaluate(
      (element, name) => element.setAttribute(name, ''),
      BACKGROUND_ATTRIBUTE,
    )
    const png = await slide.screenshot({ animations: 'disabled' })
    await printPage.evaluate((element, name) => element.removeAttribute(name), BACKGROUND_ATTRIBUTE)
    slides.push({
      ...data,
      background: `data:image/png;base64,${png.toString('base64')}`,
      notes: notes[n] ?? '',
    })
    options.onFrame?.(n + 1)
  }
  const pptx = toPresentation(slides, options)
  const written = (await pptx.write({ outputType: 'nodebuffer' })) as Buffer
  return repairParagraphs(written, options.generator)
}

/**
 * pptxgenjs 4 writes a paragraph-properties element before every run of a
 * paragraph, not only the first (gitbrent/PptxGenJS#1083), which the Office
 * schema forbids and PowerPoint 2016 reports as damaged. Keeps the first one.
 */
export async function repairParagraphs(pptx: Uint8Array, comment?: string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(pptx)
  const parts = zip.file(/^ppt\/slides\/slide\d+\.xml$/)
  for (const part of parts) {
    const xml = await part.async('string')
    const fixed = xml.replace(/(<\/a:r>|<a:br\/>)<a:pPr\b[^>]*?(?:\/>|>[\s\S]*?<\/a:pPr>)/g, '$1')
    if (fixed !== xml) zip.file(part.name, fixed)
  }
  return zip.generateAsync({
    type: 'uint8array',
    compression: 'DEFLATE',
    ...(comment ? { comment } : {}),
  })
}
