import { pendingSlide } from '../lib/lazy.js'
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
 * and so does one with `data-step-hide=M` once step ≥ M (Slidev's
 * `v-click.hide`, reveal.js's `fade-out`: shown first, hidden at step M);
 * code blocks show their code step (see `showCodeSteps`), moving between
 * versions with `animate`.
 */
export function showSteps(element: ParentNode, step: number, animate = false): void {
  showCodeSteps(element, step, animate)
  for (const part of element.querySelectorAll<HTMLElement>('.slidemark-step[data-step]')) {
    const n = Number(part.dataset.step)
    part.classList.toggle(STEP_HIDDEN_CLASS, stepHidden(part, step))
    part.classList.toggle(STEP_CURRENT_CLASS, n === step)
  }
}

/** Whether a `.slidemark-step` element is hidden at `step` (before its `data-step`, from its `data-step-hide`). */
function stepHidden(part: HTMLElement, step: number): boolean {
  const hideAt = part.dataset.stepHide
  return Number(part.dataset.step) > step || (hideAt !== undefined && step >= Number(hideAt))
}

/** Classes of the parts drawn around a slide's content (see `PresentableSlide.running`). */
export const RUNNING_HEADER_CLASS = 'slidemark-running-header'
export const RUNNING_FOOTER_CLASS = 'slidemark-running-footer'
export const PAGE_NUMBER_CLASS = 'slidemark-page-number'

/** Attribute of a slide element drawn while its chunk loads: `loading`, or `error` once that failed. */
export const PENDING_ATTRIBUTE = 'data-slidemark-pending'

/** What a theme draws inside each slide element. */
export type RenderSlide<S extends PresentableSlide> = (slide: S) => string

const CLASS_NAME = /^-?[A-Za-z_][\w-]*$/

/**
 * Build a slide element: `<div class="{slideClass} {…slide.classes}"
 * data-index data-kind role="group" aria-roledescription="slide">`, the theme's
 * HTML between the running header and footer (when the slide has them), then
 * `<aside class="notes">` when the slide has notes. A slide whose chunk has
 * not arrived (see `lazySlides`) is drawn as a status line saying it is
 * loading, or why it could not be loaded, with {@link PENDING_ATTRIBUTE}.
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
  const pending = pendingSlide(slide)
  if (pending) {
    drawPending(element, slide.index, pending.error)
    return element
  }
  element.innerHTML =
    runningHeader(slide) +
    render(slide) +
    runningFooter(slide) +
    (slide.notes ? `<aside class="notes">${slide.notes}</aside>` : '')
  return element
}

/** The inside of a slide whose HTML has not arrived: what is happening, said in the slide. */
function drawPending(element: HTMLElement, index: number, error: string | undefined) {
  element.setAttribute(PENDING_ATTRIBUTE, error ? 'error' : 'loading')
  element.setAttribute('aria-busy', String(!error))
  const status = element.ownerDocument.createElement('p')
  status.className = 'slidemark-pending'
  status.setAttribute('role', error ? 'alert' : 'status')
  status.textContent = error
    ? `Slide ${index + 1} could not be loaded (${error}). Reload the page to try again.`
    : `Loading slide ${index + 1}…`
  element.append(status)
}

/** `<header class="slidemark-running-header">` when the slide has a running header (Marp's `header`). */
function runningHeader(slide: PresentableSlide): string {
  const header = slide.running?.header
  return header ? `<header class="${RUNNING_HEADER_CLASS}">${header}</header>` : ''
}

/** The running footer and the slide number (Marp's `footer` and `paginate`), after the content. */
function runningFooter(slide: PresentableSlide): string {
  const footer = slide.running?.footer
  const number = slide.running?.pageNumber
    ? `<span class="${PAGE_NUMBER_CLASS}">${slide.index + 1}</span>`
    : ''
  return (footer ? `<footer class="${RUNNING_FOOTER_CLASS}">${footer}</footer>` : '') + number
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
