/**
 * Reading view: on a phone held upright the slides are stacked in the page
 * (as reveal.js 5's scroll view), each laid out at a width its text stays
 * readable at, every build step shown, no notes, no auto-fit.
 */

/** Query parameter that forces the reading view (`?reading`; `?reading=0` turns it off). */
export const READING_PARAM = 'reading'
/** Class on the deck element while it is in reading view. */
export const READING_CLASS = 'slidemark-reading'
/** Below this window width (CSS px), a portrait full-window deck opens in reading view. */
export const READING_MAX_WIDTH = 600
/**
 * Smallest scale a slide is drawn at in reading view: the smallest text the
 * themes set (12 px) stays at 9 CSS px. A wider window draws slides larger,
 * up to their design size.
 */
export const READING_MIN_SCALE = 0.75

/** Whether a window is a narrow portrait screen (a phone held upright). */
export function isNarrowPortrait(win: Pick<Window, 'innerWidth' | 'innerHeight'>): boolean {
  return win.innerWidth < READING_MAX_WIDTH && win.innerHeight > win.innerWidth
}

/** `true`/`false` from `?reading` / `?reading=0|false|no`, `undefined` without it. */
export function readingFromSearch(search: string): boolean | undefined {
  const params = new URLSearchParams(search)
  if (!params.has(READING_PARAM)) return undefined
  return !['0', 'false', 'no', 'off'].includes(params.get(READING_PARAM) ?? '')
}

/** Reading-view scale for a box `boxWidth` wide and a slide `width` wide: in [READING_MIN_SCALE, 1]. */
export function readingScale(width: number, boxWidth: number): number {
  if (boxWidth <= 0 || width <= 0) return 1
  return Math.min(1, Math.max(READING_MIN_SCALE, boxWidth / width))
}

/**
 * Keep `--slidemark-reading-scale` (the zoom of each page), `--slidemark-reading-width`
 * (the slide's layout width, in slide px, so that zoomed it fills the box) and
 * `--slidemark-reading-min-height` (the design aspect ratio at that width) on `box`.
 * Returns a function that stops watching.
 */
export function watchReadingSize(box: HTMLElement, width: number, height: number): () => void {
  const win = box.ownerDocument.defaultView
  const apply = () => {
    const boxWidth = box.clientWidth
    const scale = readingScale(width, boxWidth)
    const slideWidth = Math.floor(boxWidth / scale)
    box.style.setProperty('--slidemark-reading-scale', String(scale))
    box.style.setProperty('--slidemark-reading-width', `${slideWidth}px`)
    box.style.setProperty(
      '--slidemark-reading-min-height',
      `${Math.round((slideWidth * height) / width)}px`,
    )
  }
  apply()
  win?.addEventListener('resize', apply)
  return () => win?.removeEventListener('resize', apply)
}

/** Scroll the page of slide `index` (0-based) in the reading layout into view. */
export function scrollToReadingSlide(host: HTMLElement, index: number, smooth: boolean): void {
  const pages = host.querySelectorAll<HTMLElement>(
    ':scope > .slidemark-print > .slidemark-print-page',
  )
  pages[index]?.scrollIntoView({ block: 'start', behavior: smooth ? 'smooth' : 'auto' })
}

/**
 * The slide a reader is on in the reading layout: the last page whose top is
 * in the upper third of the window or above it (0-based), or `undefined`
 * without pages.
 */
export function readingSlideInView(host: HTMLElement): number | undefined {
  const win = host.ownerDocument.defaultView
  const pages = host.querySelectorAll<HTMLElement>(
    ':scope > .slidemark-print > .slidemark-print-page',
  )
  if (pages.length === 0 || !win) return undefined
  const line = win.innerHeight / 3
  let found = 0
  pages.forEach((page, index) => {
    if (page.getBoundingClientRect().top <= line) found = index
  })
  return found
}

/**
 * Follow the slide the reader is on ({@link readingSlideInView}) as the page
 * scrolls; `current()` is the last one seen, `undefined` before any scroll.
 * It is read when the view changes, after a rotation has already re-laid
 * the pages out, so it must be noted before.
 */
export function trackReadingSlide(host: HTMLElement): {
  current(): number | undefined
  /** Forget the slide seen (the reading layout is drawn anew). */
  forget(): void
  stop(): void
} {
  const win = host.ownerDocument.defaultView
  let seen: number | undefined
  const note = () => {
    seen = readingSlideInView(host)
  }
  win?.addEventListener('scroll', note, { passive: true })
  return {
    current: () => seen,
    forget: () => {
      seen = undefined
    },
    stop: () => win?.removeEventListener('scroll', note),
  }
}

/**
 * Call `change(narrowPortrait)` whenever the window turns between a phone
 * held upright and anything else (rotation, a resized window). Returns a
 * function that stops watching.
 */
export function watchNarrowPortrait(
  win: Window,
  change: (narrowPortrait: boolean) => void,
): () => void {
  let last = isNarrowPortrait(win)
  const check = () => {
    const now = isNarrowPortrait(win)
    if (now === last) return
    last = now
    change(now)
  }
  win.addEventListener('resize', check)
  win.addEventListener('orientationchange', check)
  return () => {
    win.removeEventListener('resize', check)
    win.removeEventListener('orientationchange', check)
  }
}
