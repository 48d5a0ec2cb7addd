import type { PresentableSlide } from './types.js'

type Numbered = Pick<PresentableSlide, 'uncounted'>

/**
 * The number shown for slide `index`: its position among the counted slides.
 * A slide left out of the count (remark's `count: false`) shows the number of
 * the counted slide before it, as remark does (and 1 before any).
 */
export function slideNumber(slides: readonly Numbered[], index: number): number {
  let counted = 0
  for (let i = 0; i <= index && i < slides.length; i++) if (!slides[i]?.uncounted) counted++
  return Math.max(1, counted)
}

/** `"3 / 25"`: slide `index`'s number and the number of counted slides. */
export function slideCounter(slides: readonly Numbered[], index: number): string {
  if (slides.length === 0) return '0 / 0'
  const total = slides.reduce((sum, slide) => sum + (slide.uncounted ? 0 : 1), 0)
  return `${slideNumber(slides, index)} / ${Math.max(1, total)}`
}
