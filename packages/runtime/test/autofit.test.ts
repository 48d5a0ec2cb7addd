import { describe, expect, it } from 'vitest'
import {
  describeOverflow,
  fitHeadings,
  fitSettings,
  fitSlide,
  type Measure,
  searchFitScale,
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
