import type { Presentation } from '../lib/presentation.js'
import type { PresentableSlide, PresentationMeta } from '../lib/types.js'
import { DEFAULT_FIT_FLOOR, type Excess, watchAutoFit } from './autofit.js'
import { withLate } from './late.js'

/** Window event the deck dispatches for a slide that does not fit (dev tools forward it). */
export const OVERFLOW_EVENT = 'slidemark:overflow'

/** A slide that does not fit its box even at the floor scale. */
export interface DeckOverflow<S extends PresentableSlide = PresentableSlide> {
  /** 0-based index. */
  index: number
  slide: S
  /** 1-based line where the slide starts in the deck file, when the slide carries `source`. */
  line: number | undefined
  /** Design px beyond the box, at `scale`. */
  excess: Excess
  scale: number
}

export interface DeckFitOptions<S extends PresentableSlide> {
  fit?: boolean
  fitFloor?: number
  onOverflow?: (overflow: DeckOverflow<S>) => void
  fitNotice?: boolean
}

/** Whether fitting is on and its floor, from the mount options and the front matter. */
export function fitSettings(
  options: Pick<DeckFitOptions<PresentableSlide>, 'fit' | 'fitFloor'>,
  meta: PresentationMeta,
): { enabled: boolean; floor: number } {
  const fromMeta = meta.fit
  const enabled = options.fit ?? fromMeta !== false
  const floor =
    options.fitFloor ??
    (typeof fromMeta === 'number' && fromMeta > 0 && fromMeta <= 1 ? fromMeta : DEFAULT_FIT_FLOOR)
  return { enabled, floor }
}

/** Whether the page is served by Vite's dev server (which injects its client script). */
function underViteDev(doc: Document): boolean {
  return doc.querySelector('script[src$="/@vite/client"]') !== null
}

/**
 * Auto-fit for a mounted deck: every slide element under `element` is fitted
 * (see `watchAutoFit`), again after each hot update. A slide that does not fit
 * at the floor is reported once per deck version: `onOverflow`, a cancelable
 * `slidemark:overflow` CustomEvent on the window (the Vite plugin forwards it
 * to the dev server's terminal), and in dev a quiet notice in the page.
 */
export function watchDeckFit<S extends PresentableSlide>(
  element: HTMLElement,
  deck: Presentation<S>,
  options: DeckFitOptions<S>,
): () => void {
  const doc = element.ownerDocument
  const showNotice = options.fitNotice ?? underViteDev(doc)
  let notice: HTMLElement | null = null
  /** Counts updates (and the end): a notice worded after one is old news. */
  let version = 0
  const note = (text: string) => {
    if (!notice) {
      notice = doc.createElement('div')
      notice.className = 'slidemark-fit-notice'
      notice.setAttribute('data-slidemark-fit-notice', '')
      notice.setAttribute('role', 'status')
      element.append(notice)
    }
    const line = doc.createElement('div')
    line.textContent = text
    notice.append(line)
  }
  const fit = watchAutoFit(element, {
    enabled: () => fitSettings(options, deck.meta).enabled,
    floor: () => fitSettings(options, deck.meta).floor,
    onOverflow({ index, excess, scale }) {
      const slide = deck.slides[index]
      if (!slide) return
      const source = (slide as { source?: { start?: unknown } }).source
      const line = typeof source?.start === 'number' ? source.start : undefined
      const overflow: DeckOverflow<S> = { index, slide, line, excess, scale }
      options.onOverflow?.(overflow)
      doc.defaultView?.dispatchEvent(
        new CustomEvent(OVERFLOW_EVENT, { detail: overflow, cancelable: true }),
      )
      // The wording is late code (late.ts).
      const shown = version
      if (showNotice) withLate((late) => shown === version && note(late.describeOverflow(overflow)))
    },
  })
  // An update with the same front matter (an edit to some slides) changes only their elements.
  let meta = deck.meta
  const stop = deck.on('update', () => {
    version++
    notice?.remove()
    notice = null
    fit.refit({ kept: deck.meta === meta })
    meta = deck.meta
  })
  return () => {
    version++
    stop()
    fit.destroy()
    notice?.remove()
  }
}
