import { lazySlides } from '../lib/lazy.js'
import type { Presentation } from '../lib/presentation.js'
import type { PresentableSlide } from '../lib/types.js'
import { createSlideElement, PENDING_ATTRIBUTE, placeSlide, type RenderSlide } from './slide.js'

export interface OverviewOptions<S extends PresentableSlide> {
  /** Element the overview grid is appended to. */
  host: HTMLElement
  deck: Presentation<S>
  slideClass: string
  render: RenderSlide<S>
  /** Called when the overview opens or closes. */
  onToggle?: (open: boolean) => void
}

export interface Overview {
  readonly isOpen: boolean
  /** The slide index that Enter would open. */
  readonly selected: number
  open(): void
  close(): void
  toggle(): void
  /** Move the selection by `delta` slides (clamped). */
  move(delta: number): void
  /** Move the selection one row up (-1) or down (+1). */
  moveRow(direction: -1 | 1): void
  /** Go to the selected slide (or `index`) and close. */
  pick(index?: number): void
  /** Forget the built grid (after a hot update); rebuilt on next open. */
  invalidate(): void
  destroy(): void
}

/**
 * A grid of every slide, `div.slidemark-overview[role=dialog]` holding one
 * `button.slidemark-overview-item[data-slide]` per slide, each with a
 * `div.slidemark-thumb` preview. Previews are drawn lazily as they scroll
 * into view (IntersectionObserver), so a 2 000-slide deck opens it quickly.
 */
export function createOverview<S extends PresentableSlide>(options: OverviewOptions<S>): Overview {
  const { host, deck, slideClass, render, onToggle } = options
  const doc = host.ownerDocument
  const grid = doc.createElement('div')
  grid.className = 'slidemark-overview'
  grid.setAttribute('data-slidemark-overview', '')
  grid.setAttribute('role', 'dialog')
  grid.setAttribute('aria-label', 'Slide overview')
  grid.hidden = true
  host.append(grid)
  let items: HTMLButtonElement[] = []
  let selected = 0
  let built = false
  let observer: IntersectionObserver | null = null

  const drawThumb = (item: HTMLElement) => {
    const index = Number(item.dataset.slide)
    const slide = deck.slides[index]
    const thumb = item.firstElementChild
    if (!slide || !thumb || thumb.childElementCount > 0) return
    const element = createSlideElement(doc, slide, slideClass, render)
    placeSlide(element, 0, Number.POSITIVE_INFINITY)
    thumb.append(element)
  }

  // A chunked deck: a thumbnail drawn while its slide was loading is drawn again once it is here.
  const stopLazy = lazySlides(deck.slides)?.onLoad((from, to) => {
    for (const item of items.slice(from, to)) {
      const thumb = item.firstElementChild
      if (!thumb?.querySelector(`[${PENDING_ATTRIBUTE}]`)) continue
      thumb.textContent = ''
      drawThumb(item)
    }
  })

  function build() {
    observer?.disconnect()
    grid.textContent = ''
    items = deck.slides.map((slide, index) => {
      const item = doc.createElement('button')
      item.type = 'button'
      item.className = 'slidemark-overview-item'
      item.dataset.slide = String(index)
      const thumb = doc.createElement('div')
      thumb.className = 'slidemark-thumb'
      thumb.setAttribute('aria-hidden', 'true')
      thumb.inert = true
      const number = doc.createElement('span')
      number.className = 'slidemark-overview-number'
      number.textContent = String(index + 1)
      const caption = doc.createElement('span')
      caption.className = 'slidemark-overview-title'
      caption.textContent = slide.title
      // The visible number and title are the button's accessible name.
      item.append(thumb, number, ' ', caption)
      item.addEventListener('click', () => overview.pick(index))
      return item
    })
    grid.append(...items)
    if (typeof IntersectionObserver === 'function') {
      observer = new IntersectionObserver(
        (entries) => {
          for (const entry of entries)
            if (entry.isIntersecting) drawThumb(entry.target as HTMLElement)
        },
        { root: grid, rootMargin: '50%' },
      )
      for (const item of items) observer.observe(item)
    } else {
      for (const item of items) drawThumb(item)
    }
    built = true
  }

  function select(index: number) {
    selected = Math.min(Math.max(index, 0), Math.max(0, items.length - 1))
    items.forEach((item, i) => {
      item.classList.toggle('selected', i === selected)
      item.setAttribute('aria-current', String(i === deck.state.slide))
    })
    const item = items[selected]
    if (item) {
      drawThumb(item)
      item.focus({ preventScroll: true })
      item.scrollIntoView?.({ block: 'nearest' })
    }
  }

  const overview: Overview = {
    get isOpen() {
      return !grid.hidden
    },
    get selected() {
      return selected
    },
    open() {
      if (!built) build()
      grid.hidden = false
      select(deck.state.slide)
      onToggle?.(true)
    },
    close() {
      if (grid.hidden) return
      grid.hidden = true
      onToggle?.(false)
    },
    toggle() {
      if (grid.hidden) overview.open()
      else overview.close()
    },
    move: (delta) => select(selected + delta),
    moveRow(direction) {
      select(selected + direction * columns())
    },
    pick(index = selected) {
      deck.go(index)
      overview.close()
    },
    invalidate() {
      built = false
      if (!grid.hidden) overview.open()
    },
    destroy() {
      stopLazy?.()
      observer?.disconnect()
      grid.remove()
    },
  }
  return overview

  /** Items per row, read from the layout (1 when there is none, as in tests). */
  function columns(): number {
    const top = items[0]?.offsetTop
    let count = 0
    for (const item of items) {
      if (item.offsetTop !== top) break
      count++
    }
    return count > 0 && count < items.length ? count : 1
  }
}
