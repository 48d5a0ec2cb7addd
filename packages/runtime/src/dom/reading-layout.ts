/**
 * The reading view's layout: the size of its pages and scrolling to one. It
 * only matters once the pages are drawn, so it comes with them in the deck's
 * late code (late.ts); the choice of reading view is in reading.ts.
 */

/**
 * Smallest scale a slide is drawn at in reading view: the smallest text the
 * themes set (12 px) stays at 9 CSS px. A wider window draws slides larger,
 * up to their design size.
 */
export const READING_MIN_SCALE = 0.75

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
