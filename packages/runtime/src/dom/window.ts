import { slideSignature } from '../lib/identity.js'
import type { Position, PresentableSlide } from '../lib/types.js'
import { createSlideElement, placeSlide, type RenderSlide, slideLabel } from './slide.js'

/** Slides kept in the live DOM on each side of the current one. */
export const DEFAULT_RADIUS = 2

export interface SlideWindowOptions<S extends PresentableSlide> {
  /** Element the slide elements live in. */
  track: HTMLElement
  slideClass: string
  render: RenderSlide<S>
  /** Neighbours kept on each side. Default {@link DEFAULT_RADIUS}. */
  radius?: number
}

export interface SlideWindow<S extends PresentableSlide> {
  /** Make the DOM show `position` of `slides`: create, reuse, re-render or drop elements. */
  render(slides: readonly S[], position: Position): void
  /** The live element of slide `index`, if it is in the window. */
  element(index: number): HTMLElement | undefined
  clear(): void
}

/**
 * Keep only the slides near the current one in the DOM, so a 2 000-slide deck
 * costs what a 5-slide one does. Elements are reused while their slide is
 * unchanged (so CSS transitions run when they change position) and rebuilt
 * when a hot update changed the slide.
 */
export function createSlideWindow<S extends PresentableSlide>(
  options: SlideWindowOptions<S>,
): SlideWindow<S> {
  const { track, slideClass, render, radius = DEFAULT_RADIUS } = options
  const live = new Map<number, { element: HTMLElement; slide: S; html: string }>()
  const doc = track.ownerDocument

  return {
    render(slides, { slide: current, step }) {
      const low = Math.max(0, current - radius)
      const high = Math.min(slides.length - 1, current + radius)
      for (const [index, entry] of live) {
        if (index < low || index > high) {
          entry.element.remove()
          live.delete(index)
        }
      }
      for (let index = low; index <= high; index++) {
        const slide = slides[index] as S
        let entry = live.get(index)
        const signature = slideSignature(slide)
        if (entry && entry.slide !== slide && entry.html === signature) entry.slide = slide
        // A slide still loading is the same object when its chunk fails: its signature tells.
        if (!entry || entry.slide !== slide || entry.html !== signature) {
          const element = createSlideElement(doc, slide, slideClass, render)
          if (entry) entry.element.replaceWith(element)
          else track.insertBefore(element, nextLive(index, high)?.element ?? null)
          entry = { element, slide, html: signature }
          live.set(index, entry)
        }
        const element = entry.element
        element.setAttribute('aria-label', slideLabel(slide, index, slides.length))
        element.setAttribute('data-slidemark-slide', String(index))
        placeSlide(element, index - current, step)
        if (index === current) element.setAttribute('aria-current', 'true')
        else element.removeAttribute('aria-current')
      }
    },
    element: (index) => live.get(index)?.element,
    clear() {
      for (const entry of live.values()) entry.element.remove()
      live.clear()
    },
  }

  function nextLive(index: number, high: number) {
    for (let i = index + 1; i <= high; i++) {
      const entry = live.get(i)
      if (entry) return entry
    }
    return undefined
  }
}
