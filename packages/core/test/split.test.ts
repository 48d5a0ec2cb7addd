import { describe, expect, test } from 'vitest'
import { splitSlides } from '../src/index.js'

const split = (text: string, compat = true) =>
  splitSlides(text.split('\n'), { compat }).map((slide) => slide.text)

describe('splitSlides', () => {
  test.each(['---', '***', '___', '- - -', '* * *', '   ---', '-----', '---   '])(
    '`%s` on its own line after a blank line splits slides',
    (rule) => {
      expect(split(`A\n\n${rule}\n\nB`)).toEqual(['A', 'B'])
    },
  )

  test('four spaces of indent make code, not a break', () => {
    expect(split('A\n\n    ---\n\nB')).toEqual(['A\n\n    ---\n\nB'])
  })

  test('`---` directly under paragraph text is a setext underline', () => {
    expect(split('Title\n---\n\nBody')).toEqual(['Title\n---\n\nBody'])
  })

  test('`***`, `___` and `- - -` under paragraph text are breaks', () => {
    expect(split('A\n***\nB')).toEqual(['A', 'B'])
    expect(split('A\n___\nB')).toEqual(['A', 'B'])
    expect(split('A\n- - -\nB')).toEqual(['A', 'B'])
  })

  test('`---` under a heading, list item, quote, table, fence or code is a break', () => {
    expect(split('# H\n---\nB')).toEqual(['# H', 'B'])
    expect(split('- item\n---\nB')).toEqual(['- item', 'B'])
    expect(split('> quote\n---\nB')).toEqual(['> quote', 'B'])
    expect(split('| a |\n| - |\n| 1 |\n---\nB')).toEqual(['| a |\n| - |\n| 1 |', 'B'])
    expect(split('```\nx\n```\n---\nB')).toEqual(['```\nx\n```', 'B'])
    expect(split('    code\n---\nB')).toEqual(['    code', 'B'])
  })

  test('`#Title` counts as a heading before `---` only in compat mode', () => {
    expect(split('#Title\n---\nB')).toEqual(['#Title', 'B'])
    expect(split('#Title\n---\nB', false)).toEqual(['#Title\n---\nB'])
  })

  test('breaks inside fenced code do not split, whatever the fence', () => {
    expect(split('```\n---\n```')).toEqual(['```\n---\n```'])
    expect(split('~~~\n---\n~~~')).toEqual(['~~~\n---\n~~~'])
    expect(split('````\n```\n---\n````\n\n---\n\nB')).toEqual(['````\n```\n---\n````', 'B'])
    expect(split('~~~~\n~~~\n---\n~~~~')).toEqual(['~~~~\n~~~\n---\n~~~~'])
  })

  test('an unclosed fence runs to the end of the deck', () => {
    expect(split('A\n\n```\n---\nB')).toEqual(['A\n\n```\n---\nB'])
  })

  test('breaks inside a multi-line HTML comment do not split', () => {
    expect(split('<!--\n---\n-->\n\n---\n\nB')).toEqual(['<!--\n---\n-->', 'B'])
  })

  test('empty slides are dropped and blank lines around a slide are not part of it', () => {
    const slides = splitSlides('\n---\n\n\n---\n\n  A\n\n---\n\n'.split('\n'))
    expect(slides).toEqual([{ start: 7, end: 7, text: '  A' }])
  })

  test('line numbers are 1-based and inclusive', () => {
    const slides = splitSlides('A\nA2\n\n---\nB'.split('\n'))
    expect(slides.map(({ start, end }) => [start, end])).toEqual([
      [1, 2],
      [5, 5],
    ])
  })

  test('`from` skips front matter lines', () => {
    const slides = splitSlides('---\na: 1\n---\nA'.split('\n'), { from: 3 })
    expect(slides).toEqual([{ start: 4, end: 4, text: 'A' }])
  })
})
