import type { PresentableSlide } from '../lib/types.js'
import { showCodeSteps } from './code-steps.js'

/** Position class for a slide `offset` places from the current one (±2), else `null`. */
export const POSITION_CLASSES = ['far-past', 'past', 'current', 'future', 'far-future'] as const

export type PositionClass = (typeof POSITION_CLASSES)[number]

export function positionClass(offset: number): PositionClass | null {
  return POSITION_CLASSES[offset + 2] ?? null
}

/** Class on a build step that is not shown yet. */
export const STEP_HIDDEN_CLASS = 'slidemark-step-hidden'
/** Class on the build step revealed last. */
export const STEP_CURRENT_CLASS = 'slidemark-step-current'

/**
 * Show the build steps of `element` up to `step`: every
 * `.slidemark-step[data-step=N]` with N > step gets {@link STEP_HIDDEN_CLASS},
 * and code blocks show their code step (see `showCodeSteps`), moving
 * between versions with `animate`.
 */
export function showSteps(element: ParentNode, step: number, animate = false): void {
  showCodeSteps(element, step, animate)
  for (const part of element.querySelectorAll<HTMLElement>('.slidemark-step[data-step]')) {
    const n = Number(part.dataset.step)
    part.classList.toggle(STEP_HIDDEN_CLASS, n > step)
    part.classList.toggle(STEP_CURRENT_CLASS, n === step)
  }
}

/** What a theme draws inside each slide element. */
export type RenderSlide<S extends PresentableSlide> = (slide: S) => string

const CLASS_NAME = /^-?[A-Za-z_][\w-]*$/

/**
 * Build a slide element: `<div class="{slideClass} {…slide.classes}"
 * data-index data-kind role="group" aria-roledescription="slide">`, the theme's
 * HTML, then `<aside class="notes">` when the slide has notes.
 */
export function createSlideElement<S extends PresentableSlide>(
  doc: Document,
  slide: S,
  slideClass: string,
  render: RenderSlide<S>,
): HTMLElement {
  const element = doc.createElement('div')
  element.className = [slideClass, ...slide.classes.filter((name) => CLASS_NAME.test(name))].join(
    ' ',
  )
  element.dataset.index = String(slide.index)
  element.dataset.kind = slide.kind
  element.setAttribute('role', 'group')
  element.setAttribute('aria-roledescription', 'slide')
  element.innerHTML =
    render(slide) + (slide.notes ? `<aside class="notes">${slide.notes}</aside>` : '')
  return element
}

/** `"3 of 25: Title"`, the accessible name of a slide. */
export function slideLabel(slide: PresentableSlide, position: number, total: number): string {
  const base = `${position + 1} of ${total}`
  return slide.title ? `${base}: ${slide.title}` : base
}

/**
 * Put a windowed slide element in its place `offset` slides from the current
 * one at `step`: position class, `data-offset`, build steps (past slides show
 * all, future ones none), and, for every slide but the current one, `inert`
 * and `aria-hidden` so focus and screen readers never enter it.
 */
export function placeSlide(element: HTMLElement, offset: number, step: number): void {
  for (const name of POSITION_CLASSES) element.classList.remove(name)
  const position = positionClass(offset)
  if (position) element.classList.add(position)
  element.dataset.offset = String(offset)
  showSteps(element, offset < 0 ? Number.POSITIVE_INFINITY : offset > 0 ? 0 : step, offset === 0)
  const current = offset === 0
  element.toggleAttribute('inert', !current)
  if (current) element.removeAttribute('aria-hidden')
  else element.setAttribute('aria-hidden', 'true')
}
