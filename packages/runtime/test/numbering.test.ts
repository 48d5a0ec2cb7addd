import { expect, test } from 'vitest'
import { slideCounter, slideNumber } from '../src/index.js'

test('every slide counted: its position and the deck length', () => {
  const slides = [{}, {}, {}]
  expect(slides.map((_, index) => slideCounter(slides, index))).toEqual(['1 / 3', '2 / 3', '3 / 3'])
})

test('a slide left out of the count shows the number before it; the total leaves it out', () => {
  const slides = [{ uncounted: true }, {}, { uncounted: true }, {}, {}]
  expect(slides.map((_, index) => slideNumber(slides, index))).toEqual([1, 1, 1, 2, 3])
  expect(slideCounter(slides, 2)).toBe('1 / 3')
  expect(slideCounter(slides, 4)).toBe('3 / 3')
  expect(slideCounter([], 0)).toBe('0 / 0')
})
