import type { DeckMessage } from '@slidemark/core'
import { describe, expect, it } from 'vitest'
import { codeFrame, deckMessageError } from '../src/errors.js'

const source = ['---', 'title: x', '---', '', '# One', '', '![a](./missing.png)', '', 'end'].join(
  '\n',
)

describe('codeFrame', () => {
  it('marks the line and points a caret at the 1-based column', () => {
    expect(codeFrame(source, 7, 3)).toBe(
      ['  5 | # One', '  6 |', '> 7 | ![a](./missing.png)', '    |   ^', '  8 |', '  9 | end'].join(
        '\n',
      ),
    )
  })

  it('clips the context at the start of the file', () => {
    expect(codeFrame(source, 1, 1).split('\n')[0]).toBe('> 1 | ---')
  })
})

describe('deckMessageError', () => {
  const error = (line: number, reason: string): DeckMessage => ({
    reason,
    file: '/app/src/talk.slides.md',
    line,
    column: 1,
    severity: 'error',
    ruleId: 'plugin-error',
    source: 'slidemark',
  })

  it('points at the first error and lists the others with their places', () => {
    const result = deckMessageError(
      [error(5, 'first'), error(9, 'second')],
      '/app/src/talk.slides.md',
      source,
      '/app',
    )
    expect(result.message).toBe(
      'src/talk.slides.md:5:1: error: first [plugin-error]\n  also: src/talk.slides.md:9:1: error: second [plugin-error]',
    )
    expect(result.loc).toEqual({ file: '/app/src/talk.slides.md', line: 5, column: 1 })
    expect(result.frame).toContain('> 5 | # One')
  })
})
