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
