import { lazySlides } from '../lib/lazy.js'
import type { PresentableSlide } from '../lib/types.js'
import {
  createSlideElement,
  PENDING_ATTRIBUTE,
  placeSlide,
  type RenderSlide,
  showSteps,
} from './slide.js'

export { PRINT_PARAM } from './print-param.js'
/**
 * Event that shows a print page at one build step: dispatch
 * `new CustomEvent(SHOW_STEP_EVENT, { detail: step, bubbles: true })` on a
 * `.slidemark-print-page` (or a copy of one) inside the print layout. This is
 * how `slidemark export --steps` renders each step, code steps included.
 */
export const SHOW_STEP_EVENT = 'slidemark:show-step'

export interface PrintOptions<S extends PresentableSlide> {
  host: HTMLElement
  slides: () => readonly S[]
  slideClass: string
  render: RenderSlide<S>
  /** Print each slide's notes below it. Default `false`. */
  notes?: boolean
  /** Keep the print layout up now (the `?print` mode), not only while printing. */
  always?: boolean
}

/**
 * Put every slide, every build step shown, into `div.slidemark-print` (one
 * `div.slidemark-print-page` per slide; `.with-notes` when notes print)
 * while the browser prints (beforeprint / afterprint and the `print` media
 * query, which is what headless PDF export triggers), or for good with
 * `always`. Only the slides near the current one are in the DOM otherwise.
 * Returns a function that removes the layout and its listeners.
 */
export function preparePrint<S extends PresentableSlide>(options: PrintOptions<S>): () => void {
  const { host, slideClass, render, notes = false, always = false } = options
  const doc = host.ownerDocument
  const win = doc.defaultView
  let layout: HTMLElement | null = null
  /** What built the layout: only that trigger's "done" removes it again. */
  let builtBy: 'event' | 'media' | null = null

  const build = (by: 'event' | 'media') => {
    if (layout) return
    builtBy = by
    layout = doc.createElement('div')
    layout.className = notes ? 'slidemark-print with-notes' : 'slidemark-print'
    for (const slide of options.slides()) {
      const page = doc.createElement('div')
      page.className = 'slidemark-print-page'
      fillPage(page, slide)
      layout.append(page)
    }
    layout.addEventListener(SHOW_STEP_EVENT, onShowStep)
    host.append(layout)
  }
  const fillPage = (page: HTMLElement, slide: S) => {
    page.textContent = ''
    const element = createSlideElement(doc, slide, slideClass, render)
    placeSlide(element, 0, Number.POSITIVE_INFINITY)
    page.append(element)
    const aside = element.querySelector(':scope > .notes')
    if (aside) notes ? page.append(aside) : aside.remove()
  }
  // A chunked deck: pages drawn while their slide was loading are drawn again once it is here.
  const stopLazy = lazySlides(options.slides())?.onLoad((from, to) => {
    const slides = options.slides()
    const pages = layout ? [...layout.children] : []
    for (let index = from; index < to; index++) {
      const page = pages[index] as HTMLElement | undefined
      const slide = slides[index]
      if (page?.querySelector(`[${PENDING_ATTRIBUTE}]`) && slide) fillPage(page, slide)
    }
  })
  const remove = () => {
    layout?.remove()
    layout = null
  }
  const done = (by: 'event' | 'media') => {
    if (!always && builtBy === by) remove()
  }
  const onShowStep = (event: Event) => {
    const step = (event as CustomEvent<unknown>).detail
    const target = event.target as ParentNode | null
    if (typeof target?.querySelectorAll === 'function' && typeof step === 'number') {
      showSteps(target, step)
    }
  }
  const before = () => build('event')
  const after = () => done('event')
  const media = win?.matchMedia?.('print')
  // Headless PDF export and print emulation flip the media query, sometimes
  // in between beforeprint and afterprint: a media change only undoes what
  // a media change did.
  const onMedia = (event: MediaQueryListEvent) => (event.matches ? build('media') : done('media'))
  if (always) build('event')
  win?.addEventListener('beforeprint', before)
  win?.addEventListener('afterprint', after)
  media?.addEventListener?.('change', onMedia)
  // This code arrives after the first slide (late.ts): a page already in print media
  // (a PDF export started right after load, a print preview open) gets its layout now.
  if (media?.matches) build('media')
  return () => {
    stopLazy?.()
    win?.removeEventListener('beforeprint', before)
    win?.removeEventListener('afterprint', after)
    media?.removeEventListener?.('change', onMedia)
    remove()
  }
}
