import { describe, expect, it, onTestFinished } from 'vitest'
import {
  createPresentation,
  HOT_UPDATES,
  type HotListener,
  type PresentableSlide,
  type PresentationMeta,
} from '../src/index.js'
import { deck } from './helpers.js'

/** A deck array carrying the hidden hot handle, as a `*.slides.md` module in dev does. */
function hotDeck(slides: PresentableSlide[]) {
  const listeners = new Set<HotListener<PresentableSlide>>()
  Object.defineProperty(slides, HOT_UPDATES, {
    value: {
      onUpdate(listener: HotListener<PresentableSlide>) {
        listeners.add(listener)
        return () => listeners.delete(listener)
      },
    },
  })
  const send = (next: PresentableSlide[], meta: PresentationMeta = {}) => {
    for (const listener of listeners) listener(next, meta)
  }
  return { slides, listeners, send }
}

const options = { hash: false, sync: false, keyboard: false, touch: false } as const

describe('hot updates with no wiring', () => {
  it('a controller follows the slides’ own hot handle', () => {
    const hot = hotDeck(deck(1, 1, 1))
    const p = createPresentation(hot.slides, options)
    onTestFinished(() => p.destroy())
    const next = deck(1, 1, 1, 1)
    hot.send(next, { title: 'Renamed' })
    expect(p.slides).toBe(next)
    expect(p.meta.title).toBe('Renamed')
  })

  it('the handle is invisible to array code', () => {
    const hot = hotDeck(deck(1, 1))
    expect(Object.keys(hot.slides)).toEqual(['0', '1'])
    expect(JSON.parse(JSON.stringify(hot.slides))).toHaveLength(2)
  })

  it('destroy unsubscribes, so a later edit finds no listener (and the page reloads)', () => {
    const hot = hotDeck(deck(1, 1))
    const p = createPresentation(hot.slides, options)
    expect(hot.listeners.size).toBe(1)
    p.destroy()
    expect(hot.listeners.size).toBe(0)
  })

  it('hot: false leaves the handle alone', () => {
    const hot = hotDeck(deck(1, 1))
    const p = createPresentation(hot.slides, { ...options, hot: false })
    onTestFinished(() => p.destroy())
    expect(hot.listeners.size).toBe(0)
  })

  it('the same edit delivered twice (handle and onUpdate) updates once', () => {
    const hot = hotDeck(deck(1, 1))
    const p = createPresentation(hot.slides, options)
    onTestFinished(() => p.destroy())
    let updates = 0
    p.on('update', () => updates++)
    const next = deck(1, 1, 1)
    const meta = { title: 'x' }
    hot.send(next, meta)
    p.update(next, meta)
    expect(updates).toBe(1)
  })

  it('inserting a slide before the current one keeps the view on it, at its step', () => {
    const slides = deck(1, 3, 1)
    const p = createPresentation(slides, options)
    onTestFinished(() => p.destroy())
    p.go(1, 2)
    const inserted = { ...(slides[0] as PresentableSlide), title: 'New', header: '<h1>New</h1>' }
    p.update([slides[0], inserted, slides[1], slides[2]] as PresentableSlide[])
    expect(p.state).toEqual({ slide: 2, step: 2 })
  })
})
