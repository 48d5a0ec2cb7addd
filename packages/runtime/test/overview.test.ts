import { afterEach, beforeAll, describe, expect, it, onTestFinished } from 'vitest'
import { createOverview, loadViews, type Overview, STEP_HIDDEN_CLASS } from '../src/dom/index.js'
import { createPresentation, type PresentableSlide } from '../src/index.js'
import { press, deck as slidesWith } from './helpers.js'

// The overview and presenter code loads on first use (views.test.ts in the runtime checks
// that); loaded ahead here, so these tests can look right after a key.
beforeAll(() => loadViews())

const render = (slide: PresentableSlide) => `${slide.header}<section>${slide.content}</section>`

function setup(slides = slidesWith(1, 3, 1, 1, 1)) {
  const host = document.createElement('div')
  document.body.append(host)
  const deck = createPresentation(slides, { window: null, hash: false, sync: false })
  const toggles: boolean[] = []
  const overview = createOverview({
    host,
    deck,
    slideClass: 'thumb-slide',
    render,
    onToggle: (open) => toggles.push(open),
  })
  onTestFinished(() => {
    overview.destroy()
    deck.destroy()
  })
  const grid = () => host.querySelector<HTMLElement>('[data-slidemark-overview]')
  const items = () => [...host.querySelectorAll<HTMLElement>('.slidemark-overview-item')]
  return { host, deck, overview, toggles, grid, items }
}

afterEach(() => {
  document.body.innerHTML = ''
})

describe('createOverview', () => {
  it('is a hidden, labelled dialog until opened, and builds no items before', () => {
    const { grid, items, overview } = setup()
    expect(grid()?.hidden).toBe(true)
    expect(grid()?.getAttribute('role')).toBe('dialog')
    expect(grid()?.getAttribute('aria-label')).toBe('Slide overview')
    expect(items()).toHaveLength(0)
    expect(overview.isOpen).toBe(false)
  })

  it('opens on the current slide with one numbered, titled button per slide', () => {
    const { deck, grid, items, overview, toggles } = setup()
    deck.go(2)
    overview.open()
    expect(grid()?.hidden).toBe(false)
    expect(toggles).toEqual([true])
    const label = (item: HTMLElement) =>
      `${item.querySelector('.slidemark-overview-number')?.textContent} ${item.querySelector('.slidemark-overview-title')?.textContent}`
    expect(items().map(label)).toEqual([
      '1 Slide 1',
      '2 Slide 2',
      '3 Slide 3',
      '4 Slide 4',
      '5 Slide 5',
    ])
    expect(overview.selected).toBe(2)
    expect(items()[2]?.classList.contains('selected')).toBe(true)
    expect(items().map((item) => item.getAttribute('aria-current'))).toEqual([
      'false',
      'false',
      'true',
      'false',
      'false',
    ])
    expect(document.activeElement).toBe(items()[2])
  })

  it('draws thumbnails as inert slides with every build step shown', () => {
    const slides = slidesWith(1, 3)
    slides[1] = {
      ...(slides[1] as PresentableSlide),
      content:
        '<p>lead</p><p class="slidemark-step" data-step="1">one</p><p class="slidemark-step" data-step="2">two</p>',
    }
    const { items, overview } = setup(slides)
    overview.open()
    // The selected item's thumbnail is drawn at once (the others as they scroll into view).
    overview.move(-1)
    const thumb = items()[0]?.querySelector('.slidemark-thumb')
    expect(thumb?.getAttribute('aria-hidden')).toBe('true')
    expect((thumb as HTMLElement).inert).toBe(true)
    overview.move(1)
    const slide = items()[1]?.querySelector<HTMLElement>('.thumb-slide')
    expect(slide?.dataset.index).toBe('1')
    expect(slide?.querySelector('h1')?.textContent).toBe('Slide 2')
    expect(slide?.querySelectorAll('.slidemark-step')).toHaveLength(2)
    expect(slide?.querySelector(`.${STEP_HIDDEN_CLASS}`)).toBeNull()
  })

  it('moves the selection, clamped at both ends, and picks a slide', () => {
    const { deck, overview, grid, toggles } = setup()
    overview.open()
    overview.move(-3)
    expect(overview.selected).toBe(0)
    overview.move(10)
    expect(overview.selected).toBe(4)
    // No layout in happy-dom: a row is one item.
    overview.moveRow(-1)
    expect(overview.selected).toBe(3)
    overview.pick()
    expect(deck.state.slide).toBe(3)
    expect(grid()?.hidden).toBe(true)
    expect(toggles).toEqual([true, false])
  })

  it('goes to a slide on click', () => {
    const { deck, items, overview } = setup()
    overview.open()
    items()[4]?.click()
    expect(deck.state).toEqual({ slide: 4, step: 0 })
    expect(overview.isOpen).toBe(false)
  })

  it('rebuilds after a hot update, with the new titles', () => {
    const { deck, items, overview } = setup()
    overview.open()
    const renamed = slidesWith(1, 1).map((slide) => ({ ...slide, title: `New ${slide.index}` }))
    deck.update(renamed)
    overview.invalidate()
    expect(
      items().map((item) => item.querySelector('.slidemark-overview-title')?.textContent),
    ).toEqual(['New 0', 'New 1'])
  })

  it('closing twice reports once; destroy removes the grid', () => {
    const { host, overview, toggles } = setup()
    overview.toggle()
    overview.close()
    overview.close()
    expect(toggles).toEqual([true, false])
    overview.destroy()
    expect(host.querySelector('[data-slidemark-overview]')).toBeNull()
  })
})

describe('the overview inside a mounted deck', () => {
  it('o and Escape toggle it; arrows and Enter choose a slide', async () => {
    const { mountDeck } = await import('../src/dom/index.js')
    const root = document.createElement('div')
    document.body.append(root)
    const deck = mountDeck(
      root,
      slidesWith(1, 2, 1),
      { sync: false, hash: false },
      {
        name: 't',
        rootClass: 't',
        trackClass: 't-track',
        slideClass: 't-slide',
        width: 400,
        height: 300,
        render,
      },
    )
    onTestFinished(() => deck.destroy())
    const overview: Overview = deck.overview
    press('o')
    expect(overview.isOpen).toBe(true)
    expect(deck.element.classList.contains('overview')).toBe(true)
    press('ArrowRight')
    press('ArrowRight')
    expect(deck.state.slide).toBe(0)
    press('Enter')
    expect(deck.state.slide).toBe(2)
    expect(overview.isOpen).toBe(false)
    expect(deck.element.classList.contains('overview')).toBe(false)
    press('Escape')
    expect(overview.isOpen).toBe(true)
    press('Escape')
    expect(overview.isOpen).toBe(false)
  })
})
