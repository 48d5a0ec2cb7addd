import { describe, expect, it } from 'vitest'
import { clampPosition, lastPosition, nextPosition, prevPosition, stepCount } from '../src/index.js'

const slides = [{ steps: 1 }, { steps: 3 }, { steps: 2 }]

describe('nextPosition', () => {
  it('moves to the next slide when the slide has no build steps', () => {
    expect(nextPosition(slides, { slide: 0, step: 0 })).toEqual({ slide: 1, step: 0 })
  })
  it('reveals the next build step before leaving the slide', () => {
    expect(nextPosition(slides, { slide: 1, step: 0 })).toEqual({ slide: 1, step: 1 })
    expect(nextPosition(slides, { slide: 1, step: 1 })).toEqual({ slide: 1, step: 2 })
  })
  it('goes to the next slide from the last build step', () => {
    expect(nextPosition(slides, { slide: 1, step: 2 })).toEqual({ slide: 2, step: 0 })
  })
  it('stays on the last step of the last slide', () => {
    expect(nextPosition(slides, { slide: 2, step: 1 })).toEqual({ slide: 2, step: 1 })
  })
})

describe('prevPosition', () => {
  it('hides the current build step first', () => {
    expect(prevPosition(slides, { slide: 1, step: 2 })).toEqual({ slide: 1, step: 1 })
  })
  it('goes back onto the previous slide with all its steps shown', () => {
    expect(prevPosition(slides, { slide: 2, step: 0 })).toEqual({ slide: 1, step: 2 })
  })
  it('stays on the first slide', () => {
    expect(prevPosition(slides, { slide: 0, step: 0 })).toEqual({ slide: 0, step: 0 })
  })
})

describe('clampPosition', () => {
  it('clamps a slide past the end to the last slide', () => {
    expect(clampPosition(slides, { slide: 9, step: 0 })).toEqual({ slide: 2, step: 0 })
  })
  it('clamps a step past the slide’s steps to its last step', () => {
    expect(clampPosition(slides, { slide: 1, step: 7 })).toEqual({ slide: 1, step: 2 })
  })
  it('clamps negative and fractional values', () => {
    expect(clampPosition(slides, { slide: -3, step: 1.7 })).toEqual({ slide: 0, step: 0 })
  })
  it('treats an empty deck as position 0/0', () => {
    expect(clampPosition([], { slide: 4, step: 2 })).toEqual({ slide: 0, step: 0 })
  })
})

describe('stepCount and lastPosition', () => {
  it('counts a missing or invalid steps value as one step', () => {
    expect(stepCount([{ steps: 0 }], 0)).toBe(1)
    expect(stepCount([], 5)).toBe(1)
  })
  it('puts the last position on the last slide with all its steps shown', () => {
    expect(lastPosition(slides)).toEqual({ slide: 2, step: 1 })
  })
})
