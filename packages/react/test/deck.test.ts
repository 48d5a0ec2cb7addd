import type { ThemedPresentation } from '@slidemark/runtime/dom'
import * as horizon from '@slidemark/theme-horizon'
import * as html5 from '@slidemark/theme-html5-slides'
import { act, createElement, createRef, StrictMode } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { Deck, type DeckProps } from '../src/index.js'
import { deck, press, trackListeners, withHotHandle } from './helpers.js'

;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

const talk = deck(['Why decks drift', 'Measuring the drift', 'A fix in three steps', 'Questions'])

let container: HTMLElement
let root: Root

beforeEach(() => {
  container = document.createElement('div')
  document.body.append(container)
  root = createRoot(container)
  ref = createRef<ThemedPresentation | null>()
})

afterEach(() => {
  act(() => root.unmount())
  container.remove()
  window.location.hash = ''
})

/** Renders (or re-renders) the root with one `<Deck>`; the same ref object across re-renders, as a component's would be. */
let ref = createRef<ThemedPresentation | null>()
function render(props: DeckProps, strict = false) {
  const element = createElement(Deck, { ...props, ref })
  act(() => root.render(strict ? createElement(StrictMode, null, element) : element))
  return ref
}

const decks = () => container.querySelectorAll('[data-slidemark-deck]')
const controller = (ref: { current: ThemedPresentation | null }) => {
  if (!ref.current) throw new Error('the ref holds no controller')
  return ref.current
}

describe('mount', () => {
  test('mounts one embedded deck inside its host div and hands the controller to the ref', () => {
    const ref = render({ slides: talk, theme: horizon, className: 'talk', id: 'first' })
    const host = container.querySelector('div#first.talk')
    expect(host?.querySelectorAll('[data-slidemark-deck]')).toHaveLength(1)
    const deck = controller(ref)
    expect(deck.embedded).toBe(true)
    expect(deck.element.parentElement).toBe(host)
    expect(deck.element.tabIndex).toBe(0)
    expect(deck.slides).toBe(talk)
  })

  test('MountOptions props reach the theme: start, notes, and embedded={false}', () => {
    const ref = render({ slides: talk, theme: horizon, start: { slide: 2 }, notes: true })
    expect(controller(ref).state.slide).toBe(2)
    expect(controller(ref).element.classList.contains('with-notes')).toBe(true)
    act(() => root.unmount())
    root = createRoot(container)
    const full = render({ slides: talk, theme: horizon, embedded: false, hash: false, sync: false })
    expect(controller(full).embedded).toBe(false)
  })

  test('keys move the deck only while it has focus', () => {
    const ref = render({ slides: talk, theme: horizon })
    press(window, 'ArrowRight')
    expect(controller(ref).state.slide).toBe(0)
    press(controller(ref).element, 'ArrowRight')
    expect(controller(ref).state.slide).toBe(1)
  })
})

describe('update', () => {
  test('new slides update the same deck in place and stay on the same slide', () => {
    const ref = render({ slides: talk, theme: horizon })
    const first = controller(ref)
    act(() => {
      first.go(2)
    })
    // A slide inserted before the current one: the deck follows "A fix in three steps".
    const edited = deck([
      'Why decks drift',
      'A new opening',
      'Measuring the drift',
      'A fix in three steps',
      'Questions',
    ])
    render({ slides: edited, theme: horizon })
    expect(controller(ref)).toBe(first)
    expect(decks()).toHaveLength(1)
    expect(first.slides).toBe(edited)
    expect(first.state.slide).toBe(3)
    expect(first.element.dataset.currentSlide).toBe('3')
  })

  test('re-rendering with the same slides does not touch the deck', () => {
    const ref = render({ slides: talk, theme: horizon })
    const { slides } = withHotHandle(deck(['Moved by hand']))
    act(() => controller(ref).update(slides))
    render({ slides: talk, theme: horizon, className: 'restyled' })
    expect(controller(ref).slides).toBe(slides)
  })

  test('a new theme mounts a new deck in place of the old one', () => {
    const ref = render({ slides: talk, theme: horizon })
    const old = controller(ref)
    render({ slides: talk, theme: html5 })
    expect(decks()).toHaveLength(1)
    expect(controller(ref)).not.toBe(old)
    expect(controller(ref).element.dataset.theme).toBe('html5-slides')
    expect(old.element.isConnected).toBe(false)
  })

  test('follows the hot handle of the slides it shows, and only of those', () => {
    const a = withHotHandle(deck(['Alpha one', 'Alpha two']))
    const ref = render({ slides: a.slides, theme: horizon })
    expect(a.listeners.size).toBe(1)
    const edited = deck(['Alpha one', 'Alpha two, edited'])
    act(() => {
      for (const listener of a.listeners) listener(edited, { title: 'Alpha' })
    })
    expect(controller(ref).slides).toBe(edited)
    expect(controller(ref).meta.title).toBe('Alpha')

    const b = withHotHandle(deck(['Beta one']))
    render({ slides: b.slides, theme: horizon })
    expect(a.listeners.size).toBe(0)
    expect(b.listeners.size).toBe(1)
    expect(controller(ref).slides).toBe(b.slides)
  })

  test('hot={false} leaves the hot handle alone', () => {
    const a = withHotHandle(deck(['Alpha one']))
    render({ slides: a.slides, theme: horizon, hot: false })
    expect(a.listeners.size).toBe(0)
  })
})

describe('destroy', () => {
  test('unmounting removes the deck, nulls the ref and removes every listener it added', () => {
    const listeners = trackListeners(window, document)
    try {
      const a = withHotHandle(deck(['Alpha one', 'Alpha two']))
      const ref = render({ slides: a.slides, theme: horizon })
      const deckElement = controller(ref).element
      expect(listeners.count).toBeGreaterThan(0)
      act(() => root.unmount())
      root = createRoot(container)
      expect(deckElement.isConnected).toBe(false)
      expect(container.querySelectorAll('[data-slidemark-deck]')).toHaveLength(0)
      expect(ref.current).toBeNull()
      expect(a.listeners.size).toBe(0)
      expect(listeners.count).toBe(0)
    } finally {
      listeners.restore()
    }
  })
})

describe('StrictMode', () => {
  test('the double mount leaves exactly one deck, one hot subscription and no extra listeners', () => {
    const listeners = trackListeners(window, document)
    try {
      const plain = withHotHandle(deck(['Alpha one', 'Alpha two']))
      render({ slides: plain.slides, theme: horizon })
      const once = listeners.count
      act(() => root.unmount())
      root = createRoot(container)
      expect(listeners.count).toBe(0)

      const strict = withHotHandle(deck(['Alpha one', 'Alpha two']))
      const ref = render({ slides: strict.slides, theme: horizon }, true)
      expect(decks()).toHaveLength(1)
      expect(strict.listeners.size).toBe(1)
      expect(listeners.count).toBe(once)
      expect(controller(ref).element.isConnected).toBe(true)
      // One controller hears the key: one step, not two.
      press(controller(ref).element, 'ArrowRight')
      expect(controller(ref).state.slide).toBe(1)

      act(() => root.unmount())
      root = createRoot(container)
      expect(decks()).toHaveLength(0)
      expect(strict.listeners.size).toBe(0)
      expect(listeners.count).toBe(0)
    } finally {
      listeners.restore()
    }
  })

  test('updates under StrictMode keep the one deck and its slide', () => {
    const ref = render({ slides: talk, theme: horizon }, true)
    const first = controller(ref)
    act(() => {
      first.go(1)
    })
    const edited = deck(['Measuring the drift', 'Why decks drift', 'Questions'])
    render({ slides: edited, theme: horizon }, true)
    expect(decks()).toHaveLength(1)
    expect(controller(ref)).toBe(first)
    expect(first.state.slide).toBe(0)
    expect(first.element.dataset.currentSlide).toBe('0')
  })
})
