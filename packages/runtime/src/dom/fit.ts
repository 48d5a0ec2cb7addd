/** Space (px, at design size) kept around the slide when fitting it to a box. */
export const DEFAULT_FIT_MARGIN = 20

/**
 * The scale that fits a `width`×`height` slide plus `margin` on every side
 * into a `boxWidth`×`boxHeight` box, keeping the aspect ratio. 1 for an empty box.
 */
export function fitScale(
  width: number,
  height: number,
  boxWidth: number,
  boxHeight: number,
  margin = DEFAULT_FIT_MARGIN,
): number {
  if (boxWidth <= 0 || boxHeight <= 0) return 1
  return Math.min(boxWidth / (width + 2 * margin), boxHeight / (height + 2 * margin))
}

/**
 * Keep the CSS variable `--slidemark-scale` on `box` equal to the scale that
 * fits a `width`×`height` slide into it, now and whenever the box or window
 * resizes. Themes apply it with `transform: scale(var(--slidemark-scale))`
 * (Chromium re-rasterises text at the final scale, so it stays crisp).
 * Returns a function that stops watching.
 */
export function watchFit(box: HTMLElement, width: number, height: number, margin?: number) {
  const win = box.ownerDocument.defaultView
  const apply = () => {
    const scale = fitScale(width, height, box.clientWidth, box.clientHeight, margin)
    box.style.setProperty('--slidemark-scale', String(Math.round(scale * 10000) / 10000))
  }
  apply()
  win?.addEventListener('resize', apply)
  const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(apply) : null
  observer?.observe(box)
  return () => {
    win?.removeEventListener('resize', apply)
    observer?.disconnect()
  }
}
