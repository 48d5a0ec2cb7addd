import type { ThemeDefinition } from '../src/dom/index.js'
import type { PresentableSlide } from '../src/index.js'

/** A deck of `steps.length` slides; slide i has `steps[i]` build steps. */
export function deck(...steps: number[]): PresentableSlide[] {
  return steps.map((count, index) => ({
    index,
    title: `Slide ${index + 1}`,
    header: `<h1>Slide ${index + 1}</h1>`,
    content: '<p>text</p>',
    kind: 'content',
    steps: count,
    notes: '',
    classes: [],
  }))
}

export function press(key: string, init: KeyboardEventInit = {}, target: EventTarget = window) {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init })
  target.dispatchEvent(event)
  return event
}

/** The smallest theme on `mountDeck`: an 800×600 slide of its header and content. */
export function plainTheme(
  overrides: Partial<ThemeDefinition<PresentableSlide>> = {},
): ThemeDefinition<PresentableSlide> {
  return {
    name: 'plain',
    rootClass: 'plain',
    trackClass: 'plain-track',
    slideClass: 'plain-slide',
    width: 800,
    height: 600,
    render: (slide) => `${slide.header}<div>${slide.content}</div>`,
    ...overrides,
  }
}

/** After each DOM test: no hash left in the URL, an empty page. */
export function resetPage() {
  history.replaceState(null, '', location.pathname)
  document.body.innerHTML = ''
}
