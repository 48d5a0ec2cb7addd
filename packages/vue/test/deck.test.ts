import * as horizon from '@slidemark/theme-horizon'
import * as html5 from '@slidemark/theme-html5-slides'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { type App, createApp, defineComponent, h, nextTick, ref, shallowRef } from 'vue'
import { type DeckTheme, SlidemarkDeck, type SlidemarkDeckInstance } from '../src/index.js'
import { deck, press, trackListeners, withHotHandle } from './helpers.js'

const talk = deck([
  'ベンチマークの読み方',
  'Measuring the drift',
  'A fix in three steps',
  'Questions',
])

let container: HTMLElement
let app: App | null = null

beforeEach(() => {
  container = document.createElement('div')
  document.body.append(container)
})

afterEach(() => {
  app?.unmount()
  app = null
  container.remove()
})

/**
 * Mounts an app rendering one `<SlidemarkDeck>` (while `shown` is true) with
 * reactive `slides`, `theme` and extra props; returns them and the template ref.
 */
function mountApp(initial: Record<string, unknown> & { slides: unknown; theme: DeckTheme }) {
  const { slides: first, theme: firstTheme, ...rest } = initial
  const slides = shallowRef(first)
  const theme = shallowRef(firstTheme)
  const extra = shallowRef<Record<string, unknown>>(rest)
  const shown = ref(true)
  const deckRef = ref<SlidemarkDeckInstance | null>(null)
  const Root = defineComponent({
    setup: () => () =>
      shown.value
        ? h(SlidemarkDeck, {
            ref: deckRef,
            slides: slides.value,
            theme: theme.value,
            ...extra.value,
          } as never)
        : null,
  })
  app = createApp(Root)
  app.mount(container)
  const controller = () => {
    const current = deckRef.value?.deck
    if (!current) throw new Error('the template ref exposes no deck')
    return current
  }
  return { slides, theme, extra, shown, deckRef, controller }
}

const decks = () => container.querySelectorAll('[data-slidemark-deck]')

describe('mount', () => {
  test('mounts one embedded deck in its root div and exposes the controller on the template ref', () => {
    const { controller } = mountApp({ slides: talk, theme: horizon, class: 'talk', id: 'first' })
    const host = container.querySelector('div#first.talk')
    expect(host?.querySelectorAll('[data-slidemark-deck]')).toHaveLength(1)
    expect(controller().embedded).toBe(true)
    expect(controller().element.parentElement).toBe(host)
    expect(controller().slides).toBe(talk)
  })

  test('MountOptions props reach the theme; absent booleans keep the runtime defaults', () => {
    const { controller } = mountApp({
      slides: talk,
      theme: horizon,
      start: { slide: 2 },
      notes: true,
    })
    expect(controller().state.slide).toBe(2)
    expect(controller().element.classList.contains('with-notes')).toBe(true)
    // keyboard and touch were not given: Vue would have made them false, the deck still hears keys.
    press(controller().element, 'ArrowRight')
    expect(controller().state.slide).toBe(3)
  })

  test(':embedded="false" mounts a full-window deck', () => {
    const { controller } = mountApp({
      slides: talk,
      theme: horizon,
      embedded: false,
      hash: false,
      sync: false,
    })
    expect(controller().embedded).toBe(false)
  })
})

describe('update', () => {
  test('new slides update the same deck in place and stay on the same slide', async () => {
    const { slides, controller } = mountApp({ slides: talk, theme: horizon })
    const first = controller()
    first.go(2)
    slides.value = deck([
      'ベンチマークの読み方',
      'A new opening',
      'Measuring the drift',
      'A fix in three steps',
      'Questions',
    ])
    await nextTick()
    expect(controller()).toBe(first)
    expect(decks()).toHaveLength(1)
    expect(first.slides).toBe(slides.value)
    expect(first.state.slide).toBe(3)
    expect(first.element.dataset.currentSlide).toBe('3')
  })

  test('slides wrapped in a reactive proxy reach the deck as the plain array', async () => {
    const plain = deck(['Plain one', 'Plain two'])
    const state = ref(plain)
    const { slides, controller } = mountApp({ slides: talk, theme: horizon })
    slides.value = state.value
    await nextTick()
    expect(controller().slides).toBe(plain)
  })

  test('a new theme mounts a new deck in place of the old one', async () => {
    const { theme, controller } = mountApp({ slides: talk, theme: horizon })
    const old = controller()
    theme.value = html5
    await nextTick()
    expect(decks()).toHaveLength(1)
    expect(controller()).not.toBe(old)
    expect(controller().element.dataset.theme).toBe('html5-slides')
    expect(old.element.isConnected).toBe(false)
  })

  test('follows the hot handle of the slides it shows, and only of those', async () => {
    const a = withHotHandle(deck(['Alpha one', 'Alpha two']))
    const { slides, controller } = mountApp({ slides: a.slides, theme: horizon })
    await nextTick()
    expect(a.listeners.size).toBe(1)
    const edited = deck(['Alpha one', 'Alpha two, edited'])
    for (const listener of a.listeners) listener(edited, { title: 'Alpha' })
    expect(controller().slides).toBe(edited)
    expect(controller().meta.title).toBe('Alpha')

    const b = withHotHandle(deck(['Beta one']))
    slides.value = b.slides
    await nextTick()
    expect(a.listeners.size).toBe(0)
    expect(b.listeners.size).toBe(1)
    expect(controller().slides).toBe(b.slides)
  })
})

describe('destroy', () => {
  test('unmounting removes the deck, clears the ref and removes every listener it added', async () => {
    const listeners = trackListeners(window, document)
    try {
      const a = withHotHandle(deck(['Alpha one', 'Alpha two']))
      const { shown, deckRef, controller } = mountApp({ slides: a.slides, theme: horizon })
      await nextTick()
      const element = controller().element
      expect(listeners.count).toBeGreaterThan(0)
      shown.value = false
      await nextTick()
      expect(element.isConnected).toBe(false)
      expect(decks()).toHaveLength(0)
      expect(deckRef.value).toBeNull()
      expect(a.listeners.size).toBe(0)
      expect(listeners.count).toBe(0)
    } finally {
      listeners.restore()
    }
  })

  test('unmount and mount again (what a hot reload of the parent does) leaves exactly one deck', async () => {
    const listeners = trackListeners(window, document)
    try {
      const a = withHotHandle(deck(['Alpha one', 'Alpha two']))
      const { shown, controller } = mountApp({ slides: a.slides, theme: horizon })
      await nextTick()
      const once = listeners.count
      shown.value = false
      await nextTick()
      shown.value = true
      await nextTick()
      await nextTick()
      expect(decks()).toHaveLength(1)
      expect(a.listeners.size).toBe(1)
      expect(listeners.count).toBe(once)
      press(controller().element, 'ArrowRight')
      expect(controller().state.slide).toBe(1)
    } finally {
      listeners.restore()
    }
  })
})
