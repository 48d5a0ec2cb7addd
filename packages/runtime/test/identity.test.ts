import { describe, expect, it } from 'vitest'
import { followSlide, type PresentableSlide } from '../src/index.js'

/** A slide per title; `body` differs only where a test says so. */
function slides(...titles: string[]): PresentableSlide[] {
  return titles.map((title, index) => ({
    index,
    title,
    header: title ? `<h1>${title}</h1>` : '',
    content: `<p>About ${title || 'nothing'}</p>`,
    kind: title ? 'content' : 'title',
    steps: 1,
    notes: '',
    classes: [],
  }))
}

describe('followSlide', () => {
  it('a slide inserted before the current one keeps you on the current slide', () => {
    const before = slides('Intro', 'Greenlets', 'Hubs', 'Questions')
    const after = slides('Intro', 'Why now?', 'Greenlets', 'Hubs', 'Questions')
    expect(followSlide(before, after, 2)).toBe(3)
  })

  it('a slide removed before the current one keeps you on the current slide', () => {
    const before = slides('Intro', 'Why now?', 'Greenlets', 'Hubs')
    const after = slides('Intro', 'Greenlets', 'Hubs')
    expect(followSlide(before, after, 2)).toBe(1)
  })

  it('an edit to the current slide’s body keeps its number', () => {
    const before = slides('Intro', 'Greenlets', 'Hubs')
    const after = slides('Intro', 'Greenlets', 'Hubs')
    ;(after[1] as PresentableSlide).content = '<p>Rewritten</p>'
    expect(followSlide(before, after, 1)).toBe(1)
  })

  it('a renamed current slide is found by its content when slides moved around it', () => {
    const before = slides('Intro', 'Greenlets', 'Hubs', 'End')
    const after = slides('Intro', 'New', 'Hubs', 'Green threads', 'End')
    ;(after[3] as PresentableSlide).content = '<p>About Greenlets</p>'
    ;(after[3] as PresentableSlide).header = '<h1>Greenlets</h1>'
    expect(followSlide(before, after, 1)).toBe(3)
  })

  it('a slide moved elsewhere is followed by its heading', () => {
    const before = slides('Intro', 'A', '日本語のスライド', 'B', 'End')
    const after = slides('Intro', '日本語のスライド', 'A', 'B', 'End')
    expect(followSlide(before, after, 2)).toBe(1)
  })

  it('a deleted current slide lands on the slide that followed it', () => {
    const before = slides('Intro', 'Gone', 'Next', 'End')
    const after = slides('Intro', 'Next', 'End')
    expect(followSlide(before, after, 1)).toBe(1)
  })

  it('stays in bounds when the deck shrank to one slide or none', () => {
    expect(followSlide(slides('A', 'B', 'C'), slides('Z'), 2)).toBe(0)
    expect(followSlide(slides('A', 'B'), [], 1)).toBe(0)
  })
})
