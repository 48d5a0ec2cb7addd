import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  describeOverflow,
  fitHeadings,
  fitSettings,
  fitSlide,
  type Measure,
  type SlideOverflow,
  searchFitScale,
  watchAutoFit,
} from '../src/dom/index.js'

/** Content `height` px tall at scale 1 in a 700 px box that shrinks linearly (nothing re-wraps). */
const linear =
  (height: number, calls: number[] = []) =>
  (scale: number): Measure => {
    calls.push(scale)
    return {
      box: { width: 900, height: 700 },
      need: { width: 800 * scale, height: height * scale },
    }
  }

describe('searchFitScale', () => {
  it('keeps scale 1 and measures once when the content fits', () => {
    const calls: number[] = []
    expect(searchFitScale(linear(650, calls), 0.5)).toEqual({
      scale: 1,
      excess: { width: 0, height: 0 },
    })
    expect(calls).toEqual([1])
  })

  it('finds the largest scale that fits and leaves the content at it', () => {
    const calls: number[] = []
    const { scale, excess } = searchFitScale(linear(1400, calls), 0.5)
    expect(scale).toBe(0.5)
    expect(excess).toEqual({ width: 0, height: 0 })
    expect(calls.at(-1)).toBe(scale)
  })

  it('searches upwards when re-wrapped text needs less room than the ratio says', () => {
    // Height drops faster than the scale (lines get wider): fits from 0.8 on.
    const rewrap = (scale: number): Measure => ({
      box: { width: 900, height: 700 },
      need: { width: 800, height: scale > 0.8 ? 1000 * scale : 690 },
    })
    const result = searchFitScale(rewrap, 0.5)
    expect(result.scale).toBeGreaterThan(0.79)
    expect(result.scale).toBeLessThanOrEqual(0.8)
  })

  it('stops at the floor and says by how much the content is still too big', () => {
    const result = searchFitScale(linear(2000), 0.5)
    expect(result.scale).toBe(0.5)
    expect(Math.round(result.excess.height)).toBe(300)
  })
})

describe('fitSettings', () => {
  it('fits by default with a floor of one half', () => {
    expect(fitSettings({}, {})).toEqual({ enabled: true, floor: 0.5 })
  })
  it('reads fit: false and a numeric floor from the front matter', () => {
    expect(fitSettings({}, { fit: false }).enabled).toBe(false)
    expect(fitSettings({}, { fit: 0.6 })).toEqual({ enabled: true, floor: 0.6 })
  })
  it('lets mount options win over the front matter', () => {
    expect(fitSettings({ fit: true, fitFloor: 0.7 }, { fit: false })).toEqual({
      enabled: true,
      floor: 0.7,
    })
  })
})

describe('describeOverflow', () => {
  it('names the slide, its line and the excess at the floor', () => {
    expect(
      describeOverflow({ index: 6, line: 42, excess: { width: 0, height: 119.2 }, scale: 0.5 }),
    ).toBe('slide 7 (line 42) does not fit: 120 px too tall at 50 %')
  })
})

describe('fitSlide', () => {
  it('leaves a slide without layout alone (no measurement, no attribute)', () => {
    const slide = document.createElement('div')
    slide.innerHTML = '<section>text</section>'
    document.body.append(slide)
    expect(fitSlide(slide)).toBeNull()
    expect(slide.hasAttribute('data-slidemark-fit')).toBe(false)
    slide.remove()
  })
})

describe('fitHeadings (Marp `<!-- fit -->`)', () => {
  /** A heading `room` px wide whose text is `text` px wide at its 40px font size. */
  const laidOut = (room: number, text: number) => {
    const slide = document.createElement('div')
    slide.innerHTML =
      '<style>h1 { font-size: 40px }</style><h1 class="slidemark-fit">Fit me</h1><h2>Not me</h2>'
    document.body.append(slide)
    const heading = slide.querySelector('h1') as HTMLElement
    Object.defineProperty(heading, 'offsetWidth', { value: room })
    Object.defineProperty(heading, 'clientWidth', { value: room })
    heading.getBoundingClientRect = () => ({ width: room }) as DOMRect
    const range = document.createRange.bind(document)
    document.createRange = () => {
      const made = range()
      made.getBoundingClientRect = () => {
        const size = Number.parseFloat(heading.style.fontSize || '40')
        return { width: (text * size) / 40 } as DOMRect
      }
      return made
    }
    const restore = () => {
      document.createRange = range
      slide.remove()
    }
    return { slide, heading, restore }
  }

  it('shrinks a long heading to its width on one line, and grows a short one (at most 4×)', () => {
    const long = laidOut(1000, 2000)
    fitHeadings(long.slide)
    expect(long.heading.style.whiteSpace).toBe('nowrap')
    expect(long.heading.style.fontSize).toBe('20px')
    long.restore()
    const short = laidOut(1000, 100)
    fitHeadings(short.slide)
    expect(short.heading.style.fontSize).toBe('160px')
    expect((short.slide.querySelector('h2') as HTMLElement).style.fontSize).toBe('')
    short.restore()
  })
})

/**
 * A slide element with a 900 × 700 layout whose content is `height` px tall
 * at zoom 1 (happy-dom has no layout): counts its measurements.
 */
function laidOutSlide(index: number, height: number, measured: number[]) {
  const slide = document.createElement('div')
  slide.setAttribute('aria-roledescription', 'slide')
  slide.dataset.index = String(index)
  const body = document.createElement('div')
  body.dataset.height = String(height)
  body.textContent = `slide ${index}`
  slide.append(body)
  Object.defineProperty(slide, 'offsetWidth', { value: 900 })
  slide.getBoundingClientRect = () => {
    measured.push(index)
    return DOMRect.fromRect({ x: 0, y: 0, width: 900, height: 700 })
  }
  return slide
}

describe('watchAutoFit', () => {
  afterEach(() => {
    vi.restoreAllMocks()
    document.body.replaceChildren()
  })

  /** Content boxes scale with the zoom auto-fit puts on the slide's body. */
  function stubContentBoxes() {
    vi.spyOn(Range.prototype, 'getClientRects').mockImplementation(function (this: Range) {
      const body = this.startContainer as HTMLElement
      const zoom = Number(body.style.getPropertyValue('zoom') || 1)
      const height = Number(body.dataset.height) * zoom
      return [DOMRect.fromRect({ x: 0, y: 0, width: 800 * zoom, height })] as unknown as DOMRectList
    })
  }

  it('after an edit of some slides, keeps the fit of the others and reports them again without measuring', async () => {
    stubContentBoxes()
    const measured: number[] = []
    const root = document.createElement('div')
    root.append(laidOutSlide(0, 500, measured), laidOutSlide(1, 2000, measured))
    document.body.append(root)
    const overflows: SlideOverflow[] = []
    let floor = 0.5
    const fit = watchAutoFit(root, {
      enabled: () => true,
      floor: () => floor,
      onOverflow: (overflow) => overflows.push(overflow),
    })
    expect(measured).toContain(0)
    expect(overflows.map(({ index }) => index)).toEqual([1])
    const scale = root.children[1]?.getAttribute('data-slidemark-fit')

    measured.length = 0
    // The edited slide's new element is added as the update runs: the observer fits it.
    const edited = laidOutSlide(2, 1000, measured)
    root.append(edited)
    fit.refit({ kept: true })
    expect(measured).toEqual([])
    expect(overflows.map(({ index }) => index)).toEqual([1, 1])
    expect(root.children[1]?.getAttribute('data-slidemark-fit')).toBe(scale)
    await Promise.resolve()
    expect(new Set(measured)).toEqual(new Set([2]))
    expect(edited.getAttribute('data-slidemark-fit')).toBe('0.7')

    // New fit settings (a front-matter edit) measure every slide again.
    measured.length = 0
    floor = 0.25
    fit.refit({ kept: true })
    expect(new Set(measured)).toEqual(new Set([0, 1, 2]))
    expect(root.children[1]?.getAttribute('data-slidemark-fit')).toBe('0.35')

    measured.length = 0
    fit.refit()
    expect(new Set(measured)).toEqual(new Set([0, 1, 2]))
    fit.destroy()
  })
})

describe('watchAutoFit and the live window', () => {
  afterEach(() => {
    vi.restoreAllMocks()
    document.body.replaceChildren()
  })

  it('fits the slides on screen as they are added, those two places away after the next paint', async () => {
    const measured: number[] = []
    const root = document.createElement('div')
    document.body.append(root)
    const fit = watchAutoFit(root, { enabled: () => true, floor: () => 0.5 })
    const slides = [-2, -1, 0, 1, 2].map((offset) => {
      const slide = laidOutSlide(10 + offset, 1000, measured)
      slide.dataset.offset = String(offset)
      return slide
    })
    root.append(...slides)
    await Promise.resolve()
    expect(new Set(measured)).toEqual(new Set([9, 10, 11]))
    expect(slides[0]?.hasAttribute('data-slidemark-fit')).toBe(false)
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 10)))
    expect(new Set(measured)).toEqual(new Set([8, 9, 10, 11, 12]))
    expect(slides.every((slide) => slide.hasAttribute('data-slidemark-fit'))).toBe(true)
    fit.destroy()
  })
})
