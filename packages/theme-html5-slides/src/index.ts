import type { PresentableSlide } from '@slidemark/runtime'
import {
  type MountOptions,
  mountDeck,
  type ThemeDefinition,
  type ThemedPresentation,
} from '@slidemark/runtime/dom'
import '@slidemark/runtime/code-steps.css'
import './style.css'

export type { MountOptions, ThemedPresentation } from '@slidemark/runtime/dom'

/** The original's slide box, in CSS px. */
export const SLIDE_WIDTH = 900
export const SLIDE_HEIGHT = 700

/**
 * What goes inside `div.slide`: `<section class="title">` for a title slide,
 * else `<header>` (the heading) and `<section>` (the rest), as the original.
 */
export function renderSlide(slide: PresentableSlide): string {
  if (slide.kind === 'title') return `<section class="title">${slide.content}</section>`
  return `<header>${slide.header}</header><section>${slide.content}</section>`
}

/** The html5-slides theme definition, for tools that drive `mountDeck` themselves. */
export const theme: ThemeDefinition<PresentableSlide> = {
  name: 'html5-slides',
  rootClass: 'presentation',
  trackClass: 'slides',
  slideClass: 'slide',
  width: SLIDE_WIDTH,
  height: SLIDE_HEIGHT,
  radius: 2,
  render: renderSlide,
  keys: (deck) => ({
    '2': () => deck.toggleNotes(),
    '3': () => deck.element.classList.toggle('three-d'),
  }),
}

/**
 * Present `slides` in `root` with the look of Google's 2010 html5-slides
 * template. Returns the runtime controller (next/prev/go/update/destroy, state,
 * events) plus the view controls (overview, notes, presenter window).
 */
export function mount<S extends PresentableSlide>(
  root: HTMLElement,
  slides: readonly S[],
  options: MountOptions = {},
): ThemedPresentation<S> {
  return mountDeck(root, slides, options, theme as ThemeDefinition<S>)
}
