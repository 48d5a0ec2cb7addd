import type { Slide } from '@slidemark/core'
import { loadLate, loadViews } from '@slidemark/runtime/dom'
import { afterEach, beforeAll, describe, expect, it, onTestFinished } from 'vitest'
import { type MountOptions, mount } from '../src/index.js'
import { bigDeck, fixtureDeck, press } from './fixture.js'

// The overview and presenter code loads on first use (views.test.ts in the runtime checks
// that); loaded ahead here, so these tests can look right after a key.
beforeAll(() => loadViews())

function setup(slides = fixtureDeck(), options: MountOptions = {}) {
  const root = document.createElement('div')
  document.body.append(root)
  const deck = mount(root, slides, { sync: false, ...options })
  onTestFinished(() => deck.destroy())
  return { root, deck, $: (s: string) => root.querySelector<HTMLElement>(s) }
}

const positions = (root: HTMLElement) =>
  [...root.querySelectorAll<HTMLElement>('.slides > .slide')].map(
    (slide) => `${slide.dataset.index}:${slide.className.replace(/^slide\s*/, '')}`,
  )

afterEach(() => {
  history.replaceState(null, '', location.pathname)
  document.body.innerHTML = ''
})

describe('DOM contract', () => {
  it('builds div.presentation > div.slides > div.slide with header and section', () => {
    const { $ } = setup()
    expect(
      $('.presentation.slidemark[data-theme="html5-slides"] > .slides > .slide'),
    ).not.toBeNull()
    const code = $('.slide[data-index="1"]')
    expect(code?.querySelector(':scope > header > h1')?.textContent).toBe('Three reasons')
    expect(code?.querySelector(':scope > section > ul')).not.toBeNull()
  })

  it('puts a title slide’s paragraphs in section.title, with no header', () => {
    const { $ } = setup()
    const title = $('.slide[data-index="0"]')
    expect(title?.dataset.kind).toBe('title')
    expect(title?.querySelectorAll(':scope > section.title > p')).toHaveLength(2)
    expect(title?.querySelector('header')).toBeNull()
  })

  it('applies the classes from .fx: and marks the kind', () => {
    const { deck, $ } = setup()
    deck.go(2)
    expect($('.slide[data-index="2"]')?.className).toBe('slide segue dark current')
    expect($('.slide[data-index="2"]')?.dataset.kind).toBe('segue')
  })

  it('leaves slides marked uncounted (remark `count: false`) out of the counter', () => {
    const slides = fixtureDeck().map((slide, index) =>
      index === 1 || index === 2 ? { ...slide, uncounted: true } : slide,
    )
    const { deck, $ } = setup(slides)
    deck.go(2)
    expect($('.slidemark-counter')?.textContent).toBe('1 / 4')
    deck.go(3)
    expect($('.slidemark-counter')?.textContent).toBe('2 / 4')
  })

  it('shows a slide counter and the current position as data attributes', () => {
    const { deck, $ } = setup()
    expect($('.slidemark-counter')?.textContent).toBe('1 / 6')
    deck.go(1, 2)
    expect($('.slidemark-counter')?.textContent).toBe('2 / 6')
    expect($('.presentation')?.dataset.currentSlide).toBe('1')
    expect($('.presentation')?.dataset.currentStep).toBe('2')
  })

  it('takes the language from meta.lang', () => {
    const { $ } = setup(undefined, { meta: { title: 'Talk', lang: 'ja' } })
    expect($('.presentation')?.lang).toBe('ja')
    expect($('.presentation')?.getAttribute('aria-label')).toBe('Talk')
  })
})

describe('position classes', () => {
  it('gives the five nearest slides far-past … far-future and leaves the rest out', () => {
    const { root, deck } = setup()
    deck.go(2)
    expect(positions(root)).toEqual([
      '0:far-past',
      '1:past',
      '2:segue dark current',
      '3:future',
      '4:far-future',
    ])
    press('ArrowRight')
    expect(positions(root)).toEqual([
      '1:far-past',
      '2:segue dark past',
      '3:current',
      '4:future',
      '5:far-future',
    ])
  })

  it('reuses slide elements when moving, so the margin transition can run', () => {
    const { root, deck } = setup()
    const before = root.querySelector('.slide[data-index="1"]')
    deck.next()
    expect(root.querySelector('.slide[data-index="1"]')).toBe(before)
  })

  it('keeps at most five slides in the DOM of a 2 000-slide deck', () => {
    const { root, deck } = setup(bigDeck(2000))
    expect(root.querySelectorAll('.slide')).toHaveLength(3)
    deck.go(1000)
    expect(root.querySelectorAll('.slides > .slide')).toHaveLength(5)
    expect(root.querySelector('.slide.current')?.textContent).toContain('Slide 1001')
  })
})

describe('build steps', () => {
  const hidden = (root: HTMLElement) =>
    [...root.querySelectorAll<HTMLElement>('.slide[data-index="1"] .slidemark-step')].map((step) =>
      step.classList.contains('slidemark-step-hidden'),
    )

  it('reveals one step per key press and hides it again going back', () => {
    const { root, deck } = setup()
    deck.go(1)
    expect(hidden(root)).toEqual([true, true])
    press('ArrowRight')
    expect(hidden(root)).toEqual([false, true])
    press('ArrowRight')
    expect(hidden(root)).toEqual([false, false])
    press('ArrowLeft')
    expect(hidden(root)).toEqual([false, true])
  })

  it('shows every step of a past slide and none of a future one', () => {
    const { root, deck } = setup()
    expect(hidden(root)).toEqual([true, true])
    deck.go(2)
    expect(hidden(root)).toEqual([false, false])
  })
})

describe('accessibility', () => {
  it('labels each slide as a slide region "N of M: title"', () => {
    const { $ } = setup()
    const slide = $('.slide[data-index="1"]')
    expect(slide?.getAttribute('role')).toBe('group')
    expect(slide?.getAttribute('aria-roledescription')).toBe('slide')
    expect(slide?.getAttribute('aria-label')).toBe('2 of 6: Three reasons')
  })

  it('makes every slide but the current one inert and hidden from screen readers', () => {
    const { root, deck } = setup()
    deck.go(1)
    for (const slide of root.querySelectorAll<HTMLElement>('.slides > .slide')) {
      const current = slide.classList.contains('current')
      expect(slide.hasAttribute('inert')).toBe(!current)
      expect(slide.getAttribute('aria-hidden')).toBe(current ? null : 'true')
    }
  })

  it('announces the new slide in a polite live region', () => {
    const { deck, $ } = setup()
    deck.go(3)
    const live = $('.slidemark-live')
    expect(live?.getAttribute('aria-live')).toBe('polite')
    expect(live?.textContent).toBe('Slide 4 of 6: Code')
  })
})

describe('keys', () => {
  it('2 toggles the notes', () => {
    const { $ } = setup()
    press('2')
    expect($('.presentation')?.classList.contains('with-notes')).toBe(true)
    press('2')
    expect($('.presentation')?.classList.contains('with-notes')).toBe(false)
  })

  it('3 toggles 3D mode', () => {
    const { $ } = setup()
    press('3')
    expect($('.presentation')?.classList.contains('three-d')).toBe(true)
  })
})

describe('overview', () => {
  it('o opens a grid with one item per slide, the current one selected', () => {
    const { deck, $, root } = setup()
    deck.go(3)
    press('o')
    expect($('.slidemark-overview')?.hidden).toBe(false)
    expect(root.querySelectorAll('.slidemark-overview-item')).toHaveLength(6)
    expect($('.slidemark-overview-item.selected')?.dataset.slide).toBe('3')
    expect($('.presentation')?.classList.contains('overview')).toBe(true)
  })

  it('arrow keys move the selection and Enter opens that slide', () => {
    const { deck, $ } = setup()
    press('Escape')
    press('ArrowRight')
    press('ArrowRight')
    press('ArrowLeft')
    expect(deck.state.slide).toBe(0)
    press('Enter')
    expect(deck.state.slide).toBe(1)
    expect($('.slidemark-overview')?.hidden).toBe(true)
  })

  it('clicking an item opens that slide', () => {
    const { deck, $ } = setup()
    deck.overview.open()
    $('.slidemark-overview-item[data-slide="4"]')?.click()
    expect(deck.state.slide).toBe(4)
    expect(deck.overview.isOpen).toBe(false)
  })

  it('Escape closes it again without moving', () => {
    const { deck } = setup()
    deck.go(2)
    press('o')
    press('ArrowRight')
    press('Escape')
    expect(deck.overview.isOpen).toBe(false)
    expect(deck.state.slide).toBe(2)
  })

  it('a hot update while it is open redraws the grid with the new slides', () => {
    const { deck, root } = setup()
    deck.overview.open()
    deck.update(fixtureDeck().slice(0, 3))
    expect(root.querySelectorAll('[data-slidemark-overview] [data-slide]')).toHaveLength(3)
    expect(deck.overview.isOpen).toBe(true)
  })

  it('Home and End move the selection to the first and last slide', () => {
    const { deck } = setup()
    deck.go(2)
    press('o')
    press('End')
    expect(deck.overview.selected).toBe(5)
    press('Home')
    expect(deck.overview.selected).toBe(0)
    expect(deck.state.slide).toBe(2)
  })

  it('the selected thumbnail shows its slide with all build steps', () => {
    const { deck, $ } = setup()
    deck.go(1)
    deck.overview.open()
    const thumb = $('.slidemark-overview-item[data-slide="1"] .slidemark-thumb')
    expect(thumb?.querySelector('.slide header')?.textContent).toBe('Three reasons')
    expect(thumb?.querySelectorAll('.slidemark-step-hidden')).toHaveLength(0)
  })
})

describe('hot update', () => {
  it('re-renders a changed slide in place and keeps the position', () => {
    const { deck, $ } = setup()
    deck.go(3)
    const next = fixtureDeck()
    next[3] = { ...(next[3] as Slide), header: '<h1>Code, edited</h1>', title: 'Code, edited' }
    deck.update(next)
    expect(deck.state.slide).toBe(3)
    expect($('.slide.current header')?.textContent).toBe('Code, edited')
  })

  it('clamps to the new last slide when the deck shrank', () => {
    const { deck, $ } = setup()
    deck.go(5)
    deck.update(fixtureDeck().slice(0, 2))
    expect($('.slide.current')?.dataset.index).toBe('1')
    expect($('.slidemark-counter')?.textContent).toBe('2 / 2')
  })
})

describe('presenter view', () => {
  it('shows the current slide, the next step, the notes and a timer', () => {
    const { deck, $ } = setup(undefined, { presenter: true })
    deck.go(1)
    expect($('.slidemark-presenter-current .slide header')?.textContent).toBe('Three reasons')
    expect($('.slidemark-presenter-next')?.dataset.next).toBe('step')
    expect($('.slidemark-presenter-next .slide .slidemark-step-hidden')).not.toBeNull()
    expect($('.slidemark-presenter-notes')?.textContent).toBe('Pause after the second one.')
    expect($('.slidemark-timer')?.textContent).toBe('0:00')
    deck.go(1, 2)
    expect($('.slidemark-presenter-next')?.dataset.next).toBe('slide')
    expect($('.slidemark-presenter-next .slide header')?.textContent).toBe('How')
  })

  it('is chosen by ?presenter in the URL', () => {
    history.replaceState(null, '', '?presenter')
    const { deck } = setup()
    expect(deck.presenter).toBe(true)
  })
})

describe('print', () => {
  // The print layout is drawn by the late code, asked for as a deck mounts (the runtime's late.ts).
  beforeAll(() => loadLate())

  it('?print lays out every slide with every step shown and no notes', () => {
    const { root } = setup(undefined, { print: true })
    const pages = root.querySelectorAll('.slidemark-print > .slidemark-print-page > .slide')
    expect(pages).toHaveLength(6)
    expect(root.querySelectorAll('.slidemark-print .slidemark-step-hidden')).toHaveLength(0)
    expect(root.querySelector('.slidemark-print .notes')).toBeNull()
  })

  it('printNotes puts each slide’s notes below it', () => {
    const { root } = setup(undefined, { print: true, printNotes: true })
    const notes = root.querySelector('.slidemark-print.with-notes .slidemark-print-page > .notes')
    expect(notes?.textContent).toBe('Pause after the second one.')
  })

  it('builds the print layout on beforeprint and removes it on afterprint', () => {
    const { root } = setup()
    expect(root.querySelector('.slidemark-print')).toBeNull()
    window.dispatchEvent(new Event('beforeprint'))
    expect(root.querySelectorAll('.slidemark-print-page')).toHaveLength(6)
    window.dispatchEvent(new Event('afterprint'))
    expect(root.querySelector('.slidemark-print')).toBeNull()
  })
})

describe('destroy', () => {
  it('removes the DOM and stops reacting to keys', () => {
    const { root, deck } = setup()
    deck.destroy()
    expect(root.innerHTML).toBe('')
    press('ArrowRight')
    expect(deck.state.slide).toBe(0)
  })
})

describe('stable hooks for end-to-end tests', () => {
  it('marks the deck, the track, the windowed slides and the current one', () => {
    const { root, deck } = setup()
    deck.go(2)
    expect(root.querySelector('[data-slidemark-deck] > [data-slidemark-track]')).not.toBeNull()
    const marked = [...root.querySelectorAll<HTMLElement>('[data-slidemark-slide]')]
    expect(marked.map((slide) => slide.dataset.slidemarkSlide)).toEqual(['0', '1', '2', '3', '4'])
    const current = root.querySelectorAll('[data-slidemark-slide][aria-current="true"]')
    expect([...current].map((slide) => slide.getAttribute('data-slidemark-slide'))).toEqual(['2'])
    expect(root.querySelector('[data-slidemark-counter]')?.textContent).toBe('3 / 6')
  })

  it('does not mark overview thumbnails as deck slides', () => {
    const { root, deck } = setup()
    deck.overview.open()
    expect(root.querySelectorAll('[data-slidemark-overview] [data-slide]')).toHaveLength(6)
    expect(root.querySelectorAll('[data-slidemark-overview] [data-slidemark-slide]')).toHaveLength(
      0,
    )
  })

  it('marks the presenter view parts', () => {
    const { root } = setup(undefined, { presenter: true })
    for (const part of ['current', 'next', 'notes', 'timer']) {
      expect(
        root.querySelector(`[data-slidemark-presenter] [data-slidemark-presenter-${part}]`),
      ).not.toBeNull()
    }
  })
})
