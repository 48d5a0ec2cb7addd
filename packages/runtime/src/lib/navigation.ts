import type { Position } from './types.js'

/** The only slide field navigation needs. */
export interface Stepped {
  steps: number
}

/** Number of build steps of slide `index` (at least 1, 1 when out of range). */
export function stepCount(slides: readonly Stepped[], index: number): number {
  const steps = slides[index]?.steps ?? 1
  return Number.isFinite(steps) && steps >= 1 ? Math.floor(steps) : 1
}

/** Clamp a position into the deck; an empty deck clamps to `{slide: 0, step: 0}`. */
export function clampPosition(slides: readonly Stepped[], position: Position): Position {
  const slide = clamp(Math.floor(position.slide) || 0, 0, Math.max(0, slides.length - 1))
  const step = clamp(Math.floor(position.step) || 0, 0, stepCount(slides, slide) - 1)
  return { slide, step }
}

/** Next build step, else the next slide's first step, else stay. */
export function nextPosition(slides: readonly Stepped[], position: Position): Position {
  const { slide, step } = clampPosition(slides, position)
  if (step < stepCount(slides, slide) - 1) return { slide, step: step + 1 }
  if (slide < slides.length - 1) return { slide: slide + 1, step: 0 }
  return { slide, step }
}

/**
 * Previous build step, else the previous slide with all its steps shown (as
 * reveal.js does with fragments), else stay.
 */
export function prevPosition(slides: readonly Stepped[], position: Position): Position {
  const { slide, step } = clampPosition(slides, position)
  if (step > 0) return { slide, step: step - 1 }
  if (slide > 0) return { slide: slide - 1, step: stepCount(slides, slide - 1) - 1 }
  return { slide, step }
}

/** The end of the talk: the last slide with all its steps shown. */
export function lastPosition(slides: readonly Stepped[]): Position {
  const slide = Math.max(0, slides.length - 1)
  return { slide, step: stepCount(slides, slide) - 1 }
}

export function samePosition(a: Position, b: Position): boolean {
  return a.slide === b.slide && a.step === b.step
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max)
}
