import { afterEach, beforeAll, describe, expect, it, onTestFinished, vi } from 'vitest'
import { loadViews, type MountOptions, mountDeck, POPUP_BLOCKED_NOTICE } from '../src/dom/index.js'
import { deck, plainTheme, press, resetPage } from './helpers.js'

// The overview and presenter code loads on first use (views.test.ts in the runtime checks
// that); loaded ahead here, so these tests can look right after a key.
beforeAll(() => loadViews())

/** A bare theme: the DOM kit is tested without any theme package. */
const plain = plainTheme()

function mount(options: MountOptions = {}, slides = deck(1, 2, 1, 1)) {
  const root = document.createElement('div')
  document.body.append(root)
  const presentation = mountDeck(root, slides, { sync: false, ...options }, plain)
  onTestFinished(() => presentation.destroy())
  return presentation
}

afterEach(resetPage)

describe('embedded decks', () => {
  it('keys move the deck only while it has focus', () => {
    const deck = mount({ embedded: true })
    press('ArrowRight')
    expect(deck.state.slide).toBe(0)
    deck.element.focus()
    press('ArrowRight', {}, deck.element)
    expect(deck.state.slide).toBe(1)
  })

  it('is focusable by Tab and names itself a slide deck', () => {
    const deck = mount({ embedded: true })
    expect(deck.element.tabIndex).toBe(0)
    expect(deck.element.getAttribute('aria-roledescription')).toBe('slide deck')
    expect(deck.element.classList.contains('slidemark-embedded')).toBe(true)
  })

  it('two decks on one page move independently', () => {
    const first = mount({ embedded: true })
    const second = mount({ embedded: true })
    press('ArrowRight', {}, first.element)
    press('ArrowRight', {}, first.element)
    press('End', {}, second.element)
    expect(first.state).toEqual({ slide: 1, step: 1 })
    expect(second.state).toEqual({ slide: 3, step: 0 })
  })

  it('leaves the URL hash alone unless given a namespace', () => {
    const quiet = mount({ embedded: true })
    quiet.go(2)
    expect(location.hash).toBe('')
    const named = mount({ embedded: true, hash: 'demo' })
    named.go(3)
    expect(location.hash).toBe('#demo-slide4')
  })

  it('fills its root box rather than the window', () => {
    const deck = mount({ embedded: true })
    expect(deck.element.style.position).toBe('relative')
    expect(deck.element.style.height).toBe('100%')
  })

  it('f takes only this deck full screen', () => {
    const deck = mount({ embedded: true })
    const own = vi.fn(() => Promise.resolve())
    const page = vi.fn(() => Promise.resolve())
    deck.element.requestFullscreen = own
    document.documentElement.requestFullscreen = page
    press('f', {}, deck.element)
    expect(own).toHaveBeenCalledOnce()
    expect(page).not.toHaveBeenCalled()
  })

  it('p shows the presenter view in place, and p again goes back', () => {
    const deck = mount({ embedded: true })
    press('p', {}, deck.element)
    expect(deck.presenter).toBe(true)
    expect(deck.element.querySelector('[data-slidemark-presenter-current]')).not.toBeNull()
    expect(deck.element.querySelector('[data-slidemark-track]')).toBeNull()
    press('p', {}, deck.element)
    expect(deck.presenter).toBe(false)
    expect(deck.element.querySelector('[data-slidemark-presenter-current]')).toBeNull()
    expect(deck.element.querySelectorAll('[data-slidemark-slide]').length).toBeGreaterThan(0)
  })
})

describe('presenter view', () => {
  it('opens in this tab with a notice when the pop-up is blocked', () => {
    const open = vi.spyOn(window, 'open').mockReturnValue(null)
    onTestFinished(() => open.mockRestore())
    const deck = mount()
    press('p')
    expect(open).toHaveBeenCalledOnce()
    expect(deck.presenter).toBe(true)
    expect(deck.element.querySelector('[role="status"]')?.textContent).toBe(POPUP_BLOCKED_NOTICE)
    press('p')
    expect(deck.presenter).toBe(false)
    expect(deck.element.querySelector('[role="status"]')).toBeNull()
  })

  it('keeps the overview grid when switching views', () => {
    const open = vi.spyOn(window, 'open').mockReturnValue(null)
    onTestFinished(() => open.mockRestore())
    const deck = mount()
    press('p')
    press('p')
    deck.overview.open()
    expect(deck.element.querySelectorAll('[data-slidemark-overview] [data-slide]')).toHaveLength(4)
  })

  it('labels the next pane with a real element saying step or slide', () => {
    const deck = mount({ presenter: true })
    const label = () => deck.element.querySelector('.slidemark-presenter-label')?.textContent
    expect(label()).toBe('Next slide')
    deck.go(1)
    expect(label()).toBe('Next step')
    deck.last()
    expect(label()).toBe('End of deck')
  })

  it('the timer starts at the first move, and r restarts it', () => {
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] })
    onTestFinished(() => {
      vi.useRealTimers()
    })
    const deck = mount({ presenter: true })
    const timer = () => deck.element.querySelector('[data-slidemark-presenter-timer]')?.textContent
    vi.advanceTimersByTime(65_000)
    expect(timer()).toBe('0:00')
    press('ArrowRight')
    vi.advanceTimersByTime(65_000)
    expect(timer()).toBe('1:05')
    press('r')
    expect(timer()).toBe('0:00')
    vi.advanceTimersByTime(3_000)
    expect(timer()).toBe('0:03')
  })
})

describe('Escape', () => {
  it('the Escape that closes Vite’s error overlay does not open the overview', () => {
    const deck = mount()
    const overlay = document.createElement('vite-error-overlay')
    document.body.append(overlay)
    // Vite's overlay removes itself from a document listener, before the deck's turn.
    document.addEventListener('keydown', () => overlay.remove(), { once: true })
    press('Escape', {}, document.body)
    expect(overlay.isConnected).toBe(false)
    expect(deck.overview.isOpen).toBe(false)
    press('Escape', {}, document.body)
    expect(deck.overview.isOpen).toBe(true)
  })
})
