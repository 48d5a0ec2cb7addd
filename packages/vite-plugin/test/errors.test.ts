import { describe, expect, it } from 'vitest'
import { codeFrame, thrownError } from '../src/errors.js'

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

describe('thrownError', () => {
  it('keeps the place of an error thrown with a position (a vfile message)', () => {
    const error = Object.assign(new Error('Bad node'), {
      place: { start: { line: 7, column: 1 }, end: { line: 7, column: 20 } },
      ruleId: 'my-rule',
    })
    const result = thrownError(error, '/app/src/talk.slides.md', source, '/app')
    expect(result.message).toBe('src/talk.slides.md:7:1: Bad node [my-rule]')
    expect(result.loc).toEqual({ file: '/app/src/talk.slides.md', line: 7, column: 1 })
    expect(result.frame).toContain('> 7 |')
  })

  it('names the deck when the error has no place', () => {
    const result = thrownError(new Error('boom'), '/app/src/talk.slides.md', source, '/app')
    expect(result.message).toBe('src/talk.slides.md: boom')
    expect(result.id).toBe('/app/src/talk.slides.md')
    expect(result.loc).toBeUndefined()
  })
})
