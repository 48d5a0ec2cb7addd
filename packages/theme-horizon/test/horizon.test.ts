import type { Slide } from '@slidemark/core'
import { loadViews } from '@slidemark/runtime/dom'
import { afterEach, beforeAll, describe, expect, it, onTestFinished } from 'vitest'
import { type MountOptions, mount } from '../src/index.js'

// The overview and presenter code loads on first use (views.test.ts in the runtime checks
// that); loaded ahead here, so these tests can look right after a key.
beforeAll(() => loadViews())

/** A four-slide talk in the shape `compile()` gives. */
function talk(): Slide[] {
  const base = { notes: '', classes: [], steps: 1, source: { start: 1, end: 2 }, assets: [] }
  return [
    {
      ...base,
      index: 0,
      kind: 'title',
      title: 'Tides',
      header: '',
      content: '<p>Tides</p><p>by R.</p>',
    },
    {
      ...base,
      index: 1,
      kind: 'content',
      title: 'Moon',
      header: '<h1>Moon</h1>',
      content: '<p>pulls</p><div class="slidemark-step" data-step="1"><p>twice a day</p></div>',
      steps: 2,
      notes: '<p>Mention spring tides.</p>',
    },
    {
      ...base,
      index: 2,
      kind: 'segue',
      title: 'Charts',
      header: '<h1>Charts</h1>',
      content: '',
      classes: ['dark'],
    },
    {
      ...base,
      index: 3,
      kind: 'content',
      title: 'End',
      header: '<h1>End</h1>',
      content: '<p>bye</p>',
    },
  ]
}

function present(options: MountOptions = {}) {
  const root = document.createElement('main')
  document.body.append(root)
  const deck = mount(root, talk(), { sync: false, ...options })
  onTestFinished(() => deck.destroy())
  return { root, deck, one: (selector: string) => root.querySelector<HTMLElement>(selector) }
}

function key(name: string) {
  window.dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true, cancelable: true }))
}

afterEach(() => {
  history.replaceState(null, '', location.pathname)
  document.body.innerHTML = ''
})

describe('horizon DOM', () => {
  it('renders div.horizon > div.horizon-track > div.horizon-slide', () => {
    const { one } = present()
    expect(
      one('.horizon.slidemark[data-theme="horizon"] > .horizon-track > .horizon-slide'),
    ).not.toBeNull()
  })

  it('draws a title slide as .horizon-title and others as heading plus body', () => {
    const { deck, one } = present()
    expect(one('.horizon-slide.current > .horizon-title > p')?.textContent).toBe('Tides')
    deck.next()
    expect(one('.horizon-slide.current > .horizon-heading > h1')?.textContent).toBe('Moon')
    expect(one('.horizon-slide.current > .horizon-body > p')?.textContent).toBe('pulls')
  })

  it('keeps only the current slide and one neighbour each side', () => {
    const { deck, root } = present()
    deck.go(2)
    const live = [...root.querySelectorAll<HTMLElement>('[data-slidemark-slide]')]
    expect(live.map((slide) => `${slide.dataset.slidemarkSlide}:${slide.dataset.offset}`)).toEqual([
      '1:-1',
      '2:0',
      '3:1',
    ])
  })

  it('applies .fx: classes and the slide kind', () => {
    const { deck, one } = present()
    deck.go(2)
    expect(one('.horizon-slide.current')?.classList.contains('dark')).toBe(true)
    expect(one('.horizon-slide.current')?.dataset.kind).toBe('segue')
  })
})

describe('horizon behaviour from the runtime', () => {
  it('reveals and hides build steps', () => {
    const { deck, one } = present()
    deck.go(1)
    const step = () => one('.horizon-slide.current .slidemark-step')
    expect(step()?.classList.contains('slidemark-step-hidden')).toBe(true)
    key('ArrowRight')
    expect(step()?.classList.contains('slidemark-step-hidden')).toBe(false)
    key('ArrowLeft')
    expect(step()?.classList.contains('slidemark-step-hidden')).toBe(true)
  })

  it('n and 2 toggle the notes', () => {
    const { one } = present()
    key('n')
    expect(one('.horizon')?.classList.contains('with-notes')).toBe(true)
    key('2')
    expect(one('.horizon')?.classList.contains('with-notes')).toBe(false)
  })

  it('writes the hash and counter on each move', () => {
    const { one } = present()
    key('End')
    expect(location.hash).toBe('#slide4')
    expect(one('[data-slidemark-counter]')?.textContent).toBe('4 / 4')
  })

  it('labels slides and keeps focus out of the hidden ones', () => {
    const { deck, root } = present()
    deck.go(1)
    const slides = [...root.querySelectorAll<HTMLElement>('[data-slidemark-slide]')]
    expect(slides.map((slide) => slide.getAttribute('aria-label'))).toEqual([
      '1 of 4: Tides',
      '2 of 4: Moon',
      '3 of 4: Charts',
    ])
    expect(slides.map((slide) => slide.inert)).toEqual([true, false, true])
  })

  it('opens the overview with o and picks a slide with Enter', () => {
    const { deck, root } = present()
    key('o')
    expect(root.querySelectorAll('[data-slidemark-overview] [data-slide]')).toHaveLength(4)
    key('ArrowRight')
    key('ArrowRight')
    key('Enter')
    expect(deck.state).toEqual({ slide: 2, step: 0 })
  })

  it('shows notes and the next slide in the presenter view', () => {
    const { deck, one } = present({ presenter: true })
    deck.go(1, 1)
    expect(one('[data-slidemark-presenter-notes]')?.textContent).toBe('Mention spring tides.')
    expect(one('[data-slidemark-presenter-next] h1')?.textContent).toBe('Charts')
  })
})

describe('progress bar', () => {
  it('tracks how far through the deck the talk is', () => {
    const { deck, one } = present()
    const progress = () => one('.horizon-progress')?.style.getPropertyValue('--horizon-progress')
    expect(progress()).toBe('0')
    deck.go(3)
    expect(progress()).toBe('1')
    deck.update(talk().concat(talk().map((slide, i) => ({ ...slide, index: 4 + i }))))
    expect(Number(progress())).toBeCloseTo(3 / 7)
  })
})
