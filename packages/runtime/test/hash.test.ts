import { describe, expect, it } from 'vitest'
import { formatHash, parseHash, withHashPart } from '../src/index.js'

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

describe('namespaced hashes (embedded decks)', () => {
  it('formats and reads a namespaced part', () => {
    expect(formatHash({ slide: 2, step: 1 }, 'intro')).toBe('#intro-slide3.2')
    expect(parseHash('#intro-slide3.2', 'intro')).toEqual({ slide: 2, step: 1 })
  })

  it('each deck reads only its own part', () => {
    const hash = '#intro-slide3&demo-slide5.2'
    expect(parseHash(hash, 'intro')).toEqual({ slide: 2, step: 0 })
    expect(parseHash(hash, 'demo')).toEqual({ slide: 4, step: 1 })
    expect(parseHash(hash)).toBeNull()
    expect(parseHash('#slide4', 'intro')).toBeNull()
  })

  it('a move replaces only the deck’s own part', () => {
    expect(withHashPart('#intro-slide3&demo-slide5', { slide: 6, step: 0 }, 'demo')).toBe(
      '#intro-slide3&demo-slide7',
    )
    expect(withHashPart('#intro-slide3', { slide: 0, step: 0 }, 'demo')).toBe(
      '#intro-slide3&demo-slide1',
    )
    expect(withHashPart('#intro-slide3', { slide: 1, step: 0 })).toBe('#slide2')
  })
})
