import { describe, expect, it } from 'vitest'
import { codeFrame } from '../src/errors.js'

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
