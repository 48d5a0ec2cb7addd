import { afterEach, describe, expect, it } from 'vitest'
import {
  createSlideElement,
  createSlideWindow,
  fitScale,
  formatElapsed,
  isPresenterUrl,
  placeSlide,
  positionClass,
  presenterUrl,
  showSteps,
  watchFit,
} from '../src/dom/index.js'
import type { PresentableSlide } from '../src/index.js'
import { deck } from './helpers.js'

afterEach(() => {
  document.body.innerHTML = ''
})

describe('fitScale', () => {
  it('fits the limiting side and keeps the aspect ratio', () => {
    expect(fitScale(900, 700, 1880, 1480, 20)).toBe(2)
    expect(fitScale(900, 700, 940, 2000, 20)).toBe(1)
  })
  it('is 1 for a box with no size (no layout yet)', () => {
    expect(fitScale(900, 700, 0, 0)).toBe(1)
  })
})

describe('watchFit', () => {
  it('writes --slidemark-scale and stops on request', () => {
    const box = document.createElement('div')
    Object.defineProperty(box, 'clientWidth', { value: 470 })
    Object.defineProperty(box, 'clientHeight', { value: 1000 })
    document.body.append(box)
    const stop = watchFit(box, 900, 700, 20)
    expect(box.style.getPropertyValue('--slidemark-scale')).toBe('0.5')
    stop()
  })
})

describe('build step visibility', () => {
  const slide = () => {
    const element = document.createElement('div')
    element.innerHTML =
      '<p>a</p><div class="slidemark-step" data-step="1">b</div><div class="slidemark-step" data-step="2">c</div>'
    return element
  }
  const state = (element: HTMLElement) =>
    [...element.querySelectorAll('.slidemark-step')].map((step) =>
      step.classList.contains('slidemark-step-hidden')
        ? 'hidden'
        : step.classList.contains('slidemark-step-current')
          ? 'current'
          : 'shown',
    )

  it('hides every step at step 0', () => {
    const element = slide()
    showSteps(element, 0)
    expect(state(element)).toEqual(['hidden', 'hidden'])
  })
  it('shows steps up to k and marks step k as the current one', () => {
    const element = slide()
    showSteps(element, 2)
    expect(state(element)).toEqual(['shown', 'current'])
    showSteps(element, 1)
    expect(state(element)).toEqual(['current', 'hidden'])
  })
  it('hides a data-step-hide part from that step on (Slidev v-click.hide, reveal.js fade-out)', () => {
    const element = document.createElement('div')
    element.innerHTML =
      '<p class="slidemark-step" data-step="0" data-step-hide="2">out</p><p class="slidemark-step" data-step="1" data-step-hide="3">span</p>'
    const at = (step: number) => {
      showSteps(element, step)
      return state(element)
    }
    expect(at(0)).toEqual(['current', 'hidden'])
    expect(at(1)).toEqual(['shown', 'current'])
    expect(at(2)).toEqual(['hidden', 'shown'])
    expect(at(3)).toEqual(['hidden', 'hidden'])
  })
})

describe('slide elements', () => {
  it('carries kind, index, .fx classes, role and notes', () => {
    const [first] = deck(1) as [PresentableSlide]
    const slide = { ...first, classes: ['dark', 'bad"class', 'x y'], notes: '<p>n</p>' }
    const element = createSlideElement(
      document,
      slide,
      'slide',
      (s) => `<header>${s.header}</header>`,
    )
    expect(element.className).toBe('slide dark')
    expect(element.dataset.kind).toBe('content')
    expect(element.getAttribute('aria-roledescription')).toBe('slide')
    expect(element.querySelector(':scope > aside.notes')?.innerHTML).toBe('<p>n</p>')
  })

  it('draws the running header before the content, the footer and slide number after it', () => {
    const [first] = deck(1) as [PresentableSlide]
    const slide = {
      ...first,
      index: 6,
      running: { header: 'Borrowing', footer: 'Rust <em>Lisbon</em>', pageNumber: true },
    }
    const element = createSlideElement(document, slide, 'slide', () => '<p>body</p>')
    expect([...element.children].map((child) => child.className || child.tagName)).toEqual([
      'slidemark-running-header',
      'P',
      'slidemark-running-footer',
      'slidemark-page-number',
    ])
    expect(element.querySelector('footer')?.innerHTML).toBe('Rust <em>Lisbon</em>')
    expect(element.querySelector('.slidemark-page-number')?.textContent).toBe('7')
    const plain = createSlideElement(document, first, 'slide', () => '<p>body</p>')
    expect(plain.innerHTML).toBe('<p>body</p>')
  })

  it('names the five positions and nothing further away', () => {
    expect([-3, -2, -1, 0, 1, 2, 3].map(positionClass)).toEqual([
      null,
      'far-past',
      'past',
      'current',
      'future',
      'far-future',
      null,
    ])
  })

  it('makes a placed slide inert unless it is the current one', () => {
    const element = document.createElement('div')
    placeSlide(element, 1, 0)
    expect(element.hasAttribute('inert')).toBe(true)
    expect(element.getAttribute('aria-hidden')).toBe('true')
    placeSlide(element, 0, 0)
    expect(element.hasAttribute('inert')).toBe(false)
    expect(element.hasAttribute('aria-hidden')).toBe(false)
    expect(element.className).toBe('current')
  })
})

describe('createSlideWindow', () => {
  function setup(radius = 2) {
    const track = document.createElement('div')
    let renders = 0
    const view = createSlideWindow({
      track,
      slideClass: 'slide',
      radius,
      render: (slide) => {
        renders++
        return slide.content
      },
    })
    return { track, view, renders: () => renders }
  }
  const indexes = (track: HTMLElement) =>
    [...track.children].map((child) => (child as HTMLElement).dataset.slidemarkSlide)

  it('keeps the slides within the radius, in order', () => {
    const { track, view } = setup(1)
    const slides = deck(1, 1, 1, 1, 1)
    view.render(slides, { slide: 0, step: 0 })
    expect(indexes(track)).toEqual(['0', '1'])
    view.render(slides, { slide: 3, step: 0 })
    expect(indexes(track)).toEqual(['2', '3', '4'])
    view.render(slides, { slide: 2, step: 0 })
    expect(indexes(track)).toEqual(['1', '2', '3'])
  })

  it('renders each slide once while it stays in the window', () => {
    const { view, renders } = setup(2)
    const slides = deck(1, 1, 1, 1, 1, 1)
    view.render(slides, { slide: 0, step: 0 })
    view.render(slides, { slide: 1, step: 0 })
    view.render(slides, { slide: 2, step: 0 })
    expect(renders()).toBe(5)
  })

  it('re-renders only the slides a hot update changed', () => {
    const { view, renders, track } = setup(2)
    const slides = deck(1, 1, 1)
    view.render(slides, { slide: 1, step: 0 })
    const edited = deck(1, 1, 1)
    edited[2] = { ...(edited[2] as PresentableSlide), content: '<p>edited</p>' }
    view.render(edited, { slide: 1, step: 0 })
    expect(renders()).toBe(4)
    expect(track.lastElementChild?.innerHTML).toBe('<p>edited</p>')
  })
})

describe('presenter helpers', () => {
  it('adds ?presenter to the URL and keeps the hash', () => {
    const url = presenterUrl('http://localhost/talk/?x=1#slide3')
    expect(url).toBe('http://localhost/talk/?x=1&presenter=#slide3')
    expect(isPresenterUrl(new URL(url))).toBe(true)
    expect(isPresenterUrl({ search: '?x=1' })).toBe(false)
  })

  it('formats elapsed time as m:ss, then h:mm:ss', () => {
    expect(formatElapsed(0)).toBe('0:00')
    expect(formatElapsed(61_500)).toBe('1:01')
    expect(formatElapsed(3_600_000 + 5 * 60_000 + 7_000)).toBe('1:05:07')
  })
})
