import { afterEach, describe, expect, it, onTestFinished } from 'vitest'
import {
  isNarrowPortrait,
  loadLate,
  mountDeck,
  READING_CLASS,
  READING_MIN_SCALE,
  readingFromSearch,
  readingScale,
  watchNarrowPortrait,
} from '../src/dom/index.js'
import type { PresentableSlide } from '../src/index.js'
import { deck, plainTheme, resetPage } from './helpers.js'

const plain = plainTheme({ width: 1280, height: 720 })

function mount(options: Parameters<typeof mountDeck>[2] = {}) {
  const root = document.createElement('div')
  document.body.append(root)
  const slides = deck(1, 3, 1)
  slides[0] = { ...slides[0], notes: '<p>Say it slowly.</p>' } as PresentableSlide
  slides[1] = {
    ...slides[1],
    content:
      '<ul><li class="slidemark-step" data-step="1">one</li><li class="slidemark-step" data-step="2">two</li></ul>',
  } as PresentableSlide
  const presentation = mountDeck(root, slides, { sync: false, ...options }, plain)
  onTestFinished(() => presentation.destroy())
  return presentation
}

afterEach(resetPage)

describe('when the reading view is chosen', () => {
  it('is a phone held upright, not a narrow landscape window or a 600 px one', () => {
    expect(isNarrowPortrait({ innerWidth: 390, innerHeight: 844 })).toBe(true)
    expect(isNarrowPortrait({ innerWidth: 560, innerHeight: 400 })).toBe(false)
    expect(isNarrowPortrait({ innerWidth: 600, innerHeight: 900 })).toBe(false)
    expect(isNarrowPortrait({ innerWidth: 1280, innerHeight: 800 })).toBe(false)
  })

  it('reads ?reading, ?reading=0 and no parameter', () => {
    expect(readingFromSearch('?reading')).toBe(true)
    expect(readingFromSearch('?theme=x&reading=1')).toBe(true)
    expect(readingFromSearch('?reading=0')).toBe(false)
    expect(readingFromSearch('?reading=false')).toBe(false)
    expect(readingFromSearch('?print')).toBeUndefined()
  })

  it('notices a phone turned sideways and back, and nothing else', () => {
    const win = Object.assign(new EventTarget(), { innerWidth: 390, innerHeight: 844 })
    const seen: boolean[] = []
    const stop = watchNarrowPortrait(win as unknown as Window, (upright) => seen.push(upright))
    const turn = (width: number, height: number) => {
      Object.assign(win, { innerWidth: width, innerHeight: height })
      win.dispatchEvent(new Event('resize'))
    }
    turn(390, 800) // the address bar hides: still upright
    turn(844, 390)
    turn(844, 380)
    turn(390, 844)
    stop()
    turn(844, 390)
    expect(seen).toEqual([false, true])
  })

  it('scales between the floor and the design size', () => {
    expect(readingScale(1280, 390)).toBe(READING_MIN_SCALE)
    expect(readingScale(900, 810)).toBeCloseTo(0.9)
    expect(readingScale(900, 1200)).toBe(1)
    expect(12 * readingScale(1280, 390)).toBeGreaterThanOrEqual(9)
  })
})

describe('a deck in reading view', () => {
  it('lays every slide out as a page with every step shown and no notes', async () => {
    const presentation = mount({ reading: true, notes: true })
    // The pages are drawn by the late code, asked for at mount (late.ts).
    await loadLate()
    const element = presentation.element
    expect(element.classList.contains(READING_CLASS)).toBe(true)
    expect(element.classList.contains('with-notes')).toBe(false)
    const pages = element.querySelectorAll('.slidemark-print > .slidemark-print-page')
    expect(pages).toHaveLength(3)
    expect(element.querySelectorAll('.slidemark-print .slidemark-step')).toHaveLength(2)
    expect(element.querySelectorAll('.slidemark-print .slidemark-step-hidden')).toHaveLength(0)
    // The slide window (hidden in reading view) still hides steps and holds notes.
    expect(
      element.querySelectorAll('[data-slidemark-track] .slidemark-step-hidden').length,
    ).toBeGreaterThan(0)
    expect(element.querySelectorAll('[data-slidemark-track] .notes').length).toBeGreaterThan(0)
    expect(element.querySelectorAll('.slidemark-print .notes')).toHaveLength(0)
    expect(element.style.getPropertyValue('--slidemark-reading-scale')).not.toBe('')
  })

  it('is never used embedded, with ?print, or with reading: false', () => {
    expect(mount({ reading: true, embedded: true }).element.classList).not.toContain(READING_CLASS)
    expect(mount({ reading: false }).element.classList).not.toContain(READING_CLASS)
    expect(mount({ reading: true, print: true }).element.classList).not.toContain(READING_CLASS)
    history.replaceState(null, '', `${location.pathname}?reading`)
    expect(mount().element.classList).toContain(READING_CLASS)
  })
})
