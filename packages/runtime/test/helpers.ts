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
