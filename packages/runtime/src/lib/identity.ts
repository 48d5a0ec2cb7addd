import { pendingSlide } from './lazy.js'
import type { PresentableSlide } from './types.js'

/** What makes two versions of a slide "the same slide": everything it shows. */
export function slideSignature(slide: PresentableSlide): string {
  // A slide whose chunk has not arrived shows its loading state (its HTML cannot be read).
  const pending = pendingSlide(slide)
  if (pending) return `\0pending\0${slide.index}\0${pending.error ?? ''}`
  return [slide.kind, slide.classes.join(' '), slide.header, slide.content, slide.notes].join('\0')
}

/**
 * Where slide `index` of `before` is in `after` (a hot update), by identity
 * rather than number:
 *
 * 1. slides the edit did not touch at the start or the end of the deck keep
 *    their place counted from that end (so inserting a slide before the
 *    current one keeps you on it);
 * 2. inside the changed stretch, the slide with the same content, else the
 *    same heading, else the same title, nearest to where it was;
 * 3. else the same offset into the changed stretch, clamped.
 */
export function followSlide(
  before: readonly PresentableSlide[],
  after: readonly PresentableSlide[],
  index: number,
): number {
  if (after.length === 0) return 0
  const old = before[index]
  if (!old) return Math.min(Math.max(0, index), after.length - 1)
  const same = (a: number, b: number) =>
    before[a] === after[b] ||
    slideSignature(before[a] as PresentableSlide) === slideSignature(after[b] as PresentableSlide)
  let head = 0
  const shortest = Math.min(before.length, after.length)
  while (head < shortest && same(head, head)) head++
  if (index < head) return index
  let tail = 0
  while (tail < shortest - head && same(before.length - 1 - tail, after.length - 1 - tail)) tail++
  if (index >= before.length - tail) return index + after.length - before.length
  const low = head
  const high = after.length - 1 - tail
  const keys: Array<(slide: PresentableSlide) => string> = [
    slideSignature,
    (slide) => (pendingSlide(slide) ? '' : slide.header),
    (slide) => slide.title,
  ]
  for (const key of keys) {
    const wanted = key(old)
    if (!wanted) continue
    const found = nearest(
      low,
      high,
      index,
      (candidate) => key(after[candidate] as PresentableSlide) === wanted,
    )
    if (found !== undefined) return found
  }
  return Math.min(Math.max(low, index), Math.max(low, high), after.length - 1)
}

/** The index in `low…high` closest to `origin` for which `test` holds. */
function nearest(low: number, high: number, origin: number, test: (index: number) => boolean) {
  let best: number | undefined
  for (let candidate = low; candidate <= high; candidate++) {
    if (!test(candidate)) continue
    if (best === undefined || Math.abs(candidate - origin) < Math.abs(best - origin))
      best = candidate
  }
  return best
}
