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

/** Design size of a horizon slide (16:9), in CSS px. */
export const SLIDE_WIDTH = 1280
export const SLIDE_HEIGHT = 720

/** What goes inside each `div.horizon-slide`. */
export function renderSlide(slide: PresentableSlide): string {
  if (slide.kind === 'title') return `<div class="horizon-title">${slide.content}</div>`
  return `<header class="horizon-heading">${slide.header}</header><div class="horizon-body">${slide.content}</div>`
}

/** The horizon theme definition (see docs/themes.md). */
export const theme: ThemeDefinition<PresentableSlide> = {
  name: 'horizon',
  rootClass: 'horizon',
  trackClass: 'horizon-track',
  slideClass: 'horizon-slide',
  width: SLIDE_WIDTH,
  height: SLIDE_HEIGHT,
  margin: 16,
  radius: 1,
  render: renderSlide,
  keys: (deck) => ({
    n: () => deck.toggleNotes(),
    '2': () => deck.toggleNotes(),
  }),
}

/**
 * Present `slides` in `root` with the horizon look: 16:9, system fonts, light
 * or dark following the system, a cross-fade between slides and a progress bar.
 */
export function mount<S extends PresentableSlide>(
  root: HTMLElement,
  slides: readonly S[],
  options: MountOptions = {},
): ThemedPresentation<S> {
  const deck = mountDeck(root, slides, options, theme as ThemeDefinition<S>)
  const progress = deck.element.ownerDocument.createElement('div')
  progress.className = 'horizon-progress'
  progress.setAttribute('aria-hidden', 'true')
  deck.element.append(progress)
  const draw = () => {
    const total = deck.slides.length
    const done = total > 1 ? deck.state.slide / (total - 1) : 1
    progress.style.setProperty('--horizon-progress', String(done))
  }
  draw()
  deck.on('change', draw)
  deck.on('update', draw)
  return deck
}
