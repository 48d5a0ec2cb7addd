import type { DeckSummary } from './fixtures.js'

/** A 0-based place in the deck. */
export interface Position {
  slide: number
  step: number
}

/**
 * What the next/previous key should do, written out independently of the
 * runtime: through the build steps of a slide first, then to the next slide;
 * going back lands on the previous slide with all its steps shown.
 */
export function nextPosition(deck: DeckSummary, { slide, step }: Position): Position {
  const steps = deck.slides[slide]?.steps ?? 1
  if (step + 1 < steps) return { slide, step: step + 1 }
  if (slide + 1 < deck.slides.length) return { slide: slide + 1, step: 0 }
  return { slide, step }
}

export function prevPosition(deck: DeckSummary, { slide, step }: Position): Position {
  if (step > 0) return { slide, step: step - 1 }
  if (slide > 0) return { slide: slide - 1, step: (deck.slides[slide - 1]?.steps ?? 1) - 1 }
  return { slide, step }
}

export function lastPosition(deck: DeckSummary): Position {
  const slide = deck.slides.length - 1
  return { slide, step: (deck.slides[slide]?.steps ?? 1) - 1 }
}
