import { describe, expect, it } from 'vitest'
import { formatHash, parseHash } from '../src/index.js'

describe('URL hash', () => {
  it('writes a 1-based #slideN for a slide’s first step', () => {
    expect(formatHash({ slide: 0, step: 0 })).toBe('#slide1')
    expect(formatHash({ slide: 11, step: 0 })).toBe('#slide12')
  })
  it('writes #slideN.M with a 1-based step past the first step', () => {
    expect(formatHash({ slide: 2, step: 1 })).toBe('#slide3.2')
  })
  it('reads back what it writes', () => {
    for (const position of [
      { slide: 0, step: 0 },
      { slide: 4, step: 0 },
      { slide: 4, step: 3 },
    ]) {
      expect(parseHash(formatHash(position))).toEqual(position)
    }
  })
  it('rejects other hashes and slide 0', () => {
    expect(parseHash('')).toBeNull()
    expect(parseHash('#intro')).toBeNull()
    expect(parseHash('#slide')).toBeNull()
    expect(parseHash('#slide0')).toBeNull()
    expect(parseHash('#slide2.0')).toBeNull()
  })
})
