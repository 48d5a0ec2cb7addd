import { afterEach, describe, expect, it } from 'vitest'
import {
  CODE_LINE_DIM_CLASS,
  MAGIC_MOVE_CURRENT_CLASS,
  placeSlide,
  showCodeSteps,
  stateAt,
} from '../src/dom/index.js'

afterEach(() => {
  document.body.innerHTML = ''
})

const lines = (count: number) =>
  Array.from(
    { length: count },
    (_, i) => `<span data-line=""><span>line${i + 1}</span></span>`,
  ).join('\n')

function block(steps: string, focus: string, count: number): HTMLElement {
  const slide = document.createElement('div')
  slide.innerHTML = `<figure data-code-steps="${steps}" data-code-focus="${focus}"><pre><code>${lines(count)}</code></pre></figure>`
  document.body.append(slide)
  return slide
}

const dimmed = (root: ParentNode) =>
  [...root.querySelectorAll('[data-line]')].map((line) =>
    line.classList.contains(CODE_LINE_DIM_CLASS),
  )

describe('stateAt', () => {
  it('is the last state started at or before the step, else the first', () => {
    expect(stateAt([2, 3, 5], 0)).toBe(0)
    expect(stateAt([2, 3, 5], 4)).toBe(1)
    expect(stateAt([2, 3, 5], Number.POSITIVE_INFINITY)).toBe(2)
  })
})

describe('showCodeSteps', () => {
  it('focuses the lines of the step and dims the others', () => {
    const slide = block('0 1 2', '1|2 3|*', 3)
    showCodeSteps(slide, 0)
    expect(dimmed(slide)).toEqual([false, true, true])
    showCodeSteps(slide, 1)
    expect(dimmed(slide)).toEqual([true, false, false])
    showCodeSteps(slide, 2)
    expect(dimmed(slide)).toEqual([false, false, false])
    showCodeSteps(slide, 0)
    expect(dimmed(slide)).toEqual([false, true, true])
  })

  it('a slide placed in the past shows the last code step, one in the future the first', () => {
    const slide = block('0 1', '2|1', 2)
    placeSlide(slide, -1, 0)
    expect(dimmed(slide)).toEqual([false, true])
    placeSlide(slide, 1, 5)
    expect(dimmed(slide)).toEqual([true, false])
  })

  it('a magic-move block shows one version per step and makes the others inert', () => {
    const slide = document.createElement('div')
    slide.innerHTML = `<div class="slidemark-magic-move" data-magic-move-steps="0 2"><figure>${lines(1)}</figure><figure>${lines(2)}</figure></div>`
    const versions = () =>
      [...slide.querySelectorAll('.slidemark-magic-move > figure')].map((version) => [
        version.classList.contains(MAGIC_MOVE_CURRENT_CLASS),
        version.hasAttribute('inert'),
      ])
    showCodeSteps(slide, 1, true)
    expect(versions()).toEqual([
      [true, false],
      [false, true],
    ])
    showCodeSteps(slide, 2, true)
    expect(versions()).toEqual([
      [false, true],
      [true, false],
    ])
  })
})
